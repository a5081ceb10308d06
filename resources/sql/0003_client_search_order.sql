-- Masahista schema, version 3: client search that sorts without reading each client.
--
-- A search for a common start of a name ("trem") matches thousands of clients, of which the
-- first page by name is shown. With the folded name and the archived flag beside each search
-- word, one index range gives the matches already with what they are sorted and filtered by,
-- and only the page shown is read from the clients table. ClientRepository fills the words
-- again for every client when this version is applied.

DROP TABLE client_search_words;

CREATE TABLE client_search_words (
    word      TEXT    NOT NULL CHECK (word <> ''),
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    sort_name TEXT    NOT NULL,
    archived  INTEGER NOT NULL CHECK (archived IN (0, 1))
);

CREATE INDEX client_search_words_by_word
    ON client_search_words (word, sort_name, client_id, archived);
CREATE INDEX client_search_words_by_client ON client_search_words (client_id);

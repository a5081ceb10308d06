#include "ClientRepository.h"

#include "SqlQuery.h"
#include "WriteTransaction.h"

#include <algorithm>
#include <array>

namespace masahista {

namespace {

constexpr int maxSearchWords = 6;

const QString clientSelect = QStringLiteral(
    "SELECT id, full_name, phone, email, date_of_birth, notes, archived FROM clients ");

Client clientFrom(const SqlQuery& query)
{
    Client client;
    client.id = query.integer(0);
    client.fullName = query.text(1);
    client.phone = query.text(2);
    client.email = query.text(3);
    client.dateOfBirth = query.date(4);
    client.notes = query.text(5);
    client.archived = query.flag(6);
    return client;
}

void bindClient(SqlQuery& query, const Client& client)
{
    query.bind(QStringLiteral(":name"), client.fullName)
        .bind(QStringLiteral(":phone"), client.phone)
        .bind(QStringLiteral(":email"), client.email)
        .bind(QStringLiteral(":birth"), client.dateOfBirth)
        .bind(QStringLiteral(":notes"), client.notes)
        .bind(QStringLiteral(":archived"), client.archived)
        .bind(QStringLiteral(":search"), ClientRepository::searchKey(client));
}

QString digitsOf(const QString& text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit()) {
            digits.append(c);
        }
    }
    return digits;
}

// Text made only of digits, white space and phone punctuation is looked up as a phone number;
// the punctuation is what ClientService::normalizePhone() accepts, so a number is found as
// typed or pasted.
bool looksLikePhone(const QString& text)
{
    bool anyDigit = false;
    for (QChar c : text) {
        if (c.isDigit()) {
            anyDigit = true;
        } else if (!c.isSpace() && !QStringView(u"+-()./").contains(c)) {
            return false;
        }
    }
    return anyDigit;
}

// The least text after every text that begins with `prefix`, for a range "word >= prefix AND
// word < bound" that an index answers. Text compares by code point (SQLite's BINARY collation;
// PostgreSQL needs the C collation on the column for the same), so the last code point is
// raised, not the last UTF-16 unit: raising the low surrogate of U+1F3FF (the darkest skin
// tone) would make no character at all, and U+FFFF is followed by U+10000.
QString prefixBound(const QString& prefix)
{
    QList<uint> points = prefix.toUcs4();
    constexpr uint lastPoint = 0x10ffff;
    while (!points.isEmpty() && points.back() == lastPoint) {
        points.removeLast();
    }
    if (points.isEmpty()) {
        // Only U+10FFFF: nothing follows it, so the bound misses just the words that go on
        // with more of it.
        return prefix + QChar::fromUcs4(lastPoint).operator QStringView();
    }
    uint& raised = points.back();
    raised = raised == 0xd7ff ? 0xe000 : raised + 1; // past the surrogates, which are no text
    QString bound;
    for (uint point : points) {
        bound += QChar::fromUcs4(point).operator QStringView();
    }
    return bound;
}

// Lists of ids are bound as "IN (:id0, ..., :idN)" in a few lengths only, so that few
// statements get prepared; the rest of a list is filled with 0, an id no row has. A single id
// keeps a list of one, which SQLite reads as "= :id0": a longer list makes it build a temporary
// table on every run, most of the cost of a booking check's one client.
constexpr qsizetype maxIdsPerQuery = 64;
constexpr std::array<qsizetype, 5> paddedLengths = {1, 8, 16, 32, maxIdsPerQuery};

std::size_t paddedStep(qsizetype count)
{
    std::size_t step = 0;
    while (paddedLengths.at(step) < count) {
        ++step;
    }
    return step;
}

qsizetype paddedLength(qsizetype count)
{
    return paddedLengths.at(paddedStep(count));
}

// ":id0" to ":id63", made once: a booking check binds a list for its client every time.
const QStringList& idNames()
{
    static const QStringList names = [] {
        QStringList made;
        for (qsizetype index = 0; index < maxIdsPerQuery; ++index) {
            made.append(QStringLiteral(":id%1").arg(index));
        }
        return made;
    }();
    return names;
}

QString idPlaceholders(qsizetype count)
{
    static const std::array<QString, paddedLengths.size()> lists = [] {
        std::array<QString, paddedLengths.size()> made;
        for (std::size_t step = 0; step < made.size(); ++step) {
            made.at(step) = idNames().mid(0, paddedLengths.at(step)).join(QStringLiteral(", "));
        }
        return made;
    }();
    return lists.at(paddedStep(count));
}

void bindIds(SqlQuery& query, const QList<Id>& ids)
{
    const QStringList& names = idNames();
    for (qsizetype index = 0; index < paddedLength(ids.size()); ++index) {
        query.bind(names.at(index), index < ids.size() ? ids.at(index) : Id{0});
    }
}

} // namespace

QString ClientRepository::fold(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing) {
            folded.append(c);
        }
    }
    return folded.toCaseFolded().simplified();
}

QStringList ClientRepository::searchWords(const Client& client)
{
    QStringList words;
    for (const QString& word : fold(client.fullName).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        words.append(word);
        if (word.contains(QLatin1Char('-'))) {
            words.append(word.split(QLatin1Char('-'), Qt::SkipEmptyParts));
        }
    }
    const QString email = fold(client.email).remove(QLatin1Char(' '));
    if (!email.isEmpty()) {
        words.append(email);
    }
    const QString digits = digitsOf(client.phone);
    if (!digits.isEmpty()) {
        words.append(digits);
        for (qsizetype tail : {7, 4}) {
            if (digits.size() > tail) {
                words.append(digits.right(tail));
            }
        }
    }
    words.removeDuplicates();
    return words;
}

Status ClientRepository::writeSearchWords(Id clientId, const Client& client)
{
    const QString doing = tr("saving the client %1").arg(client.fullName);
    SqlQuery clear(m_database,
                   QStringLiteral("DELETE FROM client_search_words WHERE client_id = :client"));
    clear.bind(QStringLiteral(":client"), clientId);
    if (Status status = clear.exec(doing); !status) {
        return status;
    }
    SqlQuery insert(m_database, QStringLiteral("INSERT INTO client_search_words (word, "
                                               "client_id, sort_name, archived) VALUES (:word, "
                                               ":client, :sort_name, :archived)"));
    const QString sortName = fold(client.fullName);
    for (const QString& word : searchWords(client)) {
        insert.bind(QStringLiteral(":word"), word)
            .bind(QStringLiteral(":client"), clientId)
            .bind(QStringLiteral(":sort_name"), sortName)
            .bind(QStringLiteral(":archived"), client.archived);
        if (Status status = insert.exec(doing); !status) {
            return status;
        }
    }
    return success();
}

Status ClientRepository::rebuildSearchWords()
{
    Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
    if (!transaction) {
        return transaction.error();
    }
    Result<QList<Client>> clients = all(true);
    if (!clients) {
        return clients.error();
    }
    for (const Client& client : *clients) {
        if (Status status = writeSearchWords(client.id, client); !status) {
            return status;
        }
    }
    return transaction->commit();
}

QString ClientRepository::searchKey(const Client& client)
{
    return fold(client.fullName) + QLatin1Char(' ') + fold(client.email) + QLatin1Char(' ') +
           digitsOf(client.phone);
}

Result<Id> ClientRepository::add(const Client& client, const QDateTime& createdUtc)
{
    Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
    if (!transaction) {
        return transaction.error();
    }
    SqlQuery insert(m_database,
                    QStringLiteral("INSERT INTO clients (full_name, phone, email, date_of_birth, "
                                   "notes, archived, search_text, created_at_utc) VALUES (:name, "
                                   ":phone, :email, :birth, :notes, :archived, :search, :created) "
                                   "RETURNING id"));
    bindClient(insert, client);
    insert.bind(QStringLiteral(":created"), createdUtc);
    Result<Id> id = insert.insert(tr("saving the client %1").arg(client.fullName));
    if (!id) {
        return id;
    }
    Client stored = client;
    stored.id = *id;
    if (Status status = writeAlerts(stored); !status) {
        return status.error();
    }
    if (Status status = writeSearchWords(stored.id, stored); !status) {
        return status.error();
    }
    if (Status status = transaction->commit(); !status) {
        return status.error();
    }
    return id;
}

Status ClientRepository::update(const Client& client)
{
    Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
    if (!transaction) {
        return transaction.error();
    }
    SqlQuery update(m_database,
                    QStringLiteral("UPDATE clients SET full_name = :name, phone = :phone, email = "
                                   ":email, date_of_birth = :birth, notes = :notes, archived = "
                                   ":archived, search_text = :search WHERE id = :id"));
    bindClient(update, client);
    update.bind(QStringLiteral(":id"), client.id);
    Result<int> changed = update.execChanging(tr("saving the client %1").arg(client.fullName));
    if (!changed) {
        return changed.error();
    }
    if (*changed == 0) {
        return makeError(ErrorCode::NotFound, tr("There is no client with id %1.").arg(client.id));
    }
    SqlQuery clear(m_database,
                   QStringLiteral("DELETE FROM client_health_alerts WHERE client_id = :id"));
    clear.bind(QStringLiteral(":id"), client.id);
    if (Status status = clear.exec(tr("saving the client %1").arg(client.fullName)); !status) {
        return status;
    }
    if (Status status = writeAlerts(client); !status) {
        return status;
    }
    if (Status status = writeSearchWords(client.id, client); !status) {
        return status;
    }
    return transaction->commit();
}

Result<Client> ClientRepository::byId(Id id)
{
    SqlQuery query(m_database, clientSelect + QStringLiteral("WHERE id = :id"));
    query.bind(QStringLiteral(":id"), id);
    Result<QList<Client>> found = select(query);
    if (!found) {
        return found.error();
    }
    if (found->isEmpty()) {
        return makeError(ErrorCode::NotFound, tr("There is no client with id %1.").arg(id));
    }
    return found->constFirst();
}

Result<QList<Client>> ClientRepository::byIds(const QList<Id>& ids)
{
    QList<Client> clients;
    for (qsizetype first = 0; first < ids.size(); first += maxIdsPerQuery) {
        const QList<Id> chunk = ids.mid(first, maxIdsPerQuery);
        SqlQuery query(m_database, clientSelect + QStringLiteral("WHERE id IN (") +
                                       idPlaceholders(chunk.size()) + QLatin1Char(')'));
        bindIds(query, chunk);
        if (Status status = query.exec(tr("reading the clients")); !status) {
            return status.error();
        }
        while (query.next()) {
            clients.append(clientFrom(query));
        }
    }
    if (Status status = loadAlerts(clients); !status) {
        return status.error();
    }
    return clients;
}

Result<QList<Client>> ClientRepository::find(const QString& text, int limit, bool includeArchived)
{
    QStringList words;
    if (looksLikePhone(text)) {
        QString digits = digitsOf(text);
        // A North American number typed with its country code, which is not stored.
        if (digits.size() == 11 && digits.startsWith(u'1')) {
            digits.remove(0, 1);
        }
        words.append(digits);
    } else {
        words = fold(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    words = words.mid(0, maxSearchWords);

    // Each typed word begins one of the client's search words: one index range per word,
    // which also holds the folded name to sort by and the archived flag. Only the page of
    // clients shown is then read whole.
    // Without a word to look for, the first clients by name.
    QString sql = words.isEmpty()
                      ? QStringLiteral("SELECT id FROM clients WHERE archived = 0 OR :archived = "
                                       "1 ORDER BY lower(full_name), id LIMIT :limit")
                      : QStringLiteral("SELECT w0.client_id FROM client_search_words AS w0 WHERE "
                                       "w0.word >= :from0 AND w0.word < :to0 AND "
                                       "(w0.archived = 0 OR :archived = 1)");
    for (qsizetype i = 1; i < words.size(); ++i) {
        sql += QStringLiteral(" AND w0.client_id IN (SELECT client_id FROM client_search_words "
                              "WHERE word >= :from%1 AND word < :to%1)")
                   .arg(i);
    }
    if (!words.isEmpty()) {
        sql += QStringLiteral(" GROUP BY w0.client_id ORDER BY min(w0.sort_name), w0.client_id "
                              "LIMIT :limit");
    }

    SqlQuery query(m_database, sql);
    query.bind(QStringLiteral(":archived"), includeArchived)
        .bind(QStringLiteral(":limit"), qMax(limit, 1));
    for (qsizetype i = 0; i < words.size(); ++i) {
        query.bind(QStringLiteral(":from%1").arg(i), words.at(i))
            .bind(QStringLiteral(":to%1").arg(i), prefixBound(words.at(i)));
    }
    const QString doing = tr("searching the clients");
    if (Status status = query.exec(doing); !status) {
        return status.error();
    }
    QList<Id> ids;
    while (query.next()) {
        ids.append(query.integer(0));
    }
    if (Status status = query.finished(doing); !status) {
        return status.error();
    }
    Result<QList<Client>> found = byIds(ids);
    if (!found) {
        return found.error();
    }
    // In the order the search found them.
    QHash<Id, qsizetype> rank;
    for (qsizetype index = 0; index < ids.size(); ++index) {
        rank.insert(ids.at(index), index);
    }
    std::sort(found->begin(), found->end(), [&rank](const Client& a, const Client& b) {
        return rank.value(a.id) < rank.value(b.id);
    });
    return found;
}

Result<QList<Client>> ClientRepository::all(bool includeArchived)
{
    SqlQuery query(m_database, clientSelect + QStringLiteral("WHERE archived = 0 OR :archived "
                                                             "= 1 ORDER BY lower(full_name), id"));
    query.bind(QStringLiteral(":archived"), includeArchived);
    return select(query);
}

Result<qint64> ClientRepository::count()
{
    SqlQuery query(m_database, QStringLiteral("SELECT count(*) FROM clients"));
    return query.scalarInt(tr("counting the clients"));
}

Result<QList<Client>> ClientRepository::select(SqlQuery& query)
{
    if (Status status = query.exec(tr("reading the clients")); !status) {
        return status.error();
    }
    QList<Client> clients;
    while (query.next()) {
        clients.append(clientFrom(query));
    }
    if (Status status = loadAlerts(clients); !status) {
        return status.error();
    }
    return clients;
}

Status ClientRepository::writeAlerts(const Client& client)
{
    for (const HealthAlert& alert : client.healthAlerts) {
        SqlQuery insert(m_database, QStringLiteral("INSERT INTO client_health_alerts "
                                                   "(client_id, kind, detail) VALUES (:client, "
                                                   ":kind, :detail)"));
        insert.bind(QStringLiteral(":client"), client.id)
            .bind(QStringLiteral(":kind"), healthAlertKey(alert.kind))
            .bind(QStringLiteral(":detail"), alert.detail);
        if (Status status = insert.exec(tr("saving the health alerts of %1").arg(client.fullName));
            !status) {
            return status;
        }
    }
    return success();
}

// A short list asks for the alerts of its clients by id; long lists read the whole alert table
// once instead of issuing many queries.
Status ClientRepository::loadAlerts(QList<Client>& clients)
{
    constexpr qsizetype wholeTableFrom = 256;
    const QHash<Id, qsizetype> indexById = indexByIdOf(clients);
    const auto appendAlert = [&clients](qsizetype index, const SqlQuery& row) {
        clients[index].healthAlerts.append(
            {row.integer(1), healthAlertFromKey(row.text(2)).value_or(HealthAlertKind::Other),
             row.text(3)});
    };
    const QString doing = tr("reading the health alerts");
    if (clients.size() > wholeTableFrom) {
        SqlQuery query(m_database, QStringLiteral("SELECT client_id, id, kind, detail FROM "
                                                  "client_health_alerts ORDER BY client_id, id"));
        return forEachChildRow(query, doing, indexById, appendAlert);
    }
    for (qsizetype first = 0; first < clients.size(); first += maxIdsPerQuery) {
        QList<Id> chunk;
        for (qsizetype index = first; index < std::min(first + maxIdsPerQuery, clients.size());
             ++index) {
            chunk.append(clients.at(index).id);
        }
        SqlQuery query(m_database, QStringLiteral("SELECT client_id, id, kind, detail FROM "
                                                  "client_health_alerts WHERE client_id IN (") +
                                       idPlaceholders(chunk.size()) +
                                       QStringLiteral(") ORDER BY client_id, id"));
        bindIds(query, chunk);
        if (Status status = forEachChildRow(query, doing, indexById, appendAlert); !status) {
            return status;
        }
    }
    return success();
}

} // namespace masahista

#pragma once

#include "Database.h"

namespace masahista {

// Runs the reads made while it lives against one state of the database, and takes the file's
// read lock once for all of them instead of once per statement. Inside a write transaction it
// does nothing: that one already holds the database. Nothing may be written while it lives.
class ReadTransaction
{
public:
    explicit ReadTransaction(Database& database);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    Database& m_database;
    bool m_open = false;
};

} // namespace masahista

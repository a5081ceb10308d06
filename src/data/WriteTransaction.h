#pragma once

#include "Database.h"
#include "domain/Result.h"

namespace masahista {

// A write transaction that holds the database's write lock from its first statement, so that
// the checks made inside it still hold when it inserts. Nested ones become savepoints of the
// outer transaction. Rolled back on destruction unless committed.
class WriteTransaction
{
public:
    static Result<WriteTransaction> begin(Database& database);

    WriteTransaction(WriteTransaction&& other) noexcept;
    WriteTransaction& operator=(WriteTransaction&&) = delete;
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    ~WriteTransaction();

    Status commit();

private:
    WriteTransaction(Database& database, int depth);
    QString savepointName() const;

    Database* m_database;
    int m_depth; // 1 for the outermost transaction
    bool m_open = true;
};

} // namespace masahista

#include "WriteTransaction.h"

namespace masahista {

Result<WriteTransaction> WriteTransaction::begin(Database& database)
{
    const int depth = database.transactionDepth() + 1;
    WriteTransaction transaction(database, depth);
    const Status started =
        depth == 1 ? database.execute(database.dialect().beginWriteTransaction)
                   : database.execute(QStringLiteral("SAVEPOINT ") + transaction.savepointName());
    if (!started) {
        transaction.m_open = false;
        return started.error();
    }
    database.transactionDepth() = depth;
    return transaction;
}

WriteTransaction::WriteTransaction(Database& database, int depth)
    : m_database(&database)
    , m_depth(depth)
{}

WriteTransaction::WriteTransaction(WriteTransaction&& other) noexcept
    : m_database(other.m_database)
    , m_depth(other.m_depth)
    , m_open(other.m_open)
{
    other.m_open = false;
}

WriteTransaction::~WriteTransaction()
{
    if (!m_open) {
        return;
    }
    // Best effort: if even the rollback fails the connection is gone and SQLite rolls back.
    if (m_depth == 1) {
        (void)m_database->execute(QStringLiteral("ROLLBACK"));
    } else {
        (void)m_database->execute(QStringLiteral("ROLLBACK TO ") + savepointName());
        (void)m_database->execute(QStringLiteral("RELEASE ") + savepointName());
    }
    m_database->transactionDepth() = m_depth - 1;
}

Status WriteTransaction::commit()
{
    Status committed = m_depth == 1
                           ? m_database->execute(QStringLiteral("COMMIT"))
                           : m_database->execute(QStringLiteral("RELEASE ") + savepointName());
    if (committed) {
        m_open = false;
        m_database->transactionDepth() = m_depth - 1;
    }
    return committed;
}

QString WriteTransaction::savepointName() const
{
    return QStringLiteral("masahista_%1").arg(m_depth);
}

} // namespace masahista

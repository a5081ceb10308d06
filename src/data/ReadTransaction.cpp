#include "ReadTransaction.h"

namespace masahista {

ReadTransaction::ReadTransaction(Database& database)
    : m_database(database)
{
    if (database.transactionDepth() == 0) {
        // A deferred BEGIN takes no lock until the first read, so it cannot fail for a busy
        // file; if it fails anyway, each read simply runs on its own as before.
        m_open = database.execute(QStringLiteral("BEGIN")).ok();
    }
}

ReadTransaction::~ReadTransaction()
{
    if (m_open) {
        (void)m_database.execute(QStringLiteral("COMMIT"));
    }
}

} // namespace masahista

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

// How often a write that found the database busy is tried again before giving up.
inline constexpr int writeAttempts = 3;

// Runs `work` inside one write transaction and commits it, so that the checks `work` makes
// still hold when it writes. A database that stays busy longer than the busy timeout is tried
// again a few times before the caller hears that it is busy.
template <typename T, typename Work>
Result<T> inWriteTransaction(Database& database, Work work)
{
    for (int attempt = 1;; ++attempt) {
        const bool mayRetry = attempt < writeAttempts;
        Result<WriteTransaction> transaction = WriteTransaction::begin(database);
        if (!transaction) {
            if (transaction.error().code == ErrorCode::Locked && mayRetry) {
                continue;
            }
            return transaction.error();
        }
        Result<T> done = work();
        if (!done) {
            if (done.error().code == ErrorCode::Locked && mayRetry) {
                continue; // the transaction rolls back as it goes out of scope
            }
            return done;
        }
        if (Status committed = transaction->commit(); !committed) {
            if (committed.error().code == ErrorCode::Locked && mayRetry) {
                continue;
            }
            return committed.error();
        }
        return done;
    }
}

} // namespace masahista

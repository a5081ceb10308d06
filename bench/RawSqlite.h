#pragma once

#include "data/Database.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace masahista::bench {

// One value of a row as the bare C API hands it over, copied out of SQLite's buffers.
struct RawValue
{
    std::int64_t integer = 0;
    double real = 0;
    std::string bytes; // text or blob
};

// The statements a repository ran, replayed through the bare SQLite C API on a connection of
// its own: the baseline our layers are measured against. Each statement is prepared once and
// reset between runs, the best a hand-written loop could do.
class RawReplay
{
public:
    static RawReplay open(const QString& path, QString* error);
    RawReplay(RawReplay&& other) noexcept;
    RawReplay& operator=(RawReplay&&) = delete;
    RawReplay(const RawReplay&) = delete;
    RawReplay& operator=(const RawReplay&) = delete;
    ~RawReplay();

    bool isOpen() const { return m_db != nullptr; }
    // Prepares the statements; false (with the reason) when one does not prepare.
    bool load(const QList<Database::TracedStatement>& statements, QString* error);
    // Binds, steps and copies every column of every row; returns the number of rows.
    std::size_t run(std::vector<std::vector<RawValue>>& rows);

private:
    explicit RawReplay(sqlite3* db)
        : m_db(db)
    {}
    void finalizeAll();

    sqlite3* m_db = nullptr;
    std::vector<sqlite3_stmt*> m_statements;
};

// Removes the appointments (and their history) starting at or after `startUtc`: the
// benchmark's own bookings, so that a generated database stays as it was made.
bool removeAppointmentsFrom(const QString& path, qint64 startUtc, QString* error);

} // namespace masahista::bench

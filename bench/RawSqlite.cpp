#include "RawSqlite.h"

#include <array>
#include <sqlite3.h>

namespace masahista::bench {

namespace {

bool bindValue(sqlite3_stmt* statement, int index, const QVariant& value)
{
    if (value.isNull()) {
        return sqlite3_bind_null(statement, index) == SQLITE_OK;
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Bool:
        return sqlite3_bind_int64(statement, index, value.toLongLong()) == SQLITE_OK;
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble()) == SQLITE_OK;
    default: {
        const QByteArray text = value.toString().toUtf8();
        return sqlite3_bind_text(statement, index, text.constData(), static_cast<int>(text.size()),
                                 SQLITE_TRANSIENT) == SQLITE_OK;
    }
    }
}

} // namespace

RawReplay RawReplay::open(const QString& path, QString* error)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return RawReplay(nullptr);
    }
    return RawReplay(db);
}

RawReplay::RawReplay(RawReplay&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_statements(std::move(other.m_statements))
{}

RawReplay::~RawReplay()
{
    finalizeAll();
    sqlite3_close(m_db);
}

void RawReplay::finalizeAll()
{
    for (sqlite3_stmt* statement : m_statements) {
        sqlite3_finalize(statement);
    }
    m_statements.clear();
}

bool RawReplay::load(const QList<Database::TracedStatement>& statements, QString* error)
{
    finalizeAll();
    for (const Database::TracedStatement& traced : statements) {
        sqlite3_stmt* statement = nullptr;
        const QByteArray sql = traced.sql.toUtf8();
        if (sqlite3_prepare_v2(m_db, sql.constData(), static_cast<int>(sql.size()), &statement,
                               nullptr) != SQLITE_OK) {
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
            return false;
        }
        m_statements.push_back(statement);
        for (const auto& [placeholder, value] : traced.bindings) {
            const int index =
                sqlite3_bind_parameter_index(statement, placeholder.toUtf8().constData());
            if (index == 0 || !bindValue(statement, index, value)) {
                *error = QStringLiteral("cannot bind %1 in %2").arg(placeholder, traced.sql);
                return false;
            }
        }
    }
    return true;
}

std::size_t RawReplay::run(std::vector<std::vector<RawValue>>& rows)
{
    rows.clear();
    for (sqlite3_stmt* statement : m_statements) {
        const int columns = sqlite3_column_count(statement);
        while (sqlite3_step(statement) == SQLITE_ROW) {
            std::vector<RawValue>& row = rows.emplace_back(static_cast<std::size_t>(columns));
            for (int column = 0; column < columns; ++column) {
                RawValue& value = row[static_cast<std::size_t>(column)];
                switch (sqlite3_column_type(statement, column)) {
                case SQLITE_INTEGER:
                    value.integer = sqlite3_column_int64(statement, column);
                    break;
                case SQLITE_FLOAT:
                    value.real = sqlite3_column_double(statement, column);
                    break;
                case SQLITE_TEXT:
                case SQLITE_BLOB: {
                    const auto* data =
                        static_cast<const char*>(sqlite3_column_blob(statement, column));
                    value.bytes.assign(
                        data != nullptr ? data : "",
                        static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
                    break;
                }
                default:
                    break;
                }
            }
        }
        sqlite3_reset(statement); // keeps the bindings for the next run
    }
    return rows.size();
}

bool removeAppointmentsFrom(const QString& path, qint64 startUtc, QString* error)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return false;
    }
    sqlite3_busy_timeout(db, 5000);
    const std::array<const char*, 4> steps{
        "BEGIN IMMEDIATE",
        "DELETE FROM appointment_history WHERE appointment_id IN "
        "(SELECT id FROM appointments WHERE start_utc >= ?1)",
        "DELETE FROM appointments WHERE start_utc >= ?1",
        "COMMIT",
    };
    bool done = true;
    for (const char* sql : steps) {
        sqlite3_stmt* statement = nullptr;
        done = sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK &&
               (sqlite3_bind_parameter_count(statement) == 0 ||
                sqlite3_bind_int64(statement, 1, startUtc) == SQLITE_OK) &&
               sqlite3_step(statement) == SQLITE_DONE;
        sqlite3_finalize(statement);
        if (!done) {
            *error = QString::fromUtf8(sqlite3_errmsg(db));
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            break;
        }
    }
    sqlite3_close(db);
    return done;
}

} // namespace masahista::bench

#pragma once

#include "Database.h"
#include "domain/Id.h"
#include "domain/Result.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QVariant>

#include <memory>

namespace masahista {

// A prepared statement with named, bound values: the only way repositories talk SQL. Failures
// come back as Errors already classified by the Database.
//
// It runs on SQLite's C API under Qt's connection (Database::handle()): Qt's query layer
// rebuilt its column records and variants on every run and cost more than SQLite's own work
// (docs/BENCHMARKS.md). The SQL itself stays portable; another engine brings its own backend.
class SqlQuery
{
public:
    SqlQuery(Database& database, const QString& sql);
    ~SqlQuery();
    SqlQuery(const SqlQuery&) = delete;
    SqlQuery& operator=(const SqlQuery&) = delete;

    SqlQuery& bind(const QString& placeholder, const QVariant& value);
    SqlQuery& bind(const QString& placeholder, const QString& value);
    SqlQuery& bind(const QString& placeholder, qint64 value);
    SqlQuery& bind(const QString& placeholder, int value);
    SqlQuery& bind(const QString& placeholder, bool value);
    // Calendar dates as ISO text, null when invalid.
    SqlQuery& bind(const QString& placeholder, QDate value);
    // Instants as UTC seconds since the epoch, null when invalid.
    SqlQuery& bind(const QString& placeholder, const QDateTime& value);
    // An id where 0 means "none": bound as null.
    SqlQuery& bindOptionalId(const QString& placeholder, Id value);

    // Runs the statement (again, with the values bound now); `doing` names the work for the
    // error message ("saving the client").
    Status exec(const QString& doing);
    // For UPDATE and DELETE: how many rows changed.
    Result<int> execChanging(const QString& doing);
    // For INSERT ... RETURNING id.
    Result<Id> insert(const QString& doing);
    Result<qint64> scalarInt(const QString& doing);
    Result<QString> scalarText(const QString& doing);

    // Moves to the next row; false at the end or on an error (then failed() tells which).
    bool next();
    bool failed() const { return m_stepError != 0; }
    // After reading rows: the error that ended them early, if one did.
    Status finished(const QString& doing) const;
    QVariant value(int column) const;
    QString text(int column) const;
    qint64 integer(int column) const;
    bool flag(int column) const { return integer(column) != 0; }
    QDate date(int column) const;
    QDateTime instant(int column) const;

private:
    Error error(int code, const QString& doing) const;
    void release();
    int parameterIndex(const QString& placeholder);

    Database& m_database;
    QString m_sql;
    sqlite3_stmt* m_statement = nullptr;
    int m_prepareError = 0;
    QString m_prepareMessage;
    QString m_bindProblem;
    bool m_rowPending = false; // exec() stepped onto the first row already
    bool m_done = true;
    bool m_stepped = false; // run since it was last reset
    int m_stepError = 0;
    QString m_stepMessage;
    QList<std::pair<QString, QVariant>> m_bindings; // only while the database is traced
};

// Runs a query whose first column is a parent's id and hands each row to `append` with the
// parent's index in `indexById`; rows of parents not in the map are skipped. Loads the child
// lists of many parents with one query instead of one per parent.
template <typename Append>
Status forEachChildRow(SqlQuery& query, const QString& doing, const QHash<Id, qsizetype>& indexById,
                       Append append)
{
    if (Status status = query.exec(doing); !status) {
        return status;
    }
    while (query.next()) {
        const auto index = indexById.constFind(query.integer(0));
        if (index != indexById.constEnd()) {
            append(*index, query);
        }
    }
    return success();
}

// Maps each item's id to its position, for forEachChildRow.
template <typename Item>
QHash<Id, qsizetype> indexByIdOf(const QList<Item>& items)
{
    QHash<Id, qsizetype> indexById;
    for (qsizetype i = 0; i < items.size(); ++i) {
        indexById.insert(items.at(i).id, i);
    }
    return indexById;
}

} // namespace masahista

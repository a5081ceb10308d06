#pragma once

#include "Database.h"
#include "domain/Id.h"
#include "domain/Result.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <QVariant>

#include <memory>

namespace masahista {

// A prepared statement with named, bound values: the only way repositories talk SQL. Failures
// come back as Errors already classified by the Database.
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

    // `doing` names the work for the error message ("saving the client").
    Status exec(const QString& doing);
    // For UPDATE and DELETE: how many rows changed.
    Result<int> execChanging(const QString& doing);
    // For INSERT ... RETURNING id.
    Result<Id> insert(const QString& doing);
    Result<qint64> scalarInt(const QString& doing);
    Result<QString> scalarText(const QString& doing);

    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    QString text(int column) const { return m_query->value(column).toString(); }
    qint64 integer(int column) const { return m_query->value(column).toLongLong(); }
    bool flag(int column) const { return m_query->value(column).toLongLong() != 0; }
    QDate date(int column) const;
    QDateTime instant(int column) const;

private:
    Database& m_database;
    QString m_sql;
    std::unique_ptr<QSqlQuery> m_query;
    bool m_prepared = false;
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

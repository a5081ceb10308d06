#include "SqlQuery.h"

#include <QSqlError>
#include <QTimeZone>

namespace masahista {

SqlQuery::SqlQuery(Database& database, const QString& sql)
    : m_database(database)
    , m_sql(sql)
    , m_query(database.takePrepared(sql))
{
    if (m_query) {
        m_prepared = true;
        return;
    }
    m_query = std::make_unique<QSqlQuery>(database.connection());
    m_query->setForwardOnly(true);
    m_prepared = m_query->prepare(sql);
}

SqlQuery::~SqlQuery()
{
    if (!m_prepared) {
        return;
    }
    // Reset, so that the statement holds no read lock while it waits for its next use, and
    // cleared, so that no value of this use can leak into the next.
    m_query->finish();
    m_database.returnPrepared(m_sql, std::move(m_query));
}

SqlQuery& SqlQuery::bind(const QString& placeholder, const QVariant& value)
{
    m_query->bindValue(placeholder, value);
    if (m_database.statementTrace() != nullptr) {
        m_bindings.append({placeholder, value});
    }
    return *this;
}

SqlQuery& SqlQuery::bind(const QString& placeholder, const QString& value)
{
    // A null QString would be stored as NULL; text columns hold '' instead.
    return bind(placeholder, QVariant(value.isNull() ? QStringLiteral("") : value));
}

SqlQuery& SqlQuery::bind(const QString& placeholder, qint64 value)
{
    return bind(placeholder, QVariant(value));
}

SqlQuery& SqlQuery::bind(const QString& placeholder, int value)
{
    return bind(placeholder, QVariant(value));
}

SqlQuery& SqlQuery::bind(const QString& placeholder, bool value)
{
    return bind(placeholder, QVariant(value ? 1 : 0));
}

SqlQuery& SqlQuery::bind(const QString& placeholder, QDate value)
{
    return bind(placeholder, value.isValid() ? QVariant(value.toString(Qt::ISODate))
                                             : QVariant(QMetaType::fromType<QString>()));
}

SqlQuery& SqlQuery::bind(const QString& placeholder, const QDateTime& value)
{
    return bind(placeholder, value.isValid() ? QVariant(value.toSecsSinceEpoch())
                                             : QVariant(QMetaType::fromType<qint64>()));
}

SqlQuery& SqlQuery::bindOptionalId(const QString& placeholder, Id value)
{
    return bind(placeholder,
                value != 0 ? QVariant(value) : QVariant(QMetaType::fromType<qint64>()));
}

Status SqlQuery::exec(const QString& doing)
{
    if (QList<Database::TracedStatement>* trace = m_database.statementTrace()) {
        trace->append({m_sql, m_bindings});
    }
    if (!m_prepared || !m_query->exec()) {
        return m_database.errorFrom(m_query->lastError(), doing);
    }
    return success();
}

Result<int> SqlQuery::execChanging(const QString& doing)
{
    if (Status status = exec(doing); !status) {
        return status.error();
    }
    return m_query->numRowsAffected();
}

Result<Id> SqlQuery::insert(const QString& doing)
{
    if (Status status = exec(doing); !status) {
        return status.error();
    }
    if (!m_query->next()) {
        return m_database.errorFrom(m_query->lastError(), doing);
    }
    const Id id = m_query->value(0).toLongLong();
    m_query->finish();
    return id;
}

Result<qint64> SqlQuery::scalarInt(const QString& doing)
{
    if (Status status = exec(doing); !status) {
        return status.error();
    }
    if (!m_query->next()) {
        if (m_query->lastError().isValid()) {
            return m_database.errorFrom(m_query->lastError(), doing);
        }
        return qint64{0};
    }
    const qint64 value = m_query->value(0).toLongLong();
    m_query->finish();
    return value;
}

Result<QString> SqlQuery::scalarText(const QString& doing)
{
    if (Status status = exec(doing); !status) {
        return status.error();
    }
    if (!m_query->next()) {
        if (m_query->lastError().isValid()) {
            return m_database.errorFrom(m_query->lastError(), doing);
        }
        return QString();
    }
    const QString value = m_query->value(0).toString();
    m_query->finish();
    return value;
}

QDate SqlQuery::date(int column) const
{
    const QVariant value = m_query->value(column);
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

QDateTime SqlQuery::instant(int column) const
{
    const QVariant value = m_query->value(column);
    return value.isNull() ? QDateTime()
                          : QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

} // namespace masahista

#include "SqlQuery.h"

#include <QSqlError>
#include <QTimeZone>

#include <sqlite3.h>

namespace masahista {

SqlQuery::SqlQuery(Database& database, const QString& sql)
    : m_database(database)
    , m_sql(sql)
    , m_statement(database.takePrepared(sql))
{
    if (m_statement != nullptr) {
        return;
    }
    const QByteArray utf8 = sql.toUtf8();
    m_prepareError =
        sqlite3_prepare_v3(database.handle(), utf8.constData(), static_cast<int>(utf8.size()),
                           SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    if (m_prepareError != SQLITE_OK) {
        m_prepareMessage = QString::fromUtf8(sqlite3_errmsg(database.handle()));
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

SqlQuery::~SqlQuery()
{
    if (m_statement != nullptr) {
        // Reset and cleared by the database, so that it holds no read lock while it waits
        // for its next use and no value of this use can leak into the next.
        m_database.returnPrepared(m_sql, m_statement);
    }
}

int SqlQuery::parameterIndex(const QString& placeholder)
{
    if (m_statement == nullptr) {
        return 0;
    }
    const int index = sqlite3_bind_parameter_index(m_statement, placeholder.toUtf8().constData());
    if (index == 0 && m_bindProblem.isEmpty()) {
        m_bindProblem = QStringLiteral("the statement has no placeholder %1").arg(placeholder);
    }
    return index;
}

SqlQuery& SqlQuery::bind(const QString& placeholder, const QVariant& value)
{
    if (m_database.statementTrace() != nullptr) {
        m_bindings.append({placeholder, value});
    }
    const int index = parameterIndex(placeholder);
    if (index == 0) {
        return *this;
    }
    if (m_stepped) {
        // Binding anew (a statement run in a loop) needs the last run reset first.
        release();
    }
    int bound = SQLITE_OK;
    if (value.isNull()) {
        bound = sqlite3_bind_null(m_statement, index);
    } else {
        switch (value.typeId()) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            bound = sqlite3_bind_int64(m_statement, index, value.toLongLong());
            break;
        case QMetaType::Double:
            bound = sqlite3_bind_double(m_statement, index, value.toDouble());
            break;
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            bound =
                sqlite3_bind_blob64(m_statement, index, bytes.constData(),
                                    static_cast<sqlite3_uint64>(bytes.size()), SQLITE_TRANSIENT);
            break;
        }
        default: {
            const QByteArray utf8 = value.toString().toUtf8();
            bound = sqlite3_bind_text64(m_statement, index, utf8.constData(),
                                        static_cast<sqlite3_uint64>(utf8.size()), SQLITE_TRANSIENT,
                                        SQLITE_UTF8);
            break;
        }
        }
    }
    if (bound != SQLITE_OK && m_bindProblem.isEmpty()) {
        m_bindProblem = QString::fromUtf8(sqlite3_errstr(bound));
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

Error SqlQuery::error(int code, const QString& doing) const
{
    // The Database knows what each SQLite code means for the person at the desk.
    const QString message =
        m_stepMessage.isEmpty() ? QString::fromUtf8(sqlite3_errstr(code)) : m_stepMessage;
    return m_database.errorFrom(
        QSqlError(QString(), message, QSqlError::StatementError, QString::number(code)), doing);
}

Status SqlQuery::exec(const QString& doing)
{
    if (QList<Database::TracedStatement>* trace = m_database.statementTrace()) {
        trace->append({m_sql, m_bindings});
        m_bindings.clear();
    }
    if (m_statement == nullptr) {
        return m_database.errorFrom(QSqlError(QString(), m_prepareMessage,
                                              QSqlError::StatementError,
                                              QString::number(m_prepareError)),
                                    doing);
    }
    if (!m_bindProblem.isEmpty()) {
        return makeError(
            ErrorCode::Database,
            Database::tr("A database error occurred while %1: %2").arg(doing, m_bindProblem));
    }
    sqlite3_reset(m_statement);
    m_rowPending = false;
    m_done = false;
    m_stepError = 0;
    m_stepMessage.clear();
    m_stepped = true;
    const int stepped = sqlite3_step(m_statement);
    if (stepped == SQLITE_ROW) {
        m_rowPending = true;
        return success();
    }
    m_done = true;
    if (stepped == SQLITE_DONE) {
        return success();
    }
    m_stepMessage = QString::fromUtf8(sqlite3_errmsg(m_database.handle()));
    const int code = sqlite3_extended_errcode(m_database.handle());
    // Reset, so that a failed write releases what it held in the transaction at once.
    sqlite3_reset(m_statement);
    return error(code, doing);
}

bool SqlQuery::next()
{
    if (m_rowPending) {
        m_rowPending = false;
        return true;
    }
    if (m_done || m_statement == nullptr) {
        return false;
    }
    const int stepped = sqlite3_step(m_statement);
    if (stepped == SQLITE_ROW) {
        return true;
    }
    m_done = true;
    if (stepped != SQLITE_DONE) {
        m_stepError = sqlite3_extended_errcode(m_database.handle());
        m_stepMessage = QString::fromUtf8(sqlite3_errmsg(m_database.handle()));
    }
    return false;
}

Status SqlQuery::finished(const QString& doing) const
{
    if (failed()) {
        return error(m_stepError, doing);
    }
    return success();
}

Result<int> SqlQuery::execChanging(const QString& doing)
{
    if (Status status = exec(doing); !status) {
        return status.error();
    }
    return sqlite3_changes(m_database.handle());
}

Result<Id> SqlQuery::insert(const QString& doing)
{
    if (Status status = exec(doing); !status) {
        return status.error();
    }
    if (!next()) {
        return error(failed() ? m_stepError : SQLITE_ERROR, doing);
    }
    const Id id = integer(0);
    // Steps past RETURNING's row, so that the insert is complete before anything else runs.
    while (next()) {
    }
    if (failed()) {
        return error(m_stepError, doing);
    }
    return id;
}

Result<qint64> SqlQuery::scalarInt(const QString& doing)
{
    if (Status status = exec(doing); !status) {
        return status.error();
    }
    if (!next()) {
        if (failed()) {
            return error(m_stepError, doing);
        }
        return qint64{0};
    }
    const qint64 found = integer(0);
    release();
    return found;
}

Result<QString> SqlQuery::scalarText(const QString& doing)
{
    if (Status status = exec(doing); !status) {
        return status.error();
    }
    if (!next()) {
        if (failed()) {
            return error(m_stepError, doing);
        }
        return QString();
    }
    QString found = text(0);
    release();
    return found;
}

void SqlQuery::release()
{
    // A statement left on a row counts as running, and SQLite refuses to change the schema
    // (DROP TABLE in a migration) while one is.
    sqlite3_reset(m_statement);
    m_rowPending = false;
    m_done = true;
    m_stepped = false;
}

QVariant SqlQuery::value(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return QVariant(static_cast<qint64>(sqlite3_column_int64(m_statement, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_statement, column));
    case SQLITE_BLOB: {
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
        return QVariant(QByteArray(bytes, sqlite3_column_bytes(m_statement, column)));
    }
    case SQLITE_TEXT:
        return QVariant(text(column));
    default:
        return QVariant();
    }
}

QString SqlQuery::text(int column) const
{
    const auto* utf8 = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    if (utf8 == nullptr) {
        return QString();
    }
    return QString::fromUtf8(utf8, sqlite3_column_bytes(m_statement, column));
}

qint64 SqlQuery::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QDate SqlQuery::date(int column) const
{
    if (sqlite3_column_type(m_statement, column) == SQLITE_NULL) {
        return QDate();
    }
    return QDate::fromString(text(column), Qt::ISODate);
}

QDateTime SqlQuery::instant(int column) const
{
    if (sqlite3_column_type(m_statement, column) == SQLITE_NULL) {
        return QDateTime();
    }
    return QDateTime::fromSecsSinceEpoch(sqlite3_column_int64(m_statement, column), Qt::UTC);
}

} // namespace masahista

#include "CommandContext.h"

#include "Cli.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>

namespace masahista::cli {

CommandContext::CommandContext(const Arguments& arguments, QTextStream& out, QTextStream& err,
                               QString databasePath, Database* database, const Clock& clock,
                               Actor actor)
    : m_arguments(arguments)
    , m_out(out)
    , m_err(err)
    , m_databasePath(std::move(databasePath))
    , m_database(database)
    , m_clock(clock)
    , m_actor(std::move(actor))
{}

int CommandContext::usageError(const QString& message)
{
    m_err << QStringLiteral("masahista: ") << message << Qt::endl
          << tr("Run \"masahista --help\" for the commands.") << Qt::endl;
    m_exitCode = UsageError;
    return m_exitCode;
}

int CommandContext::fail(const Error& error)
{
    m_err << QStringLiteral("masahista: ") << error.message << Qt::endl;
    m_exitCode = error.isDatabaseProblem() ? DatabaseProblem : Refused;
    return m_exitCode;
}

int CommandContext::printJson(const QJsonArray& array)
{
    m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    m_out.flush();
    return Done;
}

int CommandContext::printLines(const QStringList& lines, const QString& none)
{
    for (const QString& line : lines) {
        m_out << line << Qt::endl;
    }
    if (lines.isEmpty()) {
        m_out << none << Qt::endl;
    }
    return Done;
}

std::optional<QDate> CommandContext::dateOption(const QString& option, QDate fallback)
{
    if (!has(option)) {
        return fallback;
    }
    const QDate date = QDate::fromString(value(option), Qt::ISODate);
    if (!date.isValid()) {
        usageError(tr("--%1 needs a date as YYYY-MM-DD, not \"%2\".").arg(option, value(option)));
        return std::nullopt;
    }
    return date;
}

std::optional<int> CommandContext::numberOption(const QString& option, int fallback, int minimum,
                                                int maximum)
{
    if (!has(option)) {
        return fallback;
    }
    bool ok = false;
    const int number = value(option).toInt(&ok);
    if (!ok || number < minimum || number > maximum) {
        usageError(tr("--%1 needs a whole number from %2 to %3, not \"%4\".")
                       .arg(option)
                       .arg(minimum)
                       .arg(maximum)
                       .arg(value(option)));
        return std::nullopt;
    }
    return number;
}

std::optional<QDateTime> CommandContext::instantOption(const QString& option, const QTimeZone& zone)
{
    const QString text = value(option).trimmed();
    // Local wall-clock time unless the text carries its own offset.
    static const QRegularExpression local(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2})?$"));
    QDateTime instant;
    if (local.match(text).hasMatch()) {
        QString normalized = text;
        normalized.replace(10, 1, QLatin1Char('T'));
        const QDateTime wall = QDateTime::fromString(normalized, Qt::ISODate);
        if (wall.isValid()) {
            instant = QDateTime(wall.date(), wall.time(), zone).toUTC();
        }
    } else {
        instant = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (instant.isValid()) {
            instant = instant.toUTC();
        }
    }
    if (!instant.isValid()) {
        usageError(tr("--%1 needs a time as YYYY-MM-DDTHH:MM (clinic time), not \"%2\".")
                       .arg(option, text));
        return std::nullopt;
    }
    return instant;
}

} // namespace masahista::cli

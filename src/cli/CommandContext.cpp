#include "CommandContext.h"

#include "Cli.h"
#include "OptionValues.h"

#include <QJsonDocument>
#include <QTextStream>

namespace masahista::cli {

CommandContext::CommandContext(const Arguments& arguments, QTextStream& out, QTextStream& err,
                               QString databasePath, Clinic* clinic, const Clock& clock,
                               Actor actor)
    : m_arguments(arguments)
    , m_out(out)
    , m_err(err)
    , m_databasePath(std::move(databasePath))
    , m_clinic(clinic)
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
    return Success;
}

int CommandContext::printLines(const QStringList& lines, const QString& none)
{
    for (const QString& line : lines) {
        m_out << line << Qt::endl;
    }
    if (lines.isEmpty()) {
        m_out << none << Qt::endl;
    }
    return Success;
}

std::optional<QDate> CommandContext::dateOption(const QString& option, QDate fallback)
{
    if (!has(option)) {
        return fallback;
    }
    const std::optional<QDate> date = OptionValues::date(value(option));
    if (!date) {
        usageError(tr("--%1 needs a date as YYYY-MM-DD, not \"%2\".").arg(option, value(option)));
    }
    return date;
}

std::optional<int> CommandContext::numberOption(const QString& option, int fallback, int minimum,
                                                int maximum)
{
    if (!has(option)) {
        return fallback;
    }
    const std::optional<int> number = OptionValues::number(value(option), minimum, maximum);
    if (!number) {
        usageError(tr("--%1 needs a whole number from %2 to %3, not \"%4\".")
                       .arg(option)
                       .arg(minimum)
                       .arg(maximum)
                       .arg(value(option)));
    }
    return number;
}

std::optional<int> CommandContext::countOption(const QString& option, int fallback)
{
    if (!has(option)) {
        return fallback;
    }
    const std::optional<int> count = OptionValues::count(value(option));
    if (!count) {
        usageError(
            tr("--%1 needs a whole number of 1 or more, not \"%2\".").arg(option, value(option)));
    }
    return count;
}

void CommandContext::note(const QString& message)
{
    m_err << QStringLiteral("masahista: ") << tr("Note: %1").arg(message) << Qt::endl;
}

std::optional<QDateTime> CommandContext::instantOption(const QString& option, const QTimeZone& zone)
{
    QString note;
    const std::optional<QDateTime> instant = OptionValues::instant(value(option), zone, &note);
    if (!instant) {
        usageError(tr("--%1 needs a time as YYYY-MM-DDTHH:MM (clinic time), not \"%2\".")
                       .arg(option, value(option).trimmed()));
    } else if (!note.isEmpty()) {
        // Said before the booking is tried, so that a refusal reads against the time taken.
        this->note(note);
    }
    return instant;
}

} // namespace masahista::cli

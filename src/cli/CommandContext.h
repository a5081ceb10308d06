#pragma once

#include "booking/Actor.h"
#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <functional>
#include <optional>

class QTextStream;

namespace masahista::cli {

// The command line as typed, split into words and options.
struct Arguments
{
    QStringList words;              // the command and its operands
    QHash<QString, QString> values; // --name VALUE
    QSet<QString> flags;            // --json
    QString error;                  // why the arguments cannot be understood
};

// What one running command has at hand: its arguments, its output streams, the open database,
// the clock and the acting user, plus the ways a command ends (done, refused, usage error).
class CommandContext
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    // `clinic` is null for a command that works on the file itself (restore, check).
    CommandContext(const Arguments& arguments, QTextStream& out, QTextStream& err,
                   QString databasePath, Clinic* clinic, const Clock& clock, Actor actor);

    const QStringList& words() const { return m_arguments.words; }
    bool has(const QString& option) const { return m_arguments.values.contains(option); }
    QString value(const QString& option) const { return m_arguments.values.value(option); }
    bool flag(const QString& option) const { return m_arguments.flags.contains(option); }
    bool json() const { return flag(QStringLiteral("json")); }

    Clinic& clinic()
    {
        Q_ASSERT(m_clinic != nullptr);
        return *m_clinic;
    }
    const QString& databasePath() const { return m_databasePath; }
    const Clock& clock() const { return m_clock; }
    const Actor& actor() const { return m_actor; }
    QTextStream& out() { return m_out; }

    // Ends the command: 2, with the message and a pointer to --help.
    int usageError(const QString& message);
    // Ends the command: 1 for a refusal, 3 for a database problem; the message on one line.
    int fail(const Error& error);
    int printJson(const QJsonArray& array);
    // Prints one line per item, or `none` when there is nothing.
    int printLines(const QStringList& lines, const QString& none);
    // A line on standard error that does not end the command, "masahista: Note: ...".
    void note(const QString& message);

    // Option values that must parse; a bad one ends the command with a usage error, which
    // these report by returning nullopt after printing it (the caller returns exitCode()).
    std::optional<QDate> dateOption(const QString& option, QDate fallback);
    std::optional<int> numberOption(const QString& option, int fallback, int minimum, int maximum);
    // A count with no upper bound but what the command's other options allow (--limit).
    std::optional<int> countOption(const QString& option, int fallback);
    // "2026-12-01T10:00" (clinic-local), or with an offset / Z for an exact instant. A
    // clinic-local time the clocks skip or show twice is noted on standard error.
    std::optional<QDateTime> instantOption(const QString& option, const QTimeZone& zone);
    int exitCode() const { return m_exitCode; }

private:
    const Arguments& m_arguments;
    QTextStream& m_out;
    QTextStream& m_err;
    QString m_databasePath;
    Clinic* m_clinic;
    const Clock& m_clock;
    Actor m_actor;
    int m_exitCode = 0;
};

// One line of a command's help: "--client C" and what it means.
struct OptionHelp
{
    QString option;
    QString meaning; // translated
};

// What "masahista help COMMAND" prints beside the synopsis: a line for each option or operand
// and one example that runs as written on the demo clinic.
struct CommandHelp
{
    QList<OptionHelp> options;
    QString example; // the arguments after "masahista"
};

// One command: the words that name it, the options it takes, and what it does.
struct CommandSpec
{
    QStringList words;        // "clients", "add"
    QString synopsis;         // the arguments after the words, for --help
    QString summary;          // one translated line for --help
    CommandHelp help;         // for "help COMMAND" and "COMMAND --help"
    QStringList valueOptions; // options followed by a value
    QStringList flagOptions;  // options on their own
    qsizetype operands = 0;   // words allowed after the command's own
    Clinic::Opening mode = Clinic::Opening::ExistingOnly;
    std::function<int(CommandContext&)> run;
    // Off for the commands that must work on a file Masahista cannot open (a damaged one
    // being checked or restored): they get its path, not a connection.
    bool opensDatabase = true;
};

// The command groups, one file each.
QList<CommandSpec> clinicCommands();
QList<CommandSpec> bookingCommands();
QList<CommandSpec> scheduleCommands();
QList<CommandSpec> slotCommands();
QList<CommandSpec> backupCommands();

} // namespace masahista::cli

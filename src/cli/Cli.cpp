#include "Cli.h"

#include "ArgumentParser.h"
#include "CommandContext.h"
#include "OptionValues.h"
#include "booking/Clinic.h"

#include <QProcessEnvironment>
#include <QTextStream>

#include <algorithm>
#include <memory>

namespace masahista::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

const QList<CommandSpec>& allCommands()
{
    static const QList<CommandSpec> commands = clinicCommands() + bookingCommands() +
                                               scheduleCommands() + slotCommands() +
                                               backupCommands();
    return commands;
}

int reportUsageError(QTextStream& err, const QString& message)
{
    err << QStringLiteral("masahista: ") << message << Qt::endl
        << Text::tr("Run \"masahista --help\" for the commands.") << Qt::endl;
    return UsageError;
}

const ArgumentParser& parser()
{
    static const ArgumentParser parser(allCommands());
    return parser;
}

Arguments parse(const QStringList& arguments)
{
    return parser().parse(arguments);
}

QString usage()
{
    QString commands;
    for (const CommandSpec& command : allCommands()) {
        const QString invocation =
            command.words.join(u' ') +
            (command.synopsis.isEmpty() ? QString() : QLatin1Char(' ') + command.synopsis);
        commands += QStringLiteral("  ") + invocation + QStringLiteral("\n      ") +
                    command.summary + QLatin1Char('\n');
    }
    return Text::tr("Usage: masahista [--db PATH] [COMMAND ...]\n"
                    "\n"
                    "Without a command, starts the Masahista window.\n"
                    "\n"
                    "Commands:\n"
                    "%1"
                    "\n"
                    "Options:\n"
                    "  --db PATH   the database file (default: %2)\n"
                    "  --json      machine-readable output for listing commands\n"
                    "  --help      this text; --version: the version\n"
                    "  help COMMAND, COMMAND --help\n"
                    "              that command's options, one a line, and an example\n"
                    "\n"
                    "Times without an offset are clinic-local (YYYY-MM-DDTHH:MM). Therapists,\n"
                    "clients, services and rooms are named by id or by exact name.\n"
                    "\n"
                    "Exit codes: 0 done, 1 refused (the reason is on stderr), 2 usage error,\n"
                    "3 database problem (the file cannot be used; it is left untouched).\n")
        .arg(commands, Clinic::defaultPath());
}

// Help lines are kept within 79 columns: `text` broken between words, each line after the
// first indented by `indent` spaces.
QString wrapped(const QString& text, qsizetype firstColumn, qsizetype indent)
{
    constexpr qsizetype width = 79;
    QString result;
    qsizetype column = firstColumn;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (column > indent && column + 1 + word.size() > width) {
            result += QLatin1Char('\n') + QString(indent, QLatin1Char(' '));
            column = indent;
        } else if (column > firstColumn || !result.isEmpty()) {
            result += QLatin1Char(' ');
            ++column;
        }
        result += word;
        column += word.size();
    }
    return result;
}

// "  masahista book --client C ... \" broken before an option, with the shell's line
// continuation, so that the example still runs when pasted.
QString exampleText(const QString& example)
{
    constexpr qsizetype width = 77; // room for the backslash
    const QStringList parts =
        QString(QStringLiteral("masahista ") + example).split(QStringLiteral(" --"));
    QString text = QStringLiteral("  ") + parts.first();
    qsizetype column = text.size();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString part = QStringLiteral("--") + parts.at(i);
        if (column + 1 + part.size() > width) {
            text += QStringLiteral(" \\\n      ");
            column = 6;
        } else {
            text += QLatin1Char(' ');
            ++column;
        }
        text += part;
        column += part.size();
    }
    return text;
}

// One command's help: its synopsis, what it does, a line for each option, an example.
QString commandUsage(const CommandSpec& command)
{
    const QString invocation = QStringLiteral("masahista ") + command.words.join(u' ');
    const QString usageLabel = Text::tr("Usage:") + QLatin1Char(' ');
    QString text = usageLabel +
                   wrapped(invocation + QLatin1Char(' ') + command.synopsis, usageLabel.size(),
                           usageLabel.size() + invocation.size() + 1) +
                   QStringLiteral("\n\n") +
                   wrapped(invocation + QStringLiteral(": ") + command.summary, 0, 2) +
                   QLatin1Char('\n');
    if (!command.help.options.isEmpty()) {
        qsizetype width = 0;
        for (const OptionHelp& option : command.help.options) {
            width = std::max(width, option.option.size());
        }
        const qsizetype meaningColumn = 2 + width + 2;
        text += QLatin1Char('\n') + Text::tr("Options:") + QLatin1Char('\n');
        for (const OptionHelp& option : command.help.options) {
            text += QStringLiteral("  ") + option.option.leftJustified(width + 2) +
                    wrapped(option.meaning, meaningColumn, meaningColumn) + QLatin1Char('\n');
        }
    }
    text += QLatin1Char('\n') + Text::tr("Example:") + QLatin1Char('\n') +
            exampleText(command.help.example) + QLatin1Char('\n');
    return text;
}

QString helpFooter()
{
    return QLatin1Char('\n') +
           wrapped(Text::tr("Every command also takes --db PATH (default: %1). \"masahista "
                            "--help\" lists the commands and the exit codes.")
                       .arg(Clinic::defaultPath()),
                   0, 0) +
           QLatin1Char('\n');
}

// "help clients find", "clients find --help": that command's usage; "help clients": the usage
// of every "clients" command; an unknown command is a usage error.
int printHelp(const QStringList& topic, QTextStream& out, QTextStream& err)
{
    if (topic.isEmpty()) {
        out << usage();
        return Success;
    }
    QStringList usages;
    if (const CommandSpec* match = parser().command(topic)) {
        usages.append(commandUsage(*match));
    } else {
        for (const CommandSpec& command : allCommands()) {
            if (command.words.first() == topic.first()) {
                usages.append(commandUsage(command));
            }
        }
    }
    if (usages.isEmpty()) {
        return reportUsageError(
            err, Text::tr("No help for \"%1\": there is no such command.").arg(topic.join(u' ')));
    }
    out << usages.join(QLatin1Char('\n')) << helpFooter();
    return Success;
}

// "Now" is the system's, unless MASAHISTA_NOW pins it (an ISO 8601 instant): for scripted
// tests and for trying out rules about the past.
std::unique_ptr<Clock> clockFromEnvironment(QString* problem)
{
    const QString pinned = qEnvironmentVariable("MASAHISTA_NOW");
    if (pinned.isEmpty()) {
        return std::make_unique<SystemClock>();
    }
    const std::optional<QDateTime> now = OptionValues::pinnedNow(pinned);
    if (!now) {
        *problem = Text::tr("MASAHISTA_NOW must be an instant with an offset, such as "
                            "2026-11-25T09:00:00-07:00, not \"%1\".")
                       .arg(pinned);
        return nullptr;
    }
    return std::make_unique<FixedClock>(*now);
}

Actor commandLineActor()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return Actor{user.isEmpty() ? Text::tr("command line")
                                : Text::tr("%1 (command line)").arg(user)};
}

int runCommand(const CommandSpec& command, const Arguments& arguments, QTextStream& out,
               QTextStream& err)
{
    if (const QString problem = ArgumentParser::misfit(command, arguments); !problem.isEmpty()) {
        return reportUsageError(err, problem);
    }
    QString clockProblem;
    const std::unique_ptr<Clock> clock = clockFromEnvironment(&clockProblem);
    if (!clock) {
        return reportUsageError(err, clockProblem);
    }
    const QString given = arguments.values.value(QStringLiteral("db"));
    const QString path = given.isEmpty() ? Clinic::defaultPath() : given;
    if (!command.opensDatabase) {
        CommandContext context(arguments, out, err, path, nullptr, *clock, commandLineActor());
        return command.run(context);
    }
    Result<std::unique_ptr<Clinic>> opened =
        Clinic::open(path, command.mode, *clock, commandLineActor());
    if (!opened) {
        err << QStringLiteral("masahista: ") << opened.error().message << Qt::endl;
        return DatabaseProblem;
    }
    CommandContext context(arguments, out, err, path, opened->get(), *clock, (*opened)->actor());
    return command.run(context);
}

} // namespace

const QList<CommandSpec>& commands()
{
    return allCommands();
}

Invocation classify(const QStringList& arguments)
{
    const Arguments parsed = parse(arguments);
    Invocation invocation;
    invocation.databasePath = parsed.values.value(QStringLiteral("db"));
    // Anything beyond --db, even a mistake, belongs to the command line, which explains it.
    invocation.commandLine =
        !parsed.words.isEmpty() || !parsed.flags.isEmpty() || !parsed.error.isEmpty() ||
        parsed.values.size() > 1 ||
        (parsed.values.size() == 1 && !parsed.values.contains(QStringLiteral("db")));
    return invocation;
}

int run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    const Arguments parsed = parse(arguments);
    if (!parsed.error.isEmpty()) {
        return reportUsageError(err, parsed.error);
    }
    if (!parsed.words.isEmpty() && parsed.words.first() == u"help") {
        return printHelp(parsed.words.mid(1), out, err);
    }
    if (parsed.flags.contains(QStringLiteral("help"))) {
        return printHelp(parsed.words, out, err);
    }
    if (parsed.flags.contains(QStringLiteral("version"))) {
        out << QCoreApplication::applicationName() << QLatin1Char(' ')
            << QCoreApplication::applicationVersion() << Qt::endl;
        return Success;
    }
    if (parsed.words.isEmpty()) {
        err << usage();
        return UsageError;
    }
    if (const CommandSpec* match = parser().command(parsed.words)) {
        return runCommand(*match, parsed, out, err);
    }
    QStringList subcommands;
    for (const CommandSpec& command : allCommands()) {
        if (command.words.size() > 1 && command.words.first() == parsed.words.first()) {
            subcommands.append(QLatin1Char('"') + command.words.join(u' ') + QLatin1Char('"'));
        }
    }
    if (!subcommands.isEmpty()) {
        return reportUsageError(err, Text::tr("Use %1.").arg(subcommands.join(Text::tr(" or "))));
    }
    return reportUsageError(err, Text::tr("Unknown command: %1").arg(parsed.words.first()));
}

} // namespace masahista::cli

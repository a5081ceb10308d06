#include "Cli.h"

#include "CommandContext.h"
#include "data/Database.h"

#include <QProcessEnvironment>
#include <QTextStream>

#include <memory>

namespace masahista::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

const QList<CommandSpec>& allCommands()
{
    static const QList<CommandSpec> commands =
        clinicCommands() + bookingCommands() + scheduleCommands() + slotCommands() +
        backupCommands();
    return commands;
}

int reportUsageError(QTextStream& err, const QString& message)
{
    err << QStringLiteral("masahista: ") << message << Qt::endl
        << Text::tr("Run \"masahista --help\" for the commands.") << Qt::endl;
    return UsageError;
}

// Whether an option takes a value is known from the commands, so "--note --json" can't be
// misread and every command shares one parser.
Arguments parse(const QStringList& arguments)
{
    QSet<QString> valueOptions{QStringLiteral("db")};
    QSet<QString> flagOptions{QStringLiteral("help"), QStringLiteral("version")};
    for (const CommandSpec& command : allCommands()) {
        valueOptions.unite(
            QSet<QString>(command.valueOptions.cbegin(), command.valueOptions.cend()));
        flagOptions.unite(QSet<QString>(command.flagOptions.cbegin(), command.flagOptions.cend()));
    }

    Arguments parsed;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == u"-h") {
            parsed.flags.insert(QStringLiteral("help"));
            continue;
        }
        if (argument == u"-o") {
            if (i + 1 >= arguments.size()) {
                parsed.error = Text::tr("The option -o needs a file name.");
                return parsed;
            }
            parsed.values.insert(QStringLiteral("output"), arguments.at(++i));
            continue;
        }
        if (!argument.startsWith(u"--") || argument.size() == 2) {
            parsed.words.append(argument);
            continue;
        }
        QString name = argument.mid(2);
        QString value;
        const qsizetype equals = name.indexOf(u'=');
        const bool inlineValue = equals >= 0;
        if (inlineValue) {
            value = name.mid(equals + 1);
            name.truncate(equals);
        }
        if (flagOptions.contains(name) && !inlineValue) {
            parsed.flags.insert(name);
        } else if (valueOptions.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= arguments.size()) {
                    parsed.error = Text::tr("The option --%1 needs a value.").arg(name);
                    return parsed;
                }
                value = arguments.at(++i);
            }
            parsed.values.insert(name, value);
        } else {
            parsed.error = Text::tr("Unknown option: %1").arg(argument);
            return parsed;
        }
    }
    return parsed;
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
                    "\n"
                    "Times without an offset are clinic-local (YYYY-MM-DDTHH:MM). Therapists,\n"
                    "clients, services and rooms are named by id or by exact name.\n"
                    "\n"
                    "Exit codes: 0 done, 1 refused (the reason is on stderr), 2 usage error,\n"
                    "3 database problem (the file cannot be used; it is left untouched).\n")
        .arg(commands, Database::defaultPath());
}

// Why the arguments do not fit the command: an option it does not take, or extra words.
// Empty when they fit.
QString misfit(const CommandSpec& command, const Arguments& arguments)
{
    QStringList given = arguments.values.keys();
    given += QList<QString>(arguments.flags.cbegin(), arguments.flags.cend());
    for (const QString& option : given) {
        if (option != u"db" && !command.valueOptions.contains(option) &&
            !command.flagOptions.contains(option)) {
            return Text::tr("The command \"%1\" does not take --%2.")
                .arg(command.words.join(u' '), option);
        }
    }
    const qsizetype allowed = command.words.size() + command.operands;
    if (arguments.words.size() > allowed) {
        return Text::tr("Unexpected argument: %1").arg(arguments.words.at(allowed));
    }
    return {};
}

// "Now" is the system's, unless MASAHISTA_NOW pins it (an ISO 8601 instant): for scripted
// tests and for trying out rules about the past.
std::unique_ptr<Clock> clockFromEnvironment(QString* problem)
{
    const QString pinned = qEnvironmentVariable("MASAHISTA_NOW");
    if (pinned.isEmpty()) {
        return std::make_unique<SystemClock>();
    }
    const QDateTime now = QDateTime::fromString(pinned, Qt::ISODateWithMs);
    if (!now.isValid() || now.timeSpec() == Qt::LocalTime) {
        *problem = Text::tr("MASAHISTA_NOW must be an instant with an offset, such as "
                            "2026-11-25T09:00:00-07:00, not \"%1\".")
                       .arg(pinned);
        return nullptr;
    }
    return std::make_unique<FixedClock>(now);
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
    if (const QString problem = misfit(command, arguments); !problem.isEmpty()) {
        return reportUsageError(err, problem);
    }
    QString clockProblem;
    const std::unique_ptr<Clock> clock = clockFromEnvironment(&clockProblem);
    if (!clock) {
        return reportUsageError(err, clockProblem);
    }
    const QString given = arguments.values.value(QStringLiteral("db"));
    const QString path = given.isEmpty() ? Database::defaultPath() : given;
    if (!command.opensDatabase) {
        CommandContext context(arguments, out, err, path, nullptr, *clock, commandLineActor());
        return command.run(context);
    }
    Result<std::unique_ptr<Database>> opened = Database::open(path, command.mode);
    if (!opened) {
        err << QStringLiteral("masahista: ") << opened.error().message << Qt::endl;
        return DatabaseProblem;
    }
    CommandContext context(arguments, out, err, path, opened->get(), *clock, commandLineActor());
    return command.run(context);
}

} // namespace

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
    if (parsed.flags.contains(QStringLiteral("help")) ||
        (!parsed.words.isEmpty() && parsed.words.first() == u"help")) {
        out << usage();
        return Done;
    }
    if (parsed.flags.contains(QStringLiteral("version"))) {
        out << QCoreApplication::applicationName() << QLatin1Char(' ')
            << QCoreApplication::applicationVersion() << Qt::endl;
        return Done;
    }
    if (parsed.words.isEmpty()) {
        err << usage();
        return UsageError;
    }
    // The longest match wins, so "clients add" is not taken for a command "clients".
    const CommandSpec* match = nullptr;
    for (const CommandSpec& command : allCommands()) {
        if (parsed.words.mid(0, command.words.size()) == command.words &&
            (match == nullptr || command.words.size() > match->words.size())) {
            match = &command;
        }
    }
    if (match != nullptr) {
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

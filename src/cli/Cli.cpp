#include "Cli.h"

#include "Output.h"
#include "booking/ClientService.h"
#include "booking/DemoClinic.h"
#include "data/Database.h"
#include "data/MassageTypeRepository.h"
#include "data/RoomRepository.h"
#include "data/ScheduleRepository.h"
#include "data/TherapistRepository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTextStream>

#include <functional>

namespace masahista::cli {

namespace {

int reportUsageError(QTextStream& err, const QString& message)
{
    err << QStringLiteral("masahista: ") << message << Qt::endl
        << QCoreApplication::translate("Cli", "Run \"masahista --help\" for the commands.")
        << Qt::endl;
    return UsageError;
}

const QSet<QString> valueOptions{QStringLiteral("db"),    QStringLiteral("today"),
                                 QStringLiteral("name"),  QStringLiteral("phone"),
                                 QStringLiteral("email"), QStringLiteral("limit")};
const QSet<QString> flagOptions{QStringLiteral("json"), QStringLiteral("help"),
                                QStringLiteral("version")};

struct Arguments
{
    QStringList words;              // the command and its operands
    QHash<QString, QString> values; // --name VALUE
    QSet<QString> flags;            // --json
    QString error;                  // why the arguments cannot be understood
};

Arguments parse(const QStringList& arguments)
{
    Arguments parsed;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == u"-h") {
            parsed.flags.insert(QStringLiteral("help"));
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
                    parsed.error =
                        QCoreApplication::translate("Cli", "The option --%1 needs a value.")
                            .arg(name);
                    return parsed;
                }
                value = arguments.at(++i);
            }
            parsed.values.insert(name, value);
        } else {
            parsed.error = QCoreApplication::translate("Cli", "Unknown option: %1").arg(argument);
            return parsed;
        }
    }
    return parsed;
}

QString usage()
{
    return QCoreApplication::translate(
               "Cli",
               "Usage: masahista [--db PATH] [COMMAND ...]\n"
               "\n"
               "Without a command, starts the Masahista window.\n"
               "\n"
               "Commands:\n"
               "  init                       create the database, or bring it up to date\n"
               "  demo [--today YYYY-MM-DD]  load the demo clinic into an empty database\n"
               "  therapists [--json]        therapists with modalities, credentials, hours\n"
               "  services [--json]          massage types with durations and prices\n"
               "  rooms [--json]             treatment rooms\n"
               "  clients add --name NAME --phone PHONE [--email EMAIL]\n"
               "                             add a client and print the new id\n"
               "  clients find TEXT [--limit N] [--json]\n"
               "                             clients whose name, phone or e-mail match\n"
               "\n"
               "Options:\n"
               "  --db PATH   the database file (default: %1)\n"
               "  --json      machine-readable output for listing commands\n"
               "  --help      this text; --version: the version\n"
               "\n"
               "Exit codes: 0 done, 1 refused (the reason is on stderr), 2 usage error,\n"
               "3 database problem (the file cannot be used; it is left untouched).\n")
        .arg(Database::defaultPath());
}

// Everything one command needs while it runs.
class Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    Command(const Arguments& arguments, QTextStream& out, QTextStream& err)
        : m_arguments(arguments)
        , m_out(out)
        , m_err(err)
    {}

    int run();

private:
    int usageError(const QString& message) { return reportUsageError(m_err, message); }

    int fail(const Error& error)
    {
        m_err << QStringLiteral("masahista: ") << error.message << Qt::endl;
        return error.isDatabaseProblem() ? DatabaseProblem : Refused;
    }

    int printJson(const QJsonArray& array)
    {
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Done;
    }

    // Why the arguments do not fit the command: an option it does not take, or more than
    // `operands` words. Empty when they fit.
    QString misfit(const QSet<QString>& options, qsizetype operands) const
    {
        QStringList given = m_arguments.values.keys();
        given += QList<QString>(m_arguments.flags.cbegin(), m_arguments.flags.cend());
        for (const QString& option : given) {
            if (option != u"db" && !options.contains(option)) {
                return tr("The command \"%1\" does not take --%2.").arg(commandName(), option);
            }
        }
        if (m_arguments.words.size() > operands) {
            return tr("Unexpected argument: %1").arg(m_arguments.words.at(operands));
        }
        return {};
    }

    QString commandName() const
    {
        return m_arguments.words.mid(0, m_arguments.words.first() == u"clients" ? 2 : 1).join(u' ');
    }

    Status openDatabase(Database::Mode mode)
    {
        const QString path = m_arguments.values.value(QStringLiteral("db"));
        Result<std::unique_ptr<Database>> opened =
            Database::open(path.isEmpty() ? Database::defaultPath() : path, mode);
        if (!opened) {
            return opened.error();
        }
        m_database = std::move(opened).value();
        return success();
    }

    int init();
    int demo();
    int therapists();
    int services();
    int rooms();
    int clientsAdd();
    int clientsFind();

    const Arguments& m_arguments;
    QTextStream& m_out;
    QTextStream& m_err;
    std::unique_ptr<Database> m_database;
};

int Command::run()
{
    struct Entry
    {
        QStringList words;
        QSet<QString> options;
        qsizetype operands;
        Database::Mode mode;
        std::function<int(Command*)> handler;
    };
    const QList<Entry> entries{
        {{QStringLiteral("init")}, {}, 1, Database::Mode::CreateIfMissing, &Command::init},
        {{QStringLiteral("demo")},
         {QStringLiteral("today")},
         1,
         Database::Mode::CreateIfMissing,
         &Command::demo},
        {{QStringLiteral("therapists")},
         {QStringLiteral("json")},
         1,
         Database::Mode::ExistingOnly,
         &Command::therapists},
        {{QStringLiteral("services")},
         {QStringLiteral("json")},
         1,
         Database::Mode::ExistingOnly,
         &Command::services},
        {{QStringLiteral("rooms")},
         {QStringLiteral("json")},
         1,
         Database::Mode::ExistingOnly,
         &Command::rooms},
        {{QStringLiteral("clients"), QStringLiteral("add")},
         {QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("email")},
         2,
         Database::Mode::ExistingOnly,
         &Command::clientsAdd},
        {{QStringLiteral("clients"), QStringLiteral("find")},
         {QStringLiteral("json"), QStringLiteral("limit")},
         3,
         Database::Mode::ExistingOnly,
         &Command::clientsFind},
    };
    for (const Entry& entry : entries) {
        if (m_arguments.words.mid(0, entry.words.size()) != entry.words) {
            continue;
        }
        if (const QString problem = misfit(entry.options, entry.operands); !problem.isEmpty()) {
            return usageError(problem);
        }
        if (Status opened = openDatabase(entry.mode); !opened) {
            return fail(opened.error());
        }
        return entry.handler(this);
    }
    if (m_arguments.words.first() == u"clients") {
        return usageError(tr("Use \"clients add\" or \"clients find\"."));
    }
    return usageError(tr("Unknown command: %1").arg(m_arguments.words.first()));
}

int Command::init()
{
    m_out << tr("The database %1 is ready (schema version %2).")
                 .arg(m_database->path())
                 .arg(m_database->schemaVersion())
          << Qt::endl;
    return Done;
}

int Command::demo()
{
    QDate today;
    if (m_arguments.values.contains(QStringLiteral("today"))) {
        const QString text = m_arguments.values.value(QStringLiteral("today"));
        today = QDate::fromString(text, Qt::ISODate);
        if (!today.isValid()) {
            return usageError(tr("--today needs a date as YYYY-MM-DD, not \"%1\".").arg(text));
        }
    }
    const SystemClock clock;
    const Result<DemoSummary> loaded = today.isValid() ? DemoClinic::load(*m_database, today, clock)
                                                       : DemoClinic::load(*m_database, clock);
    if (!loaded) {
        return fail(loaded.error());
    }
    m_out << tr("Loaded the demo clinic into %1: %2 therapists, %3 massage types, "
                "%4 rooms, %5 clients and %6 appointments from %7 to %8.")
                 .arg(m_database->path())
                 .arg(loaded->therapists)
                 .arg(loaded->massageTypes)
                 .arg(loaded->rooms)
                 .arg(loaded->clients)
                 .arg(loaded->appointments)
                 .arg(loaded->firstDay.toString(Qt::ISODate), loaded->lastDay.toString(Qt::ISODate))
          << Qt::endl;
    return Done;
}

int Command::therapists()
{
    Result<QList<Therapist>> list = TherapistRepository(*m_database).all();
    if (!list) {
        return fail(list.error());
    }
    Result<QHash<Id, QList<WeeklyInterval>>> hours =
        ScheduleRepository(*m_database).allWeeklyHours();
    if (!hours) {
        return fail(hours.error());
    }
    if (m_arguments.flags.contains(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Therapist& therapist : *list) {
            array.append(Output::therapistJson(therapist, hours->value(therapist.id)));
        }
        return printJson(array);
    }
    for (const Therapist& therapist : *list) {
        m_out << Output::therapistText(therapist, hours->value(therapist.id)) << Qt::endl;
    }
    if (list->isEmpty()) {
        m_out << tr("No therapists yet.") << Qt::endl;
    }
    return Done;
}

int Command::services()
{
    Result<QList<MassageType>> list = MassageTypeRepository(*m_database).all();
    if (!list) {
        return fail(list.error());
    }
    if (m_arguments.flags.contains(QStringLiteral("json"))) {
        QJsonArray array;
        for (const MassageType& type : *list) {
            array.append(Output::massageTypeJson(type));
        }
        return printJson(array);
    }
    for (const MassageType& type : *list) {
        m_out << Output::massageTypeText(type) << Qt::endl;
    }
    if (list->isEmpty()) {
        m_out << tr("No massage types yet.") << Qt::endl;
    }
    return Done;
}

int Command::rooms()
{
    Result<QList<Room>> list = RoomRepository(*m_database).all();
    if (!list) {
        return fail(list.error());
    }
    if (m_arguments.flags.contains(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Room& room : *list) {
            array.append(Output::roomJson(room));
        }
        return printJson(array);
    }
    for (const Room& room : *list) {
        m_out << Output::roomText(room) << Qt::endl;
    }
    if (list->isEmpty()) {
        m_out << tr("No rooms yet.") << Qt::endl;
    }
    return Done;
}

int Command::clientsAdd()
{
    if (!m_arguments.values.contains(QStringLiteral("name")) ||
        !m_arguments.values.contains(QStringLiteral("phone"))) {
        return usageError(tr("\"clients add\" needs --name and --phone."));
    }
    Client client;
    client.fullName = m_arguments.values.value(QStringLiteral("name"));
    client.phone = m_arguments.values.value(QStringLiteral("phone"));
    client.email = m_arguments.values.value(QStringLiteral("email"));
    const SystemClock clock;
    Result<Id> id = ClientService(*m_database, clock).add(client);
    if (!id) {
        return fail(id.error());
    }
    m_out << *id << Qt::endl;
    return Done;
}

int Command::clientsFind()
{
    if (m_arguments.words.size() < 3) {
        return usageError(tr("\"clients find\" needs the text to look for."));
    }
    int limit = 50;
    if (m_arguments.values.contains(QStringLiteral("limit"))) {
        bool ok = false;
        limit = m_arguments.values.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1) {
            return usageError(tr("--limit needs a whole number of at least 1."));
        }
    }
    const SystemClock clock;
    Result<QList<Client>> found =
        ClientService(*m_database, clock).find(m_arguments.words.at(2), limit);
    if (!found) {
        return fail(found.error());
    }
    if (m_arguments.flags.contains(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Client& client : *found) {
            array.append(Output::clientJson(client));
        }
        return printJson(array);
    }
    for (const Client& client : *found) {
        m_out << Output::clientText(client) << Qt::endl;
    }
    if (found->isEmpty()) {
        m_out << tr("No client matches.") << Qt::endl;
    }
    return Done;
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
    return Command(parsed, out, err).run();
}

} // namespace masahista::cli

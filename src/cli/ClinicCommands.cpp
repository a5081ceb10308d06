// The clinic's set-up: creating the database, the demo, and the listings of what bookings are
// made against (therapists, services, rooms, clients).
#include "Cli.h"
#include "CommandContext.h"
#include "Output.h"
#include "booking/clients/ClientService.h"
#include "booking/demo/DemoClinic.h"

#include <QTextStream>

namespace masahista::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

int init(CommandContext& context)
{
    context.out() << Text::tr("The database %1 is ready (schema version %2).")
                         .arg(context.clinic().path())
                         .arg(context.clinic().schemaVersion())
                  << Qt::endl;
    return Success;
}

int demo(CommandContext& context)
{
    const std::optional<QDate> today = context.dateOption(QStringLiteral("today"), QDate());
    if (!today) {
        return context.exitCode();
    }
    const Result<DemoSummary> loaded =
        today->isValid() ? context.clinic().loadDemo(*today) : context.clinic().loadDemo();
    if (!loaded) {
        return context.fail(loaded.error());
    }
    context.out() << Text::tr("Loaded the demo clinic into %1: %2 therapists, %3 massage types, "
                              "%4 rooms, %5 clients and %6 appointments from %7 to %8.")
                         .arg(context.clinic().path())
                         .arg(loaded->therapists)
                         .arg(loaded->massageTypes)
                         .arg(loaded->rooms)
                         .arg(loaded->clients)
                         .arg(loaded->appointments)
                         .arg(loaded->firstDay.toString(Qt::ISODate),
                              loaded->lastDay.toString(Qt::ISODate))
                  << Qt::endl;
    return Success;
}

int therapists(CommandContext& context)
{
    Result<QList<Therapist>> list = context.clinic().therapistList();
    if (!list) {
        return context.fail(list.error());
    }
    Result<QHash<Id, QList<WeeklyInterval>>> hours = context.clinic().weeklyHours();
    if (!hours) {
        return context.fail(hours.error());
    }
    QJsonArray array;
    QStringList lines;
    for (const Therapist& therapist : *list) {
        array.append(Output::therapistJson(therapist, hours->value(therapist.id)));
        lines.append(Output::therapistText(therapist, hours->value(therapist.id)));
    }
    return context.json() ? context.printJson(array)
                          : context.printLines(lines, Text::tr("No therapists yet."));
}

int services(CommandContext& context)
{
    Result<QList<MassageType>> list = context.clinic().massageTypeList();
    if (!list) {
        return context.fail(list.error());
    }
    QJsonArray array;
    QStringList lines;
    for (const MassageType& type : *list) {
        array.append(Output::massageTypeJson(type));
        lines.append(Output::massageTypeText(type));
    }
    return context.json() ? context.printJson(array)
                          : context.printLines(lines, Text::tr("No massage types yet."));
}

int rooms(CommandContext& context)
{
    Result<QList<Room>> list = context.clinic().roomList();
    if (!list) {
        return context.fail(list.error());
    }
    QJsonArray array;
    QStringList lines;
    for (const Room& room : *list) {
        array.append(Output::roomJson(room));
        lines.append(Output::roomText(room));
    }
    return context.json() ? context.printJson(array)
                          : context.printLines(lines, Text::tr("No rooms yet."));
}

int clientsAdd(CommandContext& context)
{
    if (!context.has(QStringLiteral("name")) || !context.has(QStringLiteral("phone"))) {
        return context.usageError(Text::tr("\"clients add\" needs --name and --phone."));
    }
    Client client;
    client.fullName = context.value(QStringLiteral("name"));
    client.phone = context.value(QStringLiteral("phone"));
    client.email = context.value(QStringLiteral("email"));
    Result<Id> id = context.clinic().clients().add(client);
    if (!id) {
        return context.fail(id.error());
    }
    context.out() << *id << Qt::endl;
    return Success;
}

int clientsFind(CommandContext& context)
{
    if (context.words().size() < 3) {
        return context.usageError(Text::tr("\"clients find\" needs the text to look for."));
    }
    const std::optional<int> limit = context.numberOption(QStringLiteral("limit"), 50, 1, 10000);
    if (!limit) {
        return context.exitCode();
    }
    Result<QList<Client>> found = context.clinic().clients().find(context.words().at(2), *limit);
    if (!found) {
        return context.fail(found.error());
    }
    QJsonArray array;
    QStringList lines;
    for (const Client& client : *found) {
        array.append(Output::clientJson(client));
        lines.append(Output::clientText(client));
    }
    return context.json() ? context.printJson(array)
                          : context.printLines(lines, Text::tr("No client matches."));
}

} // namespace

QList<CommandSpec> clinicCommands()
{
    const QString json = QStringLiteral("json");
    return {
        {{QStringLiteral("init")},
         QString(),
         Text::tr("create the database, or bring it up to date"),
         {{}, QStringLiteral("--db ~/clinic.sqlite init")},
         {},
         {},
         0,
         Clinic::Opening::CreateIfMissing,
         init},
        {{QStringLiteral("demo")},
         QStringLiteral("[--today YYYY-MM-DD]"),
         Text::tr("load the demo clinic into an empty database"),
         {{{QStringLiteral("--today YYYY-MM-DD"),
            Text::tr("the day the demo's bookings are arranged around (default: today)")}},
          QStringLiteral("demo --today 2026-12-07")},
         {QStringLiteral("today")},
         {},
         0,
         Clinic::Opening::CreateIfMissing,
         demo},
        {{QStringLiteral("therapists")},
         QStringLiteral("[--json]"),
         Text::tr("therapists with modalities, credentials and hours"),
         {{{QStringLiteral("--json"), Text::tr("one JSON array (docs/cli.md) instead of text")}},
          QStringLiteral("therapists --json")},
         {},
         {json},
         0,
         Clinic::Opening::ExistingOnly,
         therapists},
        {{QStringLiteral("services")},
         QStringLiteral("[--json]"),
         Text::tr("massage types with durations and prices"),
         {{{QStringLiteral("--json"), Text::tr("one JSON array (docs/cli.md) instead of text")}},
          QStringLiteral("services")},
         {},
         {json},
         0,
         Clinic::Opening::ExistingOnly,
         services},
        {{QStringLiteral("rooms")},
         QStringLiteral("[--json]"),
         Text::tr("treatment rooms"),
         {{{QStringLiteral("--json"), Text::tr("one JSON array (docs/cli.md) instead of text")}},
          QStringLiteral("rooms")},
         {},
         {json},
         0,
         Clinic::Opening::ExistingOnly,
         rooms},
        {{QStringLiteral("clients"), QStringLiteral("add")},
         QStringLiteral("--name NAME --phone PHONE [--email EMAIL]"),
         Text::tr("add a client and print the new id"),
         {{{QStringLiteral("--name NAME"), Text::tr("the client's full name (required)")},
           {QStringLiteral("--phone PHONE"),
            Text::tr("the phone number (required), stored as (780) 555-0142")},
           {QStringLiteral("--email EMAIL"), Text::tr("the e-mail address, if any")}},
          QStringLiteral("clients add --name \"Zoë O'Brien\" --phone 780.555.0142 "
                         "--email zoe@example.com")},
         {QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("email")},
         {},
         0,
         Clinic::Opening::ExistingOnly,
         clientsAdd},
        {{QStringLiteral("clients"), QStringLiteral("find")},
         QStringLiteral("TEXT [--limit N] [--json]"),
         Text::tr("clients whose name, phone or e-mail match"),
         {{{QStringLiteral("TEXT"),
            Text::tr("words of the name or e-mail, or digits of the phone (required)")},
           {QStringLiteral("--limit N"), Text::tr("at most N clients (default: 50)")},
           {QStringLiteral("--json"), Text::tr("one JSON array (docs/cli.md) instead of text")}},
          QStringLiteral("clients find \"priya\" --json")},
         {QStringLiteral("limit")},
         {json},
         1,
         Clinic::Opening::ExistingOnly,
         clientsFind},
    };
}

} // namespace masahista::cli

// Booking, moving, cancelling and the status of appointments.
#include "Cli.h"
#include "CommandContext.h"
#include "Lookup.h"
#include "OptionValues.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/ClinicTime.h"

#include <QTextStream>

namespace masahista::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

const QString seriesOption = QStringLiteral("series");

Result<QTimeZone> clinicZone(Clinic& clinic)
{
    Result<ClinicSettings> settings = clinic.clinicSettings();
    if (!settings) {
        return settings.error();
    }
    return ClinicTime::zone(settings->timeZoneId);
}

// The operand after the command: the appointment's id.
std::optional<Id> appointmentId(CommandContext& context)
{
    const std::optional<Id> id = OptionValues::id(context.words().value(1));
    if (!id) {
        context.usageError(
            Text::tr("\"%1\" needs the appointment's id.").arg(context.words().constFirst()));
    }
    return id;
}

std::optional<SeriesScope> scopeOption(CommandContext& context)
{
    const QString scope = context.value(seriesOption);
    if (scope.isEmpty() || scope == u"this") {
        return SeriesScope::ThisOnly;
    }
    if (scope == u"following") {
        return SeriesScope::ThisAndFollowing;
    }
    if (scope == u"all") {
        return SeriesScope::All;
    }
    context.usageError(Text::tr("--series is this, following or all, not \"%1\".").arg(scope));
    return std::nullopt;
}

// Resolves a named record into `*id`; false (after reporting) when it cannot.
template <typename Find>
bool resolve(CommandContext& context, const QString& option, Find find, Id* id)
{
    if (!context.has(option)) {
        return true;
    }
    Result<Id> found = find(context.value(option));
    if (!found) {
        context.fail(found.error());
        return false;
    }
    *id = *found;
    return true;
}

int printIds(CommandContext& context, const QList<Appointment>& appointments)
{
    for (const Appointment& appointment : appointments) {
        context.out() << appointment.id << Qt::endl;
    }
    return Success;
}

int book(CommandContext& context)
{
    for (const QString& required :
         {QStringLiteral("client"), QStringLiteral("therapist"), QStringLiteral("service"),
          QStringLiteral("minutes"), QStringLiteral("start")}) {
        if (!context.has(required)) {
            return context.usageError(Text::tr("\"book\" needs --%1.").arg(required));
        }
    }
    const bool repeating = context.has(QStringLiteral("every-weeks")) ||
                           context.has(QStringLiteral("count")) ||
                           context.has(QStringLiteral("until"));
    if (!repeating && context.flag(QStringLiteral("skip-conflicts"))) {
        return context.usageError(Text::tr("--skip-conflicts is for a series (--every-weeks)."));
    }
    Result<QTimeZone> zone = clinicZone(context.clinic());
    if (!zone) {
        return context.fail(zone.error());
    }
    const std::optional<QDateTime> start = context.instantOption(QStringLiteral("start"), *zone);
    const std::optional<int> minutes = context.numberOption(QStringLiteral("minutes"), 0, 1, 480);
    if (!start || !minutes) {
        return context.exitCode();
    }
    BookingRequest request;
    request.startUtc = *start;
    request.minutes = *minutes;
    request.notes = context.value(QStringLiteral("note"));
    request.overrideReason = context.value(QStringLiteral("override"));
    Lookup lookup(context.clinic());
    if (!resolve(
            context, QStringLiteral("client"),
            [&](const QString& text) { return lookup.client(text); }, &request.clientId) ||
        !resolve(
            context, QStringLiteral("therapist"),
            [&](const QString& text) { return lookup.therapist(text); }, &request.therapistId) ||
        !resolve(
            context, QStringLiteral("service"),
            [&](const QString& text) { return lookup.service(text); }, &request.massageTypeId) ||
        !resolve(
            context, QStringLiteral("room"), [&](const QString& text) { return lookup.room(text); },
            &request.roomId)) {
        return context.exitCode();
    }

    BookingService service = context.clinic().bookings();
    if (!repeating) {
        Result<Appointment> booked = service.book(request, context.actor());
        if (!booked) {
            return context.fail(booked.error());
        }
        return printIds(context, {*booked});
    }
    SeriesRequest series;
    series.first = request;
    const std::optional<int> every = context.numberOption(QStringLiteral("every-weeks"), 1, 1, 52);
    const std::optional<int> count =
        context.numberOption(QStringLiteral("count"), 0, 1, BookingService::maxOccurrences);
    const std::optional<QDate> until = context.dateOption(QStringLiteral("until"), QDate());
    if (!every || !count || !until) {
        return context.exitCode();
    }
    if ((*count > 0) == until->isValid()) {
        return context.usageError(Text::tr("A series needs either --count or --until."));
    }
    series.intervalWeeks = *every;
    series.count = *count;
    series.until = *until;
    Result<QList<Appointment>> booked =
        service.bookSeries(series, context.flag(QStringLiteral("skip-conflicts")), context.actor());
    if (!booked) {
        return context.fail(booked.error());
    }
    // A weekly time the clocks skip or show twice on one of the series' days, such as 02:30 on
    // the spring change day, was read as ClinicTime reads it: say so for that appointment.
    const int seriesMinute = ClinicTime::minuteOfDay(ClinicTime::toLocal(*start, *zone));
    for (const Appointment& appointment : *booked) {
        const QDate day = ClinicTime::toLocal(appointment.startUtc, *zone).date();
        const QString note = ClinicTime::wallTimeNote(day, seriesMinute, *zone);
        if (!note.isEmpty() && appointment.startUtc != *start) {
            context.note(note);
        }
    }
    return printIds(context, *booked);
}

int move(CommandContext& context)
{
    const std::optional<Id> id = appointmentId(context);
    if (!id) {
        return context.exitCode();
    }
    Result<QTimeZone> zone = clinicZone(context.clinic());
    if (!zone) {
        return context.fail(zone.error());
    }
    ChangeRequest request;
    request.appointmentId = *id;
    request.overrideReason = context.value(QStringLiteral("override"));
    if (context.has(QStringLiteral("start"))) {
        const std::optional<QDateTime> start =
            context.instantOption(QStringLiteral("start"), *zone);
        if (!start) {
            return context.exitCode();
        }
        request.startUtc = *start;
    }
    if (context.has(QStringLiteral("minutes"))) {
        const std::optional<int> minutes =
            context.numberOption(QStringLiteral("minutes"), 0, 1, 480);
        if (!minutes) {
            return context.exitCode();
        }
        request.minutes = *minutes;
    }
    if (context.has(QStringLiteral("note"))) {
        request.notes = context.value(QStringLiteral("note"));
    }
    Lookup lookup(context.clinic());
    Id therapistId = 0;
    Id roomId = 0;
    if (!resolve(
            context, QStringLiteral("therapist"),
            [&](const QString& text) { return lookup.therapist(text); }, &therapistId) ||
        !resolve(
            context, QStringLiteral("room"), [&](const QString& text) { return lookup.room(text); },
            &roomId)) {
        return context.exitCode();
    }
    if (therapistId != 0) {
        request.therapistId = therapistId;
    }
    if (roomId != 0) {
        request.roomId = roomId;
    }
    if (!request.startUtc && !request.minutes && !request.therapistId && !request.roomId &&
        !request.notes) {
        return context.usageError(
            Text::tr("\"move\" needs at least one of --start, --therapist, --minutes, --room "
                     "or --note."));
    }
    const std::optional<SeriesScope> scope = scopeOption(context);
    if (!scope) {
        return context.exitCode();
    }
    Result<QList<Appointment>> moved =
        context.clinic().bookings().changeSeries(request, *scope, context.actor());
    if (!moved) {
        return context.fail(moved.error());
    }
    return printIds(context, *moved);
}

int cancel(CommandContext& context)
{
    const std::optional<Id> id = appointmentId(context);
    const std::optional<SeriesScope> scope = id ? scopeOption(context) : std::nullopt;
    if (!id || !scope) {
        return context.exitCode();
    }
    Result<QList<Appointment>> cancelled = context.clinic().bookings().cancelSeries(
        *id, *scope, context.value(QStringLiteral("reason")), context.actor());
    if (!cancelled) {
        return context.fail(cancelled.error());
    }
    for (const Appointment& appointment : *cancelled) {
        context.out() << (appointment.cancelledLate
                              ? Text::tr("Cancelled %1 (late cancellation).").arg(appointment.id)
                              : Text::tr("Cancelled %1.").arg(appointment.id))
                      << Qt::endl;
    }
    return Success;
}

int status(CommandContext& context)
{
    const std::optional<Id> id = appointmentId(context);
    if (!id) {
        return context.exitCode();
    }
    // The command line writes "no-show"; the stored key is "no_show".
    QString wanted = context.words().value(2);
    wanted.replace(QLatin1Char('-'), QLatin1Char('_'));
    const std::optional<AppointmentStatus> target = appointmentStatusFromKey(wanted);
    if (!target || *target == AppointmentStatus::Booked ||
        *target == AppointmentStatus::Cancelled) {
        return context.usageError(
            Text::tr("\"status\" takes confirmed, arrived, completed or no-show, not \"%1\".")
                .arg(context.words().value(2)));
    }
    Result<Appointment> changed =
        context.clinic().bookings().setStatus(*id, *target, context.actor());
    if (!changed) {
        return context.fail(changed.error());
    }
    context.out()
        << Text::tr("Appointment %1 is now %2.").arg(changed->id).arg(context.words().value(2))
        << Qt::endl;
    return Success;
}

} // namespace

QList<CommandSpec> bookingCommands()
{
    return {
        {{QStringLiteral("book")},
         QStringLiteral("--client C --therapist T --service S --minutes M --start "
                        "YYYY-MM-DDTHH:MM [--room R] [--note TEXT] [--every-weeks N --count K | "
                        "--until DATE] [--skip-conflicts] [--override REASON]"),
         Text::tr("book an appointment (or a weekly series) and print the new id(s)"),
         {{{QStringLiteral("--client C"), Text::tr("the client, by id or exact name")},
           {QStringLiteral("--therapist T"), Text::tr("the therapist, by id or exact name")},
           {QStringLiteral("--service S"), Text::tr("the massage type, by id or exact name")},
           {QStringLiteral("--minutes M"),
            Text::tr("the length, one the massage type is offered for")},
           {QStringLiteral("--start YYYY-MM-DDTHH:MM"),
            Text::tr("the clinic's wall-clock time, or an instant with its offset")},
           {QStringLiteral("--room R"),
            Text::tr("the room (default: the first free room of the kind needed)")},
           {QStringLiteral("--note TEXT"), Text::tr("notes kept with the appointment")},
           {QStringLiteral("--every-weeks N"),
            Text::tr("a series, every N weeks at the same local time, with --count or --until")},
           {QStringLiteral("--count K"), Text::tr("the series has K appointments")},
           {QStringLiteral("--until YYYY-MM-DD"), Text::tr("the series runs until that day")},
           {QStringLiteral("--skip-conflicts"),
            Text::tr("book the series' free dates only (default: none if any conflicts)")},
           {QStringLiteral("--override REASON"),
            Text::tr("allow outside the hours, during time off or in the past; kept as said")}},
          QStringLiteral("book --client \"Priya Raghunathan\" --therapist \"Eden L\" "
                         "--service \"Swedish relaxation\" --minutes 60 --start 2026-12-08T12:00")},
         {QStringLiteral("client"), QStringLiteral("therapist"), QStringLiteral("service"),
          QStringLiteral("minutes"), QStringLiteral("start"), QStringLiteral("room"),
          QStringLiteral("note"), QStringLiteral("every-weeks"), QStringLiteral("count"),
          QStringLiteral("until"), QStringLiteral("override")},
         {QStringLiteral("skip-conflicts")},
         0,
         Clinic::Opening::ExistingOnly,
         book},
        {{QStringLiteral("move")},
         QStringLiteral("ID [--start T] [--therapist T] [--minutes M] [--room R] [--note TEXT] "
                        "[--series this|following|all] [--override REASON]"),
         Text::tr("move or change an appointment (or its series) under the same rules"),
         {{{QStringLiteral("ID"), Text::tr("the appointment's id (required)")},
           {QStringLiteral("--start T"), Text::tr("the new start, as for book")},
           {QStringLiteral("--therapist T"), Text::tr("another therapist, by id or exact name")},
           {QStringLiteral("--minutes M"), Text::tr("another length")},
           {QStringLiteral("--room R"), Text::tr("another room, by id or exact name")},
           {QStringLiteral("--note TEXT"), Text::tr("replaces the notes")},
           {QStringLiteral("--series this|following|all"),
            Text::tr("also change the following or all of its series (default: this)")},
           {QStringLiteral("--override REASON"), Text::tr("as for book")}},
          QStringLiteral("move 57 --start 2026-12-08T14:00 --room \"Cedar Room\"")},
         {QStringLiteral("start"), QStringLiteral("therapist"), QStringLiteral("minutes"),
          QStringLiteral("room"), QStringLiteral("note"), seriesOption, QStringLiteral("override")},
         {},
         1,
         Clinic::Opening::ExistingOnly,
         move},
        {{QStringLiteral("cancel")},
         QStringLiteral("ID [--reason TEXT] [--series this|following|all]"),
         Text::tr("cancel an appointment (kept, marked late inside the clinic's window)"),
         {{{QStringLiteral("ID"), Text::tr("the appointment's id (required)")},
           {QStringLiteral("--reason TEXT"), Text::tr("why, kept with the appointment")},
           {QStringLiteral("--series this|following|all"),
            Text::tr("also cancel the following or all of its series (default: this)")}},
          QStringLiteral("cancel 57 --reason \"Client has the flu\"")},
         {QStringLiteral("reason"), seriesOption},
         {},
         1,
         Clinic::Opening::ExistingOnly,
         cancel},
        {{QStringLiteral("status")},
         QStringLiteral("ID confirmed|arrived|completed|no-show"),
         Text::tr("record what happened with an appointment"),
         {{{QStringLiteral("ID"), Text::tr("the appointment's id (required)")},
           {QStringLiteral("confirmed"), Text::tr("the client confirmed (from booked)")},
           {QStringLiteral("arrived"), Text::tr("the client is here (on the appointment's day)")},
           {QStringLiteral("completed"), Text::tr("the massage was given (once it has started)")},
           {QStringLiteral("no-show"), Text::tr("the client did not come (once it has started)")}},
          QStringLiteral("status 57 completed")},
         {},
         {},
         2,
         Clinic::Opening::ExistingOnly,
         status},
    };
}

} // namespace masahista::cli

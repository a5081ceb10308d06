// Reading the schedule: a day, a week, the past appointments still waiting for an outcome, and
// a therapist's calendar file.
#include "Cli.h"
#include "CommandContext.h"
#include "Lookup.h"
#include "booking/engine/BookingRules.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/IcsCalendar.h"
#include "booking/engine/Schedule.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>

namespace masahista::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// How far export-ics reaches past its first day when not told.
constexpr int defaultExportDays = 30;

const QString indent = QStringLiteral("  ");

// The clinic as the schedule commands see it, and its today by the command's clock.
struct ClinicView : ClinicDirectory
{
    QDate today;
};

Result<ClinicView> loadClinic(CommandContext& context)
{
    Result<ClinicDirectory> directory = context.clinic().directory();
    if (!directory) {
        return directory.error();
    }
    ClinicView clinic{std::move(directory).value(), {}};
    clinic.today = ClinicTime::toLocal(context.clock().nowUtc(), clinic.zone).date();
    return clinic;
}

// The start of a clinic-local day as an instant.
QDateTime dayStartUtc(QDate day, const QTimeZone& zone)
{
    return ClinicTime::toUtc(day, 0, zone);
}

// With the zone's abbreviation in the autumn's repeated hour, so that no time names two instants.
QString timeText(const QDateTime& instant, const QTimeZone& zone)
{
    return ClinicTime::formatTime(instant, zone);
}

QString spanText(const QDateTime& startUtc, const QDateTime& endUtc, const QTimeZone& zone)
{
    return ClinicTime::formatRange(startUtc, endUtc, zone);
}

QString dayText(QDate day)
{
    return QLocale().dayName(day.dayOfWeek(), QLocale::ShortFormat) + QLatin1Char(' ') +
           day.toString(Qt::ISODate);
}

// ISO 8601 with the clinic's offset on that date, e.g. 2026-12-01T10:00:00-07:00.
QString isoText(const QDateTime& instant, const QTimeZone& zone)
{
    return instant.toTimeZone(zone).toString(Qt::ISODate);
}

// The one JSON shape of an appointment for day, week and unresolved (docs/cli.md).
QJsonObject entryJson(const CalendarEntry& entry, const QTimeZone& zone)
{
    const Appointment& appointment = entry.appointment;
    QJsonArray alerts;
    for (const HealthAlert& alert : entry.healthAlerts) {
        alerts.append(QJsonObject{{QStringLiteral("kind"), healthAlertKey(alert.kind)},
                                  {QStringLiteral("detail"), alert.detail}});
    }
    const bool hasRoom = appointment.roomId != 0;
    const bool cancelled = appointment.status == AppointmentStatus::Cancelled;
    return QJsonObject{
        {QStringLiteral("id"), appointment.id},
        {QStringLiteral("therapist"), entry.therapistName},
        {QStringLiteral("therapist_id"), appointment.therapistId},
        {QStringLiteral("client"), entry.clientName},
        {QStringLiteral("client_id"), appointment.clientId},
        {QStringLiteral("service"), entry.serviceName},
        {QStringLiteral("service_id"), appointment.massageTypeId},
        {QStringLiteral("minutes"), appointment.durationMinutes},
        {QStringLiteral("price_cents"), appointment.priceCents},
        {QStringLiteral("room"), hasRoom ? QJsonValue(entry.roomName) : QJsonValue()},
        {QStringLiteral("room_id"), hasRoom ? QJsonValue(appointment.roomId) : QJsonValue()},
        {QStringLiteral("start"), isoText(appointment.startUtc, zone)},
        {QStringLiteral("end"), isoText(appointment.endUtc, zone)},
        {QStringLiteral("status"), appointmentStatusKey(appointment.status)},
        {QStringLiteral("notes"), appointment.notes},
        {QStringLiteral("cancel_reason"),
         cancelled ? QJsonValue(appointment.cancelReason) : QJsonValue()},
        {QStringLiteral("cancelled_late"), cancelled && appointment.cancelledLate},
        {QStringLiteral("health_alerts"), alerts},
    };
}

int printJson(CommandContext& context, const QList<CalendarEntry>& entries, const QTimeZone& zone)
{
    QJsonArray array;
    for (const CalendarEntry& entry : entries) {
        array.append(entryJson(entry, zone));
    }
    return context.printJson(array);
}

// "10:00–11:00  Swedish relaxation 60 min  Zoë O'Brien  Cedar Room  confirmed  #57" after
// `when`, with the therapist's name when the lines are not grouped by therapist; then what
// the therapist must know before starting: health alerts, notes, why it was cancelled.
QStringList entryLines(const CalendarEntry& entry, const QString& when, bool withTherapist,
                       const QString& prefix)
{
    const Appointment& appointment = entry.appointment;
    QStringList fields{when};
    if (withTherapist) {
        fields.append(entry.therapistName);
    }
    fields.append(Text::tr("%1 %2 min").arg(entry.serviceName).arg(appointment.durationMinutes));
    fields.append(entry.clientName);
    fields.append(entry.roomName.isEmpty() ? Text::tr("no room") : entry.roomName);
    fields.append(appointment.status == AppointmentStatus::Cancelled && appointment.cancelledLate
                      ? Text::tr("cancelled late")
                      : IcsCalendar::statusText(appointment.status));
    fields.append(QLatin1Char('#') + QString::number(appointment.id));

    QStringList lines{prefix + fields.join(QStringLiteral("  "))};
    const QString detailPrefix = prefix + QStringLiteral("    ");
    if (appointment.status == AppointmentStatus::Cancelled && !appointment.cancelReason.isEmpty()) {
        lines.append(detailPrefix + Text::tr("Reason: %1").arg(appointment.cancelReason));
    }
    for (const HealthAlert& alert : entry.healthAlerts) {
        lines.append(detailPrefix + IcsCalendar::alertText(alert));
    }
    if (!appointment.notes.isEmpty()) {
        lines.append(detailPrefix + Text::tr("Notes: %1").arg(appointment.notes));
    }
    return lines;
}

// One line (with its details) of a therapist's part of the sheet, sorted by time.
struct SheetItem
{
    QDateTime start;
    QStringList lines;
};

// One therapist's day: appointments (cancelled ones marked) with alerts and notes, time off,
// and, when `showFree`, the stretches of working hours still free between them (cleanup
// buffers count as busy, as they do for booking).
QStringList therapistDay(const Therapist& therapist, QDate day, const QList<CalendarEntry>& entries,
                         const WorkingTime& working, const ClinicView& clinic, bool showFree)
{
    const QTimeZone& zone = clinic.zone;
    const QList<WeeklyInterval> hours = working.weeklyHours.value(therapist.id);
    const QString hoursText = ClinicTime::formatDay(hours, day.dayOfWeek());
    QStringList lines{indent + therapist.displayName + QStringLiteral("  (") +
                      (hoursText.isEmpty() ? Text::tr("day off") : hoursText) + QLatin1Char(')')};

    QList<SheetItem> items;
    const QString itemPrefix = indent + indent;
    for (const CalendarEntry& entry : entries) {
        const Appointment& appointment = entry.appointment;
        items.append({appointment.startUtc,
                      entryLines(entry, spanText(appointment.startUtc, appointment.endUtc, zone),
                                 false, itemPrefix)});
    }
    const QDateTime dayStart = dayStartUtc(day, zone);
    const QDateTime dayEnd = dayStartUtc(day.addDays(1), zone);
    for (const TimeOff& off : working.timeOff) {
        if (off.therapistId != therapist.id || off.endUtc <= dayStart || dayEnd <= off.startUtc) {
            continue;
        }
        const TimeSpan span{std::max(off.startUtc, dayStart), std::min(off.endUtc, dayEnd)};
        QString line = itemPrefix + Text::tr("off %1").arg(spanText(span.start, span.end, zone));
        if (!off.reason.isEmpty()) {
            line += QStringLiteral("  ") + off.reason;
        }
        items.append({span.start, {line}});
    }
    if (showFree) {
        for (const TimeSpan& span : freeTime(day, clinic, therapist.id, entries, working)) {
            items.append(
                {span.start,
                 {itemPrefix + Text::tr("free %1").arg(spanText(span.start, span.end, zone))}});
        }
    }
    // Equal starts (free time where a cancelled appointment was) keep the appointment first.
    std::stable_sort(items.begin(), items.end(),
                     [](const SheetItem& a, const SheetItem& b) { return a.start < b.start; });
    for (const SheetItem& item : items) {
        lines += item.lines;
    }
    if (entries.isEmpty()) {
        lines.append(itemPrefix + Text::tr("no appointments"));
    }
    return lines;
}

// A day sheet grouped by therapist in the clinic's order: one therapist's when
// `therapistId` is set, else everyone booked that day (and, with `showFree`, everyone
// working that day too, so their free time shows).
QStringList daySheet(QDate day, const QList<CalendarEntry>& entries, const WorkingTime& working,
                     const ClinicView& clinic, Id therapistId, bool showFree)
{
    QStringList lines{dayText(day)};
    bool anyone = false;
    for (const Therapist& therapist : clinic.therapists) {
        if (therapistId != 0 && therapist.id != therapistId) {
            continue;
        }
        QList<CalendarEntry> theirs;
        for (const CalendarEntry& entry : entries) {
            if (entry.appointment.therapistId == therapist.id) {
                theirs.append(entry);
            }
        }
        const bool worksThatDay =
            therapist.active &&
            !ClinicTime::formatDay(working.weeklyHours.value(therapist.id), day.dayOfWeek())
                 .isEmpty();
        if (therapistId == 0 && theirs.isEmpty() && !(showFree && worksThatDay)) {
            continue;
        }
        anyone = true;
        lines += therapistDay(therapist, day, theirs, working, clinic, showFree);
    }
    if (!anyone) {
        lines.append(indent + Text::tr("no appointments"));
    }
    return lines;
}

// The therapist named by --therapist, or 0 for everyone; nullopt after reporting why not.
std::optional<Id> therapistOption(CommandContext& context)
{
    if (!context.has(QStringLiteral("therapist"))) {
        return Id{0};
    }
    Result<Id> id = Lookup(context.clinic()).therapist(context.value(QStringLiteral("therapist")));
    if (!id) {
        context.fail(id.error());
        return std::nullopt;
    }
    return *id;
}

// What day and week show: the period's appointments with their names, the clinic, and the
// therapists' working time in that period.
struct Period
{
    ClinicView clinic;
    QDate firstDay;
    Id therapistId = 0; // 0: everyone
    QList<CalendarEntry> entries;
    WorkingTime working;
};

// Reads --date and --therapist and loads `days` local days from that date (from its Monday
// for a week). nullopt once the command has reported why it cannot.
std::optional<Period> loadPeriod(CommandContext& context, int days)
{
    Result<ClinicView> clinic = loadClinic(context);
    if (!clinic) {
        context.fail(clinic.error());
        return std::nullopt;
    }
    const std::optional<QDate> date = context.dateOption(QStringLiteral("date"), clinic->today);
    const std::optional<Id> therapistId = date ? therapistOption(context) : std::nullopt;
    if (!date || !therapistId) {
        return std::nullopt;
    }
    Period period{std::move(clinic).value(), *date, *therapistId, {}, {}};
    if (days == 7) {
        period.firstDay = date->addDays(Qt::Monday - date->dayOfWeek());
    }
    const QDateTime fromUtc = dayStartUtc(period.firstDay, period.clinic.zone);
    const QDateTime toUtc = dayStartUtc(period.firstDay.addDays(days), period.clinic.zone);
    Result<QList<Appointment>> appointments =
        context.clinic().appointmentsBetween(fromUtc, toUtc, period.therapistId);
    if (!appointments) {
        context.fail(appointments.error());
        return std::nullopt;
    }
    Result<QList<CalendarEntry>> entries =
        context.clinic().calendarEntries(period.clinic, *appointments);
    if (!entries) {
        context.fail(entries.error());
        return std::nullopt;
    }
    period.entries = std::move(entries).value();
    Result<WorkingTime> working = context.clinic().workingTime(period.therapistId, fromUtc, toUtc);
    if (!working) {
        context.fail(working.error());
        return std::nullopt;
    }
    period.working = std::move(working).value();
    return period;
}

int day(CommandContext& context)
{
    const std::optional<Period> period = loadPeriod(context, 1);
    if (!period) {
        return context.exitCode();
    }
    if (context.json()) {
        return printJson(context, period->entries, period->clinic.zone);
    }
    return context.printLines(daySheet(period->firstDay, period->entries, period->working,
                                       period->clinic, period->therapistId, true),
                              QString());
}

int week(CommandContext& context)
{
    const std::optional<Period> period = loadPeriod(context, 7);
    if (!period) {
        return context.exitCode();
    }
    if (context.json()) {
        return printJson(context, period->entries, period->clinic.zone);
    }
    const QDate monday = period->firstDay;
    QStringList lines{
        Text::tr("Week of %1 to %2").arg(dayText(monday), dayText(monday.addDays(6)))};
    for (QDate day = monday; day < monday.addDays(7); day = day.addDays(1)) {
        QList<CalendarEntry> dayEntries;
        for (const CalendarEntry& entry : period->entries) {
            if (ClinicTime::toLocal(entry.appointment.startUtc, period->clinic.zone).date() ==
                day) {
                dayEntries.append(entry);
            }
        }
        lines.append(QString());
        lines +=
            daySheet(day, dayEntries, period->working, period->clinic, period->therapistId, false);
    }
    return context.printLines(lines, QString());
}

int unresolved(CommandContext& context)
{
    Result<ClinicView> clinic = loadClinic(context);
    if (!clinic) {
        return context.fail(clinic.error());
    }
    Result<QList<Appointment>> appointments = context.clinic().bookings().unresolved();
    if (!appointments) {
        return context.fail(appointments.error());
    }
    Result<QList<CalendarEntry>> entries = context.clinic().calendarEntries(*clinic, *appointments);
    if (!entries) {
        return context.fail(entries.error());
    }
    if (context.json()) {
        return printJson(context, *entries, clinic->zone);
    }
    if (entries->isEmpty()) {
        return context.printLines({}, Text::tr("No past appointment is waiting for an outcome."));
    }
    // Nothing is marked automatically: only the clinic knows whether the client came.
    QStringList lines{Text::tr("Past appointments still without an outcome (%1). Mark each "
                               "completed or no-show: masahista status ID completed (or no-show).")
                          .arg(entries->size())};
    for (const CalendarEntry& entry : *entries) {
        const Appointment& appointment = entry.appointment;
        const QString when = BookingRules::localText(appointment.startUtc, clinic->zone) +
                             QStringLiteral("–") + timeText(appointment.endUtc, clinic->zone);
        lines += entryLines(entry, when, true, indent);
    }
    return context.printLines(lines, QString());
}

// Writes the calendar to -o FILE (replacing it only once it is complete) or to stdout.
int exportIcs(CommandContext& context)
{
    if (!context.has(QStringLiteral("therapist"))) {
        return context.usageError(Text::tr("\"export-ics\" needs --therapist."));
    }
    Result<ClinicView> clinic = loadClinic(context);
    if (!clinic) {
        return context.fail(clinic.error());
    }
    const std::optional<QDate> from = context.dateOption(QStringLiteral("from"), clinic->today);
    if (!from) {
        return context.exitCode();
    }
    const std::optional<QDate> to =
        context.dateOption(QStringLiteral("to"), from->addDays(defaultExportDays));
    if (!to) {
        return context.exitCode();
    }
    if (*to < *from) {
        return context.usageError(Text::tr("--to (%1) comes before --from (%2).")
                                      .arg(to->toString(Qt::ISODate), from->toString(Qt::ISODate)));
    }
    const std::optional<Id> therapistId = therapistOption(context);
    if (!therapistId) {
        return context.exitCode();
    }
    Result<QList<Appointment>> appointments = context.clinic().appointmentsBetween(
        dayStartUtc(*from, clinic->zone), dayStartUtc(to->addDays(1), clinic->zone), *therapistId);
    if (!appointments) {
        return context.fail(appointments.error());
    }
    Result<QList<CalendarEntry>> entries = context.clinic().calendarEntries(*clinic, *appointments);
    if (!entries) {
        return context.fail(entries.error());
    }
    const Therapist* therapist = clinic->therapist(*therapistId);
    const QString therapistName = therapist != nullptr ? therapist->displayName : QString();
    const QString calendarName = clinic->settings.name.isEmpty()
                                     ? therapistName
                                     : Text::tr("%1, %2").arg(therapistName, clinic->settings.name);
    const QByteArray calendar = IcsCalendar::write(
        calendarName, clinic->zone, dayStartUtc(*from, clinic->zone),
        dayStartUtc(to->addDays(1), clinic->zone), *entries, context.clock().nowUtc());

    const QString path = context.value(QStringLiteral("output"));
    if (path.isEmpty() || path == u"-") {
        context.out() << QString::fromUtf8(calendar);
        context.out().flush();
        return Success;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(calendar) != calendar.size() ||
        !file.commit()) {
        return context.fail(makeError(
            ErrorCode::Invalid, Text::tr("Cannot write %1: %2").arg(path, file.errorString())));
    }
    context.out() << Text::tr("Wrote the calendar of %1 from %2 to %3 (appointments: %4) to %5.")
                         .arg(therapistName, from->toString(Qt::ISODate), to->toString(Qt::ISODate),
                              QString::number(entries->size()), path)
                  << Qt::endl;
    return Success;
}

} // namespace

QList<CommandSpec> scheduleCommands()
{
    const QString json = QStringLiteral("json");
    const QString date = QStringLiteral("date");
    const QString therapist = QStringLiteral("therapist");
    return {
        {{QStringLiteral("day")},
         QStringLiteral("[--date YYYY-MM-DD] [--therapist T] [--json]"),
         Text::tr("one day's appointments by therapist, with alerts, notes and free time"),
         {{{QStringLiteral("--date YYYY-MM-DD"), Text::tr("the day (default: today)")},
           {QStringLiteral("--therapist T"),
            Text::tr("only this therapist, by id or name (default: everyone)")},
           {QStringLiteral("--json"), Text::tr("one JSON array (docs/cli.md) instead of text")}},
          QStringLiteral("day --date 2026-12-08 --therapist \"Eden L\"")},
         {date, therapist},
         {json},
         0,
         Clinic::Opening::ExistingOnly,
         day},
        {{QStringLiteral("week")},
         QStringLiteral("[--date YYYY-MM-DD] [--therapist T] [--json]"),
         Text::tr("the appointments of the Monday-to-Sunday week holding the date"),
         {{{QStringLiteral("--date YYYY-MM-DD"), Text::tr("a day of the week (default: today)")},
           {QStringLiteral("--therapist T"),
            Text::tr("only this therapist, by id or name (default: everyone)")},
           {QStringLiteral("--json"), Text::tr("one JSON array (docs/cli.md) instead of text")}},
          QStringLiteral("week --date 2026-12-08")},
         {date, therapist},
         {json},
         0,
         Clinic::Opening::ExistingOnly,
         week},
        {{QStringLiteral("unresolved")},
         QStringLiteral("[--json]"),
         Text::tr("past appointments still waiting to be marked completed or no-show"),
         {{{QStringLiteral("--json"), Text::tr("one JSON array (docs/cli.md) instead of text")}},
          QStringLiteral("unresolved")},
         {},
         {json},
         0,
         Clinic::Opening::ExistingOnly,
         unresolved},
        {{QStringLiteral("export-ics")},
         QStringLiteral("--therapist T [--from YYYY-MM-DD] [--to YYYY-MM-DD] [-o FILE]"),
         Text::tr("a therapist's appointments as an iCalendar file (default: the next 30 days)"),
         {{{QStringLiteral("--therapist T"),
            Text::tr("the therapist, by id or exact name (required)")},
           {QStringLiteral("--from YYYY-MM-DD"), Text::tr("the first day (default: today)")},
           {QStringLiteral("--to YYYY-MM-DD"),
            Text::tr("the last day (default: 30 days after the first)")},
           {QStringLiteral("-o FILE, --output FILE"),
            Text::tr("write to FILE (default, or -o -: standard output)")}},
          QStringLiteral("export-ics --therapist \"Eden L\" --from 2026-12-01 -o eden.ics")},
         {therapist, QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("output")},
         {},
         0,
         Clinic::Opening::ExistingOnly,
         exportIcs},
    };
}

} // namespace masahista::cli

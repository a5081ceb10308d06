#include "SettingsService.h"

#include "booking/clients/ClientService.h"
#include "booking/engine/BookingRules.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/Schedule.h"
#include "data/AppointmentRepository.h"
#include "data/Database.h"
#include "data/MassageTypeRepository.h"
#include "data/SettingsRepository.h"
#include "data/WriteTransaction.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSet>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>

namespace masahista {

namespace {

constexpr int minutesPerDay = 24 * 60;
// How many stranded appointments a refusal names before it only counts the rest: enough to
// act on, short enough to read next to a field.
constexpr qsizetype listedAppointments = 5;

QString weekdayName(int weekday)
{
    return QLocale().dayName(weekday, QLocale::LongFormat);
}

QString spanText(int startMinute, int endMinute)
{
    return ClinicTime::formatMinute(startMinute) + QStringLiteral("–") +
           ClinicTime::formatMinute(endMinute);
}

bool isActive(AppointmentStatus status)
{
    return status == AppointmentStatus::Booked || status == AppointmentStatus::Confirmed;
}

bool onGrid(const QDateTime& local, int step)
{
    return local.time().second() == 0 && local.time().msec() == 0 &&
           ClinicTime::minuteOfDay(local) % step == 0;
}

// Booked or confirmed appointments that start at or after `nowUtc`: the ones whose clock
// time still matters to a client. The past stays as it happened.
Result<QList<Appointment>> upcomingAppointments(Database& database, const QDateTime& nowUtc)
{
    // Far enough ahead to reach any series (at most two years) and any hand-made booking.
    Result<QList<Appointment>> holding =
        AppointmentRepository(database).holdingTimeBetween(nowUtc, nowUtc.addYears(100));
    if (!holding) {
        return holding.error();
    }
    QList<Appointment> upcoming;
    for (const Appointment& appointment : *holding) {
        if (isActive(appointment.status) && appointment.startUtc >= nowUtc) {
            upcoming.append(appointment);
        }
    }
    return upcoming;
}

QString joinProblems(const FieldProblems& problems)
{
    QStringList messages;
    for (const FieldProblem& problem : problems) {
        messages.append(problem.message);
    }
    return messages.join(QLatin1Char(' '));
}

} // namespace

QList<int> SettingsService::gridSteps()
{
    return {5, 10, 15, 20, 30, 60};
}

QString SettingsService::hoursField(int weekday)
{
    return QStringLiteral("hours.%1").arg(weekday);
}

ClinicSettings SettingsService::normalized(ClinicSettings settings)
{
    settings.name = settings.name.simplified();
    QStringList lines;
    for (const QString& line : settings.address.split(QLatin1Char('\n'))) {
        if (const QString trimmed = line.trimmed(); !trimmed.isEmpty()) {
            lines.append(trimmed);
        }
    }
    settings.address = lines.join(QLatin1Char('\n'));
    settings.phone = settings.phone.trimmed();
    if (!settings.phone.isEmpty()) {
        if (Result<QString> phone = ClientService::normalizePhone(settings.phone); phone) {
            settings.phone = *phone;
        }
    }
    settings.timeZoneId = settings.timeZoneId.trimmed();
    settings.backupFolder = settings.backupFolder.trimmed();
    if (!settings.backupFolder.isEmpty()) {
        settings.backupFolder = QDir::cleanPath(QDir::fromNativeSeparators(settings.backupFolder));
    }
    std::sort(settings.openingHours.begin(), settings.openingHours.end(),
              [](const WeeklyInterval& a, const WeeklyInterval& b) {
                  return std::pair(a.weekday, a.startMinute) < std::pair(b.weekday, b.startMinute);
              });
    for (ClosedDay& day : settings.closedDays) {
        day.reason = day.reason.simplified();
    }
    std::stable_sort(settings.closedDays.begin(), settings.closedDays.end(),
                     [](const ClosedDay& a, const ClosedDay& b) { return a.date < b.date; });
    return settings;
}

FieldProblems SettingsService::validate(const ClinicSettings& original)
{
    const ClinicSettings settings = normalized(original);
    FieldProblemList problems;

    if (settings.name.isEmpty()) {
        problems.add(QStringLiteral("name"), tr("Enter the clinic's name."));
    } else if (settings.name.size() > maxNameLength) {
        problems.add(QStringLiteral("name"),
                     tr("The name is too long (at most %1 characters).").arg(maxNameLength));
    }
    if (settings.address.size() > maxAddressLength) {
        problems.add(QStringLiteral("address"),
                     tr("The address is too long (at most %1 characters).").arg(maxAddressLength));
    }
    // The clinic's own number is optional: a clinic being set up may not have one yet.
    if (!settings.phone.isEmpty()) {
        if (Result<QString> phone = ClientService::normalizePhone(settings.phone); !phone) {
            problems.add(QStringLiteral("phone"), phone.error().message);
        }
    }

    const bool zoneKnown = !settings.timeZoneId.isEmpty() &&
                           QTimeZone::isTimeZoneIdAvailable(settings.timeZoneId.toUtf8());
    if (settings.timeZoneId.isEmpty()) {
        problems.add(QStringLiteral("timeZone"),
                     tr("Choose the clinic's time zone, such as America/Edmonton."));
    } else if (!zoneKnown) {
        problems.add(QStringLiteral("timeZone"),
                     tr("\"%1\" is not a time zone this computer knows; choose one from the "
                        "list, such as America/Edmonton.")
                         .arg(settings.timeZoneId));
    }

    const int step = settings.bookingStepMinutes;
    const bool stepValid = gridSteps().contains(step);
    if (!stepValid) {
        problems.add(QStringLiteral("bookingStep"),
                     tr("The booking grid is 5, 10, 15, 20, 30 or 60 minutes; %1 is not one of "
                        "them.")
                         .arg(step));
    }
    if (settings.lateCancelHours < 0 || settings.lateCancelHours > maxLateCancelHours) {
        problems.add(QStringLiteral("lateCancel"),
                     tr("The late-cancel window is 0 to %1 hours (a week); %2 is outside it.")
                         .arg(maxLateCancelHours)
                         .arg(settings.lateCancelHours));
    }

    // Relative to what? The app and the command line start in different folders.
    if (!settings.backupFolder.isEmpty()) {
        const QFileInfo folder(settings.backupFolder);
        if (folder.isRelative()) {
            problems.add(QStringLiteral("backupFolder"),
                         tr("Give the whole path of the folder, such as %1.")
                             .arg(QDir::toNativeSeparators(QStringLiteral("/media/usb/backups"))));
        } else if (folder.exists() && !folder.isDir()) {
            problems.add(QStringLiteral("backupFolder"),
                         tr("%1 is a file, not a folder.")
                             .arg(QDir::toNativeSeparators(settings.backupFolder)));
        }
    }

    // The hours come sorted by weekday and start, so an overlap is always with the
    // previous interval of the same day that reaches furthest.
    int previousWeekday = 0;
    int reachedMinute = 0;
    int reachedStart = 0;
    for (const WeeklyInterval& interval : settings.openingHours) {
        if (interval.weekday < 1 || interval.weekday > 7) {
            problems.add(QStringLiteral("openingHours"),
                         tr("Opening hours on weekday %1 belong to no day of the week.")
                             .arg(interval.weekday));
            continue;
        }
        const QString field = hoursField(interval.weekday);
        const QString day = weekdayName(interval.weekday);
        if (interval.startMinute < 0 || interval.endMinute > minutesPerDay) {
            problems.add(field, tr("%1: opening hours lie between 00:00 and 24:00.").arg(day));
            continue;
        }
        if (interval.endMinute <= interval.startMinute) {
            problems.add(field, tr("%1: closing at %2 is not after opening at %3.")
                                    .arg(day, ClinicTime::formatMinute(interval.endMinute),
                                         ClinicTime::formatMinute(interval.startMinute)));
            continue;
        }
        if (stepValid && (interval.startMinute % step != 0 || interval.endMinute % step != 0)) {
            problems.add(field, tr("%1: %2 is not on the %3-minute booking grid.")
                                    .arg(day, spanText(interval.startMinute, interval.endMinute))
                                    .arg(step));
        }
        if (interval.weekday == previousWeekday && interval.startMinute < reachedMinute) {
            problems.add(field, tr("%1: %2 overlaps %3.")
                                    .arg(day, spanText(interval.startMinute, interval.endMinute),
                                         spanText(reachedStart, reachedMinute)));
        }
        if (interval.weekday != previousWeekday || interval.endMinute > reachedMinute) {
            reachedMinute = interval.endMinute;
            reachedStart = interval.startMinute;
        }
        previousWeekday = interval.weekday;
    }

    QSet<QDate> seen;
    for (const ClosedDay& day : settings.closedDays) {
        if (!day.date.isValid()) {
            problems.add(QStringLiteral("closedDays"), tr("Give each closed day a date."));
        } else if (seen.contains(day.date)) {
            problems.add(
                QStringLiteral("closedDays"),
                tr("%1 is listed twice as a closed day.").arg(day.date.toString(Qt::ISODate)));
        }
        seen.insert(day.date);
    }
    return problems.take();
}

Result<ClinicSettings> SettingsService::load()
{
    return SettingsRepository(m_database).load();
}

Result<SettingsReview> SettingsService::review(const ClinicSettings& settings)
{
    Result<ClinicSettings> stored = load();
    if (!stored) {
        return stored.error();
    }
    return reviewAgainst(normalized(settings), *stored);
}

Result<SettingsReview> SettingsService::reviewAgainst(const ClinicSettings& settings,
                                                      const ClinicSettings& stored)
{
    SettingsReview review;
    review.problems = validate(settings);
    // Only a step and zone that are valid themselves can be held against the stored data.
    if (!problemOf(review.problems, QStringLiteral("bookingStep")).isEmpty() ||
        !problemOf(review.problems, QStringLiteral("timeZone")).isEmpty()) {
        return review;
    }
    if (settings.bookingStepMinutes != stored.bookingStepMinutes ||
        settings.timeZoneId != stored.timeZoneId) {
        Result<QString> grid =
            gridProblem(settings, settings.bookingStepMinutes != stored.bookingStepMinutes);
        if (!grid) {
            return grid.error();
        }
        if (!grid->isEmpty()) {
            // Next to the field that was changed: with the same step, it is the zone that
            // moved the appointments off the grid.
            const bool stepChanged = settings.bookingStepMinutes != stored.bookingStepMinutes;
            review.problems.append(
                {stepChanged ? QStringLiteral("bookingStep") : QStringLiteral("timeZone"), *grid});
        }
    }
    Result<QString> warning = zoneWarning(settings, stored);
    if (!warning) {
        return warning.error();
    }
    review.zoneChangeWarning = *warning;
    return review;
}

Result<QString> SettingsService::gridProblem(const ClinicSettings& settings, bool stepChanged)
{
    const int step = settings.bookingStepMinutes;
    const QTimeZone zone = ClinicTime::zone(settings.timeZoneId);

    // A retired length cannot be booked, so only the ones on offer must fit the grid. A new
    // zone alone leaves them as they were: it is not for the zone to refuse them.
    QStringList lengths;
    if (stepChanged) {
        Result<QList<MassageType>> types = MassageTypeRepository(m_database).all(false);
        if (!types) {
            return types.error();
        }
        for (const MassageType& type : *types) {
            for (const DurationOption& option : type.options) {
                if (option.active && option.minutes % step != 0) {
                    lengths.append(tr("%1 %2 min").arg(type.name, QString::number(option.minutes)));
                }
            }
        }
    }

    Result<QList<Appointment>> upcoming = upcomingAppointments(m_database, m_clock.nowUtc());
    if (!upcoming) {
        return upcoming.error();
    }
    QList<Appointment> offGrid;
    for (const Appointment& appointment : *upcoming) {
        if (!onGrid(ClinicTime::toLocal(appointment.startUtc, zone), step)) {
            offGrid.append(appointment);
        }
    }
    if (lengths.isEmpty() && offGrid.isEmpty()) {
        return QString();
    }

    QStringList sentences;
    sentences.append(tr("A %1-minute booking grid in %2 does not fit what is booked and offered.")
                         .arg(step)
                         .arg(settings.timeZoneId));
    if (!offGrid.isEmpty()) {
        Result<ClinicDirectory> directory = loadClinicDirectory(m_database);
        if (!directory) {
            return directory.error();
        }
        const QList<Appointment> named = offGrid.mid(0, listedAppointments);
        Result<QList<CalendarEntry>> entries = calendarEntries(m_database, *directory, named);
        if (!entries) {
            return entries.error();
        }
        QStringList listed;
        for (const CalendarEntry& entry : *entries) {
            // One arg() call, so that a name holding "%1" is never taken for a placeholder.
            listed.append(tr("%1, %2 %3 min with %4 for %5")
                              .arg(BookingRules::localText(entry.appointment.startUtc, zone),
                                   entry.serviceName,
                                   QString::number(entry.appointment.durationMinutes),
                                   entry.therapistName, entry.clientName));
        }
        QString sentence = tr("%n upcoming appointment(s) would start off the grid: %1", nullptr,
                              static_cast<int>(offGrid.size()))
                               .arg(listed.join(QStringLiteral("; ")));
        if (const qsizetype more = offGrid.size() - named.size(); more > 0) {
            sentence += tr(" and %n other(s)", nullptr, static_cast<int>(more));
        }
        sentences.append(sentence + QLatin1Char('.'));
    }
    if (!lengths.isEmpty()) {
        sentences.append(tr("%n offered length(s) not a multiple of %1 minutes: %2.", nullptr,
                            static_cast<int>(lengths.size()))
                             .arg(step)
                             .arg(lengths.join(QStringLiteral(", "))));
    }
    sentences.append(tr("Move those appointments and change or retire those lengths first, or "
                        "keep the current grid."));
    return sentences.join(QLatin1Char(' '));
}

Result<QString> SettingsService::zoneWarning(const ClinicSettings& settings,
                                             const ClinicSettings& stored)
{
    if (settings.timeZoneId == stored.timeZoneId) {
        return QString();
    }
    AppointmentRepository appointments(m_database);
    Result<qint64> count = appointments.count();
    if (!count) {
        return count.error();
    }
    if (*count == 0) {
        return QString();
    }
    const QTimeZone oldZone = ClinicTime::zone(stored.timeZoneId);
    const QTimeZone newZone = ClinicTime::zone(settings.timeZoneId);
    QString warning =
        tr("Changing the time zone from %1 to %2 changes the clock time of the %n stored "
           "appointment(s): each keeps its exact moment, so it shows at another hour.",
           nullptr, static_cast<int>(*count))
            .arg(stored.timeZoneId, settings.timeZoneId);
    Result<QList<Appointment>> upcoming = upcomingAppointments(m_database, m_clock.nowUtc());
    if (!upcoming) {
        return upcoming.error();
    }
    if (!upcoming->isEmpty()) {
        const QDateTime start = upcoming->first().startUtc;
        warning += QLatin1Char(' ') + tr("The next appointment, at %1, would show as %2.")
                                          .arg(BookingRules::localText(start, oldZone),
                                               BookingRules::localText(start, newZone));
    }
    warning += QLatin1Char(' ') + tr("Working hours and opening hours keep their clock times.");
    return warning;
}

Status SettingsService::noteZoneChange(const ClinicSettings& settings, const ClinicSettings& stored,
                                       const Actor& actor)
{
    const QDateTime now = m_clock.nowUtc();
    Result<QList<Appointment>> upcoming = upcomingAppointments(m_database, now);
    if (!upcoming) {
        return upcoming.error();
    }
    const QTimeZone oldZone = ClinicTime::zone(stored.timeZoneId);
    const QTimeZone newZone = ClinicTime::zone(settings.timeZoneId);
    AppointmentRepository appointments(m_database);
    for (const Appointment& appointment : *upcoming) {
        // So that whoever finds a client's 10:00 showing 12:00 can see why, and who did it.
        const QString details =
            tr("The clinic's time zone changed from %1 to %2: shown at %3, before at %4.")
                .arg(stored.timeZoneId, settings.timeZoneId,
                     BookingRules::localText(appointment.startUtc, newZone),
                     BookingRules::localText(appointment.startUtc, oldZone));
        if (Status noted = appointments.addChange(
                {appointment.id, now, actor.name, QStringLiteral("time zone changed"), details});
            !noted) {
            return noted;
        }
    }
    return success();
}

Result<ClinicSettings> SettingsService::save(ClinicSettings settings, const Actor& actor,
                                             ZoneChange zoneChange)
{
    settings = normalized(std::move(settings));
    Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
    if (!transaction) {
        return transaction.error();
    }
    // Read and checked inside the transaction, so no other desk can book off the new grid
    // between the check and the write.
    Result<ClinicSettings> stored = load();
    if (!stored) {
        return stored.error();
    }
    Result<SettingsReview> review = reviewAgainst(settings, *stored);
    if (!review) {
        return review.error();
    }
    if (const FieldProblems invalid = validate(settings); !invalid.isEmpty()) {
        return makeError(ErrorCode::Invalid, joinProblems(invalid));
    }
    if (!review->problems.isEmpty()) {
        return makeError(ErrorCode::Conflict, joinProblems(review->problems));
    }
    if (!review->canSave(zoneChange)) {
        return makeError(ErrorCode::Conflict,
                         review->zoneChangeWarning + QLatin1Char(' ') +
                             tr("Confirm the change of time zone to make it anyway."));
    }
    if (settings.timeZoneId != stored->timeZoneId) {
        if (Status noted = noteZoneChange(settings, *stored, actor); !noted) {
            return noted.error();
        }
    }
    if (Status saved = SettingsRepository(m_database).save(settings); !saved) {
        return saved.error();
    }
    if (Status committed = transaction->commit(); !committed) {
        return committed.error();
    }
    return settings;
}

} // namespace masahista

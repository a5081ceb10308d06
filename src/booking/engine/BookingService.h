#pragma once

#include "booking/Actor.h"
#include "booking/Clock.h"
#include "booking/engine/BookingRules.h"
#include "domain/Appointment.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>

#include <optional>

namespace masahista {

class Database;

struct BookingRequest
{
    Id clientId = 0;
    Id therapistId = 0;
    Id massageTypeId = 0;
    int minutes = 0;
    QDateTime startUtc;
    Id roomId = 0; // 0: the first free room that suits the massage type
    QString notes;
    // Non-empty: soft rules (hours, time off, the past) may be broken; the reason is kept.
    QString overrideReason;
};

// What to change about an appointment; unset fields stay as they are.
struct ChangeRequest
{
    Id appointmentId = 0;
    std::optional<QDateTime> startUtc;
    std::optional<Id> therapistId;
    std::optional<Id> massageTypeId; // another type is priced from its own options
    std::optional<int> minutes;
    std::optional<Id> roomId; // 0: choose a free suitable room again
    std::optional<QString> notes;
    QString overrideReason;
};

// A cancelled appointment to bring back, with the status it had before it was cancelled.
struct Reinstatement
{
    Id appointmentId = 0;
    AppointmentStatus status = AppointmentStatus::Booked;
};

// Which appointments of a series an operation applies to.
enum class SeriesScope
{
    ThisOnly,
    ThisAndFollowing,
    All
};

// The same booking every N weeks at the same clinic-local time, for a count or until a date.
struct SeriesRequest
{
    BookingRequest first;
    int intervalWeeks = 1;
    int count = 0; // number of occurrences, or 0 when `until` is used
    QDate until;   // last possible local date, inclusive
};

// One planned occurrence of a series and what the rules say about it.
struct Occurrence
{
    QDateTime startUtc;
    Verdict verdict;
};

// Every booking operation, with every rule checked in one place and every write done inside
// one BEGIN IMMEDIATE transaction, checks included, so that concurrent desks never double-book.
class BookingService
{
    Q_DECLARE_TR_FUNCTIONS(BookingService)

public:
    // The most occurrences one series may have (two years of weekly visits).
    static constexpr int maxOccurrences = 104;

    BookingService(Database& database, const Clock& clock)
        : m_database(database)
        , m_clock(clock)
    {}

    // What the rules say about a booking, without writing anything (for live feedback).
    Result<Verdict> check(const BookingRequest& request);
    Result<Appointment> book(const BookingRequest& request, const Actor& actor);
    // What the rules say about a change, without writing anything; the appointment is not in
    // its own way.
    Result<Verdict> checkChange(const ChangeRequest& request);
    Result<Appointment> change(const ChangeRequest& request, const Actor& actor);
    // Moves every appointment in the scope by the same change in clinic-local date and time
    // (and therapist, length, room when given): all of them or none.
    Result<QList<Appointment>> changeSeries(const ChangeRequest& request, SeriesScope scope,
                                            const Actor& actor);
    Result<Appointment> cancel(Id appointmentId, const QString& reason, const Actor& actor);
    // Cancels the appointments in the scope that have not started yet.
    Result<QList<Appointment>> cancelSeries(Id appointmentId, SeriesScope scope,
                                            const QString& reason, const Actor& actor);
    // confirmed, arrived, completed or no-show; cancelling goes through cancel().
    Result<Appointment> setStatus(Id appointmentId, AppointmentStatus status, const Actor& actor);

    // The corrections behind the front desk's Undo and Redo. Each refuses when the appointment
    // has moved on since (another desk changed it), so an undo never overwrites a newer
    // decision, and each goes into the appointment's history like any other change.

    // Takes back bookings just made, all or none: they become cancelled with the reason
    // "Booking undone" and never count as late, so a slip of the hand costs the client no fee.
    // Only while they are still booked and have not started.
    Result<QList<Appointment>> undoBookings(const QList<Id>& appointmentIds, const Actor& actor);
    // Brings cancelled appointments back with the status they had, all or none, when the rules
    // allow them again; another free suitable room is taken when theirs was booked since.
    Result<QList<Appointment>> reinstate(const QList<Reinstatement>& appointments,
                                         const Actor& actor);
    // Puts a status back from `current` to `previous`, e.g. "arrived" clicked on the wrong card.
    Result<Appointment> revertStatus(Id appointmentId, AppointmentStatus current,
                                     AppointmentStatus previous, const Actor& actor);

    // Each occurrence with its verdict, nothing written.
    Result<QList<Occurrence>> previewSeries(const SeriesRequest& request);
    // Books all occurrences, or refuses when one conflicts; with `skipConflicts`, books the
    // ones that can be booked and leaves out the others.
    Result<QList<Appointment>> bookSeries(const SeriesRequest& request, bool skipConflicts,
                                          const Actor& actor);

    // Past appointments still waiting for an outcome; never settled automatically.
    Result<QList<Appointment>> unresolved();

    // The local start times of a series (same wall-clock time across daylight saving).
    static Result<QList<QDateTime>> occurrenceStarts(const SeriesRequest& request,
                                                     const QTimeZone& zone);

private:
    Database& m_database;
    const Clock& m_clock;
};

} // namespace masahista

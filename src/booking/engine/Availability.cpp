#include "Availability.h"

#include "booking/engine/BookingRules.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/SnapshotLoader.h"
#include "data/Database.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace masahista {

namespace {

// A year ahead is as far as a clinic books; it also bounds the work of one search.
constexpr qint64 maxRangeDays = 366;

// The start instants (seconds since the epoch) at which a booking would collide with
// something already there, as open intervals: a start exactly on an interval's end is free.
// Merged in memory from the snapshot, so that the walk can jump over a busy stretch at once
// instead of asking the rules about every grid step inside it.
class BlockedStarts
{
public:
    void add(qint64 after, qint64 before)
    {
        if (after < before) {
            m_spans.append({after, before});
        }
    }

    void add(const BlockedStarts& other) { m_spans.append(other.m_spans); }

    // Sorted, with overlapping spans joined; call after the last add().
    void merge()
    {
        std::sort(m_spans.begin(), m_spans.end());
        QList<std::pair<qint64, qint64>> merged;
        for (const auto& span : std::as_const(m_spans)) {
            if (!merged.isEmpty() && span.first < merged.last().second) {
                merged.last().second = std::max(merged.last().second, span.second);
            } else {
                merged.append(span);
            }
        }
        m_spans = std::move(merged);
    }

    // `start` itself when nothing blocks it, else the end of the span that does (the earliest
    // start that span leaves free).
    qint64 nextFree(qint64 start) const
    {
        // The last span opening before `start` is the only one that can contain it.
        auto after = std::partition_point(m_spans.cbegin(), m_spans.cend(),
                                          [start](const auto& span) { return span.first < start; });
        if (after != m_spans.cbegin() && start < std::prev(after)->second) {
            return std::prev(after)->second;
        }
        return start;
    }

    bool blocks(qint64 start) const { return nextFree(start) != start; }

private:
    QList<std::pair<qint64, qint64>> m_spans;
};

// A slot found, with what orders ties between slots that start together.
struct Found
{
    Slot slot;
    qsizetype therapistOrder = 0;
    qsizetype roomOrder = 0;
};

bool earlier(const Found& a, const Found& b)
{
    if (a.slot.startUtc != b.slot.startUtc) {
        return a.slot.startUtc < b.slot.startUtc;
    }
    if (a.therapistOrder != b.therapistOrder) {
        return a.therapistOrder < b.therapistOrder;
    }
    return a.roomOrder < b.roomOrder;
}

bool suits(const Room& room, const MassageType& type)
{
    return type.roomKind.isEmpty() || room.kind == type.roomKind;
}

QDateTime utcAt(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC);
}

// An instant at which the clinic's clocks show a minute of the booking grid.
struct GridStart
{
    qint64 utc = 0; // seconds since the epoch
    int minute = 0; // of the local day
};

// The grid starts of one local day, in time order.
struct GridDay
{
    QList<GridStart> starts;
    // The clocks change this day: wall-clock minutes are not elapsed minutes, and a wall time
    // may be skipped (spring) or shown twice (fall), each time a start of its own.
    bool clocksChange = false;
};

GridDay gridDay(QDate date, const QTimeZone& zone, int grid)
{
    const auto offsetAt = [&zone](qint64 utc) {
        return zone.offsetFromUtc(utcAt(utc));
    };
    const qint64 utcMidnight = QDateTime(date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    const int offset = offsetAt(utcMidnight + 12 * 3600);
    const qint64 midnight = utcMidnight - offset;
    const qint64 dayLength = 24 * 3600;
    GridDay day;
    if (offsetAt(midnight) == offset && offsetAt(midnight + dayLength - 1) == offset) {
        for (int minute = 0; minute < 24 * 60; minute += grid) {
            day.starts.append({midnight + qint64{minute} * 60, minute});
        }
        return day;
    }
    // Twice a year: ask the zone about every minute that could show this date.
    day.clocksChange = true;
    const qint64 margin = 3 * 3600; // more than any change of the clocks
    for (qint64 utc = midnight - margin; utc < midnight + dayLength + margin; utc += 60) {
        const QDateTime local = ClinicTime::toLocal(utcAt(utc), zone);
        const int minute = ClinicTime::minuteOfDay(local);
        if (local.date() == date && local.time().second() == 0 && minute % grid == 0) {
            day.starts.append({utc, minute});
        }
    }
    return day;
}

// One search over a loaded snapshot. Every candidate it keeps has passed BookingRules::check
// with no violation at all; the blocked starts only spare the rules candidates they would
// refuse anyway, so the result can never disagree with booking.
class Search
{
public:
    Search(const SlotQuery& query, const BookingSnapshot& snapshot, const MassageType& type,
           const QDateTime& firstStartUtc)
        : m_query(query)
        , m_snapshot(snapshot)
        , m_type(type)
        , m_grid(snapshot.gridMinutes > 0 ? snapshot.gridMinutes : 15)
        , m_firstStart(firstStartUtc.toSecsSinceEpoch())
        , m_endStart(query.toUtc.toSecsSinceEpoch())
    {
        blockBusyTime();
        for (qsizetype index = 0; index < snapshot.rooms.size(); ++index) {
            const Room& room = snapshot.rooms.at(index);
            if (room.active) {
                m_anyActiveRoom = true;
                if (query.roomId == 0 && suits(room, type)) {
                    m_suitableRooms.append(index);
                }
            }
        }
    }

    QList<Slot> run()
    {
        const QDate firstDate = ClinicTime::toLocal(utcAt(m_firstStart), m_snapshot.zone).date();
        const QDate lastDate = ClinicTime::toLocal(utcAt(m_endStart - 1), m_snapshot.zone).date();
        QList<Slot> earliest;
        // Local days follow each other in time, so a day's slots all come before the next
        // day's: sorting one day at a time keeps the whole list in time order.
        for (QDate date = firstDate; date <= lastDate; date = date.addDays(1)) {
            const GridDay day = gridDay(date, m_snapshot.zone, m_grid);
            QList<Found> found;
            for (qsizetype order = 0; order < m_snapshot.therapists.size(); ++order) {
                const Therapist& therapist = m_snapshot.therapists.at(order);
                if ((m_query.therapistId == 0 || therapist.id == m_query.therapistId) &&
                    mayWork(therapist, date)) {
                    findOn(startsWithinHours(therapist.id, date, day), therapist, order, found);
                }
            }
            std::sort(found.begin(), found.end(), earlier);
            for (const Found& each : std::as_const(found)) {
                earliest.append(each.slot);
                if (earliest.size() >= m_query.limit) {
                    return earliest;
                }
            }
        }
        return earliest;
    }

private:
    // Starts that would overlap an appointment (cleanup buffers on both sides included) or,
    // for the therapist, time off; the same overlaps BookingRules tests.
    void blockBusyTime()
    {
        const qint64 occupied = qint64{m_query.minutes + m_type.bufferMinutes} * 60;
        const qint64 treated = qint64{m_query.minutes} * 60;
        for (const Appointment& other : m_snapshot.holdingTime) {
            const qint64 after = other.startUtc.toSecsSinceEpoch() - occupied;
            const qint64 before = other.bufferEndUtc.toSecsSinceEpoch();
            m_therapistBlocks[other.therapistId].add(after, before);
            if (other.roomId != 0) {
                m_roomBlocks[other.roomId].add(after, before);
            }
        }
        for (const TimeOff& off : m_snapshot.timeOff) {
            m_therapistBlocks[off.therapistId].add(off.startUtc.toSecsSinceEpoch() - treated,
                                                   off.endUtc.toSecsSinceEpoch());
        }
        // With a room asked for, its bookings block the walk exactly like the therapist's own.
        if (m_query.roomId != 0) {
            m_roomOnlyBlocks = m_roomBlocks.value(m_query.roomId);
            m_roomOnlyBlocks.merge();
            for (auto blocks = m_therapistBlocks.begin(); blocks != m_therapistBlocks.end();
                 ++blocks) {
                blocks->add(m_roomOnlyBlocks);
            }
        }
        for (auto blocks = m_therapistBlocks.begin(); blocks != m_therapistBlocks.end(); ++blocks) {
            blocks->merge();
        }
        for (auto blocks = m_roomBlocks.begin(); blocks != m_roomBlocks.end(); ++blocks) {
            blocks->merge();
        }
    }

    bool mayWork(const Therapist& therapist, QDate date) const
    {
        return therapist.active && (m_type.requiredModalityId == 0 ||
                                    therapist.isCertifiedOn(m_type.requiredModalityId, date));
    }

    // What blocks a start for this therapist: their own time, and the asked-for room's.
    const BlockedStarts& blocksOf(Id therapistId) const
    {
        const auto blocks = m_therapistBlocks.constFind(therapistId);
        return blocks != m_therapistBlocks.cend() ? *blocks : m_roomOnlyBlocks;
    }

    // Without a room asked for, the rules pick the first free suitable one; when every one is
    // taken there is no point asking them.
    bool someRoomFree(qint64 start) const
    {
        if (m_query.roomId != 0 || !m_anyActiveRoom) {
            return true;
        }
        return std::any_of(
            m_suitableRooms.cbegin(), m_suitableRooms.cend(), [this, start](qsizetype index) {
                const auto blocks = m_roomBlocks.constFind(m_snapshot.rooms.at(index).id);
                return blocks == m_roomBlocks.cend() || !blocks->blocks(start);
            });
    }

    // The day's grid starts inside the search range at which the therapist's working hours
    // hold the whole appointment (on a day the clocks change, any start inside the hours: the
    // rules measure the end on the clock).
    QList<qint64> startsWithinHours(Id therapistId, QDate date, const GridDay& day) const
    {
        QList<WeeklyInterval> hours;
        for (const WeeklyInterval& interval : m_snapshot.weeklyHours.value(therapistId)) {
            if (interval.weekday == date.dayOfWeek()) {
                hours.append(interval);
            }
        }
        const int length = day.clocksChange ? 1 : m_query.minutes;
        QList<qint64> starts;
        for (const GridStart& start : day.starts) {
            if (start.utc < m_firstStart || start.utc >= m_endStart ||
                start.minute < m_query.fromMinute || start.minute >= m_query.toMinute) {
                continue;
            }
            const bool inside =
                std::any_of(hours.cbegin(), hours.cend(), [&](const WeeklyInterval& interval) {
                    return interval.contains(start.minute, start.minute + length);
                });
            if (inside) {
                starts.append(start.utc);
            }
        }
        return starts;
    }

    void findOn(const QList<qint64>& starts, const Therapist& therapist, qsizetype therapistOrder,
                QList<Found>& found) const
    {
        const BlockedStarts& blocks = blocksOf(therapist.id);
        qsizetype index = 0;
        while (index < starts.size()) {
            const qint64 start = starts.at(index);
            const qint64 free = blocks.nextFree(start);
            if (free != start) {
                // Over the busy stretch at once: the first start at or after its end.
                index = std::lower_bound(starts.cbegin(), starts.cend(), free) - starts.cbegin();
                continue;
            }
            ++index;
            if (!someRoomFree(start)) {
                continue;
            }
            Candidate candidate;
            candidate.clientId = m_query.clientId;
            candidate.therapistId = therapist.id;
            candidate.massageTypeId = m_type.id;
            candidate.minutes = m_query.minutes;
            candidate.roomId = m_query.roomId;
            candidate.startUtc = utcAt(start);
            const Verdict verdict = BookingRules::check(candidate, m_snapshot);
            if (!verdict.violations.isEmpty()) {
                continue;
            }
            Found slot;
            slot.slot = {therapist.id, verdict.roomId, candidate.startUtc, verdict.endUtc};
            slot.therapistOrder = therapistOrder;
            for (qsizetype order = 0; order < m_snapshot.rooms.size(); ++order) {
                if (m_snapshot.rooms.at(order).id == verdict.roomId) {
                    slot.roomOrder = order;
                }
            }
            found.append(slot);
        }
    }

    const SlotQuery& m_query;
    const BookingSnapshot& m_snapshot;
    const MassageType& m_type;
    int m_grid = 15;
    qint64 m_firstStart = 0;
    qint64 m_endStart = 0; // exclusive
    QHash<Id, BlockedStarts> m_therapistBlocks;
    QHash<Id, BlockedStarts> m_roomBlocks;
    BlockedStarts m_roomOnlyBlocks; // the asked-for room's, for a therapist with no bookings
    bool m_anyActiveRoom = false;
    QList<qsizetype> m_suitableRooms; // indexes into the snapshot's rooms
};

// Why the snapshot's clinic cannot answer the question at all, as opposed to having no free
// slot for it: what the front desk asked for does not exist, or could never be booked.
std::optional<Error> unanswerable(const SlotQuery& query, const BookingSnapshot& snapshot)
{
    const MassageType* type = snapshot.massageType(query.massageTypeId);
    if (type == nullptr) {
        return makeError(
            ErrorCode::NotFound,
            Availability::tr("There is no massage type with id %1.").arg(query.massageTypeId));
    }
    if (!type->active) {
        return makeError(ErrorCode::Invalid,
                         Availability::tr("%1 is no longer offered.").arg(type->name));
    }
    const DurationOption* option = type->option(query.minutes);
    if (option == nullptr || !option->active) {
        QStringList offered;
        for (const DurationOption& each : type->options) {
            if (each.active) {
                offered.append(QString::number(each.minutes));
            }
        }
        return makeError(ErrorCode::Invalid,
                         Availability::tr("%1 is not offered for %2 minutes (offered: %3).")
                             .arg(type->name)
                             .arg(query.minutes)
                             .arg(offered.join(QStringLiteral(", "))));
    }
    if (query.therapistId != 0) {
        const Therapist* therapist = snapshot.therapist(query.therapistId);
        if (therapist == nullptr) {
            return makeError(
                ErrorCode::NotFound,
                Availability::tr("There is no therapist with id %1.").arg(query.therapistId));
        }
        if (!therapist->active) {
            return makeError(ErrorCode::Invalid,
                             Availability::tr("%1 is no longer active and takes no bookings.")
                                 .arg(therapist->displayName));
        }
    }
    if (query.clientId != 0) {
        const Client* client = snapshot.client(query.clientId);
        if (client == nullptr) {
            return makeError(
                ErrorCode::NotFound,
                Availability::tr("There is no client with id %1.").arg(query.clientId));
        }
        if (client->archived) {
            return makeError(ErrorCode::Invalid,
                             Availability::tr("%1 is archived; restore the client before booking.")
                                 .arg(client->fullName));
        }
    }
    bool anyActiveRoom = false;
    bool anySuitableRoom = false;
    for (const Room& room : snapshot.rooms) {
        anyActiveRoom = anyActiveRoom || room.active;
        anySuitableRoom = anySuitableRoom || (room.active && suits(room, *type));
    }
    if (query.roomId != 0) {
        const Room* room = snapshot.room(query.roomId);
        if (room == nullptr) {
            return makeError(ErrorCode::NotFound,
                             Availability::tr("There is no room with id %1.").arg(query.roomId));
        }
        if (!room->active) {
            return makeError(ErrorCode::Invalid,
                             Availability::tr("The room %1 is no longer in use.").arg(room->name));
        }
        if (!suits(*room, *type)) {
            return makeError(ErrorCode::Invalid,
                             Availability::tr("%1 needs a %2 room; %3 is a %4 room.")
                                 .arg(type->name, type->roomKind, room->name, room->kind));
        }
    } else if (anyActiveRoom && !anySuitableRoom) {
        return makeError(ErrorCode::Invalid,
                         Availability::tr("No room can host %1: it needs a %2 room.")
                             .arg(type->name, type->roomKind));
    }

    return std::nullopt;
}

} // namespace

void SlotQuery::setDayPart(DayPart part)
{
    constexpr int noon = 12 * 60;
    constexpr int evening = 17 * 60;
    switch (part) {
    case DayPart::Morning:
        fromMinute = 0;
        toMinute = noon;
        return;
    case DayPart::Afternoon:
        fromMinute = noon;
        toMinute = evening;
        return;
    case DayPart::Evening:
        fromMinute = evening;
        toMinute = 24 * 60;
        return;
    case DayPart::Any:
        break;
    }
    fromMinute = 0;
    toMinute = 24 * 60;
}

Result<QList<Slot>> Availability::findSlots(const SlotQuery& query)
{
    // No upper bound: the range (at most maxRangeDays) bounds the work and the list.
    if (query.limit < 1) {
        return makeError(ErrorCode::Invalid,
                         tr("Ask for at least one free slot, not %1.").arg(query.limit));
    }
    if (query.fromMinute < 0 || query.toMinute > 24 * 60 || query.fromMinute >= query.toMinute) {
        return makeError(ErrorCode::Invalid,
                         tr("The part of the day to search needs a start before its end."));
    }
    if (query.minutes <= 0) {
        return makeError(ErrorCode::Invalid,
                         tr("A slot needs a length in minutes, not %1.").arg(query.minutes));
    }
    if (!query.fromUtc.isValid() || !query.toUtc.isValid() || query.toUtc <= query.fromUtc) {
        return makeError(ErrorCode::Invalid,
                         tr("The range to search needs a start and an end after it."));
    }
    if (query.fromUtc.secsTo(query.toUtc) > maxRangeDays * 24 * 3600) {
        return makeError(ErrorCode::Invalid,
                         tr("Search at most %1 days at a time.").arg(maxRangeDays));
    }

    const QDateTime nowUtc = m_clock.nowUtc();
    const QDateTime fromUtc = std::max(query.fromUtc.toUTC(), nowUtc);
    // Far enough past the last start for the longest appointment and any cleanup buffer.
    const QDateTime windowEndUtc =
        std::max(fromUtc, query.toUtc.toUTC())
            .addSecs(qint64{query.minutes + SnapshotLoader::maxBufferMinutes} * 60);
    Result<BookingSnapshot> loaded =
        SnapshotLoader::load(m_database, nowUtc, fromUtc, windowEndUtc,
                             query.clientId != 0 ? QList<Id>{query.clientId} : QList<Id>());
    if (!loaded) {
        return loaded.error();
    }
    const BookingSnapshot& snapshot = *loaded;

    if (std::optional<Error> refusal = unanswerable(query, snapshot)) {
        return *refusal;
    }

    // Only grid starts are walked, so starting at "now" starts at the next grid minute.
    if (fromUtc >= query.toUtc) {
        return QList<Slot>();
    }
    return Search(query, snapshot, *snapshot.massageType(query.massageTypeId), fromUtc).run();
}

} // namespace masahista

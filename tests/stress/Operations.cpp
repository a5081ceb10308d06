#include "Operations.h"

#include <QDateTime>

#include <algorithm>

namespace masahista::stress {

namespace {

const QStringList notes{QStringLiteral("Prefers light pressure"),
                        QStringLiteral("First visit: intake form"),
                        QStringLiteral("Sore left shoulder")};
const QStringList reasons{QStringLiteral("Client is ill"), QStringLiteral("Weather"),
                          QStringLiteral("Rebooking later")};

bool overlaps(qint64 startA, qint64 endA, qint64 startB, qint64 endB)
{
    return startA < endB && startB < endA;
}

QString id(qint64 value)
{
    return QString::number(value);
}

// The ids of a set of rows, for messages.
QString idList(const QList<qint64>& ids)
{
    QStringList texts;
    for (const qint64 each : ids) {
        texts.append(id(each));
    }
    return texts.join(QStringLiteral(", "));
}

QString describeRow(const Row& row)
{
    return QStringLiteral("{id %1 client %2 therapist %3 type %4 option %5 %6 min %7 cents room %8 "
                          "%9-%10 buffer %11 %12 notes \"%13\" reason \"%14\" late %15 override "
                          "\"%16\" series %17 created %18 updated %19}")
        .arg(row.id)
        .arg(row.clientId)
        .arg(row.therapistId)
        .arg(row.typeId)
        .arg(row.optionId)
        .arg(row.minutes)
        .arg(row.priceCents)
        .arg(row.roomId)
        .arg(row.startUtc)
        .arg(row.endUtc)
        .arg(row.bufferEndUtc)
        .arg(row.status, row.notes, row.cancelReason)
        .arg(row.cancelledLate)
        .arg(row.overrideReason)
        .arg(row.seriesId)
        .arg(row.createdUtc)
        .arg(row.updatedUtc);
}

// Up to `times` random choices, the first one `choose` takes; the last one is offered with
// `last` set, for `choose` to take even when the rows read say the app will refuse it.
template <typename Choose>
std::optional<Operation> firstChoice(int times, Choose choose)
{
    for (int attempt = 1; attempt <= times; ++attempt) {
        if (std::optional<Operation> operation = choose(attempt == times)) {
            return operation;
        }
    }
    return std::nullopt;
}

// How a run changed the appointments: which rows are new, changed or gone.
struct Difference
{
    QList<qint64> added;
    QList<qint64> changed;
    QList<qint64> missing;
    QList<qint64> newSeries;
    QList<qint64> missingSeries;
    bool historyChanged = false;

    bool empty() const
    {
        return added.isEmpty() && changed.isEmpty() && missing.isEmpty() && newSeries.isEmpty() &&
               missingSeries.isEmpty() && !historyChanged;
    }
};

qint64 historyOf(const State& state, qint64 appointmentId)
{
    const auto found = state.historyRows.find(appointmentId);
    return found == state.historyRows.end() ? 0 : found->second;
}

Difference differenceOf(const State& before, const State& after)
{
    Difference difference;
    for (const auto& [id, row] : after.appointments) {
        const auto old = before.appointments.find(id);
        if (old == before.appointments.end()) {
            difference.added.append(id);
        } else if (!(old->second == row)) {
            difference.changed.append(id);
        }
    }
    for (const auto& [id, row] : before.appointments) {
        if (after.appointments.count(id) == 0) {
            difference.missing.append(id);
        }
    }
    for (const auto& [id, interval] : after.seriesIntervals) {
        if (before.seriesIntervals.count(id) == 0) {
            difference.newSeries.append(id);
        }
    }
    for (const auto& [id, interval] : before.seriesIntervals) {
        if (after.seriesIntervals.count(id) == 0) {
            difference.missingSeries.append(id);
        }
    }
    difference.historyChanged = before.historyRows != after.historyRows;
    return difference;
}

// Exactly one history row more for each of `touched` and none for any other appointment.
bool historyAsExpected(const State& before, const State& after, const QList<qint64>& touched,
                       QString* why)
{
    for (const auto& [id, rows] : after.historyRows) {
        const qint64 expected = historyOf(before, id) + (touched.contains(id) ? 1 : 0);
        if (rows != expected) {
            *why = QStringLiteral("appointment %1 has %2 history rows, expected %3")
                       .arg(id)
                       .arg(rows)
                       .arg(expected);
            return false;
        }
    }
    for (const qint64 each : touched) {
        if (after.historyRows.count(each) == 0) {
            *why = QStringLiteral("appointment %1 has no history row").arg(each);
            return false;
        }
    }
    for (const auto& [id, rows] : before.historyRows) {
        if (after.historyRows.count(id) == 0) {
            *why = QStringLiteral("the history of appointment %1 is gone").arg(id);
            return false;
        }
    }
    return true;
}

bool sameIds(QList<qint64> a, QList<qint64> b)
{
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

bool roomSuits(const Catalog& catalog, const MassageType& type, qint64 roomId)
{
    const Room* room = catalog.room(roomId);
    if (room == nullptr) {
        // A clinic without active rooms books without them.
        return roomId == 0 && std::none_of(catalog.rooms.cbegin(), catalog.rooms.cend(),
                                           [](const Room& each) { return each.active; });
    }
    return room->active && (type.roomKind.isEmpty() || room->kind == type.roomKind);
}

bool rowIs(const Row& expected, const Row& actual, QString* why)
{
    if (expected == actual) {
        return true;
    }
    *why = QStringLiteral("appointment %1 is stored as %2, expected %3")
               .arg(actual.id)
               .arg(describeRow(actual), describeRow(expected));
    return false;
}

} // namespace

quint64 Random::next()
{
    quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

QString Operation::commandLine() const
{
    QStringList quoted;
    for (const QString& argument : arguments) {
        quoted.append(argument.contains(QLatin1Char(' '))
                          ? QLatin1Char('"') + argument + QLatin1Char('"')
                          : argument);
    }
    return quoted.join(QLatin1Char(' '));
}

Planner::Planner(const Catalog& catalog, QDate firstMonday, int weeks, qint64 nowUtc)
    : m_catalog(catalog)
    , m_zone(catalog.timeZone.toUtf8())
    , m_firstMonday(firstMonday)
    , m_weeks(weeks)
    , m_nowUtc(nowUtc)
{
    const QDate lastDay = firstMonday.addDays(qint64{7} * weeks);
    const int grid = qMax(1, catalog.gridMinutes);
    for (const MassageType& type : catalog.types) {
        if (!type.active || type.minutes.isEmpty() || suitableRooms(type.id).isEmpty()) {
            continue;
        }
        for (const Therapist& therapist : catalog.therapists) {
            if (!therapist.active ||
                (type.modalityId != 0 &&
                 !therapist.certifiedThroughout(type.modalityId, firstMonday, lastDay))) {
                continue;
            }
            for (const WeeklyInterval& interval : therapist.hours) {
                const int first = (interval.startMinute + grid - 1) / grid * grid;
                for (int start = first; start + type.minutes.constFirst() <= interval.endMinute;
                     start += grid) {
                    m_openings.append(
                        {therapist.id, type.id, interval.weekday, start, interval.endMinute});
                }
            }
        }
    }
}

QString Planner::localText(qint64 utc) const
{
    return QDateTime::fromSecsSinceEpoch(utc, m_zone).toString(u"yyyy-MM-dd'T'HH:mm");
}

qint64 Planner::toUtc(QDate date, int minute) const
{
    return QDateTime(date, QTime(minute / 60, minute % 60), m_zone).toSecsSinceEpoch();
}

qint64 Planner::startOf(const Opening& opening, int week) const
{
    return toUtc(m_firstMonday.addDays(qint64{7} * week + opening.weekday - 1),
                 opening.startMinute);
}

QList<qint64> Planner::suitableRooms(qint64 typeId) const
{
    QList<qint64> rooms;
    const MassageType* type = m_catalog.type(typeId);
    for (const Room& room : m_catalog.rooms) {
        if (type != nullptr && room.active &&
            (type->roomKind.isEmpty() || room.kind == type->roomKind)) {
            rooms.append(room.id);
        }
    }
    return rooms;
}

QList<int> Planner::lengthsAt(const Opening& opening) const
{
    QList<int> lengths;
    if (const MassageType* type = m_catalog.type(opening.typeId)) {
        for (const int minutes : type->minutes) {
            if (opening.startMinute + minutes <= opening.intervalEnd) {
                lengths.append(minutes);
            }
        }
    }
    return lengths;
}

bool Planner::roomFree(const State& state, qint64 roomId, qint64 startUtc, qint64 bufferEndUtc,
                       const QList<qint64>& ignore) const
{
    return std::none_of(
        state.appointments.cbegin(), state.appointments.cend(), [&](const auto& each) {
            const Row& row = each.second;
            return row.holdsTime() && row.roomId == roomId && !ignore.contains(row.id) &&
                   overlaps(startUtc, bufferEndUtc, row.startUtc, row.bufferEndUtc);
        });
}

bool Planner::fits(const State& state, qint64 therapistId, qint64 typeId, int minutes,
                   qint64 startUtc, qint64 roomId, qint64 clientId,
                   const QList<qint64>& ignore) const
{
    const MassageType* type = m_catalog.type(typeId);
    if (type == nullptr || startUtc <= m_nowUtc) {
        return false;
    }
    const qint64 endUtc = startUtc + qint64{minutes} * 60;
    const qint64 bufferEndUtc = endUtc + qint64{type->bufferMinutes} * 60;
    for (const TimeOff& off : m_catalog.timeOff) {
        if (off.therapistId == therapistId &&
            overlaps(startUtc, endUtc, off.startUtc, off.endUtc)) {
            return false;
        }
    }
    for (const auto& [id, row] : state.appointments) {
        if (!row.holdsTime() || ignore.contains(id)) {
            continue;
        }
        if (row.therapistId == therapistId &&
            overlaps(startUtc, bufferEndUtc, row.startUtc, row.bufferEndUtc)) {
            return false;
        }
        if (row.clientId == clientId && overlaps(startUtc, endUtc, row.startUtc, row.endUtc)) {
            return false;
        }
    }
    if (roomId != 0) {
        return roomFree(state, roomId, startUtc, bufferEndUtc, ignore);
    }
    const QList<qint64> rooms = suitableRooms(typeId);
    return std::any_of(rooms.cbegin(), rooms.cend(), [&](qint64 room) {
        return roomFree(state, room, startUtc, bufferEndUtc, ignore);
    });
}

QList<const Row*> Planner::movable(const State& state) const
{
    QList<const Row*> rows;
    for (const auto& [id, row] : state.appointments) {
        if (row.active() && row.startUtc > m_nowUtc) {
            rows.append(&row);
        }
    }
    return rows;
}

QList<const Opening*>
Planner::openingsWhere(const std::function<bool(const Opening&)>& wanted) const
{
    QList<const Opening*> openings;
    for (const Opening& opening : m_openings) {
        if (wanted(opening)) {
            openings.append(&opening);
        }
    }
    return openings;
}

QList<const Opening*> Planner::sameDayOpenings(const Row& row) const
{
    const int weekday = QDateTime::fromSecsSinceEpoch(row.startUtc, m_zone).date().dayOfWeek();
    return openingsWhere([&](const Opening& opening) {
        return opening.therapistId == row.therapistId && opening.typeId == row.typeId &&
               opening.weekday == weekday;
    });
}

int Planner::minuteOfDay(qint64 utc) const
{
    const QTime time = QDateTime::fromSecsSinceEpoch(utc, m_zone).time();
    return time.hour() * 60 + time.minute();
}

QStringList Planner::bookArguments(const Operation& operation) const
{
    QStringList arguments{QStringLiteral("book"),
                          QStringLiteral("--client"),
                          id(operation.clientId),
                          QStringLiteral("--therapist"),
                          id(operation.therapistId),
                          QStringLiteral("--service"),
                          id(operation.typeId),
                          QStringLiteral("--minutes"),
                          QString::number(operation.minutes),
                          QStringLiteral("--start"),
                          localText(operation.startsUtc.constFirst())};
    if (operation.roomId != 0) {
        arguments << QStringLiteral("--room") << id(operation.roomId);
    }
    if (!operation.note.isEmpty()) {
        arguments << QStringLiteral("--note") << operation.note;
    }
    return arguments;
}

QList<const Row*> Planner::seriesAnchors(const State& state) const
{
    QList<const Row*> anchors;
    for (const Row* row : movable(state)) {
        if (row->seriesId != 0) {
            anchors.append(row);
        }
    }
    return anchors;
}

QList<qint64> Planner::seriesTargets(const State& state, const Row& anchor) const
{
    QList<qint64> targets;
    for (const auto& [id, row] : state.appointments) {
        if (row.seriesId == anchor.seriesId && row.active() && row.startUtc > m_nowUtc) {
            targets.append(id);
        }
    }
    return targets;
}

std::optional<Operation> Planner::book(const State& state, Random& random, int count) const
{
    if (m_openings.isEmpty() || m_catalog.clients.isEmpty() || m_weeks < count) {
        return std::nullopt;
    }
    return firstChoice(60, [&](bool last) -> std::optional<Operation> {
        const Opening& opening = random.pick(m_openings);
        const QList<int> lengths = lengthsAt(opening);
        if (lengths.isEmpty()) {
            return std::nullopt;
        }
        Operation operation;
        operation.kind = count == 1 ? Kind::Book : Kind::BookSeries;
        operation.clientId = random.pick(m_catalog.clients);
        operation.therapistId = opening.therapistId;
        operation.typeId = opening.typeId;
        operation.minutes = random.pick(lengths);
        if (random.chance(40)) {
            operation.roomId = random.pick(suitableRooms(opening.typeId));
        }
        if (random.chance(30)) {
            operation.note = random.pick(notes);
        }
        const int firstWeek = static_cast<int>(random.below(m_weeks - count + 1));
        bool free = true;
        for (int week = firstWeek; week < firstWeek + count; ++week) {
            operation.startsUtc.append(startOf(opening, week));
            free = free &&
                   fits(state, operation.therapistId, operation.typeId, operation.minutes,
                        operation.startsUtc.constLast(), operation.roomId, operation.clientId, {});
        }
        if (!free && !last) {
            return std::nullopt;
        }
        operation.arguments = bookArguments(operation);
        if (count > 1) {
            // Without --skip-conflicts: the series is booked whole or not at all.
            operation.arguments << QStringLiteral("--every-weeks") << QStringLiteral("1")
                                << QStringLiteral("--count") << QString::number(count);
        }
        return operation;
    });
}

std::optional<Operation> Planner::collide(const State& state, Random& random) const
{
    const QList<const Row*> rows = movable(state);
    if (rows.isEmpty() || m_catalog.clients.isEmpty()) {
        return std::nullopt;
    }
    const Row& taken = *random.pick(rows);
    const MassageType* type = m_catalog.type(taken.typeId);
    if (type == nullptr || !type->active || !type->minutes.contains(int(taken.minutes))) {
        return std::nullopt;
    }
    Operation operation;
    operation.kind = Kind::Book;
    operation.clientId = random.pick(m_catalog.clients);
    operation.therapistId = taken.therapistId;
    operation.typeId = taken.typeId;
    operation.minutes = int(taken.minutes);
    // A quarter of an hour later still overlaps the other's time.
    operation.startsUtc = {taken.startUtc + (random.chance(50) ? 0 : 15 * 60)};
    operation.arguments = bookArguments(operation);
    return operation;
}

std::optional<Operation> Planner::move(const State& state, Random& random) const
{
    const QList<const Row*> rows = movable(state);
    if (rows.isEmpty()) {
        return std::nullopt;
    }
    return firstChoice(40, [&](bool last) -> std::optional<Operation> {
        const Row& row = *random.pick(rows);
        qint64 start = row.startUtc;
        qint64 therapist = row.therapistId;
        int minutes = int(row.minutes);
        qint64 room = 0;
        const qint64 variant = random.below(100);
        if (variant < 55) {
            // Another time, maybe with another therapist who does this massage.
            const QList<const Opening*> candidates = openingsWhere([&](const Opening& opening) {
                return opening.typeId == row.typeId && lengthsAt(opening).contains(minutes);
            });
            if (candidates.isEmpty()) {
                return std::nullopt;
            }
            const Opening& opening = *random.pick(candidates);
            start = startOf(opening, static_cast<int>(random.below(m_weeks)));
            therapist = opening.therapistId;
            if (random.chance(25)) {
                minutes = random.pick(lengthsAt(opening));
            }
        } else if (variant < 80) {
            // Another length at the same time, where the hours allow it.
            const int minute = minuteOfDay(row.startUtc);
            for (const Opening* opening : sameDayOpenings(row)) {
                QList<int> lengths = lengthsAt(*opening);
                lengths.removeAll(minutes);
                if (opening->startMinute == minute && !lengths.isEmpty()) {
                    minutes = random.pick(lengths);
                }
            }
        } else {
            // Another room of the right kind.
            QList<qint64> rooms = suitableRooms(row.typeId);
            rooms.removeAll(row.roomId);
            room = rooms.isEmpty() ? 0 : random.pick(rooms);
        }
        const bool changes = start != row.startUtc || therapist != row.therapistId ||
                             minutes != row.minutes || room != 0;
        if (!changes || (!last && !fits(state, therapist, row.typeId, minutes, start, room,
                                        row.clientId, {row.id}))) {
            return std::nullopt;
        }
        Operation operation;
        operation.kind = Kind::Move;
        operation.targetId = row.id;
        operation.targets = {row.id};
        operation.arguments = {QStringLiteral("move"), id(row.id)};
        if (start != row.startUtc) {
            operation.newStartUtc = start;
            operation.arguments << QStringLiteral("--start") << localText(start);
        }
        if (therapist != row.therapistId) {
            operation.newTherapistId = therapist;
            operation.arguments << QStringLiteral("--therapist") << id(therapist);
        }
        if (minutes != row.minutes) {
            operation.newMinutes = minutes;
            operation.arguments << QStringLiteral("--minutes") << QString::number(minutes);
        }
        if (room != 0) {
            operation.newRoomId = room;
            operation.arguments << QStringLiteral("--room") << id(room);
        }
        if (row.seriesId != 0 && random.chance(50)) {
            operation.arguments << QStringLiteral("--series") << QStringLiteral("this");
        }
        return operation;
    });
}

std::optional<Operation> Planner::moveSeries(const State& state, Random& random) const
{
    const QList<const Row*> anchors = seriesAnchors(state);
    if (anchors.isEmpty()) {
        return std::nullopt;
    }
    return firstChoice(20, [&](bool last) -> std::optional<Operation> {
        const Row& anchor = *random.pick(anchors);
        const QList<qint64> targets = seriesTargets(state, anchor);
        // The same therapist later or earlier the same day, where the hours allow the length.
        const int minute = minuteOfDay(anchor.startUtc);
        QList<const Opening*> candidates = sameDayOpenings(anchor);
        candidates.removeIf([&](const Opening* opening) {
            return opening->startMinute == minute ||
                   !lengthsAt(*opening).contains(int(anchor.minutes));
        });
        if (candidates.isEmpty()) {
            return std::nullopt;
        }
        const qint64 shift = qint64{random.pick(candidates)->startMinute - minute} * 60;
        const bool free = std::all_of(targets.cbegin(), targets.cend(), [&](qint64 target) {
            const Row& row = state.appointments.at(target);
            return fits(state, row.therapistId, row.typeId, int(row.minutes), row.startUtc + shift,
                        0, row.clientId, targets);
        });
        if (!free && !last) {
            return std::nullopt;
        }
        Operation operation;
        operation.kind = Kind::MoveSeries;
        operation.targetId = anchor.id;
        operation.targets = targets;
        operation.shiftSeconds = shift;
        operation.arguments = {QStringLiteral("move"),     id(anchor.id),
                               QStringLiteral("--start"),  localText(anchor.startUtc + shift),
                               QStringLiteral("--series"), QStringLiteral("all")};
        return operation;
    });
}

std::optional<Operation> Planner::cancel(const State& state, Random& random, bool series) const
{
    const QList<const Row*> rows = series ? seriesAnchors(state) : movable(state);
    if (rows.isEmpty()) {
        return std::nullopt;
    }
    const Row& row = *random.pick(rows);
    Operation operation;
    operation.kind = series ? Kind::CancelSeries : Kind::Cancel;
    operation.targetId = row.id;
    operation.targets = series ? seriesTargets(state, row) : QList<qint64>{row.id};
    operation.reason = random.pick(reasons);
    operation.arguments = {QStringLiteral("cancel"), id(row.id), QStringLiteral("--reason"),
                           operation.reason};
    if (series) {
        // The whole series: every one still to come, before and after this one.
        operation.arguments << QStringLiteral("--series") << QStringLiteral("all");
    }
    return operation;
}

std::optional<Operation> Planner::status(const State& state, Random& random) const
{
    const QDate today = QDateTime::fromSecsSinceEpoch(m_nowUtc, m_zone).date();
    struct Choice
    {
        qint64 id;
        QString word; // as the command line takes it
    };
    QList<Choice> choices;
    for (const auto& [id, row] : state.appointments) {
        const bool started = row.startUtc <= m_nowUtc;
        const bool notLater = QDateTime::fromSecsSinceEpoch(row.startUtc, m_zone).date() <= today;
        if (row.status == u"booked" && !started) {
            choices.append({id, QStringLiteral("confirmed")});
        }
        if (row.active() && notLater) {
            choices.append({id, QStringLiteral("arrived")});
        }
        if (started && (row.active() || row.status == u"arrived")) {
            choices.append({id, QStringLiteral("completed")});
        }
        if (started && row.active()) {
            choices.append({id, QStringLiteral("no-show")});
        }
    }
    if (choices.isEmpty()) {
        return std::nullopt;
    }
    const Choice& choice = random.pick(choices);
    Operation operation;
    operation.kind = Kind::Status;
    operation.targetId = choice.id;
    operation.targets = {choice.id};
    operation.newStatus = choice.word == u"no-show" ? QStringLiteral("no_show") : choice.word;
    operation.arguments = {QStringLiteral("status"), id(choice.id), choice.word};
    return operation;
}

Operation Planner::next(const State& state, Random& random) const
{
    const qint64 roll = random.below(100);
    std::optional<Operation> chosen;
    if (roll < 8) {
        chosen = collide(state, random);
    } else if (roll < 20) {
        chosen = book(state, random, seriesLength);
    } else if (roll < 38) {
        chosen = move(state, random);
    } else if (roll < 45) {
        chosen = moveSeries(state, random);
    } else if (roll < 57) {
        chosen = cancel(state, random, false);
    } else if (roll < 63) {
        chosen = cancel(state, random, true);
    } else if (roll < 74) {
        chosen = status(state, random);
    }
    if (!chosen) {
        chosen = book(state, random, 1);
    }
    return *chosen;
}

Effect judge(const Operation& operation, const State& before, const State& after,
             const Catalog& catalog, qint64 nowUtc, QString* why)
{
    const Difference difference = differenceOf(before, after);
    if (difference.empty()) {
        return Effect::None;
    }
    if (!difference.missing.isEmpty()) {
        *why = QStringLiteral("appointments vanished: %1").arg(idList(difference.missing));
        return Effect::Broken;
    }
    if (!difference.missingSeries.isEmpty()) {
        *why = QStringLiteral("series vanished: %1").arg(idList(difference.missingSeries));
        return Effect::Broken;
    }
    const bool books = operation.kind == Kind::Book || operation.kind == Kind::BookSeries;
    if (books != !difference.added.isEmpty() || (books && !difference.changed.isEmpty())) {
        *why =
            QStringLiteral("new appointments [%1], changed [%2]: not what \"%3\" does")
                .arg(idList(difference.added), idList(difference.changed), operation.commandLine());
        return Effect::Broken;
    }
    const QList<qint64> touched = books ? difference.added : operation.targets;
    if (!books && !sameIds(difference.changed, operation.targets)) {
        *why = QStringLiteral("changed appointments [%1], expected exactly [%2]")
                   .arg(idList(difference.changed), idList(operation.targets));
        return Effect::Broken;
    }
    if (!historyAsExpected(before, after, touched, why)) {
        return Effect::Broken;
    }
    if (operation.kind == Kind::BookSeries) {
        if (difference.newSeries.size() != 1) {
            *why = QStringLiteral("%1 new series rows for one series booked")
                       .arg(difference.newSeries.size());
            return Effect::Broken;
        }
    } else if (!difference.newSeries.isEmpty()) {
        *why = QStringLiteral("new series rows [%1] from \"%2\"")
                   .arg(idList(difference.newSeries), operation.commandLine());
        return Effect::Broken;
    }

    if (books) {
        if (difference.added.size() != operation.startsUtc.size()) {
            *why = QStringLiteral("%1 appointments written instead of %2 (a half-written %3)")
                       .arg(difference.added.size())
                       .arg(operation.startsUtc.size())
                       .arg(operation.kind == Kind::BookSeries ? QStringLiteral("series")
                                                               : QStringLiteral("booking"));
            return Effect::Broken;
        }
        const MassageType* type = catalog.type(operation.typeId);
        QList<const Row*> rows;
        for (const qint64 each : difference.added) {
            rows.append(&after.appointments.at(each));
        }
        std::sort(rows.begin(), rows.end(),
                  [](const Row* a, const Row* b) { return a->startUtc < b->startUtc; });
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const Row& actual = *rows.at(i);
            const qint64 end = operation.startsUtc.at(i) + qint64{operation.minutes} * 60;
            // What the app chooses itself (the option of the length, its price, a free room)
            // is taken as stored and checked below.
            const Row expected{
                .id = actual.id,
                .clientId = operation.clientId,
                .therapistId = operation.therapistId,
                .typeId = operation.typeId,
                .optionId = actual.optionId,
                .minutes = operation.minutes,
                .priceCents = actual.priceCents,
                .roomId = operation.roomId != 0 ? operation.roomId : actual.roomId,
                .startUtc = operation.startsUtc.at(i),
                .endUtc = end,
                .bufferEndUtc = end + qint64{type != nullptr ? type->bufferMinutes : 0} * 60,
                .status = QStringLiteral("booked"),
                .notes = operation.note,
                .cancelReason = QString(),
                .cancelledLate = 0,
                .overrideReason = QString(),
                .seriesId = operation.kind == Kind::BookSeries ? difference.newSeries.value(0) : 0,
                .createdUtc = nowUtc,
                .updatedUtc = nowUtc,
            };
            if (!rowIs(expected, actual, why)) {
                return Effect::Broken;
            }
            if (type == nullptr || !roomSuits(catalog, *type, actual.roomId) ||
                actual.optionId == 0) {
                *why = QStringLiteral("appointment %1 has room %2 and option %3, which do not "
                                      "suit its massage type")
                           .arg(actual.id)
                           .arg(actual.roomId)
                           .arg(actual.optionId);
                return Effect::Broken;
            }
        }
        return Effect::Complete;
    }

    for (const qint64 target : operation.targets) {
        const Row& old = before.appointments.at(target);
        const Row& actual = after.appointments.at(target);
        Row expected = old;
        expected.updatedUtc = nowUtc;
        switch (operation.kind) {
        case Kind::Move:
        case Kind::MoveSeries: {
            const MassageType* type = catalog.type(old.typeId);
            expected.startUtc = operation.kind == Kind::MoveSeries
                                    ? old.startUtc + operation.shiftSeconds
                                    : operation.newStartUtc.value_or(old.startUtc);
            expected.therapistId = operation.newTherapistId.value_or(old.therapistId);
            expected.minutes = operation.newMinutes.value_or(int(old.minutes));
            expected.endUtc = expected.startUtc + expected.minutes * 60;
            expected.bufferEndUtc =
                expected.endUtc + qint64{type != nullptr ? type->bufferMinutes : 0} * 60;
            // Without a room asked for, the app keeps the room or picks another free one.
            expected.roomId = operation.newRoomId.value_or(actual.roomId);
            if (operation.newMinutes) {
                expected.optionId = actual.optionId;
                expected.priceCents = actual.priceCents;
            }
            if (type == nullptr || !roomSuits(catalog, *type, actual.roomId)) {
                *why = QStringLiteral("appointment %1 was moved into room %2, which does not "
                                      "suit it")
                           .arg(target)
                           .arg(actual.roomId);
                return Effect::Broken;
            }
            break;
        }
        case Kind::Cancel:
        case Kind::CancelSeries:
            expected.status = QStringLiteral("cancelled");
            expected.cancelReason = operation.reason;
            expected.cancelledLate =
                old.startUtc - nowUtc < qint64{catalog.lateCancelHours} * 3600 ? 1 : 0;
            break;
        case Kind::Status:
            expected.status = operation.newStatus;
            break;
        case Kind::Book:
        case Kind::BookSeries:
            break;
        }
        if (!rowIs(expected, actual, why)) {
            return Effect::Broken;
        }
    }
    return Effect::Complete;
}

bool reportMatches(const Operation& operation, const QStringList& lines, const State& before,
                   const State& after, bool whole, QString* why)
{
    QList<qint64> reported;
    for (const QString& line : lines) {
        bool ok = false;
        qint64 value = 0;
        switch (operation.kind) {
        case Kind::Book:
        case Kind::BookSeries:
        case Kind::Move:
        case Kind::MoveSeries:
            value = line.toLongLong(&ok);
            break;
        case Kind::Cancel:
        case Kind::CancelSeries: {
            const bool late = line.endsWith(u" (late cancellation).");
            QString number = line;
            number.remove(QStringLiteral("Cancelled "))
                .remove(QStringLiteral(" (late cancellation)"));
            number.chop(1); // the full stop
            value = number.toLongLong(&ok);
            if (ok && after.appointments.count(value) != 0 &&
                (after.appointments.at(value).cancelledLate == 1) != late) {
                *why = QStringLiteral("\"%1\" but the stored late flag is %2")
                           .arg(line)
                           .arg(after.appointments.at(value).cancelledLate);
                return false;
            }
            ok = ok && line.startsWith(u"Cancelled ");
            break;
        }
        case Kind::Status: {
            const QString expected = QStringLiteral("Appointment %1 is now %2.")
                                         .arg(operation.targetId)
                                         .arg(operation.arguments.value(2));
            ok = line == expected;
            value = operation.targetId;
            break;
        }
        }
        if (!ok) {
            *why = QStringLiteral("cannot read the line \"%1\"").arg(line);
            return false;
        }
        reported.append(value);
    }
    if (whole) {
        QList<qint64> touched = operation.targets;
        if (operation.kind == Kind::Book || operation.kind == Kind::BookSeries) {
            touched.clear();
            for (const auto& [id, row] : after.appointments) {
                if (before.appointments.count(id) == 0) {
                    touched.append(id);
                }
            }
        }
        if (!sameIds(reported, touched)) {
            *why = QStringLiteral("the run reported [%1] but changed [%2]")
                       .arg(idList(reported), idList(touched));
            return false;
        }
    }
    for (const qint64 each : reported) {
        const auto now = after.appointments.find(each);
        if (now == after.appointments.end()) {
            *why =
                QStringLiteral("appointment %1 was reported but is not in the database").arg(each);
            return false;
        }
        const bool isNew = before.appointments.count(each) == 0;
        const bool expectedNew = operation.kind == Kind::Book || operation.kind == Kind::BookSeries;
        if (isNew != expectedNew || (!expectedNew && !operation.targets.contains(each))) {
            *why = QStringLiteral("appointment %1 was reported, but it is not one this command "
                                  "%2")
                       .arg(each)
                       .arg(expectedNew ? QStringLiteral("booked") : QStringLiteral("changed"));
            return false;
        }
    }
    return true;
}

} // namespace masahista::stress

#pragma once

#include "ClinicFile.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <functional>
#include <optional>

namespace masahista::stress {

// A small, portable generator (splitmix64): the same seed makes the same choices with every
// compiler and standard library, which std::uniform_int_distribution does not promise.
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed)
    {}
    quint64 next();
    // Uniform in [0, bound); bound > 0.
    qint64 below(qint64 bound) { return static_cast<qint64>(next() % static_cast<quint64>(bound)); }
    bool chance(int percent) { return below(100) < percent; }
    template <typename List>
    const auto& pick(const List& items)
    {
        return items.at(below(items.size()));
    }

private:
    quint64 m_state;
};

enum class Kind
{
    Book,
    BookSeries,
    Move,
    MoveSeries,
    Cancel,
    CancelSeries,
    Status
};

// One command for the real executable and what a complete run of it leaves in the database.
struct Operation
{
    Kind kind = Kind::Book;
    QStringList arguments; // after --db FILE

    // Book, BookSeries: the new appointment(s).
    qint64 clientId = 0;
    qint64 therapistId = 0;
    qint64 typeId = 0;
    int minutes = 0;
    qint64 roomId = 0;       // 0: the app chooses
    QList<qint64> startsUtc; // one per appointment booked, in order
    // Move, Cancel, Status (and the anchor of the series ones).
    qint64 targetId = 0;
    std::optional<qint64> newStartUtc;
    std::optional<qint64> newTherapistId;
    std::optional<int> newMinutes;
    std::optional<qint64> newRoomId;
    // MoveSeries, CancelSeries: every appointment that changes, and by how much it moves.
    QList<qint64> targets;
    qint64 shiftSeconds = 0;
    QString note;      // Book
    QString reason;    // Cancel, CancelSeries
    QString newStatus; // Status: the stored key

    QString commandLine() const;
};

// Where bookable times come from: each therapist's weekly hours for each massage type they
// are certified for over the whole range, on the clinic's grid.
struct Opening
{
    qint64 therapistId = 0;
    qint64 typeId = 0;
    int weekday = 1;
    int startMinute = 0;
    int intervalEnd = 0; // the end of the working interval the start lies in
};

// Chooses realistic operations: mostly ones the booking rules accept, judged against the
// database as read after the last kill, and some that collide on purpose.
class Planner
{
public:
    static constexpr int seriesLength = 3;

    Planner(const Catalog& catalog, QDate firstMonday, int weeks, qint64 nowUtc);

    Operation next(const State& state, Random& random) const;

    const QTimeZone& zone() const { return m_zone; }
    qint64 nowUtc() const { return m_nowUtc; }
    qsizetype openings() const { return m_openings.size(); }
    QString localText(qint64 utc) const;
    qint64 toUtc(QDate date, int minute) const;

private:
    // One booking, or a weekly series of `count`.
    std::optional<Operation> book(const State& state, Random& random, int count) const;
    std::optional<Operation> collide(const State& state, Random& random) const;
    std::optional<Operation> move(const State& state, Random& random) const;
    std::optional<Operation> moveSeries(const State& state, Random& random) const;
    // One appointment, or every one of its series still to come.
    std::optional<Operation> cancel(const State& state, Random& random, bool series) const;
    std::optional<Operation> status(const State& state, Random& random) const;

    // Whether the rules would take this time, as far as the rows read tell: the therapist and
    // the room free (cleanup included), the client free. `ignore` are the appointments moving.
    bool fits(const State& state, qint64 therapistId, qint64 typeId, int minutes, qint64 startUtc,
              qint64 roomId, qint64 clientId, const QList<qint64>& ignore) const;
    bool roomFree(const State& state, qint64 roomId, qint64 startUtc, qint64 bufferEndUtc,
                  const QList<qint64>& ignore) const;
    QList<qint64> suitableRooms(qint64 typeId) const;
    // Durations of the type that fit from the opening's start to the end of its interval.
    QList<int> lengthsAt(const Opening& opening) const;
    qint64 startOf(const Opening& opening, int week) const;
    QList<const Row*> movable(const State& state) const;
    QList<const Row*> seriesAnchors(const State& state) const;
    QList<const Opening*> openingsWhere(const std::function<bool(const Opening&)>& wanted) const;
    // The openings of the row's therapist and massage type on the row's weekday.
    QList<const Opening*> sameDayOpenings(const Row& row) const;
    int minuteOfDay(qint64 utc) const;
    QStringList bookArguments(const Operation& operation) const;
    // The appointments of the anchor's series that a series operation reaches: booked or
    // confirmed, and not started.
    QList<qint64> seriesTargets(const State& state, const Row& anchor) const;

    const Catalog& m_catalog;
    QTimeZone m_zone;
    QDate m_firstMonday;
    int m_weeks;
    qint64 m_nowUtc;
    QList<Opening> m_openings;
};

// What a run did to the database, judged from the rows before and after it.
enum class Effect
{
    None,     // nothing changed
    Complete, // exactly what the operation asks for, and nothing else
    Broken    // anything else: half written, or a change nobody asked for
};

// Every write is stamped with `nowUtc`, the instant MASAHISTA_NOW pins.
Effect judge(const Operation& operation, const State& before, const State& after,
             const Catalog& catalog, qint64 nowUtc, QString* why);

// Whether the lines a run printed before it ended name what it did: the ids (or "Cancelled
// N."/"Appointment N is now ...") of the appointments it changed, as stored. `whole`: the run
// finished, so it must have named every one of them.
bool reportMatches(const Operation& operation, const QStringList& lines, const State& before,
                   const State& after, bool whole, QString* why);

} // namespace masahista::stress

#include "booking/Clock.h"
#include "booking/clients/ClientService.h"
#include "booking/demo/DemoClinic.h"
#include "booking/engine/Availability.h"
#include "booking/engine/BookingRules.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/SnapshotLoader.h"
#include "data/MassageTypeRepository.h"
#include "data/RoomRepository.h"
#include "data/ScheduleRepository.h"
#include "data/SqlQuery.h"
#include "data/TherapistRepository.h"
#include "support/TestSupport.h"

#include <QTimeZone>

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>

using namespace masahista;

namespace {

QTimeZone edmonton()
{
    return QTimeZone(QByteArrayLiteral("America/Edmonton"));
}

// The instant Edmonton's clocks show the time on `day`; computed with QDateTime alone so the
// checks below do not lean on the code under test.
QDateTime edmontonAt(QDate day, int hour, int minute = 0)
{
    return QDateTime(day, QTime(hour, minute), edmonton()).toTimeZone(QTimeZone::utc());
}

QDateTime local(const QDateTime& instant)
{
    return instant.toTimeZone(edmonton());
}

template <typename T>
T require(Result<T> result)
{
    INFO((result ? QString() : result.error().message));
    REQUIRE(result.ok());
    return std::move(result).value();
}

QString describe(const Slot& slot)
{
    return QStringLiteral("therapist %1 room %2 %3")
        .arg(slot.therapistId)
        .arg(slot.roomId)
        .arg(local(slot.startUtc).toString(Qt::ISODate));
}

// The demo clinic around Wednesday 2026-11-25, with "now" at 09:07 in Edmonton: off the grid,
// so the first slots show that starts are rounded up, never down into the past.
struct DemoFixture
{
    DemoFixture()
        : database(test::memoryDatabase())
        , clock(edmontonAt(QDate(2026, 11, 25), 9, 7))
    {
        require(DemoClinic::load(*database, QDate(2026, 11, 25), clock));
    }

    Id type(const QString& name)
    {
        for (const MassageType& each : require(MassageTypeRepository(*database).all())) {
            if (each.name == name) {
                return each.id;
            }
        }
        FAIL("no massage type " << name);
        return 0;
    }

    Id room(const QString& name)
    {
        for (const Room& each : require(RoomRepository(*database).all())) {
            if (each.name == name) {
                return each.id;
            }
        }
        FAIL("no room " << name);
        return 0;
    }

    // The active therapists certified for the type today, in the clinic's order.
    QList<Id> certifiedFor(Id typeId)
    {
        const MassageType massageType = require(MassageTypeRepository(*database).byId(typeId));
        QList<Id> ids;
        for (const Therapist& each : require(TherapistRepository(*database).all())) {
            if (each.active &&
                each.isCertifiedOn(massageType.requiredModalityId, QDate(2026, 11, 25))) {
                ids.append(each.id);
            }
        }
        return ids;
    }

    SlotQuery query(const QString& typeName, int minutes, QDate firstDay, int days, int limit)
    {
        SlotQuery query;
        query.massageTypeId = type(typeName);
        query.minutes = minutes;
        query.fromUtc = edmontonAt(firstDay, 0);
        query.toUtc = edmontonAt(firstDay.addDays(days), 0);
        query.limit = limit;
        return query;
    }

    // A spread of questions: table and mat types, any or one therapist, any or one room. The
    // demo is fully booked up to 2026-12-02 and empty after it; the ranges take in both.
    QList<SlotQuery> queries()
    {
        const QDate monday(2026, 11, 30);
        QList<SlotQuery> all;
        all.append(query(QStringLiteral("Swedish relaxation"), 60, monday.addDays(-1), 6, 60));
        all.append(query(QStringLiteral("Traditional Thai"), 90, monday, 5, 30));
        all.append(query(QStringLiteral("Hot stone"), 45, today, 10, 25));
        SlotQuery inCedar = query(QStringLiteral("Deep tissue"), 60, monday, 5, 30);
        inCedar.roomId = room(QStringLiteral("Cedar Room"));
        all.append(inCedar);
        SlotQuery onTheMat = query(QStringLiteral("Thai oil on the mat"), 60, monday, 6, 20);
        onTheMat.therapistId = certifiedFor(onTheMat.massageTypeId).value(0);
        REQUIRE(onTheMat.therapistId != 0);
        all.append(onTheMat);
        return all;
    }

    const QDate today{2026, 11, 25};
    std::unique_ptr<Database> database;
    FixedClock clock;
};

// Every clean (therapist, start) of the range by brute force: each therapist at every grid
// step of UTC time (Edmonton's offsets are whole hours, so UTC steps land on the local grid),
// asked of the rules one by one, in the order findSlots promises.
QList<Slot> bruteForce(Database& database, const Clock& clock, const SlotQuery& query)
{
    const QDateTime now = clock.nowUtc();
    const BookingSnapshot snapshot =
        require(SnapshotLoader::load(database, now, now.addDays(-1), query.toUtc.addDays(1), {}));
    const qint64 step = qint64{snapshot.gridMinutes} * 60;
    const qint64 from = std::max(query.fromUtc, now).toSecsSinceEpoch();
    QList<Slot> clean;
    for (qint64 start = (from + step - 1) / step * step; start < query.toUtc.toSecsSinceEpoch();
         start += step) {
        for (const Therapist& therapist : snapshot.therapists) {
            if (query.therapistId != 0 && therapist.id != query.therapistId) {
                continue;
            }
            Candidate candidate;
            candidate.therapistId = therapist.id;
            candidate.massageTypeId = query.massageTypeId;
            candidate.minutes = query.minutes;
            candidate.roomId = query.roomId;
            candidate.startUtc = QDateTime::fromSecsSinceEpoch(start, QTimeZone::utc());
            const Verdict verdict = BookingRules::check(candidate, snapshot);
            if (verdict.violations.isEmpty()) {
                clean.append({therapist.id, verdict.roomId, candidate.startUtc, verdict.endUtc});
            }
        }
    }
    return clean;
}

void requireSameSlots(const QList<Slot>& found, const QList<Slot>& expected)
{
    REQUIRE(found.size() == expected.size());
    for (qsizetype index = 0; index < found.size(); ++index) {
        INFO("slot " << index << ": found " << describe(found.at(index)) << ", expected "
                     << describe(expected.at(index)));
        CHECK(found.at(index).therapistId == expected.at(index).therapistId);
        CHECK(found.at(index).roomId == expected.at(index).roomId);
        CHECK(found.at(index).startUtc == expected.at(index).startUtc);
        CHECK(found.at(index).endUtc == expected.at(index).endUtc);
    }
}

QList<WeeklyInterval> everyDay(int startMinute, int endMinute)
{
    QList<WeeklyInterval> week;
    for (int weekday = 1; weekday <= 7; ++weekday) {
        week.append({weekday, startMinute, endMinute});
    }
    return week;
}

// A clinic built by hand: one therapist, one massage type any therapist may give (60 minutes,
// 15 minutes of cleanup), rooms only when asked for.
struct SmallClinic
{
    SmallClinic(const QDateTime& now, const QList<WeeklyInterval>& hours, bool withRoom)
        : database(test::memoryDatabase())
        , clock(now)
    {
        Therapist someone;
        someone.displayName = QStringLiteral("Dana");
        therapist = require(TherapistRepository(*database).add(someone));
        REQUIRE(ScheduleRepository(*database).setWeeklyHours(therapist, hours).ok());
        MassageType swedish;
        swedish.name = QStringLiteral("Swedish");
        swedish.bufferMinutes = 15;
        swedish.options = {{0, 60, 10000, true}};
        type = require(MassageTypeRepository(*database).add(swedish));
        if (withRoom) {
            room = require(RoomRepository(*database).add(
                {0, QStringLiteral("Room 1"), QStringLiteral("table"), true, 0}));
        }
    }

    SlotQuery query(QDate firstDay, int days, int limit = 500) const
    {
        SlotQuery query;
        query.massageTypeId = type;
        query.minutes = 60;
        query.fromUtc = edmontonAt(firstDay, 0);
        query.toUtc = edmontonAt(firstDay.addDays(days), 0);
        query.limit = limit;
        return query;
    }

    QList<Slot> find(const SlotQuery& query)
    {
        return require(Availability(*database, clock).findSlots(query));
    }

    std::unique_ptr<Database> database;
    FixedClock clock;
    Id therapist = 0;
    Id type = 0;
    Id room = 0;
};

// The local start times found on one day, "09:00", "09:15", ...
QStringList startsOn(const QList<Slot>& found, QDate day)
{
    QStringList starts;
    for (const Slot& slot : found) {
        if (local(slot.startUtc).date() == day) {
            starts.append(local(slot.startUtc).time().toString(QStringLiteral("HH:mm")));
        }
    }
    return starts;
}

} // namespace

TEST_CASE("Every free slot found can be booked", "[slots][booking]")
{
    DemoFixture demo;
    BookingService service(*demo.database, demo.clock);
    const Actor actor{QStringLiteral("slot test")};
    Client newcomer;
    newcomer.fullName = QStringLiteral("Nadia Newcomer");
    newcomer.phone = QStringLiteral("780 555 0199");
    // No other booking of hers stands in the way; each slot is cancelled after it is booked so
    // that it leaves the next one as it found it.
    const Id client = require(ClientService(*demo.database, demo.clock).add(newcomer));

    for (const SlotQuery& query : demo.queries()) {
        const QList<Slot> found =
            require(Availability(*demo.database, demo.clock).findSlots(query));
        INFO("type " << query.massageTypeId << ", " << query.minutes << " minutes");
        CHECK(found.size() == query.limit);
        for (const Slot& slot : found) {
            INFO(describe(slot));
            BookingRequest request;
            request.clientId = client;
            request.therapistId = slot.therapistId;
            request.massageTypeId = query.massageTypeId;
            request.minutes = query.minutes;
            request.startUtc = slot.startUtc;
            request.roomId = query.roomId;
            const Appointment booked = require(service.book(request, actor));
            CHECK(booked.roomId == slot.roomId);
            CHECK(booked.endUtc == slot.endUtc);
            CHECK(booked.overrideReason.isEmpty());
            require(service.cancel(booked.id, QStringLiteral("slot test"), actor));
        }
    }
}

TEST_CASE("Free slots are the earliest starts the rules allow, none missed", "[slots]")
{
    DemoFixture demo;
    for (const SlotQuery& query : demo.queries()) {
        INFO("type " << query.massageTypeId << ", " << query.minutes << " minutes, therapist "
                     << query.therapistId << ", room " << query.roomId);
        const QList<Slot> found =
            require(Availability(*demo.database, demo.clock).findSlots(query));
        REQUIRE_FALSE(found.isEmpty());
        requireSameSlots(found, bruteForce(*demo.database, demo.clock, query).mid(0, query.limit));
    }

    SECTION("also when the whole range is searched")
    {
        SlotQuery everything =
            demo.query(QStringLiteral("Traditional Thai"), 60, demo.today, 9, 500);
        const QList<Slot> found =
            require(Availability(*demo.database, demo.clock).findSlots(everything));
        CHECK(found.size() < 500);
        requireSameSlots(found, bruteForce(*demo.database, demo.clock, everything));
    }
}

TEST_CASE("Free slots come in time order, inside working hours, never in the past", "[slots]")
{
    DemoFixture demo;
    const QHash<Id, QList<WeeklyInterval>> hours =
        require(ScheduleRepository(*demo.database).allWeeklyHours());
    for (const SlotQuery& query : demo.queries()) {
        const QList<Slot> found =
            require(Availability(*demo.database, demo.clock).findSlots(query));
        REQUIRE_FALSE(found.isEmpty());
        CHECK(found.size() <= query.limit);
        for (qsizetype index = 0; index < found.size(); ++index) {
            const Slot& slot = found.at(index);
            INFO(describe(slot));
            CHECK(slot.startUtc >= demo.clock.nowUtc());
            CHECK(slot.startUtc >= query.fromUtc);
            CHECK(slot.startUtc < query.toUtc);
            CHECK(slot.endUtc == slot.startUtc.addSecs(qint64{query.minutes} * 60));
            CHECK(local(slot.startUtc).time().minute() % 15 == 0);
            if (index > 0) {
                CHECK(found.at(index - 1).startUtc <= slot.startUtc);
            }
            if (query.therapistId != 0) {
                CHECK(slot.therapistId == query.therapistId);
            }
            if (query.roomId != 0) {
                CHECK(slot.roomId == query.roomId);
            } else {
                CHECK(slot.roomId != 0);
            }
            const QDateTime start = local(slot.startUtc);
            const QDateTime end = local(slot.endUtc);
            const int startMinute = start.time().hour() * 60 + start.time().minute();
            const int endMinute = end.time().hour() * 60 + end.time().minute();
            bool inside = false;
            for (const WeeklyInterval& interval : hours.value(slot.therapistId)) {
                inside = inside || (interval.weekday == start.date().dayOfWeek() &&
                                    interval.contains(startMinute, endMinute));
            }
            CHECK(start.date() == end.date());
            CHECK(inside);
        }
    }

    SECTION("a limit of one gives the first of a longer list")
    {
        SlotQuery query =
            demo.query(QStringLiteral("Swedish relaxation"), 60, QDate(2026, 12, 1), 3, 10);
        const QList<Slot> ten = require(Availability(*demo.database, demo.clock).findSlots(query));
        query.limit = 1;
        const QList<Slot> one = require(Availability(*demo.database, demo.clock).findSlots(query));
        requireSameSlots(one, ten.mid(0, 1));
    }

    SECTION("a range that lies in the past has no slots")
    {
        SlotQuery query = demo.query(QStringLiteral("Swedish relaxation"), 60, demo.today, 1, 10);
        query.fromUtc = edmontonAt(QDate(2026, 11, 20), 0);
        query.toUtc = edmontonAt(QDate(2026, 11, 25), 9, 0);
        CHECK(require(Availability(*demo.database, demo.clock).findSlots(query)).isEmpty());
    }
}

TEST_CASE("A massage type nobody is certified for has no free slots", "[slots]")
{
    DemoFixture demo;
    // A modality the clinic has written down but nobody holds (only SQL can add one).
    SqlQuery insert(*demo.database,
                    QStringLiteral("INSERT INTO modalities (name) VALUES (:name) RETURNING id"));
    insert.bind(QStringLiteral(":name"), QStringLiteral("Watsu"));
    const Id modality = require(insert.insert(QStringLiteral("adding Watsu")));
    MassageType watsu;
    watsu.name = QStringLiteral("Watsu");
    watsu.requiredModalityId = modality;
    watsu.roomKind = QStringLiteral("table");
    watsu.options = {{0, 60, 12000, true}};
    const Id type = require(MassageTypeRepository(*demo.database).add(watsu));

    SlotQuery query = demo.query(QStringLiteral("Swedish relaxation"), 60, demo.today, 14, 10);
    query.massageTypeId = type;
    CHECK(require(Availability(*demo.database, demo.clock).findSlots(query)).isEmpty());
}

TEST_CASE("Questions that cannot be answered are refused with the reason", "[slots]")
{
    DemoFixture demo;
    SlotQuery query = demo.query(QStringLiteral("Traditional Thai"), 60, demo.today, 7, 10);
    ErrorCode code = ErrorCode::Invalid;
    QString mentions;

    SECTION("a limit out of range")
    {
        query.limit = GENERATE(0, -1);
        mentions = QString::number(query.limit);
    }
    SECTION("no length")
    {
        query.minutes = 0;
        mentions = QStringLiteral("minutes");
    }
    SECTION("a length the type is not offered for")
    {
        query.minutes = 30; // Thai starts at 45 minutes
        mentions = QStringLiteral("45, 60, 90");
    }
    SECTION("a range that ends before it starts, or has no end")
    {
        query.toUtc = GENERATE(as<QDateTime>{}, QDateTime(), edmontonAt(QDate(2026, 11, 24), 0));
        mentions = QStringLiteral("range");
    }
    SECTION("a range of more than a year")
    {
        query.toUtc = query.fromUtc.addDays(400);
        mentions = QStringLiteral("366");
    }
    SECTION("an unknown massage type")
    {
        query.massageTypeId = 9999;
        code = ErrorCode::NotFound;
        mentions = QStringLiteral("9999");
    }
    SECTION("a type no longer offered")
    {
        MassageType retired =
            require(MassageTypeRepository(*demo.database).byId(query.massageTypeId));
        retired.active = false;
        REQUIRE(MassageTypeRepository(*demo.database).update(retired).ok());
        mentions = QStringLiteral("Traditional Thai");
    }
    SECTION("an unknown therapist")
    {
        query.therapistId = 9999;
        code = ErrorCode::NotFound;
        mentions = QStringLiteral("9999");
    }
    SECTION("an inactive therapist")
    {
        Therapist leaving = require(TherapistRepository(*demo.database)
                                        .byId(demo.certifiedFor(query.massageTypeId).first()));
        leaving.active = false;
        REQUIRE(TherapistRepository(*demo.database).update(leaving).ok());
        query.therapistId = leaving.id;
        mentions = leaving.displayName;
    }
    SECTION("an unknown room")
    {
        query.roomId = 9999;
        code = ErrorCode::NotFound;
        mentions = QStringLiteral("9999");
    }
    SECTION("a room of the wrong kind")
    {
        query.roomId = demo.room(QStringLiteral("Birch Room"));
        mentions = QStringLiteral("mat");
    }
    SECTION("a room no longer in use")
    {
        Room lotus = require(
            RoomRepository(*demo.database).byId(demo.room(QStringLiteral("Lotus Mat Room"))));
        lotus.active = false;
        REQUIRE(RoomRepository(*demo.database).update(lotus).ok());
        query.roomId = lotus.id;
        mentions = QStringLiteral("Lotus Mat Room");
    }
    SECTION("no room of the kind the type needs")
    {
        Room lotus = require(
            RoomRepository(*demo.database).byId(demo.room(QStringLiteral("Lotus Mat Room"))));
        lotus.active = false;
        REQUIRE(RoomRepository(*demo.database).update(lotus).ok());
        mentions = QStringLiteral("mat room");
    }

    const Result<QList<Slot>> refused = Availability(*demo.database, demo.clock).findSlots(query);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == code);
    INFO(refused.error().message);
    CHECK(refused.error().message.contains(mentions));
}

TEST_CASE("Slots keep their wall-clock times across both daylight-saving changes", "[slots][time]")
{
    SECTION("spring forward")
    {
        SmallClinic clinic(edmontonAt(QDate(2026, 3, 1), 12), everyDay(9 * 60, 17 * 60), true);
        const QList<Slot> found = clinic.find(clinic.query(QDate(2026, 3, 7), 3));
        for (QDate day : {QDate(2026, 3, 7), QDate(2026, 3, 8), QDate(2026, 3, 9)}) {
            INFO(day.toString(Qt::ISODate));
            const QStringList starts = startsOn(found, day);
            REQUIRE(starts.size() == 29); // 09:00 to 16:00 every quarter hour
            CHECK(starts.first() == u"09:00");
            CHECK(starts.last() == u"16:00");
        }
        // The same 09:00, an hour earlier in UTC once the clocks have moved.
        CHECK(found.first().startUtc.time() == QTime(16, 0));
        CHECK(found.at(29).startUtc.time() == QTime(15, 0));
        requireSameSlots(
            found, bruteForce(*clinic.database, clinic.clock, clinic.query(QDate(2026, 3, 7), 3)));
    }

    SECTION("fall back")
    {
        SmallClinic clinic(edmontonAt(QDate(2026, 10, 25), 12), everyDay(9 * 60, 17 * 60), true);
        const QList<Slot> found = clinic.find(clinic.query(QDate(2026, 10, 31), 3));
        for (QDate day : {QDate(2026, 10, 31), QDate(2026, 11, 1), QDate(2026, 11, 2)}) {
            INFO(day.toString(Qt::ISODate));
            const QStringList starts = startsOn(found, day);
            REQUIRE(starts.size() == 29);
            CHECK(starts.first() == u"09:00");
        }
        CHECK(found.at(0).startUtc.time() == QTime(15, 0));
        CHECK(found.at(29).startUtc.time() == QTime(16, 0));
        requireSameSlots(found, bruteForce(*clinic.database, clinic.clock,
                                           clinic.query(QDate(2026, 10, 31), 3)));
    }

    SECTION("night hours through the changes: no start in the skipped hour, two in the "
            "repeated one")
    {
        SmallClinic clinic(edmontonAt(QDate(2026, 3, 1), 12), everyDay(0, 6 * 60), false);
        const QList<Slot> spring = clinic.find(clinic.query(QDate(2026, 3, 8), 1));
        const QStringList springStarts = startsOn(spring, QDate(2026, 3, 8));
        CHECK(springStarts.contains(QStringLiteral("01:45")));
        CHECK_FALSE(springStarts.contains(QStringLiteral("02:00")));
        CHECK_FALSE(springStarts.contains(QStringLiteral("02:30")));
        CHECK(springStarts.contains(QStringLiteral("03:00")));
        CHECK(spring.first().roomId == 0); // a clinic without rooms books without them
        requireSameSlots(
            spring, bruteForce(*clinic.database, clinic.clock, clinic.query(QDate(2026, 3, 8), 1)));

        const QList<Slot> fall = clinic.find(clinic.query(QDate(2026, 11, 1), 1));
        CHECK(startsOn(fall, QDate(2026, 11, 1)).count(QStringLiteral("01:30")) == 2);
        requireSameSlots(
            fall, bruteForce(*clinic.database, clinic.clock, clinic.query(QDate(2026, 11, 1), 1)));
    }
}

TEST_CASE("The first slot is the next grid minute after now", "[slots]")
{
    SmallClinic clinic(edmontonAt(QDate(2026, 11, 25), 9, 7), everyDay(9 * 60, 17 * 60), true);
    const QList<Slot> found = clinic.find(clinic.query(QDate(2026, 11, 25), 1));
    REQUIRE_FALSE(found.isEmpty());
    CHECK(found.first().startUtc == edmontonAt(QDate(2026, 11, 25), 9, 15));
    CHECK(found.first().roomId == clinic.room);
    CHECK(found.size() == 28); // 09:15 to 16:00

    clinic.clock.set(edmontonAt(QDate(2026, 11, 25), 10, 0));
    CHECK(clinic.find(clinic.query(QDate(2026, 11, 25), 1)).first().startUtc ==
          edmontonAt(QDate(2026, 11, 25), 10, 0));
}

TEST_CASE("Appointments with their cleanup and time off are stepped over", "[slots]")
{
    SmallClinic clinic(edmontonAt(QDate(2026, 11, 25), 8), everyDay(9 * 60, 17 * 60), true);
    const QDate day(2026, 11, 26);
    // Someone else's 10:00-11:00 in the only room, cleanup until 11:15.
    Therapist other;
    other.displayName = QStringLiteral("Eli");
    const Id eli = require(TherapistRepository(*clinic.database).add(other));
    REQUIRE(
        ScheduleRepository(*clinic.database).setWeeklyHours(eli, everyDay(9 * 60, 17 * 60)).ok());
    Client client;
    client.fullName = QStringLiteral("Ruth");
    client.phone = QStringLiteral("780 555 0123");
    const Id ruth = require(ClientService(*clinic.database, clinic.clock).add(client));
    BookingRequest request;
    request.clientId = ruth;
    request.therapistId = eli;
    request.massageTypeId = clinic.type;
    request.minutes = 60;
    request.startUtc = edmontonAt(day, 10);
    require(BookingService(*clinic.database, clinic.clock)
                .book(request, Actor{QStringLiteral("test")}));
    // Dana is away 13:00-14:00.
    TimeOff away;
    away.therapistId = clinic.therapist;
    away.startUtc = edmontonAt(day, 13);
    away.endUtc = edmontonAt(day, 14);
    away.reason = QStringLiteral("dentist");
    require(ScheduleRepository(*clinic.database).addTimeOff(away));

    SlotQuery query = clinic.query(day, 1);
    query.therapistId = clinic.therapist;
    const QStringList starts = startsOn(clinic.find(query), day);
    // Before 10:00 the appointment must end with its cleanup by 10:00: 08:45 at the latest,
    // outside hours; 09:00 would run into the other booking's room time.
    CHECK_FALSE(starts.contains(QStringLiteral("09:00")));
    CHECK_FALSE(starts.contains(QStringLiteral("11:00")));
    CHECK(starts.first() == u"11:15"); // exactly when the room is clean again
    CHECK(starts.contains(QStringLiteral("12:00")));
    CHECK_FALSE(starts.contains(QStringLiteral("12:15"))); // would run into the time off
    CHECK_FALSE(starts.contains(QStringLiteral("13:30")));
    CHECK(starts.contains(QStringLiteral("14:00")));
    CHECK(starts.last() == u"16:00");
    requireSameSlots(clinic.find(query), bruteForce(*clinic.database, clinic.clock, query));
}

#include "BookingFixture.h"
#include "booking/catalogue/HoursService.h"
#include "data/AppointmentRepository.h"
#include "data/ScheduleRepository.h"

#include <QStringList>
#include <QTimeZone>

using namespace masahista;
using masahista::test::BookingFixture;

namespace {

const QDate monday(2026, 11, 30);
const QDate tuesday(2026, 12, 1);
const QDate wednesday(2026, 12, 2);

// A therapist's whole stored schedule as one text, so that "nothing was written" is one
// comparison.
QString dump(BookingFixture& clinic, Id therapistId)
{
    ScheduleRepository schedule(*clinic.database);
    QStringList lines;
    for (const WeeklyInterval& interval : schedule.weeklyHours(therapistId).value()) {
        lines.append(QStringLiteral("%1 %2-%3")
                         .arg(interval.weekday)
                         .arg(interval.startMinute)
                         .arg(interval.endMinute));
    }
    const QDateTime from(QDate(2000, 1, 1), QTime(0, 0), QTimeZone::utc());
    const QDateTime to(QDate(2100, 1, 1), QTime(0, 0), QTimeZone::utc());
    for (const TimeOff& off : schedule.timeOff(therapistId, from, to).value()) {
        lines.append(QStringLiteral("off %1 %2-%3 %4")
                         .arg(off.id)
                         .arg(off.startUtc.toString(Qt::ISODate), off.endUtc.toString(Qt::ISODate),
                              off.reason));
    }
    return lines.join(QLatin1Char('\n'));
}

QList<WeeklyInterval> storedWeek(BookingFixture& clinic, Id therapistId)
{
    return ScheduleRepository(*clinic.database).weeklyHours(therapistId).value();
}

// The week with one weekday's intervals replaced.
QList<WeeklyInterval> withDay(QList<WeeklyInterval> week, int weekday,
                              const QList<WeeklyInterval>& day)
{
    week.removeIf(
        [weekday](const WeeklyInterval& interval) { return interval.weekday == weekday; });
    week.append(day);
    return week;
}

QList<WeeklyInterval> withDay(BookingFixture& clinic, Id therapistId, int weekday,
                              const QList<WeeklyInterval>& day)
{
    return withDay(storedWeek(clinic, therapistId), weekday, day);
}

QList<Id> idsOf(const QList<CalendarEntry>& entries)
{
    QList<Id> ids;
    for (const CalendarEntry& entry : entries) {
        ids.append(entry.appointment.id);
    }
    return ids;
}

QList<Id> strandedIds(HoursService& hours, Id therapistId, const QList<WeeklyInterval>& week)
{
    Result<QList<CalendarEntry>> stranded = hours.strandedBy(therapistId, week);
    INFO((stranded ? QString() : stranded.error().message));
    REQUIRE(stranded.ok());
    return idsOf(*stranded);
}

} // namespace

TEST_CASE("Weekly hours are checked day by day", "[booking][hours]")
{
    BookingFixture clinic;
    HoursService hours(*clinic.database, clinic.clock);
    const auto problemsOf = [&hours](const QList<WeeklyInterval>& week) {
        Result<FieldProblems> problems = hours.validateWeek(week);
        REQUIRE(problems.ok());
        return *problems;
    };

    CHECK(problemsOf({{1, 540, 720}, {1, 780, 1020}, {2, 0, 1440}}).isEmpty());
    CHECK(problemsOf({}).isEmpty()); // a week off is a valid week

    const FieldProblems overlap = problemsOf({{1, 780, 1020}, {1, 540, 840}, {3, 540, 600}});
    REQUIRE(overlap.size() == 1);
    CHECK(overlap.constFirst().field == HoursService::dayField(1));
    CHECK(overlap.constFirst().message == u"Monday: 13:00–17:00 overlaps 09:00–14:00.");

    const FieldProblems backwards = problemsOf({{2, 720, 540}});
    CHECK(problemOf(backwards, HoursService::dayField(2)) ==
          u"Tuesday: 12:00–09:00 does not end after it starts.");
    CHECK(problemOf(problemsOf({{2, 600, 600}}), HoursService::dayField(2))
              .contains(u"does not end after"));
    CHECK(problemOf(problemsOf({{4, 540, 1500}}), HoursService::dayField(4)) ==
          u"Thursday: working hours lie between 00:00 and 24:00.");
    CHECK(problemOf(problemsOf({{5, 545, 720}}), HoursService::dayField(5)) ==
          u"Friday: 09:05–12:00 is not on the 15-minute booking grid.");
    CHECK(problemOf(problemsOf({{6, 540, 720}, {6, 720, 900}}), HoursService::dayField(6))
              .contains(u"meet without a break"));
    CHECK(problemOf(problemsOf({{0, 540, 720}}), QStringLiteral("hours")).contains(u"weekday 0"));
    // Each day keeps its own message, for the form to show next to that day.
    const FieldProblems two = problemsOf({{1, 540, 720}, {1, 600, 660}, {7, 700, 600}});
    CHECK(two.size() == 2);
    CHECK_FALSE(problemOf(two, HoursService::dayField(7)).isEmpty());

    // The grid is the clinic's: with a 30-minute grid, 09:15 is off it.
    CHECK(HoursService::weekProblems({{1, 555, 720}}, 30).size() == 1);
    CHECK(HoursService::weekProblems({{1, 555, 720}}, 15).isEmpty());

    SECTION("and refused with nothing written")
    {
        const QString before = dump(clinic, clinic.ana);
        const Status saved =
            hours.setWeeklyHours(clinic.ana, {{1, 540, 720}, {1, 700, 900}}, clinic.actor);
        REQUIRE_FALSE(saved.ok());
        CHECK(saved.error().code == ErrorCode::Invalid);
        CHECK(saved.error().message.contains(u"overlaps"));
        CHECK(dump(clinic, clinic.ana) == before);
    }
}

TEST_CASE("Time off needs an end after its start", "[booking][hours]")
{
    BookingFixture clinic;
    const QDateTime start = clinic.at(monday, 9);
    CHECK(HoursService::timeOffProblems({0, clinic.ana, start, start.addSecs(3600), {}}).isEmpty());
    CHECK(problemOf(HoursService::timeOffProblems({0, clinic.ana, start, start, {}}),
                    QStringLiteral("timeOff.end")) == u"The time off must end after it starts.");
    CHECK_FALSE(problemOf(HoursService::timeOffProblems({0, clinic.ana, {}, start, {}}),
                          QStringLiteral("timeOff.start"))
                    .isEmpty());
    CHECK_FALSE(problemOf(HoursService::timeOffProblems(
                              {0, clinic.ana, start, start.addDays(1), QString(201, u'x')}),
                          QStringLiteral("timeOff.reason"))
                    .isEmpty());

    HoursService hours(*clinic.database, clinic.clock);
    const QString before = dump(clinic, clinic.ana);
    const Result<Id> added = hours.addTimeOff({0, clinic.ana, start, start, {}}, clinic.actor);
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().code == ErrorCode::Invalid);
    CHECK(dump(clinic, clinic.ana) == before);
}

TEST_CASE("Hours that would strand booked appointments are refused with those listed",
          "[booking][hours]")
{
    BookingFixture clinic;
    HoursService hours(*clinic.database, clinic.clock);
    const Appointment mondayMorning =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(monday, 10)));
    const Appointment tuesdayAfternoon = clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 90, clinic.at(tuesday, 15), clinic.yan));
    const Appointment wednesdayMorning =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(wednesday, 9)));
    // Cara's appointment on the same Monday morning is hers, not Ana's.
    clinic.booked(
        clinic.request(clinic.cara, clinic.swedish, 60, clinic.at(monday, 10), clinic.yan));

    // Monday afternoons only, Tuesday and Wednesday mornings only.
    QList<WeeklyInterval> week = withDay(clinic, clinic.ana, 1, {{1, 780, 1020}});
    week = withDay(week, 2, {{2, 540, 720}});
    week = withDay(week, 3, {{3, 540, 720}});

    CHECK(strandedIds(hours, clinic.ana, week) == QList<Id>{mondayMorning.id, tuesdayAfternoon.id});

    const QString before = dump(clinic, clinic.ana);
    const Status saved = hours.setWeeklyHours(clinic.ana, week, clinic.actor);
    REQUIRE_FALSE(saved.ok());
    CHECK(saved.error().code == ErrorCode::Conflict);
    const QString message = saved.error().message;
    CHECK(message.contains(u"Mon 2026-11-30 10:00, Zoe (Swedish, 60 min)"));
    CHECK(message.contains(u"Tue 2026-12-01 15:00, Yan (Swedish, 90 min)"));
    CHECK_FALSE(message.contains(u"2026-12-02"));
    CHECK(dump(clinic, clinic.ana) == before);

    SECTION("a break over an appointment strands it too")
    {
        const QList<WeeklyInterval> lunch =
            withDay(clinic, clinic.ana, 3, {{3, 540, 585}, {3, 660, 1020}});
        CHECK(strandedIds(hours, clinic.ana, lunch) == QList<Id>{wednesdayMorning.id});
    }
    SECTION("a week that keeps every appointment inside is saved whole")
    {
        QList<WeeklyInterval> kept = withDay(clinic, clinic.ana, 1, {{1, 600, 660}});
        kept = withDay(kept, 2, {{2, 900, 990}, {2, 540, 600}});
        CHECK(strandedIds(hours, clinic.ana, kept).isEmpty());
        const Status keptSaved = hours.setWeeklyHours(clinic.ana, kept, clinic.actor);
        INFO((keptSaved ? QString() : keptSaved.error().message));
        REQUIRE(keptSaved.ok());
        CHECK(ScheduleRepository(*clinic.database).weeklyHours(clinic.ana).value() ==
              HoursService::normalized(kept));
    }
    SECTION("once the appointments are moved, the same change goes through")
    {
        for (const Appointment& appointment : {mondayMorning, tuesdayAfternoon}) {
            REQUIRE(
                clinic.service.cancel(appointment.id, QStringLiteral("Moved"), clinic.actor).ok());
        }
        REQUIRE(hours.setWeeklyHours(clinic.ana, week, clinic.actor).ok());
        CHECK(ScheduleRepository(*clinic.database).weeklyHours(clinic.ana).value() ==
              HoursService::normalized(week));
    }
}

TEST_CASE("Cancelled and past appointments never block a change of hours", "[booking][hours]")
{
    BookingFixture clinic;
    HoursService hours(*clinic.database, clinic.clock);
    const QDate today = clinic.today; // Wednesday
    clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(today, 10)));
    clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(today, 13)));
    const Appointment cancelled = clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(today.addDays(7), 10)));
    REQUIRE(clinic.service.cancel(cancelled.id, QStringLiteral("Ill"), clinic.actor).ok());
    // The 10:00 one is over and the 13:00 one under way.
    clinic.clock.set(clinic.at(today, 13, 30));

    // Wednesdays off from now on.
    const QList<WeeklyInterval> week = withDay(clinic, clinic.ana, 3, {});
    CHECK(strandedIds(hours, clinic.ana, week).isEmpty());
    REQUIRE(hours.setWeeklyHours(clinic.ana, week, clinic.actor).ok());
    CHECK(ClinicTime::formatDay(
              ScheduleRepository(*clinic.database).weeklyHours(clinic.ana).value(), 3)
              .isEmpty());
}

TEST_CASE("An appointment booked outside the hours with a reason stays as it was agreed",
          "[booking][hours]")
{
    BookingFixture clinic;
    HoursService hours(*clinic.database, clinic.clock);
    BookingRequest late = clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(monday, 17));
    late.overrideReason = QStringLiteral("Only time she can come");
    const Appointment evening = clinic.booked(late);
    const Appointment morning =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(monday, 10)));

    // Shorter Mondays leave the evening one as outside as it was: not stranded.
    CHECK(
        strandedIds(hours, clinic.ana, withDay(clinic, clinic.ana, 1, {{1, 540, 720}})).isEmpty());
    // Monday mornings off strand the morning one only.
    CHECK(strandedIds(hours, clinic.ana, withDay(clinic, clinic.ana, 1, {{1, 780, 960}})) ==
          QList<Id>{morning.id});

    // Time off is a new reason the evening one cannot go ahead: the override was for the hours.
    ScheduleChange away;
    away.therapistId = clinic.ana;
    away.addedTimeOff = {
        {0, clinic.ana, clinic.at(monday, 16), clinic.at(monday, 20), QStringLiteral("Dentist")}};
    const Result<QList<CalendarEntry>> stranded = hours.strandedBy(away);
    REQUIRE(stranded.ok());
    CHECK(idsOf(*stranded) == QList<Id>{evening.id});
}

TEST_CASE("Time off over booked appointments is refused, and removing it never is",
          "[booking][hours]")
{
    BookingFixture clinic;
    HoursService hours(*clinic.database, clinic.clock);
    clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(tuesday, 10)));
    const QString before = dump(clinic, clinic.ana);

    const TimeOff tuesdayOff{0, clinic.ana, clinic.at(tuesday, 0), clinic.at(wednesday, 0),
                             QStringLiteral("Course")};
    const Result<Id> refused = hours.addTimeOff(tuesdayOff, clinic.actor);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(refused.error().message.contains(u"Tue 2026-12-01 10:00, Zoe"));
    CHECK(dump(clinic, clinic.ana) == before);

    // Ending as the appointment starts is fine: time off is [from, to).
    const TimeOff morningOff{0, clinic.ana, clinic.at(tuesday, 0), clinic.at(tuesday, 10),
                             QStringLiteral(" Dentist ")};
    const Result<Id> added = hours.addTimeOff(morningOff, clinic.actor);
    INFO((added ? QString() : added.error().message));
    REQUIRE(added.ok());
    const TimeOff stored = ScheduleRepository(*clinic.database).timeOffById(*added).value();
    CHECK(stored.reason == u"Dentist");
    CHECK(stored.endUtc == clinic.at(tuesday, 10));

    SECTION("moving it over the appointment is refused")
    {
        const QString withMorningOff = dump(clinic, clinic.ana);
        TimeOff longer = stored;
        longer.endUtc = clinic.at(tuesday, 12);
        const Status moved = hours.updateTimeOff(longer, clinic.actor);
        REQUIRE_FALSE(moved.ok());
        CHECK(moved.error().code == ErrorCode::Conflict);
        CHECK(dump(clinic, clinic.ana) == withMorningOff);

        longer.startUtc = clinic.at(tuesday, 12);
        longer.endUtc = clinic.at(tuesday, 14);
        longer.reason = QStringLiteral("Lunch with the team");
        REQUIRE(hours.updateTimeOff(longer, clinic.actor).ok());
        const TimeOff updated = ScheduleRepository(*clinic.database).timeOffById(*added).value();
        CHECK(updated.startUtc == clinic.at(tuesday, 12));
        CHECK(updated.reason == u"Lunch with the team");
        CHECK(updated.therapistId == clinic.ana);
    }
    SECTION("removing time off frees the time, even with appointments booked inside it")
    {
        BookingRequest course =
            clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(QDate(2026, 12, 3), 10));
        course.overrideReason = QStringLiteral("Comes in for her regular");
        clinic.booked(course);
        const QDateTime from(QDate(2000, 1, 1), QTime(0, 0), QTimeZone::utc());
        const QDateTime to(QDate(2100, 1, 1), QTime(0, 0), QTimeZone::utc());
        for (const TimeOff& off :
             ScheduleRepository(*clinic.database).timeOff(clinic.ana, from, to).value()) {
            REQUIRE(hours.removeTimeOff(off.id, clinic.actor).ok());
        }
        CHECK(ScheduleRepository(*clinic.database).timeOff(clinic.ana, from, to)->isEmpty());
        CHECK(hours.removeTimeOff(*added, clinic.actor).error().code == ErrorCode::NotFound);
    }
    SECTION("time off of another therapist is not this one's to change")
    {
        ScheduleChange change;
        change.therapistId = clinic.cara;
        change.removedTimeOff = {*added};
        CHECK(hours.apply(change, clinic.actor).error().code == ErrorCode::NotFound);
        CHECK(ScheduleRepository(*clinic.database).timeOffById(*added).ok());
    }
}

TEST_CASE("Hours and time off are saved together or not at all", "[booking][hours]")
{
    BookingFixture clinic;
    HoursService hours(*clinic.database, clinic.clock);
    clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(tuesday, 10)));
    const QString before = dump(clinic, clinic.ana);

    ScheduleChange change;
    change.therapistId = clinic.ana;
    change.hours = withDay(clinic, clinic.ana, 1, {{1, 600, 900}}); // harmless on its own
    change.addedTimeOff = {{0, clinic.ana, clinic.at(tuesday, 9), clinic.at(tuesday, 12), {}}};
    const Status refused = hours.apply(change, clinic.actor);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(dump(clinic, clinic.ana) == before);

    change.addedTimeOff = {{0, clinic.ana, clinic.at(tuesday, 12), clinic.at(tuesday, 17), {}}};
    REQUIRE(hours.apply(change, clinic.actor).ok());
    const Result<TherapistSchedule> schedule = hours.schedule(clinic.ana);
    REQUIRE(schedule.ok());
    CHECK(schedule->hours == HoursService::normalized(*change.hours));
    // The fixture's course on 2026-12-03, and the new afternoon off.
    REQUIRE(schedule->timeOff.size() == 2);
    CHECK(schedule->timeOff.constFirst().startUtc == clinic.at(tuesday, 12));
    CHECK(schedule->therapistName == u"Ana");
    CHECK(schedule->gridMinutes == 15);
}

TEST_CASE("Hours on a daylight-saving day are judged in clinic-local time", "[booking][hours]")
{
    BookingFixture clinic;
    HoursService hours(*clinic.database, clinic.clock);
    const int sunday = 7;

    SECTION("spring forward, 2026-03-08")
    {
        const QDate day(2026, 3, 8);
        clinic.clock.set(clinic.at(QDate(2026, 3, 1), 9));
        // 10:00 MDT is 16:00 UTC, which a fixed MST offset would take for 09:00.
        const Appointment ten =
            clinic.booked(clinic.request(clinic.cara, clinic.swedish, 60, clinic.at(day, 10)));
        REQUIRE(ten.startUtc == QDateTime(day, QTime(16, 0), QTimeZone::utc()));
        CHECK(strandedIds(hours, clinic.cara,
                          withDay(clinic, clinic.cara, sunday, {{sunday, 600, 660}}))
                  .isEmpty());
        CHECK(strandedIds(hours, clinic.cara,
                          withDay(clinic, clinic.cara, sunday, {{sunday, 540, 600}})) ==
              QList<Id>{ten.id});

        // Time off until 10:00 local leaves it; until 10:30 local strands it.
        ScheduleChange morning;
        morning.therapistId = clinic.cara;
        morning.addedTimeOff = {{0, clinic.cara, clinic.at(day, 0), clinic.at(day, 10), {}}};
        CHECK(hours.strandedBy(morning)->isEmpty());
        morning.addedTimeOff.first().endUtc = clinic.at(day, 10, 30);
        CHECK(idsOf(hours.strandedBy(morning).value()) == QList<Id>{ten.id});

        const QString before = dump(clinic, clinic.cara);
        CHECK(hours
                  .setWeeklyHours(clinic.cara,
                                  withDay(clinic, clinic.cara, sunday, {{sunday, 540, 600}}),
                                  clinic.actor)
                  .error()
                  .code == ErrorCode::Conflict);
        CHECK(dump(clinic, clinic.cara) == before);
        REQUIRE(hours
                    .setWeeklyHours(clinic.cara,
                                    withDay(clinic, clinic.cara, sunday, {{sunday, 600, 660}}),
                                    clinic.actor)
                    .ok());
    }
    SECTION("fall back, 2026-11-01")
    {
        const QDate day(2026, 11, 1);
        clinic.clock.set(clinic.at(QDate(2026, 10, 25), 9));
        // 10:00 MST is 17:00 UTC, which a fixed MDT offset would take for 11:00.
        const Appointment ten =
            clinic.booked(clinic.request(clinic.cara, clinic.swedish, 60, clinic.at(day, 10)));
        REQUIRE(ten.startUtc == QDateTime(day, QTime(17, 0), QTimeZone::utc()));
        CHECK(strandedIds(hours, clinic.cara,
                          withDay(clinic, clinic.cara, sunday, {{sunday, 600, 660}}))
                  .isEmpty());
        CHECK(strandedIds(hours, clinic.cara,
                          withDay(clinic, clinic.cara, sunday, {{sunday, 660, 720}})) ==
              QList<Id>{ten.id});
        // Once the appointment is over, the same change strands nothing.
        clinic.clock.set(clinic.at(day, 12));
        CHECK(strandedIds(hours, clinic.cara,
                          withDay(clinic, clinic.cara, sunday, {{sunday, 660, 720}}))
                  .isEmpty());
    }
}

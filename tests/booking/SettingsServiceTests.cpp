#include "BookingFixture.h"
#include "booking/catalogue/SettingsService.h"
#include "booking/clients/ClientService.h"
#include "booking/demo/DemoClinic.h"
#include "data/AppointmentRepository.h"
#include "data/MassageTypeRepository.h"
#include "data/SettingsRepository.h"
#include "support/TestSupport.h"

#include <QStringList>
#include <QTimeZone>

using namespace masahista;
using masahista::test::BookingFixture;

namespace {

// Everything stored about the clinic, as one text, so that "nothing was written" is one
// comparison.
QString dump(const ClinicSettings& settings)
{
    QStringList lines{settings.name,
                      settings.address,
                      settings.phone,
                      settings.timeZoneId,
                      QString::number(settings.bookingStepMinutes),
                      QString::number(settings.lateCancelHours)};
    for (const WeeklyInterval& interval : settings.openingHours) {
        lines.append(QStringLiteral("%1 %2-%3")
                         .arg(interval.weekday)
                         .arg(interval.startMinute)
                         .arg(interval.endMinute));
    }
    for (const ClosedDay& day : settings.closedDays) {
        lines.append(day.date.toString(Qt::ISODate) + QLatin1Char(' ') + day.reason);
    }
    return lines.join(QLatin1Char('\n'));
}

QString stored(Database& database)
{
    return dump(SettingsRepository(database).load().value());
}

// A clinic that passes every rule: open weekdays 09:00-17:00 with a lunch break on Monday.
ClinicSettings validSettings()
{
    ClinicSettings settings;
    settings.name = QStringLiteral("Healing Hands");
    settings.address = QStringLiteral("1 Demo Street NW\nEdmonton, AB");
    settings.phone = QStringLiteral("780 555 0100");
    settings.openingHours = {{1, 540, 720}, {1, 780, 1020}};
    for (int weekday = 2; weekday <= 5; ++weekday) {
        settings.openingHours.append({weekday, 540, 1020});
    }
    settings.closedDays = {{QDate(2026, 12, 25), QStringLiteral("Christmas Day")}};
    return settings;
}

QString problem(const ClinicSettings& settings, const QString& field)
{
    const FieldProblems problems = SettingsService::validate(settings);
    INFO("problems in " << field << ": " << problems.size());
    return problemOf(problems, field);
}

qsizetype historyLines(Database& database, Id appointmentId)
{
    return AppointmentRepository(database).history(appointmentId).value().size();
}

} // namespace

TEST_CASE("Valid clinic settings have no problems and are normalized", "[booking][settings]")
{
    CHECK(SettingsService::validate(validSettings()).isEmpty());

    ClinicSettings messy = validSettings();
    messy.name = QStringLiteral("  Healing   Hands ");
    messy.address = QStringLiteral("  1 Demo Street NW \n\n Edmonton, AB  ");
    messy.timeZoneId = QStringLiteral(" America/Edmonton ");
    messy.openingHours = {{2, 540, 1020}, {1, 780, 1020}, {1, 540, 720}};
    messy.closedDays = {{QDate(2026, 12, 26), QStringLiteral(" Boxing  Day ")},
                        {QDate(2026, 12, 25), QStringLiteral("Christmas Day")}};
    CHECK(SettingsService::validate(messy).isEmpty());
    const ClinicSettings clean = SettingsService::normalized(messy);
    CHECK(clean.name == u"Healing Hands");
    CHECK(clean.address == u"1 Demo Street NW\nEdmonton, AB");
    CHECK(clean.phone == u"(780) 555-0100");
    CHECK(clean.timeZoneId == u"America/Edmonton");
    CHECK(clean.openingHours ==
          QList<WeeklyInterval>{{1, 540, 720}, {1, 780, 1020}, {2, 540, 1020}});
    REQUIRE(clean.closedDays.size() == 2);
    CHECK(clean.closedDays[0].date == QDate(2026, 12, 25));
    CHECK(clean.closedDays[1].reason == u"Boxing Day");

    // The clinic's own number may be left out while the clinic is being set up.
    ClinicSettings noPhone = validSettings();
    noPhone.phone = QStringLiteral("  ");
    CHECK(SettingsService::validate(noPhone).isEmpty());
    CHECK(SettingsService::gridSteps() == QList<int>{5, 10, 15, 20, 30, 60});
}

TEST_CASE("Each invalid clinic setting is named next to its field", "[booking][settings]")
{
    ClinicSettings settings = validSettings();

    SECTION("name")
    {
        settings.name = QStringLiteral("   ");
        CHECK(problem(settings, QStringLiteral("name")).contains(u"clinic's name"));
        settings.name = QString(201, u'x');
        CHECK(problem(settings, QStringLiteral("name")).contains(u"too long"));
    }
    SECTION("phone, with the client rules' message")
    {
        settings.phone = QStringLiteral("555-0142");
        CHECK(problem(settings, QStringLiteral("phone")) ==
              ClientService::normalizePhone(settings.phone).error().message);
    }
    SECTION("time zone")
    {
        settings.timeZoneId = QStringLiteral("Mars/Olympus_Mons");
        CHECK(problem(settings, QStringLiteral("timeZone")).contains(u"Mars/Olympus_Mons"));
        settings.timeZoneId.clear();
        CHECK(problem(settings, QStringLiteral("timeZone")).contains(u"Choose"));
    }
    SECTION("grid step")
    {
        settings.bookingStepMinutes = 7;
        CHECK(problem(settings, QStringLiteral("bookingStep")).contains(u"7 is not one"));
    }
    SECTION("late-cancel window")
    {
        settings.lateCancelHours = -1;
        CHECK(problem(settings, QStringLiteral("lateCancel")).contains(u"0 to 168"));
        settings.lateCancelHours = 169;
        CHECK(problem(settings, QStringLiteral("lateCancel")).contains(u"169"));
        settings.lateCancelHours = 168;
        CHECK(problem(settings, QStringLiteral("lateCancel")).isEmpty());
    }
    SECTION("opening hours that end before they start")
    {
        settings.openingHours.append({6, 720, 600});
        CHECK(problem(settings, SettingsService::hoursField(6)) ==
              u"Saturday: closing at 10:00 is not after opening at 12:00.");
    }
    SECTION("opening hours off the grid")
    {
        settings.openingHours.append({6, 545, 720});
        CHECK(problem(settings, SettingsService::hoursField(6)) ==
              u"Saturday: 09:05–12:00 is not on the 15-minute booking grid.");
        settings.bookingStepMinutes = 5;
        CHECK(problem(settings, SettingsService::hoursField(6)).isEmpty());
    }
    SECTION("overlapping opening hours")
    {
        settings.openingHours.append({1, 690, 810});
        CHECK(problem(settings, SettingsService::hoursField(1)) ==
              u"Monday: 11:30–13:30 overlaps 09:00–12:00. Monday: 13:00–17:00 overlaps "
              u"11:30–13:30.");
        // Other days are not blamed for Monday.
        CHECK(problem(settings, SettingsService::hoursField(2)).isEmpty());
    }
    SECTION("opening hours outside the day or the week")
    {
        settings.openingHours.append({7, 1380, 1500});
        CHECK(problem(settings, SettingsService::hoursField(7)).contains(u"24:00"));
        settings.openingHours.append({8, 540, 600});
        CHECK(problem(settings, QStringLiteral("openingHours")).contains(u"weekday 8"));
    }
    SECTION("closed days")
    {
        settings.closedDays.append({QDate(2026, 12, 25), QStringLiteral("again")});
        CHECK(problem(settings, QStringLiteral("closedDays")) ==
              u"2026-12-25 is listed twice as a closed day.");
        settings.closedDays = {{QDate(), QStringLiteral("no date")}};
        CHECK(problem(settings, QStringLiteral("closedDays")).contains(u"date"));
    }
}

TEST_CASE("Valid settings are saved in one piece and read back", "[booking][settings]")
{
    BookingFixture fixture;
    SettingsService service(*fixture.database, fixture.clock);
    ClinicSettings settings = validSettings();
    settings.bookingStepMinutes = 30;
    settings.lateCancelHours = 48;
    Result<ClinicSettings> saved = service.save(settings, fixture.actor);
    INFO((saved ? QString() : saved.error().message));
    REQUIRE(saved.ok());
    CHECK(saved->phone == u"(780) 555-0100");
    const ClinicSettings loaded = service.load().value();
    CHECK(dump(loaded) == dump(*saved));
    CHECK(dump(loaded) == dump(SettingsService::normalized(settings)));

    SECTION("an unchanged demo clinic saves as it was")
    {
        auto database = masahista::test::memoryDatabase();
        REQUIRE(DemoClinic::load(*database, fixture.today, fixture.clock).ok());
        SettingsService demo(*database, fixture.clock);
        const QString before = stored(*database);
        REQUIRE(demo.review(demo.load().value()).value().canSave(ZoneChange::Refuse));
        REQUIRE(demo.save(demo.load().value(), fixture.actor).ok());
        CHECK(stored(*database) == before);
    }
}

TEST_CASE("Invalid settings are refused and nothing is written", "[booking][settings]")
{
    BookingFixture fixture;
    SettingsService service(*fixture.database, fixture.clock);
    REQUIRE(service.save(validSettings(), fixture.actor).ok());
    const QString before = stored(*fixture.database);

    ClinicSettings settings = validSettings();
    settings.name = QStringLiteral("Renamed");
    settings.phone = QStringLiteral("call us");
    settings.openingHours.append({1, 600, 660});
    Result<ClinicSettings> refused = service.save(settings, fixture.actor);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Invalid);
    CHECK(refused.error().message.contains(u"call us"));
    CHECK(refused.error().message.contains(u"overlaps"));
    CHECK(stored(*fixture.database) == before);
}

TEST_CASE("A new grid step is refused while bookings or lengths are off it", "[booking][settings]")
{
    BookingFixture fixture;
    SettingsService service(*fixture.database, fixture.clock);
    REQUIRE(service.save(validSettings(), fixture.actor).ok());
    const QString before = stored(*fixture.database);

    SECTION("an upcoming appointment off the new grid is listed")
    {
        const Appointment quarterPast = fixture.booked(fixture.request(
            fixture.cara, fixture.swedish, 60, fixture.at(QDate(2026, 11, 26), 10, 15)));
        ClinicSettings settings = validSettings();
        settings.bookingStepMinutes = 30;

        const SettingsReview review = service.review(settings).value();
        const QString message = problemOf(review.problems, QStringLiteral("bookingStep"));
        CHECK(message.contains(u"30-minute booking grid"));
        CHECK(message.contains(u"Thu 2026-11-26 10:15, Swedish 60 min with Cara for Zoe"));
        CHECK_FALSE(review.canSave(ZoneChange::Accept));

        Result<ClinicSettings> refused = service.save(settings, fixture.actor);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::Conflict);
        CHECK(refused.error().message == message);
        CHECK(stored(*fixture.database) == before);

        // Once it is cancelled nothing stands in the way.
        REQUIRE(fixture.service.cancel(quarterPast.id, QString(), fixture.actor).ok());
        REQUIRE(service.save(settings, fixture.actor).ok());
        CHECK(service.load()->bookingStepMinutes == 30);
    }
    SECTION("past appointments stay as they happened")
    {
        BookingRequest yesterday = fixture.request(fixture.cara, fixture.swedish, 60,
                                                   fixture.at(QDate(2026, 11, 24), 10, 15));
        yesterday.overrideReason = QStringLiteral("entered late");
        fixture.booked(yesterday);
        ClinicSettings settings = validSettings();
        settings.bookingStepMinutes = 30;
        CHECK(service.save(settings, fixture.actor).ok());
    }
    SECTION("a length on offer that is not a multiple of the new grid is listed")
    {
        ClinicSettings settings = validSettings();
        settings.bookingStepMinutes = 60;
        const SettingsReview review = service.review(settings).value();
        const QString message = problemOf(review.problems, QStringLiteral("bookingStep"));
        CHECK(message.contains(u"Swedish 30 min, Swedish 90 min"));
        CHECK_FALSE(message.contains(u"Hot stone"));
        // The retired type's lengths cannot be booked, so they do not count.
        CHECK_FALSE(message.contains(u"Retired"));
        CHECK(service.save(settings, fixture.actor).error().code == ErrorCode::Conflict);
        CHECK(stored(*fixture.database) == before);
    }
}

TEST_CASE("A new time zone needs a confirmation once appointments exist", "[booking][settings]")
{
    BookingFixture fixture;
    SettingsService service(*fixture.database, fixture.clock);
    REQUIRE(service.save(validSettings(), fixture.actor).ok());

    // A length off the current grid, written past the rules: a new zone is not refused for it,
    // since the zone changes nothing about lengths.
    MassageType odd;
    odd.name = QStringLiteral("Odd length");
    odd.options.append({0, 25, 5000, true});
    REQUIRE(MassageTypeRepository(*fixture.database).add(odd).ok());

    ClinicSettings toronto = validSettings();
    toronto.timeZoneId = QStringLiteral("America/Toronto");
    // Nothing booked yet: no clock time can shift.
    CHECK(service.review(toronto).value().zoneChangeWarning.isEmpty());

    const Appointment ten = fixture.booked(
        fixture.request(fixture.cara, fixture.swedish, 60, fixture.at(QDate(2026, 11, 26), 10, 0)));
    const QString before = stored(*fixture.database);
    const qsizetype historyBefore = historyLines(*fixture.database, ten.id);

    const SettingsReview review = service.review(toronto).value();
    CHECK(review.problems.isEmpty());
    CHECK(review.zoneChangeWarning.contains(u"from America/Edmonton to America/Toronto"));
    CHECK(review.zoneChangeWarning.contains(
        u"The next appointment, at Thu 2026-11-26 10:00, would show as Thu 2026-11-26 12:00."));
    CHECK_FALSE(review.canSave(ZoneChange::Refuse));
    CHECK(review.canSave(ZoneChange::Accept));

    Result<ClinicSettings> refused = service.save(toronto, fixture.actor);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(refused.error().message.startsWith(review.zoneChangeWarning));
    CHECK(stored(*fixture.database) == before);
    CHECK(historyLines(*fixture.database, ten.id) == historyBefore);

    REQUIRE(service.save(toronto, fixture.actor, ZoneChange::Accept).ok());
    CHECK(service.load()->timeZoneId == u"America/Toronto");
    const QList<AppointmentChange> history =
        AppointmentRepository(*fixture.database).history(ten.id).value();
    REQUIRE(history.size() == historyBefore + 1);
    CHECK(history.last().actor == fixture.actor.name);
    CHECK(history.last().details.contains(u"shown at Thu 2026-11-26 12:00, before at "
                                          u"Thu 2026-11-26 10:00"));
}

TEST_CASE("A new time zone that puts bookings off the grid is refused", "[booking][settings]")
{
    BookingFixture fixture;
    SettingsService service(*fixture.database, fixture.clock);
    ClinicSettings settings = validSettings();
    settings.bookingStepMinutes = 30;
    REQUIRE(service.save(settings, fixture.actor).ok());
    fixture.booked(
        fixture.request(fixture.cara, fixture.swedish, 60, fixture.at(QDate(2026, 11, 26), 10, 0)));
    const QString before = stored(*fixture.database);

    // Kathmandu is 5:45 ahead of UTC: Edmonton's 10:00 there is 22:45, off a 30-minute grid.
    settings.timeZoneId = QStringLiteral("Asia/Kathmandu");
    const SettingsReview review = service.review(settings).value();
    CHECK(problemOf(review.problems, QStringLiteral("timeZone")).contains(u"Asia/Kathmandu"));
    CHECK(problemOf(review.problems, QStringLiteral("bookingStep")).isEmpty());
    Result<ClinicSettings> refused = service.save(settings, fixture.actor, ZoneChange::Accept);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(stored(*fixture.database) == before);
}

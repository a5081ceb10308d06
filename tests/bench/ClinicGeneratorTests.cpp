#include "ClinicGenerator.h"
#include "booking/engine/BookingRules.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/SnapshotLoader.h"
#include "data/AppointmentRepository.h"
#include "data/ClientRepository.h"
#include "data/SettingsRepository.h"

#include <QSet>

#include <catch2/catch.hpp>

using namespace masahista;
using namespace masahista::bench;

namespace {

std::unique_ptr<Database> generated(const GeneratorOptions& options, GeneratedClinic& clinic)
{
    std::unique_ptr<Database> database = Database::openInMemory().value();
    Result<GeneratedClinic> made = generateClinic(*database, options);
    REQUIRE(made.ok());
    clinic = *made;
    return database;
}

GeneratorOptions smallClinic(qint64 appointments)
{
    GeneratorOptions options;
    options.appointments = appointments;
    options.clients = 400;
    options.today = QDate(2026, 11, 25);
    options.futureDays = 20;
    options.batchSize = 500;
    return options;
}

} // namespace

TEST_CASE("The generated clinic has its size and obeys the booking rules", "[bench]")
{
    GeneratedClinic clinic;
    std::unique_ptr<Database> database = generated(smallClinic(2500), clinic);
    AppointmentRepository appointments(*database);
    CHECK(clinic.appointments == 2500);
    CHECK(appointments.count().value() == 2500);
    CHECK(ClientRepository(*database).count().value() == 400);
    CHECK(clinic.lastDay == QDate(2026, 12, 15));
    CHECK(clinic.firstDay < QDate(2026, 11, 1)); // a history, not just the coming days
    CHECK(clinic.series > 0);

    const QTimeZone zone =
        ClinicTime::zone(SettingsRepository(*database).load().value().timeZoneId);
    qint64 checked = 0;
    qint64 cancelled = 0;
    qint64 inSeries = 0;
    QSet<Id> seen;
    for (QDate day = clinic.firstDay; day <= clinic.lastDay; day = day.addDays(1)) {
        const QDateTime fromUtc = ClinicTime::toUtc(day, 0, zone);
        const QDateTime toUtc = ClinicTime::toUtc(day.addDays(1), 0, zone);
        const QList<Appointment> onDay = appointments.between(fromUtc, toUtc).value();
        QList<Id> clientIds;
        for (const Appointment& appointment : onDay) {
            clientIds.append(appointment.clientId);
        }
        // "Now" just before the day, as when the bookings were made.
        const BookingSnapshot snapshot =
            SnapshotLoader::load(*database, fromUtc.addSecs(-1), fromUtc.addDays(-1),
                                 toUtc.addDays(1), clientIds)
                .value();
        for (const Appointment& appointment : onDay) {
            if (appointment.startUtc < fromUtc || seen.contains(appointment.id)) {
                continue;
            }
            seen.insert(appointment.id);
            INFO("appointment " << appointment.id << " on "
                                << day.toString(Qt::ISODate).toStdString());
            CHECK_FALSE(appointments.history(appointment.id).value().isEmpty());
            inSeries += appointment.seriesId != 0 ? 1 : 0;
            if (!appointment.holdsTime()) {
                ++cancelled;
                continue;
            }
            const Verdict verdict = BookingRules::check(Candidate::of(appointment), snapshot);
            for (const Violation& violation : verdict.violations) {
                FAIL_CHECK(violation.message.toStdString());
            }
            CHECK(verdict.endUtc == appointment.endUtc);
            CHECK(verdict.bufferEndUtc == appointment.bufferEndUtc);
            CHECK(verdict.priceCents == appointment.priceCents);
            ++checked;
        }
    }
    CHECK(seen.size() == 2500);
    CHECK(cancelled > 0);
    CHECK(checked > 2000);
    CHECK(inSeries > 0);
}

TEST_CASE("The generator writes the same clinic for the same seed", "[bench]")
{
    GeneratedClinic first;
    GeneratedClinic second;
    std::unique_ptr<Database> a = generated(smallClinic(300), first);
    std::unique_ptr<Database> b = generated(smallClinic(300), second);
    CHECK(first.firstDay == second.firstDay);
    const QDateTime from(first.firstDay, QTime(0, 0), QTimeZone::utc());
    const QList<Appointment> left =
        AppointmentRepository(*a).between(from.addDays(-1), from.addYears(1)).value();
    const QList<Appointment> right =
        AppointmentRepository(*b).between(from.addDays(-1), from.addYears(1)).value();
    REQUIRE(left.size() == 300);
    REQUIRE(right.size() == 300);
    for (qsizetype index = 0; index < left.size(); ++index) {
        CHECK(left.at(index).startUtc == right.at(index).startUtc);
        CHECK(left.at(index).clientId == right.at(index).clientId);
        CHECK(left.at(index).status == right.at(index).status);
    }
}

TEST_CASE("The generator refuses a database that already holds a clinic", "[bench]")
{
    GeneratedClinic clinic;
    std::unique_ptr<Database> database = generated(smallClinic(50), clinic);
    const Result<GeneratedClinic> again = generateClinic(*database, smallClinic(50));
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.contains(u"empty"));
    CHECK(AppointmentRepository(*database).count().value() == 50);
}

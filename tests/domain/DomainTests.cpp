#include "domain/Appointment.h"
#include "domain/Client.h"
#include "domain/MassageType.h"
#include "domain/Money.h"
#include "domain/Therapist.h"
#include "support/TestSupport.h"

using namespace masahista;

TEST_CASE("Money shows whole cents as dollars", "[domain]")
{
    CHECK(Money(0).toString() == u"$0.00");
    CHECK(Money(5).toString() == u"$0.05");
    CHECK(Money(10500).toString() == u"$105.00");
    CHECK(Money(12345).toString() == u"$123.45");
    CHECK(Money(-525).toString() == u"-$5.25");
    CHECK(Money(100) == Money(100));
}

TEST_CASE("Stored keys of enums round-trip and unknown keys are rejected", "[domain]")
{
    for (AppointmentStatus status :
         {AppointmentStatus::Booked, AppointmentStatus::Confirmed, AppointmentStatus::Arrived,
          AppointmentStatus::Completed, AppointmentStatus::NoShow, AppointmentStatus::Cancelled}) {
        CHECK(appointmentStatusFromKey(appointmentStatusKey(status)) == status);
    }
    CHECK(appointmentStatusKey(AppointmentStatus::NoShow) == u"no_show");
    CHECK_FALSE(appointmentStatusFromKey(u"noshow").has_value());
    CHECK(pressureFromKey(pressureKey(Pressure::Deep)) == Pressure::Deep);
    CHECK_FALSE(pressureFromKey(u"Deep").has_value());
    CHECK(healthAlertFromKey(healthAlertKey(HealthAlertKind::AvoidArea)) ==
          HealthAlertKind::AvoidArea);
}

TEST_CASE("A certification is valid from its date up to and including its expiry", "[domain]")
{
    Certification certification{0, 7, QStringLiteral("Hot stone"), QDate(2024, 1, 10),
                                QDate(2026, 12, 31)};
    CHECK_FALSE(certification.isValidOn(QDate(2024, 1, 9)));
    CHECK(certification.isValidOn(QDate(2024, 1, 10)));
    CHECK(certification.isValidOn(QDate(2026, 12, 31)));
    CHECK_FALSE(certification.isValidOn(QDate(2027, 1, 1)));

    Therapist therapist;
    therapist.certifications = {certification};
    CHECK(therapist.isCertifiedOn(7, QDate(2025, 6, 1)));
    CHECK_FALSE(therapist.isCertifiedOn(8, QDate(2025, 6, 1)));
    Appointment appointment;
    appointment.status = AppointmentStatus::Cancelled;
    CHECK_FALSE(appointment.holdsTime());
    appointment.status = AppointmentStatus::NoShow;
    CHECK(appointment.holdsTime());
}

#include "data/AppointmentRepository.h"
#include "data/ClientRepository.h"
#include "data/MassageTypeRepository.h"
#include "data/TherapistRepository.h"
#include "support/TestSupport.h"

#include <QTimeZone>

using namespace masahista;

TEST_CASE("A client's appointments come newest first, cancelled ones included",
          "[data][repo][appointments]")
{
    auto database = masahista::test::memoryDatabase();
    Therapist therapist;
    therapist.displayName = QStringLiteral("Ana");
    const Id ana = TherapistRepository(*database).add(therapist).value();
    therapist.displayName = QStringLiteral("Cara");
    const Id cara = TherapistRepository(*database).add(therapist).value();
    MassageType type;
    type.name = QStringLiteral("Swedish");
    type.options = {{0, 60, 10000, true}};
    const Id typeId = MassageTypeRepository(*database).add(type).value();
    const QDateTime now(QDate(2026, 11, 25), QTime(12, 0), QTimeZone::utc());
    Client client;
    client.fullName = QStringLiteral("Zoe");
    client.phone = QStringLiteral("(780) 555-0101");
    const Id zoe = ClientRepository(*database).add(client, now).value();
    client.fullName = QStringLiteral("Yan");
    client.phone = QStringLiteral("(780) 555-0102");
    const Id yan = ClientRepository(*database).add(client, now).value();

    AppointmentRepository appointments(*database);
    const auto add = [&](Id who, Id therapistId, const QDateTime& start,
                         AppointmentStatus status = AppointmentStatus::Booked) {
        Appointment appointment;
        appointment.clientId = who;
        appointment.therapistId = therapistId;
        appointment.massageTypeId = typeId;
        appointment.durationMinutes = 60;
        appointment.priceCents = 10000;
        appointment.startUtc = start;
        appointment.endUtc = start.addSecs(3600);
        appointment.bufferEndUtc = appointment.endUtc;
        appointment.status = status;
        appointment.createdUtc = now;
        appointment.updatedUtc = now;
        return appointments.add(appointment).value();
    };
    const QDateTime monday(QDate(2026, 11, 23), QTime(17, 0), QTimeZone::utc());
    // Added out of order, so the order can only come from the query.
    const Id later = add(zoe, ana, monday.addDays(7));
    const Id earliest = add(zoe, ana, monday.addDays(-7), AppointmentStatus::Completed);
    // Cancelled, then rebooked at the same time with someone else.
    const Id cancelled = add(zoe, ana, monday, AppointmentStatus::Cancelled);
    const Id rebooked = add(zoe, cara, monday);
    const Id yans = add(yan, ana, monday.addDays(1));

    QList<Id> ids;
    for (const Appointment& appointment : appointments.ofClient(zoe).value()) {
        CHECK(appointment.clientId == zoe);
        ids.append(appointment.id);
    }
    CHECK(ids == QList<Id>{later, rebooked, cancelled, earliest});
    const QList<Appointment> yansOwn = appointments.ofClient(yan).value();
    REQUIRE(yansOwn.size() == 1);
    CHECK(yansOwn.at(0).id == yans);
    CHECK(appointments.ofClient(yan + 100).value().isEmpty());
}

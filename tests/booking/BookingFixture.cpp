#include "BookingFixture.h"

#include "data/ClientRepository.h"
#include "data/MassageTypeRepository.h"
#include "data/RoomRepository.h"
#include "data/ScheduleRepository.h"
#include "data/TherapistRepository.h"

namespace masahista::test {

namespace {

Id modality(Database& database, const QString& name)
{
    for (const Modality& each : TherapistRepository(database).modalities().value()) {
        if (each.name == name) {
            return each.id;
        }
    }
    FAIL("no modality " << name);
    return 0;
}

Id addTherapist(Database& database, const QString& name, QList<Certification> certifications,
                bool active = true)
{
    Therapist therapist;
    therapist.displayName = name;
    therapist.title = QStringLiteral("Registered Massage Therapist");
    therapist.active = active;
    therapist.certifications = std::move(certifications);
    Result<Id> id = TherapistRepository(database).add(therapist);
    REQUIRE(id.ok());
    return *id;
}

Id addType(Database& database, const QString& name, Id modalityId, int buffer,
           const QString& roomKind, QList<int> minutes, bool active = true)
{
    MassageType type;
    type.name = name;
    type.requiredModalityId = modalityId;
    type.bufferMinutes = buffer;
    type.roomKind = roomKind;
    type.active = active;
    for (int length : minutes) {
        type.options.append({0, length, qint64{length} * 180, true});
    }
    Result<Id> id = MassageTypeRepository(database).add(type);
    REQUIRE(id.ok());
    return *id;
}

Id addClient(Database& database, const QString& name, const QString& phone, bool archived = false)
{
    Client client;
    client.fullName = name;
    client.phone = phone;
    client.archived = archived;
    Result<Id> id = ClientRepository(database).add(client, QDateTime::currentDateTimeUtc());
    REQUIRE(id.ok());
    return *id;
}

QList<WeeklyInterval> everyDay(int startMinute, int endMinute)
{
    QList<WeeklyInterval> week;
    for (int weekday = 1; weekday <= 7; ++weekday) {
        week.append({weekday, startMinute, endMinute});
    }
    return week;
}

} // namespace

BookingFixture::BookingFixture()
    : database(memoryDatabase())
    , clock(QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()))
    , service(*database, clock)
{
    Database& db = *database;
    const Id swedishModality = modality(db, QStringLiteral("Swedish"));
    const Id hotStoneModality = modality(db, QStringLiteral("Hot stone"));
    const Id thaiModality = modality(db, QStringLiteral("Traditional Thai"));
    ana = addTherapist(db, QStringLiteral("Ana"),
                       {{0, swedishModality, {}, QDate(2020, 1, 1), {}},
                        {0, hotStoneModality, {}, QDate(2021, 1, 1), QDate(2026, 12, 31)}});
    cara = addTherapist(db, QStringLiteral("Cara"),
                        {{0, swedishModality, {}, QDate(2020, 1, 1), {}},
                         {0, thaiModality, {}, QDate(2020, 1, 1), {}}});
    ben = addTherapist(db, QStringLiteral("Ben"), {{0, swedishModality, {}, QDate(2020, 1, 1), {}}},
                       false);

    swedish = addType(db, QStringLiteral("Swedish"), swedishModality, 15, QStringLiteral("table"),
                      {30, 60, 90});
    hotStone = addType(db, QStringLiteral("Hot stone"), hotStoneModality, 15,
                       QStringLiteral("table"), {60});
    thai = addType(db, QStringLiteral("Thai on the mat"), thaiModality, 0, QStringLiteral("mat"),
                   {60});
    retired = addType(db, QStringLiteral("Retired"), swedishModality, 0, QString(), {60}, false);

    RoomRepository rooms(db);
    tableA = rooms.add({0, QStringLiteral("Table A"), QStringLiteral("table"), true, 1}).value();
    tableB = rooms.add({0, QStringLiteral("Table B"), QStringLiteral("table"), true, 2}).value();
    matRoom = rooms.add({0, QStringLiteral("Mat room"), QStringLiteral("mat"), true, 3}).value();
    oldRoom = rooms.add({0, QStringLiteral("Old room"), QStringLiteral("table"), false, 4}).value();

    ScheduleRepository schedule(db);
    QList<WeeklyInterval> anaWeek = everyDay(540, 720);
    anaWeek.append(everyDay(750, 1020));
    REQUIRE(schedule.setWeeklyHours(ana, anaWeek).ok());
    REQUIRE(schedule.setWeeklyHours(cara, everyDay(540, 1020)).ok());
    REQUIRE(schedule.setWeeklyHours(ben, everyDay(540, 1020)).ok());
    REQUIRE(schedule
                .addTimeOff({0, ana, at(QDate(2026, 12, 3), 0), at(QDate(2026, 12, 4), 0),
                             QStringLiteral("Course")})
                .ok());

    zoe = addClient(db, QStringLiteral("Zoe"), QStringLiteral("(780) 555-0101"));
    yan = addClient(db, QStringLiteral("Yan"), QStringLiteral("(780) 555-0102"));
    xavier = addClient(db, QStringLiteral("Xavier"), QStringLiteral("(780) 555-0103"), true);
}

QDateTime BookingFixture::at(QDate date, int hour, int minute) const
{
    return ClinicTime::toUtc(date, hour * 60 + minute, zone);
}

BookingRequest BookingFixture::request(Id therapist, Id type, int minutes, const QDateTime& start,
                                       Id client) const
{
    BookingRequest request;
    request.clientId = client != 0 ? client : zoe;
    request.therapistId = therapist;
    request.massageTypeId = type;
    request.minutes = minutes;
    request.startUtc = start;
    return request;
}

Appointment BookingFixture::booked(const BookingRequest& request)
{
    Result<Appointment> appointment = service.book(request, actor);
    INFO((appointment ? QString() : appointment.error().message));
    REQUIRE(appointment.ok());
    return *appointment;
}

QString BookingFixture::refused(const BookingRequest& request)
{
    Result<Appointment> appointment = service.book(request, actor);
    REQUIRE_FALSE(appointment.ok());
    CHECK(appointment.error().code != ErrorCode::Database);
    return appointment.error().message;
}

} // namespace masahista::test

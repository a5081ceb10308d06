#include "booking/Clock.h"
#include "booking/clients/ClientService.h"
#include "booking/demo/DemoClinic.h"
#include "data/AppointmentRepository.h"
#include "data/ClientRepository.h"
#include "data/MassageTypeRepository.h"
#include "data/RoomRepository.h"
#include "data/ScheduleRepository.h"
#include "data/SettingsRepository.h"
#include "data/TherapistRepository.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>

#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>
#include <vector>

using namespace masahista;

namespace {

QTimeZone edmonton()
{
    return QTimeZone(QByteArrayLiteral("America/Edmonton"));
}

// The instant Edmonton's clocks show `hour`:00 on `day`; computed here with QDateTime alone
// so the checks below do not lean on the code under test.
QDateTime edmontonInstant(QDate day, int hour)
{
    return QDateTime(day, QTime(hour, 0), edmonton()).toTimeZone(QTimeZone::utc());
}

template <typename T>
T require(Result<T> result)
{
    INFO((result ? QString() : result.error().message));
    REQUIRE(result.ok());
    return std::move(result).value();
}

masahista::DemoSummary requireLoaded(Database& database, QDate today, const Clock& clock)
{
    return require(DemoClinic::load(database, today, clock));
}

struct Counts
{
    qsizetype therapists = 0;
    qsizetype types = 0;
    qsizetype rooms = 0;
    qint64 clients = 0;
    qint64 appointments = 0;
    QString clinicName;

    friend bool operator==(const Counts&, const Counts&) = default;
};

Counts countsOf(Database& database)
{
    Counts counts;
    counts.therapists = require(TherapistRepository(database).all()).size();
    counts.types = require(MassageTypeRepository(database).all()).size();
    counts.rooms = require(RoomRepository(database).all()).size();
    counts.clients = require(ClientRepository(database).count());
    counts.appointments = require(AppointmentRepository(database).count());
    counts.clinicName = require(SettingsRepository(database).load()).name;
    return counts;
}

QList<Appointment> demoAppointments(Database& database, QDate today)
{
    // Wider than the demo's fortnight, so an appointment placed outside it would show up.
    return require(AppointmentRepository(database).between(edmontonInstant(today.addDays(-30), 0),
                                                           edmontonInstant(today.addDays(30), 0)));
}

int localMinute(const QDateTime& local)
{
    return local.time().hour() * 60 + local.time().minute();
}

bool overlaps(const QDateTime& startA, const QDateTime& endA, const QDateTime& startB,
              const QDateTime& endB)
{
    return startA < endB && startB < endA;
}

bool certifiedOn(const Therapist& therapist, Id modalityId, QDate day)
{
    for (const Certification& certification : therapist.certifications) {
        if (certification.modalityId != modalityId) {
            continue;
        }
        const bool started =
            !certification.certifiedOn.isValid() || certification.certifiedOn <= day;
        const bool notExpired =
            !certification.expiresOn.isValid() || day <= certification.expiresOn;
        if (started && notExpired) {
            return true;
        }
    }
    return false;
}

bool inside(const QList<WeeklyInterval>& intervals, int weekday, int startMinute, int endMinute)
{
    for (const WeeklyInterval& interval : intervals) {
        if (interval.weekday == weekday && interval.startMinute <= startMinute &&
            endMinute <= interval.endMinute) {
            return true;
        }
    }
    return false;
}

struct CheckedDemo
{
    qsizetype appointments = 0;
    QSet<QDate> days;
    QHash<QString, int> statuses; // by status key
    double bookedShare = 0;       // booked therapist minutes over working minutes in the fortnight
};

// Re-checks every booking rule from what the repositories return, independently of how the
// demo placed its appointments.
CheckedDemo requireValidDemo(Database& database, QDate today, const QDateTime& nowUtc)
{
    const ClinicSettings settings = require(SettingsRepository(database).load());
    const QTimeZone zone(settings.timeZoneId.toUtf8());
    REQUIRE(zone.isValid());

    QHash<Id, Therapist> therapists;
    for (const Therapist& therapist : require(TherapistRepository(database).all())) {
        therapists.insert(therapist.id, therapist);
    }
    QHash<Id, MassageType> types;
    for (const MassageType& type : require(MassageTypeRepository(database).all())) {
        types.insert(type.id, type);
    }
    QHash<Id, Room> rooms;
    for (const Room& room : require(RoomRepository(database).all())) {
        rooms.insert(room.id, room);
    }
    QSet<Id> clients;
    for (const Client& client : require(ClientRepository(database).all())) {
        clients.insert(client.id);
    }
    const QHash<Id, QList<WeeklyInterval>> hours =
        require(ScheduleRepository(database).allWeeklyHours());
    AppointmentRepository appointmentRepository(database);
    const QList<Appointment> appointments = demoAppointments(database, today);

    CheckedDemo summary;
    summary.appointments = appointments.size();
    qint64 bookedMinutes = 0;
    for (const Appointment& appointment : appointments) {
        INFO("appointment " << appointment.id << " at "
                            << appointment.startUtc.toString(Qt::ISODate));
        const QDateTime localStart = appointment.startUtc.toTimeZone(zone);
        const QDateTime localEnd = appointment.endUtc.toTimeZone(zone);
        const QDate day = localStart.date();
        REQUIRE(day >= today.addDays(-7));
        REQUIRE(day <= today.addDays(7));
        REQUIRE(localEnd.date() == day);
        const int startMinute = localMinute(localStart);
        const int endMinute = localMinute(localEnd);
        REQUIRE(localStart.time().second() == 0);
        REQUIRE(startMinute % settings.bookingStepMinutes == 0);
        REQUIRE(endMinute - startMinute == appointment.durationMinutes);
        REQUIRE(appointment.startUtc.secsTo(appointment.endUtc) ==
                qint64{appointment.durationMinutes} * 60);

        REQUIRE(types.contains(appointment.massageTypeId));
        const MassageType& type = types[appointment.massageTypeId];
        const DurationOption* option = nullptr;
        for (const DurationOption& candidate : type.options) {
            if (candidate.id == appointment.optionId) {
                option = &candidate;
            }
        }
        REQUIRE(option != nullptr);
        REQUIRE(option->minutes == appointment.durationMinutes);
        REQUIRE(option->priceCents == appointment.priceCents);
        REQUIRE(appointment.endUtc.secsTo(appointment.bufferEndUtc) ==
                qint64{type.bufferMinutes} * 60);

        REQUIRE(therapists.contains(appointment.therapistId));
        const Therapist& therapist = therapists[appointment.therapistId];
        INFO(therapist.displayName << " giving " << type.name << " on "
                                   << day.toString(Qt::ISODate));
        REQUIRE(certifiedOn(therapist, type.requiredModalityId, day));
        REQUIRE(inside(hours.value(therapist.id), day.dayOfWeek(), startMinute, endMinute));
        REQUIRE(inside(settings.openingHours, day.dayOfWeek(), startMinute, endMinute));

        REQUIRE(rooms.contains(appointment.roomId));
        REQUIRE(rooms[appointment.roomId].kind == type.roomKind);
        REQUIRE(clients.contains(appointment.clientId));

        const bool over = appointment.endUtc <= nowUtc;
        switch (appointment.status) {
        case AppointmentStatus::Completed:
        case AppointmentStatus::NoShow:
            REQUIRE(over);
            break;
        case AppointmentStatus::Cancelled:
            REQUIRE(over);
            REQUIRE_FALSE(appointment.cancelReason.isEmpty());
            break;
        case AppointmentStatus::Booked:
        case AppointmentStatus::Confirmed:
            REQUIRE_FALSE(over);
            break;
        case AppointmentStatus::Arrived:
            FAIL("the demo marks nobody as arrived");
        }
        summary.statuses[appointmentStatusKey(appointment.status)] += 1;
        summary.days.insert(day);
        if (appointment.holdsTime()) {
            bookedMinutes += appointment.durationMinutes;
        }

        const QList<AppointmentChange> history =
            require(appointmentRepository.history(appointment.id));
        REQUIRE(history.size() == 1);
        REQUIRE(history.front().action == QStringLiteral("booked"));
        REQUIRE(history.front().actor == QStringLiteral("demo"));
    }

    // Cancelled demo bookings are kept clear of the others too, so a user who restores one
    // never meets a clash the demo made.
    for (qsizetype i = 0; i < appointments.size(); ++i) {
        for (qsizetype j = i + 1; j < appointments.size(); ++j) {
            const Appointment& a = appointments[i];
            const Appointment& b = appointments[j];
            INFO("appointments " << a.id << " and " << b.id);
            const bool timeClash = overlaps(a.startUtc, a.bufferEndUtc, b.startUtc, b.bufferEndUtc);
            if (a.therapistId == b.therapistId) {
                REQUIRE_FALSE(timeClash);
            }
            if (a.roomId == b.roomId) {
                REQUIRE_FALSE(timeClash);
            }
            if (a.clientId == b.clientId && a.holdsTime() && b.holdsTime()) {
                REQUIRE_FALSE(overlaps(a.startUtc, a.endUtc, b.startUtc, b.endUtc));
            }
        }
    }

    qint64 workingMinutes = 0;
    for (int offset = -7; offset <= 7; ++offset) {
        const QDate day = today.addDays(offset);
        for (const QList<WeeklyInterval>& week : hours) {
            for (const WeeklyInterval& interval : week) {
                if (interval.weekday == day.dayOfWeek()) {
                    workingMinutes += interval.endMinute - interval.startMinute;
                }
            }
        }
    }
    REQUIRE(workingMinutes > 0);
    summary.bookedShare = static_cast<double>(bookedMinutes) / static_cast<double>(workingMinutes);
    return summary;
}

void requireLivelyFortnight(const CheckedDemo& summary, QDate today)
{
    CHECK(summary.days.size() >= 10);
    bool before = false;
    bool after = false;
    for (const QDate& day : summary.days) {
        before = before || day < today;
        after = after || day > today;
    }
    CHECK(before);
    CHECK(after);
    CHECK(summary.statuses.value(appointmentStatusKey(AppointmentStatus::Completed)) > 0);
    CHECK(summary.statuses.value(appointmentStatusKey(AppointmentStatus::NoShow)) > 0);
    CHECK(summary.statuses.value(appointmentStatusKey(AppointmentStatus::Cancelled)) > 0);
    CHECK(summary.statuses.value(appointmentStatusKey(AppointmentStatus::Booked)) > 0);
    CHECK(summary.statuses.value(appointmentStatusKey(AppointmentStatus::Confirmed)) > 0);
    // Busy but not packed.
    INFO("booked share " << summary.bookedShare);
    CHECK(summary.bookedShare >= 0.45);
    CHECK(summary.bookedShare <= 0.75);
}

const Therapist& named(const QList<Therapist>& therapists, const QString& name)
{
    for (const Therapist& therapist : therapists) {
        if (therapist.displayName == name) {
            return therapist;
        }
    }
    FAIL("no therapist named " << name);
    return therapists.front();
}

QSet<QString> certificationNames(const Therapist& therapist)
{
    QSet<QString> names;
    for (const Certification& certification : therapist.certifications) {
        names.insert(certification.modalityName);
    }
    return names;
}

QSet<QString> namesOf(std::initializer_list<const char16_t*> names)
{
    QSet<QString> set;
    for (const char16_t* name : names) {
        set.insert(QString::fromUtf16(name));
    }
    return set;
}

using Placement = std::tuple<qint64, Id, Id, Id, Id, int, QString>;

std::vector<Placement> placements(Database& database, QDate today)
{
    std::vector<Placement> result;
    for (const Appointment& appointment : demoAppointments(database, today)) {
        result.emplace_back(appointment.startUtc.toSecsSinceEpoch(), appointment.therapistId,
                            appointment.roomId, appointment.clientId, appointment.massageTypeId,
                            appointment.durationMinutes, appointmentStatusKey(appointment.status));
    }
    return result;
}

} // namespace

TEST_CASE("The demo clinic loads the clinic's team, menu, rooms and clients", "[demo]")
{
    const QDate today(2026, 5, 13);
    const FixedClock clock(edmontonInstant(today, 13));
    auto database = test::memoryDatabase();
    requireLoaded(*database, today, clock);

    const ClinicSettings settings = require(SettingsRepository(*database).load());
    CHECK(settings.name == QStringLiteral("Masahista Healing Hands"));
    CHECK(settings.timeZoneId == QStringLiteral("America/Edmonton"));
    CHECK(settings.bookingStepMinutes == 15);
    CHECK(settings.lateCancelHours == 24);
    CHECK(settings.address.contains(QStringLiteral("Edmonton")));
    CHECK(QRegularExpression(QStringLiteral("^\\(780\\) 555-01\\d\\d$"))
              .match(settings.phone)
              .hasMatch());
    QSet<int> openDays;
    for (const WeeklyInterval& interval : settings.openingHours) {
        openDays.insert(interval.weekday);
    }
    CHECK(openDays.size() == 7);

    const QList<Therapist> therapists = require(TherapistRepository(*database).all());
    const QStringList expectedOrder{
        QStringLiteral("Darlene N"),  QStringLiteral("Kathy O"),  QStringLiteral("Mary Angelie M"),
        QStringLiteral("Maricel C"),  QStringLiteral("Meriam P"), QStringLiteral("Ana Maria V"),
        QStringLiteral("Marsilyn B"), QStringLiteral("Eden L"),   QStringLiteral("Micah R")};
    REQUIRE(therapists.size() == expectedOrder.size());
    QSet<QString> colors;
    for (qsizetype index = 0; index < therapists.size(); ++index) {
        const Therapist& therapist = therapists[index];
        INFO(therapist.displayName);
        CHECK(therapist.displayName == expectedOrder[index]);
        CHECK(therapist.sortOrder == index + 1);
        CHECK(therapist.title == QStringLiteral("Registered Massage Therapist"));
        const bool leader = therapist.displayName == QStringLiteral("Mary Angelie M") ||
                            therapist.displayName == QStringLiteral("Maricel C");
        CHECK(therapist.teamRole == (leader ? QStringLiteral("Team Leader") : QString()));
        CHECK_FALSE(therapist.bio.isEmpty());
        CHECK(therapist.active);
        colors.insert(therapist.calendarColor);
        REQUIRE(therapist.credentials.size() == 1);
        CHECK(therapist.credentials.front().registrationNumber.contains(QStringLiteral("DEMO")));
        CHECK(therapist.credentials.front().issuingBody.contains(QStringLiteral("Massage")));
        CHECK(therapist.credentials.front().printedOnReceipts);
        // Every RMT in the demo does Swedish and therapeutic massage.
        const QSet<QString> certifications = certificationNames(therapist);
        CHECK(certifications.contains(QStringLiteral("Swedish")));
        CHECK(certifications.contains(QStringLiteral("Therapeutic")));
        for (const Certification& certification : therapist.certifications) {
            CHECK(certification.certifiedOn.isValid());
            CHECK(certification.isValidOn(today.addDays(-7)));
            CHECK(certification.isValidOn(today.addDays(7)));
        }
    }
    CHECK(colors.size() == 9);

    const Therapist& darlene = named(therapists, QStringLiteral("Darlene N"));
    REQUIRE(darlene.education.size() == 1);
    CHECK(darlene.education.front().school == QStringLiteral("CDI College"));
    CHECK(darlene.education.front().programmeHours == 2400);
    CHECK(darlene.education.front().completedOn.year() == 2021);
    CHECK(darlene.education.front().completedOn.month() == 10);
    for (const QString& name : {QStringLiteral("Ana Maria V"), QStringLiteral("Eden L")}) {
        const Therapist& therapist = named(therapists, name);
        INFO(name);
        REQUIRE(therapist.education.size() == 1);
        CHECK(therapist.education.front().school == QStringLiteral("Makami College"));
        CHECK(therapist.education.front().programmeHours == 3000);
    }
    CHECK(named(therapists, QStringLiteral("Eden L"))
              .education.front()
              .programme.contains(QStringLiteral("diploma")));
    const Therapist& maricel = named(therapists, QStringLiteral("Maricel C"));
    REQUIRE(maricel.education.size() == 1);
    CHECK(maricel.education.front().school == QStringLiteral("Alberta College of Massage Therapy"));
    CHECK(maricel.education.front().programmeHours == 2200);
    REQUIRE(named(therapists, QStringLiteral("Kathy O")).education.size() == 1);
    CHECK(named(therapists, QStringLiteral("Kathy O")).education.front().school ==
          QStringLiteral("Alberta College of Massage Therapy"));

    CHECK(certificationNames(named(therapists, QStringLiteral("Mary Angelie M"))) ==
          namesOf({u"Hot stone", u"Cupping", u"Traditional Thai", u"Swedish", u"Deep tissue",
                   u"Therapeutic"}));
    CHECK(certificationNames(named(therapists, QStringLiteral("Ana Maria V"))) ==
          namesOf({u"Swedish", u"Deep tissue", u"Prenatal", u"Reflexology", u"Hot stone",
                   u"Cupping", u"Therapeutic"}));
    CHECK(certificationNames(named(therapists, QStringLiteral("Eden L"))) ==
          namesOf({u"Swedish", u"Deep tissue", u"Prenatal", u"Cupping", u"Reflexology",
                   u"Lymphatic drainage", u"Thai oil on the mat", u"Thai oil on the table",
                   u"Therapeutic"}));
    CHECK(certificationNames(named(therapists, QStringLiteral("Meriam P"))) ==
          namesOf({u"Deep tissue", u"Lymphatic drainage", u"Myofascial release", u"Therapeutic",
                   u"Swedish"}));
    CHECK(certificationNames(named(therapists, QStringLiteral("Kathy O"))) ==
          namesOf({u"Traditional Thai", u"Swedish", u"Therapeutic"}));
    int expiring = 0;
    for (const Therapist& therapist : therapists) {
        for (const Certification& certification : therapist.certifications) {
            expiring += certification.expiresOn.isValid() ? 1 : 0;
        }
    }
    CHECK(expiring >= 2);

    const QList<MassageType> types = require(MassageTypeRepository(*database).all());
    REQUIRE(types.size() >= 10);
    QSet<QString> typeNames;
    int withAllFour = 0;
    for (const MassageType& type : types) {
        INFO(type.name);
        typeNames.insert(type.name);
        CHECK_FALSE(type.description.isEmpty());
        CHECK(type.requiredModalityId != 0);
        CHECK(type.bufferMinutes >= 0);
        CHECK(type.bufferMinutes <= 15);
        CHECK((type.roomKind == QStringLiteral("table") || type.roomKind == QStringLiteral("mat")));
        CHECK(type.color.startsWith(u'#'));
        REQUIRE(type.options.size() >= 2);
        for (const DurationOption& option : type.options) {
            CHECK(option.priceCents > 0);
            CHECK(option.active);
        }
        CHECK(type.option(60) != nullptr);
        CHECK(type.option(90) != nullptr);
        if (type.option(30) && type.option(45)) {
            ++withAllFour;
        }
    }
    CHECK(qsizetype{withAllFour} * 2 > types.size()); // most types offer all four lengths
    for (const QString& name :
         {QStringLiteral("Swedish relaxation"), QStringLiteral("Deep tissue"),
          QStringLiteral("Therapeutic"), QStringLiteral("Hot stone"),
          QStringLiteral("Myofascial cupping"), QStringLiteral("Prenatal"),
          QStringLiteral("Traditional Thai"), QStringLiteral("Thai oil on the mat"),
          QStringLiteral("Thai oil on the table"), QStringLiteral("Foot reflexology"),
          QStringLiteral("Lymphatic drainage"), QStringLiteral("Myofascial release")}) {
        INFO(name);
        CHECK(typeNames.contains(name));
    }
    for (const MassageType& type : types) {
        const bool onTheFloor = type.name == QStringLiteral("Traditional Thai") ||
                                type.name == QStringLiteral("Thai oil on the mat");
        INFO(type.name);
        CHECK(type.roomKind == (onTheFloor ? QStringLiteral("mat") : QStringLiteral("table")));
    }

    const QList<Room> rooms = require(RoomRepository(*database).all());
    REQUIRE(rooms.size() == 4);
    int mats = 0;
    for (const Room& room : rooms) {
        mats += room.kind == QStringLiteral("mat") ? 1 : 0;
        CHECK((room.kind == QStringLiteral("mat") || room.kind == QStringLiteral("table")));
    }
    CHECK(mats == 1);

    const QList<Client> clients = require(ClientRepository(*database).all());
    CHECK(clients.size() >= 35);
    CHECK(clients.size() <= 50);
    const QRegularExpression demoPhone(QStringLiteral("^\\((780|587)\\) 555-01\\d\\d$"));
    QSet<QString> phones;
    QSet<QString> alertKinds;
    int withEmail = 0;
    int withBirthday = 0;
    QString allNames;
    for (const Client& client : clients) {
        INFO(client.fullName);
        CHECK(demoPhone.match(client.phone).hasMatch());
        phones.insert(client.phone);
        if (!client.email.isEmpty()) {
            ++withEmail;
            CHECK((client.email.endsWith(QStringLiteral("@example.com")) ||
                   client.email.endsWith(QStringLiteral("@example.org"))));
        }
        withBirthday += client.dateOfBirth.isValid() ? 1 : 0;
        for (const HealthAlert& alert : client.healthAlerts) {
            alertKinds.insert(healthAlertKey(alert.kind));
            CHECK_FALSE(alert.detail.isEmpty());
        }
        allNames += client.fullName + u'\n';
    }
    CHECK(phones.size() == clients.size());
    CHECK(withEmail > 0);
    CHECK(withEmail < clients.size());
    CHECK(withBirthday > 0);
    CHECK(withBirthday < clients.size());
    for (const HealthAlertKind kind : {HealthAlertKind::Pregnancy, HealthAlertKind::Allergy,
                                       HealthAlertKind::Condition, HealthAlertKind::AvoidArea}) {
        CHECK(alertKinds.contains(healthAlertKey(kind)));
    }
    for (const QString& part : {QStringLiteral("José"), QStringLiteral("Zoë"),
                                QStringLiteral("Nguyễn"), QStringLiteral("O'Brien")}) {
        INFO(part);
        CHECK(allNames.contains(part));
    }
}

TEST_CASE("Every demo massage type can be given by a therapist whose facts support it", "[demo]")
{
    // What each therapist is certified in or specializes in, as the clinic's page says it
    // (the facts the demo is built from), typed here rather than taken from the demo's code.
    const QHash<QString, QStringList> facts{
        {QStringLiteral("Darlene N"), {}},
        {QStringLiteral("Kathy O"), {QStringLiteral("traditional thai")}},
        {QStringLiteral("Mary Angelie M"),
         {QStringLiteral("hot stone"), QStringLiteral("myofascial cupping"),
          QStringLiteral("traditional thai"), QStringLiteral("swedish relaxation"),
          QStringLiteral("deep tissue"), QStringLiteral("therapeutic")}},
        {QStringLiteral("Maricel C"), {}},
        {QStringLiteral("Meriam P"),
         {QStringLiteral("deep tissue"), QStringLiteral("lymphatic drainage"),
          QStringLiteral("myofascial release")}},
        {QStringLiteral("Ana Maria V"),
         {QStringLiteral("swedish relaxation"), QStringLiteral("deep tissue"),
          QStringLiteral("prenatal"), QStringLiteral("reflexology"), QStringLiteral("hot stone"),
          QStringLiteral("cupping")}},
        {QStringLiteral("Marsilyn B"), {}},
        {QStringLiteral("Eden L"),
         {QStringLiteral("swedish relaxation"), QStringLiteral("deep tissue"),
          QStringLiteral("prenatal"), QStringLiteral("cupping"), QStringLiteral("foot reflexology"),
          QStringLiteral("lymphatic massage"), QStringLiteral("thai oil on the mat"),
          QStringLiteral("thai oil on the table")}},
        {QStringLiteral("Micah R"), {}},
    };
    // A type is supported when a technique of the facts is its name, or its name without a
    // word the facts leave out ("Myofascial cupping" for "cupping").
    const auto supports = [](const QStringList& techniques, const QString& typeName) {
        const QString name = typeName.toLower();
        for (const QString& technique : techniques) {
            if (name == technique || name.endsWith(u' ' + technique) ||
                technique.endsWith(u' ' + name)) {
                return true;
            }
        }
        return false;
    };

    auto database = masahista::test::memoryDatabase();
    const FixedClock clock(edmontonInstant(QDate(2026, 11, 25), 9));
    requireLoaded(*database, QDate(2026, 11, 25), clock);
    const QList<Therapist> therapists = require(TherapistRepository(*database).all());
    const QHash<Id, QList<WeeklyInterval>> hours =
        require(ScheduleRepository(*database).allWeeklyHours());
    QSet<QString> roomKinds;
    for (const Room& room : require(RoomRepository(*database).all())) {
        if (room.active) {
            roomKinds.insert(room.kind);
        }
    }
    REQUIRE(therapists.size() == facts.size());

    const QList<MassageType> types = require(MassageTypeRepository(*database).all());
    REQUIRE_FALSE(types.isEmpty());
    for (const MassageType& type : types) {
        INFO(type.name);
        CHECK(roomKinds.contains(type.roomKind));
        QStringList able;
        for (const Therapist& therapist : therapists) {
            REQUIRE(facts.contains(therapist.displayName));
            const bool certified =
                std::any_of(therapist.certifications.cbegin(), therapist.certifications.cend(),
                            [&](const Certification& c) {
                                return c.modalityId == type.requiredModalityId &&
                                       c.isValidOn(QDate(2026, 11, 25));
                            });
            if (therapist.active && certified && !hours.value(therapist.id).isEmpty() &&
                supports(facts.value(therapist.displayName), type.name)) {
                able.append(therapist.displayName);
            }
        }
        INFO("able: " << able.join(QStringLiteral(", ")));
        CHECK_FALSE(able.isEmpty());
    }
}

TEST_CASE("Every demo appointment obeys the booking rules", "[demo]")
{
    const QDate today(2026, 5, 13);
    const FixedClock clock(edmontonInstant(today, 13));
    auto database = test::memoryDatabase();
    requireLoaded(*database, today, clock);

    const CheckedDemo summary = requireValidDemo(*database, today, clock.nowUtc());
    requireLivelyFortnight(summary, today);
    CHECK(summary.appointments == require(AppointmentRepository(*database).count()));
}

TEST_CASE("The demo clinic refuses a database that already holds a clinic", "[demo]")
{
    const QDate today(2026, 5, 13);
    const FixedClock clock(edmontonInstant(today, 9));

    SECTION("loading twice")
    {
        auto database = test::memoryDatabase();
        requireLoaded(*database, today, clock);
        const Counts before = countsOf(*database);

        const Result<masahista::DemoSummary> again =
            DemoClinic::load(*database, today.addDays(1), clock);
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().code == ErrorCode::Conflict);
        CHECK_FALSE(again.error().message.isEmpty());
        CHECK(countsOf(*database) == before);
    }

    SECTION("a database with one client")
    {
        auto database = test::memoryDatabase();
        Client client;
        client.fullName = QStringLiteral("Existing Client");
        client.phone = QStringLiteral("780 555 0199");
        const Client checked = require(ClientService::validated(client));
        (void)require(ClientRepository(*database).add(checked, clock.nowUtc()));
        const Counts before = countsOf(*database);

        const Result<masahista::DemoSummary> refused = DemoClinic::load(*database, today, clock);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::Conflict);
        const Counts after = countsOf(*database);
        CHECK(after == before);
        CHECK(after.therapists == 0);
        CHECK(after.clinicName.isEmpty());
    }
}

TEST_CASE("Demo appointments stay valid across daylight saving changes", "[demo]")
{
    // 2026-03-08: clocks spring forward; 2026-11-01: they fall back. Both are Sundays, so the
    // fortnight covers weekend hours and the day of the change itself.
    const QDate today = GENERATE(QDate(2026, 3, 8), QDate(2026, 11, 1));
    INFO("today " << today.toString(Qt::ISODate));
    const FixedClock clock(edmontonInstant(today, 12));
    auto database = test::memoryDatabase();
    requireLoaded(*database, today, clock);

    const CheckedDemo summary = requireValidDemo(*database, today, clock.nowUtc());
    requireLivelyFortnight(summary, today);

    // The UTC offset differs before and after the change, yet every start reads as a grid time.
    QSet<int> offsets;
    for (const Appointment& appointment : demoAppointments(*database, today)) {
        const QDateTime local = appointment.startUtc.toTimeZone(edmonton());
        offsets.insert(local.offsetFromUtc());
        CHECK(local.time().minute() % 15 == 0);
    }
    CHECK(offsets.size() == 2);
}

TEST_CASE("The same day gives the same demo", "[demo]")
{
    const QDate today(2026, 5, 13);
    const FixedClock clock(edmontonInstant(today, 13));
    auto first = test::memoryDatabase();
    auto second = test::memoryDatabase();
    requireLoaded(*first, today, clock);
    requireLoaded(*second, today, clock);

    const std::vector<Placement> firstPlacements = placements(*first, today);
    CHECK_FALSE(firstPlacements.empty());
    CHECK(firstPlacements == placements(*second, today));
}

TEST_CASE("The demo clinic is saved to a database file", "[demo]")
{
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString path = QDir(folder.path()).filePath(QStringLiteral("demo.masahista"));
    const QDate today(2026, 1, 20);
    const FixedClock clock(edmontonInstant(today, 8));

    Counts loaded;
    {
        auto database = test::fileDatabase(path);
        requireLoaded(*database, today, clock);
        loaded = countsOf(*database);
    }
    CHECK(loaded.therapists == 9);
    CHECK(loaded.rooms == 4);
    CHECK(loaded.appointments > 0);

    auto reopened = test::fileDatabase(path);
    CHECK(countsOf(*reopened) == loaded);
    const CheckedDemo summary = requireValidDemo(*reopened, today, clock.nowUtc());
    requireLivelyFortnight(summary, today);
}

TEST_CASE("The demo's summary tells what was loaded, around the clinic's today", "[demo]")
{
    auto database = masahista::test::memoryDatabase();
    // 04:30 UTC on 26 November is still the evening of the 25th in Edmonton.
    const FixedClock clock(QDateTime(QDate(2026, 11, 26), QTime(4, 30), QTimeZone::utc()));
    const masahista::DemoSummary summary = require(DemoClinic::load(*database, clock));
    CHECK(summary.firstDay == QDate(2026, 11, 18));
    CHECK(summary.lastDay == QDate(2026, 12, 2));
    const Counts counts = countsOf(*database);
    CHECK(summary.therapists == counts.therapists);
    CHECK(summary.massageTypes == counts.types);
    CHECK(summary.rooms == counts.rooms);
    CHECK(summary.clients == counts.clients);
    CHECK(summary.appointments == counts.appointments);
}

TEST_CASE("The demo clinic is marked as made up in the file, and saving settings keeps it",
          "[demo]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
    {
        auto database = masahista::test::fileDatabase(path);
        CHECK_FALSE(require(SettingsRepository(*database).load()).madeUp);
        const FixedClock clock(edmontonInstant(QDate(2026, 11, 25), 9));
        requireLoaded(*database, QDate(2026, 11, 25), clock);
        ClinicSettings settings = require(SettingsRepository(*database).load());
        CHECK(settings.madeUp);
        // The owner renames the demo: still made up.
        settings.name = QStringLiteral("Renamed");
        settings.madeUp = false;
        REQUIRE(SettingsRepository(*database).save(settings).ok());
    }
    // Read again from the file by a new connection.
    auto reopened = masahista::test::fileDatabase(path);
    const ClinicSettings again = require(SettingsRepository(*reopened).load());
    CHECK(again.name == u"Renamed");
    CHECK(again.madeUp);
}

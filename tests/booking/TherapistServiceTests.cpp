#include "BookingFixture.h"
#include "booking/catalogue/TherapistService.h"
#include "data/MassageTypeRepository.h"
#include "data/TherapistRepository.h"
#include "support/TestSupport.h"

#include <catch2/catch.hpp>

#include <functional>

using namespace masahista;
using masahista::test::BookingFixture;

namespace {

struct TherapistClinic : BookingFixture
{
    TherapistService therapists{*database, clock};

    Id modality(const QString& name)
    {
        for (const Modality& each : TherapistRepository(*database).modalities().value()) {
            if (each.name == name) {
                return each.id;
            }
        }
        FAIL("no modality " << name);
        return 0;
    }

    Therapist stored(Id id)
    {
        Result<Therapist> therapist = TherapistRepository(*database).byId(id);
        REQUIRE(therapist.ok());
        return *therapist;
    }

    // A new therapist with something in every field and list, valid as it is.
    Therapist complete()
    {
        Therapist therapist;
        therapist.displayName = QStringLiteral("  Dana   K ");
        therapist.title = QStringLiteral(" Registered Massage Therapist ");
        therapist.teamRole = QStringLiteral("Team Leader");
        therapist.bio = QStringLiteral("\nTrained in Chiang Mai.\nLoves hot stone.\n");
        therapist.photo = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(100, 'x');
        therapist.calendarColor = QStringLiteral("#A1B2C3");
        therapist.sortOrder = 4;
        therapist.credentials = {
            {0, QStringLiteral(" NHPC "), QStringLiteral("NHPC-77"), QDate(2024, 1, 1),
             QDate(2024, 1, 1), true},
            {0, QStringLiteral("MTAA"), QStringLiteral("A-9"), QDate(), QDate(), false}};
        therapist.education = {{0, QStringLiteral("Makami College"),
                                QStringLiteral("Massage Therapy Diploma"), 0, QDate()}};
        therapist.certifications = {
            {0, modality(QStringLiteral("Swedish")), {}, QDate(2020, 1, 1), QDate(2020, 1, 1)},
            {0, modality(QStringLiteral("Hot stone")), {}, QDate(), QDate()}};
        return therapist;
    }

    // Everything stored about every therapist, to show that a refusal wrote nothing.
    QString snapshot()
    {
        QStringList lines;
        for (const Therapist& t : TherapistRepository(*database).all().value()) {
            lines.append(QStringList{QString::number(t.id), t.displayName, t.title, t.teamRole,
                                     t.bio, QString::fromLatin1(t.photo.toHex()), t.calendarColor,
                                     QString::number(t.active), QString::number(t.sortOrder)}
                             .join(u'|'));
            for (const Credential& c : t.credentials) {
                lines.append(QStringList{
                    c.issuingBody, c.registrationNumber, c.validFrom.toString(Qt::ISODate),
                    c.validTo.toString(Qt::ISODate), QString::number(c.printedOnReceipts)}
                                 .join(u'|'));
            }
            for (const Education& e : t.education) {
                lines.append(QStringList{e.school, e.programme, QString::number(e.programmeHours),
                                         e.completedOn.toString(Qt::ISODate)}
                                 .join(u'|'));
            }
            for (const Certification& c : t.certifications) {
                lines.append(QStringList{QString::number(c.modalityId),
                                         c.certifiedOn.toString(Qt::ISODate),
                                         c.expiresOn.toString(Qt::ISODate)}
                                 .join(u'|'));
            }
        }
        return lines.join(u'\n');
    }
};

QStringList fieldsOf(const FieldProblems& problems)
{
    QStringList fields;
    for (const FieldProblem& problem : problems) {
        fields.append(problem.field);
    }
    return fields;
}

struct BadInput
{
    const char* what;
    std::function<void(Therapist&)> spoil;
    QString field;
    QString message;
};

} // namespace

TEST_CASE("A complete therapist is saved whole, trimmed, and changed whole",
          "[booking][therapists]")
{
    TherapistClinic clinic;
    const Therapist entered = clinic.complete();
    Result<FieldProblems> problems = clinic.therapists.validate(entered);
    REQUIRE(problems.ok());
    CHECK(problems->isEmpty());

    Result<Id> id = clinic.therapists.save(entered, clinic.actor);
    INFO((id ? QString() : id.error().message));
    REQUIRE(id.ok());
    Therapist stored = clinic.stored(*id);
    CHECK(stored.displayName == u"Dana K");
    CHECK(stored.title == u"Registered Massage Therapist");
    CHECK(stored.teamRole == u"Team Leader");
    CHECK(stored.bio == u"Trained in Chiang Mai.\nLoves hot stone.");
    CHECK(stored.photo == entered.photo);
    CHECK(stored.calendarColor == u"#a1b2c3");
    CHECK(stored.sortOrder == 4);
    CHECK(stored.active);
    REQUIRE(stored.credentials.size() == 2);
    CHECK(stored.credentials.at(0).issuingBody == u"NHPC");
    CHECK(stored.credentials.at(0).validTo == QDate(2024, 1, 1));
    CHECK_FALSE(stored.credentials.at(1).printedOnReceipts);
    REQUIRE(stored.education.size() == 1);
    CHECK(stored.education.at(0).programmeHours == 0);
    REQUIRE(stored.certifications.size() == 2);

    // Changing replaces the lists: what the editor removed is gone.
    stored.displayName = QStringLiteral("Dana Kim");
    stored.credentials.removeFirst();
    stored.education.clear();
    stored.certifications.removeLast();
    Result<Id> again = clinic.therapists.save(stored, clinic.actor);
    REQUIRE(again.ok());
    CHECK(*again == *id);
    const Therapist changed = clinic.stored(*id);
    CHECK(changed.displayName == u"Dana Kim");
    REQUIRE(changed.credentials.size() == 1);
    CHECK(changed.credentials.at(0).issuingBody == u"MTAA");
    CHECK(changed.education.isEmpty());
    REQUIRE(changed.certifications.size() == 1);

    // A therapist stored without a colour (the fixture's) gets the default one; keeping one's
    // own name is no clash.
    Therapist ana = clinic.stored(clinic.ana);
    ana.bio = QStringLiteral("Ana's bio");
    REQUIRE(clinic.therapists.save(ana, clinic.actor).ok());
    CHECK(clinic.stored(clinic.ana).bio == u"Ana's bio");
    CHECK(clinic.stored(clinic.ana).calendarColor == u"#5b8def");
}

TEST_CASE("Each therapist field rule names its field, and a refused save writes nothing",
          "[booking][therapists]")
{
    TherapistClinic clinic;
    const Id swedish = clinic.modality(QStringLiteral("Swedish"));
    const QList<BadInput> inputs{
        {"an empty name", [](Therapist& t) { t.displayName = QStringLiteral("   "); },
         QStringLiteral("name"), QStringLiteral("Enter the therapist's name.")},
        {"a long name", [](Therapist& t) { t.displayName = QString(101, u'n'); },
         QStringLiteral("name"), QStringLiteral("The name is too long (at most 100 characters).")},
        {"a name taken, in other case",
         [](Therapist& t) { t.displayName = QStringLiteral("CARA"); }, QStringLiteral("name"),
         QStringLiteral("Another therapist is already called Cara; add an initial to tell them "
                        "apart.")},
        {"a name taken by a retired therapist, with an accent",
         [](Therapist& t) { t.displayName = QStringLiteral("Bén"); }, QStringLiteral("name"),
         QStringLiteral("Another therapist is already called Ben; add an initial to tell them "
                        "apart.")},
        {"a long title", [](Therapist& t) { t.title = QString(101, u't'); },
         QStringLiteral("title"),
         QStringLiteral("The title is too long (at most 100 characters).")},
        {"a long team role", [](Therapist& t) { t.teamRole = QString(101, u'r'); },
         QStringLiteral("teamRole"),
         QStringLiteral("The team role is too long (at most 100 characters).")},
        {"a colour name", [](Therapist& t) { t.calendarColor = QStringLiteral("blue"); },
         QStringLiteral("calendarColor"),
         QStringLiteral("blue is not a colour: use #rrggbb, like #5b8def.")},
        {"a short colour", [](Therapist& t) { t.calendarColor = QStringLiteral("#12345"); },
         QStringLiteral("calendarColor"),
         QStringLiteral("#12345 is not a colour: use #rrggbb, like #5b8def.")},
        {"a huge photo",
         [](Therapist& t) { t.photo = QByteArray(TherapistService::maxPhotoBytes + 1, 'p'); },
         QStringLiteral("photo"),
         QStringLiteral("The photo is too large (4097 KB; at most 4096 KB).")},
        {"a credential without issuer", [](Therapist& t) { t.credentials[1].issuingBody.clear(); },
         QStringLiteral("credentials[1].issuingBody"),
         QStringLiteral("Credential 2: enter the body that issued it.")},
        {"a credential without number",
         [](Therapist& t) { t.credentials[0].registrationNumber = QStringLiteral("  "); },
         QStringLiteral("credentials[0].registrationNumber"),
         QStringLiteral("Credential 1: enter the registration number.")},
        {"a credential ending before it starts",
         [](Therapist& t) { t.credentials[0].validTo = QDate(2023, 12, 31); },
         QStringLiteral("credentials[0].validTo"),
         QStringLiteral("Credential 1: it ends (2023-12-31) before it starts (2024-01-01).")},
        {"education without school", [](Therapist& t) { t.education[0].school.clear(); },
         QStringLiteral("education[0].school"), QStringLiteral("Education 1: enter the school.")},
        {"negative programme hours", [](Therapist& t) { t.education[0].programmeHours = -1; },
         QStringLiteral("education[0].programmeHours"),
         QStringLiteral("Education 1: programme hours cannot be negative.")},
        {"absurd programme hours", [](Therapist& t) { t.education[0].programmeHours = 20001; },
         QStringLiteral("education[0].programmeHours"),
         QStringLiteral("Education 1: 20001 programme hours is more than 20000; check the "
                        "number.")},
        {"a certification without modality",
         [](Therapist& t) { t.certifications[1].modalityId = 0; },
         QStringLiteral("certifications[1].modality"),
         QStringLiteral("Certification 2: choose the modality.")},
        {"an unknown modality", [](Therapist& t) { t.certifications[0].modalityId = 9999; },
         QStringLiteral("certifications[0].modality"),
         QStringLiteral("Certification 1: there is no modality with id 9999.")},
        {"a modality twice", [swedish](Therapist& t) { t.certifications[1].modalityId = swedish; },
         QStringLiteral("certifications[1].modality"),
         QStringLiteral("Certification 2: this modality is already listed above.")},
        {"a certification expiring before it was obtained",
         [](Therapist& t) { t.certifications[0].expiresOn = QDate(2019, 12, 31); },
         QStringLiteral("certifications[0].expiresOn"),
         QStringLiteral("Certification 1: it expires (2019-12-31) before it was obtained "
                        "(2020-01-01).")},
    };

    const QString before = clinic.snapshot();
    for (const bool existing : {false, true}) {
        for (const BadInput& input : inputs) {
            DYNAMIC_SECTION((existing ? "changing Ana: " : "adding: ") << input.what)
            {
                Therapist therapist = clinic.complete();
                if (existing) {
                    therapist.id = clinic.ana;
                    therapist.displayName = QStringLiteral("Ana");
                }
                input.spoil(therapist);
                Result<FieldProblems> problems = clinic.therapists.validate(therapist);
                REQUIRE(problems.ok());
                CHECK(fieldsOf(*problems) == QStringList{input.field});
                CHECK(problemOf(*problems, input.field) == input.message);

                const Result<Id> saved = clinic.therapists.save(therapist, clinic.actor);
                REQUIRE_FALSE(saved.ok());
                CHECK(saved.error().message == input.message);
                CHECK(saved.error().code == (input.message.startsWith(u"Another therapist")
                                                 ? ErrorCode::Conflict
                                                 : ErrorCode::Invalid));
                CHECK(clinic.snapshot() == before);
            }
        }
    }
}

TEST_CASE("Several problems are all reported, the first one refuses the save",
          "[booking][therapists]")
{
    TherapistClinic clinic;
    Therapist therapist = clinic.complete();
    therapist.displayName.clear();
    therapist.credentials[0].issuingBody.clear();
    therapist.certifications[0].expiresOn = QDate(2000, 1, 1);
    const FieldProblems problems = TherapistService::problemsIn(therapist, {}, {});
    CHECK(fieldsOf(problems) == QStringList{QStringLiteral("name"),
                                            QStringLiteral("credentials[0].issuingBody"),
                                            QStringLiteral("certifications[0].expiresOn")});
    const Result<Id> saved = clinic.therapists.save(therapist, clinic.actor);
    REQUIRE_FALSE(saved.ok());
    CHECK(saved.error().message == u"Enter the therapist's name.");
}

TEST_CASE("A save that fails half-way leaves the therapist as it was", "[booking][therapists]")
{
    TherapistClinic clinic;
    // A fault in the last list written, after the therapist's own row has been changed.
    REQUIRE(clinic.database
                ->execute(QStringLiteral(
                    "CREATE TRIGGER test_refuse_school BEFORE INSERT ON therapist_education "
                    "WHEN NEW.school = 'Refused School' BEGIN SELECT RAISE(ABORT, 'refused'); "
                    "END"))
                .ok());
    const QString before = clinic.snapshot();

    Therapist ana = clinic.stored(clinic.ana);
    ana.displayName = QStringLiteral("Ana Renamed");
    ana.credentials = {{0, QStringLiteral("NHPC"), QStringLiteral("1"), {}, {}, true}};
    ana.education = {{0, QStringLiteral("Refused School"), {}, 0, {}}};
    REQUIRE_FALSE(clinic.therapists.save(ana, clinic.actor).ok());
    CHECK(clinic.snapshot() == before);

    Therapist newcomer = clinic.complete();
    newcomer.education = ana.education;
    REQUIRE_FALSE(clinic.therapists.save(newcomer, clinic.actor).ok());
    CHECK(clinic.snapshot() == before);
    CHECK(clinic.database->transactionDepth() == 0);
}

TEST_CASE("Retiring a therapist with appointments ahead is refused with the list",
          "[booking][therapists]")
{
    TherapistClinic clinic;
    // Booked yesterday for yesterday; done, so it does not stand in the way.
    clinic.clock.set(clinic.at(clinic.today.addDays(-1), 8));
    clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(clinic.today.addDays(-1), 10)));
    clinic.clock.set(clinic.at(clinic.today, 9));
    const Appointment friday = clinic.booked(clinic.request(
        clinic.ana, clinic.hotStone, 60, clinic.at(clinic.today.addDays(2), 13), clinic.yan));
    const Appointment thursday = clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(clinic.today.addDays(1), 10)));
    const Appointment cancelled = clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 30, clinic.at(clinic.today.addDays(3), 10)));
    REQUIRE(clinic.service.cancel(cancelled.id, QStringLiteral("Moved away"), clinic.actor).ok());

    Result<FutureBookings> coming = clinic.therapists.futureAppointments(clinic.ana);
    REQUIRE(coming.ok());
    REQUIRE(coming->size() == 2);
    const CalendarEntry& first = coming->entries().at(0);
    CHECK(first.appointment.id == thursday.id);
    CHECK(coming->localStart(first) == QDateTime(QDate(2026, 11, 26), QTime(10, 0), clinic.zone));
    CHECK(first.clientName == u"Zoe");
    CHECK(first.serviceName == u"Swedish");
    CHECK(coming->entries().at(1).appointment.id == friday.id);

    const QString before = clinic.snapshot();
    const Status retired = clinic.therapists.retire(clinic.ana, clinic.actor);
    REQUIRE_FALSE(retired.ok());
    CHECK(retired.error().code == ErrorCode::Conflict);
    CHECK(retired.error().message ==
          u"Ana still has 2 booked appointments; move them to another therapist or cancel "
          u"them first:\n" +
              coming->line(first) + u'\n' + coming->line(coming->entries().at(1)));
    CHECK(coming->line(first).startsWith(u"2026-11-26 10:00, Zoe with Ana (Swedish"));
    CHECK(clinic.snapshot() == before);

    // Unticking "active" in the editor is retiring too.
    Therapist inactive = clinic.stored(clinic.ana);
    inactive.active = false;
    const Result<Id> saved = clinic.therapists.save(inactive, clinic.actor);
    REQUIRE_FALSE(saved.ok());
    CHECK(saved.error().message == retired.error().message);
    CHECK(clinic.snapshot() == before);

    // Once they are moved to Cara, Ana can go; her history stays, and she is bookable no more.
    for (const Appointment& appointment : {thursday, friday}) {
        ChangeRequest change;
        change.appointmentId = appointment.id;
        change.therapistId = clinic.cara;
        if (appointment.massageTypeId == clinic.hotStone) {
            // Cara does no hot stone: the client takes Swedish with her instead.
            change.massageTypeId = clinic.swedish;
        }
        Result<Appointment> moved = clinic.service.change(change, clinic.actor);
        INFO((moved ? QString() : moved.error().message));
        REQUIRE(moved.ok());
    }
    REQUIRE(clinic.therapists.futureAppointments(clinic.ana)->isEmpty());
    REQUIRE(clinic.therapists.retire(clinic.ana, clinic.actor).ok());
    CHECK_FALSE(clinic.stored(clinic.ana).active);
    CHECK(clinic.stored(clinic.ana).certifications.size() == 2);
    CHECK(clinic
              .refused(clinic.request(clinic.ana, clinic.swedish, 60,
                                      clinic.at(clinic.today.addDays(1), 15)))
              .contains(u"no longer active"));
    // Twice is harmless.
    CHECK(clinic.therapists.retire(clinic.ana, clinic.actor).ok());

    REQUIRE(clinic.therapists.reactivate(clinic.ana, clinic.actor).ok());
    CHECK(clinic.stored(clinic.ana).active);
    clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(clinic.today.addDays(1), 15)));

    CHECK(clinic.therapists.retire(9999, clinic.actor).error().code == ErrorCode::NotFound);
}

TEST_CASE("A refusal to retire names the first ten appointments and counts the rest",
          "[booking][therapists]")
{
    TherapistClinic clinic;
    for (int day = 1; day <= 12; ++day) {
        clinic.booked(clinic.request(clinic.cara, clinic.swedish, 60,
                                     clinic.at(clinic.today.addDays(day), 10)));
    }
    const Status retired = clinic.therapists.retire(clinic.cara, clinic.actor);
    REQUIRE_FALSE(retired.ok());
    const QStringList lines = retired.error().message.split(u'\n');
    REQUIRE(lines.size() == 12);
    CHECK(lines.at(0).startsWith(u"Cara still has 12 booked appointments;"));
    CHECK(lines.at(1) == u"2026-11-26 10:00, Zoe with Cara (Swedish, Table A)");
    CHECK(lines.at(10) == u"2026-12-05 10:00, Zoe with Cara (Swedish, Table A)");
    CHECK(lines.at(11) == u"and 2 more");
}

TEST_CASE("Certifications expiring within 60 days are picked out", "[booking][therapists]")
{
    TherapistClinic clinic;
    const QDate today = clinic.today;
    const auto certification = [](Id modality, QDate expires) {
        return Certification{0, modality, {}, QDate(2020, 1, 1), expires};
    };
    Therapist therapist;
    therapist.certifications = {certification(1, today.addDays(61)),
                                certification(2, today.addDays(60)),
                                certification(3, today),
                                certification(4, today.addDays(-1)),
                                certification(5, QDate()),
                                certification(6, today.addDays(12))};
    QList<Id> modalities;
    for (const Certification& each : TherapistService::expiringCertifications(therapist, today)) {
        modalities.append(each.modalityId);
    }
    CHECK(modalities == QList<Id>{3, 6, 2});
    CHECK(TherapistService::expiringCertifications(therapist, today, 5).size() == 1);

    // Ana's hot stone runs out on 2026-12-31, 36 days after the fixture's today.
    const Therapist ana = clinic.stored(clinic.ana);
    REQUIRE(TherapistService::expiringCertifications(ana, today).size() == 1);
    CHECK(TherapistService::expiringCertifications(ana, today).constFirst().modalityName ==
          u"Hot stone");
    CHECK(TherapistService::expiringCertifications(ana, today, 35).isEmpty());
}

TEST_CASE("The bookable massage types follow the certifications on the day",
          "[booking][therapists]")
{
    TherapistClinic clinic;
    MassageType anyone;
    anyone.id = 77;
    anyone.name = QStringLiteral("Chair massage");
    QList<MassageType> types = MassageTypeRepository(*clinic.database).all().value();
    types.append(anyone);
    const auto names = [&types](const Therapist& therapist, QDate day) {
        QStringList bookable;
        for (const MassageType& type : TherapistService::bookableTypes(therapist, types, day)) {
            bookable.append(type.name);
        }
        bookable.sort();
        return bookable;
    };
    const Therapist ana = clinic.stored(clinic.ana);
    // The expiry date itself is the last day; the retired type is never offered.
    CHECK(names(ana, QDate(2026, 12, 31)) == QStringList{QStringLiteral("Chair massage"),
                                                         QStringLiteral("Hot stone"),
                                                         QStringLiteral("Swedish")});
    CHECK(names(ana, QDate(2027, 1, 1)) ==
          QStringList{QStringLiteral("Chair massage"), QStringLiteral("Swedish")});
    // Before Ana's hot stone course, only what needs no modality and Swedish.
    CHECK(names(ana, QDate(2020, 6, 1)) ==
          QStringList{QStringLiteral("Chair massage"), QStringLiteral("Swedish")});
    CHECK(names(clinic.stored(clinic.cara), clinic.today) ==
          QStringList{QStringLiteral("Chair massage"), QStringLiteral("Swedish"),
                      QStringLiteral("Thai on the mat")});
    CHECK(names(Therapist{}, clinic.today) == QStringList{QStringLiteral("Chair massage")});
}

#include "DemoClinic.h"

#include "ClientService.h"
#include "ClinicTime.h"
#include "data/AppointmentRepository.h"
#include "data/ClientRepository.h"
#include "data/Database.h"
#include "data/MassageTypeRepository.h"
#include "data/RoomRepository.h"
#include "data/ScheduleRepository.h"
#include "data/SettingsRepository.h"
#include "data/TherapistRepository.h"
#include "data/WriteTransaction.h"
#include "domain/Appointment.h"
#include "domain/Client.h"
#include "domain/ClinicSettings.h"
#include "domain/MassageType.h"
#include "domain/Room.h"
#include "domain/Therapist.h"
#include "domain/WorkingHours.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

namespace masahista {

namespace {

constexpr int gridMinutes = 15;
constexpr int daysEachSide = 7;

constexpr int at(int hour, int minute)
{
    return hour * 60 + minute;
}

QString text(const char16_t* literal)
{
    return QString::fromUtf16(literal);
}

// ---------------------------------------------------------------------------------------------
// The clinic

ClinicSettings demoSettings()
{
    ClinicSettings settings;
    settings.name = QStringLiteral("Masahista Healing Hands");
    // Suite 000 and the "0A0" postal code are made up so the demo never points at a real door.
    settings.address = QStringLiteral("Suite 000, 17999 Stony Plain Road NW, Edmonton, AB T5S 0A0");
    settings.phone = QStringLiteral("(780) 555-0100");
    settings.timeZoneId = QStringLiteral("America/Edmonton");
    settings.bookingStepMinutes = gridMinutes;
    settings.lateCancelHours = 24;
    for (int weekday = 1; weekday <= 5; ++weekday) {
        settings.openingHours.append({weekday, at(9, 0), at(21, 0)});
    }
    settings.openingHours.append({6, at(9, 0), at(17, 0)});
    settings.openingHours.append({7, at(10, 0), at(16, 0)});
    return settings;
}

// ---------------------------------------------------------------------------------------------
// Therapists: names, titles, roles, schools, hours of training and techniques are the clinic's
// own facts; bios are written for the demo; registrations, dates and shifts are made up.

enum class Shift
{
    Off,
    Early,
    Middle,
    Late,
    SaturdayEarly,
    SaturdayLate,
    Sunday
};

// Massage is hard on the hands, so a therapist's day is about six hours with a half-hour break.
// The shifts are staggered so that no more therapists are on than the rooms can take, and every
// one sits inside the opening hours of the days it is used on.
QList<WeeklyInterval> shiftIntervals(int weekday, Shift shift)
{
    switch (shift) {
    case Shift::Off:
        return {};
    case Shift::Early:
        return {{weekday, at(9, 0), at(12, 0)}, {weekday, at(12, 30), at(15, 0)}};
    case Shift::Middle:
        return {{weekday, at(12, 0), at(15, 0)}, {weekday, at(15, 30), at(18, 30)}};
    case Shift::Late:
        return {{weekday, at(15, 0), at(18, 0)}, {weekday, at(18, 30), at(21, 0)}};
    case Shift::SaturdayEarly:
        return {{weekday, at(9, 0), at(12, 0)}, {weekday, at(12, 30), at(15, 0)}};
    case Shift::SaturdayLate:
        return {{weekday, at(12, 0), at(14, 30)}, {weekday, at(15, 0), at(17, 0)}};
    case Shift::Sunday:
        return {{weekday, at(10, 0), at(13, 0)}, {weekday, at(13, 30), at(16, 0)}};
    }
    return {};
}

struct DemoTherapist
{
    Therapist therapist;
    std::array<Shift, 7> week{}; // Monday first

    QList<WeeklyInterval> weeklyHours() const
    {
        QList<WeeklyInterval> hours;
        for (std::size_t day = 0; day < week.size(); ++day) {
            hours.append(shiftIntervals(static_cast<int>(day) + 1, week[day]));
        }
        return hours;
    }
};

DemoTherapist member(const char16_t* name, const char16_t* teamRole, const char16_t* color,
                     const char16_t* bio, std::array<Shift, 7> week)
{
    DemoTherapist demo;
    demo.therapist.displayName = text(name);
    demo.therapist.title = QStringLiteral("Registered Massage Therapist");
    demo.therapist.teamRole = text(teamRole);
    demo.therapist.calendarColor = text(color);
    demo.therapist.bio = text(bio);
    demo.week = week;
    return demo;
}

// The registration numbers say DEMO so nobody mistakes a printed demo receipt for a real one.
Credential registration(const char16_t* body, const char16_t* number, QDate validFrom)
{
    Credential credential;
    credential.issuingBody = text(body);
    credential.registrationNumber = text(number);
    credential.validFrom = validFrom;
    credential.printedOnReceipts = true;
    return credential;
}

Credential mtaa(const char16_t* number, QDate validFrom)
{
    return registration(u"Massage Therapist Association of Alberta", number, validFrom);
}

Credential rmta(const char16_t* number, QDate validFrom)
{
    return registration(u"Remedial Massage Therapists Association", number, validFrom);
}

Education school(const char16_t* name, const char16_t* programme, int hours, QDate completedOn)
{
    Education education;
    education.school = text(name);
    education.programme = text(programme);
    education.programmeHours = hours;
    education.completedOn = completedOn;
    return education;
}

// The modality is named here and resolved to its id once the database's list is known.
Certification certified(const char16_t* modality, QDate certifiedOn, QDate expiresOn = {})
{
    Certification certification;
    certification.modalityName = text(modality);
    certification.certifiedOn = certifiedOn;
    certification.expiresOn = expiresOn;
    return certification;
}

// Every RMT trains in Swedish and therapeutic massage, so the demo certifies all nine in both,
// dated from when their training plausibly ended, even where the clinic's page is silent.
void addRmtBasics(Therapist& therapist, QDate qualifiedOn)
{
    therapist.certifications.append(certified(u"Swedish", qualifiedOn));
    therapist.certifications.append(certified(u"Therapeutic", qualifiedOn));
}

QList<DemoTherapist> demoTherapists(QDate today)
{
    // Far enough ahead that the certifications that do expire stay valid all through the demo.
    const QDate renewalDue(today.year() + 2, 12, 31);
    const Shift off = Shift::Off;
    const Shift early = Shift::Early;
    const Shift middle = Shift::Middle;
    const Shift late = Shift::Late;
    const Shift satEarly = Shift::SaturdayEarly;
    const Shift satLate = Shift::SaturdayLate;
    const Shift sun = Shift::Sunday;

    QList<DemoTherapist> team;

    DemoTherapist darlene = member(
        u"Darlene N", u"", u"#5b8def",
        u"Darlene chose massage therapy because she saw a gap in health care: plenty of help when "
        u"something goes wrong, far less for keeping people well or following up afterwards. Her "
        u"training is CDI College's 2400-hour massage therapy programme, which she finished in "
        u"October 2021. She focuses on preventative and follow-up care and brings a steady wish "
        u"to make her clients' lives a little easier to every session.",
        {early, early, off, early, off, satEarly, off});
    darlene.therapist.education.append(
        school(u"CDI College", u"Massage therapist programme", 2400, QDate(2021, 10, 31)));
    darlene.therapist.credentials.append(mtaa(u"MTAA-DEMO-0101", QDate(2021, 12, 1)));
    addRmtBasics(darlene.therapist, QDate(2021, 10, 31));
    team.append(darlene);

    DemoTherapist kathy = member(
        u"Kathy O", u"", u"#e57373",
        u"Kathy is an Edmonton RMT with ten years of massage practice and a Bachelor of Fine Arts, "
        u"and a long career in dance and somatic education behind her. She qualified at the "
        u"Alberta College of Massage Therapy, has practised Traditional Thai massage since 2004 "
        u"and has taught and practised yoga therapy since 2008. Her sessions draw on her "
        u"teaching of qi gong, restorative yoga, body rolling and Pilates mat work.",
        {off, late, late, late, middle, off, sun});
    kathy.therapist.education.append(
        school(u"Alberta College of Massage Therapy", u"Massage therapy", 0, QDate()));
    kathy.therapist.credentials.append(mtaa(u"MTAA-DEMO-0102", QDate(2015, 7, 1)));
    kathy.therapist.certifications.append(certified(u"Traditional Thai", QDate(2004, 6, 30)));
    addRmtBasics(kathy.therapist, QDate(2015, 6, 30));
    team.append(kathy);

    DemoTherapist angelie = member(
        u"Mary Angelie M", u"Team Leader", u"#81c784",
        u"Angelie leads one of the clinic's teams and holds certifications in hot stone, "
        u"myofascial cupping, Traditional Thai, Swedish relaxation, deep tissue and therapeutic "
        u"massage. She took up massage techniques early and has kept adding to them ever since, "
        u"always with her clients' wellbeing in mind. She is convinced that regular massage "
        u"belongs in everyone's health routine.",
        {middle, middle, early, off, early, off, off});
    angelie.therapist.credentials.append(rmta(u"RMTA-DEMO-0103", QDate(2016, 7, 1)));
    addRmtBasics(angelie.therapist, QDate(2016, 5, 31));
    angelie.therapist.certifications.append(certified(u"Deep tissue", QDate(2016, 5, 31)));
    angelie.therapist.certifications.append(certified(u"Traditional Thai", QDate(2017, 11, 10)));
    angelie.therapist.certifications.append(
        certified(u"Hot stone", QDate(2018, 3, 15), renewalDue));
    angelie.therapist.certifications.append(certified(u"Cupping", QDate(2019, 9, 20)));
    team.append(angelie);

    DemoTherapist maricel = member(
        u"Maricel C", u"Team Leader", u"#ffb74d",
        u"Maricel is a Registered Massage Therapist and one of the clinic's two team leaders. She "
        u"trained in the 2200-hour massage therapy course at the Alberta College of Massage "
        u"Therapy (ACMT).",
        {late, off, early, middle, late, off, sun});
    maricel.therapist.education.append(
        school(u"Alberta College of Massage Therapy", u"Massage therapy course", 2200, QDate()));
    maricel.therapist.credentials.append(mtaa(u"MTAA-DEMO-0104", QDate(2017, 9, 1)));
    addRmtBasics(maricel.therapist, QDate(2017, 8, 31));
    team.append(maricel);

    DemoTherapist meriam = member(
        u"Meriam P", u"", u"#ba68c8",
        u"Meriam's work centres on recovery, whether from an injury, an operation or tension that "
        u"has built up over years. She uses deep tissue work, lymphatic drainage and myofascial "
        u"release, and shapes each session around where the client is in their healing. Her "
        u"manner is gentle and attentive, so clients feel at ease and in charge of their own "
        u"progress.",
        {early, late, off, early, middle, satEarly, off});
    meriam.therapist.credentials.append(mtaa(u"MTAA-DEMO-0105", QDate(2018, 7, 1)));
    addRmtBasics(meriam.therapist, QDate(2018, 6, 30));
    meriam.therapist.certifications.append(certified(u"Deep tissue", QDate(2018, 6, 30)));
    meriam.therapist.certifications.append(
        certified(u"Lymphatic drainage", QDate(2019, 4, 12), renewalDue));
    meriam.therapist.certifications.append(certified(u"Myofascial release", QDate(2020, 2, 21)));
    team.append(meriam);

    DemoTherapist ana = member(
        u"Ana Maria V", u"", u"#4db6ac",
        u"Ana completed 3000 hours of massage therapy training at Makami College. She is "
        u"certified in Swedish relaxation, deep tissue, prenatal, reflexology, hot stone and "
        u"cupping. Her rule is that a treatment need not hurt to help, so she aims for sessions "
        u"that are both soothing and therapeutic, and she enjoys meeting all kinds of clients.",
        {off, early, middle, late, off, satLate, off});
    ana.therapist.education.append(school(u"Makami College", u"Massage therapy", 3000, QDate()));
    ana.therapist.credentials.append(rmta(u"RMTA-DEMO-0106", QDate(2019, 9, 1)));
    addRmtBasics(ana.therapist, QDate(2019, 8, 31));
    ana.therapist.certifications.append(certified(u"Deep tissue", QDate(2019, 8, 31)));
    ana.therapist.certifications.append(certified(u"Prenatal", QDate(2020, 3, 14)));
    ana.therapist.certifications.append(certified(u"Reflexology", QDate(2020, 10, 3)));
    ana.therapist.certifications.append(certified(u"Hot stone", QDate(2021, 5, 22)));
    ana.therapist.certifications.append(certified(u"Cupping", QDate(2021, 9, 11), renewalDue));
    team.append(ana);

    DemoTherapist marsilyn = member(
        u"Marsilyn B", u"", u"#f06292",
        u"Marsilyn is a Registered Massage Therapist on the Healing Hands team. Her full profile "
        u"will be added here soon.",
        {middle, off, late, off, early, off, off});
    marsilyn.therapist.credentials.append(mtaa(u"MTAA-DEMO-0107", QDate(2022, 7, 1)));
    addRmtBasics(marsilyn.therapist, QDate(2022, 6, 30));
    team.append(marsilyn);

    DemoTherapist eden = member(
        u"Eden L", u"", u"#a1887f",
        u"Eden earned her diploma at Makami College after 3000 hours of training. She offers "
        u"Swedish relaxation, deep tissue, prenatal, cupping, foot reflexology and lymphatic "
        u"massage, and Thai oil massage both on the mat and on the table. She works with each "
        u"client towards the health goals they set.",
        {off, middle, off, middle, late, satLate, off});
    eden.therapist.education.append(
        school(u"Makami College", u"Massage therapy diploma", 3000, QDate()));
    eden.therapist.credentials.append(mtaa(u"MTAA-DEMO-0108", QDate(2020, 9, 1)));
    addRmtBasics(eden.therapist, QDate(2020, 8, 31));
    eden.therapist.certifications.append(certified(u"Deep tissue", QDate(2020, 8, 31)));
    eden.therapist.certifications.append(certified(u"Prenatal", QDate(2021, 2, 20)));
    eden.therapist.certifications.append(certified(u"Cupping", QDate(2021, 6, 12)));
    eden.therapist.certifications.append(certified(u"Reflexology", QDate(2021, 9, 18)));
    eden.therapist.certifications.append(certified(u"Lymphatic drainage", QDate(2022, 1, 29)));
    eden.therapist.certifications.append(certified(u"Thai oil on the mat", QDate(2022, 5, 14)));
    eden.therapist.certifications.append(certified(u"Thai oil on the table", QDate(2022, 5, 14)));
    team.append(eden);

    DemoTherapist micah = member(
        u"Micah R", u"", u"#7986cb",
        u"Micah came to massage therapy from physiotherapy, which she studied in the "
        u"Philippines. Her understanding of how the body moves shapes treatments that ease "
        u"tension and help clients move freely again. Outside the clinic she puts her family "
        u"first and holds that wellness starts at home.",
        {late, off, middle, off, off, off, sun});
    micah.therapist.credentials.append(rmta(u"RMTA-DEMO-0109", QDate(2023, 2, 1)));
    addRmtBasics(micah.therapist, QDate(2023, 1, 31));
    team.append(micah);

    for (qsizetype index = 0; index < team.size(); ++index) {
        team[index].therapist.sortOrder = static_cast<int>(index) + 1;
    }
    return team;
}

// ---------------------------------------------------------------------------------------------
// Massage types and rooms (made-up demo prices, in cents)

struct TypeSpec
{
    const char16_t* name;
    const char16_t* modality;
    Pressure pressure;
    int bufferMinutes;
    const char16_t* roomKind;
    const char16_t* color;
    int popularity;               // relative weight when the demo picks what a client booked
    std::array<qint64, 4> prices; // for 30, 45, 60 and 90 minutes; 0: not offered
    const char16_t* description;
};

constexpr std::array<int, 4> optionMinutes{30, 45, 60, 90};

// The menu is what the clinic's therapists are certified in or specialize in on its public
// page. Sports massage and shiatsu are named there only as techniques that
// help back pain, and no therapist lists either, so the demo offers neither: a type nobody on
// the team is qualified for would only be a type that could not be booked honestly.
constexpr std::array<TypeSpec, 12> typeSpecs{{
    {.name = u"Swedish relaxation",
     .modality = u"Swedish",
     .pressure = Pressure::Light,
     .bufferMinutes = 10,
     .roomKind = u"table",
     .color = u"#8bc34a",
     .popularity = 4,
     .prices = {6500, 8500, 10500, 14500},
     .description =
         u"Long, flowing strokes at light to medium pressure that calm the nervous system and melt "
         u"away everyday stress."},
    {.name = u"Deep tissue",
     .modality = u"Deep tissue",
     .pressure = Pressure::Deep,
     .bufferMinutes = 10,
     .roomKind = u"table",
     .color = u"#3f51b5",
     .popularity = 4,
     .prices = {7000, 9000, 11500, 15500},
     .description =
         u"Slow, firm pressure that reaches the deeper layers of muscle to work out knots and "
         u"long-standing tightness."},
    {.name = u"Therapeutic",
     .modality = u"Therapeutic",
     .pressure = Pressure::Firm,
     .bufferMinutes = 10,
     .roomKind = u"table",
     .color = u"#009688",
     .popularity = 3,
     .prices = {6500, 8500, 11000, 15000},
     .description =
         u"A treatment planned around one complaint, such as a stiff lower back or a sore neck, "
         u"after a short assessment."},
    {.name = u"Hot stone",
     .modality = u"Hot stone",
     .pressure = Pressure::Medium,
     .bufferMinutes = 15,
     .roomKind = u"table",
     .color = u"#ff7043",
     .popularity = 3,
     .prices = {0, 10000, 12500, 16500},
     .description =
         u"Warm basalt stones rest on and glide over the muscles so they soften before the hands "
         u"go deeper. The stones need time to heat, so there is no half-hour session."},
    {.name = u"Myofascial cupping",
     .modality = u"Cupping",
     .pressure = Pressure::Firm,
     .bufferMinutes = 15,
     .roomKind = u"table",
     .color = u"#ab47bc",
     .popularity = 3,
     .prices = {7000, 9000, 11500, 15500},
     .description =
         u"Cups lift the skin and fascia instead of pressing down, easing stuck tissue and "
         u"bringing warmth to tired areas."},
    {.name = u"Prenatal",
     .modality = u"Prenatal",
     .pressure = Pressure::Light,
     .bufferMinutes = 10,
     .roomKind = u"table",
     .color = u"#f48fb1",
     .popularity = 3,
     .prices = {6500, 8500, 10500, 14500},
     .description = u"Side-lying, well-cushioned massage adapted to each stage of pregnancy, for "
                    u"aching backs, "
                    u"hips and swollen feet."},
    {.name = u"Traditional Thai",
     .modality = u"Traditional Thai",
     .pressure = Pressure::Firm,
     .bufferMinutes = 5,
     .roomKind = u"mat",
     .color = u"#ffa726",
     .popularity = 5,
     .prices = {0, 9000, 11000, 15000},
     .description = u"Given fully clothed on a floor mat: assisted stretches, rhythmic palm and "
                    u"thumb pressure "
                    u"and gentle rocking. Wear comfortable clothes."},
    {.name = u"Thai oil on the mat",
     .modality = u"Thai oil on the mat",
     .pressure = Pressure::Medium,
     .bufferMinutes = 10,
     .roomKind = u"mat",
     .color = u"#ffca28",
     .popularity = 4,
     .prices = {0, 9500, 11500, 15500},
     .description = u"Thai stretching and pressure combined with oil work, on a floor mat."},
    {.name = u"Thai oil on the table",
     .modality = u"Thai oil on the table",
     .pressure = Pressure::Medium,
     .bufferMinutes = 10,
     .roomKind = u"table",
     .color = u"#26a69a",
     .popularity = 3,
     .prices = {7000, 9500, 11500, 15500},
     .description =
         u"Thai-style oil massage brought up onto a massage table, for anyone who would rather not "
         u"get down to the floor."},
    {.name = u"Foot reflexology",
     .modality = u"Reflexology",
     .pressure = Pressure::Medium,
     .bufferMinutes = 5,
     .roomKind = u"table",
     .color = u"#9ccc65",
     .popularity = 3,
     .prices = {5500, 7500, 9500, 13000},
     .description =
         u"Focused pressure on points of the feet, finished with a relaxing foot and lower-leg "
         u"massage."},
    {.name = u"Lymphatic drainage",
     .modality = u"Lymphatic drainage",
     .pressure = Pressure::Light,
     .bufferMinutes = 10,
     .roomKind = u"table",
     .color = u"#4fc3f7",
     .popularity = 4,
     .prices = {6500, 8500, 11000, 15000},
     .description =
         u"Very light, rhythmic strokes that help lymph move along; often chosen after surgery or "
         u"for swelling."},
    {.name = u"Myofascial release",
     .modality = u"Myofascial release",
     .pressure = Pressure::Firm,
     .bufferMinutes = 10,
     .roomKind = u"table",
     .color = u"#7e57c2",
     .popularity = 5,
     .prices = {7000, 9000, 11500, 15500},
     .description =
         u"Sustained, gentle stretching pressure that frees restrictions in the connective tissue "
         u"around muscles."},
}};

struct RoomSpec
{
    const char16_t* name;
    const char16_t* kind;
};

constexpr std::array<RoomSpec, 4> roomSpecs{{
    {u"Birch Room", u"table"},
    {u"Cedar Room", u"table"},
    {u"Willow Room", u"table"},
    {u"Lotus Mat Room", u"mat"},
}};

// ---------------------------------------------------------------------------------------------
// Clients: all fictional. Phones use the 555-01xx numbers reserved for fiction; e-mails use the
// example domains. Phones are typed in assorted ways on purpose: ClientService normalizes them.

struct ClientSpec
{
    const char16_t* name;
    const char16_t* phone;
    const char16_t* email;
    int birthYear; // 0: date of birth unknown
    int birthMonth;
    int birthDay;
    const char16_t* notes;
    HealthAlertKind alertKind;
    const char16_t* alert; // nullptr: no health alert
};

constexpr HealthAlertKind noAlertKind = HealthAlertKind::Other;

constexpr std::array<ClientSpec, 40> clientSpecs{{
    {u"José Ramírez", u"780-555-0101", u"jose.ramirez@example.com", 1984, 3, 12, u"", noAlertKind,
     nullptr},
    {u"Zoë Campbell", u"(587) 555-0102", u"zoe.campbell@example.org", 1991, 7, 4,
     u"Prefers a warm room and quiet music.", noAlertKind, nullptr},
    {u"Nguyễn Thị Lan", u"780 555 0103", u"", 1978, 11, 23, u"", noAlertKind, nullptr},
    {u"Siobhan O'Brien", u"5875550104", u"siobhan.obrien@example.com", 0, 0, 0, u"",
     HealthAlertKind::AvoidArea, u"Left shoulder surgery last spring: no deep work on it."},
    {u"Priya Raghunathan", u"(780) 555-0105", u"priya.r@example.org", 1989, 1, 30, u"", noAlertKind,
     nullptr},
    {u"Liam Tremblay", u"587.555.0106", u"", 1995, 5, 17, u"Plays hockey twice a week.",
     noAlertKind, nullptr},
    {u"Fatima Al-Sayed", u"780-555-0107", u"fatima.alsayed@example.com", 0, 0, 0, u"", noAlertKind,
     nullptr},
    {u"Chen Wei", u"(587) 555-0108", u"chen.wei@example.org", 1972, 9, 8, u"",
     HealthAlertKind::Allergy, u"Tree nut allergy: no almond or other nut oils."},
    {u"Amara Okafor", u"780 555 0109", u"", 1987, 2, 14, u"", noAlertKind, nullptr},
    {u"Hannah Kowalski", u"+1 780 555 0110", u"hannah.k@example.com", 0, 0, 0,
     u"Likes firm pressure on the upper back.", noAlertKind, nullptr},
    {u"Mateo Fernández", u"(587) 555-0111", u"", 1999, 12, 1, u"", noAlertKind, nullptr},
    {u"Aiyana Cardinal", u"780-555-0112", u"aiyana.cardinal@example.org", 1993, 6, 21, u"",
     noAlertKind, nullptr},
    {u"Noah Sinclair", u"(780) 555-0113", u"", 0, 0, 0, u"", noAlertKind, nullptr},
    {u"Maya Desjardins", u"587-555-0114", u"maya.desjardins@example.com", 1992, 4, 9, u"",
     HealthAlertKind::Pregnancy, u"About 26 weeks; side-lying positions only."},
    {u"Rajesh Patel", u"780 555 0115", u"rajesh.patel@example.org", 1961, 8, 27, u"",
     HealthAlertKind::Condition, u"High blood pressure, on medication."},
    {u"Sofia Rossi", u"(587) 555-0116", u"", 1983, 10, 5, u"", noAlertKind, nullptr},
    {u"Ethan Lefebvre", u"780-555-0117", u"ethan.lefebvre@example.com", 0, 0, 0,
     u"Runs marathons; usually books before a race.", noAlertKind, nullptr},
    {u"Leilani Santos", u"(780) 555-0118", u"leilani.santos@example.org", 1996, 3, 3, u"",
     HealthAlertKind::Pregnancy, u"Second trimester; no deep work on the legs."},
    {u"Oksana Shevchenko", u"587 555 0119", u"", 1975, 7, 19, u"", noAlertKind, nullptr},
    {u"Daniel Bergström", u"780-555-0120", u"daniel.bergstrom@example.com", 1968, 1, 11, u"",
     noAlertKind, nullptr},
    {u"Grace Mensah", u"(587) 555-0121", u"", 0, 0, 0, u"", noAlertKind, nullptr},
    {u"Kenji Watanabe", u"780 555 0122", u"kenji.watanabe@example.org", 1980, 11, 2,
     u"Desk job; neck and shoulders need the most attention.", noAlertKind, nullptr},
    {u"Isabelle Gagnon", u"587-555-0123", u"isabelle.gagnon@example.com", 1990, 9, 15, u"",
     HealthAlertKind::Pregnancy, u"Due in about ten weeks."},
    {u"Omar Haddad", u"(780) 555-0124", u"", 1986, 5, 28, u"", HealthAlertKind::Allergy,
     u"Scented oils give him headaches: unscented oil only."},
    {u"Chloé Bouchard", u"780-555-0125", u"chloe.bouchard@example.org", 0, 0, 0, u"", noAlertKind,
     nullptr},
    {u"Miguel dela Cruz", u"(587) 555-0126", u"miguel.delacruz@example.com", 1977, 2, 22, u"",
     noAlertKind, nullptr},
    {u"Ingrid Solberg", u"587 555 0127", u"", 1958, 6, 30, u"", HealthAlertKind::Condition,
     u"Type 1 diabetes; keeps juice in her bag."},
    {u"Tomasz Nowak", u"780-555-0128", u"tomasz.nowak@example.org", 0, 0, 0, u"", noAlertKind,
     nullptr},
    {u"Ava Thompson", u"(780) 555-0129", u"ava.thompson@example.com", 2001, 8, 8, u"", noAlertKind,
     nullptr},
    {u"Arjun Mehta", u"587-555-0130", u"", 1988, 12, 19, u"", noAlertKind, nullptr},
    {u"Émilie Roy", u"780 555 0131", u"emilie.roy@example.org", 1994, 4, 26,
     u"Bilingual; happy in French or English.", noAlertKind, nullptr},
    {u"Kwame Asante", u"(587) 555-0132", u"", 0, 0, 0, u"", noAlertKind, nullptr},
    {u"Lucía Morales", u"780-555-0133", u"lucia.morales@example.com", 1985, 10, 13, u"",
     noAlertKind, nullptr},
    {u"Ryan MacDonald", u"(780) 555-0134", u"", 1979, 3, 7, u"", HealthAlertKind::AvoidArea,
     u"Recent right knee sprain: keep clear of the knee."},
    {u"Hiroko Tanaka", u"587 555 0135", u"hiroko.tanaka@example.org", 1966, 1, 24, u"", noAlertKind,
     nullptr},
    {u"Bianca Reyes", u"780-555-0136", u"bianca.reyes@example.com", 0, 0, 0, u"", noAlertKind,
     nullptr},
    {u"Samuel Whitford", u"(587) 555-0137", u"", 1990, 7, 31, u"", noAlertKind, nullptr},
    {u"Nadia Petrović", u"780 555 0138", u"nadia.petrovic@example.org", 1982, 5, 2, u"",
     noAlertKind, nullptr},
    {u"Connor Byrne", u"(780) 555-0139", u"connor.byrne@example.com", 1973, 9, 29, u"",
     HealthAlertKind::Condition, u"Mild asthma; no strong scents."},
    {u"Jasmine Kaur", u"587-555-0140", u"", 1997, 11, 16, u"", noAlertKind, nullptr},
}};

Client demoClient(const ClientSpec& spec)
{
    Client client;
    client.fullName = text(spec.name);
    client.phone = text(spec.phone);
    client.email = text(spec.email);
    if (spec.birthYear != 0) {
        client.dateOfBirth = QDate(spec.birthYear, spec.birthMonth, spec.birthDay);
    }
    client.notes = text(spec.notes);
    if (spec.alert != nullptr) {
        client.healthAlerts.append(HealthAlert{0, spec.alertKind, text(spec.alert)});
    }
    return client;
}

// ---------------------------------------------------------------------------------------------
// Appointments

struct CancelSpec
{
    const char16_t* reason;
    bool late;
};

constexpr std::array<CancelSpec, 5> cancellations{{
    {u"Client has a cold and will rebook next week.", false},
    {u"Work shift changed.", false},
    {u"Car would not start; called two hours before.", true},
    {u"Family emergency.", true},
    {u"Moved to a later date at the client's request.", false},
}};

constexpr std::array<const char16_t*, 5> appointmentNotes{{
    u"Focus on neck and shoulders.",
    u"First visit: arrive ten minutes early for the intake form.",
    u"Asked for extra time on the lower back.",
    u"Gift certificate.",
    u"Would like a follow-up in three weeks.",
}};

// A small fixed-seed generator: the demo must come out the same on every run and every
// platform, which the standard distributions do not promise.
class DemoRandom
{
public:
    // A number in [0, bound); 0 when the bound leaves no choice.
    int below(int bound)
    {
        if (bound <= 1) {
            return 0;
        }
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((m_state >> 33) % static_cast<quint64>(bound));
    }

private:
    quint64 m_state = 20211031;
};

// A half-open stretch of time in UTC seconds.
struct Span
{
    qint64 start = 0;
    qint64 end = 0;
};

class Occupancy
{
public:
    bool isFree(Id owner, Span span) const
    {
        const QList<Span> taken = m_taken.value(owner);
        return std::none_of(taken.cbegin(), taken.cend(), [span](const Span& other) {
            return other.start < span.end && span.start < other.end;
        });
    }
    void take(Id owner, Span span) { m_taken[owner].append(span); }

private:
    QHash<Id, QList<Span>> m_taken;
};

struct DemoClientRef
{
    Id id = 0;
    bool pregnant = false;
};

struct Placement
{
    QDate day;
    int startMinute = 0;
};

// Books the demo weeks greedily, one therapist's working interval at a time, leaving random
// gaps so the calendar looks lived in rather than packed. Every booking is checked against
// what is already placed, so the result obeys the same rules the booking service enforces.
class DemoScheduler
{
public:
    DemoScheduler(Database& database, const QTimeZone& zone, QDateTime nowUtc)
        : m_appointments(database)
        , m_zone(zone)
        , m_now(std::move(nowUtc))
    {}

    QList<Therapist> therapists;
    QHash<Id, QList<WeeklyInterval>> hours;
    QList<MassageType> types;
    QHash<Id, int> popularity;
    QList<Room> rooms;
    QList<DemoClientRef> clients;
    Id prenatalModalityId = 0;

    // Days still to come are less full than days gone by, as in a real book: bookings keep
    // arriving, and the front desk needs free slots to try the demo with.
    Status bookDay(QDate day, int dayNumber, bool upcoming)
    {
        m_skipPercent = upcoming ? 45 : 22;
        m_clientsToday.clear();
        // Rotating who is scheduled first shares the rooms fairly over the fortnight.
        const qsizetype count = therapists.size();
        for (qsizetype turn = 0; turn < count; ++turn) {
            const Therapist& therapist = therapists[(turn + dayNumber) % count];
            for (const WeeklyInterval& interval : hours.value(therapist.id)) {
                if (interval.weekday != day.dayOfWeek()) {
                    continue;
                }
                if (Status filled = fillInterval(therapist, day, interval); !filled) {
                    return filled;
                }
            }
        }
        return success();
    }

    qsizetype bookedCount() const { return m_serial; }

private:
    Status fillInterval(const Therapist& therapist, QDate day, const WeeklyInterval& interval)
    {
        int cursor = interval.startMinute;
        while (cursor + optionMinutes.front() <= interval.endMinute) {
            if (m_random.below(100) < m_skipPercent) {
                cursor += gridMinutes * (1 + m_random.below(4));
                continue;
            }
            const MassageType* type = pickType(therapist, day);
            if (type == nullptr) {
                return success();
            }
            const DurationOption* option = pickOption(*type, interval.endMinute - cursor);
            if (option == nullptr) {
                cursor += gridMinutes;
                continue;
            }
            const Result<bool> placed = place(therapist, *type, *option, {day, cursor});
            if (!placed) {
                return placed.error();
            }
            if (*placed) {
                const int freeAgain = cursor + option->minutes + type->bufferMinutes;
                cursor = (freeAgain + gridMinutes - 1) / gridMinutes * gridMinutes;
            } else {
                cursor += gridMinutes;
            }
        }
        return success();
    }

    const MassageType* pickType(const Therapist& therapist, QDate day)
    {
        QList<const MassageType*> candidates;
        int totalWeight = 0;
        for (const MassageType& type : types) {
            const bool qualified = type.requiredModalityId == 0 ||
                                   therapist.isCertifiedOn(type.requiredModalityId, day);
            if (type.active && qualified && !type.options.isEmpty()) {
                candidates.append(&type);
                totalWeight += popularity.value(type.id, 1);
            }
        }
        if (candidates.isEmpty()) {
            return nullptr;
        }
        int ticket = m_random.below(totalWeight);
        for (const MassageType* type : candidates) {
            ticket -= popularity.value(type->id, 1);
            if (ticket < 0) {
                return type;
            }
        }
        return candidates.back();
    }

    // The length the client asked for, or else the longest shorter one that still fits, cleanup
    // included, before the break or the end of the shift.
    const DurationOption* pickOption(const MassageType& type, int minutesLeft)
    {
        const int draw = m_random.below(100);
        const int wanted = draw < 12 ? 30 : draw < 30 ? 45 : draw < 78 ? 60 : 90;
        const DurationOption* best = nullptr;
        for (const DurationOption& option : type.options) {
            if (!option.active || option.minutes + type.bufferMinutes > minutesLeft) {
                continue;
            }
            if (option.minutes == wanted) {
                return &option;
            }
            if (option.minutes < wanted && (best == nullptr || best->minutes < option.minutes)) {
                best = &option;
            }
        }
        return best;
    }

    Id freeRoom(const MassageType& type, Span span) const
    {
        QList<const Room*> suitable;
        for (const Room& room : rooms) {
            if (room.active && (type.roomKind.isEmpty() || room.kind == type.roomKind)) {
                suitable.append(&room);
            }
        }
        for (qsizetype step = 0; step < suitable.size(); ++step) {
            const Room* room = suitable[(step + m_serial) % suitable.size()];
            if (m_roomTime.isFree(room->id, span)) {
                return room->id;
            }
        }
        return 0;
    }

    // Round robin over the clients, preferring someone not yet seen that day. Only expecting
    // clients book prenatal massage, and they book nothing else.
    Id freeClient(const MassageType& type, Span span)
    {
        const bool prenatal =
            prenatalModalityId != 0 && type.requiredModalityId == prenatalModalityId;
        const qsizetype count = clients.size();
        for (const bool allowSecondVisit : {false, true}) {
            for (qsizetype step = 0; step < count; ++step) {
                const qsizetype index = (m_nextClient + step) % count;
                const DemoClientRef& client = clients[index];
                if (client.pregnant != prenatal || !m_clientTime.isFree(client.id, span) ||
                    (!allowSecondVisit && m_clientsToday.contains(client.id))) {
                    continue;
                }
                m_nextClient = index + 1;
                return client.id;
            }
        }
        return 0;
    }

    Result<bool> place(const Therapist& therapist, const MassageType& type,
                       const DurationOption& option, Placement placement)
    {
        const QDateTime startUtc = ClinicTime::toUtc(placement.day, placement.startMinute, m_zone);
        const QDateTime endUtc = startUtc.addSecs(qint64{option.minutes} * 60);
        const QDateTime bufferEndUtc = endUtc.addSecs(qint64{type.bufferMinutes} * 60);
        // Wall-clock minutes and real minutes differ across a clock change; skip any slot where
        // they would, so every booking reads on the clinic's clock exactly as it was planned.
        const QDateTime localStart = ClinicTime::toLocal(startUtc, m_zone);
        const QDateTime localEnd = ClinicTime::toLocal(endUtc, m_zone);
        if (localStart.date() != placement.day || localEnd.date() != placement.day ||
            ClinicTime::minuteOfDay(localStart) != placement.startMinute ||
            ClinicTime::minuteOfDay(localEnd) != placement.startMinute + option.minutes) {
            return false;
        }

        const Span occupied{startUtc.toSecsSinceEpoch(), bufferEndUtc.toSecsSinceEpoch()};
        if (!m_therapistTime.isFree(therapist.id, occupied)) {
            return false;
        }
        const Id roomId = freeRoom(type, occupied);
        if (roomId == 0) {
            return false;
        }
        const Id clientId = freeClient(type, occupied);
        if (clientId == 0) {
            return false;
        }

        Appointment appointment;
        appointment.clientId = clientId;
        appointment.therapistId = therapist.id;
        appointment.massageTypeId = type.id;
        appointment.optionId = option.id;
        appointment.durationMinutes = option.minutes;
        appointment.priceCents = option.priceCents;
        appointment.roomId = roomId;
        appointment.startUtc = startUtc;
        appointment.endUtc = endUtc;
        appointment.bufferEndUtc = bufferEndUtc;
        settleStatus(appointment);
        if (m_serial % 7 == 2) {
            appointment.notes = text(appointmentNotes[(m_serial / 7) % appointmentNotes.size()]);
        }

        const Result<Id> added = m_appointments.add(appointment);
        if (!added) {
            return added.error();
        }
        AppointmentChange change;
        change.appointmentId = *added;
        change.changedUtc = appointment.createdUtc;
        change.actor = QStringLiteral("demo");
        change.action = QStringLiteral("booked");
        change.details = DemoClinic::tr("Part of the demo clinic");
        const Status recorded = m_appointments.addChange(change);
        if (!recorded) {
            return recorded.error();
        }

        m_therapistTime.take(therapist.id, occupied);
        m_roomTime.take(roomId, occupied);
        m_clientTime.take(clientId, occupied);
        m_clientsToday.insert(clientId);
        ++m_serial;
        return true;
    }

    // What happened to a booking depends on whether it is over by the clock's "now".
    void settleStatus(Appointment& appointment) const
    {
        const int leadDays = 1 + static_cast<int>(m_serial % 12);
        appointment.createdUtc = std::min(appointment.startUtc.addDays(-leadDays), m_now);
        appointment.updatedUtc = appointment.createdUtc;
        if (appointment.endUtc <= m_now) {
            appointment.updatedUtc = appointment.endUtc;
            if (m_serial % 17 == 5) {
                appointment.status = AppointmentStatus::NoShow;
            } else if (m_serial % 11 == 3) {
                const CancelSpec& cancel = cancellations[(m_serial / 11) % cancellations.size()];
                appointment.status = AppointmentStatus::Cancelled;
                appointment.cancelReason = text(cancel.reason);
                appointment.cancelledLate = cancel.late;
                appointment.updatedUtc =
                    std::max(appointment.createdUtc,
                             appointment.startUtc.addSecs(cancel.late ? -2 * 3600 : -2 * 86400));
            } else {
                appointment.status = AppointmentStatus::Completed;
            }
            return;
        }
        // Reminders go out two days ahead, so most near bookings are confirmed.
        const bool soon = appointment.startUtc <= m_now.addDays(2);
        const bool confirmed = soon ? m_serial % 4 != 0 : m_serial % 3 == 0;
        appointment.status = confirmed ? AppointmentStatus::Confirmed : AppointmentStatus::Booked;
    }

    AppointmentRepository m_appointments;
    QTimeZone m_zone;
    QDateTime m_now;
    DemoRandom m_random;
    Occupancy m_therapistTime;
    Occupancy m_roomTime;
    Occupancy m_clientTime;
    QSet<Id> m_clientsToday;
    qsizetype m_nextClient = 0;
    qsizetype m_serial = 0;
    int m_skipPercent = 22;
};

// ---------------------------------------------------------------------------------------------
// Loading, step by step

Result<QHash<QString, Id>> modalityIds(Database& database)
{
    const Result<QList<Modality>> modalities = TherapistRepository(database).modalities();
    if (!modalities) {
        return modalities.error();
    }
    QHash<QString, Id> ids;
    for (const Modality& modality : *modalities) {
        ids.insert(modality.name, modality.id);
    }
    return ids;
}

Error missingModality(const QString& name)
{
    return makeError(ErrorCode::Database,
                     DemoClinic::tr("The demo clinic needs the technique \"%1\", which this "
                                    "database does not list.")
                         .arg(name));
}

Result<QList<Therapist>> addTherapists(Database& database, QDate today,
                                       const QHash<QString, Id>& modalities)
{
    TherapistRepository therapistRepository(database);
    ScheduleRepository schedule(database);
    QList<Therapist> stored;
    for (DemoTherapist demo : demoTherapists(today)) {
        for (Certification& certification : demo.therapist.certifications) {
            certification.modalityId = modalities.value(certification.modalityName);
            if (certification.modalityId == 0) {
                return missingModality(certification.modalityName);
            }
        }
        const Result<Id> added = therapistRepository.add(demo.therapist);
        if (!added) {
            return added.error();
        }
        demo.therapist.id = *added;
        const Status hoursSet = schedule.setWeeklyHours(demo.therapist.id, demo.weeklyHours());
        if (!hoursSet) {
            return hoursSet.error();
        }
        stored.append(demo.therapist);
    }
    return stored;
}

Result<QList<Room>> addRooms(Database& database)
{
    RoomRepository roomRepository(database);
    QList<Room> stored;
    int sortOrder = 0;
    for (const RoomSpec& spec : roomSpecs) {
        Room room;
        room.name = text(spec.name);
        room.kind = text(spec.kind);
        room.sortOrder = ++sortOrder;
        const Result<Id> added = roomRepository.add(room);
        if (!added) {
            return added.error();
        }
        room.id = *added;
        stored.append(room);
    }
    return stored;
}

// Adds the types, then reads them back: the bookings need the options' new ids.
Result<QList<MassageType>> addMassageTypes(Database& database, const QHash<QString, Id>& modalities,
                                           QHash<Id, int>& popularity)
{
    MassageTypeRepository typeRepository(database);
    QHash<Id, int> weightById;
    int sortOrder = 0;
    for (const TypeSpec& spec : typeSpecs) {
        MassageType type;
        type.name = text(spec.name);
        type.description = text(spec.description);
        type.pressure = spec.pressure;
        type.requiredModalityId = modalities.value(text(spec.modality));
        if (type.requiredModalityId == 0) {
            return missingModality(text(spec.modality));
        }
        type.bufferMinutes = spec.bufferMinutes;
        type.roomKind = text(spec.roomKind);
        type.color = text(spec.color);
        type.sortOrder = ++sortOrder;
        for (std::size_t index = 0; index < optionMinutes.size(); ++index) {
            if (spec.prices[index] > 0) {
                type.options.append(
                    DurationOption{0, optionMinutes[index], spec.prices[index], true});
            }
        }
        const Result<Id> added = typeRepository.add(type);
        if (!added) {
            return added.error();
        }
        weightById.insert(*added, spec.popularity);
    }
    Result<QList<MassageType>> stored = typeRepository.all(false);
    if (stored) {
        popularity = weightById;
    }
    return stored;
}

Result<QList<DemoClientRef>> addClients(Database& database, const QDateTime& nowUtc)
{
    ClientRepository clientRepository(database);
    QList<DemoClientRef> stored;
    int index = 0;
    for (const ClientSpec& spec : clientSpecs) {
        const Result<Client> client = ClientService::validated(demoClient(spec));
        if (!client) {
            return client.error();
        }
        // Everyone has been a client for a while, longest-standing first.
        const QDateTime createdUtc = nowUtc.addDays(-(400 - 9 * index));
        ++index;
        const Result<Id> added = clientRepository.add(*client, createdUtc);
        if (!added) {
            return added.error();
        }
        const bool pregnant = spec.alert != nullptr && spec.alertKind == HealthAlertKind::Pregnancy;
        stored.append(DemoClientRef{*added, pregnant});
    }
    return stored;
}

} // namespace

Result<DemoSummary> DemoClinic::load(Database& database, QDate today, const Clock& clock)
{
    Result<WriteTransaction> transaction = WriteTransaction::begin(database);
    if (!transaction) {
        return transaction.error();
    }
    // Checked inside the transaction, so nobody can add data between the check and the load.
    const Result<bool> empty = SettingsRepository(database).isClinicEmpty();
    if (!empty) {
        return empty.error();
    }
    if (!*empty) {
        return makeError(ErrorCode::Conflict,
                         tr("The demo clinic can only be loaded into an empty database, and this "
                            "one already holds clinic data. Open a new file to try the demo."));
    }

    const ClinicSettings settings = demoSettings();
    const Status saved = SettingsRepository(database).save(settings);
    if (!saved) {
        return saved.error();
    }
    // Everyone opening the file is told that its clients and bookings are invented.
    if (const Status marked = SettingsRepository(database).markMadeUp(); !marked) {
        return marked.error();
    }
    const Result<QHash<QString, Id>> modalities = modalityIds(database);
    if (!modalities) {
        return modalities.error();
    }
    const Result<QList<Therapist>> therapists = addTherapists(database, today, *modalities);
    if (!therapists) {
        return therapists.error();
    }
    const Result<QList<Room>> rooms = addRooms(database);
    if (!rooms) {
        return rooms.error();
    }
    QHash<Id, int> popularity;
    const Result<QList<MassageType>> types = addMassageTypes(database, *modalities, popularity);
    if (!types) {
        return types.error();
    }
    const QDateTime nowUtc = clock.nowUtc();
    const Result<QList<DemoClientRef>> clients = addClients(database, nowUtc);
    if (!clients) {
        return clients.error();
    }

    DemoScheduler scheduler(database, ClinicTime::zone(settings.timeZoneId), nowUtc);
    scheduler.therapists = *therapists;
    const Result<QHash<Id, QList<WeeklyInterval>>> hours =
        ScheduleRepository(database).allWeeklyHours();
    if (!hours) {
        return hours.error();
    }
    scheduler.hours = *hours;
    scheduler.types = *types;
    scheduler.popularity = popularity;
    scheduler.rooms = *rooms;
    scheduler.clients = *clients;
    scheduler.prenatalModalityId = modalities->value(QStringLiteral("Prenatal"));
    for (int offset = -daysEachSide; offset <= daysEachSide; ++offset) {
        const Status booked =
            scheduler.bookDay(today.addDays(offset), offset + daysEachSide, offset > 0);
        if (!booked) {
            return booked.error();
        }
    }

    if (Status committed = transaction->commit(); !committed) {
        return committed.error();
    }
    return DemoSummary{therapists->size(),
                       types->size(),
                       rooms->size(),
                       clients->size(),
                       scheduler.bookedCount(),
                       today.addDays(-daysEachSide),
                       today.addDays(daysEachSide)};
}

Result<DemoSummary> DemoClinic::load(Database& database, const Clock& clock)
{
    const Result<ClinicSettings> settings = SettingsRepository(database).load();
    if (!settings) {
        return settings.error();
    }
    const QDate today =
        ClinicTime::toLocal(clock.nowUtc(), ClinicTime::zone(settings->timeZoneId)).date();
    return load(database, today, clock);
}

} // namespace masahista

#include "ClinicGenerator.h"

#include "booking/engine/ClinicTime.h"
#include "data/AppointmentRepository.h"
#include "data/ClientRepository.h"
#include "data/MassageTypeRepository.h"
#include "data/RoomRepository.h"
#include "data/ScheduleRepository.h"
#include "data/SettingsRepository.h"
#include "data/TherapistRepository.h"
#include "data/WriteTransaction.h"

#include <QHash>
#include <QList>

#include <array>
#include <optional>
#include <vector>

namespace masahista::bench {

namespace {

// splitmix64: the same seed gives the same clinic with every compiler and standard library
// (the std:: distributions are not specified bit for bit).
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed)
    {}

    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31U);
    }
    int below(int bound) { return static_cast<int>(next() % static_cast<quint64>(bound)); }
    bool chance(double probability)
    {
        return static_cast<double>(next() >> 11U) * 0x1.0p-53 < probability;
    }

private:
    quint64 m_state;
};

struct TypeSpec
{
    const char* name;
    const char* modality; // nullptr: anyone may perform it
    const char* roomKind;
    int bufferMinutes;
    int weight;                                 // how often it is booked, relative to the others
    std::array<std::pair<int, int>, 3> options; // minutes, dollars; minutes 0 ends the list
};

const std::array<TypeSpec, 15> typeSpecs{{
    {"Relaxation massage", "Swedish", "table", 15, 20, {{{30, 65}, {60, 105}, {90, 145}}}},
    {"Deep tissue massage", "Deep tissue", "table", 15, 15, {{{60, 115}, {90, 160}, {0, 0}}}},
    {"Therapeutic massage", "Therapeutic", "table", 15, 20, {{{30, 70}, {60, 110}, {90, 150}}}},
    {"Sports massage", "Sports", "table", 15, 6, {{{60, 115}, {90, 160}, {0, 0}}}},
    {"Shiatsu", "Shiatsu", "mat", 0, 3, {{{60, 110}, {90, 150}, {0, 0}}}},
    {"Hot stone massage", "Hot stone", "table", 30, 4, {{{75, 135}, {90, 155}, {0, 0}}}},
    {"Cupping therapy", "Cupping", "table", 15, 4, {{{30, 70}, {60, 110}, {0, 0}}}},
    {"Prenatal massage", "Prenatal", "table", 15, 5, {{{60, 110}, {90, 150}, {0, 0}}}},
    {"Traditional Thai massage",
     "Traditional Thai",
     "mat",
     0,
     4,
     {{{60, 100}, {90, 140}, {120, 180}}}},
    {"Thai oil massage on the mat",
     "Thai oil on the mat",
     "mat",
     15,
     2,
     {{{60, 110}, {90, 150}, {0, 0}}}},
    {"Thai oil massage on the table",
     "Thai oil on the table",
     "table",
     15,
     2,
     {{{60, 110}, {90, 150}, {0, 0}}}},
    {"Reflexology", "Reflexology", "", 0, 4, {{{30, 60}, {45, 80}, {60, 100}}}},
    {"Lymphatic drainage", "Lymphatic drainage", "table", 15, 3, {{{60, 115}, {90, 160}, {0, 0}}}},
    {"Myofascial release", "Myofascial release", "table", 15, 4, {{{45, 90}, {60, 110}, {0, 0}}}},
    {"Chair massage", nullptr, "", 0, 4, {{{15, 30}, {30, 50}, {0, 0}}}},
}};

struct TherapistSpec
{
    const char* name;
    std::array<const char*, 5> modalities; // nullptr ends the list
};

const std::array<TherapistSpec, 12> therapistSpecs{{
    {"Alana Reyes", {"Swedish", "Deep tissue", "Therapeutic", "Sports", "Cupping"}},
    {"Bea Santos", {"Swedish", "Therapeutic", "Prenatal", "Lymphatic drainage", nullptr}},
    {"Carlo Mendoza", {"Swedish", "Deep tissue", "Hot stone", "Reflexology", nullptr}},
    {"Dara Chen",
     {"Swedish", "Traditional Thai", "Thai oil on the mat", "Thai oil on the table", nullptr}},
    {"Eli Novak", {"Swedish", "Therapeutic", "Myofascial release", "Cupping", nullptr}},
    {"Faye Okafor", {"Swedish", "Deep tissue", "Sports", "Myofascial release", nullptr}},
    {"Gemma Lind", {"Swedish", "Shiatsu", "Reflexology", "Prenatal", nullptr}},
    {"Hiro Tanaka", {"Swedish", "Therapeutic", "Hot stone", "Lymphatic drainage", nullptr}},
    {"Isla Moreau", {"Swedish", "Traditional Thai", "Thai oil on the mat", "Shiatsu", nullptr}},
    {"Jonah Price", {"Swedish", "Deep tissue", "Therapeutic", "Prenatal", nullptr}},
    {"Kai Delgado", {"Swedish", "Sports", "Cupping", "Thai oil on the table", nullptr}},
    {"Lena Park", {"Swedish", "Therapeutic", "Deep tissue", "Myofascial release", "Reflexology"}},
}};

const std::array<const char*, 24> firstNames{"Ava",   "Ben",    "Chloe", "Daniel", "Emma",  "Farid",
                                             "Grace", "Hannah", "Ian",   "Jasmin", "Kevin", "Leah",
                                             "Mateo", "Nora",   "Owen",  "Priya",  "Quinn", "Rosa",
                                             "Sam",   "Tara",   "Umar",  "Vera",   "Wes",   "Yuki"};
const std::array<const char*, 24> lastNames{
    "Anderson", "Bouchard", "Cruz",     "Dubois",   "Evans",   "Fischer",    "Gill",  "Huang",
    "Ibrahim",  "Jensen",   "Kowalski", "Lam",      "MacLeod", "Nguyen",     "Olsen", "Patel",
    "Quintero", "Roy",      "Singh",    "Tremblay", "Usman",   "Villeneuve", "Wong",  "Zhang"};

struct StoredType
{
    MassageType type;
    int weight = 0;
};

struct StoredTherapist
{
    Id id = 0;
    QList<qsizetype> types; // indexes into the stored types this therapist performs
    QHash<int, QList<WeeklyInterval>> hoursByWeekday;
};

struct Span
{
    qint64 start;
    qint64 end;
};

bool overlapsAny(const std::vector<Span>& taken, const Span& span)
{
    for (const Span& other : taken) {
        if (other.start < span.end && span.start < other.end) {
            return true;
        }
    }
    return false;
}

// A later occurrence of a weekly series, placed when its day is planned if the slot is free.
struct Occurrence
{
    qsizetype therapist;
    int startMinute;
    qsizetype type;
    int minutes;
    Id clientId;
    Id seriesId;
};

// Two weeks of holidays a year for each therapist, spread so the clinic is never empty.
QDate holidayStart(int therapistIndex, int year)
{
    const int week = 1 + (therapistIndex * 4 + year * 3) % 50;
    const QDate fourth(year, 1, 4); // always in ISO week 1
    return fourth.addDays(1 - fourth.dayOfWeek() + qint64{7} * (week - 1));
}

bool onHoliday(int therapistIndex, QDate day)
{
    for (int year = day.year() - 1; year <= day.year(); ++year) {
        const QDate start = holidayStart(therapistIndex, year);
        if (start <= day && day < start.addDays(14)) {
            return true;
        }
    }
    return false;
}

class Planner
{
public:
    Planner(Database& database, const GeneratorOptions& options)
        : m_database(database)
        , m_options(options)
        , m_random(options.seed)
    {}

    Result<GeneratedClinic> run(const std::function<void(qint64)>& progress);

private:
    Status setUpClinic();
    Status addClients();
    Status planDay(QDate day);
    Status place(QDate day, const Occurrence& occurrence, bool fromSeries);
    Status addHolidays();
    Id pickClient();

    Database& m_database;
    GeneratorOptions m_options;
    Random m_random;
    QTimeZone m_zone;
    QList<StoredType> m_types;
    QList<Room> m_rooms;
    QList<StoredTherapist> m_therapists;
    QList<Id> m_clientIds;
    QHash<QDate, QList<Occurrence>> m_seriesAhead;
    GeneratedClinic m_result;

    // What the day being planned already holds (time held, cleanup included).
    QHash<qsizetype, std::vector<Span>> m_therapistBusy;
    QHash<Id, std::vector<Span>> m_roomBusy;
    QHash<Id, std::vector<Span>> m_clientBusy;
};

Status Planner::setUpClinic()
{
    ClinicSettings settings;
    settings.name = QStringLiteral("Benchmark Clinic");
    settings.address = QStringLiteral("West Edmonton");
    settings.phone = QStringLiteral("(780) 555-0100");
    for (int weekday = 1; weekday <= 7; ++weekday) {
        settings.openingHours.append({weekday, 8 * 60, 21 * 60});
    }
    if (Status saved = SettingsRepository(m_database).save(settings); !saved) {
        return saved;
    }
    m_zone = ClinicTime::zone(settings.timeZoneId);

    TherapistRepository therapists(m_database);
    Result<QList<Modality>> modalities = therapists.modalities();
    if (!modalities) {
        return modalities.error();
    }
    QHash<QString, Id> modalityIds;
    for (const Modality& modality : *modalities) {
        modalityIds.insert(modality.name, modality.id);
    }

    MassageTypeRepository typeRepository(m_database);
    int order = 0;
    for (const TypeSpec& spec : typeSpecs) {
        MassageType type;
        type.name = QString::fromUtf8(spec.name);
        type.requiredModalityId =
            spec.modality != nullptr ? modalityIds.value(QString::fromUtf8(spec.modality)) : 0;
        type.roomKind = QString::fromUtf8(spec.roomKind);
        type.bufferMinutes = spec.bufferMinutes;
        type.sortOrder = ++order;
        type.color =
            QStringLiteral("#%1").arg(0x3a7bd5 + order * 0x0a1f13, 6, 16, QLatin1Char('0'));
        for (const auto& [minutes, dollars] : spec.options) {
            if (minutes > 0) {
                DurationOption option;
                option.minutes = minutes;
                option.priceCents = qint64{dollars} * 100;
                type.options.append(option);
            }
        }
        if (Result<Id> added = typeRepository.add(type); !added) {
            return added.error();
        }
    }
    Result<QList<MassageType>> storedTypes = typeRepository.all();
    if (!storedTypes) {
        return storedTypes.error();
    }
    for (const MassageType& type : *storedTypes) {
        StoredType stored;
        stored.type = type;
        for (const TypeSpec& spec : typeSpecs) {
            if (type.name == QString::fromUtf8(spec.name)) {
                stored.weight = spec.weight;
            }
        }
        m_types.append(stored);
    }

    RoomRepository roomRepository(m_database);
    for (int number = 1; number <= 5; ++number) {
        Room room;
        room.name = number < 5 ? QStringLiteral("Room %1").arg(number) : QStringLiteral("Mat room");
        room.kind = number < 5 ? QStringLiteral("table") : QStringLiteral("mat");
        room.sortOrder = number;
        Result<Id> added = roomRepository.add(room);
        if (!added) {
            return added.error();
        }
        room.id = *added;
        m_rooms.append(room);
    }

    // Three shifts with a break each; two days off a week, different for each therapist.
    const std::array<std::array<int, 4>, 3> shifts{{
        {8 * 60, 12 * 60, 12 * 60 + 30, 15 * 60 + 30},
        {10 * 60, 13 * 60 + 30, 14 * 60, 18 * 60},
        {13 * 60 + 30, 17 * 60, 17 * 60 + 30, 21 * 60},
    }};
    ScheduleRepository schedule(m_database);
    for (int index = 0; index < static_cast<int>(therapistSpecs.size()); ++index) {
        const TherapistSpec& spec = therapistSpecs.at(static_cast<std::size_t>(index));
        Therapist therapist;
        therapist.displayName = QString::fromUtf8(spec.name);
        therapist.title = QStringLiteral("Registered Massage Therapist");
        therapist.calendarColor =
            QStringLiteral("#%1").arg(0x5b8def + index * 0x071d0b, 6, 16, QLatin1Char('0'));
        therapist.sortOrder = index + 1;
        for (const char* modality : spec.modalities) {
            if (modality != nullptr) {
                Certification certification;
                certification.modalityId = modalityIds.value(QString::fromUtf8(modality));
                therapist.certifications.append(certification);
            }
        }
        Result<Id> added = therapists.add(therapist);
        if (!added) {
            return added.error();
        }
        StoredTherapist stored;
        stored.id = *added;
        for (qsizetype type = 0; type < m_types.size(); ++type) {
            const Id required = m_types.at(type).type.requiredModalityId;
            const bool certified =
                required == 0 ||
                std::any_of(therapist.certifications.cbegin(), therapist.certifications.cend(),
                            [required](const Certification& certification) {
                                return certification.modalityId == required;
                            });
            if (certified) {
                stored.types.append(type);
            }
        }
        const auto& shift = shifts.at(static_cast<std::size_t>(index % 3));
        QList<WeeklyInterval> week;
        for (int weekday = 1; weekday <= 7; ++weekday) {
            if (weekday == 1 + index % 7 || weekday == 1 + (index + 3) % 7) {
                continue;
            }
            week.append({weekday, shift[0], shift[1]});
            week.append({weekday, shift[2], shift[3]});
            stored.hoursByWeekday[weekday] = {week.at(week.size() - 2), week.constLast()};
        }
        if (Status set = schedule.setWeeklyHours(stored.id, week); !set) {
            return set;
        }
        m_therapists.append(stored);
    }
    return success();
}

Status Planner::addClients()
{
    ClientRepository clients(m_database);
    const QDateTime createdUtc = ClinicTime::toUtc(m_options.today, 9 * 60, m_zone);
    const std::array<HealthAlertKind, 4> alertKinds{
        HealthAlertKind::Allergy, HealthAlertKind::Condition, HealthAlertKind::AvoidArea,
        HealthAlertKind::Pregnancy};
    const std::array<const char*, 4> alertDetails{
        "Nut oils", "Lower back pain", "Left shoulder (recent surgery)", "Second trimester"};
    constexpr int perTransaction = 10000;
    for (int first = 0; first < m_options.clients; first += perTransaction) {
        Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
        if (!transaction) {
            return transaction.error();
        }
        for (int number = first; number < std::min(first + perTransaction, m_options.clients);
             ++number) {
            Client client;
            const char* firstName = firstNames.at(static_cast<std::size_t>(m_random.below(24)));
            const char* lastName = lastNames.at(static_cast<std::size_t>(m_random.below(24)));
            client.fullName =
                QString::fromUtf8(firstName) + QLatin1Char(' ') + QString::fromUtf8(lastName);
            // Distinct seven-digit numbers: 1 000 003 is prime, so the multiples never repeat.
            const qint64 local = 2000000 + (qint64{number} * 1000003) % 7000000;
            const std::array<int, 3> areas{780, 587, 825};
            client.phone = QStringLiteral("(%1) %2-%3")
                               .arg(areas.at(static_cast<std::size_t>(number % 3)))
                               .arg(local / 10000, 3, 10, QLatin1Char('0'))
                               .arg(local % 10000, 4, 10, QLatin1Char('0'));
            client.email = QString::fromUtf8(firstName).toLower() + QLatin1Char('.') +
                           QString::fromUtf8(lastName).toLower() + QString::number(number) +
                           QStringLiteral("@example.com");
            if (m_random.chance(0.04)) {
                const auto kind = static_cast<std::size_t>(m_random.below(4));
                HealthAlert alert;
                alert.kind = alertKinds.at(kind);
                alert.detail = QString::fromUtf8(alertDetails.at(kind));
                client.healthAlerts.append(alert);
            }
            Result<Id> added = clients.add(client, createdUtc);
            if (!added) {
                return added.error();
            }
            m_clientIds.append(*added);
        }
        if (Status committed = transaction->commit(); !committed) {
            return committed;
        }
    }
    m_result.clients = m_options.clients;
    return success();
}

Id Planner::pickClient()
{
    // A third of the visits come from the tenth of the clients who are regulars.
    const auto count = static_cast<int>(m_clientIds.size());
    const int index =
        m_random.chance(0.33) ? m_random.below(std::max(count / 10, 1)) : m_random.below(count);
    return m_clientIds.at(index);
}

Status Planner::place(QDate day, const Occurrence& occurrence, bool fromSeries)
{
    const StoredTherapist& therapist = m_therapists.at(occurrence.therapist);
    const MassageType& type = m_types.at(occurrence.type).type;
    const DurationOption* option = type.option(occurrence.minutes);
    const int endMinute = occurrence.startMinute + occurrence.minutes;
    bool inHours = false;
    for (const WeeklyInterval& interval : therapist.hoursByWeekday.value(day.dayOfWeek())) {
        inHours =
            inHours || interval.contains(occurrence.startMinute, endMinute + type.bufferMinutes);
    }
    if (option == nullptr || !inHours) {
        return success();
    }
    const qint64 start = ClinicTime::toUtc(day, occurrence.startMinute, m_zone).toSecsSinceEpoch();
    const Span held{start, start + qint64{occurrence.minutes + type.bufferMinutes} * 60};
    if (overlapsAny(m_therapistBusy[occurrence.therapist], held) ||
        overlapsAny(m_clientBusy[occurrence.clientId], held)) {
        return success();
    }
    Id roomId = 0;
    for (const Room& room : m_rooms) {
        if ((type.roomKind.isEmpty() || type.roomKind == room.kind) &&
            !overlapsAny(m_roomBusy[room.id], held)) {
            roomId = room.id;
            break;
        }
    }
    if (roomId == 0) {
        return success();
    }

    Appointment appointment;
    appointment.clientId = occurrence.clientId;
    appointment.therapistId = therapist.id;
    appointment.massageTypeId = type.id;
    appointment.optionId = option->id;
    appointment.durationMinutes = occurrence.minutes;
    appointment.priceCents = option->priceCents;
    appointment.roomId = roomId;
    appointment.startUtc = QDateTime::fromSecsSinceEpoch(start, Qt::UTC);
    appointment.endUtc = appointment.startUtc.addSecs(qint64{occurrence.minutes} * 60);
    appointment.bufferEndUtc = QDateTime::fromSecsSinceEpoch(held.end, Qt::UTC);
    appointment.seriesId = occurrence.seriesId;
    appointment.createdUtc = appointment.startUtc.addDays(-1 - m_random.below(30));
    appointment.updatedUtc = appointment.createdUtc;

    const bool past = day < m_options.today;
    QList<AppointmentChange> changes;
    changes.append({0, appointment.createdUtc, QStringLiteral("front desk"),
                    QStringLiteral("booked"),
                    type.name + QStringLiteral(" %1 min").arg(occurrence.minutes)});
    const double cancelled = past ? 0.08 : 0.05;
    if (m_random.chance(cancelled)) {
        appointment.status = AppointmentStatus::Cancelled;
        appointment.cancelledLate = m_random.chance(0.3);
        appointment.cancelReason = QStringLiteral("Client called to cancel");
        appointment.updatedUtc = appointment.startUtc.addSecs(
            appointment.cancelledLate ? -3600 * (1 + m_random.below(20)) : -3600 * 24 * 3);
        changes.append({0, appointment.updatedUtc, QStringLiteral("front desk"),
                        QStringLiteral("cancelled"), appointment.cancelReason});
    } else if (past) {
        appointment.status =
            m_random.chance(0.035) ? AppointmentStatus::NoShow : AppointmentStatus::Completed;
        appointment.updatedUtc = appointment.endUtc;
        changes.append({0, appointment.updatedUtc,
                        QString::fromUtf8(
                            therapistSpecs.at(static_cast<std::size_t>(occurrence.therapist)).name),
                        QStringLiteral("status"),
                        appointment.status == AppointmentStatus::NoShow
                            ? QStringLiteral("Status: a no-show")
                            : QStringLiteral("Status: completed")});
    } else if (day.daysTo(m_options.today) > -3) {
        appointment.status = AppointmentStatus::Confirmed;
        appointment.updatedUtc = appointment.startUtc.addDays(-2);
        changes.append({0, appointment.updatedUtc, QStringLiteral("front desk"),
                        QStringLiteral("status"), QStringLiteral("Status: confirmed")});
    }

    AppointmentRepository appointments(m_database);
    Result<Id> id = appointments.add(appointment);
    if (!id) {
        return id.error();
    }
    for (AppointmentChange& change : changes) {
        change.appointmentId = *id;
        if (Status recorded = appointments.addChange(change); !recorded) {
            return recorded;
        }
    }
    ++m_result.appointments;
    m_result.historyRows += changes.size();
    if (appointment.holdsTime()) {
        m_therapistBusy[occurrence.therapist].push_back(held);
        m_roomBusy[roomId].push_back(held);
        m_clientBusy[occurrence.clientId].push_back(held);
    }

    // Planning runs backwards, so a new series reaches into the weeks before this one.
    if (!fromSeries && appointment.status != AppointmentStatus::Cancelled &&
        m_random.chance(0.04)) {
        const int weeks = 1 + m_random.below(2);
        const int count = 3 + m_random.below(8);
        Result<Id> series = appointments.addSeries(
            weeks, appointment.startUtc.addDays(-qint64{7} * weeks * count - 2));
        if (!series) {
            return series.error();
        }
        ++m_result.series;
        Occurrence earlier = occurrence;
        earlier.seriesId = *series;
        for (int back = 1; back < count; ++back) {
            m_seriesAhead[day.addDays(-qint64{7} * weeks * back)].append(earlier);
        }
        // The occurrence already placed belongs to the series too.
        Appointment last = appointment;
        last.id = *id;
        last.seriesId = *series;
        if (Status updated = appointments.update(last); !updated) {
            return updated;
        }
    }
    return success();
}

Status Planner::planDay(QDate day)
{
    m_therapistBusy.clear();
    m_roomBusy.clear();
    m_clientBusy.clear();

    for (const Occurrence& occurrence : m_seriesAhead.take(day)) {
        if (m_result.appointments >= m_options.appointments) {
            return success();
        }
        if (!onHoliday(static_cast<int>(occurrence.therapist), day)) {
            if (Status placed = place(day, occurrence, true); !placed) {
                return placed;
            }
        }
    }

    // Coming days fill up less the further away they are.
    const qint64 ahead = m_options.today.daysTo(day);
    const double skip =
        ahead <= 0 ? 0.2 : 0.2 + 0.7 * static_cast<double>(ahead) / (m_options.futureDays + 1);
    for (qsizetype index = 0; index < m_therapists.size(); ++index) {
        if (onHoliday(static_cast<int>(index), day)) {
            continue;
        }
        const StoredTherapist& therapist = m_therapists.at(index);
        for (const WeeklyInterval& interval : therapist.hoursByWeekday.value(day.dayOfWeek())) {
            int minute = interval.startMinute;
            while (minute < interval.endMinute && m_result.appointments < m_options.appointments) {
                if (m_random.chance(skip)) {
                    minute += 15 * (1 + m_random.below(3));
                    continue;
                }
                // Types are drawn by weight among those the therapist performs.
                int total = 0;
                for (qsizetype type : therapist.types) {
                    total += m_types.at(type).weight;
                }
                int draw = m_random.below(total);
                qsizetype type = therapist.types.constFirst();
                for (qsizetype candidate : therapist.types) {
                    draw -= m_types.at(candidate).weight;
                    if (draw < 0) {
                        type = candidate;
                        break;
                    }
                }
                const QList<DurationOption>& options = m_types.at(type).type.options;
                const int minutes =
                    options.at(m_random.below(static_cast<int>(options.size()))).minutes;
                const qint64 before = m_result.appointments;
                const Occurrence occurrence{index, minute, type, minutes, pickClient(), 0};
                if (Status placed = place(day, occurrence, false); !placed) {
                    return placed;
                }
                if (m_result.appointments == before) {
                    minute += 15;
                    continue;
                }
                const int held = minutes + m_types.at(type).type.bufferMinutes;
                minute += (held + 14) / 15 * 15;
            }
        }
    }
    return success();
}

Status Planner::addHolidays()
{
    ScheduleRepository schedule(m_database);
    for (int index = 0; index < static_cast<int>(m_therapists.size()); ++index) {
        for (int year = m_result.firstDay.year() - 1; year <= m_result.lastDay.year(); ++year) {
            const QDate start = holidayStart(index, year);
            TimeOff off;
            off.therapistId = m_therapists.at(index).id;
            off.startUtc = ClinicTime::toUtc(start, 0, m_zone);
            off.endUtc = ClinicTime::toUtc(start.addDays(14), 0, m_zone);
            off.reason = QStringLiteral("Holidays");
            if (Result<Id> added = schedule.addTimeOff(off); !added) {
                return added.error();
            }
        }
    }
    return success();
}

Result<GeneratedClinic> Planner::run(const std::function<void(qint64)>& progress)
{
    {
        Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
        if (!transaction) {
            return transaction.error();
        }
        if (Status done = setUpClinic(); !done) {
            return done.error();
        }
        if (Status committed = transaction->commit(); !committed) {
            return committed.error();
        }
    }
    if (Status done = addClients(); !done) {
        return done.error();
    }

    m_result.lastDay = m_options.today.addDays(m_options.futureDays);
    QDate day = m_result.lastDay;
    while (m_result.appointments < m_options.appointments) {
        Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
        if (!transaction) {
            return transaction.error();
        }
        const qint64 batchEnd = m_result.appointments + m_options.batchSize;
        while (m_result.appointments < std::min(batchEnd, m_options.appointments)) {
            if (Status planned = planDay(day); !planned) {
                return planned.error();
            }
            m_result.firstDay = day;
            day = day.addDays(-1);
        }
        if (Status committed = transaction->commit(); !committed) {
            return committed.error();
        }
        if (progress) {
            progress(m_result.appointments);
        }
    }

    Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
    if (!transaction) {
        return transaction.error();
    }
    if (Status added = addHolidays(); !added) {
        return added.error();
    }
    if (Status committed = transaction->commit(); !committed) {
        return committed.error();
    }
    return m_result;
}

} // namespace

Result<GeneratedClinic> generateClinic(Database& database, const GeneratorOptions& options,
                                       const std::function<void(qint64)>& progress)
{
    if (options.appointments < 0 || options.clients < 1 || !options.today.isValid() ||
        options.batchSize < 1) {
        return makeError(ErrorCode::Invalid,
                         QStringLiteral("The generator needs a day, clients and a count."));
    }
    Result<bool> empty = SettingsRepository(database).isClinicEmpty();
    if (!empty) {
        return empty.error();
    }
    if (!*empty) {
        return makeError(ErrorCode::Invalid,
                         QStringLiteral("The generator only writes into an empty database."));
    }
    return Planner(database, options).run(progress);
}

} // namespace masahista::bench

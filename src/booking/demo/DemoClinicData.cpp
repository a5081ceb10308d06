#include "DemoClinicData.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QTime>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <utility>

namespace masahista {

namespace {

using Keys = std::initializer_list<QStringView>;

// Reads values out of the demo file, keeping the first problem and where it was, so that the
// functions below can read straight through and the caller reports once at the end. A wrong
// type, a missing key or an unknown one (a misspelt optional key would otherwise be skipped
// without a word) are all problems.
class DemoJsonReader
{
public:
    bool failed() const { return !m_problem.isEmpty(); }
    const QString& problem() const { return m_problem; }

    void fail(const QString& where, const QString& what)
    {
        if (m_problem.isEmpty()) {
            m_problem = where + QStringLiteral(": ") + what;
        }
    }

    // `value` as an object holding no keys but `allowed`.
    QJsonObject object(const QJsonValue& value, const QString& where, Keys allowed)
    {
        if (!value.isObject()) {
            fail(where, QStringLiteral("expected an object"));
            return {};
        }
        const QJsonObject object = value.toObject();
        for (const QString& key : object.keys()) {
            if (std::find(allowed.begin(), allowed.end(), QStringView(key)) == allowed.end()) {
                fail(where, QStringLiteral("unknown key \"%1\"").arg(key));
            }
        }
        return object;
    }

    QJsonArray array(const QJsonValue& value, const QString& where)
    {
        if (!value.isArray()) {
            fail(where, QStringLiteral("expected an array"));
            return {};
        }
        return value.toArray();
    }

    QJsonArray array(const QJsonObject& object, QStringView key, const QString& where)
    {
        return array(object.value(key), at(where, key));
    }

    QString text(const QJsonValue& value, const QString& where)
    {
        if (!value.isString()) {
            fail(where, QStringLiteral("expected a string"));
            return {};
        }
        return value.toString();
    }

    QString text(const QJsonObject& object, QStringView key, const QString& where)
    {
        return text(object.value(key), at(where, key));
    }

    // An optional text: empty when the key is absent.
    QString optionalText(const QJsonObject& object, QStringView key, const QString& where)
    {
        return object.contains(key) ? text(object, key, where) : QString();
    }

    qint64 integer(const QJsonObject& object, QStringView key, const QString& where, qint64 least,
                   qint64 most = std::numeric_limits<int>::max())
    {
        const QJsonValue value = object.value(key);
        const double number = value.toDouble();
        if (!value.isDouble() || std::floor(number) != number || number < double(least) ||
            number > double(most)) {
            fail(at(where, key),
                 QStringLiteral("expected a whole number from %1 to %2").arg(least).arg(most));
            return least;
        }
        return value.toInteger();
    }

    int smallInteger(const QJsonObject& object, QStringView key, const QString& where, int least,
                     int most = std::numeric_limits<int>::max())
    {
        return static_cast<int>(integer(object, key, where, least, most));
    }

    bool boolean(const QJsonObject& object, QStringView key, const QString& where)
    {
        const QJsonValue value = object.value(key);
        if (!value.isBool()) {
            fail(at(where, key), QStringLiteral("expected true or false"));
            return false;
        }
        return value.toBool();
    }

    // A date written yyyy-MM-dd; a null date when the key is absent and `required` is false.
    QDate date(const QJsonObject& object, QStringView key, const QString& where,
               bool required = true)
    {
        if (!required && !object.contains(key)) {
            return {};
        }
        const QString written = text(object, key, where);
        const QDate parsed = QDate::fromString(written, QStringLiteral("yyyy-MM-dd"));
        if (!failed() && !parsed.isValid()) {
            fail(at(where, key), QStringLiteral("expected a date written yyyy-MM-dd"));
        }
        return parsed;
    }

    // A wall-clock time written HH:mm, as minutes after midnight.
    int minuteOfDay(const QJsonValue& value, const QString& where)
    {
        const QTime parsed = QTime::fromString(text(value, where), QStringLiteral("HH:mm"));
        if (!parsed.isValid()) {
            fail(where, QStringLiteral("expected a time written HH:mm"));
            return 0;
        }
        return parsed.hour() * 60 + parsed.minute();
    }

    static QString at(const QString& where, QStringView key)
    {
        return where + QLatin1Char('.') + key;
    }

    static QString at(const QString& where, qsizetype index)
    {
        return where + QStringLiteral("[%1]").arg(index);
    }

private:
    QString m_problem;
};

// A shift as the stretches of a day it covers, each as {start, end} minutes after midnight.
using ShiftHours = QList<std::pair<int, int>>;

ClinicSettings readClinic(DemoJsonReader& reader, const QJsonValue& value)
{
    const QString where = QStringLiteral("clinic");
    const QJsonObject clinic =
        reader.object(value, where,
                      {u"name", u"address", u"phone", u"timeZone", u"bookingStepMinutes",
                       u"lateCancelHours", u"openingHours"});
    ClinicSettings settings;
    settings.name = reader.text(clinic, u"name", where);
    settings.address = reader.text(clinic, u"address", where);
    settings.phone = reader.text(clinic, u"phone", where);
    settings.timeZoneId = reader.text(clinic, u"timeZone", where);
    settings.bookingStepMinutes = reader.smallInteger(clinic, u"bookingStepMinutes", where, 1, 60);
    settings.lateCancelHours = reader.smallInteger(clinic, u"lateCancelHours", where, 0);
    const QJsonArray openingHours = reader.array(clinic, u"openingHours", where);
    for (qsizetype index = 0; index < openingHours.size(); ++index) {
        const QString entryWhere =
            DemoJsonReader::at(where + QStringLiteral(".openingHours"), index);
        const QJsonObject entry =
            reader.object(openingHours.at(index), entryWhere, {u"weekdays", u"opens", u"closes"});
        const int opens = reader.minuteOfDay(entry.value(u"opens"), entryWhere);
        const int closes = reader.minuteOfDay(entry.value(u"closes"), entryWhere);
        const QJsonArray weekdays = reader.array(entry, u"weekdays", entryWhere);
        for (const QJsonValue& weekday : weekdays) {
            const int day = weekday.toInt();
            if (day < 1 || day > 7) {
                reader.fail(entryWhere, QStringLiteral("weekdays run from 1 (Monday) to 7"));
            }
            settings.openingHours.append({day, opens, closes});
        }
    }
    return settings;
}

QHash<QString, ShiftHours> readShifts(DemoJsonReader& reader, const QJsonValue& value)
{
    const QString where = QStringLiteral("shifts");
    if (!value.isObject()) {
        reader.fail(where, QStringLiteral("expected an object"));
        return {};
    }
    QHash<QString, ShiftHours> shifts;
    const QJsonObject object = value.toObject();
    for (auto shift = object.constBegin(); shift != object.constEnd(); ++shift) {
        const QString shiftWhere = DemoJsonReader::at(where, shift.key());
        ShiftHours hours;
        const QJsonArray stretches = reader.array(shift.value(), shiftWhere);
        for (qsizetype index = 0; index < stretches.size(); ++index) {
            const QString stretchWhere = DemoJsonReader::at(shiftWhere, index);
            const QJsonArray startAndEnd = reader.array(stretches.at(index), stretchWhere);
            if (startAndEnd.size() != 2) {
                reader.fail(stretchWhere, QStringLiteral("expected [start, end]"));
                continue;
            }
            const int start = reader.minuteOfDay(startAndEnd.at(0), stretchWhere);
            const int end = reader.minuteOfDay(startAndEnd.at(1), stretchWhere);
            if (end <= start) {
                reader.fail(stretchWhere, QStringLiteral("the end comes before the start"));
            }
            hours.append({start, end});
        }
        shifts.insert(shift.key(), hours);
    }
    return shifts;
}

Education readEducation(DemoJsonReader& reader, const QJsonValue& value, const QString& where)
{
    const QJsonObject object =
        reader.object(value, where, {u"school", u"programme", u"programmeHours", u"completedOn"});
    Education education;
    education.school = reader.text(object, u"school", where);
    education.programme = reader.text(object, u"programme", where);
    if (object.contains(u"programmeHours")) {
        education.programmeHours = reader.smallInteger(object, u"programmeHours", where, 1);
    }
    education.completedOn = reader.date(object, u"completedOn", where, false);
    return education;
}

Credential readCredential(DemoJsonReader& reader, const QJsonValue& value, const QString& where)
{
    const QJsonObject object =
        reader.object(value, where, {u"issuingBody", u"registrationNumber", u"validFrom"});
    Credential credential;
    credential.issuingBody = reader.text(object, u"issuingBody", where);
    credential.registrationNumber = reader.text(object, u"registrationNumber", where);
    credential.validFrom = reader.date(object, u"validFrom", where);
    credential.printedOnReceipts = true;
    return credential;
}

Certification readCertification(DemoJsonReader& reader, const QJsonValue& value,
                                const QString& where, QDate today)
{
    const QJsonObject object =
        reader.object(value, where, {u"modality", u"certifiedOn", u"expiresDecember31YearsAhead"});
    Certification certification;
    certification.modalityName = reader.text(object, u"modality", where);
    certification.certifiedOn = reader.date(object, u"certifiedOn", where);
    // An expiry the demo must not reach is given as years after today's, so that it stays
    // ahead of every demo day whenever the demo is loaded.
    if (object.contains(u"expiresDecember31YearsAhead")) {
        const int years = reader.smallInteger(object, u"expiresDecember31YearsAhead", where, 1);
        certification.expiresOn = QDate(today.year() + years, 12, 31);
    }
    return certification;
}

DemoTherapist readTherapist(DemoJsonReader& reader, const QJsonValue& value, const QString& where,
                            const QHash<QString, ShiftHours>& shifts, QDate today)
{
    const QJsonObject object =
        reader.object(value, where,
                      {u"name", u"title", u"teamRole", u"calendarColor", u"week", u"education",
                       u"credentials", u"certifications", u"bio"});
    DemoTherapist demo;
    Therapist& therapist = demo.therapist;
    therapist.displayName = reader.text(object, u"name", where);
    therapist.title = reader.text(object, u"title", where);
    therapist.teamRole = reader.text(object, u"teamRole", where);
    therapist.calendarColor = reader.text(object, u"calendarColor", where);
    therapist.bio = reader.text(object, u"bio", where);

    const QString weekWhere = DemoJsonReader::at(where, u"week");
    const QJsonArray week = reader.array(object, u"week", where);
    if (week.size() != 7) {
        reader.fail(weekWhere, QStringLiteral("expected seven shifts, Monday first"));
    }
    for (qsizetype day = 0; day < week.size(); ++day) {
        const QString shiftName = reader.text(week.at(day), DemoJsonReader::at(weekWhere, day));
        if (!reader.failed() && !shifts.contains(shiftName)) {
            reader.fail(weekWhere, QStringLiteral("no shift is called \"%1\"").arg(shiftName));
        }
        for (const auto& [start, end] : shifts.value(shiftName)) {
            demo.weeklyHours.append({static_cast<int>(day) + 1, start, end});
        }
    }

    const auto readList = [&](QStringView key, auto readOne, auto& into) {
        const QString listWhere = DemoJsonReader::at(where, key);
        const QJsonArray list = reader.array(object, key, where);
        for (qsizetype index = 0; index < list.size(); ++index) {
            into.append(readOne(list.at(index), DemoJsonReader::at(listWhere, index)));
        }
    };
    readList(
        u"education",
        [&](const QJsonValue& entry, const QString& at) {
            return readEducation(reader, entry, at);
        },
        therapist.education);
    readList(
        u"credentials",
        [&](const QJsonValue& entry, const QString& at) {
            return readCredential(reader, entry, at);
        },
        therapist.credentials);
    readList(
        u"certifications",
        [&](const QJsonValue& entry, const QString& at) {
            return readCertification(reader, entry, at, today);
        },
        therapist.certifications);
    return demo;
}

DemoMassageType readMassageType(DemoJsonReader& reader, const QJsonValue& value,
                                const QString& where)
{
    const QJsonObject object =
        reader.object(value, where,
                      {u"name", u"modality", u"pressure", u"bufferMinutes", u"roomKind", u"color",
                       u"popularity", u"options", u"description"});
    DemoMassageType demo;
    MassageType& type = demo.type;
    type.name = reader.text(object, u"name", where);
    type.description = reader.text(object, u"description", where);
    const QString pressure = reader.text(object, u"pressure", where);
    if (const std::optional<Pressure> parsed = pressureFromKey(pressure)) {
        type.pressure = *parsed;
    } else if (!reader.failed()) {
        reader.fail(DemoJsonReader::at(where, u"pressure"),
                    QStringLiteral("no pressure is called \"%1\"").arg(pressure));
    }
    type.requiredModalityName = reader.text(object, u"modality", where);
    type.bufferMinutes = reader.smallInteger(object, u"bufferMinutes", where, 0);
    type.roomKind = reader.text(object, u"roomKind", where);
    type.color = reader.text(object, u"color", where);
    demo.popularity = reader.smallInteger(object, u"popularity", where, 1);

    const QString optionsWhere = DemoJsonReader::at(where, u"options");
    const QJsonArray options = reader.array(object, u"options", where);
    if (options.isEmpty()) {
        reader.fail(optionsWhere, QStringLiteral("a type needs at least one length"));
    }
    for (qsizetype index = 0; index < options.size(); ++index) {
        const QString optionWhere = DemoJsonReader::at(optionsWhere, index);
        const QJsonObject option =
            reader.object(options.at(index), optionWhere, {u"minutes", u"priceCents"});
        DurationOption length;
        length.minutes = reader.smallInteger(option, u"minutes", optionWhere, 1);
        length.priceCents = reader.integer(option, u"priceCents", optionWhere, 1,
                                           std::numeric_limits<qint64>::max() / 2);
        type.options.append(length);
    }
    return demo;
}

Room readRoom(DemoJsonReader& reader, const QJsonValue& value, const QString& where)
{
    const QJsonObject object = reader.object(value, where, {u"name", u"kind"});
    Room room;
    room.name = reader.text(object, u"name", where);
    room.kind = reader.text(object, u"kind", where);
    return room;
}

Client readClient(DemoJsonReader& reader, const QJsonValue& value, const QString& where)
{
    const QJsonObject object = reader.object(
        value, where, {u"name", u"phone", u"email", u"dateOfBirth", u"notes", u"healthAlert"});
    Client client;
    client.fullName = reader.text(object, u"name", where);
    client.phone = reader.text(object, u"phone", where);
    client.email = reader.optionalText(object, u"email", where);
    client.dateOfBirth = reader.date(object, u"dateOfBirth", where, false);
    client.notes = reader.optionalText(object, u"notes", where);
    if (object.contains(u"healthAlert")) {
        const QString alertWhere = DemoJsonReader::at(where, u"healthAlert");
        const QJsonObject alert =
            reader.object(object.value(u"healthAlert"), alertWhere, {u"kind", u"text"});
        const QString kind = reader.text(alert, u"kind", alertWhere);
        const std::optional<HealthAlertKind> parsed = healthAlertFromKey(kind);
        if (!parsed && !reader.failed()) {
            reader.fail(DemoJsonReader::at(alertWhere, u"kind"),
                        QStringLiteral("no health alert is called \"%1\"").arg(kind));
        }
        client.healthAlerts.append(HealthAlert{0, parsed.value_or(HealthAlertKind::Other),
                                               reader.text(alert, u"text", alertWhere)});
    }
    return client;
}

DemoCancellation readCancellation(DemoJsonReader& reader, const QJsonValue& value,
                                  const QString& where)
{
    const QJsonObject object = reader.object(value, where, {u"reason", u"late"});
    return DemoCancellation{reader.text(object, u"reason", where),
                            reader.boolean(object, u"late", where)};
}

// Reads every entry of the top-level list `key`, failing on an empty one: each list is
// something the demo cannot do without.
template <typename Value, typename ReadOne>
QList<Value> readTopList(DemoJsonReader& reader, const QJsonObject& document, QStringView key,
                         ReadOne readOne)
{
    const QString where = key.toString();
    const QJsonArray list = reader.array(document.value(key), where);
    if (list.isEmpty()) {
        reader.fail(where, QStringLiteral("the demo needs at least one"));
    }
    QList<Value> values;
    for (qsizetype index = 0; index < list.size(); ++index) {
        values.append(readOne(list.at(index), DemoJsonReader::at(where, index)));
    }
    return values;
}

} // namespace

Result<DemoClinicData> DemoClinicData::fromJson(const QByteArray& json, QDate today)
{
    const auto unreadable = [](const QString& problem) {
        return makeError(ErrorCode::Invalid,
                         tr("The demo clinic's data cannot be read (%1).").arg(problem));
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return unreadable(
            QStringLiteral("%1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
    }

    DemoJsonReader reader;
    const QJsonObject top = reader.object(
        document.isObject() ? QJsonValue(document.object()) : QJsonValue(), QStringLiteral("file"),
        {u"clinic", u"shifts", u"therapists", u"massageTypes", u"rooms", u"clients",
         u"cancellations", u"appointmentNotes"});

    DemoClinicData data;
    data.settings = readClinic(reader, top.value(u"clinic"));
    const QHash<QString, ShiftHours> shifts = readShifts(reader, top.value(u"shifts"));
    data.therapists = readTopList<DemoTherapist>(
        reader, top, u"therapists", [&](const QJsonValue& value, const QString& where) {
            return readTherapist(reader, value, where, shifts, today);
        });
    data.massageTypes = readTopList<DemoMassageType>(
        reader, top, u"massageTypes", [&](const QJsonValue& value, const QString& where) {
            return readMassageType(reader, value, where);
        });
    data.rooms = readTopList<Room>(reader, top, u"rooms",
                                   [&](const QJsonValue& value, const QString& where) {
                                       return readRoom(reader, value, where);
                                   });
    data.clients = readTopList<Client>(reader, top, u"clients",
                                       [&](const QJsonValue& value, const QString& where) {
                                           return readClient(reader, value, where);
                                       });
    data.cancellations = readTopList<DemoCancellation>(
        reader, top, u"cancellations", [&](const QJsonValue& value, const QString& where) {
            return readCancellation(reader, value, where);
        });
    data.appointmentNotes = readTopList<QString>(
        reader, top, u"appointmentNotes",
        [&](const QJsonValue& value, const QString& where) { return reader.text(value, where); });
    if (reader.failed()) {
        return unreadable(reader.problem());
    }

    // The file's order is the order the desk sees them in.
    for (qsizetype index = 0; index < data.therapists.size(); ++index) {
        data.therapists[index].therapist.sortOrder = static_cast<int>(index) + 1;
    }
    for (qsizetype index = 0; index < data.massageTypes.size(); ++index) {
        data.massageTypes[index].type.sortOrder = static_cast<int>(index) + 1;
    }
    for (qsizetype index = 0; index < data.rooms.size(); ++index) {
        data.rooms[index].sortOrder = static_cast<int>(index) + 1;
    }
    return data;
}

Result<DemoClinicData> DemoClinicData::fromResource(QDate today)
{
    QFile file(QStringLiteral(":/demo/demo-clinic.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(
            ErrorCode::Invalid,
            tr("The demo clinic's data is missing from this build (%1).").arg(file.fileName()));
    }
    return fromJson(file.readAll(), today);
}

} // namespace masahista

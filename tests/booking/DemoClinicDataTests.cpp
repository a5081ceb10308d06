#include "booking/demo/DemoClinicData.h"
#include "support/TestSupport.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace masahista;

namespace {

template <typename T>
T require(Result<T> result)
{
    INFO((result ? QString() : result.error().message));
    REQUIRE(result.ok());
    return std::move(result).value();
}

const DemoTherapist& namedTherapist(const DemoClinicData& data, const QString& name)
{
    const auto found = std::find_if(
        data.therapists.cbegin(), data.therapists.cend(),
        [&name](const DemoTherapist& demo) { return demo.therapist.displayName == name; });
    REQUIRE(found != data.therapists.cend());
    return *found;
}

QByteArray compiledInJson()
{
    QFile file(QStringLiteral(":/demo/demo-clinic.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// The compiled-in file with one top-level entry replaced, for the tests of a broken file.
QByteArray withEntry(const QString& key, const QJsonValue& value)
{
    QJsonObject top = QJsonDocument::fromJson(compiledInJson()).object();
    top.insert(key, value);
    return QJsonDocument(top).toJson();
}

// The problem reported for `json`, which must not read.
QString problemWith(const QByteArray& json)
{
    const Result<DemoClinicData> data = DemoClinicData::fromJson(json, QDate(2026, 11, 25));
    REQUIRE_FALSE(data.ok());
    CHECK(data.error().code == ErrorCode::Invalid);
    return data.error().message;
}

} // namespace

TEST_CASE("The demo clinic's data file reads, whole", "[demo]")
{
    const QDate today(2026, 11, 25);
    const DemoClinicData data = require(DemoClinicData::fromResource(today));

    CHECK(data.settings.name == QStringLiteral("Masahista Healing Hands"));
    CHECK(data.settings.timeZoneId == QStringLiteral("America/Edmonton"));
    CHECK(data.settings.bookingStepMinutes == 15);
    CHECK(data.settings.openingHours.size() == 7);
    CHECK(data.therapists.size() == 9);
    CHECK(data.massageTypes.size() == 12);
    CHECK(data.rooms.size() == 4);
    CHECK(data.clients.size() == 40);
    CHECK(data.cancellations.size() == 5);
    CHECK(data.appointmentNotes.size() == 5);

    QSet<QString> roomKinds;
    for (qsizetype index = 0; index < data.rooms.size(); ++index) {
        CHECK(data.rooms[index].sortOrder == index + 1);
        roomKinds.insert(data.rooms[index].kind);
    }
    for (qsizetype index = 0; index < data.therapists.size(); ++index) {
        const DemoTherapist& demo = data.therapists[index];
        INFO(demo.therapist.displayName);
        CHECK(demo.therapist.sortOrder == index + 1);
        CHECK_FALSE(demo.weeklyHours.isEmpty());
        for (const Certification& certification : demo.therapist.certifications) {
            CHECK_FALSE(certification.modalityName.isEmpty());
        }
    }
    for (qsizetype index = 0; index < data.massageTypes.size(); ++index) {
        const DemoMassageType& demo = data.massageTypes[index];
        INFO(demo.type.name);
        CHECK(demo.type.sortOrder == index + 1);
        CHECK_FALSE(demo.type.requiredModalityName.isEmpty());
        CHECK(roomKinds.contains(demo.type.roomKind));
        CHECK_FALSE(demo.type.options.isEmpty());
    }
}

TEST_CASE("The demo data turns shifts into weekly hours and dates it from today", "[demo]")
{
    const DemoClinicData data = require(DemoClinicData::fromResource(QDate(2026, 11, 25)));

    // Darlene works the early shift on Monday, Tuesday and Thursday and Saturday's early one.
    const DemoTherapist& darlene = namedTherapist(data, QStringLiteral("Darlene N"));
    const QList<WeeklyInterval> expected{{1, 9 * 60, 12 * 60}, {1, 12 * 60 + 30, 15 * 60},
                                         {2, 9 * 60, 12 * 60}, {2, 12 * 60 + 30, 15 * 60},
                                         {4, 9 * 60, 12 * 60}, {4, 12 * 60 + 30, 15 * 60},
                                         {6, 9 * 60, 12 * 60}, {6, 12 * 60 + 30, 15 * 60}};
    CHECK(darlene.weeklyHours == expected);
    REQUIRE(darlene.therapist.education.size() == 1);
    CHECK(darlene.therapist.education.front().completedOn == QDate(2021, 10, 31));

    // The expiry that must stay ahead of the demo moves with the day it is loaded on.
    const auto hotStoneExpiry = [](const DemoClinicData& loaded) {
        for (const Certification& certification :
             namedTherapist(loaded, QStringLiteral("Mary Angelie M")).therapist.certifications) {
            if (certification.modalityName == QStringLiteral("Hot stone")) {
                return certification.expiresOn;
            }
        }
        return QDate();
    };
    CHECK(hotStoneExpiry(data) == QDate(2028, 12, 31));
    CHECK(hotStoneExpiry(require(DemoClinicData::fromResource(QDate(2031, 1, 2)))) ==
          QDate(2033, 12, 31));
}

TEST_CASE("A demo data file that does not read says where it goes wrong", "[demo]")
{
    CHECK(problemWith(QByteArrayLiteral("{\"clinic\": ")).contains(QStringLiteral("byte")));
    CHECK(problemWith(QByteArrayLiteral("[]")).contains(QStringLiteral("file")));

    QJsonObject room{{QStringLiteral("name"), QStringLiteral("Birch Room")},
                     {QStringLiteral("kind"), QStringLiteral("table")},
                     {QStringLiteral("colour"), QStringLiteral("#ffffff")}};
    CHECK(problemWith(withEntry(QStringLiteral("rooms"), QJsonArray{room}))
              .contains(QStringLiteral("rooms[0]: unknown key \"colour\"")));

    room.remove(QStringLiteral("colour"));
    room.remove(QStringLiteral("kind"));
    CHECK(problemWith(withEntry(QStringLiteral("rooms"), QJsonArray{room}))
              .contains(QStringLiteral("rooms[0].kind: expected a string")));

    CHECK(problemWith(withEntry(QStringLiteral("rooms"), QJsonArray{}))
              .contains(QStringLiteral("rooms: the demo needs at least one")));

    const QJsonObject client{{QStringLiteral("name"), QStringLiteral("Test Client")},
                             {QStringLiteral("phone"), QStringLiteral("780-555-0199")},
                             {QStringLiteral("dateOfBirth"), QStringLiteral("1990-02-30")}};
    CHECK(problemWith(withEntry(QStringLiteral("clients"), QJsonArray{client}))
              .contains(QStringLiteral("clients[0].dateOfBirth: expected a date")));
}

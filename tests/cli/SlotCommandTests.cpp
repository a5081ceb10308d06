#include "support/TestSupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using masahista::test::ProcessResult;
using masahista::test::runMasahista;

namespace {

// "Now" for the executables this test starts: the morning the demo is built around. The
// variable is the process's own, so it is put back however the test ends.
class PinnedNow
{
public:
    PinnedNow() { qputenv("MASAHISTA_NOW", "2026-11-25T09:00:00-07:00"); }
    ~PinnedNow() { qunsetenv("MASAHISTA_NOW"); }
    PinnedNow(const PinnedNow&) = delete;
    PinnedNow& operator=(const PinnedNow&) = delete;
};

QString demoDatabase(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
    const ProcessResult demo =
        runMasahista({QStringLiteral("--db"), path, QStringLiteral("demo"),
                      QStringLiteral("--today"), QStringLiteral("2026-11-25")});
    INFO(demo.err);
    REQUIRE(demo.exitCode == 0);
    return path;
}

ProcessResult runSlots(const QString& path, const QStringList& arguments)
{
    return runMasahista(QStringList{QStringLiteral("--db"), path, QStringLiteral("slots")} +
                        arguments);
}

QJsonArray jsonArrayOf(const ProcessResult& result)
{
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &parseError);
    REQUIRE(parseError.error == QJsonParseError::NoError);
    REQUIRE(document.isArray());
    return document.array();
}

} // namespace

TEST_CASE("slots --json lists free slots with clinic-local times and their offset", "[slots][cli]")
{
    QTemporaryDir dir;
    const PinnedNow now;
    const QString path = demoDatabase(dir);

    const QJsonArray found = jsonArrayOf(
        runSlots(path, {QStringLiteral("--service"), QStringLiteral("traditional THAI"),
                        QStringLiteral("--minutes"), QStringLiteral("60"), QStringLiteral("--from"),
                        QStringLiteral("2026-12-03"), QStringLiteral("--days"), QStringLiteral("2"),
                        QStringLiteral("--limit"), QStringLiteral("5"), QStringLiteral("--json")}));
    REQUIRE(found.size() == 5);
    static const QRegularExpression isoWithOffset(
        QStringLiteral("^2026-12-0[34]T\\d\\d:[0-5][05]:00-07:00$"));
    QString previous;
    for (const QJsonValue& value : found) {
        const QJsonObject slot = value.toObject();
        INFO(QString::fromUtf8(QJsonDocument(slot).toJson(QJsonDocument::Compact)));
        const QStringList keys = slot.keys();
        CHECK(QSet<QString>(keys.cbegin(), keys.cend()) ==
              QSet<QString>{QStringLiteral("therapist"), QStringLiteral("therapist_id"),
                            QStringLiteral("room"), QStringLiteral("room_id"),
                            QStringLiteral("start"), QStringLiteral("end")});
        CHECK_FALSE(slot.value(QStringLiteral("therapist")).toString().isEmpty());
        CHECK(slot.value(QStringLiteral("therapist_id")).toInteger() > 0);
        CHECK(slot.value(QStringLiteral("room")).toString() == u"Lotus Mat Room");
        CHECK(slot.value(QStringLiteral("room_id")).toInteger() > 0);
        const QString start = slot.value(QStringLiteral("start")).toString();
        const QString end = slot.value(QStringLiteral("end")).toString();
        CHECK(isoWithOffset.match(start).hasMatch());
        CHECK(isoWithOffset.match(end).hasMatch());
        CHECK(QDateTime::fromString(start, Qt::ISODate)
                  .secsTo(QDateTime::fromString(end, Qt::ISODate)) == 3600);
        CHECK(previous <= start);
        previous = start;
    }
}

TEST_CASE("slots honours the therapist named, and prints one line per slot", "[slots][cli]")
{
    QTemporaryDir dir;
    const PinnedNow now;
    const QString path = demoDatabase(dir);
    const QStringList query{QStringLiteral("--service"),   QStringLiteral("Thai oil on the mat"),
                            QStringLiteral("--minutes"),   QStringLiteral("60"),
                            QStringLiteral("--therapist"), QStringLiteral("eden l"),
                            QStringLiteral("--from"),      QStringLiteral("2026-12-01"),
                            QStringLiteral("--days"),      QStringLiteral("4")};

    const QJsonArray found =
        jsonArrayOf(runSlots(path, query + QStringList{QStringLiteral("--json")}));
    REQUIRE(found.size() == 10); // the default limit
    for (const QJsonValue& value : found) {
        CHECK(value.toObject().value(QStringLiteral("therapist")).toString() == u"Eden L");
    }

    const ProcessResult text = runSlots(path, query);
    INFO(text.out << text.err);
    REQUIRE(text.exitCode == 0);
    const QStringList lines = text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 10);
    static const QRegularExpression line(
        QStringLiteral("^\\S+ 2026-12-0\\d \\d\\d:\\d\\d–\\d\\d:\\d\\d  Eden L  Lotus Mat Room$"));
    for (const QString& each : lines) {
        INFO(each);
        CHECK(line.match(each).hasMatch());
    }
    const QString firstStart =
        found.first().toObject().value(QStringLiteral("start")).toString().mid(11, 5);
    CHECK(lines.first().contains(firstStart + u'–'));
}

TEST_CASE("slots starts today by default and never offers the past", "[slots][cli]")
{
    QTemporaryDir dir;
    const PinnedNow now;
    const QString path = demoDatabase(dir);
    const QJsonArray found = jsonArrayOf(
        runSlots(path, {QStringLiteral("--service"), QStringLiteral("Swedish relaxation"),
                        QStringLiteral("--minutes"), QStringLiteral("60"), QStringLiteral("--days"),
                        QStringLiteral("14"), QStringLiteral("--limit"), QStringLiteral("500"),
                        QStringLiteral("--json")}));
    REQUIRE_FALSE(found.isEmpty());
    const QDateTime pinned =
        QDateTime::fromString(QStringLiteral("2026-11-25T09:00:00-07:00"), Qt::ISODate);
    for (const QJsonValue& value : found) {
        const QDateTime start = QDateTime::fromString(
            value.toObject().value(QStringLiteral("start")).toString(), Qt::ISODate);
        CHECK(start >= pinned);
        CHECK(start < pinned.addDays(14));
    }

    SECTION("a range in the past has none, said plainly")
    {
        const QStringList past{QStringLiteral("--service"), QStringLiteral("Swedish relaxation"),
                               QStringLiteral("--minutes"), QStringLiteral("60"),
                               QStringLiteral("--from"),    QStringLiteral("2026-11-18"),
                               QStringLiteral("--days"),    QStringLiteral("3")};
        CHECK(jsonArrayOf(runSlots(path, past + QStringList{QStringLiteral("--json")})).isEmpty());
        const ProcessResult text = runSlots(path, past);
        CHECK(text.exitCode == 0);
        CHECK(text.out.contains(u"No free slots"));
    }
}

TEST_CASE("slots exits 1 for a refused question, 2 for a usage error, 3 without a database",
          "[slots][cli]")
{
    QTemporaryDir dir;
    const PinnedNow now;
    const QString path = demoDatabase(dir);
    const QStringList thai{QStringLiteral("--service"), QStringLiteral("Traditional Thai")};

    SECTION("refused, the reason on stderr")
    {
        const auto [arguments, reason] = GENERATE_COPY(
            std::pair{QStringList{QStringLiteral("--service"), QStringLiteral("Shiatsu"),
                                  QStringLiteral("--minutes"), QStringLiteral("60")},
                      QStringLiteral("Shiatsu")},
            std::pair{thai + QStringList{QStringLiteral("--minutes"), QStringLiteral("30")},
                      QStringLiteral("offered")},
            std::pair{thai + QStringList{QStringLiteral("--minutes"), QStringLiteral("60"),
                                         QStringLiteral("--therapist"), QStringLiteral("Nobody")},
                      QStringLiteral("Nobody")},
            std::pair{thai + QStringList{QStringLiteral("--minutes"), QStringLiteral("60"),
                                         QStringLiteral("--room"), QStringLiteral("birch room")},
                      QStringLiteral("mat room")});
        const ProcessResult result = runSlots(path, arguments);
        INFO(arguments.join(u' ') << result.out << result.err);
        CHECK(result.exitCode == 1);
        CHECK(result.err.contains(reason));
        CHECK(result.out.isEmpty());
    }

    SECTION("usage errors")
    {
        const QStringList arguments = GENERATE_COPY(
            QStringList{QStringLiteral("--minutes"), QStringLiteral("60")}, QStringList(thai),
            thai + QStringList{QStringLiteral("--minutes"), QStringLiteral("an hour")},
            thai + QStringList{QStringLiteral("--minutes"), QStringLiteral("60"),
                               QStringLiteral("--days"), QStringLiteral("63")},
            thai + QStringList{QStringLiteral("--minutes"), QStringLiteral("60"),
                               QStringLiteral("--limit"), QStringLiteral("0")},
            thai + QStringList{QStringLiteral("--minutes"), QStringLiteral("60"),
                               QStringLiteral("--from"), QStringLiteral("next week")},
            thai + QStringList{QStringLiteral("--minutes"), QStringLiteral("60"),
                               QStringLiteral("--colour"), QStringLiteral("blue")},
            thai + QStringList{QStringLiteral("--minutes"), QStringLiteral("60"),
                               QStringLiteral("extra")});
        const ProcessResult result = runSlots(path, arguments);
        INFO(arguments.join(u' ') << result.out << result.err);
        CHECK(result.exitCode == 2);
        CHECK_FALSE(result.err.isEmpty());
    }

    SECTION("no database there")
    {
        const ProcessResult result =
            runSlots(dir.filePath(QStringLiteral("missing.sqlite")),
                     thai + QStringList{QStringLiteral("--minutes"), QStringLiteral("60")});
        CHECK(result.exitCode == 3);
    }
}

TEST_CASE("slots takes any positive --limit: --days bounds the list", "[slots][cli]")
{
    QTemporaryDir dir;
    const PinnedNow now;
    const QString path = demoDatabase(dir);
    const QStringList fortnight{QStringLiteral("--service"), QStringLiteral("Swedish relaxation"),
                                QStringLiteral("--minutes"), QStringLiteral("60"),
                                QStringLiteral("--from"),    QStringLiteral("2026-11-26"),
                                QStringLiteral("--days"),    QStringLiteral("14"),
                                QStringLiteral("--json"),    QStringLiteral("--limit")};

    // Every slot of the fortnight: far more than 500 of them.
    const QJsonArray all =
        jsonArrayOf(runSlots(path, fortnight + QStringList{QStringLiteral("100000")}));
    CHECK(all.size() > 500);
    CHECK(all.size() < 100000);
    // A limit past the int range means as many as there are.
    CHECK(jsonArrayOf(runSlots(path, fortnight + QStringList{QStringLiteral("99999999999")})) ==
          all);
    // A limit above 500 but below the total gives the earliest ones.
    const QJsonArray first =
        jsonArrayOf(runSlots(path, fortnight + QStringList{QStringLiteral("501")}));
    REQUIRE(first.size() == 501);
    for (qsizetype i = 0; i < first.size(); ++i) {
        CHECK(first.at(i) == all.at(i));
    }

    for (const QString& bad : {QStringLiteral("0"), QStringLiteral("-3"), QStringLiteral("ten"),
                               QStringLiteral("1.5"), QString()}) {
        INFO(bad);
        const ProcessResult refused = runSlots(path, fortnight + QStringList{bad});
        CHECK(refused.exitCode == 2);
        CHECK(refused.out.isEmpty());
        CHECK(refused.err.contains(u"--limit needs a whole number of 1 or more, not \"" + bad +
                                   u"\"."));
    }
}

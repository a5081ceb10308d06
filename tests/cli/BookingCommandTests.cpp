#include "support/TestSupport.h"

#include <QTemporaryDir>
#include <QTimeZone>

using masahista::test::ProcessResult;
using masahista::test::runMasahistaAt;

namespace {

// Wednesday 2026-11-25, 09:00 in Edmonton: the demo's "today".
const QDateTime now(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc());

struct DemoClinicFile
{
    DemoClinicFile()
    {
        const ProcessResult loaded =
            run({QStringLiteral("demo"), QStringLiteral("--today"), QStringLiteral("2026-11-25")});
        INFO(loaded.err);
        REQUIRE(loaded.exitCode == 0);
    }

    ProcessResult run(const QStringList& arguments) const
    {
        return runMasahistaAt(now, QStringList{QStringLiteral("--db"), path} + arguments);
    }

    QString newClient(const QString& name) const
    {
        const ProcessResult added =
            run({QStringLiteral("clients"), QStringLiteral("add"), QStringLiteral("--name"), name,
                 QStringLiteral("--phone"), QStringLiteral("587 555 0190")});
        INFO(added.err);
        REQUIRE(added.exitCode == 0);
        return added.out.trimmed();
    }

    // Eden L works Tuesdays 12:00-15:00 and 15:30-18:30; 8 December is after the demo's bookings.
    ProcessResult book(const QString& client, const QString& start,
                       const QStringList& extra = {}) const
    {
        return run(QStringList{QStringLiteral("book"), QStringLiteral("--client"), client,
                               QStringLiteral("--therapist"), QStringLiteral("eden l"),
                               QStringLiteral("--service"), QStringLiteral("Swedish relaxation"),
                               QStringLiteral("--minutes"), QStringLiteral("60"),
                               QStringLiteral("--start"), start} +
                   extra);
    }

    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
};

QStringList idsOf(const ProcessResult& result)
{
    return result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void requireRefused(const ProcessResult& result, const char16_t* reason)
{
    INFO(result.err);
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains(QStringView(reason)));
    CHECK(result.err.count(QLatin1Char('\n')) == 1);
    CHECK(result.out.isEmpty());
}

} // namespace

TEST_CASE("book prints the new id and refuses with the rule's words", "[cli][booking]")
{
    DemoClinicFile clinic;
    const QString ana = clinic.newClient(QStringLiteral("Ana Test"));
    const QString ben = clinic.newClient(QStringLiteral("Ben Test"));

    const ProcessResult booked =
        clinic.book(ana, QStringLiteral("2026-12-08T12:00"),
                    {QStringLiteral("--note"), QStringLiteral("First visit")});
    INFO(booked.err);
    REQUIRE(booked.exitCode == 0);
    REQUIRE(idsOf(booked).size() == 1);

    requireRefused(clinic.book(ben, QStringLiteral("2026-12-08T12:30")), u"Slot taken");
    requireRefused(clinic.book(ben, QStringLiteral("2026-12-08T10:00")), u" on Tuesdays.");
    requireRefused(clinic.book(ben, QStringLiteral("2026-12-08T12:05")), u"grid");
    requireRefused(clinic.book(QStringLiteral("Nobody Known"), QStringLiteral("2026-12-08T13:15")),
                   u"no client named");
    const ProcessResult overridden =
        clinic.book(ben, QStringLiteral("2026-12-08T10:00"),
                    {QStringLiteral("--override"), QStringLiteral("Eden is covering a shift")});
    CHECK(overridden.exitCode == 0);
    // An exact instant with an offset is accepted too: 13:15 local is 20:15 UTC.
    CHECK(clinic.book(ben, QStringLiteral("2026-12-08T20:15:00Z")).exitCode == 0);

    CHECK(clinic.run({QStringLiteral("book"), QStringLiteral("--client"), ana}).exitCode == 2);
    CHECK(clinic.book(ana, QStringLiteral("next tuesday")).exitCode == 2);
    CHECK(clinic.book(ana, QStringLiteral("2026-12-08T15:30"), {QStringLiteral("--skip-conflicts")})
              .exitCode == 2);
}

TEST_CASE("book --every-weeks books a series, all or nothing unless told to skip", "[cli][booking]")
{
    DemoClinicFile clinic;
    const QString ana = clinic.newClient(QStringLiteral("Ana Series"));
    const QString ben = clinic.newClient(QStringLiteral("Ben Series"));
    REQUIRE(clinic.book(ben, QStringLiteral("2026-12-22T15:30")).exitCode == 0);

    const QStringList weekly{QStringLiteral("--every-weeks"), QStringLiteral("1"),
                             QStringLiteral("--count"), QStringLiteral("4")};
    requireRefused(clinic.book(ana, QStringLiteral("2026-12-08T15:30"), weekly), u"1 of 4");
    const ProcessResult skipped =
        clinic.book(ana, QStringLiteral("2026-12-08T15:30"),
                    weekly + QStringList{QStringLiteral("--skip-conflicts")});
    INFO(skipped.err);
    CHECK(skipped.exitCode == 0);
    CHECK(idsOf(skipped).size() == 3);

    const ProcessResult untilDate =
        clinic.book(ana, QStringLiteral("2026-12-08T17:00"),
                    {QStringLiteral("--every-weeks"), QStringLiteral("2"),
                     QStringLiteral("--until"), QStringLiteral("2027-01-05")});
    CHECK(untilDate.exitCode == 0);
    CHECK(idsOf(untilDate).size() == 3); // 8 Dec, 22 Dec, 5 Jan
    CHECK(clinic
              .book(ana, QStringLiteral("2026-12-08T13:00"),
                    {QStringLiteral("--every-weeks"), QStringLiteral("1")})
              .exitCode == 2);
}

TEST_CASE("move, cancel and status change a booking under the same rules", "[cli][booking]")
{
    DemoClinicFile clinic;
    const QString ana = clinic.newClient(QStringLiteral("Ana Move"));
    const QString ben = clinic.newClient(QStringLiteral("Ben Move"));
    const QString first = clinic.book(ana, QStringLiteral("2026-12-08T12:00")).out.trimmed();
    const QString second = clinic.book(ben, QStringLiteral("2026-12-08T13:30")).out.trimmed();
    REQUIRE_FALSE(first.isEmpty());
    REQUIRE_FALSE(second.isEmpty());

    requireRefused(clinic.run({QStringLiteral("move"), first, QStringLiteral("--start"),
                               QStringLiteral("2026-12-08T13:00")}),
                   u"Slot taken");
    const ProcessResult moved =
        clinic.run({QStringLiteral("move"), first, QStringLiteral("--start"),
                    QStringLiteral("2026-12-08T15:30")});
    INFO(moved.err);
    CHECK(moved.exitCode == 0);
    CHECK(moved.out.trimmed() == first);
    CHECK(clinic.run({QStringLiteral("move"), first}).exitCode == 2);
    requireRefused(clinic.run({QStringLiteral("move"), QStringLiteral("99999"),
                               QStringLiteral("--minutes"), QStringLiteral("90")}),
                   u"no appointment");

    CHECK(clinic.run({QStringLiteral("status"), second, QStringLiteral("confirmed")}).exitCode ==
          0);
    requireRefused(clinic.run({QStringLiteral("status"), second, QStringLiteral("no-show")}),
                   u"not started");
    CHECK(clinic.run({QStringLiteral("status"), second, QStringLiteral("lost")}).exitCode == 2);

    const ProcessResult cancelled = clinic.run(
        {QStringLiteral("cancel"), second, QStringLiteral("--reason"), QStringLiteral("Sick")});
    CHECK(cancelled.exitCode == 0);
    CHECK(cancelled.out.contains(u"Cancelled " + second));
    requireRefused(clinic.run({QStringLiteral("cancel"), second}), u"cancelled");
    CHECK(clinic.run({QStringLiteral("cancel"), QStringLiteral("abc")}).exitCode == 2);
    // The freed time can be booked again.
    CHECK(clinic.book(ana, QStringLiteral("2026-12-08T13:30")).exitCode == 0);
}

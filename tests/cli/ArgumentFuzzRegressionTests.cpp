// Command-line values that the fuzz targets tests/fuzz/fuzz_arguments.cpp and
// fuzz_option_values.cpp found misread, kept here as the behaviour they now have.
#include "cli/ArgumentParser.h"
#include "cli/Cli.h"
#include "cli/OptionValues.h"
#include "support/TestSupport.h"

#include <QTemporaryDir>
#include <QTimeZone>

using namespace masahista;
using namespace masahista::cli;

TEST_CASE("An option given twice is refused, not overwritten", "[cli]")
{
    const ArgumentParser parser(commands());
    const Arguments twice = parser.parse({QStringLiteral("masahista"), QStringLiteral("move"),
                                          QStringLiteral("42"), QStringLiteral("--series"),
                                          QStringLiteral("all"), QStringLiteral("--series=this")});
    CHECK(twice.error == u"The option --series is given twice; give it once.");

    const Arguments output = parser.parse(
        {QStringLiteral("masahista"), QStringLiteral("export-ics"), QStringLiteral("-o"),
         QStringLiteral("a.ics"), QStringLiteral("--output"), QStringLiteral("b.ics")});
    CHECK(output.error == u"The option --output is given twice; give it once.");

    // A flag said twice still says one thing.
    const Arguments flags = parser.parse({QStringLiteral("masahista"), QStringLiteral("rooms"),
                                          QStringLiteral("--json"), QStringLiteral("--json")});
    CHECK(flags.error.isEmpty());
    CHECK(flags.flags.contains(QStringLiteral("json")));

    QTemporaryDir dir;
    const test::ProcessResult run = test::runMasahista(
        {QStringLiteral("--db"), dir.filePath(QStringLiteral("a.sqlite")), QStringLiteral("--db"),
         dir.filePath(QStringLiteral("b.sqlite")), QStringLiteral("init")});
    CHECK(run.exitCode == UsageError);
    CHECK(run.err.contains(u"--db is given twice"));
}

TEST_CASE("A date option is YYYY-MM-DD and nothing else", "[cli]")
{
    CHECK(OptionValues::date(QStringLiteral("2026-11-25")) == QDate(2026, 11, 25));
    CHECK(OptionValues::date(QStringLiteral(" 2026-11-25 ")) == QDate(2026, 11, 25));
    // Qt alone reads each of these as the 25th of November.
    for (const QString& bad :
         {QStringLiteral("2026/11/25"), QStringLiteral("2026-11-25x"),
          QStringLiteral("2026-11-25T10:00"), QStringLiteral("2026-11-25,2026-12-02"),
          QStringLiteral("2026.11.25")}) {
        INFO(bad);
        CHECK_FALSE(OptionValues::date(bad).has_value());
    }
}

TEST_CASE("An instant outside the years 1 to 9999 is refused", "[cli]")
{
    const QTimeZone edmonton("America/Edmonton");
    // Year 10000 in UTC, which Qt writes as an empty text.
    CHECK_FALSE(OptionValues::instant(QStringLiteral("9999-12-31T23:59"), edmonton).has_value());
    CHECK_FALSE(
        OptionValues::instant(QStringLiteral("9999-12-31T23:59-07:00"), edmonton).has_value());
    CHECK_FALSE(
        OptionValues::instant(QStringLiteral("0001-01-01T00:00+01:00"), edmonton).has_value());
    CHECK_FALSE(OptionValues::pinnedNow(QStringLiteral("9999-12-31T23:59-07:00")).has_value());
    CHECK(OptionValues::instant(QStringLiteral("9999-12-30T10:00"), edmonton) ==
          QDateTime(QDate(9999, 12, 30), QTime(17, 0), QTimeZone::utc()));
    CHECK(OptionValues::instant(QStringLiteral("2026-12-01T10:00"), edmonton) ==
          QDateTime(QDate(2026, 12, 1), QTime(17, 0), QTimeZone::utc()));
}

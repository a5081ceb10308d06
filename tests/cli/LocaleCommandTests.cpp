// The command line's dates and weekdays are in the language of its texts (English), whatever
// the system's locale says: the real executable run under fr_CA.UTF-8.
//
// Qt reads LC_ALL, LC_TIME and LANG itself and takes the names from its own data, so the
// French names appear whether or not the C library has fr_CA generated (`locale -a`): this test
// proves the point in a minimal container too.
#include "support/TestSupport.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <optional>
#include <utility>
#include <vector>

using masahista::test::ProcessResult;
using masahista::test::runMasahista;

namespace {

// Sets environment variables for the executables started meanwhile, and puts them back.
class Environment
{
public:
    explicit Environment(const std::vector<std::pair<const char*, QByteArray>>& values)
    {
        for (const auto& [name, value] : values) {
            m_saved.emplace_back(name, qEnvironmentVariableIsSet(name)
                                           ? std::optional<QByteArray>(qgetenv(name))
                                           : std::nullopt);
            if (value.isNull()) {
                qunsetenv(name);
            } else {
                qputenv(name, value);
            }
        }
    }
    ~Environment()
    {
        for (const auto& [name, value] : m_saved) {
            if (value) {
                qputenv(name, *value);
            } else {
                qunsetenv(name);
            }
        }
    }
    Environment(const Environment&) = delete;
    Environment& operator=(const Environment&) = delete;

private:
    std::vector<std::pair<const char*, std::optional<QByteArray>>> m_saved;
};

const QByteArray now = QByteArrayLiteral("2026-11-25T09:00:00-07:00");

// Every text command that prints a date or a weekday, on one demo clinic; stdout and stderr.
QStringList outputs(const QString& path)
{
    const auto run = [&](const QStringList& arguments) -> QString {
        const ProcessResult result =
            runMasahista(QStringList{QStringLiteral("--db"), path} + arguments);
        return QString::number(result.exitCode) + QLatin1Char('\n') + result.out + result.err;
    };
    return {
        run({QStringLiteral("day"), QStringLiteral("--date"), QStringLiteral("2026-11-25")}),
        run({QStringLiteral("week"), QStringLiteral("--date"), QStringLiteral("2026-11-25")}),
        run({QStringLiteral("unresolved")}),
        run({QStringLiteral("therapists")}),
        run({QStringLiteral("slots"), QStringLiteral("--service"),
             QStringLiteral("Swedish relaxation"), QStringLiteral("--minutes"),
             QStringLiteral("60"), QStringLiteral("--limit"), QStringLiteral("3")}),
        // Refused (Eden L does not work on Sundays) after the note on the skipped time.
        run({QStringLiteral("book"), QStringLiteral("--client"),
             QStringLiteral("Priya Raghunathan"), QStringLiteral("--therapist"),
             QStringLiteral("Eden L"), QStringLiteral("--service"),
             QStringLiteral("Swedish relaxation"), QStringLiteral("--minutes"),
             QStringLiteral("60"), QStringLiteral("--start"), QStringLiteral("2027-03-14T02:30")}),
    };
}

} // namespace

TEST_CASE("Under fr_CA the command line's dates and weekdays stay English", "[cli][i18n]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
    {
        const Environment pinned({{"MASAHISTA_NOW", now}});
        REQUIRE(runMasahista({QStringLiteral("--db"), path, QStringLiteral("demo"),
                              QStringLiteral("--today"), QStringLiteral("2026-11-25")})
                    .exitCode == 0);
        // A past appointment nobody closed out, for "unresolved".
        const ProcessResult past = runMasahista(
            {QStringLiteral("--db"), path, QStringLiteral("book"), QStringLiteral("--client"),
             QStringLiteral("Priya Raghunathan"), QStringLiteral("--therapist"),
             QStringLiteral("Eden L"), QStringLiteral("--service"),
             QStringLiteral("Swedish relaxation"), QStringLiteral("--minutes"),
             QStringLiteral("60"), QStringLiteral("--start"), QStringLiteral("2026-11-18T07:00"),
             QStringLiteral("--override"), QStringLiteral("entered late")});
        INFO(past.err);
        REQUIRE(past.exitCode == 0);
    }

    QStringList english;
    {
        const Environment none({{"MASAHISTA_NOW", now},
                                {"LC_ALL", QByteArray()},
                                {"LC_TIME", QByteArray()},
                                {"LANG", QByteArray()}});
        english = outputs(path);
    }
    const QString all = english.join(QLatin1Char('\n'));
    INFO(all);
    // What the texts say in English, so that the comparison below compares something.
    CHECK(english.at(0).contains(u"\nWed 2026-11-25\n"));
    CHECK(english.at(1).contains(u"Week of Mon 2026-11-23 to Sun 2026-11-29"));
    CHECK(english.at(2).contains(u"Wed 2026-11-18 07:00"));
    CHECK(english.at(3).contains(u"Hours: Mon "));
    // The first free slot's day, whichever day the demo leaves one on.
    CHECK(english.at(4).contains(QRegularExpression(
        QStringLiteral("\\n(Mon|Tue|Wed|Thu|Fri|Sat|Sun) 2026-1\\d-\\d\\d \\d"))));
    CHECK(english.at(5).contains(u"Sunday 14 March 2027 does not exist"));
    CHECK(english.at(5).contains(u"Eden L does not work on Sundays."));

    const std::vector<std::vector<std::pair<const char*, QByteArray>>> french{
        {{"LC_ALL", "fr_CA.UTF-8"}, {"LANG", "fr_CA.UTF-8"}},
        {{"LC_ALL", QByteArray()}, {"LANG", "fr_CA.UTF-8"}, {"LC_TIME", QByteArray()}},
        // An English desktop that only wants French dates.
        {{"LC_ALL", QByteArray()}, {"LANG", "en_CA.UTF-8"}, {"LC_TIME", "fr_CA.UTF-8"}},
    };
    for (const auto& locale : french) {
        std::vector<std::pair<const char*, QByteArray>> values = locale;
        values.emplace_back("MASAHISTA_NOW", now);
        const Environment environment(values);
        const QStringList seen = outputs(path);
        for (qsizetype i = 0; i < english.size(); ++i) {
            INFO(seen.at(i));
            CHECK(seen.at(i) == english.at(i));
            for (const char16_t* word : {u"lun.", u"mer.", u"dim.", u"dimanche", u"mars"}) {
                CHECK_FALSE(seen.at(i).contains(QStringView(word)));
            }
        }
    }
}

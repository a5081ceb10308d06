// "masahista help COMMAND" and "masahista COMMAND --help": that command's usage, read from the
// real executable.
#include "cli/Cli.h"
#include "cli/CommandContext.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace masahista;
using masahista::test::ProcessResult;
using masahista::test::runMasahista;

namespace {

ProcessResult helpFor(const QStringList& words)
{
    return runMasahista(QStringList{QStringLiteral("help")} + words);
}

// The example under "Example:", its continuation lines joined as the shell joins them.
QString exampleOf(const QString& help)
{
    const qsizetype at = help.indexOf(u"Example:\n");
    REQUIRE(at >= 0);
    QString example = help.mid(at + 9);
    example.truncate(example.indexOf(u"\n\n"));
    return example.replace(QRegularExpression(QStringLiteral(" \\\\\\n *")), QStringLiteral(" "))
        .trimmed();
}

// Runs a line as the shell would, "masahista" being the executable under test, in `home`.
ProcessResult runShellLine(const QString& line, const QString& home)
{
    REQUIRE(line.startsWith(u"masahista "));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    environment.insert(QStringLiteral("MASAHISTA_NOW"),
                       QStringLiteral("2026-12-07T09:00:00-07:00"));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(home);
    process.start(QStringLiteral("/bin/sh"),
                  {QStringLiteral("-c"), QStringLiteral("\"$0\" ") + line.mid(10),
                   QStringLiteral(MASAHISTA_EXECUTABLE)});
    REQUIRE(process.waitForFinished(60000));
    ProcessResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace

TEST_CASE("help COMMAND and COMMAND --help print that command's usage", "[cli][help]")
{
    struct Expected
    {
        QStringList words;
        QStringList lines;
    };
    const QList<Expected> expected{
        {{QStringLiteral("book")},
         {QStringLiteral("Usage: masahista book --client C --therapist T"),
          QStringLiteral("  --client C "), QStringLiteral("  --start YYYY-MM-DDTHH:MM  "),
          QStringLiteral("  --skip-conflicts "), QStringLiteral("  masahista book --client ")}},
        {{QStringLiteral("status")},
         {QStringLiteral("Usage: masahista status ID confirmed|arrived|completed|no-show"),
          QStringLiteral("  no-show "), QStringLiteral("  masahista status 57 completed")}},
        {{QStringLiteral("slots")},
         {QStringLiteral("Usage: masahista slots --service S --minutes M"),
          QStringLiteral("  --limit K "), QStringLiteral("  --days N "),
          QStringLiteral("  masahista slots --service ")}},
        {{QStringLiteral("export-ics")},
         {QStringLiteral("  -o FILE, --output FILE "), QStringLiteral("  --therapist T ")}},
        {{QStringLiteral("clients"), QStringLiteral("find")},
         {QStringLiteral("Usage: masahista clients find TEXT [--limit N] [--json]"),
          QStringLiteral("  TEXT "), QStringLiteral("  masahista clients find ")}},
        {{QStringLiteral("init")}, {QStringLiteral("Usage: masahista init\n")}},
    };
    for (const Expected& command : expected) {
        INFO(command.words.join(u' '));
        const ProcessResult help = helpFor(command.words);
        INFO(help.out << help.err);
        CHECK(help.exitCode == 0);
        CHECK(help.err.isEmpty());
        for (const QString& line : command.lines) {
            CHECK(help.out.contains(line));
        }
        // Not the general help, and no other command's usage.
        CHECK_FALSE(help.out.contains(u"Commands:"));
        CHECK_FALSE(help.out.contains(u"Exit codes"));
        CHECK(help.out.count(u"Usage: ") == 1);
        CHECK(help.out.contains(u"Example:\n  masahista "));

        const ProcessResult flag =
            runMasahista(command.words + QStringList{QStringLiteral("--help")});
        CHECK(flag.exitCode == 0);
        CHECK(flag.out == help.out);
        const ProcessResult shortFlag =
            runMasahista(QStringList{QStringLiteral("-h")} + command.words);
        CHECK(shortFlag.out == help.out);
    }

    // A command group: the usage of each of its commands.
    const ProcessResult clients = helpFor({QStringLiteral("clients")});
    CHECK(clients.exitCode == 0);
    CHECK(clients.out.contains(u"Usage: masahista clients add"));
    CHECK(clients.out.contains(u"Usage: masahista clients find"));
    CHECK(clients.out.count(u"Usage: ") == 2);

    // Without a command, help is the general help.
    const ProcessResult general = runMasahista({QStringLiteral("help")});
    CHECK(general.exitCode == 0);
    CHECK(general.out.contains(u"Commands:"));
    CHECK(general.out == runMasahista({QStringLiteral("--help")}).out);
}

TEST_CASE("help for an unknown command says so and exits with 2", "[cli][help]")
{
    for (const QStringList& arguments :
         {QStringList{QStringLiteral("help"), QStringLiteral("xyz")},
          QStringList{QStringLiteral("xyz"), QStringLiteral("--help")},
          QStringList{QStringLiteral("help"), QStringLiteral("bok")}}) {
        INFO(arguments.join(u' '));
        const ProcessResult result = runMasahista(arguments);
        CHECK(result.exitCode == 2);
        CHECK(result.out.isEmpty());
        CHECK(result.err.contains(u"there is no such command"));
        CHECK(result.err.contains(arguments.at(arguments.at(0) == u"help" ? 1 : 0)));
    }
}

TEST_CASE("Every command's help names each of its options and gives an example", "[cli][help]")
{
    for (const cli::CommandSpec& command : cli::commands()) {
        INFO(command.words.join(u' '));
        CHECK_FALSE(command.help.example.isEmpty());
        const ProcessResult help = helpFor(command.words);
        CHECK(help.exitCode == 0);
        const QStringList options = command.valueOptions + command.flagOptions;
        for (const QString& option : options) {
            INFO(option);
            // Each option has its own line in the list, not only a mention in the synopsis.
            const QRegularExpression line(QStringLiteral("\\n  (-o FILE, )?--") +
                                          QRegularExpression::escape(option) +
                                          QStringLiteral("\\b"));
            CHECK(line.match(help.out).hasMatch());
        }
        for (const QString& text : help.out.split(u'\n')) {
            INFO(text);
            // Only the default database path, one word, may stretch a line.
            CHECK((text.size() <= 79 || text.contains(u"masahista.sqlite")));
        }
    }
}

TEST_CASE("Every command's example runs as written on the demo clinic", "[cli][help]")
{
    QTemporaryDir home;
    REQUIRE(home.isValid());
    REQUIRE(QDir(home.path()).mkpath(QStringLiteral("data")));
    for (const cli::CommandSpec& command : cli::commands()) {
        const QString name = command.words.join(u' ');
        INFO(name);
        const QString example = exampleOf(helpFor(command.words).out);
        INFO(example);
        const ProcessResult ran = runShellLine(example, home.path());
        INFO(ran.out << ran.err);
        // Never a usage error. Changing appointment 57 may be refused by a rule on a given day,
        // and the example's backup file does not exist here; everything else succeeds.
        CHECK(ran.exitCode != cli::UsageError);
        if (name == u"move" || name == u"cancel" || name == u"status" || name == u"book") {
            CHECK((ran.exitCode == cli::Success || ran.exitCode == cli::Refused));
        } else if (name == u"restore") {
            CHECK(ran.err.contains(u"masahista-2026-12-07-090000.sqlite"));
        } else {
            CHECK(ran.exitCode == cli::Success);
        }
    }
}

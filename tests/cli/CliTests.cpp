#include "data/Migrator.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>
#include <vector>

using namespace masahista;
using masahista::test::ProcessResult;
using masahista::test::readFileBytes;
using masahista::test::runMasahista;

namespace {

QJsonArray jsonArrayOf(const ProcessResult& result)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &parseError);
    INFO(result.out << result.err);
    REQUIRE(parseError.error == QJsonParseError::NoError);
    REQUIRE(document.isArray());
    return document.array();
}

// A line count that ignores the trailing newline.
qsizetype lineCount(const QString& text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size();
}

QString initDatabase(const QTemporaryDir& dir, const QString& name)
{
    const QString path = dir.filePath(name);
    const ProcessResult init = runMasahista({QStringLiteral("--db"), path, QStringLiteral("init")});
    INFO(init.err);
    REQUIRE(init.exitCode == 0);
    return path;
}

} // namespace

TEST_CASE("init creates a database and reports its version", "[cli]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new/clinic.sqlite"));
    const ProcessResult result =
        runMasahista({QStringLiteral("--db"), path, QStringLiteral("init")});
    INFO(result.err);
    CHECK(result.exitCode == 0);
    CHECK(result.out.contains(path));
    CHECK(result.out.contains(QString::number(Migrator::latestVersion())));
    CHECK(QFileInfo::exists(path));
    // Running it again is harmless.
    CHECK(runMasahista({QStringLiteral("--db=") + path, QStringLiteral("init")}).exitCode == 0);
}

TEST_CASE("Listing commands work on an empty clinic, in text and JSON", "[cli]")
{
    QTemporaryDir dir;
    const QString path = initDatabase(dir, QStringLiteral("empty.sqlite"));
    for (const QString& command :
         {QStringLiteral("therapists"), QStringLiteral("services"), QStringLiteral("rooms")}) {
        INFO(command);
        const ProcessResult text = runMasahista({QStringLiteral("--db"), path, command});
        CHECK(text.exitCode == 0);
        CHECK(text.out.contains(u"No "));
        const ProcessResult json =
            runMasahista({QStringLiteral("--db"), path, command, QStringLiteral("--json")});
        CHECK(json.exitCode == 0);
        CHECK(jsonArrayOf(json).isEmpty());
    }
}

TEST_CASE("clients add prints the new id and clients find finds it", "[cli]")
{
    QTemporaryDir dir;
    const QString path = initDatabase(dir, QStringLiteral("clients.sqlite"));
    const QString name = QStringLiteral("Zoë \"Zee\" O'Brien 💆");

    const ProcessResult added = runMasahista(
        {QStringLiteral("--db"), path, QStringLiteral("clients"), QStringLiteral("add"),
         QStringLiteral("--name"), name, QStringLiteral("--phone"), QStringLiteral("780.555.0142"),
         QStringLiteral("--email"), QStringLiteral("zoe@Example.com")});
    INFO(added.err);
    REQUIRE(added.exitCode == 0);
    bool isNumber = false;
    const qint64 id = added.out.trimmed().toLongLong(&isNumber);
    CHECK(isNumber);
    CHECK(id > 0);
    CHECK(added.err.isEmpty());

    const ProcessResult found =
        runMasahista({QStringLiteral("--db"), path, QStringLiteral("clients"),
                      QStringLiteral("find"), QStringLiteral("zoe"), QStringLiteral("--json")});
    REQUIRE(found.exitCode == 0);
    const QJsonArray clients = jsonArrayOf(found);
    REQUIRE(clients.size() == 1);
    const QJsonObject client = clients.at(0).toObject();
    CHECK(client.value(u"id").toInteger() == id);
    CHECK(client.value(u"name").toString() == name);
    CHECK(client.value(u"phone").toString() == u"(780) 555-0142");
    CHECK(client.value(u"email").toString() == u"zoe@example.com");

    const ProcessResult byPhone =
        runMasahista({QStringLiteral("--db"), path, QStringLiteral("clients"),
                      QStringLiteral("find"), QStringLiteral("555-0142")});
    CHECK(byPhone.exitCode == 0);
    CHECK(byPhone.out.contains(name));

    const ProcessResult none =
        runMasahista({QStringLiteral("--db"), path, QStringLiteral("clients"),
                      QStringLiteral("find"), QStringLiteral("nobody")});
    CHECK(none.exitCode == 0);
    CHECK(none.out.contains(u"No client"));
}

TEST_CASE("Refusals exit with 1 and one line saying why", "[cli]")
{
    QTemporaryDir dir;
    const QString path = initDatabase(dir, QStringLiteral("refusals.sqlite"));
    const auto addClient = [&path](const QString& name, const QString& phone,
                                   const QString& email = QString()) {
        QStringList arguments{
            QStringLiteral("--db"),   path, QStringLiteral("clients"), QStringLiteral("add"),
            QStringLiteral("--name"), name, QStringLiteral("--phone"), phone};
        if (!email.isEmpty()) {
            arguments << QStringLiteral("--email") << email;
        }
        return runMasahista(arguments);
    };
    REQUIRE(addClient(QStringLiteral("Ana Cruz"), QStringLiteral("7805550150")).exitCode == 0);

    struct Case
    {
        ProcessResult result;
        const char16_t* reason;
    };
    const QList<Case> cases{
        {addClient(QStringLiteral("Ana Cruz"), QStringLiteral("(780) 555-0150")),
         u"already a client"},
        {addClient(QStringLiteral("   "), QStringLiteral("7805550151")), u"name"},
        {addClient(QStringLiteral("Ben Ito"), QStringLiteral("555")), u"10 digits"},
        {addClient(QStringLiteral("Ben Ito"), QStringLiteral("7805550152"), QStringLiteral("ben@")),
         u"e-mail"},
    };
    for (const Case& refusal : cases) {
        INFO(refusal.result.err);
        CHECK(refusal.result.exitCode == 1);
        CHECK(refusal.result.err.contains(QStringView(refusal.reason)));
        CHECK(lineCount(refusal.result.err) == 1);
        CHECK(refusal.result.out.isEmpty());
    }
    const ProcessResult list =
        runMasahista({QStringLiteral("--db"), path, QStringLiteral("clients"),
                      QStringLiteral("find"), QStringLiteral("a"), QStringLiteral("--json")});
    CHECK(jsonArrayOf(list).size() == 1); // nothing was added by the refused commands
}

TEST_CASE("Usage errors exit with 2", "[cli]")
{
    QTemporaryDir dir;
    const QString path = initDatabase(dir, QStringLiteral("usage.sqlite"));
    const QList<QStringList> mistakes{
        {QStringLiteral("--db"), path, QStringLiteral("frobnicate")},
        {QStringLiteral("--db"), path, QStringLiteral("therapists"), QStringLiteral("--bogus")},
        {QStringLiteral("--db"), path, QStringLiteral("rooms"), QStringLiteral("--today"),
         QStringLiteral("2026-01-01")},
        {QStringLiteral("--db"), path, QStringLiteral("clients")},
        {QStringLiteral("--db"), path, QStringLiteral("clients"), QStringLiteral("add"),
         QStringLiteral("--name"), QStringLiteral("No Phone")},
        {QStringLiteral("--db"), path, QStringLiteral("clients"), QStringLiteral("find")},
        {QStringLiteral("--db"), path, QStringLiteral("clients"), QStringLiteral("find"),
         QStringLiteral("x"), QStringLiteral("--limit"), QStringLiteral("zero")},
        {QStringLiteral("--db"), path, QStringLiteral("demo"), QStringLiteral("--today"),
         QStringLiteral("25/11/2026")},
        {QStringLiteral("--db"), path, QStringLiteral("rooms"), QStringLiteral("extra")},
        {QStringLiteral("--db")},
    };
    for (const QStringList& arguments : mistakes) {
        INFO(arguments.join(u' '));
        const ProcessResult result = runMasahista(arguments);
        CHECK(result.exitCode == 2);
        CHECK(result.err.contains(u"masahista"));
    }
    const ProcessResult help = runMasahista({QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    CHECK(help.out.contains(u"clients add"));
    CHECK(help.out.contains(u"Exit codes"));
    const ProcessResult version = runMasahista({QStringLiteral("--version")});
    CHECK(version.exitCode == 0);
    CHECK(version.out.startsWith(u"masahista "));
}

TEST_CASE("Database problems exit with 3, name the file and leave it untouched", "[cli]")
{
    QTemporaryDir dir;
    const auto expectProblem = [](const QString& path, const QStringList& command,
                                  const char16_t* words) {
        const QByteArray before = QFileInfo::exists(path) ? readFileBytes(path) : QByteArray();
        const ProcessResult result =
            runMasahista(QStringList{QStringLiteral("--db"), path} + command);
        INFO(result.err);
        CHECK(result.exitCode == 3);
        CHECK(result.err.contains(path));
        CHECK(result.err.contains(QStringView(words)));
        CHECK(lineCount(result.err) == 1);
        if (!before.isEmpty()) {
            CHECK(readFileBytes(path) == before);
        }
    };

    SECTION("missing file")
    {
        const QString path = dir.filePath(QStringLiteral("missing.sqlite"));
        expectProblem(path, {QStringLiteral("therapists")}, u"no database");
        CHECK_FALSE(QFileInfo::exists(path));
    }
    SECTION("text file")
    {
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        masahista::test::writeFileBytes(path, "Not a database, just notes.\n");
        expectProblem(path, {QStringLiteral("therapists"), QStringLiteral("--json")},
                      u"not a Masahista database");
        expectProblem(path, {QStringLiteral("init")}, u"not a Masahista database");
    }
    SECTION("newer version")
    {
        const QString path = initDatabase(dir, QStringLiteral("newer.sqlite"));
        masahista::test::executeRawSql(
            path, {QStringLiteral("PRAGMA user_version = %1").arg(Migrator::latestVersion() + 5)});
        expectProblem(path, {QStringLiteral("therapists")}, u"newer version");
        expectProblem(path, {QStringLiteral("demo")}, u"newer version");
    }
    SECTION("truncated")
    {
        const QString path = initDatabase(dir, QStringLiteral("truncated.sqlite"));
        const QByteArray whole = readFileBytes(path);
        masahista::test::writeFileBytes(path, whole.left(whole.size() / 3));
        expectProblem(path, {QStringLiteral("rooms")}, u"truncated");
    }
    SECTION("read-only")
    {
        const QString path = initDatabase(dir, QStringLiteral("readonly.sqlite"));
        QFile::setPermissions(path, QFileDevice::ReadOwner);
        expectProblem(path,
                      {QStringLiteral("clients"), QStringLiteral("add"), QStringLiteral("--name"),
                       QStringLiteral("Read Only"), QStringLiteral("--phone"),
                       QStringLiteral("7805550160")},
                      u"read-only");
    }
    SECTION("locked by another program for longer than the busy timeout")
    {
        const QString path = initDatabase(dir, QStringLiteral("locked.sqlite"));
        QProcess holder;
        holder.start(QStringLiteral("sqlite3"), {path});
        REQUIRE(holder.waitForStarted());
        holder.write("BEGIN IMMEDIATE;\nSELECT 'locked';\n");
        REQUIRE(holder.waitForReadyRead(10000)); // the lock is held once it answers
        const ProcessResult result = runMasahista(
            {QStringLiteral("--db"), path, QStringLiteral("clients"), QStringLiteral("add"),
             QStringLiteral("--name"), QStringLiteral("Blocked Client"), QStringLiteral("--phone"),
             QStringLiteral("7805550170")});
        holder.write("ROLLBACK;\n.quit\n");
        holder.closeWriteChannel();
        REQUIRE(holder.waitForFinished(10000));
        INFO(result.err);
        CHECK(result.exitCode == 3);
        CHECK(result.err.contains(u"busy"));
        CHECK(result.err.contains(path));
        // Once the other program lets go, the same command succeeds.
        const ProcessResult retry = runMasahista(
            {QStringLiteral("--db"), path, QStringLiteral("clients"), QStringLiteral("add"),
             QStringLiteral("--name"), QStringLiteral("Blocked Client"), QStringLiteral("--phone"),
             QStringLiteral("7805550170")});
        CHECK(retry.exitCode == 0);
    }
}

TEST_CASE("demo loads the clinic once and the listings show it", "[cli][demo]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
    const ProcessResult loaded =
        runMasahista({QStringLiteral("--db"), path, QStringLiteral("demo"),
                      QStringLiteral("--today"), QStringLiteral("2026-11-25")});
    INFO(loaded.err);
    REQUIRE(loaded.exitCode == 0);
    CHECK(loaded.out.contains(u"9 therapists"));
    CHECK(loaded.out.contains(u"4 rooms"));
    CHECK(loaded.out.contains(u"from 2026-11-18 to 2026-12-02"));

    const QJsonArray therapists = jsonArrayOf(runMasahista(
        {QStringLiteral("--db"), path, QStringLiteral("therapists"), QStringLiteral("--json")}));
    REQUIRE(therapists.size() == 9);
    QStringList names;
    for (const QJsonValue& value : therapists) {
        const QJsonObject therapist = value.toObject();
        names.append(therapist.value(u"name").toString());
        CHECK_FALSE(therapist.value(u"modalities").toArray().isEmpty());
        CHECK_FALSE(therapist.value(u"credentials").toArray().isEmpty());
        CHECK_FALSE(therapist.value(u"weekly_hours").toArray().isEmpty());
    }
    CHECK(names == QStringList{QStringLiteral("Darlene N"), QStringLiteral("Kathy O"),
                               QStringLiteral("Mary Angelie M"), QStringLiteral("Maricel C"),
                               QStringLiteral("Meriam P"), QStringLiteral("Ana Maria V"),
                               QStringLiteral("Marsilyn B"), QStringLiteral("Eden L"),
                               QStringLiteral("Micah R")});

    const QJsonArray services = jsonArrayOf(runMasahista(
        {QStringLiteral("--db"), path, QStringLiteral("services"), QStringLiteral("--json")}));
    CHECK(services.size() >= 10);
    for (const QJsonValue& value : services) {
        const QJsonObject service = value.toObject();
        INFO(service.value(u"name").toString());
        CHECK(service.contains(u"buffer_minutes"));
        CHECK(service.value(u"required_modality").isString());
        const QJsonArray options = service.value(u"options").toArray();
        CHECK_FALSE(options.isEmpty());
        for (const QJsonValue& option : options) {
            CHECK(option.toObject().value(u"price_cents").toInteger() > 0);
            CHECK(option.toObject().value(u"minutes").toInt() > 0);
        }
    }
    const QJsonArray rooms = jsonArrayOf(runMasahista(
        {QStringLiteral("--db"), path, QStringLiteral("rooms"), QStringLiteral("--json")}));
    CHECK(rooms.size() == 4);

    const ProcessResult text =
        runMasahista({QStringLiteral("--db"), path, QStringLiteral("therapists")});
    CHECK(text.exitCode == 0);
    CHECK(text.out.contains(u"Mary Angelie M"));
    CHECK(text.out.contains(u"Team Leader"));

    const ProcessResult again =
        runMasahista({QStringLiteral("--db"), path, QStringLiteral("demo")});
    CHECK(again.exitCode == 1);
    CHECK(lineCount(again.err) == 1);
    CHECK(jsonArrayOf(runMasahista({QStringLiteral("--db"), path, QStringLiteral("therapists"),
                                    QStringLiteral("--json")}))
              .size() == 9);
}

TEST_CASE("Processes racing to create and load one database leave one clinic and no errors",
          "[cli][concurrency]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("race.sqlite"));
    constexpr int racers = 6;
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < racers; ++i) {
        // Half of them only create the file; the others race to load the demo into it.
        const QStringList command =
            i % 2 == 0 ? QStringList{QStringLiteral("init")}
                       : QStringList{QStringLiteral("demo"), QStringLiteral("--today"),
                                     QStringLiteral("2026-11-25")};
        processes.push_back(
            masahista::test::startMasahista(QStringList{QStringLiteral("--db"), path} + command));
    }
    int demoLoaded = 0;
    int demoRefused = 0;
    for (int i = 0; i < racers; ++i) {
        const ProcessResult result =
            masahista::test::finish(*processes.at(static_cast<std::size_t>(i)));
        INFO("racer " << i << ": " << result.err);
        if (i % 2 == 0) {
            CHECK(result.exitCode == 0);
        } else if (result.exitCode == 0) {
            ++demoLoaded;
        } else {
            CHECK(result.exitCode == 1);
            CHECK(result.err.contains(u"already holds clinic data"));
            ++demoRefused;
        }
    }
    CHECK(demoLoaded == 1);
    CHECK(demoRefused == racers / 2 - 1);
    CHECK(jsonArrayOf(runMasahista({QStringLiteral("--db"), path, QStringLiteral("therapists"),
                                    QStringLiteral("--json")}))
              .size() == 9);
}

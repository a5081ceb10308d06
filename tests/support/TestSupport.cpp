#include "TestSupport.h"

#include "ProcessFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

namespace masahista::test {

std::unique_ptr<Database> memoryDatabase()
{
    Result<std::unique_ptr<Database>> opened = Database::openInMemory();
    INFO((opened ? QString() : opened.error().message));
    REQUIRE(opened.ok());
    return std::move(opened).value();
}

std::unique_ptr<Database> fileDatabase(const QString& path)
{
    Result<std::unique_ptr<Database>> opened =
        Database::open(path, Database::Mode::CreateIfMissing);
    INFO((opened ? QString() : opened.error().message));
    REQUIRE(opened.ok());
    return std::move(opened).value();
}

std::unique_ptr<QProcess> startMasahista(const QStringList& arguments, const QDateTime& now)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The command line must never need a display: make sure none is there.
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    if (now.isValid()) {
        environment.insert(QStringLiteral("MASAHISTA_NOW"), now.toString(Qt::ISODate));
    }
    process->setProcessEnvironment(environment);
    process->start(QStringLiteral(MASAHISTA_EXECUTABLE), arguments);
    REQUIRE(process->waitForStarted());
    process->closeWriteChannel();
    return process;
}

ProcessResult finish(QProcess& process, int timeoutMs)
{
    REQUIRE(process.waitForFinished(timeoutMs));
    ProcessResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

ProcessResult runMasahista(const QStringList& arguments, int timeoutMs)
{
    return finish(*startMasahista(arguments), timeoutMs);
}

ProcessResult runMasahistaAt(const QDateTime& now, const QStringList& arguments)
{
    return finish(*startMasahista(arguments, now));
}

QByteArray readFileBytes(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

} // namespace masahista::test

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace masahista::test {

void executeRawSql(const QString& path, const QStringList& statements)
{
    const QString name = QStringLiteral("raw-") + path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        for (const QString& statement : statements) {
            QSqlQuery query(db);
            INFO(statement << query.lastError().text());
            REQUIRE(query.exec(statement));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void writeFileBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

OtherProgram::OtherProgram(const QString& path, const QByteArray& firstStatement)
{
    m_process.start(QStringLiteral("sqlite3"), {path});
    REQUIRE(m_process.waitForStarted());
    m_process.write(firstStatement + '\n');
    REQUIRE(m_process.waitForReadyRead(10000));
}

OtherProgram::~OtherProgram()
{
    m_process.write(".quit\n");
    m_process.closeWriteChannel();
    m_process.waitForFinished(10000);
}

namespace beside {

bool holdsLock(qint64 pid, const QString& path)
{
    QString problem;
    const bool held = proc::holdsLock(pid, path, &problem);
    INFO(problem.toStdString());
    REQUIRE(problem.isEmpty());
    return held;
}

bool sqliteGetsItExclusively(const QString& path)
{
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"),
                {path, QStringLiteral("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                      "ROLLBACK;")});
    REQUIRE(shell.waitForFinished(30000));
    const QByteArray errors = shell.readAllStandardError();
    if (shell.exitCode() != 0) {
        INFO(errors.toStdString());
        REQUIRE(errors.contains("database is locked"));
        return false;
    }
    return true;
}

QString sqliteAnswer(const QString& path, const QString& statement)
{
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), {path, statement});
    REQUIRE(shell.waitForFinished(30000));
    INFO(shell.readAllStandardError().toStdString());
    REQUIRE(shell.exitCode() == 0);
    return QString::fromUtf8(shell.readAllStandardOutput()).section(QLatin1Char('\n'), 0, 0);
}

QStringList deletedFilesOpenIn(qint64 pid)
{
    return proc::deletedFilesOpenIn(pid);
}

} // namespace beside

void damageTable(const QString& path, const QString& table)
{
    const QString name = QStringLiteral("damage-") + path;
    qint64 rootPage = 0;
    qint64 pageSize = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery query(db);
        // Folds the write-ahead log into the file first, so the page there is the live one.
        REQUIRE(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        REQUIRE(query.exec(QStringLiteral("PRAGMA page_size")));
        REQUIRE(query.next());
        pageSize = query.value(0).toLongLong();
        REQUIRE(query.prepare(QStringLiteral(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?")));
        query.addBindValue(table);
        REQUIRE(query.exec());
        REQUIRE(query.next());
        rootPage = query.value(0).toLongLong();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    REQUIRE(rootPage > 1);
    QByteArray bytes = readFileBytes(path);
    const qint64 start = (rootPage - 1) * pageSize;
    REQUIRE(start + pageSize <= bytes.size());
    for (qint64 i = 0; i < pageSize; ++i) {
        bytes[start + i] = static_cast<char>(0xA5 ^ (i * 31 & 0xFF));
    }
    writeFileBytes(path, bytes);
}

} // namespace masahista::test

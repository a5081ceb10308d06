#include "TestSupport.h"

#include <QFile>
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

} // namespace masahista::test

#include "WindowBeside.h"

#include "support/ProcessFiles.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <csignal>

namespace masahista::stress {

namespace proc = masahista::test::proc;

WindowBeside::~WindowBeside()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(30000);
    }
}

bool WindowBeside::start(const QString& host, const QString& database, const QString& pinnedNow,
                         QString* problem)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MASAHISTA_NOW"), pinnedNow);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    m_process.setProcessEnvironment(environment);
    m_process.start(host, {QStringLiteral("--db"), database});
    if (!m_process.waitForStarted(30000)) {
        *problem = QStringLiteral("the window did not start: ") + m_process.errorString();
        return false;
    }
    m_pid = m_process.processId();
    QByteArray line;
    // Under the sanitizers the window takes a while to come up and back the database up.
    if (!readLine(&line, 120000) || line != "ready") {
        *problem = QStringLiteral("the window did not get ready (it said \"%1\"; stderr: %2)")
                       .arg(QString::fromUtf8(line), errors());
        return false;
    }
    return true;
}

bool WindowBeside::readLine(QByteArray* line, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_pending.contains('\n')) {
        if (m_process.state() == QProcess::NotRunning || deadline.hasExpired()) {
            return false;
        }
        m_process.waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime())));
        m_pending += m_process.readAllStandardOutput();
        m_errors += m_process.readAllStandardError();
    }
    const qsizetype end = m_pending.indexOf('\n');
    *line = m_pending.left(end);
    m_pending.remove(0, end + 1);
    return true;
}

qint64 WindowBeside::book(qint64 typeId, int minutes, qint64 clientId, QString* answer)
{
    m_process.write(
        QStringLiteral("book %1 %2 %3\n").arg(typeId).arg(minutes).arg(clientId).toUtf8());
    QByteArray line;
    if (!readLine(&line, 60000)) {
        *answer = QStringLiteral("(no answer; stderr: %1)").arg(errors());
        return -1;
    }
    *answer = QString::fromUtf8(line);
    if (!line.startsWith("booked ")) {
        return 0;
    }
    const qint64 id = line.mid(7).toLongLong();
    m_booked.append(id);
    return id;
}

void WindowBeside::checkHeld(const QString& database, QStringList* problems) const
{
    QString problem;
    if (!proc::holdsLock(m_pid, database, &problem)) {
        problems->append(problem.isEmpty()
                             ? QStringLiteral("the window no longer holds its lock on the database")
                             : problem);
    }
    const QString name = QFileInfo(database).fileName();
    const QStringList deleted = proc::deletedFilesOpenIn(m_pid).filter(name);
    if (!deleted.isEmpty()) {
        problems->append(QStringLiteral("files of the database were deleted under the window: ") +
                         deleted.join(QStringLiteral(", ")));
    }
}

bool WindowBeside::kill(QString* problem)
{
    ::kill(static_cast<pid_t>(m_pid), SIGKILL);
    if (!m_process.waitForFinished(30000)) {
        *problem = QStringLiteral("the window did not end after SIGKILL");
        return false;
    }
    m_pending += m_process.readAllStandardOutput();
    return true;
}

QString WindowBeside::errors()
{
    m_errors += m_process.readAllStandardError();
    return QString::fromUtf8(m_errors);
}

} // namespace masahista::stress

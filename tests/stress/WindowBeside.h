#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace masahista::stress {

// The real window (tests/window, masahista-window-host) open on the kill loop's database while
// the runs beside it are killed, as a clinic keeps the window open all day beside scripts and
// the command line. The harness books through it now and then and kills it at the end.
class WindowBeside
{
public:
    WindowBeside() = default;
    ~WindowBeside();
    WindowBeside(const WindowBeside&) = delete;
    WindowBeside& operator=(const WindowBeside&) = delete;

    // Starts the window on `database` with "now" pinned, and waits until it has run its first
    // check and backup.
    bool start(const QString& host, const QString& database, const QString& pinnedNow,
               QString* problem);
    qint64 pid() const { return m_pid; }

    // Books the next free slot for the client through the window's own connection: the new
    // appointment's id, or 0 with the window's answer in `answer` when it refused, or -1 when
    // the window did not answer.
    qint64 book(qint64 typeId, int minutes, qint64 clientId, QString* answer);
    // What the window reported saved, in order.
    const QList<qint64>& booked() const { return m_booked; }

    // What another program must see of the open window: its lock on the database held, none
    // of the database's files deleted under it.
    void checkHeld(const QString& database, QStringList* problems) const;

    // SIGKILL, as a power cut or a crash would end it.
    bool kill(QString* problem);
    // Everything it wrote on standard error so far (sanitizer reports included).
    QString errors();

private:
    bool readLine(QByteArray* line, int timeoutMs);

    QProcess m_process;
    qint64 m_pid = 0;
    QByteArray m_pending;
    QByteArray m_errors;
    QList<qint64> m_booked;
};

} // namespace masahista::stress

// masahista-window-host: the real window (ClinicSession, MainWindow and its background check,
// daily backup and live refresh) open on a database in a process of its own, for the tests that
// run other programs beside it and kill it. Once the window has run its first check and backup
// it prints "ready"; then it reads commands on standard input and answers each on one line:
//
//   book TYPE MINUTES CLIENT   books the next free slot through the window's own connection:
//                              "booked ID" once committed, or "refused REASON"
//   burst N TYPE MINUTES CLIENT  books N found one after the other, a line each
//   seen ID                    "seen ID yes|no": the day view shows the appointment
//   day YYYY-MM-DD             shows that day in the calendar: "showing DATE"
//
// Nothing here goes around the window: the bookings use the session's database, as the
// window's booking dialog does, and "seen" reads what the day view was given to paint.
#include "booking/Actor.h"
#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/Translations.h"
#include "booking/engine/Availability.h"
#include "booking/engine/BookingService.h"
#include "gui/BackupController.h"
#include "gui/CalendarPage.h"
#include "gui/ClinicSession.h"
#include "gui/MainWindow.h"
#include "gui/calendar/DayPanel.h"
#include "gui/calendar/DayView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace masahista;

namespace {

void answer(const QString& line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

class Host
{
public:
    Host(gui::ClinicSession& session, const Clock& clock)
        : m_session(session)
        , m_clock(clock)
    {}

    void run(const QStringList& words)
    {
        const QString command = words.value(0);
        if (command == u"book" && words.size() == 4) {
            book(words.mid(1));
        } else if (command == u"burst" && words.size() == 5) {
            for (int i = 0; i < words.at(1).toInt(); ++i) {
                book(words.mid(2));
            }
        } else if (command == u"seen" && words.size() == 2) {
            const Id id = words.at(1).toLongLong();
            const DaySchedule& day =
                m_session.window()->calendarPage()->dayPanel()->dayView()->schedule();
            bool shown = false;
            for (const CalendarEntry& entry : day.entries) {
                shown = shown || entry.appointment.id == id;
            }
            answer(QStringLiteral("seen %1 %2").arg(id).arg(shown ? u"yes" : u"no"));
        } else if (command == u"day" && words.size() == 2) {
            const QDate date = QDate::fromString(words.at(1), Qt::ISODate);
            m_session.window()->calendarPage()->showDate(date);
            answer(QStringLiteral("showing %1").arg(date.toString(Qt::ISODate)));
        } else {
            answer(QStringLiteral("unknown %1").arg(words.join(u' ')));
        }
    }

private:
    // The next free slot for the client: slots know nothing of the client's own bookings, so a
    // slot that clashes with one of them is skipped, as the desk would pick the next one.
    void book(const QStringList& words)
    {
        Clinic& clinic = *m_session.clinic();
        SlotQuery query;
        query.massageTypeId = words.at(0).toLongLong();
        query.minutes = words.at(1).toInt();
        query.fromUtc = std::max(m_clock.nowUtc(), m_searchFrom);
        query.toUtc = m_clock.nowUtc().addDays(60);
        query.limit = 1;
        QString refusal = QStringLiteral("no free slot");
        for (int attempt = 0; attempt < 50; ++attempt) {
            const Result<QList<Slot>> found = clinic.availability().findSlots(query);
            if (!found) {
                refusal = found.error().message;
                break;
            }
            if (found->isEmpty()) {
                break;
            }
            const Slot& slot = found->constFirst();
            BookingRequest request;
            request.clientId = words.at(2).toLongLong();
            request.therapistId = slot.therapistId;
            request.massageTypeId = query.massageTypeId;
            request.minutes = query.minutes;
            request.startUtc = slot.startUtc;
            request.roomId = slot.roomId;
            const Result<Appointment> booked =
                clinic.bookings().book(request, Actor{QStringLiteral("window")});
            query.fromUtc = slot.endUtc;
            if (booked) {
                m_searchFrom = slot.endUtc;
                answer(QStringLiteral("booked %1").arg(booked->id));
                return;
            }
            refusal = booked.error().message;
            if (booked.error().code != ErrorCode::Conflict) {
                break;
            }
        }
        answer(QStringLiteral("refused %1").arg(refusal));
    }

    gui::ClinicSession& m_session;
    const Clock& m_clock;
    QDateTime m_searchFrom;
};

std::unique_ptr<Clock> clockFromEnvironment()
{
    const QDateTime pinned =
        QDateTime::fromString(qEnvironmentVariable("MASAHISTA_NOW"), Qt::ISODate);
    if (pinned.isValid()) {
        return std::make_unique<FixedClock>(pinned);
    }
    return std::make_unique<SystemClock>();
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QCoreApplication::setApplicationName(QStringLiteral("masahista-window-host"));
    // The window's remembered choices go to a folder of this run, never the user's own.
    const QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QApplication app(argc, argv);
    installTranslations(app);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3 || arguments.at(1) != u"--db") {
        std::fprintf(stderr, "usage: masahista-window-host --db FILE\n");
        return 2;
    }
    const std::unique_ptr<Clock> clock = clockFromEnvironment();
    gui::ClinicSession session(arguments.at(2), *clock);
    if (!session.open()) {
        return 3;
    }
    // As the app does, though without waiting two seconds first.
    session.startBackgroundWork();
    Host host(session, *clock);
    QElapsedTimer sinceStart;
    sinceStart.start();
    QTimer readiness;
    QObject::connect(&readiness, &QTimer::timeout, &app, [&] {
        // Past the first check and the day's backup, and past the moment (two seconds after
        // start) at which the window once dropped its locks.
        if (sinceStart.elapsed() >= 3000 && !session.window()->backups()->isBusy()) {
            readiness.stop();
            answer(QStringLiteral("ready"));
        }
    });
    readiness.start(100);
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QByteArray pending;
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[4096];
        const ssize_t length = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (length <= 0) {
            input.setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        pending.append(buffer, static_cast<qsizetype>(length));
        for (qsizetype end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
            const QString line = QString::fromUtf8(pending.left(end));
            pending.remove(0, end + 1);
            host.run(line.split(QLatin1Char(' '), Qt::SkipEmptyParts));
        }
    });
    return app.exec();
}

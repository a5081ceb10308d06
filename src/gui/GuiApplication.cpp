#include "GuiApplication.h"

#include "Appearance.h"
#include "ClinicSession.h"
#include "Icons.h"
#include "MainWindow.h"
#include "booking/Clock.h"

#include <QApplication>
#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

#include <chrono>
#include <cstdio>

namespace masahista::gui {

namespace {

// For the benchmark's cold-start figure (docs/BENCHMARKS.md): once the window has painted for
// the first time, prints the moment on the steady clock that the benchmark started the process
// by, and ends the app. The window's own paint event comes first and its children are painted
// in the same pass, so the queued call runs when the whole window is drawn.
class QuitAfterFirstPaint final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            QMetaObject::invokeMethod(
                this,
                [] {
                    const std::chrono::nanoseconds now =
                        std::chrono::steady_clock::now().time_since_epoch();
                    std::printf("first-paint-ns %lld\n", static_cast<long long>(now.count()));
                    std::fflush(stdout);
                    QCoreApplication::quit();
                },
                Qt::QueuedConnection);
        }
        return false;
    }
};

} // namespace

int run(QApplication& app, const QString& databasePath)
{
    Appearance::apply(app);
    QApplication::setWindowIcon(Icons::appIcon());

    const SystemClock clock;
    ClinicSession session(databasePath, clock);
    if (!session.open()) {
        return 3;
    }
    QuitAfterFirstPaint quitAfterFirstPaint;
    if (qEnvironmentVariableIsSet("MASAHISTA_QUIT_AFTER_FIRST_PAINT")) {
        // The cold-start figure measures the window alone, and a backup started now would
        // hold the process past its first paint.
        session.window()->installEventFilter(&quitAfterFirstPaint);
    } else {
        // Once the first screen is up, so that it never waits for a check or a copy.
        QTimer::singleShot(2000, &session, &ClinicSession::startBackgroundWork);
    }
    return app.exec();
}

} // namespace masahista::gui

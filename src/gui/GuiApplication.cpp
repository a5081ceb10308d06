#include "GuiApplication.h"

#include "Appearance.h"
#include "ClinicStartup.h"
#include "Icons.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "WelcomeDialog.h"
#include "booking/Clock.h"

#include <QApplication>
#include <QCoreApplication>
#include <QEvent>
#include <QMessageBox>
#include <QScreen>

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

    Result<OpenedClinic> opened = openClinic(databasePath);
    if (!opened) {
        // The message already names the file and what to do about it.
        QMessageBox::critical(
            nullptr,
            QCoreApplication::translate("masahista::gui", "Masahista cannot open the database"),
            opened.error().message);
        return 3;
    }
    Database& database = *opened->database;

    const SystemClock clock;
    if (opened->isFirstStart) {
        // Closing the dialog without choosing is the same as starting empty: nothing was
        // written, so the offer comes back on the next start.
        WelcomeDialog welcome(database, clock);
        welcome.exec();
    }

    MainWindow window(database, clock);
    // Where the user left it; on a first start most of the screen rather than the size that
    // every page together would ask for.
    if (!window.restoreGeometry(
            preferences()->value(QStringLiteral("window/geometry")).toByteArray())) {
        const QSize available = window.screen()->availableGeometry().size();
        window.resize(QSize(available.width() * 9 / 10, available.height() * 9 / 10)
                          .boundedTo(QSize(1600, 1000))
                          .expandedTo(window.minimumSizeHint()));
    }
    QuitAfterFirstPaint quitAfterFirstPaint;
    if (qEnvironmentVariableIsSet("MASAHISTA_QUIT_AFTER_FIRST_PAINT")) {
        window.installEventFilter(&quitAfterFirstPaint);
    }
    window.show();
    return app.exec();
}

} // namespace masahista::gui

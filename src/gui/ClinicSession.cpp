#include "ClinicSession.h"

#include "ClinicStartup.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "WelcomeDialog.h"
#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/backup/BackupService.h"
#include "dialogs/DatabaseProblemDialog.h"

#include <QGuiApplication>
#include <QScreen>

namespace masahista::gui {

ClinicSession::ClinicSession(QString databasePath, const Clock& clock)
    : m_databasePath(std::move(databasePath))
    , m_clock(clock)
{}

ClinicSession::~ClinicSession()
{
    closeWindow();
}

bool ClinicSession::open()
{
    QString restoreProblem;
    for (;;) {
        Result<OpenedClinic> opened = openClinic(m_databasePath, m_clock);
        if (opened) {
            m_clinic = std::move(opened->clinic);
            if (opened->isFirstStart) {
                // Closing the dialog without choosing is the same as starting empty: nothing
                // was written, so the offer comes back on the next start.
                WelcomeDialog welcome(*m_clinic);
                welcome.exec();
            }
            showWindow();
            return true;
        }
        DatabaseProblemDialog problem(opened.error(), m_databasePath,
                                      DatabaseProblemDialog::Situation::Opening);
        problem.showRestoreProblem(restoreProblem);
        problem.exec();
        switch (problem.choice()) {
        case DatabaseProblemDialog::Choice::Quit:
        case DatabaseProblemDialog::Choice::KeepWorking:
            return false;
        case DatabaseProblemDialog::Choice::TryAgain:
            restoreProblem.clear();
            break;
        case DatabaseProblemDialog::Choice::Restore: {
            const Result<QString> restored =
                BackupService::restore(problem.backupPath(), m_databasePath, m_clock);
            restoreProblem = restored ? QString() : restored.error().message;
            break;
        }
        }
    }
}

void ClinicSession::showWindow()
{
    m_window = std::make_unique<MainWindow>(*m_clinic);
    MainWindow& window = *m_window;
    // Where the user left it; on a first start most of the screen rather than the size that
    // every page together would ask for.
    if (!window.restoreGeometry(
            preferences()->value(QStringLiteral("window/geometry")).toByteArray())) {
        const QSize available = window.screen()->availableGeometry().size();
        window.resize(QSize(available.width() * 9 / 10, available.height() * 9 / 10)
                          .boundedTo(QSize(1600, 1000))
                          .expandedTo(window.minimumSizeHint()));
    }
    // Queued: the window asking is closed and deleted by the restore.
    connect(
        &window, &MainWindow::restoreRequested, this,
        [this](const QString& backupPath) {
            // What happened is shown in the window that opens again.
            static_cast<void>(restoreFrom(backupPath));
        },
        Qt::QueuedConnection);
    window.show();
    if (m_backgroundWork) {
        window.startBackgroundWork();
    }
}

void ClinicSession::closeWindow()
{
    if (m_window) {
        // Remembered as when the user closes it.
        m_window->close();
        m_window.reset();
    }
    m_clinic.reset();
}

Result<QString> ClinicSession::restoreFrom(const QString& backupPath)
{
    // For a moment there is no window; that must not end the app.
    const bool quitWhenClosed = QGuiApplication::quitOnLastWindowClosed();
    QGuiApplication::setQuitOnLastWindowClosed(false);
    closeWindow();
    const Result<QString> restored = BackupService::restore(backupPath, m_databasePath, m_clock);
    Result<OpenedClinic> opened = openClinic(m_databasePath, m_clock);
    if (!opened) {
        // The backup passed its check, so this is rare: the same choices as at start.
        const bool reopened = open();
        QGuiApplication::setQuitOnLastWindowClosed(quitWhenClosed);
        if (!reopened) {
            QCoreApplication::quit();
        }
        return restored;
    }
    m_clinic = std::move(opened->clinic);
    showWindow();
    QGuiApplication::setQuitOnLastWindowClosed(quitWhenClosed);
    if (restored) {
        m_window->showRestored(backupPath, *restored);
    } else {
        m_window->showRestoreRefused(restored.error().message);
    }
    return restored;
}

void ClinicSession::startBackgroundWork()
{
    m_backgroundWork = true;
    if (m_window) {
        m_window->startBackgroundWork();
    }
}

} // namespace masahista::gui

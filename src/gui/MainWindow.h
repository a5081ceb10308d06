#pragma once

#include "booking/Actor.h"
#include "domain/Id.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;

namespace Ui {
class MainWindow;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

class BackupController;
class CalendarPage;
class ClientsPage;
class MassageTypesPage;
class MyDayPage;
class PageHolder;
class RoomsPage;
class TherapistsPage;

// The clinic at a glance: its therapists with their profiles, its massage types and rooms.
// Takes a database that is already open; everything is read once when the window is built,
// and what could not be read is reported in the window rather than in a message box.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Clinic& clinic, QWidget* parent = nullptr);

    CalendarPage* calendarPage() const { return m_calendarPage; }
    // The other pages are built when their tab is first shown, or here when asked for.
    MyDayPage* myDayPage();
    ClientsPage* clientsPage();
    TherapistsPage* therapistsPage();
    MassageTypesPage* massageTypesPage();
    RoomsPage* roomsPage();
    QAction* settingsAction() const { return m_settingsAction; }
    QAction* backUpAction() const { return m_backUpAction; }
    QAction* restoreAction() const { return m_restoreAction; }
    BackupController* backups() const { return m_backups; }
    ~MainWindow() override;

    // The check of the database and the day's backup, in the background after start-up.
    void startBackgroundWork();
    // Says at the top of the window that the clinic now holds the backup's state, and where
    // the database it replaced was kept (`asidePath`, empty when there was none).
    void showRestored(const QString& backupPath, const QString& asidePath);
    // Says at the top of the window why a restore was refused (nothing was changed).
    void showRestoreRefused(const QString& reason);

Q_SIGNALS:
    // The user chose a backup to restore; the window cannot do it while it has the database
    // open, so whoever opened both does (ClinicSession).
    void restoreRequested(const QString& backupPath);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void setUpActions();
    void setUpPages();
    void setUpMenus();
    void editHours(Id therapistId);
    void setUpViews();
    void loadClinic();
    void showKeyboardShortcuts();
    void showAbout();
    void setUpBackups();
    void chooseBackupToRestore();
    void showBackupStatus();
    void showDamage(const QString& message);
    void showNotice(const QString& text, bool problem);

    std::unique_ptr<Ui::MainWindow> m_ui;
    Clinic& m_clinic;
    CalendarPage* m_calendarPage = nullptr;
    PageHolder* m_myDayHolder = nullptr;
    PageHolder* m_clientsHolder = nullptr;
    PageHolder* m_therapistsHolder = nullptr;
    PageHolder* m_massageTypesHolder = nullptr;
    PageHolder* m_roomsHolder = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_backUpAction = nullptr;
    QAction* m_restoreAction = nullptr;
    QLabel* m_databasePathLabel = nullptr;
    QLabel* m_backupLabel = nullptr;
    BackupController* m_backups = nullptr;
};

} // namespace masahista::gui

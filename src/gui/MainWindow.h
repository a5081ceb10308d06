#pragma once

#include "domain/Id.h"
#include "domain/WorkingHours.h"

#include <QHash>
#include <QList>
#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QModelIndex;

namespace Ui {
class MainWindow;
}

namespace masahista {
class Clock;
class Database;
} // namespace masahista

namespace masahista::gui {

class CalendarPage;
class ClientsPage;
class MassageTypesPage;
class MyDayPage;
class RoomsPage;
class TherapistsPage;

// The clinic at a glance: its therapists with their profiles, its massage types and rooms.
// Takes a database that is already open; everything is read once when the window is built,
// and what could not be read is reported in the window rather than in a message box.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Database& database, const Clock& clock, QWidget* parent = nullptr);

    CalendarPage* calendarPage() const { return m_calendarPage; }
    MyDayPage* myDayPage() const { return m_myDayPage; }
    ClientsPage* clientsPage() const { return m_clientsPage; }
    QAction* settingsAction() const { return m_settingsAction; }
    ~MainWindow() override;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void setUpActions();
    void setUpCalendar(const Clock& clock);
    void setUpViews();
    void loadClinic();
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    Database& m_database;
    CalendarPage* m_calendarPage = nullptr;
    MyDayPage* m_myDayPage = nullptr;
    ClientsPage* m_clientsPage = nullptr;
    QAction* m_settingsAction = nullptr;
    TherapistsPage* m_therapistsPage = nullptr;
    MassageTypesPage* m_massageTypesPage = nullptr;
    RoomsPage* m_roomsPage = nullptr;
    QLabel* m_databasePathLabel = nullptr;
};

} // namespace masahista::gui

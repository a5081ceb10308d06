#pragma once

#include "booking/engine/Schedule.h"
#include "domain/Id.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QWidget>

#include <memory>

class QAction;

namespace Ui {
class MyDayPage;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

class DatabaseWatcher;

// One therapist's own day, read top to bottom: each appointment with what they need in the
// room (client and phone, massage, room, health alerts, notes) and the free stretches between
// them. It only reads; printing goes through the shared day sheet. The chosen therapist is
// remembered in the preferences, and the day is reloaded (keeping the scroll position) when
// another process changes the database and whenever the page is shown again.
class MyDayPage final : public QWidget
{
    Q_OBJECT

public:
    MyDayPage(Clinic& clinic, QWidget* parent = nullptr);
    ~MyDayPage() override;

    QDate date() const { return m_date; }
    void showDate(QDate date);
    Id therapistId() const { return m_therapistId; }
    // Shows and remembers an active therapist of the clinic; any other id is ignored.
    void setTherapist(Id therapistId);
    void reload();

    // The day as the page shows it, as plain text and as the browser's HTML.
    QString dayText() const;
    QString dayHtml() const;
    // The printed day sheet of the therapist and day shown.
    QString daySheetHtml() const;
    // The problem line above the day; empty when the day loaded.
    QString message() const;

    // For the window's menus: each with its shortcut while the page has focus.
    QAction* previousDayAction() const { return m_previousDay; }
    QAction* nextDayAction() const { return m_nextDay; }
    QAction* todayAction() const { return m_today; }
    QAction* printAction() const { return m_print; }
    QAction* exportPdfAction() const { return m_exportPdf; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void setUpActions();
    void fillTherapistCombo();
    void chooseTherapist(Id therapistId, bool remember);
    QDate today() const;
    void render(bool keepScroll);
    QString appointmentBlock(const CalendarEntry& entry) const;
    void showMessage(const QString& text);

    std::unique_ptr<Ui::MyDayPage> m_ui;
    Clinic& m_clinic;
    DatabaseWatcher* m_watcher = nullptr;
    QDate m_date;
    Id m_therapistId = 0;
    DaySchedule m_schedule;
    bool m_loaded = false;
    // What the browser showed last, so a reload of the same day keeps the reader's place.
    QDate m_renderedDate;
    Id m_renderedTherapist = 0;
    QAction* m_previousDay = nullptr;
    QAction* m_nextDay = nullptr;
    QAction* m_today = nullptr;
    QAction* m_print = nullptr;
    QAction* m_exportPdf = nullptr;
};

} // namespace masahista::gui

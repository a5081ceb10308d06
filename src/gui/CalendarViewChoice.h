#pragma once

#include <QObject>

class QAction;
class QWidget;

namespace masahista::gui {

// What the centre of the calendar page shows.
enum class CalendarView
{
    Day,       // every therapist's day, side by side
    Week,      // one therapist's week
    ClinicWeek // every therapist's week at a glance
};

// The calendar's choices of how to look: the view (Ctrl+1, Ctrl+2, Ctrl+3) and the day's
// density, as checkable actions for the menus and buttons, each remembered for the next start.
// A user who never chose a density gets the compact one on a screen as short as a laptop's.
class CalendarViewChoice final : public QObject
{
    Q_OBJECT

public:
    // The actions' shortcuts work while `owner` (the calendar page) is in the window.
    explicit CalendarViewChoice(QWidget* owner);

    CalendarView view() const { return m_view; }
    // Checks the view's action and remembers it; says viewChosen when it changes.
    void setView(CalendarView view);
    bool isCompact() const;

    QAction* dayViewAction() const { return m_dayView; }
    QAction* weekViewAction() const { return m_weekView; }
    QAction* clinicWeekAction() const { return m_clinicWeek; }
    QAction* compactDayAction() const { return m_compactDay; }

Q_SIGNALS:
    void viewChosen(masahista::gui::CalendarView view);
    void compactChosen(bool compact);

private:
    CalendarView m_view = CalendarView::Day;
    QAction* m_dayView = nullptr;
    QAction* m_weekView = nullptr;
    QAction* m_clinicWeek = nullptr;
    QAction* m_compactDay = nullptr;
};

} // namespace masahista::gui

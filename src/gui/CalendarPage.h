#pragma once

#include "booking/Actor.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/Schedule.h"
#include "domain/Appointment.h"
#include "gui/CalendarViewChoice.h"

#include <QDate>
#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QUndoStack;

namespace Ui {
class CalendarPage;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

class AppointmentSteps;
class PageMessageLine;

class DatabaseWatcher;
class DayPanel;
class WeekOverview;
class WeekPanel;

// The front desk's page: a month calendar, the therapists shown, client search and the
// details of the selected appointment beside the day view. Everything it changes goes through
// the booking service; it reloads the day (keeping scroll and selection) after its own changes
// and whenever another process changes the database.
class CalendarPage final : public QWidget
{
    Q_OBJECT

public:
    CalendarPage(Clinic& clinic, QWidget* parent = nullptr);
    ~CalendarPage() override;

    QDate date() const { return m_date; }
    void showDate(QDate date);
    void reload();
    DayPanel* dayPanel() const;
    // Shows the day in the day view with the appointment selected.
    void goToAppointment(QDate date, Id appointmentId);
    // Opens Find a time with the client filled in.
    void bookForClient(Id clientId);
    WeekPanel* weekPanel() const;
    WeekOverview* weekOverview() const;
    CalendarView view() const { return m_viewChoice->view(); }
    // Switches the centre and remembers the choice for the next start.
    void setView(CalendarView view);
    QUndoStack* undoStack() const;
    // Gives the keyboard to the day or week shown, so that the arrows walk its cards.
    void focusView();

    // For the window's menus and toolbar: each with its shortcut.
    QAction* previousDayAction() const { return m_previousDay; }
    QAction* nextDayAction() const { return m_nextDay; }
    QAction* todayAction() const { return m_today; }
    QAction* newBookingAction() const { return m_newBooking; }
    QAction* findClientAction() const { return m_findClient; }
    QAction* openClientAction() const { return m_openClient; }
    QAction* cancelAction() const { return m_cancel; }
    QAction* unresolvedAction() const { return m_unresolved; }
    QAction* dayViewAction() const { return m_viewChoice->dayViewAction(); }
    QAction* weekViewAction() const { return m_viewChoice->weekViewAction(); }
    QAction* clinicWeekAction() const { return m_viewChoice->clinicWeekAction(); }
    QAction* compactDayAction() const { return m_viewChoice->compactDayAction(); }
    QAction* printAction() const { return m_print; }
    QAction* exportPdfAction() const { return m_exportPdf; }

    // The day sheet of the selected appointment's therapist, or the whole clinic's when no
    // appointment is selected.
    QString daySheetHtml() const;
    // Whether the month calendar shows the day as having appointments.
    bool isMarkedBusy(QDate date) const;

    // The message line above the day: refusals in red, confirmations in the normal colour.
    QString message() const;

private:
    void setUpActions();
    void setUpViewChoice();
    void showView(CalendarView view);
    // The day, or the week holding it, as the period label says it.
    QString periodText() const;
    void loadTherapistList();
    // Shows in bold the days of the displayed month that have appointments.
    void markBusyDays(int year, int month);
    QList<Id> shownTherapists() const;
    const CalendarEntry* entry(Id appointmentId) const;

    // The therapist-first form, from a therapist's column.
    void book(Id therapistId, const QDateTime& startUtc, int minutes, Id clientId);
    // The phone call: client, massage and a day first (Ctrl+N, a client's card or search).
    void findTime(Id clientId);
    // After a booking: undoable, and its day shown with the card selected and in view.
    void showBooked(const QList<Appointment>& booked);
    void showDetails(Id appointmentId);
    // Opens the booking form on an appointment that can still change.
    void editAppointment(Id appointmentId);
    // The client card; from it the user may jump to an appointment or book for the client.
    void openClient(Id clientId);
    void showContextMenu(Id appointmentId, const QPoint& globalPos);
    void setStatus(Id appointmentId, AppointmentStatus status);
    void cancelAppointment(Id appointmentId);
    void moveAppointment(Id appointmentId, Id therapistId, const QDateTime& startUtc, int minutes);
    BookingService service() const;
    void searchClients(const QString& text);
    // The line above the day reports the last action: what was done, or in red why it was
    // refused. A problem reading the clinic shows there too and goes once a read succeeds.
    void showMessage(const QString& text, bool refusal);
    void showReadProblem(const QString& text);

    std::unique_ptr<Ui::CalendarPage> m_ui;
    Clinic& m_clinic;
    DatabaseWatcher* m_watcher = nullptr;
    AppointmentSteps* m_steps = nullptr;
    QDate m_date;
    PageMessageLine* m_messageLine = nullptr;
    DaySchedule m_schedule;
    CalendarViewChoice* m_viewChoice = nullptr;
    QSet<Id> m_hiddenTherapists; // unticked by the user; everyone else working is shown
    QAction* m_previousDay = nullptr;
    QAction* m_nextDay = nullptr;
    QAction* m_today = nullptr;
    QAction* m_newBooking = nullptr;
    QAction* m_findClient = nullptr;
    QAction* m_openClient = nullptr;
    QAction* m_cancel = nullptr;
    QAction* m_unresolved = nullptr;
    QAction* m_print = nullptr;
    QAction* m_exportPdf = nullptr;
};

} // namespace masahista::gui

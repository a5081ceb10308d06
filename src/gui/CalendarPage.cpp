#include "CalendarPage.h"

#include "AppointmentDetails.h"
#include "AppointmentMenu.h"
#include "AppointmentSteps.h"
#include "DatabaseWatcher.h"
#include "DateInputs.h"
#include "PageMessageLine.h"
#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/clients/ClientService.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/IcsCalendar.h"
#include "booking/engine/WeekSchedule.h"
#include "gui/calendar/DayPanel.h"
#include "gui/calendar/DayView.h"
#include "gui/calendar/WeekOverview.h"
#include "gui/calendar/WeekOverviewLayout.h"
#include "gui/calendar/WeekPanel.h"
#include "gui/calendar/WeekView.h"
#include "gui/dialogs/BookingDialog.h"
#include "gui/dialogs/CancelDialog.h"
#include "gui/dialogs/ClientDialog.h"
#include "gui/dialogs/FindTimeDialog.h"
#include "gui/dialogs/UnresolvedDialog.h"
#include "gui/print/DaySheet.h"
#include "gui/print/PrintActions.h"
#include "ui_CalendarPage.h"

#include <QAction>
#include <QCalendarWidget>
#include <QListWidget>
#include <QLocale>
#include <QPixmap>
#include <QTextCharFormat>

namespace masahista::gui {

namespace {

constexpr int clientResultLimit = 20;

} // namespace

CalendarPage::CalendarPage(Clinic& clinic, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CalendarPage>())
    , m_clinic(clinic)
    , m_watcher(new DatabaseWatcher(clinic, 500, this))
    , m_steps(new AppointmentSteps(clinic, this))
{
    m_ui->setupUi(this);
    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->sidePanel->setMinimumWidth(250);
    m_ui->sidePanel->setMaximumWidth(340);
    m_messageLine = new PageMessageLine(m_ui->messageLabel);
    setUpActions();

    DayView* view = m_ui->dayPanel->dayView();
    connect(view, &DayView::emptySlotActivated, this,
            [this](Id therapistId, const QDateTime& startUtc, int minutes) {
                book(therapistId, startUtc, minutes, 0);
            });
    connect(view, &DayView::appointmentSelected, this, &CalendarPage::showDetails);
    connect(view, &DayView::appointmentActivated, this, &CalendarPage::editAppointment);
    connect(view, &DayView::appointmentContextMenuRequested, this, &CalendarPage::showContextMenu);
    connect(view, &DayView::appointmentMoveRequested, this,
            [this](Id appointmentId, Id therapistId, const QDateTime& startUtc) {
                const CalendarEntry* moved = entry(appointmentId);
                if (moved != nullptr) {
                    moveAppointment(appointmentId, therapistId, startUtc,
                                    moved->appointment.durationMinutes);
                }
            });
    connect(view, &DayView::appointmentResizeRequested, this,
            [this](Id appointmentId, int minutes) {
                const CalendarEntry* resized = entry(appointmentId);
                if (resized != nullptr) {
                    moveAppointment(appointmentId, resized->appointment.therapistId,
                                    resized->appointment.startUtc, minutes);
                }
            });

    DateInputs::bound(m_ui->monthCalendar);
    connect(m_ui->monthCalendar, &QCalendarWidget::selectionChanged, this,
            [this] { showDate(m_ui->monthCalendar->selectedDate()); });
    connect(m_ui->monthCalendar, &QCalendarWidget::currentPageChanged, this,
            &CalendarPage::markBusyDays);
    connect(m_ui->todayButton, &QPushButton::clicked, m_today, &QAction::trigger);
    connect(m_ui->showCancelledCheck, &QCheckBox::toggled, this,
            [this](bool show) { m_ui->dayPanel->dayView()->setShowCancelled(show); });
    connect(m_ui->therapistList, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const Id id = item->data(Qt::UserRole).toLongLong();
        if (item->checkState() == Qt::Checked) {
            m_hiddenTherapists.remove(id);
        } else {
            m_hiddenTherapists.insert(id);
        }
        m_ui->dayPanel->setSchedule(m_schedule, shownTherapists(), m_clinic.clock().nowUtc());
        if (m_viewChoice->view() == CalendarView::ClinicWeek) {
            reload();
        }
    });
    connect(m_ui->clientSearchEdit, &QLineEdit::textChanged, this, &CalendarPage::searchClients);
    connect(m_ui->clientSearchEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_ui->clientResults->count() > 0) {
            m_ui->clientResults->setCurrentRow(0);
            m_ui->clientResults->setFocus();
        }
    });
    connect(m_ui->clientResults, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { findTime(item->data(Qt::UserRole).toLongLong()); });
    connect(m_watcher, &DatabaseWatcher::changedElsewhere, this, &CalendarPage::reload);
    connect(m_steps, &AppointmentSteps::retaken, this,
            [this](const QString& message, bool refused) {
                showMessage(message, refused);
                reload();
            });
    connect(m_ui->weekPanel, &WeekPanel::dayActivated, this, [this](const QDate& date) {
        setView(CalendarView::Day);
        showDate(date);
    });
    connect(m_ui->weekPanel, &WeekPanel::appointmentActivated, this, [this](Id appointmentId) {
        for (const DaySchedule& day : m_ui->weekPanel->weekView()->week().days) {
            for (const CalendarEntry& candidate : day.entries) {
                if (candidate.appointment.id == appointmentId) {
                    goToAppointment(day.date, appointmentId);
                    editAppointment(appointmentId);
                    return;
                }
            }
        }
    });
    connect(m_ui->weekOverview, &WeekOverview::dayActivated, this, [this](const QDate& date, Id) {
        setView(CalendarView::Day);
        showDate(date);
    });
    setUpViewChoice();

    const Result<ClinicSettings> settings = m_clinic.clinicSettings();
    const QTimeZone zone = ClinicTime::zone(settings ? settings->timeZoneId : QString());
    const QDate today = ClinicTime::toLocal(m_clinic.clock().nowUtc(), zone).date();
    showDate(today);
    m_ui->dayPanel->scrollToTime(m_clinic.clock().nowUtc().addSecs(-3600));
}

void CalendarPage::focusView()
{
    m_ui->views->currentWidget()->setFocus();
}

CalendarPage::~CalendarPage() = default;

void CalendarPage::setUpActions()
{
    // Navigation keys belong to the calendar views, so they never steal a text field's arrows.
    const auto dayAction = [this](const QString& text, QList<QKeySequence> keys) {
        auto* action = new QAction(text, this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_ui->views->addAction(action);
        return action;
    };
    m_previousDay = dayAction(tr("&Previous day"), {Qt::Key_Left, Qt::Key_PageUp});
    m_nextDay = dayAction(tr("&Next day"), {Qt::Key_Right, Qt::Key_PageDown});
    m_today = dayAction(tr("&Today"), {Qt::Key_T});
    m_cancel = dayAction(tr("&Cancel appointment…"), {Qt::Key_Delete});
    // A week view steps by weeks.
    connect(m_previousDay, &QAction::triggered, this, [this] {
        showDate(m_date.addDays(m_viewChoice->view() == CalendarView::Day ? -1 : -7));
    });
    connect(m_nextDay, &QAction::triggered, this, [this] {
        showDate(m_date.addDays(m_viewChoice->view() == CalendarView::Day ? 1 : 7));
    });
    connect(m_today, &QAction::triggered, this, [this] {
        showDate(ClinicTime::toLocal(m_clinic.clock().nowUtc(), m_schedule.directory.zone).date());
    });
    connect(m_cancel, &QAction::triggered, this, [this] {
        const Id selected = m_ui->dayPanel->dayView()->selectedAppointment();
        if (selected != 0) {
            cancelAppointment(selected);
        }
    });

    // The phone call starts from the client and the massage; a therapist's column starts the
    // therapist-first form instead.
    m_newBooking = new QAction(tr("&Find a time…"), this);
    m_newBooking->setShortcut(QKeySequence::New);
    connect(m_newBooking, &QAction::triggered, this, [this] { findTime(0); });
    m_findClient = new QAction(tr("&Find client"), this);
    m_findClient->setShortcut(QKeySequence::Find);
    connect(m_findClient, &QAction::triggered, this, [this] {
        m_ui->clientSearchEdit->setFocus();
        m_ui->clientSearchEdit->selectAll();
    });
    // The client of the selected appointment, or of the highlighted search result.
    m_openClient = new QAction(tr("Open c&lient…"), this);
    m_openClient->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_openClient, &QAction::triggered, this, [this] {
        QListWidgetItem* result = m_ui->clientResults->currentItem();
        if (m_ui->clientResults->hasFocus() && result != nullptr) {
            openClient(result->data(Qt::UserRole).toLongLong());
        } else if (const CalendarEntry* selected =
                       entry(m_ui->dayPanel->dayView()->selectedAppointment())) {
            openClient(selected->appointment.clientId);
        }
    });
    m_unresolved = new QAction(tr("&Unresolved appointments…"), this);
    connect(m_unresolved, &QAction::triggered, this, [this] {
        UnresolvedDialog dialog(m_clinic, this);
        dialog.exec();
        reload();
    });
    m_print = new QAction(tr("&Print day sheet…"), this);
    m_print->setShortcut(QKeySequence::Print);
    // My day prints its own sheet with the same key while it is the page in front.
    m_print->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_print, &QAction::triggered, this,
            [this] { PrintActions::printWithPreview(this, daySheetHtml()); });
    m_exportPdf = new QAction(tr("E&xport day sheet as PDF…"), this);
    connect(m_exportPdf, &QAction::triggered, this, [this] {
        PrintActions::exportPdf(this, daySheetHtml(),
                                tr("day-sheet-%1.pdf").arg(m_date.toString(Qt::ISODate)));
    });
    addAction(m_newBooking);
    addAction(m_findClient);
    addAction(m_openClient);
    addAction(m_print);
}

void CalendarPage::setUpViewChoice()
{
    m_viewChoice = new CalendarViewChoice(this);
    m_ui->dayViewButton->setDefaultAction(m_viewChoice->dayViewAction());
    m_ui->weekViewButton->setDefaultAction(m_viewChoice->weekViewAction());
    m_ui->clinicWeekButton->setDefaultAction(m_viewChoice->clinicWeekAction());
    m_ui->views->setCurrentIndex(static_cast<int>(m_viewChoice->view()));
    m_ui->dayPanel->setCompact(m_viewChoice->isCompact());
    connect(m_viewChoice, &CalendarViewChoice::viewChosen, this, &CalendarPage::showView);
    connect(m_viewChoice, &CalendarViewChoice::compactChosen, m_ui->dayPanel,
            &DayPanel::setCompact);
}

void CalendarPage::setView(CalendarView view)
{
    m_viewChoice->setView(view);
}

void CalendarPage::showView(CalendarView view)
{
    m_ui->views->setCurrentIndex(static_cast<int>(view));
    const bool byDay = view == CalendarView::Day;
    m_previousDay->setText(byDay ? tr("&Previous day") : tr("&Previous week"));
    m_nextDay->setText(byDay ? tr("&Next day") : tr("&Next week"));
    reload();
    focusView();
}

QString CalendarPage::periodText() const
{
    const QLocale locale;
    if (m_viewChoice->view() == CalendarView::Day) {
        return locale.toString(m_date, QLocale::LongFormat);
    }
    const QDate monday = m_date.addDays(1 - m_date.dayOfWeek());
    return tr("Week of %1 to %2")
        .arg(locale.toString(monday, QLocale::ShortFormat),
             locale.toString(monday.addDays(6), QLocale::ShortFormat));
}

void CalendarPage::goToAppointment(QDate date, Id appointmentId)
{
    setView(CalendarView::Day);
    showDate(date);
    m_ui->dayPanel->dayView()->selectAppointment(appointmentId);
    m_ui->dayPanel->bringIntoView(appointmentId);
    showDetails(appointmentId);
}

void CalendarPage::bookForClient(Id clientId)
{
    findTime(clientId);
}

WeekPanel* CalendarPage::weekPanel() const
{
    return m_ui->weekPanel;
}

WeekOverview* CalendarPage::weekOverview() const
{
    return m_ui->weekOverview;
}

DayPanel* CalendarPage::dayPanel() const
{
    return m_ui->dayPanel;
}

QString CalendarPage::message() const
{
    return m_messageLine->text();
}

void CalendarPage::showDate(QDate date)
{
    if (!date.isValid()) {
        return;
    }
    const bool newDate = date != m_date;
    m_date = date;
    // A refusal was about a card of the day that was shown; it does not follow to another.
    if (newDate) {
        m_messageLine->movedOn();
    }
    if (m_ui->monthCalendar->selectedDate() != date) {
        const QSignalBlocker blocker(m_ui->monthCalendar);
        m_ui->monthCalendar->setSelectedDate(date);
    }
    // Short beside the Today button; the long form is above the day or week.
    m_ui->dateLabel->setText(QLocale().toString(date, QLocale::ShortFormat));
    m_ui->dateLabel->setToolTip(QLocale().toString(date, QLocale::LongFormat));
    reload();
    markBusyDays(date.year(), date.month());
    if (newDate) {
        m_ui->dayPanel->scrollToTime(ClinicTime::toUtc(date, 9 * 60, m_schedule.directory.zone));
    }
}

void CalendarPage::reload()
{
    Result<DaySchedule> loaded = m_clinic.daySchedule(m_date);
    if (!loaded) {
        showReadProblem(loaded.error().message);
        return;
    }
    // The day could be read again: a problem reading it earlier is over.
    m_messageLine->readSucceeded();
    const int scroll = m_ui->dayPanel->verticalScroll();
    m_schedule = std::move(loaded).value();
    loadTherapistList();
    m_ui->dayPanel->setSchedule(m_schedule, shownTherapists(), m_clinic.clock().nowUtc());
    m_ui->dayPanel->setVerticalScroll(scroll);
    showDetails(m_ui->dayPanel->dayView()->selectedAppointment());
    m_ui->periodLabel->setText(periodText());
    // A week is read only while one is shown.
    if (m_viewChoice->view() != CalendarView::Day) {
        Result<WeekSchedule> week = m_clinic.weekSchedule(m_date);
        if (!week) {
            showReadProblem(week.error().message);
            return;
        }
        if (m_viewChoice->view() == CalendarView::Week) {
            m_ui->weekPanel->setWeek(*week, m_clinic.clock().nowUtc());
        } else {
            QList<Id> shown = WeekOverviewLayout::therapistsIn(*week);
            shown.removeIf([this](Id id) { return m_hiddenTherapists.contains(id); });
            m_ui->weekOverview->setWeek(*week, shown, m_clinic.clock().nowUtc());
        }
    }
}

void CalendarPage::markBusyDays(int year, int month)
{
    const QDate first(year, month, 1);
    // Days around the month are shown too; one query covers them all.
    m_ui->monthCalendar->setDateTextFormat(QDate(), QTextCharFormat());
    const Result<QSet<QDate>> days =
        m_clinic.busyDays(first.addDays(-7), first.addMonths(1).addDays(13));
    if (!days) {
        return;
    }
    QTextCharFormat busy;
    busy.setFontWeight(QFont::Bold);
    for (const QDate& day : *days) {
        m_ui->monthCalendar->setDateTextFormat(day, busy);
    }
}

bool CalendarPage::isMarkedBusy(QDate date) const
{
    return m_ui->monthCalendar->dateTextFormat(date).fontWeight() == QFont::Bold;
}

QString CalendarPage::daySheetHtml() const
{
    const CalendarEntry* selected = entry(m_ui->dayPanel->dayView()->selectedAppointment());
    return DaySheet::html(m_schedule, selected != nullptr ? selected->appointment.therapistId : 0,
                          m_clinic.clock().nowUtc());
}

void CalendarPage::loadTherapistList()
{
    const QSignalBlocker blocker(m_ui->therapistList);
    m_ui->therapistList->clear();
    for (const Therapist& therapist : m_schedule.directory.therapists) {
        if (!m_schedule.isOn(therapist.id)) {
            continue;
        }
        auto* item = new QListWidgetItem(therapist.displayName, m_ui->therapistList);
        QPixmap swatch(12, 12);
        swatch.fill(QColor::fromString(therapist.calendarColor));
        item->setIcon(QIcon(swatch));
        item->setData(Qt::UserRole, therapist.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_hiddenTherapists.contains(therapist.id) ? Qt::Unchecked
                                                                      : Qt::Checked);
    }
}

QList<Id> CalendarPage::shownTherapists() const
{
    QList<Id> shown;
    for (const Therapist& therapist : m_schedule.directory.therapists) {
        if (m_schedule.isOn(therapist.id) && !m_hiddenTherapists.contains(therapist.id)) {
            shown.append(therapist.id);
        }
    }
    return shown;
}

const CalendarEntry* CalendarPage::entry(Id appointmentId) const
{
    for (const CalendarEntry& candidate : m_schedule.entries) {
        if (candidate.appointment.id == appointmentId) {
            return &candidate;
        }
    }
    return nullptr;
}

void CalendarPage::book(Id therapistId, const QDateTime& startUtc, int minutes, Id clientId)
{
    BookingDialog dialog(m_clinic, this);
    dialog.prefill(therapistId,
                   startUtc.isValid()
                       ? startUtc
                       : ClinicTime::toUtc(m_date, 10 * 60, m_schedule.directory.zone),
                   minutes);
    if (clientId != 0) {
        dialog.prefillClient(clientId);
    }
    if (dialog.exec() == QDialog::Accepted && !dialog.booked().isEmpty()) {
        showBooked(dialog.booked());
    }
}

void CalendarPage::findTime(Id clientId)
{
    FindTimeDialog dialog(m_clinic, this);
    if (clientId != 0) {
        dialog.prefillClient(clientId);
    }
    if (dialog.exec() == QDialog::Accepted) {
        showBooked({dialog.booked()});
    }
}

void CalendarPage::showBooked(const QList<Appointment>& booked)
{
    const Appointment& first = booked.constFirst();
    m_steps->booked(tr("Book %n appointment(s)", nullptr, static_cast<int>(booked.size())), booked);
    showMessage(tr("Booked %n appointment(s) (Ctrl+Z undoes it).", nullptr,
                   static_cast<int>(booked.size())),
                false);
    goToAppointment(ClinicTime::toLocal(first.startUtc, m_schedule.directory.zone).date(),
                    first.id);
}

void CalendarPage::editAppointment(Id appointmentId)
{
    const CalendarEntry* edited = entry(appointmentId);
    if (edited == nullptr) {
        return;
    }
    showDetails(appointmentId);
    const AppointmentStatus status = edited->appointment.status;
    if (status != AppointmentStatus::Booked && status != AppointmentStatus::Confirmed) {
        showMessage(tr("%1's appointment is %2: what happened is kept as it was.")
                        .arg(edited->clientName, IcsCalendar::statusText(status)),
                    true);
        return;
    }
    // The day may be reloaded while the dialog is open (live refresh): keep copies.
    const QString what = tr("Change %1's appointment").arg(edited->clientName);
    BookingDialog dialog(m_clinic, this);
    dialog.editAppointment(edited->appointment);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    m_steps->changed(what, dialog.original(), dialog.changed());
    showMessage(tr("%1 (Ctrl+Z undoes it).").arg(what), false);
    goToAppointment(
        ClinicTime::toLocal(dialog.changed().startUtc, m_schedule.directory.zone).date(),
        appointmentId);
}

void CalendarPage::openClient(Id clientId)
{
    ClientDialog dialog(m_clinic, clientId, this);
    Id chosenAppointment = 0;
    QDate chosenDate;
    bool bookForClient = false;
    connect(&dialog, &ClientDialog::appointmentActivated, this, [&](Id appointmentId, QDate date) {
        chosenAppointment = appointmentId;
        chosenDate = date;
    });
    connect(&dialog, &ClientDialog::bookRequested, this, [&] { bookForClient = true; });
    dialog.exec();
    // Acted on once the card is closed, so that no dialog opens on top of another.
    if (bookForClient) {
        findTime(clientId);
    } else if (chosenAppointment != 0) {
        goToAppointment(chosenDate, chosenAppointment);
    }
}

void CalendarPage::showDetails(Id appointmentId)
{
    const CalendarEntry* shown = entry(appointmentId);
    if (shown == nullptr) {
        m_ui->detailsBrowser->setHtml(AppointmentDetails::noneChosen());
        return;
    }
    // The history is read when an appointment is selected, never while painting.
    const Result<QList<AppointmentChange>> history = m_clinic.history(shown->appointment.id);
    m_ui->detailsBrowser->setHtml(AppointmentDetails::html(
        *shown, m_schedule.directory.zone, history ? *history : QList<AppointmentChange>()));
}

void CalendarPage::showContextMenu(Id appointmentId, const QPoint& globalPos)
{
    const CalendarEntry* chosen = entry(appointmentId);
    if (chosen == nullptr) {
        return;
    }
    const Id clientId = chosen->appointment.clientId;
    AppointmentMenu menu(m_openClient->shortcut(), this);
    connect(&menu, &AppointmentMenu::editChosen, this,
            [this, appointmentId] { editAppointment(appointmentId); });
    connect(&menu, &AppointmentMenu::openClientChosen, this,
            [this, clientId] { openClient(clientId); });
    connect(&menu, &AppointmentMenu::statusChosen, this,
            [this, appointmentId](AppointmentStatus status) { setStatus(appointmentId, status); });
    connect(&menu, &AppointmentMenu::cancelChosen, this,
            [this, appointmentId] { cancelAppointment(appointmentId); });
    menu.exec(globalPos);
}

void CalendarPage::setStatus(Id appointmentId, AppointmentStatus status)
{
    const CalendarEntry* marked = entry(appointmentId);
    if (marked == nullptr) {
        return;
    }
    const AppointmentStatus previous = marked->appointment.status;
    const QString clientName = marked->clientName;
    const Result<Appointment> changed =
        service().setStatus(appointmentId, status, m_clinic.actor());
    if (changed) {
        m_steps->statusSet(tr("Mark %1 as %2").arg(clientName, IcsCalendar::statusText(status)),
                           appointmentId, status, previous);
    }
    showMessage(changed ? AppointmentDetails::statusChanged(clientName, status)
                        : changed.error().message,
                !changed);
    reload();
}

void CalendarPage::cancelAppointment(Id appointmentId)
{
    const CalendarEntry* cancelled = entry(appointmentId);
    if (cancelled == nullptr) {
        return;
    }
    // The day may be reloaded while the dialog is open (live refresh): keep copies.
    const AppointmentStatus previous = cancelled->appointment.status;
    const QString clientName = cancelled->clientName;
    CancelDialog dialog(m_clinic, *cancelled, m_schedule.directory.settings.lateCancelHours, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const QString reason = dialog.reason();
    m_steps->cancelled(tr("Cancel %1's appointment").arg(clientName), appointmentId, previous,
                       reason);
    showMessage(tr("Cancelled %1's appointment (Ctrl+Z undoes it).").arg(clientName), false);
    reload();
}

void CalendarPage::moveAppointment(Id appointmentId, Id therapistId, const QDateTime& startUtc,
                                   int minutes)
{
    const CalendarEntry* moved = entry(appointmentId);
    if (moved == nullptr) {
        return;
    }
    ChangeRequest request;
    request.appointmentId = appointmentId;
    request.therapistId = therapistId;
    request.startUtc = startUtc;
    request.minutes = minutes;
    const Result<Appointment> changed = service().change(request, m_clinic.actor());
    if (!changed) {
        // The card snaps back when the unchanged day is drawn again.
        showMessage(changed.error().message, true);
        reload();
        return;
    }
    const QString what =
        minutes != moved->appointment.durationMinutes
            ? tr("Change %1's appointment to %2 min").arg(moved->clientName).arg(minutes)
            : tr("Move %1's appointment").arg(moved->clientName);
    m_steps->changed(what, moved->appointment, *changed);
    showMessage(tr("%1 (Ctrl+Z undoes it).").arg(what), false);
    reload();
}

QUndoStack* CalendarPage::undoStack() const
{
    return m_steps->stack();
}

BookingService CalendarPage::service() const
{
    return m_clinic.bookings();
}

void CalendarPage::searchClients(const QString& text)
{
    m_ui->clientResults->clear();
    if (text.trimmed().size() < 2) {
        return;
    }
    const Result<QList<Client>> found = m_clinic.clients().find(text, clientResultLimit);
    if (!found) {
        showReadProblem(found.error().message);
        return;
    }
    m_messageLine->readSucceeded();
    for (const Client& client : *found) {
        auto* item = new QListWidgetItem(client.fullName + QStringLiteral("  ") + client.phone,
                                         m_ui->clientResults);
        item->setData(Qt::UserRole, client.id);
        item->setToolTip(tr("Enter finds a time for %1.").arg(client.fullName));
    }
}

void CalendarPage::showReadProblem(const QString& text)
{
    m_messageLine->show(text, PageMessageLine::Kind::ReadProblem);
}

void CalendarPage::showMessage(const QString& text, bool refusal)
{
    m_messageLine->show(text,
                        refusal ? PageMessageLine::Kind::Refusal : PageMessageLine::Kind::Report);
}

} // namespace masahista::gui

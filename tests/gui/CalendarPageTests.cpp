#include "GuiTestSupport.h"
#include "booking/demo/DemoClinic.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/Schedule.h"
#include "data/AppointmentRepository.h"
#include "data/ClientRepository.h"
#include "gui/CalendarPage.h"
#include "gui/calendar/DayPanel.h"
#include "gui/calendar/DayView.h"
#include "gui/calendar/WeekOverview.h"
#include "gui/calendar/WeekOverviewLayout.h"
#include "gui/calendar/WeekPanel.h"
#include "gui/calendar/WeekView.h"
#include "gui/dialogs/BookingDialog.h"
#include "gui/dialogs/ClientDialog.h"
#include "gui/dialogs/FindTimeDialog.h"
#include "support/TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QUndoStack>

using namespace masahista;
using masahista::gui::BookingDialog;
using masahista::gui::CalendarPage;
using masahista::gui::CalendarView;
using masahista::gui::ClientDialog;
using masahista::gui::DayView;
using masahista::gui::FindTimeDialog;

namespace {

// Wednesday 2026-11-25, 09:00 in Edmonton: the demo's today.
const QDateTime demoNow(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc());

QList<Id> idsOf(const QList<CalendarEntry>& entries)
{
    QList<Id> ids;
    for (const CalendarEntry& entry : entries) {
        ids.append(entry.appointment.id);
    }
    return ids;
}

// The first booked or confirmed appointment of the day the page shows.
const CalendarEntry* firstActive(const CalendarPage& page)
{
    for (const CalendarEntry& entry : page.dayPanel()->dayView()->schedule().entries) {
        if (entry.appointment.status == AppointmentStatus::Booked ||
            entry.appointment.status == AppointmentStatus::Confirmed) {
            return &entry;
        }
    }
    return nullptr;
}

struct DemoPage
{
    DemoPage()
    {
        database = masahista::test::fileDatabase(dir.filePath(QStringLiteral("clinic.sqlite")));
        REQUIRE(DemoClinic::load(*database, QDate(2026, 11, 25), clock).ok());
        page = std::make_unique<CalendarPage>(
            masahista::test::session(*database, clock, Actor{QStringLiteral("desk")}));
        page->resize(1366, 700);
        page->show();
    }

    QTemporaryDir dir;
    FixedClock clock{demoNow};
    std::unique_ptr<Database> database;
    std::unique_ptr<CalendarPage> page;
};

} // namespace

TEST_CASE("The calendar page shows exactly what the database holds for the day", "[gui][calendar]")
{
    DemoPage demo;
    CalendarPage& page = *demo.page;
    CHECK(page.date() == QDate(2026, 11, 25));
    const DaySchedule stored = loadDaySchedule(*demo.database, page.date()).value();
    CHECK(idsOf(page.dayPanel()->dayView()->schedule().entries) == idsOf(stored.entries));
    CHECK_FALSE(stored.entries.isEmpty());

    page.nextDayAction()->trigger();
    CHECK(page.date() == QDate(2026, 11, 26));
    CHECK(idsOf(page.dayPanel()->dayView()->schedule().entries) ==
          idsOf(loadDaySchedule(*demo.database, QDate(2026, 11, 26)).value().entries));
    page.previousDayAction()->trigger();
    page.previousDayAction()->trigger();
    CHECK(page.date() == QDate(2026, 11, 24));
    page.todayAction()->trigger();
    CHECK(page.date() == QDate(2026, 11, 25));

    // The month calendar marks the demo's fortnight and not the empty days after it.
    CHECK(page.isMarkedBusy(QDate(2026, 11, 20)));
    CHECK(page.isMarkedBusy(QDate(2026, 12, 1)));
    CHECK_FALSE(page.isMarkedBusy(QDate(2026, 12, 10)));
}

TEST_CASE("A change made by the command line appears without a reload by hand", "[gui][calendar]")
{
    DemoPage demo;
    CalendarPage& page = *demo.page;
    page.showDate(QDate(2026, 11, 26));
    QList<Id> active;
    for (const CalendarEntry& entry : page.dayPanel()->dayView()->schedule().entries) {
        if (entry.appointment.status == AppointmentStatus::Booked ||
            entry.appointment.status == AppointmentStatus::Confirmed) {
            active.append(entry.appointment.id);
        }
    }
    REQUIRE(active.size() >= 2);
    const Id cancelledId = active.at(0);
    const Id selectedId = active.at(1);
    page.dayPanel()->dayView()->selectAppointment(selectedId);

    const masahista::test::ProcessResult cancelled = masahista::test::runMasahistaAt(
        demoNow, {QStringLiteral("--db"), demo.dir.filePath(QStringLiteral("clinic.sqlite")),
                  QStringLiteral("cancel"), QString::number(cancelledId),
                  QStringLiteral("--reason"), QStringLiteral("Called in")});
    REQUIRE(cancelled.exitCode == 0);
    const auto shownStatus = [&] {
        for (const CalendarEntry& entry : page.dayPanel()->dayView()->schedule().entries) {
            if (entry.appointment.id == cancelledId) {
                return entry.appointment.status;
            }
        }
        return AppointmentStatus::Booked;
    };
    CHECK(QTest::qWaitFor([&] { return shownStatus() == AppointmentStatus::Cancelled; }, 3000));
    // The user's place is kept: the same day and the same selection.
    CHECK(page.date() == QDate(2026, 11, 26));
    CHECK(page.dayPanel()->dayView()->selectedAppointment() == selectedId);
}

TEST_CASE("Dragging a card moves the appointment and undo puts it back", "[gui][calendar]")
{
    DemoPage demo;
    CalendarPage& page = *demo.page;
    // Eden L works Tuesdays 12:00-15:00; 8 December is after the demo's bookings.
    const DaySchedule day = loadDaySchedule(*demo.database, QDate(2026, 12, 8)).value();
    Id eden = 0;
    for (const Therapist& therapist : day.directory.therapists) {
        if (therapist.displayName == u"Eden L") {
            eden = therapist.id;
        }
    }
    const Id swedish = day.directory.serviceNames.key(QStringLiteral("Swedish relaxation"));
    BookingRequest request;
    request.clientId = 1;
    request.therapistId = eden;
    request.massageTypeId = swedish;
    request.minutes = 60;
    request.startUtc = ClinicTime::toUtc(QDate(2026, 12, 8), 12 * 60, day.directory.zone);
    const Result<Appointment> booked =
        BookingService(*demo.database, demo.clock).book(request, Actor{QStringLiteral("desk")});
    REQUIRE(booked.ok());
    page.showDate(QDate(2026, 12, 8));

    const QDateTime later = booked->startUtc.addSecs(30 * 60);
    Q_EMIT page.dayPanel()->dayView()->appointmentMoveRequested(booked->id, eden, later);
    CHECK(AppointmentRepository(*demo.database).byId(booked->id).value().startUtc == later);
    REQUIRE(page.undoStack()->count() == 1);
    page.undoStack()->undo();
    CHECK(AppointmentRepository(*demo.database).byId(booked->id).value().startUtc ==
          booked->startUtc);
    page.undoStack()->redo();
    CHECK(AppointmentRepository(*demo.database).byId(booked->id).value().startUtc == later);

    // Dragging the bottom edge changes the length, and the price with it.
    Q_EMIT page.dayPanel()->dayView()->appointmentResizeRequested(booked->id, 90);
    const Appointment resized = AppointmentRepository(*demo.database).byId(booked->id).value();
    CHECK(resized.durationMinutes == 90);
    CHECK(resized.priceCents != booked->priceCents);
    page.undoStack()->undo();
    CHECK(AppointmentRepository(*demo.database).byId(booked->id).value().durationMinutes == 60);
}

TEST_CASE("A refused move leaves the appointment where it was and says why", "[gui][calendar]")
{
    DemoPage demo;
    CalendarPage& page = *demo.page;
    page.showDate(QDate(2026, 11, 26));
    const QList<CalendarEntry>& entries = page.dayPanel()->dayView()->schedule().entries;
    // Two active appointments of one therapist: moving the second onto the first is refused.
    const CalendarEntry* first = nullptr;
    const CalendarEntry* second = nullptr;
    for (const CalendarEntry& a : entries) {
        for (const CalendarEntry& b : entries) {
            if (a.appointment.id != b.appointment.id &&
                a.appointment.therapistId == b.appointment.therapistId &&
                a.appointment.startUtc < b.appointment.startUtc && a.appointment.holdsTime() &&
                b.appointment.status == AppointmentStatus::Booked) {
                first = &a;
                second = &b;
            }
        }
    }
    REQUIRE(first != nullptr);
    const Id secondId = second->appointment.id;
    const QDateTime secondStart = second->appointment.startUtc;
    Q_EMIT page.dayPanel()->dayView()->appointmentMoveRequested(
        secondId, first->appointment.therapistId, first->appointment.startUtc);
    CHECK(page.message().startsWith(u"Slot taken"));
    CHECK(AppointmentRepository(*demo.database).byId(secondId).value().startUtc == secondStart);
    CHECK(page.undoStack()->count() == 0);

    // The day being read again keeps the reason; another day drops it, it was about this one.
    page.showDate(QDate(2026, 11, 26));
    CHECK(page.message().startsWith(u"Slot taken"));
    page.nextDayAction()->trigger();
    CHECK(page.message().isEmpty());
}

TEST_CASE("Delete on a selected appointment asks for the reason and cancels it", "[gui][calendar]")
{
    DemoPage demo;
    CalendarPage& page = *demo.page;
    page.showDate(QDate(2026, 12, 1));
    const CalendarEntry* target = firstActive(page);
    REQUIRE(target != nullptr);
    const Id id = target->appointment.id;
    page.dayPanel()->dayView()->selectAppointment(id);

    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog != nullptr);
        dialog->findChild<QLineEdit*>(QStringLiteral("reasonEdit"))
            ->setText(QStringLiteral("Snowstorm"));
        dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Ok)
            ->click();
    });
    page.cancelAction()->trigger();
    const Appointment stored = AppointmentRepository(*demo.database).byId(id).value();
    CHECK(stored.status == AppointmentStatus::Cancelled);
    CHECK(stored.cancelReason == u"Snowstorm");
    CHECK(page.message().contains(u"Cancelled"));
}

TEST_CASE("Undo takes back a booking, a status and a cancellation made on the page",
          "[gui][calendar]")
{
    DemoPage demo;
    CalendarPage& page = *demo.page;
    const QDate tuesday(2026, 12, 8);
    page.showDate(tuesday);
    const DaySchedule day = loadDaySchedule(*demo.database, tuesday).value();
    Id eden = 0;
    for (const Therapist& therapist : day.directory.therapists) {
        if (therapist.displayName == u"Eden L") {
            eden = therapist.id;
        }
    }
    REQUIRE(eden != 0);
    const QDateTime noon = ClinicTime::toUtc(tuesday, 12 * 60, day.directory.zone);
    AppointmentRepository appointments(*demo.database);
    const auto statusOf = [&](Id id) {
        return appointments.byId(id).value().status;
    };

    // Booking through the dialog, as a click on Eden's empty noon slot opens it.
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<BookingDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog != nullptr);
        dialog->prefillClient(1);
        QTest::qWait(300);
        dialog->findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
    });
    Q_EMIT page.dayPanel()->dayView()->emptySlotActivated(eden, noon, 60);
    const Appointment booked = appointments.between(noon, noon.addSecs(60)).value().constFirst();
    CHECK(booked.therapistId == eden);
    CHECK(booked.status == AppointmentStatus::Booked);
    REQUIRE(page.undoStack()->count() == 1);
    page.undoStack()->undo();
    CHECK(statusOf(booked.id) == AppointmentStatus::Cancelled);
    CHECK_FALSE(appointments.byId(booked.id).value().cancelledLate);
    CHECK(page.dayPanel()->dayView()->dayLayout().cardRect(booked.id).isEmpty());
    page.undoStack()->redo();
    CHECK(statusOf(booked.id) == AppointmentStatus::Booked);
    CHECK_FALSE(page.dayPanel()->dayView()->dayLayout().cardRect(booked.id).isEmpty());

    // A status from the card's menu.
    QTimer::singleShot(0, [] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        REQUIRE(menu != nullptr);
        for (QAction* action : menu->actions()) {
            if (action->text() == u"&Confirmed") {
                action->trigger();
            }
        }
        menu->close();
    });
    Q_EMIT page.dayPanel()->dayView()->appointmentContextMenuRequested(booked.id, QPoint(10, 10));
    CHECK(statusOf(booked.id) == AppointmentStatus::Confirmed);
    const QString client = masahista::ClientRepository(*demo.database).byId(1).value().fullName;
    CHECK(page.message() == client + QStringLiteral("'s appointment is confirmed."));
    page.undoStack()->undo();
    CHECK(statusOf(booked.id) == AppointmentStatus::Booked);
    // Undo and redo say what they took back or did again.
    CHECK(page.message() == QStringLiteral("Undone: Mark ") + client +
                                QStringLiteral(" as confirmed (Ctrl+Shift+Z does it again)."));
    page.undoStack()->redo();
    CHECK(statusOf(booked.id) == AppointmentStatus::Confirmed);
    CHECK(page.message() == QStringLiteral("Done again: Mark ") + client +
                                QStringLiteral(" as confirmed (Ctrl+Z undoes it)."));

    // A cancellation comes back with the status it had.
    page.dayPanel()->dayView()->selectAppointment(booked.id);
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog != nullptr);
        dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Ok)
            ->click();
    });
    page.cancelAction()->trigger();
    CHECK(statusOf(booked.id) == AppointmentStatus::Cancelled);
    page.undoStack()->undo();
    CHECK(statusOf(booked.id) == AppointmentStatus::Confirmed);
    CHECK(page.message() == QStringLiteral("Undone: Cancel ") + client +
                                QStringLiteral("'s appointment (Ctrl+Shift+Z does it again)."));

    // An undo overtaken by another desk is refused with the reason and leaves the stack.
    page.undoStack()->redo();
    REQUIRE(statusOf(booked.id) == AppointmentStatus::Cancelled);
    BookingRequest rival;
    rival.clientId = 2;
    rival.therapistId = eden;
    rival.massageTypeId = booked.massageTypeId;
    rival.minutes = 60;
    rival.startUtc = noon;
    REQUIRE(BookingService(*demo.database, demo.clock)
                .book(rival, Actor{QStringLiteral("other")})
                .ok());
    const int steps = page.undoStack()->count();
    page.undoStack()->undo();
    CHECK(statusOf(booked.id) == AppointmentStatus::Cancelled);
    CHECK(page.message().contains(u"Slot taken"));
    CHECK(page.undoStack()->count() < steps);
}

TEST_CASE("Enter on a card opens it for changes, and undo changes it back", "[gui][calendar]")
{
    DemoPage demo;
    CalendarPage& page = *demo.page;
    page.showDate(QDate(2026, 12, 1));
    const CalendarEntry* target = firstActive(page);
    REQUIRE(target != nullptr);
    const Appointment before = target->appointment;
    DayView* view = page.dayPanel()->dayView();
    view->selectAppointment(before.id);
    view->setFocus();

    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<BookingDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog != nullptr);
        CHECK(dialog->isEditing());
        dialog->findChild<QLineEdit*>(QStringLiteral("notesEdit"))
            ->setText(QStringLiteral("Bring a pillow"));
        QTest::qWait(300);
        dialog->findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
    });
    QTest::keyClick(view, Qt::Key_Return);
    AppointmentRepository appointments(*demo.database);
    CHECK(appointments.byId(before.id).value().notes == u"Bring a pillow");
    REQUIRE(page.undoStack()->count() == 1);
    page.undoStack()->undo();
    CHECK(appointments.byId(before.id).value().notes == before.notes);
    CHECK(appointments.byId(before.id).value().startUtc == before.startUtc);
}

TEST_CASE("The selected appointment's client card opens, and books for the client",
          "[gui][calendar]")
{
    DemoPage demo;
    CalendarPage& page = *demo.page;
    page.showDate(QDate(2026, 12, 1));
    const CalendarEntry* target = firstActive(page);
    REQUIRE(target != nullptr);
    const QString clientName = target->clientName;
    page.dayPanel()->dayView()->selectAppointment(target->appointment.id);

    QString cardTitle;
    QString bookedFor;
    QTimer::singleShot(0, [&] {
        auto* card = qobject_cast<ClientDialog*>(QApplication::activeModalWidget());
        REQUIRE(card != nullptr);
        cardTitle = card->windowTitle();
        // Find a time opens once the card has closed.
        QTimer::singleShot(0, [&] {
            auto* booking = qobject_cast<FindTimeDialog*>(QApplication::activeModalWidget());
            REQUIRE(booking != nullptr);
            bookedFor = booking->findChild<QLineEdit*>(QStringLiteral("clientSearchEdit"))->text();
            booking->reject();
        });
        card->findChild<QPushButton*>(QStringLiteral("bookButton"))->click();
    });
    page.openClientAction()->trigger();
    CHECK(cardTitle.contains(clientName));
    CHECK(bookedFor.startsWith(clientName));
}

TEST_CASE("The page switches between the day, a therapist's week and the clinic's week",
          "[gui][calendar]")
{
    DemoPage demo;
    CalendarPage& page = *demo.page;
    REQUIRE(page.view() == CalendarView::Day);
    const QDate wednesday(2026, 11, 25);
    const QDate monday(2026, 11, 23);

    page.weekViewAction()->trigger();
    CHECK(page.view() == CalendarView::Week);
    CHECK(page.weekPanel()->isVisible());
    CHECK_FALSE(page.dayPanel()->isVisible());
    CHECK(page.weekPanel()->weekView()->week().monday == monday);
    CHECK(page.weekPanel()->therapistId() != 0);
    // The arrows step by weeks while a week is shown.
    page.nextDayAction()->trigger();
    CHECK(page.date() == wednesday.addDays(7));
    CHECK(page.weekPanel()->weekView()->week().monday == monday.addDays(7));
    page.previousDayAction()->trigger();
    CHECK(page.date() == wednesday);

    page.clinicWeekAction()->trigger();
    CHECK(page.weekOverview()->isVisible());
    const auto& overview = page.weekOverview()->overviewLayout();
    CHECK(overview.monday() == monday);
    CHECK(overview.rowCount() > 0);
    // A day in the overview opens that day.
    Q_EMIT page.weekOverview()->dayActivated(wednesday.addDays(1), overview.therapistOf(0));
    CHECK(page.view() == CalendarView::Day);
    CHECK(page.date() == wednesday.addDays(1));
    CHECK(page.dayPanel()->isVisible());

    // The choice is remembered for the next start.
    page.weekViewAction()->trigger();
    CalendarPage again(
        masahista::test::session(*demo.database, demo.clock, Actor{QStringLiteral("desk")}));
    CHECK(again.view() == CalendarView::Week);
    again.setView(CalendarView::Day);
    CHECK(page.weekViewAction()->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_2));
}

TEST_CASE("The day sheet printed from the page is the selected therapist's, else the clinic's",
          "[gui][calendar]")
{
    DemoPage demo;
    CalendarPage& page = *demo.page;
    const CalendarEntry* target = firstActive(page);
    REQUIRE(target != nullptr);
    const QString clinicSheet = page.daySheetHtml();
    page.dayPanel()->dayView()->selectAppointment(target->appointment.id);
    const QString therapistSheet = page.daySheetHtml();
    CHECK(therapistSheet.contains(target->therapistName.toHtmlEscaped()));
    CHECK(therapistSheet.size() < clinicSheet.size());
    CHECK(page.printAction()->shortcut() == QKeySequence(QKeySequence::Print));
}

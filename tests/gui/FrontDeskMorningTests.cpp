#include "GuiTestSupport.h"
#include "booking/Clock.h"
#include "booking/demo/DemoClinic.h"
#include "data/AppointmentRepository.h"
#include "gui/CalendarPage.h"
#include "gui/MainWindow.h"
#include "gui/calendar/DayPanel.h"
#include "gui/calendar/DayView.h"
#include "gui/dialogs/FindTimeDialog.h"
#include "support/TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

#include <catch2/catch.hpp>

using namespace masahista;
using masahista::gui::CalendarPage;
using masahista::gui::DayView;
using masahista::gui::FindTimeDialog;
using masahista::gui::MainWindow;

namespace {

template <typename Widget>
Widget* child(QWidget& parent, const char* name)
{
    auto* found = parent.findChild<Widget*>(QString::fromLatin1(name));
    REQUIRE(found != nullptr);
    return found;
}

// Runs `handle` on the next modal dialog or menu that opens, from inside its event loop.
void whenModalOpens(std::function<void(QWidget*)> handle)
{
    QTimer::singleShot(0, [handle = std::move(handle)] {
        QWidget* modal = QApplication::activePopupWidget() != nullptr
                             ? QApplication::activePopupWidget()
                             : QApplication::activeModalWidget();
        REQUIRE(modal != nullptr);
        handle(modal);
    });
}

void chooseMenuItem(QWidget* popup, const QString& text)
{
    auto* menu = qobject_cast<QMenu*>(popup);
    REQUIRE(menu != nullptr);
    bool found = false;
    for (QAction* action : menu->actions()) {
        if (action->text() == text) {
            found = true;
            action->trigger();
        }
    }
    menu->close();
    CHECK(found);
}

} // namespace

// The "done when": a morning's work with the demo clinic, through the window alone.
TEST_CASE("A receptionist does a morning's work in the window alone", "[gui][frontdesk]")
{
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    auto database = test::fileDatabase(folder.filePath(QStringLiteral("clinic.sqlite")));
    // Wednesday 2026-11-25, 09:00 in Edmonton.
    const FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
    REQUIRE(DemoClinic::load(*database, QDate(2026, 11, 25), clock).ok());
    MainWindow window(masahista::test::session(*database, clock));
    window.resize(1366, 700);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CalendarPage& page = *window.calendarPage();
    AppointmentRepository appointments(*database);
    const qint64 before = appointments.count().value();

    // 1. A client calls: find her and book the first free time while she is on the phone.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    auto* search = child<QLineEdit>(page, "clientSearchEdit");
    CHECK(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("oksana"));
    QTest::keyClick(search, Qt::Key_Return);
    auto* results = child<QListWidget>(page, "clientResults");
    REQUIRE(results->count() == 1);
    CHECK(results->hasFocus());
    QString bookedFor;
    whenModalOpens([&bookedFor](QWidget* modal) {
        auto* dialog = qobject_cast<FindTimeDialog*>(modal);
        REQUIRE(dialog != nullptr);
        bookedFor = dialog->findChild<QLineEdit*>(QStringLiteral("clientSearchEdit"))->text();
        // She asks for tomorrow.
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("dayEdit")),
                         QStringLiteral("tomorrow"));
        QTest::qWait(300); // the dialog's debounced checks and slot search
        auto* freeSlots = dialog->findChild<QListWidget*>(QStringLiteral("slotList"));
        REQUIRE(freeSlots->count() > 0);
        freeSlots->setCurrentRow(0);
        QTest::keyClick(freeSlots, Qt::Key_Return);
    });
    QTest::keyClick(results, Qt::Key_Return);
    CHECK(bookedFor.startsWith(u"Oksana Shevchenko"));
    REQUIRE(appointments.count().value() == before + 1);
    DayView* view = page.dayPanel()->dayView();
    const Id booked = view->selectedAppointment();
    REQUIRE(booked != 0);
    const Appointment made = appointments.byId(booked).value();
    CHECK(made.status == AppointmentStatus::Booked);
    CHECK(page.message().contains(u"Booked"));

    // 2. She asks for half an hour later: the card is moved (the view's drag request).
    Q_EMIT view->appointmentMoveRequested(booked, made.therapistId, made.startUtc.addSecs(1800));
    const Appointment moved = appointments.byId(booked).value();
    if (page.message().startsWith(u"Slot taken")) {
        // Someone holds that time: the card stays where it was.
        CHECK(moved.startUtc == made.startUtc);
    } else {
        CHECK(moved.startUtc == made.startUtc.addSecs(1800));
    }

    // 3. Another client of today walks in: check her in from the card's menu.
    page.showDate(QDate(2026, 11, 25));
    Id walkIn = 0;
    for (const CalendarEntry& entry : view->schedule().entries) {
        if (walkIn == 0 && entry.appointment.id != booked &&
            entry.appointment.status == AppointmentStatus::Booked &&
            entry.appointment.startUtc >= clock.nowUtc()) {
            walkIn = entry.appointment.id;
        }
    }
    REQUIRE(walkIn != 0);
    whenModalOpens([](QWidget* popup) { chooseMenuItem(popup, QStringLiteral("&Arrived")); });
    Q_EMIT view->appointmentContextMenuRequested(walkIn, view->mapToGlobal(QPoint(20, 20)));
    CHECK(appointments.byId(walkIn).value().status == AppointmentStatus::Arrived);

    // 4. The morning's new client cancels after all: Delete, with the reason.
    const QDate bookedDay = moved.startUtc.toTimeZone(QTimeZone("America/Edmonton")).date();
    page.showDate(bookedDay);
    view->selectAppointment(booked);
    window.activateWindow();
    view->setFocus();
    REQUIRE(QTest::qWaitFor([view] { return view->hasFocus(); }));
    whenModalOpens([](QWidget* modal) {
        modal->findChild<QLineEdit*>(QStringLiteral("reasonEdit"))
            ->setText(QStringLiteral("Car trouble"));
        modal->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Ok)
            ->click();
        // A refusal keeps the dialog open: say why and close it, rather than wait forever.
        auto* error = modal->findChild<QLabel*>(QStringLiteral("errorLabel"));
        if (modal->isVisible()) {
            FAIL_CHECK("cancel refused: " << error->text().toStdString());
            modal->close();
        }
    });
    QTest::keyClick(view, Qt::Key_Delete);
    const Appointment cancelled = appointments.byId(booked).value();
    CHECK(cancelled.status == AppointmentStatus::Cancelled);
    CHECK(cancelled.cancelReason == u"Car trouble");

    // 5. The day sheet for the therapists, as a PDF.
    const QString pdf = folder.filePath(QStringLiteral("today.pdf"));
    whenModalOpens([&pdf](QWidget* modal) {
        auto* dialog = qobject_cast<QFileDialog*>(modal);
        REQUIRE(dialog != nullptr);
        dialog->selectFile(pdf);
        QMetaObject::invokeMethod(dialog, "accept");
    });
    page.exportPdfAction()->trigger();
    QFile written(pdf);
    REQUIRE(written.open(QIODevice::ReadOnly));
    CHECK(written.read(5) == "%PDF-");
}

#include "GuiTestSupport.h"
#include "booking/Clock.h"
#include "data/AppointmentRepository.h"
#include "data/TherapistRepository.h"
#include "gui/CalendarPage.h"
#include "gui/MainWindow.h"
#include "gui/MassageTypesPage.h"
#include "gui/RoomsPage.h"
#include "gui/TherapistsPage.h"
#include "gui/calendar/DayPanel.h"
#include "gui/calendar/DayView.h"
#include "gui/dialogs/BookingDialog.h"
#include "gui/dialogs/HoursDialog.h"
#include "gui/dialogs/MassageTypeDialog.h"
#include "gui/dialogs/RoomDialog.h"
#include "gui/dialogs/TherapistDialog.h"
#include "support/TestSupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>
#include <QTimer>

#include <catch2/catch.hpp>

#include <functional>

using namespace masahista;

namespace {

// Runs `fill` on the dialog of type Dialog that opens next, then presses its Save.
template <typename Dialog>
void whenDialogOpens(std::function<void(Dialog&)> fill)
{
    QTimer::singleShot(0, [fill = std::move(fill)] {
        auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog != nullptr);
        fill(*dialog);
        QPushButton* save = dialog->template findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
                                ->button(QDialogButtonBox::Save);
        REQUIRE(save != nullptr);
        CHECK(save->isEnabled());
        save->click();
    });
}

} // namespace

// The "done when": a clinic set up from nothing in the window, then booked against.
TEST_CASE("The owner sets up a new clinic from empty and the desk books against it",
          "[gui][newclinic]")
{
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    auto database = test::fileDatabase(folder.filePath(QStringLiteral("clinic.sqlite")));
    // Monday 2026-11-23, 09:00 in Edmonton.
    const FixedClock clock(QDateTime(QDate(2026, 11, 23), QTime(16, 0), QTimeZone::utc()));
    gui::MainWindow window(masahista::test::session(*database, clock));
    window.show();
    auto* therapists = window.therapistsPage();
    auto* types = window.massageTypesPage();
    auto* rooms = window.roomsPage();
    REQUIRE(therapists != nullptr);
    REQUIRE(types != nullptr);
    REQUIRE(rooms != nullptr);

    // A therapist.
    whenDialogOpens<gui::TherapistDialog>([](gui::TherapistDialog& dialog) {
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("nameEdit")),
                         QStringLiteral("Dana K"));
    });
    therapists->newTherapist();
    const QList<Therapist> team = TherapistRepository(*database).all().value();
    REQUIRE(team.size() == 1);
    const Id dana = team.constFirst().id;

    // Her hours: Wednesdays 09:00-17:00.
    whenDialogOpens<gui::HoursDialog>([](gui::HoursDialog& dialog) {
        dialog.findChild<QPushButton*>(QStringLiteral("addHoursButton3"))->click();
        QWidget* wednesday = dialog.findChild<QWidget*>(QStringLiteral("hoursDay3"));
        REQUIRE(wednesday != nullptr);
        const auto starts = wednesday->findChildren<QTimeEdit*>(QStringLiteral("startEdit"));
        const auto ends = wednesday->findChildren<QTimeEdit*>(QStringLiteral("endEdit"));
        REQUIRE(starts.size() == 1);
        starts.constFirst()->setTime(QTime(9, 0));
        ends.constFirst()->setTime(QTime(17, 0));
    });
    Q_EMIT therapists->hoursRequested(dana);

    // A massage type anyone may give, 60 minutes for $95.
    whenDialogOpens<gui::MassageTypeDialog>([](gui::MassageTypeDialog& dialog) {
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("nameEdit")),
                         QStringLiteral("Relaxation"));
        auto* options = dialog.findChild<QTableWidget*>(QStringLiteral("optionsTable"));
        REQUIRE(options->rowCount() >= 1);
        qobject_cast<QLineEdit*>(options->cellWidget(0, gui::MassageTypeDialog::PriceColumn))
            ->setText(QStringLiteral("95"));
    });
    REQUIRE(types->addType());

    // A room.
    whenDialogOpens<gui::RoomDialog>([](gui::RoomDialog& dialog) {
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("nameEdit")),
                         QStringLiteral("Cedar Room"));
        dialog.findChild<QComboBox*>(QStringLiteral("kindCombo"))
            ->setEditText(QStringLiteral("table"));
    });
    REQUIRE(rooms->addRoom());

    // The desk books a new client's first visit with Dana next Wednesday at 10:00.
    const QDateTime tenOClock =
        QDateTime(QDate(2026, 11, 25), QTime(10, 0), QTimeZone("America/Edmonton")).toUTC();
    QString verdict;
    QTimer::singleShot(0, [&verdict] {
        auto* dialog = qobject_cast<gui::BookingDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog != nullptr);
        dialog->findChild<QCheckBox*>(QStringLiteral("newClientCheck"))->setChecked(true);
        dialog->findChild<QLineEdit*>(QStringLiteral("newNameEdit"))
            ->setText(QStringLiteral("Wren Adeyemi"));
        dialog->findChild<QLineEdit*>(QStringLiteral("newPhoneEdit"))
            ->setText(QStringLiteral("780 555 0177"));
        QTest::qWait(300);
        verdict = dialog->findChild<QLabel*>(QStringLiteral("verdictLabel"))->text();
        dialog->findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
        if (dialog->isVisible()) {
            dialog->reject();
        }
    });
    Q_EMIT window.calendarPage()->dayPanel()->dayView()->emptySlotActivated(dana, tenOClock, 60);
    INFO(verdict.toStdString());
    const QList<Appointment> booked =
        AppointmentRepository(*database).between(tenOClock, tenOClock.addSecs(3600)).value();
    REQUIRE(booked.size() == 1);
    CHECK(booked.constFirst().therapistId == dana);
    CHECK(booked.constFirst().priceCents == 9500);
    CHECK(booked.constFirst().roomId != 0);
}

#include "GuiTestSupport.h"
#include "booking/Clock.h"
#include "booking/demo/DemoClinic.h"
#include "booking/engine/Availability.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/ClinicTime.h"
#include "data/AppointmentRepository.h"
#include "data/ClientRepository.h"
#include "data/MassageTypeRepository.h"
#include "gui/dialogs/BookingDialog.h"
#include "support/TestSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>

#include <catch2/catch.hpp>

using masahista::Appointment;
using masahista::Client;
using masahista::Id;
using masahista::gui::BookingDialog;

namespace {

const QTimeZone edmonton("America/Edmonton");

// 09:00 in Edmonton on Wednesday 2026-11-25.
masahista::FixedClock wednesdayMorning()
{
    return masahista::FixedClock(QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
}

struct Clinic
{
    std::unique_ptr<masahista::Database> database = masahista::test::memoryDatabase();
    masahista::FixedClock clock = wednesdayMorning();
    masahista::Actor actor{QStringLiteral("Front desk")};

    Clinic()
    {
        const auto loaded = masahista::DemoClinic::load(*database, QDate(2026, 11, 25), clock);
        INFO((loaded ? QString() : loaded.error().message));
        REQUIRE(loaded.ok());
    }

    Client client(const QString& name)
    {
        auto found = masahista::ClientRepository(*database).find(name, 2);
        REQUIRE(found.ok());
        REQUIRE(found->size() == 1);
        return found->constFirst();
    }

    // The first active type with at least two lengths.
    masahista::MassageType typeWithTwoLengths()
    {
        auto types = masahista::MassageTypeRepository(*database).all(false);
        REQUIRE(types.ok());
        for (const masahista::MassageType& type : *types) {
            if (type.options.size() >= 2) {
                return type;
            }
        }
        FAIL("no massage type with two lengths");
        return {};
    }

    // A free slot in the week after the demo's bookings, where later weeks are free as well.
    masahista::Slot freeSlot(Id typeId, int minutes, Id therapistId = 0)
    {
        masahista::SlotQuery query;
        query.massageTypeId = typeId;
        query.minutes = minutes;
        query.fromUtc = masahista::ClinicTime::toUtc(QDate(2026, 12, 9), 10 * 60, edmonton);
        query.toUtc = query.fromUtc.addDays(7);
        query.therapistId = therapistId;
        query.limit = 1;
        auto found = masahista::Availability(*database, clock).findSlots(query);
        REQUIRE(found.ok());
        REQUIRE_FALSE(found->isEmpty());
        return found->constFirst();
    }

    qint64 appointmentCount()
    {
        auto count = masahista::AppointmentRepository(*database).count();
        REQUIRE(count.ok());
        return *count;
    }

    Appointment stored(Id id)
    {
        auto appointment = masahista::AppointmentRepository(*database).byId(id);
        REQUIRE(appointment.ok());
        return *appointment;
    }
};

template <typename Widget>
Widget* child(BookingDialog& dialog, const char* name)
{
    auto* found = dialog.findChild<Widget*>(QString::fromLatin1(name));
    REQUIRE(found != nullptr);
    return found;
}

// Lets the dialog's debounced search and checks run.
void settle()
{
    QTest::qWait(300);
}

void chooseType(BookingDialog& dialog, Id typeId)
{
    auto* types = child<QComboBox>(dialog, "typeCombo");
    const int row = types->findData(typeId);
    REQUIRE(row >= 0);
    types->setCurrentIndex(row);
}

void pressCtrlEnter(QWidget* widget)
{
    QTest::keyClick(widget, Qt::Key_Return, Qt::ControlModifier);
}

} // namespace

TEST_CASE("The booking dialog books from the keyboard alone", "[bookingdialog]")
{
    Clinic clinic;
    const masahista::MassageType type = clinic.typeWithTwoLengths();
    const int minutes = type.options.at(1).minutes;
    const masahista::Slot slot = clinic.freeSlot(type.id, minutes);
    const Client client = clinic.client(QStringLiteral("Oksana"));

    BookingDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor));
    dialog.show();
    dialog.prefill(slot.therapistId, slot.startUtc, 0);

    auto* search = child<QLineEdit>(dialog, "clientSearchEdit");
    CHECK(dialog.focusWidget() == search);
    QTest::keyClicks(search, QStringLiteral("oksa"));
    QTest::keyClick(search, Qt::Key_Down);
    QTest::keyClick(search, Qt::Key_Return);

    chooseType(dialog, type.id);
    auto* lengths = child<QComboBox>(dialog, "durationCombo");
    lengths->setFocus();
    QTest::keyClick(lengths, Qt::Key_Down);
    CHECK(lengths->currentText().startsWith(QString::number(minutes) + QStringLiteral(" min — $")));
    pressCtrlEnter(lengths);

    INFO(child<QLabel>(dialog, "errorLabel")->text());
    REQUIRE(dialog.result() == QDialog::Accepted);
    REQUIRE(dialog.booked().size() == 1);
    const Appointment booked = clinic.stored(dialog.booked().constFirst().id);
    CHECK(booked.clientId == client.id);
    CHECK(booked.therapistId == slot.therapistId);
    CHECK(booked.massageTypeId == type.id);
    CHECK(booked.durationMinutes == minutes);
    CHECK(booked.startUtc == slot.startUtc);
}

TEST_CASE("The booking dialog books with the mouse", "[bookingdialog]")
{
    Clinic clinic;
    const masahista::MassageType type = clinic.typeWithTwoLengths();
    const masahista::Slot slot = clinic.freeSlot(type.id, type.options.at(0).minutes);
    const Client client = clinic.client(QStringLiteral("Chen Wei"));

    BookingDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor));
    dialog.show();
    dialog.prefill(slot.therapistId, slot.startUtc, 0);
    chooseType(dialog, type.id);

    QTest::keyClicks(child<QLineEdit>(dialog, "clientSearchEdit"), QStringLiteral("chen w"));
    settle();
    auto* results = child<QListWidget>(dialog, "clientResultsList");
    REQUIRE(results->isVisible());
    REQUIRE(results->count() == 1);
    QTest::mouseClick(results->viewport(), Qt::LeftButton, {},
                      results->visualItemRect(results->item(0)).center());
    // Health alerts of the picked client are in plain sight.
    auto* alert = child<QLabel>(dialog, "clientAlertLabel");
    CHECK(alert->isVisible());
    CHECK(alert->text().contains(QStringLiteral("nut")));
    settle();

    auto* save = child<QPushButton>(dialog, "saveButton");
    REQUIRE(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);

    REQUIRE(dialog.result() == QDialog::Accepted);
    REQUIRE(dialog.booked().size() == 1);
    const Appointment booked = clinic.stored(dialog.booked().constFirst().id);
    CHECK(booked.clientId == client.id);
    CHECK(booked.startUtc == slot.startUtc);
    CHECK(booked.durationMinutes == type.options.at(0).minutes);
}

TEST_CASE("The booking dialog shows why a taken slot is refused and stays open", "[bookingdialog]")
{
    Clinic clinic;
    auto upcoming = masahista::AppointmentRepository(*clinic.database)
                        .between(clinic.clock.nowUtc(), clinic.clock.nowUtc().addDays(1));
    REQUIRE(upcoming.ok());
    Appointment taken;
    for (const Appointment& appointment : *upcoming) {
        if (taken.id == 0 && appointment.holdsTime() &&
            appointment.startUtc > clinic.clock.nowUtc()) {
            taken = appointment;
        }
    }
    REQUIRE(taken.id != 0);
    const Client client = clinic.client(QStringLiteral("Oksana"));
    REQUIRE(client.id != taken.clientId);

    BookingDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor));
    dialog.show();
    dialog.prefillClient(client.id);
    dialog.prefill(taken.therapistId, taken.startUtc, taken.durationMinutes);
    chooseType(dialog, taken.massageTypeId);
    settle();

    masahista::BookingRequest request;
    request.clientId = client.id;
    request.therapistId = taken.therapistId;
    request.massageTypeId = taken.massageTypeId;
    request.minutes = taken.durationMinutes;
    request.startUtc = taken.startUtc;
    auto verdict = masahista::BookingService(*clinic.database, clinic.clock).check(request);
    REQUIRE(verdict.ok());
    REQUIRE(verdict->first() != nullptr);

    CHECK(child<QLabel>(dialog, "verdictLabel")->text() == verdict->first()->message);
    auto* save = child<QPushButton>(dialog, "saveButton");
    CHECK_FALSE(save->isEnabled());
    const qint64 before = clinic.appointmentCount();
    pressCtrlEnter(child<QLineEdit>(dialog, "notesEdit"));
    CHECK(dialog.isVisible());
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.booked().isEmpty());
    CHECK(clinic.appointmentCount() == before);
}

TEST_CASE("The booking dialog books outside hours with a reason", "[bookingdialog]")
{
    Clinic clinic;
    const masahista::MassageType type = clinic.typeWithTwoLengths();
    const masahista::Slot slot = clinic.freeSlot(type.id, type.options.at(0).minutes);
    const QDateTime early = masahista::ClinicTime::toUtc(
        masahista::ClinicTime::toLocal(slot.startUtc, edmonton).date(), 6 * 60, edmonton);
    const Client client = clinic.client(QStringLiteral("Oksana"));

    BookingDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor));
    dialog.show();
    dialog.prefillClient(client.id);
    dialog.prefill(slot.therapistId, early, 0);
    chooseType(dialog, type.id);
    settle();

    masahista::BookingRequest request;
    request.clientId = client.id;
    request.therapistId = slot.therapistId;
    request.massageTypeId = type.id;
    request.minutes = type.options.at(0).minutes;
    request.startUtc = early;
    auto verdict = masahista::BookingService(*clinic.database, clinic.clock).check(request);
    REQUIRE(verdict.ok());
    REQUIRE(verdict->first() != nullptr);
    REQUIRE(verdict->first()->rule == masahista::Rule::OutsideHours);
    CHECK_FALSE(verdict->hasHard());

    CHECK(child<QLabel>(dialog, "verdictLabel")->text() == verdict->first()->message);
    auto* save = child<QPushButton>(dialog, "saveButton");
    CHECK_FALSE(save->isEnabled());
    auto* reason = child<QLineEdit>(dialog, "overrideEdit");
    REQUIRE(reason->isVisible());
    QTest::keyClicks(reason, QStringLiteral("Works night shifts"));
    REQUIRE(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);

    REQUIRE(dialog.result() == QDialog::Accepted);
    REQUIRE(dialog.booked().size() == 1);
    const Appointment booked = clinic.stored(dialog.booked().constFirst().id);
    CHECK(booked.startUtc == early);
    CHECK(booked.overrideReason == QStringLiteral("Works night shifts"));
}

TEST_CASE("The booking dialog books the next available slot at once", "[bookingdialog]")
{
    Clinic clinic;
    const masahista::MassageType type = clinic.typeWithTwoLengths();
    const int minutes = type.options.at(0).minutes;
    const masahista::Slot slot = clinic.freeSlot(type.id, minutes);
    const Client client = clinic.client(QStringLiteral("Oksana"));

    BookingDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor));
    dialog.show();
    dialog.prefillClient(client.id);
    dialog.prefill(slot.therapistId, slot.startUtc.addSecs(-3 * 3600), 0);
    chooseType(dialog, type.id);
    settle();

    masahista::SlotQuery query;
    query.massageTypeId = type.id;
    query.minutes = minutes;
    query.fromUtc = slot.startUtc.addSecs(-3 * 3600);
    query.toUtc = query.fromUtc.addDays(14);
    query.therapistId = slot.therapistId;
    query.limit = 8;
    auto expected = masahista::Availability(*clinic.database, clinic.clock).findSlots(query);
    REQUIRE(expected.ok());
    REQUIRE_FALSE(expected->isEmpty());

    auto* list = child<QListWidget>(dialog, "slotList");
    REQUIRE(list->count() == expected->size());
    list->setFocus();
    list->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Return);

    INFO(child<QLabel>(dialog, "errorLabel")->text());
    REQUIRE(dialog.result() == QDialog::Accepted);
    REQUIRE(dialog.booked().size() == 1);
    const Appointment booked = clinic.stored(dialog.booked().constFirst().id);
    CHECK(booked.clientId == client.id);
    CHECK(booked.therapistId == expected->constFirst().therapistId);
    CHECK(booked.roomId == expected->constFirst().roomId);
    CHECK(booked.startUtc == expected->constFirst().startUtc);
    CHECK(booked.durationMinutes == minutes);
}

TEST_CASE("The booking dialog adds a new client inline while booking", "[bookingdialog]")
{
    Clinic clinic;
    const masahista::MassageType type = clinic.typeWithTwoLengths();
    const masahista::Slot slot = clinic.freeSlot(type.id, type.options.at(0).minutes);

    BookingDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor));
    dialog.show();
    dialog.prefill(slot.therapistId, slot.startUtc, 0);
    chooseType(dialog, type.id);
    QTest::keyClicks(child<QLineEdit>(dialog, "clientSearchEdit"), QStringLiteral("Ada Lovelace"));
    settle();
    child<QCheckBox>(dialog, "newClientCheck")->setChecked(true);
    CHECK(child<QLineEdit>(dialog, "newNameEdit")->text() == QStringLiteral("Ada Lovelace"));
    QTest::keyClicks(child<QLineEdit>(dialog, "newPhoneEdit"), QStringLiteral("780 555 0199"));
    settle();
    auto* save = child<QPushButton>(dialog, "saveButton");
    REQUIRE(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);

    INFO(child<QLabel>(dialog, "errorLabel")->text());
    REQUIRE(dialog.result() == QDialog::Accepted);
    const Client added = clinic.client(QStringLiteral("Ada Lovelace"));
    CHECK(added.phone == QStringLiteral("(780) 555-0199"));
    REQUIRE(dialog.booked().size() == 1);
    CHECK(clinic.stored(dialog.booked().constFirst().id).clientId == added.id);
}

TEST_CASE("The booking dialog previews and books a weekly series", "[bookingdialog]")
{
    Clinic clinic;
    const masahista::MassageType type = clinic.typeWithTwoLengths();
    const masahista::Slot slot = clinic.freeSlot(type.id, type.options.at(0).minutes);
    const Client client = clinic.client(QStringLiteral("Oksana"));

    BookingDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor));
    dialog.show();
    dialog.prefillClient(client.id);
    dialog.prefill(slot.therapistId, slot.startUtc, 0);
    chooseType(dialog, type.id);
    child<QCheckBox>(dialog, "repeatCheck")->setChecked(true);
    child<QSpinBox>(dialog, "countSpin")->setValue(3);
    settle();

    auto* preview = child<QListWidget>(dialog, "seriesList");
    REQUIRE(preview->count() == 3);
    for (int row = 0; row < preview->count(); ++row) {
        CHECK(preview->item(row)->text().startsWith(QStringLiteral("✓")));
    }
    pressCtrlEnter(child<QLineEdit>(dialog, "notesEdit"));

    INFO(child<QLabel>(dialog, "errorLabel")->text());
    REQUIRE(dialog.result() == QDialog::Accepted);
    REQUIRE(dialog.booked().size() == 3);
    const Id series = dialog.booked().constFirst().seriesId;
    CHECK(series != 0);
    auto inSeries = masahista::AppointmentRepository(*clinic.database).inSeries(series);
    REQUIRE(inSeries.ok());
    CHECK(inSeries->size() == 3);
    CHECK(inSeries->constFirst().startUtc == slot.startUtc);
    CHECK(inSeries->constLast().startUtc == slot.startUtc.addDays(14));
}

TEST_CASE("The booking dialog changes an existing appointment with the same live checks",
          "[bookingdialog]")
{
    Clinic clinic;
    const masahista::MassageType type = clinic.typeWithTwoLengths();
    const masahista::Slot slot = clinic.freeSlot(type.id, type.options.at(0).minutes);
    masahista::BookingRequest request;
    request.clientId = clinic.client(QStringLiteral("Oksana")).id;
    request.therapistId = slot.therapistId;
    request.massageTypeId = type.id;
    request.minutes = type.options.at(0).minutes;
    request.startUtc = slot.startUtc;
    request.notes = QStringLiteral("Left shoulder");
    auto booked =
        masahista::BookingService(*clinic.database, clinic.clock).book(request, clinic.actor);
    REQUIRE(booked.ok());
    const qint64 count = clinic.appointmentCount();

    BookingDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor));
    dialog.editAppointment(*booked);
    dialog.show();
    settle();
    CHECK(dialog.isEditing());
    CHECK(child<QComboBox>(dialog, "therapistCombo")->currentData().toLongLong() ==
          booked->therapistId);
    CHECK(child<QComboBox>(dialog, "typeCombo")->currentData().toLongLong() == type.id);
    CHECK(child<QComboBox>(dialog, "durationCombo")->currentData().toInt() ==
          booked->durationMinutes);
    CHECK(child<QLineEdit>(dialog, "notesEdit")->text() == u"Left shoulder");
    CHECK(child<QLineEdit>(dialog, "clientSearchEdit")->isReadOnly());
    CHECK_FALSE(child<QCheckBox>(dialog, "repeatCheck")->isVisible());
    // The appointment is not in its own way.
    CHECK(child<QLabel>(dialog, "verdictLabel")->text().startsWith(u"✓"));

    auto* durations = child<QComboBox>(dialog, "durationCombo");
    durations->setCurrentIndex(durations->findData(type.options.at(1).minutes));
    child<QLineEdit>(dialog, "notesEdit")->setText(QStringLiteral("Both shoulders"));
    settle();
    pressCtrlEnter(child<QLineEdit>(dialog, "notesEdit"));
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.booked().isEmpty());
    CHECK(dialog.original().durationMinutes == type.options.at(0).minutes);
    const Appointment after = clinic.stored(booked->id);
    CHECK(after.durationMinutes == type.options.at(1).minutes);
    CHECK(after.priceCents == type.options.at(1).priceCents);
    CHECK(after.notes == u"Both shoulders");
    CHECK(after.startUtc == booked->startUtc);
    CHECK(dialog.changed().durationMinutes == after.durationMinutes);
    CHECK(clinic.appointmentCount() == count);
}

TEST_CASE("The booking dialog refuses to change an appointment onto a taken time",
          "[bookingdialog]")
{
    Clinic clinic;
    auto upcoming = masahista::AppointmentRepository(*clinic.database)
                        .between(clinic.clock.nowUtc(), clinic.clock.nowUtc().addDays(2));
    REQUIRE(upcoming.ok());
    // Two later appointments of one therapist: the second cannot move onto the first.
    Appointment first;
    Appointment second;
    for (const Appointment& a : *upcoming) {
        for (const Appointment& b : *upcoming) {
            if (second.id == 0 && a.id != b.id && a.therapistId == b.therapistId && a.holdsTime() &&
                b.status == masahista::AppointmentStatus::Booked &&
                a.startUtc > clinic.clock.nowUtc() && a.startUtc < b.startUtc) {
                first = a;
                second = b;
            }
        }
    }
    REQUIRE(second.id != 0);

    BookingDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor));
    dialog.editAppointment(second);
    dialog.show();
    const QDateTime local = first.startUtc.toTimeZone(edmonton);
    child<QDateEdit>(dialog, "dateEdit")->setDate(local.date());
    child<QTimeEdit>(dialog, "timeEdit")->setTime(local.time());
    settle();
    CHECK(child<QLabel>(dialog, "verdictLabel")->text().startsWith(u"Slot taken"));
    CHECK_FALSE(child<QPushButton>(dialog, "saveButton")->isEnabled());
    pressCtrlEnter(child<QLineEdit>(dialog, "notesEdit"));
    CHECK(dialog.isVisible());
    CHECK(clinic.stored(second.id).startUtc == second.startUtc);
}

TEST_CASE("The booking dialog's screenshot", "[bookingdialog]")
{
    Clinic clinic;
    const masahista::MassageType type = clinic.typeWithTwoLengths();
    const Client client = clinic.client(QStringLiteral("Siobhan"));
    const masahista::Slot slot = clinic.freeSlot(type.id, type.options.at(0).minutes);

    BookingDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor));
    dialog.resize(720, 600);
    dialog.show();
    dialog.prefillClient(client.id);
    dialog.prefill(slot.therapistId, slot.startUtc, 0);
    chooseType(dialog, type.id);
    settle();
    // The picture shows a booking the rules allow, ready to save.
    CHECK(child<QPushButton>(dialog, "saveButton")->isEnabled());
    CHECK(child<QLabel>(dialog, "errorLabel")->isHidden());
    masahista::test::screenshot(dialog, QStringLiteral("booking-dialog.png"));
}

TEST_CASE("A new booking starts at the next grid time after now, never in the past",
          "[bookingdialog]")
{
    Clinic clinic;
    const auto startShown = [&clinic](const QDateTime& nowUtc) {
        const masahista::FixedClock clock(nowUtc);
        BookingDialog dialog(masahista::test::session(*clinic.database, clock, clinic.actor));
        return QDateTime(child<QDateEdit>(dialog, "dateEdit")->date(),
                         child<QTimeEdit>(dialog, "timeEdit")->time());
    };
    const QDate day(2026, 11, 25);
    // Edmonton is seven hours behind UTC in November; the demo books on a 15-minute grid.
    CHECK(startShown(QDateTime(day, QTime(16, 0), QTimeZone::utc())) ==
          QDateTime(day, QTime(9, 0)));
    CHECK(startShown(QDateTime(day, QTime(16, 0, 30), QTimeZone::utc())) ==
          QDateTime(day, QTime(9, 15)));
    CHECK(startShown(QDateTime(day, QTime(16, 7), QTimeZone::utc())) ==
          QDateTime(day, QTime(9, 15)));
    CHECK(startShown(QDateTime(day, QTime(16, 14, 59, 999), QTimeZone::utc())) ==
          QDateTime(day, QTime(9, 15)));
    // Late in the evening the next grid time is tomorrow's midnight.
    CHECK(startShown(QDateTime(day.addDays(1), QTime(6, 50), QTimeZone::utc())) ==
          QDateTime(day.addDays(1), QTime(0, 0)));
}

TEST_CASE("The booking dialog says how it reads a time the clocks skip or show twice",
          "[bookingdialog]")
{
    Clinic clinic;
    BookingDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor));
    dialog.show();
    auto* date = child<QDateEdit>(dialog, "dateEdit");
    auto* time = child<QTimeEdit>(dialog, "timeEdit");
    auto* verdict = child<QLabel>(dialog, "verdictLabel");

    // Edmonton springs forward at 02:00 on 14 March 2027 and falls back at 02:00 on 7 November.
    date->setDate(QDate(2027, 3, 14));
    time->setTime(QTime(2, 30));
    settle();
    INFO(verdict->text().toStdString());
    CHECK(verdict->text().contains(u"02:30 on Sunday 14 March 2027 does not exist"));
    CHECK(verdict->text().contains(u"It was read as 03:30."));

    date->setDate(QDate(2027, 11, 7));
    time->setTime(QTime(1, 30));
    settle();
    INFO(verdict->text().toStdString());
    CHECK(verdict->text().contains(u"01:30 on Sunday 7 November 2027 happens twice"));
    CHECK(verdict->text().contains(u"The first 01:30 (MDT) was taken."));

    time->setTime(QTime(10, 0));
    settle();
    INFO(verdict->text().toStdString());
    CHECK_FALSE(verdict->text().contains(u"clocks"));
}

TEST_CASE("The booking dialog's red line about a failed save goes with the next change",
          "[bookingdialog]")
{
    Clinic clinic;
    const masahista::MassageType type = clinic.typeWithTwoLengths();
    const int minutes = type.options.at(0).minutes;
    const masahista::Slot slot = clinic.freeSlot(type.id, minutes);
    const Client client = clinic.client(QStringLiteral("Oksana"));

    BookingDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor));
    dialog.show();
    dialog.prefillClient(client.id);
    dialog.prefill(slot.therapistId, slot.startUtc, minutes);
    chooseType(dialog, type.id);
    settle();
    REQUIRE(child<QPushButton>(dialog, "saveButton")->isEnabled());

    // Another desk books the time while the client is still on the phone here.
    auto others = masahista::ClientRepository(*clinic.database).find(QStringLiteral("a"), 20);
    REQUIRE(others.ok());
    Id otherClient = 0;
    for (const Client& other : *others) {
        otherClient = other.id != client.id && otherClient == 0 ? other.id : otherClient;
    }
    REQUIRE(otherClient != 0);
    masahista::BookingRequest request;
    request.clientId = otherClient;
    request.therapistId = slot.therapistId;
    request.massageTypeId = type.id;
    request.minutes = minutes;
    request.startUtc = slot.startUtc;
    request.roomId = slot.roomId;
    REQUIRE(
        masahista::BookingService(*clinic.database, clinic.clock).book(request, clinic.actor).ok());

    auto* error = child<QLabel>(dialog, "errorLabel");
    pressCtrlEnter(child<QLineEdit>(dialog, "notesEdit"));
    REQUIRE(dialog.isVisible());
    CHECK(error->isVisible());
    CHECK(error->text().startsWith(u"Slot taken"));
    settle();
    CHECK(error->isVisible()); // the form's own recheck leaves the reason in place

    // The receptionist offers the next time: the reason for the old one goes.
    auto* time = child<QTimeEdit>(dialog, "timeEdit");
    time->setFocus();
    QTest::keyClick(time, Qt::Key_Up);
    CHECK_FALSE(error->isVisible());
}

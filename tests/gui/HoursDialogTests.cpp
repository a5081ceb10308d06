#include "GuiTestSupport.h"
#include "booking/BookingFixture.h"
#include "data/ScheduleRepository.h"
#include "gui/GridTimeEdit.h"
#include "gui/dialogs/HoursDialog.h"
#include "support/TestSupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimeEdit>
#include <QTimer>
#include <QTreeWidget>

using namespace masahista;
using masahista::gui::GridTimeEdit;
using masahista::gui::HoursDialog;
using masahista::test::BookingFixture;

namespace {

const QDate monday(2026, 11, 30);

template <typename Widget>
Widget* child(QWidget& parent, const QString& name)
{
    auto* found = parent.findChild<Widget*>(name);
    INFO("no child " << name);
    REQUIRE(found != nullptr);
    return found;
}

QPushButton* saveButton(HoursDialog& dialog)
{
    return child<QDialogButtonBox>(dialog, QStringLiteral("buttons"))
        ->button(QDialogButtonBox::Save);
}

// The message shown next to a field, or an empty string when it has none. Not hidden rather
// than visible, since the field may be on a tab that is not in front.
QString shownError(HoursDialog& dialog, const QString& label)
{
    QLabel* error = child<QLabel>(dialog, label);
    return error->isHidden() ? QString() : error->text();
}

QList<QTimeEdit*> starts(HoursDialog& dialog, int weekday)
{
    return child<QWidget>(dialog, QStringLiteral("hoursDay%1").arg(weekday))
        ->findChildren<QTimeEdit*>(QStringLiteral("startEdit"));
}

QList<QTimeEdit*> ends(HoursDialog& dialog, int weekday)
{
    return child<QWidget>(dialog, QStringLiteral("hoursDay%1").arg(weekday))
        ->findChildren<QTimeEdit*>(QStringLiteral("endEdit"));
}

// One weekday's intervals as the form shows them, "09:00-12:00 13:00-17:00".
QString shownDay(HoursDialog& dialog, int weekday)
{
    const QList<QTimeEdit*> from = starts(dialog, weekday);
    const QList<QTimeEdit*> to = ends(dialog, weekday);
    REQUIRE(from.size() == to.size());
    QStringList spans;
    for (qsizetype i = 0; i < from.size(); ++i) {
        spans.append(from.at(i)->time().toString(QStringLiteral("HH:mm")) + QLatin1Char('-') +
                     to.at(i)->time().toString(QStringLiteral("HH:mm")));
    }
    return spans.join(QLatin1Char(' '));
}

QList<WeeklyInterval> storedDay(BookingFixture& clinic, Id therapistId, int weekday)
{
    QList<WeeklyInterval> day;
    for (const WeeklyInterval& interval :
         ScheduleRepository(*clinic.database).weeklyHours(therapistId).value()) {
        if (interval.weekday == weekday) {
            day.append(interval);
        }
    }
    return day;
}

QList<TimeOff> storedTimeOff(BookingFixture& clinic, Id therapistId)
{
    const QDateTime from(QDate(2000, 1, 1), QTime(0, 0), QTimeZone::utc());
    const QDateTime to(QDate(2100, 1, 1), QTime(0, 0), QTimeZone::utc());
    return ScheduleRepository(*clinic.database).timeOff(therapistId, from, to).value();
}

// A therapist's whole stored schedule as one text, so that "nothing was written" is one
// comparison.
QString dump(BookingFixture& clinic, Id therapistId)
{
    QStringList lines;
    for (const WeeklyInterval& interval :
         ScheduleRepository(*clinic.database).weeklyHours(therapistId).value()) {
        lines.append(QStringLiteral("%1 %2-%3")
                         .arg(interval.weekday)
                         .arg(interval.startMinute)
                         .arg(interval.endMinute));
    }
    for (const TimeOff& off : storedTimeOff(clinic, therapistId)) {
        lines.append(QStringLiteral("off %1 %2-%3 %4")
                         .arg(off.id)
                         .arg(off.startUtc.toString(Qt::ISODate), off.endUtc.toString(Qt::ISODate),
                              off.reason));
    }
    return lines.join(QLatin1Char('\n'));
}

// The time-off editors show the clinic's wall clock.
void setShown(QDateTimeEdit* edit, QDate date, int hour, int minute = 0)
{
    edit->setDateTime(QDateTime(date, QTime(hour, minute), QTimeZone::utc()));
}

// Presses `button` in the message box that the next modal loop shows.
void answerMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, [button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        REQUIRE(box != nullptr);
        box->button(button)->click();
    });
}

} // namespace

TEST_CASE("The hours dialog shows the stored week and time off", "[gui][hours]")
{
    BookingFixture clinic;
    HoursDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor),
                       clinic.ana);
    CHECK(dialog.windowTitle().contains(u"Ana"));
    for (int weekday = 1; weekday <= 7; ++weekday) {
        CHECK(shownDay(dialog, weekday) == u"09:00-12:00 12:30-17:00");
        CHECK(child<QWidget>(dialog, QStringLiteral("hoursDay%1").arg(weekday))
                  ->findChild<QLabel*>(QStringLiteral("dayOffLabel"))
                  ->isHidden());
    }
    auto* table = child<QTableWidget>(dialog, QStringLiteral("timeOffTable"));
    REQUIRE(table->rowCount() == 1);
    CHECK(table->item(0, 0)->text() == u"Thu 2026-12-03 00:00");
    CHECK(table->item(0, 1)->text() == u"Fri 2026-12-04 00:00");
    CHECK(table->item(0, 2)->text() == u"Course");
    CHECK(child<QLineEdit>(dialog, QStringLiteral("timeOffReasonEdit"))->text() == u"Course");
    CHECK_FALSE(saveButton(dialog)->isEnabled());
    CHECK_FALSE(dialog.hasUnsavedChanges());
    CHECK(child<QGroupBox>(dialog, QStringLiteral("strandedBox"))->isHidden());
}

TEST_CASE("Hours with a break are saved to the database", "[gui][hours]")
{
    BookingFixture clinic;
    HoursDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor),
                       clinic.cara);
    dialog.show();
    QSignalSpy saved(&dialog, &HoursDialog::hoursSaved);
    REQUIRE(shownDay(dialog, 1) == u"09:00-17:00");

    ends(dialog, 1).at(0)->setTime(QTime(12, 0));
    child<QPushButton>(dialog, QStringLiteral("addHoursButton1"))->click();
    // After an hour's break, a few hours more.
    CHECK(shownDay(dialog, 1) == u"09:00-12:00 13:00-16:00");
    ends(dialog, 1).at(1)->setTime(QTime(17, 30));
    // Sundays off.
    child<QWidget>(dialog, QStringLiteral("hoursDay7"))
        ->findChild<QPushButton*>(QStringLiteral("removeHoursButton"))
        ->click();
    CHECK(shownDay(dialog, 7).isEmpty());
    CHECK_FALSE(child<QWidget>(dialog, QStringLiteral("hoursDay7"))
                    ->findChild<QLabel*>(QStringLiteral("dayOffLabel"))
                    ->isHidden());
    CHECK(dialog.hasUnsavedChanges());
    REQUIRE(saveButton(dialog)->isEnabled());

    saveButton(dialog)->click();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK_FALSE(dialog.isVisible());
    REQUIRE(saved.size() == 1);
    CHECK(saved.at(0).at(0).value<Id>() == clinic.cara);
    CHECK(storedDay(clinic, clinic.cara, 1) ==
          QList<WeeklyInterval>{{1, 540, 720}, {1, 780, 1050}});
    CHECK(storedDay(clinic, clinic.cara, 7).isEmpty());
    CHECK(storedDay(clinic, clinic.cara, 2) == QList<WeeklyInterval>{{2, 540, 1020}});
}

TEST_CASE("A day is copied to the chosen weekdays", "[gui][hours]")
{
    BookingFixture clinic;
    HoursDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor),
                       clinic.cara);
    dialog.show();
    ends(dialog, 1).at(0)->setTime(QTime(12, 0));
    child<QPushButton>(dialog, QStringLiteral("addHoursButton1"))->click();
    ends(dialog, 1).at(1)->setTime(QTime(0, 0)); // until midnight

    auto* source = child<QComboBox>(dialog, QStringLiteral("copyFromCombo"));
    source->setCurrentIndex(source->findData(1));
    CHECK_FALSE(child<QCheckBox>(dialog, QStringLiteral("copyTo1"))->isEnabled());
    for (int weekday = 2; weekday <= 5; ++weekday) {
        child<QCheckBox>(dialog, QStringLiteral("copyTo%1").arg(weekday))->setChecked(true);
    }
    child<QPushButton>(dialog, QStringLiteral("copyButton"))->click();
    for (int weekday = 1; weekday <= 5; ++weekday) {
        CHECK(shownDay(dialog, weekday) == u"09:00-12:00 13:00-00:00");
    }
    CHECK(shownDay(dialog, 6) == u"09:00-17:00");

    saveButton(dialog)->click();
    CHECK(dialog.result() == QDialog::Accepted);
    for (int weekday = 1; weekday <= 5; ++weekday) {
        CHECK(storedDay(clinic, clinic.cara, weekday) ==
              QList<WeeklyInterval>{{weekday, 540, 720}, {weekday, 780, 1440}});
    }
    CHECK(storedDay(clinic, clinic.cara, 6) == QList<WeeklyInterval>{{6, 540, 1020}});
}

TEST_CASE("An overlap is shown next to its day and nothing is written", "[gui][hours]")
{
    BookingFixture clinic;
    const QString before = dump(clinic, clinic.cara);
    HoursDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor),
                       clinic.cara);
    dialog.show();

    child<QPushButton>(dialog, QStringLiteral("addHoursButton2"))->click();
    starts(dialog, 2).at(1)->setTime(QTime(16, 0));
    ends(dialog, 2).at(1)->setTime(QTime(19, 0));
    CHECK(shownError(dialog, QStringLiteral("hoursError2")) ==
          u"Tuesday: 16:00–19:00 overlaps 09:00–17:00.");
    CHECK(shownError(dialog, QStringLiteral("hoursError1")).isEmpty());
    CHECK_FALSE(saveButton(dialog)->isEnabled());

    // Ctrl+Enter or a slip past the disabled button: still refused, and the dialog stays.
    dialog.accept();
    CHECK(dialog.isVisible());
    CHECK(shownError(dialog, QStringLiteral("errorLabel")).contains(u"overlaps"));
    CHECK(dump(clinic, clinic.cara) == before);

    SECTION("an end before the start")
    {
        starts(dialog, 2).at(1)->setTime(QTime(18, 0));
        ends(dialog, 2).at(1)->setTime(QTime(17, 30));
        CHECK(shownError(dialog, QStringLiteral("hoursError2"))
                  .contains(u"18:00–17:30 does not end after it starts"));
        CHECK_FALSE(saveButton(dialog)->isEnabled());
    }
    SECTION("off the booking grid")
    {
        starts(dialog, 2).at(1)->setTime(QTime(17, 50));
        CHECK(shownError(dialog, QStringLiteral("hoursError2"))
                  .contains(u"not on the 15-minute booking grid"));
        CHECK_FALSE(saveButton(dialog)->isEnabled());
    }
    SECTION("fixed: the message goes and Save comes back")
    {
        starts(dialog, 2).at(1)->setTime(QTime(18, 0));
        CHECK(shownError(dialog, QStringLiteral("hoursError2")).isEmpty());
        CHECK(saveButton(dialog)->isEnabled());
    }
    CHECK(dump(clinic, clinic.cara) == before);
}

TEST_CASE("Hours that strand an appointment are refused with it listed", "[gui][hours]")
{
    BookingFixture clinic;
    const Appointment booked =
        clinic.booked(clinic.request(clinic.cara, clinic.swedish, 60, clinic.at(monday, 10)));
    const QString before = dump(clinic, clinic.cara);
    HoursDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor),
                       clinic.cara);
    dialog.show();
    QSignalSpy activated(&dialog, &HoursDialog::appointmentActivated);

    // Monday afternoons only.
    starts(dialog, 1).at(0)->setTime(QTime(13, 0));
    auto* box = child<QGroupBox>(dialog, QStringLiteral("strandedBox"));
    CHECK(box->isVisible());
    auto* table = child<QTreeWidget>(dialog, QStringLiteral("strandedTable"));
    REQUIRE(table->topLevelItemCount() == 1);
    QTreeWidgetItem* row = table->topLevelItem(0);
    CHECK(row->text(0) == u"Mon 2026-11-30");
    CHECK(row->text(1) == u"10:00–11:00");
    CHECK(row->text(2) == u"Zoe");
    CHECK(row->text(3) == u"Swedish, 60 min");
    CHECK(child<QLabel>(dialog, QStringLiteral("strandedLabel"))->text().contains(u"Move"));
    CHECK_FALSE(saveButton(dialog)->isEnabled());

    dialog.accept();
    CHECK(dialog.isVisible());
    CHECK(shownError(dialog, QStringLiteral("errorLabel")).contains(u"Not saved"));
    CHECK(table->topLevelItemCount() == 1);
    CHECK(dump(clinic, clinic.cara) == before);

    // The user goes to move it: the window is told which appointment, on which day. The list
    // was filled again by the refusal.
    Q_EMIT table->itemActivated(table->topLevelItem(0), 0);
    REQUIRE(activated.size() == 1);
    CHECK(activated.at(0).at(0).value<Id>() == booked.id);
    CHECK(activated.at(0).at(1).toDate() == monday);
    CHECK(dialog.isVisible());

    SECTION("once it is moved, the same change is saved")
    {
        REQUIRE(clinic.service.cancel(booked.id, QStringLiteral("Moved"), clinic.actor).ok());
        // Any edit asks again; so does Save itself.
        ends(dialog, 1).at(0)->setTime(QTime(17, 15));
        CHECK(box->isHidden());
        REQUIRE(saveButton(dialog)->isEnabled());
        saveButton(dialog)->click();
        CHECK(dialog.result() == QDialog::Accepted);
        CHECK(storedDay(clinic, clinic.cara, 1) == QList<WeeklyInterval>{{1, 780, 1035}});
    }
    SECTION("putting the hours back clears the list")
    {
        starts(dialog, 1).at(0)->setTime(QTime(9, 0));
        CHECK(box->isHidden());
        CHECK_FALSE(saveButton(dialog)->isEnabled()); // nothing changed
        CHECK(dump(clinic, clinic.cara) == before);
    }
}

TEST_CASE("Time off is added, changed and removed in the dialog", "[gui][hours]")
{
    BookingFixture clinic;
    const QDate tenth(2026, 12, 10);
    auto* dialog = new HoursDialog(
        masahista::test::session(*clinic.database, clinic.clock, clinic.actor), clinic.ana);
    dialog->show();
    auto* table = child<QTableWidget>(*dialog, QStringLiteral("timeOffTable"));
    auto* from = child<QDateTimeEdit>(*dialog, QStringLiteral("timeOffFromEdit"));
    auto* to = child<QDateTimeEdit>(*dialog, QStringLiteral("timeOffToEdit"));
    auto* reason = child<QLineEdit>(*dialog, QStringLiteral("timeOffReasonEdit"));

    child<QPushButton>(*dialog, QStringLiteral("addTimeOffButton"))->click();
    REQUIRE(table->rowCount() == 2);
    CHECK(table->currentRow() == 1);
    // The whole of the clinic's next day to start with.
    CHECK(table->item(1, 0)->text() == u"Thu 2026-11-26 00:00");
    CHECK(table->item(1, 1)->text() == u"Fri 2026-11-27 00:00");

    setShown(from, tenth, 9);
    setShown(to, tenth, 8);
    CHECK(shownError(*dialog, QStringLiteral("timeOffToError")) ==
          u"The time off must end after it starts.");
    CHECK_FALSE(saveButton(*dialog)->isEnabled());
    setShown(to, tenth, 12, 30);
    reason->setText(QStringLiteral("Dentist"));
    CHECK(shownError(*dialog, QStringLiteral("timeOffToError")).isEmpty());
    CHECK(table->item(1, 0)->text() == u"Thu 2026-12-10 09:00");
    CHECK(table->item(1, 2)->text() == u"Dentist");
    REQUIRE(saveButton(*dialog)->isEnabled());
    saveButton(*dialog)->click();
    CHECK(dialog->result() == QDialog::Accepted);
    delete dialog;

    QList<TimeOff> stored = storedTimeOff(clinic, clinic.ana);
    REQUIRE(stored.size() == 2);
    const TimeOff dentist = stored.at(1);
    CHECK(dentist.reason == u"Dentist");
    CHECK(dentist.startUtc == clinic.at(tenth, 9));
    CHECK(dentist.endUtc == clinic.at(tenth, 12, 30));

    HoursDialog again(masahista::test::session(*clinic.database, clinic.clock, clinic.actor),
                      clinic.ana);
    again.show();
    auto* againTable = child<QTableWidget>(again, QStringLiteral("timeOffTable"));
    REQUIRE(againTable->rowCount() == 2);

    SECTION("removed")
    {
        againTable->setCurrentCell(1, 0);
        child<QPushButton>(again, QStringLiteral("removeTimeOffButton"))->click();
        CHECK(againTable->rowCount() == 1);
        saveButton(again)->click();
        CHECK(again.result() == QDialog::Accepted);
        stored = storedTimeOff(clinic, clinic.ana);
        REQUIRE(stored.size() == 1);
        CHECK(stored.at(0).reason == u"Course");
    }
    SECTION("changed")
    {
        againTable->setCurrentCell(0, 0);
        child<QLineEdit>(again, QStringLiteral("timeOffReasonEdit"))
            ->setText(QStringLiteral("Course in Calgary"));
        setShown(child<QDateTimeEdit>(again, QStringLiteral("timeOffToEdit")), QDate(2026, 12, 5),
                 0);
        saveButton(again)->click();
        CHECK(again.result() == QDialog::Accepted);
        stored = storedTimeOff(clinic, clinic.ana);
        REQUIRE(stored.size() == 2);
        CHECK(stored.at(0).reason == u"Course in Calgary");
        CHECK(stored.at(0).endUtc == clinic.at(QDate(2026, 12, 5), 0));
        CHECK(stored.at(1).id == dentist.id);
    }
    SECTION("over an appointment: refused with it listed")
    {
        clinic.booked(
            clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(tenth, 14), clinic.yan));
        const QString before = dump(clinic, clinic.ana);
        againTable->setCurrentCell(1, 0);
        setShown(child<QDateTimeEdit>(again, QStringLiteral("timeOffToEdit")), tenth, 17);
        auto* list = child<QTreeWidget>(again, QStringLiteral("strandedTable"));
        REQUIRE(list->topLevelItemCount() == 1);
        CHECK(list->topLevelItem(0)->text(2) == u"Yan");
        CHECK_FALSE(saveButton(again)->isEnabled());
        again.accept();
        CHECK(again.isVisible());
        CHECK(dump(clinic, clinic.ana) == before);
    }
}

TEST_CASE("Escape leaves the database as it was", "[gui][hours]")
{
    BookingFixture clinic;
    const QString before = dump(clinic, clinic.ana);

    SECTION("unchanged: no question")
    {
        HoursDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor),
                           clinic.ana);
        dialog.show();
        QTest::keyClick(starts(dialog, 1).at(0), Qt::Key_Escape);
        CHECK_FALSE(dialog.isVisible());
        CHECK(dialog.result() == QDialog::Rejected);
    }
    SECTION("changed: discarding closes it")
    {
        HoursDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor),
                           clinic.ana);
        dialog.show();
        QSignalSpy saved(&dialog, &HoursDialog::hoursSaved);
        ends(dialog, 1).at(1)->setTime(QTime(18, 0));
        child<QPushButton>(dialog, QStringLiteral("addTimeOffButton"))->click();
        answerMessageBox(QMessageBox::Discard);
        QTest::keyClick(starts(dialog, 1).at(0), Qt::Key_Escape);
        CHECK_FALSE(dialog.isVisible());
        CHECK(dialog.result() == QDialog::Rejected);
        CHECK(saved.isEmpty());
    }
    SECTION("changed: going back keeps editing")
    {
        HoursDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor),
                           clinic.ana);
        dialog.show();
        ends(dialog, 1).at(1)->setTime(QTime(18, 0));
        answerMessageBox(QMessageBox::Cancel);
        QTest::keyClick(starts(dialog, 1).at(0), Qt::Key_Escape);
        CHECK(dialog.isVisible());
        CHECK(shownDay(dialog, 1) == u"09:00-12:00 12:30-18:00");
    }
    SECTION("closing the window asks the same")
    {
        HoursDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor),
                           clinic.ana);
        dialog.show();
        ends(dialog, 1).at(1)->setTime(QTime(18, 0));
        answerMessageBox(QMessageBox::Cancel);
        dialog.close();
        CHECK(dialog.isVisible());
        answerMessageBox(QMessageBox::Discard);
        dialog.close();
        CHECK_FALSE(dialog.isVisible());
    }
    CHECK(dump(clinic, clinic.ana) == before);
}

TEST_CASE("A therapist who cannot be read leaves nothing to save", "[gui][hours]")
{
    BookingFixture clinic;
    HoursDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor),
                       9999);
    CHECK_FALSE(shownError(dialog, QStringLiteral("errorLabel")).isEmpty());
    CHECK_FALSE(saveButton(dialog)->isEnabled());
    CHECK_FALSE(dialog.hasUnsavedChanges());
}

TEST_CASE("Hour arrows step by the booking grid", "[gui][hours]")
{
    GridTimeEdit edit;
    edit.setGridMinutes(15);
    edit.setTime(QTime(9, 0));
    edit.setCurrentSection(QDateTimeEdit::MinuteSection);
    edit.stepBy(1);
    CHECK(edit.time() == QTime(9, 15));
    edit.stepBy(-2);
    CHECK(edit.time() == QTime(8, 45));
    // A typed time off the grid steps to the next grid time in the step's direction.
    edit.setTime(QTime(9, 7));
    edit.setCurrentSection(QDateTimeEdit::MinuteSection);
    edit.stepBy(1);
    CHECK(edit.time() == QTime(9, 15));
    edit.setTime(QTime(9, 7));
    edit.setCurrentSection(QDateTimeEdit::MinuteSection);
    edit.stepBy(-1);
    CHECK(edit.time() == QTime(9, 0));
    // Hours step as hours.
    edit.setCurrentSection(QDateTimeEdit::HourSection);
    edit.stepBy(1);
    CHECK(edit.time() == QTime(10, 0));

    GridTimeEdit end;
    end.setGridMinutes(30);
    end.setEndOfDay(true);
    end.setTime(QTime(23, 30));
    end.setCurrentSection(QDateTimeEdit::MinuteSection);
    end.stepBy(1);
    CHECK(end.time() == QTime(0, 0)); // midnight at the end of the day
    end.setCurrentSection(QDateTimeEdit::MinuteSection);
    end.stepBy(-1);
    CHECK(end.time() == QTime(23, 30));
}

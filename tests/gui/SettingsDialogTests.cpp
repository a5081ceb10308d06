#include "GuiTestSupport.h"
#include "booking/BookingFixture.h"
#include "booking/catalogue/SettingsService.h"
#include "booking/demo/DemoClinic.h"
#include "data/SettingsRepository.h"
#include "gui/dialogs/SettingsDialog.h"
#include "support/TestSupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimer>

using namespace masahista;
using masahista::gui::SettingsDialog;
using masahista::test::BookingFixture;

namespace {

template <typename Widget>
Widget* child(QWidget& parent, const QString& name)
{
    auto* found = parent.findChild<Widget*>(name);
    INFO("no child " << name);
    REQUIRE(found != nullptr);
    return found;
}

QPushButton* saveButton(SettingsDialog& dialog)
{
    return child<QDialogButtonBox>(dialog, QStringLiteral("buttons"))
        ->button(QDialogButtonBox::Save);
}

// The message shown next to a field, or an empty string when it has none. Not hidden rather
// than visible, since the field may be on a tab that is not in front.
QString shownError(SettingsDialog& dialog, const QString& label)
{
    QLabel* error = child<QLabel>(dialog, label);
    return error->isHidden() ? QString() : error->text();
}

QList<QTimeEdit*> opens(SettingsDialog& dialog, int weekday)
{
    return child<QWidget>(dialog, QStringLiteral("hoursDay%1").arg(weekday))
        ->findChildren<QTimeEdit*>(QStringLiteral("openEdit"));
}

QList<QTimeEdit*> closes(SettingsDialog& dialog, int weekday)
{
    return child<QWidget>(dialog, QStringLiteral("hoursDay%1").arg(weekday))
        ->findChildren<QTimeEdit*>(QStringLiteral("closeEdit"));
}

// Everything stored about the clinic as one text, so that "nothing written" is one comparison.
QString stored(Database& database)
{
    const ClinicSettings settings = SettingsRepository(database).load().value();
    QStringList lines{settings.name,
                      settings.address,
                      settings.phone,
                      settings.timeZoneId,
                      QString::number(settings.bookingStepMinutes),
                      QString::number(settings.lateCancelHours)};
    for (const WeeklyInterval& interval : settings.openingHours) {
        lines.append(QStringLiteral("%1 %2-%3")
                         .arg(interval.weekday)
                         .arg(interval.startMinute)
                         .arg(interval.endMinute));
    }
    for (const ClosedDay& day : settings.closedDays) {
        lines.append(day.date.toString(Qt::ISODate) + QLatin1Char(' ') + day.reason);
    }
    return lines.join(QLatin1Char('\n'));
}

// Open weekdays 09:00-17:00, with a lunch break on Monday; Christmas closed.
ClinicSettings clinic()
{
    ClinicSettings settings;
    settings.name = QStringLiteral("Healing Hands");
    settings.address = QStringLiteral("1 Demo Street NW\nEdmonton, AB");
    settings.phone = QStringLiteral("(780) 555-0100");
    settings.openingHours = {{1, 540, 720}, {1, 780, 1020}};
    for (int weekday = 2; weekday <= 5; ++weekday) {
        settings.openingHours.append({weekday, 540, 1020});
    }
    settings.closedDays = {{QDate(2026, 12, 25), QStringLiteral("Christmas Day")}};
    return settings;
}

// The hand-built clinic with the settings above stored.
struct SettingsFixture : BookingFixture
{
    SettingsFixture() { REQUIRE(SettingsRepository(*database).save(clinic()).ok()); }
};

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

TEST_CASE("The settings dialog shows the stored settings and the database file", "[gui][settings]")
{
    const QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    auto database = masahista::test::fileDatabase(path);
    const FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
    REQUIRE(DemoClinic::load(*database, QDate(2026, 11, 25), clock).ok());
    ClinicSettings settings = SettingsRepository(*database).load().value();
    settings.closedDays = {{QDate(2026, 12, 25), QStringLiteral("Christmas Day")}};
    REQUIRE(SettingsRepository(*database).save(settings).ok());

    SettingsDialog dialog(
        masahista::test::session(*database, clock, Actor{QStringLiteral("owner")}));
    CHECK(child<QLineEdit>(dialog, QStringLiteral("nameEdit"))->text() ==
          u"Masahista Healing Hands");
    CHECK(child<QPlainTextEdit>(dialog, QStringLiteral("addressEdit"))
              ->toPlainText()
              .contains(u"Stony Plain Road"));
    CHECK(child<QLineEdit>(dialog, QStringLiteral("phoneEdit"))->text() == u"(780) 555-0100");
    CHECK(child<QComboBox>(dialog, QStringLiteral("zoneCombo"))->currentText() ==
          u"America/Edmonton");
    CHECK(child<QComboBox>(dialog, QStringLiteral("stepCombo"))->currentData().toInt() == 15);
    CHECK(child<QSpinBox>(dialog, QStringLiteral("lateCancelSpin"))->value() == 24);
    // Monday 09:00-21:00, Sunday 10:00-16:00, as the demo clinic opens.
    REQUIRE(opens(dialog, 1).size() == 1);
    CHECK(opens(dialog, 1).first()->time() == QTime(9, 0));
    CHECK(closes(dialog, 1).first()->time() == QTime(21, 0));
    CHECK(opens(dialog, 7).first()->time() == QTime(10, 0));
    CHECK_FALSE(child<QCheckBox>(dialog, QStringLiteral("closedBox7"))->isChecked());
    auto* closedTable = child<QTableWidget>(dialog, QStringLiteral("closedTable"));
    REQUIRE(closedTable->rowCount() == 1);
    CHECK(qobject_cast<QDateEdit*>(closedTable->cellWidget(0, 0))->date() == QDate(2026, 12, 25));
    CHECK(closedTable->item(0, 1)->text() == u"Christmas Day");
    CHECK(dialog.formSettings().openingHours == settings.openingHours);

    // Nothing changed yet: nothing to save.
    CHECK_FALSE(dialog.hasUnsavedChanges());
    CHECK_FALSE(saveButton(dialog)->isEnabled());

    CHECK(child<QLineEdit>(dialog, QStringLiteral("pathEdit"))->text() ==
          QDir::toNativeSeparators(path));
    CHECK(child<QPushButton>(dialog, QStringLiteral("showFolderButton"))->isEnabled());
    CHECK(dialog.databaseFolderUrl() == QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
    CHECK(dialog.databaseFolderUrl().toLocalFile() == QFileInfo(dir.path()).absoluteFilePath());
}

TEST_CASE("A database in memory has no folder to show", "[gui][settings]")
{
    auto database = masahista::test::memoryDatabase();
    const FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
    SettingsDialog dialog(
        masahista::test::session(*database, clock, Actor{QStringLiteral("owner")}));
    CHECK_FALSE(child<QPushButton>(dialog, QStringLiteral("showFolderButton"))->isEnabled());
    CHECK(dialog.databaseFolderUrl().isEmpty());
    CHECK(
        child<QLabel>(dialog, QStringLiteral("databaseNote"))->text().contains(u"nothing is kept"));
    // A new clinic has no name yet, and the form says so before anything is typed.
    dialog.show();
    CHECK(shownError(dialog, QStringLiteral("nameError")).contains(u"clinic's name"));
}

TEST_CASE("Edited settings are saved and read back", "[gui][settings]")
{
    SettingsFixture fixture;
    SettingsDialog dialog(
        masahista::test::session(*fixture.database, fixture.clock, fixture.actor));
    dialog.show();
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);

    child<QLineEdit>(dialog, QStringLiteral("nameEdit"))->setText(QStringLiteral("New Hands"));
    auto* phone = child<QLineEdit>(dialog, QStringLiteral("phoneEdit"));
    phone->setText(QStringLiteral("780.555.0111"));
    Q_EMIT phone->editingFinished();
    CHECK(phone->text() == u"(780) 555-0111");
    child<QSpinBox>(dialog, QStringLiteral("lateCancelSpin"))->setValue(12);
    child<QComboBox>(dialog, QStringLiteral("stepCombo"))
        ->setCurrentIndex(child<QComboBox>(dialog, QStringLiteral("stepCombo"))->findData(30));
    // Tuesday gets a break: 09:00-12:00, then the added hours set to 13:00-17:00.
    closes(dialog, 2).first()->setTime(QTime(12, 0));
    child<QPushButton>(dialog, QStringLiteral("addHoursButton2"))->click();
    REQUIRE(opens(dialog, 2).size() == 2);
    CHECK(opens(dialog, 2).at(1)->time() == QTime(13, 0));
    closes(dialog, 2).at(1)->setTime(QTime(17, 0));
    // Friday closes, Saturday opens until midnight.
    child<QCheckBox>(dialog, QStringLiteral("closedBox5"))->setChecked(true);
    child<QCheckBox>(dialog, QStringLiteral("closedBox6"))->setChecked(false);
    REQUIRE(opens(dialog, 6).size() == 1);
    opens(dialog, 6).first()->setTime(QTime(18, 0));
    closes(dialog, 6).first()->setTime(QTime(0, 0));
    // Monday loses its afternoon.
    child<QWidget>(dialog, QStringLiteral("hoursDay1"))
        ->findChildren<QPushButton*>(QStringLiteral("removeHoursButton"))
        .at(1)
        ->click();
    CHECK(opens(dialog, 1).size() == 1);
    child<QPushButton>(dialog, QStringLiteral("addClosedButton"))->click();
    auto* closedTable = child<QTableWidget>(dialog, QStringLiteral("closedTable"));
    REQUIRE(closedTable->rowCount() == 2);
    // The clinic's today, 2026-11-25, is not listed yet.
    CHECK(qobject_cast<QDateEdit*>(closedTable->cellWidget(1, 0))->date() == QDate(2026, 11, 25));
    qobject_cast<QDateEdit*>(closedTable->cellWidget(1, 0))->setDate(QDate(2027, 1, 1));
    closedTable->item(1, 1)->setText(QStringLiteral("New Year's Day"));

    CHECK(dialog.hasUnsavedChanges());
    INFO(shownError(dialog, QStringLiteral("errorLabel")).toStdString());
    REQUIRE(saveButton(dialog)->isEnabled());
    saveButton(dialog)->click();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(saved.count() == 1);

    const ClinicSettings settings = SettingsRepository(*fixture.database).load().value();
    CHECK(settings.name == u"New Hands");
    CHECK(settings.phone == u"(780) 555-0111");
    CHECK(settings.address == u"1 Demo Street NW\nEdmonton, AB");
    CHECK(settings.bookingStepMinutes == 30);
    CHECK(settings.lateCancelHours == 12);
    CHECK(settings.openingHours == QList<WeeklyInterval>{{1, 540, 720},
                                                         {2, 540, 720},
                                                         {2, 780, 1020},
                                                         {3, 540, 1020},
                                                         {4, 540, 1020},
                                                         {6, 1080, 1440}});
    REQUIRE(settings.closedDays.size() == 2);
    CHECK(settings.closedDays.at(1).date == QDate(2027, 1, 1));
    CHECK(settings.closedDays.at(1).reason == u"New Year's Day");

    // Opened again, it shows what was saved and has nothing to save.
    SettingsDialog again(masahista::test::session(*fixture.database, fixture.clock, fixture.actor));
    CHECK(again.formSettings().openingHours == settings.openingHours);
    CHECK(closes(again, 6).first()->time() == QTime(0, 0));
    CHECK_FALSE(again.hasUnsavedChanges());
}

TEST_CASE("Each bad input shows its message next to the field and nothing is written",
          "[gui][settings]")
{
    SettingsFixture fixture;
    const QString before = stored(*fixture.database);
    SettingsDialog dialog(
        masahista::test::session(*fixture.database, fixture.clock, fixture.actor));
    dialog.show();
    QString label;
    QString expected;

    SECTION("no name")
    {
        child<QLineEdit>(dialog, QStringLiteral("nameEdit"))->setText(QStringLiteral("  "));
        label = QStringLiteral("nameError");
        expected = QStringLiteral("Enter the clinic's name.");
    }
    SECTION("a phone that is no number")
    {
        child<QLineEdit>(dialog, QStringLiteral("phoneEdit"))->setText(QStringLiteral("call us"));
        label = QStringLiteral("phoneError");
        expected = QStringLiteral("\"call us\" is not a phone number");
    }
    SECTION("an unknown time zone")
    {
        child<QComboBox>(dialog, QStringLiteral("zoneCombo"))
            ->setEditText(QStringLiteral("Mars/Olympus_Mons"));
        label = QStringLiteral("zoneError");
        expected = QStringLiteral("\"Mars/Olympus_Mons\" is not a time zone");
    }
    SECTION("closing before opening")
    {
        closes(dialog, 3).first()->setTime(QTime(8, 0));
        label = QStringLiteral("hoursError3");
        expected = QStringLiteral("Wednesday: closing at 08:00 is not after opening at 09:00.");
    }
    SECTION("hours off the grid")
    {
        opens(dialog, 4).first()->setTime(QTime(9, 5));
        label = QStringLiteral("hoursError4");
        expected = QStringLiteral("Thursday: 09:05–17:00 is not on the 15-minute booking grid.");
    }
    SECTION("a grid step that leaves the hours off it")
    {
        opens(dialog, 4).first()->setTime(QTime(9, 30));
        auto* step = child<QComboBox>(dialog, QStringLiteral("stepCombo"));
        step->setCurrentIndex(step->findData(60));
        label = QStringLiteral("hoursError4");
        expected = QStringLiteral("Thursday: 09:30–17:00 is not on the 60-minute booking grid.");
        // The tab holding the message is marked, since the change was made on another one.
        auto* tabs = child<QTabWidget>(dialog, QStringLiteral("tabs"));
        CHECK_FALSE(tabs->tabIcon(1).isNull());
        CHECK(tabs->tabIcon(2).isNull());
    }
    SECTION("overlapping hours")
    {
        child<QPushButton>(dialog, QStringLiteral("addHoursButton1"))->click();
        opens(dialog, 1).at(2)->setTime(QTime(11, 0));
        closes(dialog, 1).at(2)->setTime(QTime(12, 30));
        label = QStringLiteral("hoursError1");
        expected = QStringLiteral("Monday: 11:00–12:30 overlaps 09:00–12:00.");
    }
    SECTION("the same closed day twice")
    {
        child<QPushButton>(dialog, QStringLiteral("addClosedButton"))->click();
        auto* table = child<QTableWidget>(dialog, QStringLiteral("closedTable"));
        qobject_cast<QDateEdit*>(table->cellWidget(1, 0))->setDate(QDate(2026, 12, 25));
        label = QStringLiteral("closedDaysError");
        expected = QStringLiteral("2026-12-25 is listed twice as a closed day.");
    }

    INFO(label);
    CHECK(shownError(dialog, label).contains(expected));
    CHECK_FALSE(saveButton(dialog)->isEnabled());
    // Even forced, a save of the bad form is refused and the dialog stays open.
    dialog.accept();
    CHECK(dialog.isVisible());
    CHECK(shownError(dialog, QStringLiteral("errorLabel")).contains(expected));
    CHECK(stored(*fixture.database) == before);
}

TEST_CASE("Escape closes without writing, asking first when something changed", "[gui][settings]")
{
    SettingsFixture fixture;
    const QString before = stored(*fixture.database);

    SECTION("unchanged: no question")
    {
        SettingsDialog dialog(
            masahista::test::session(*fixture.database, fixture.clock, fixture.actor));
        dialog.show();
        QTest::keyClick(child<QLineEdit>(dialog, QStringLiteral("nameEdit")), Qt::Key_Escape);
        CHECK_FALSE(dialog.isVisible());
        CHECK(dialog.result() == QDialog::Rejected);
    }
    SECTION("changed: discarding closes it")
    {
        SettingsDialog dialog(
            masahista::test::session(*fixture.database, fixture.clock, fixture.actor));
        dialog.show();
        QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
        child<QLineEdit>(dialog, QStringLiteral("nameEdit"))->setText(QStringLiteral("Other"));
        answerMessageBox(QMessageBox::Discard);
        QTest::keyClick(child<QLineEdit>(dialog, QStringLiteral("nameEdit")), Qt::Key_Escape);
        CHECK_FALSE(dialog.isVisible());
        CHECK(dialog.result() == QDialog::Rejected);
        CHECK(saved.isEmpty());
    }
    SECTION("changed: going back keeps editing")
    {
        SettingsDialog dialog(
            masahista::test::session(*fixture.database, fixture.clock, fixture.actor));
        dialog.show();
        child<QLineEdit>(dialog, QStringLiteral("nameEdit"))->setText(QStringLiteral("Other"));
        answerMessageBox(QMessageBox::Cancel);
        QTest::keyClick(child<QLineEdit>(dialog, QStringLiteral("nameEdit")), Qt::Key_Escape);
        CHECK(dialog.isVisible());
        CHECK(child<QLineEdit>(dialog, QStringLiteral("nameEdit"))->text() == u"Other");
    }
    CHECK(stored(*fixture.database) == before);
}

TEST_CASE("A grid step that strands a booking is refused next to the field", "[gui][settings]")
{
    SettingsFixture fixture;
    fixture.booked(fixture.request(fixture.cara, fixture.swedish, 60,
                                   fixture.at(QDate(2026, 11, 26), 10, 15)));
    const QString before = stored(*fixture.database);
    SettingsDialog dialog(
        masahista::test::session(*fixture.database, fixture.clock, fixture.actor));
    dialog.show();

    auto* step = child<QComboBox>(dialog, QStringLiteral("stepCombo"));
    step->setCurrentIndex(step->findData(30));
    const QString message = shownError(dialog, QStringLiteral("stepError"));
    CHECK(message.contains(u"A 30-minute booking grid"));
    CHECK(message.contains(u"Thu 2026-11-26 10:15, Swedish 60 min with Cara for Zoe"));
    CHECK_FALSE(saveButton(dialog)->isEnabled());
    dialog.accept();
    CHECK(dialog.isVisible());
    CHECK(stored(*fixture.database) == before);

    // Back to the stored step, the refusal goes away.
    step->setCurrentIndex(step->findData(15));
    CHECK(shownError(dialog, QStringLiteral("stepError")).isEmpty());
}

TEST_CASE("A new time zone is saved only once the shift is confirmed", "[gui][settings]")
{
    SettingsFixture fixture;
    fixture.booked(
        fixture.request(fixture.cara, fixture.swedish, 60, fixture.at(QDate(2026, 11, 26), 10, 0)));
    const QString before = stored(*fixture.database);
    SettingsDialog dialog(
        masahista::test::session(*fixture.database, fixture.clock, fixture.actor));
    dialog.show();

    child<QComboBox>(dialog, QStringLiteral("zoneCombo"))
        ->setEditText(QStringLiteral("America/Toronto"));
    auto* warning = child<QLabel>(dialog, QStringLiteral("zoneWarning"));
    auto* confirm = child<QCheckBox>(dialog, QStringLiteral("zoneConfirmBox"));
    CHECK(warning->isVisible());
    CHECK(warning->text().contains(u"would show as Thu 2026-11-26 12:00"));
    CHECK(confirm->isVisible());
    CHECK_FALSE(saveButton(dialog)->isEnabled());
    dialog.accept();
    CHECK(dialog.isVisible());
    CHECK(stored(*fixture.database) == before);

    confirm->setChecked(true);
    REQUIRE(saveButton(dialog)->isEnabled());
    saveButton(dialog)->click();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(SettingsRepository(*fixture.database).load()->timeZoneId == u"America/Toronto");
}

TEST_CASE("The settings dialog's screenshots", "[gui][settings]")
{
    auto database = masahista::test::memoryDatabase();
    const FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
    REQUIRE(DemoClinic::load(*database, QDate(2026, 11, 25), clock).ok());
    SettingsDialog dialog(
        masahista::test::session(*database, clock, Actor{QStringLiteral("owner")}));
    dialog.resize(680, 600);
    dialog.show();
    // Monday with a lunch break, as most clinics would set it.
    closes(dialog, 1).first()->setTime(QTime(12, 0));
    child<QPushButton>(dialog, QStringLiteral("addHoursButton1"))->click();
    closes(dialog, 1).at(1)->setTime(QTime(21, 0));
    CHECK(closes(dialog, 1).size() == 2);
    const QImage first = masahista::test::screenshot(dialog, QStringLiteral("settings-dialog.png"));
    child<QTabWidget>(dialog, QStringLiteral("tabs"))->setCurrentIndex(1);
    const QImage hours = masahista::test::screenshot(dialog, QStringLiteral("settings-hours.png"));
    CHECK(hours != first); // the second picture shows another tab
}

TEST_CASE("The backup folder is chosen on the database tab and kept by other edits",
          "[gui][settings][backup]")
{
    SettingsFixture fixture;
    QTemporaryDir dir;
    {
        SettingsDialog dialog(
            masahista::test::session(*fixture.database, fixture.clock, fixture.actor));
        dialog.show();
        auto* folderEdit = child<QLineEdit>(dialog, QStringLiteral("backupFolderEdit"));
        CHECK(folderEdit->text().isEmpty());

        folderEdit->setText(QStringLiteral("backups"));
        CHECK(shownError(dialog, QStringLiteral("backupFolderError")).contains(u"whole path"));
        CHECK_FALSE(saveButton(dialog)->isEnabled());
        const QString aFile = dir.filePath(QStringLiteral("a-file"));
        masahista::test::writeFileBytes(aFile, "x");
        folderEdit->setText(aFile);
        CHECK(shownError(dialog, QStringLiteral("backupFolderError")).contains(u"not a folder"));

        folderEdit->setText(QStringLiteral("  ") + dir.filePath(QStringLiteral("usb//backups/")));
        CHECK(shownError(dialog, QStringLiteral("backupFolderError")).isEmpty());
        REQUIRE(saveButton(dialog)->isEnabled());
        saveButton(dialog)->click();
    }
    const QString chosen = dir.filePath(QStringLiteral("usb/backups"));
    CHECK(SettingsRepository(*fixture.database).load()->backupFolder == chosen);

    // Another edit made later leaves the folder as it is.
    SettingsDialog again(masahista::test::session(*fixture.database, fixture.clock, fixture.actor));
    CHECK(child<QLineEdit>(again, QStringLiteral("backupFolderEdit"))->text() ==
          QDir::toNativeSeparators(chosen));
    child<QLineEdit>(again, QStringLiteral("nameEdit"))->setText(QStringLiteral("Renamed"));
    REQUIRE(saveButton(again)->isEnabled());
    saveButton(again)->click();
    CHECK(SettingsRepository(*fixture.database).load()->backupFolder == chosen);
}

TEST_CASE("Closed days offers Alberta's holidays of a year, each removable, none added twice",
          "[gui][settings]")
{
    SettingsFixture fixture;
    SettingsDialog dialog(
        masahista::test::session(*fixture.database, fixture.clock, fixture.actor));
    dialog.show();
    auto* year = child<QSpinBox>(dialog, QStringLiteral("holidayYearSpin"));
    // The clinic's current year to begin with.
    CHECK(year->value() == 2026);
    auto* table = child<QTableWidget>(dialog, QStringLiteral("closedTable"));
    REQUIRE(table->rowCount() == 1); // Christmas 2026, already listed
    auto* add = child<QPushButton>(dialog, QStringLiteral("addHolidaysButton"));
    auto* note = child<QLabel>(dialog, QStringLiteral("holidaysNote"));

    add->click();
    CHECK(table->rowCount() == 9);
    CHECK(note->text() == u"Added 8 holidays. 1 already listed.");
    add->click();
    CHECK(table->rowCount() == 9);
    CHECK(note->text() == u"Added 0 holidays. 9 already listed.");

    // The clinic stays open on Remembrance Day: that row goes.
    int remembrance = -1;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 1)->text() == u"Remembrance Day") {
            remembrance = row;
        }
    }
    REQUIRE(remembrance >= 0);
    table->setCurrentCell(remembrance, 1);
    table->selectRow(remembrance);
    child<QPushButton>(dialog, QStringLiteral("removeClosedButton"))->click();
    REQUIRE(table->rowCount() == 8);

    // Another year adds its own nine.
    year->setValue(2029);
    add->click();
    CHECK(table->rowCount() == 17);
    CHECK(note->text() == u"Added 9 holidays.");

    REQUIRE(saveButton(dialog)->isEnabled());
    saveButton(dialog)->click();
    const ClinicSettings settings = SettingsRepository(*fixture.database).load().value();
    QHash<QDate, QString> closed;
    for (const masahista::ClosedDay& day : settings.closedDays) {
        closed.insert(day.date, day.reason);
    }
    CHECK(closed.size() == 17);
    CHECK(closed.value(QDate(2026, 4, 3)) == u"Good Friday");
    CHECK(closed.value(QDate(2026, 2, 16)) == u"Alberta Family Day");
    CHECK_FALSE(closed.contains(QDate(2026, 11, 11)));
    CHECK(closed.value(QDate(2029, 7, 2)) == u"Canada Day");
    CHECK(closed.value(QDate(2026, 12, 25)) == u"Christmas Day");
}

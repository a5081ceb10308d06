#include "GuiTestSupport.h"
#include "booking/BookingFixture.h"
#include "booking/engine/IcsCalendar.h"
#include "data/ClientRepository.h"
#include "gui/dialogs/ClientDialog.h"
#include "support/TestSupport.h"

#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace masahista;
using masahista::gui::ClientDialog;
using masahista::test::BookingFixture;

namespace {

template <typename Widget>
Widget* child(ClientDialog& dialog, const char* name)
{
    auto* found = dialog.findChild<Widget*>(QString::fromLatin1(name));
    REQUIRE(found != nullptr);
    return found;
}

QList<Id> rowIds(const QTreeWidget* table)
{
    QList<Id> ids;
    for (int row = 0; row < table->topLevelItemCount(); ++row) {
        ids.append(table->topLevelItem(row)->data(0, Qt::UserRole).toLongLong());
    }
    return ids;
}

QStringList rowTexts(const QTreeWidgetItem* item)
{
    QStringList texts;
    for (int column = 0; column < item->columnCount(); ++column) {
        texts.append(item->text(column));
    }
    return texts;
}

// The hand-built clinic with Zoe's history as of Wednesday 2026-11-25 09:00: a visit completed
// last Saturday, a late cancellation on Monday, Swedish with Ana on Thursday and Thai with
// Cara on Friday; and Yan's appointments around hers, which her card must not show.
struct ZoeHistory : BookingFixture
{
    ZoeHistory()
    {
        ClientRepository clients(*database);
        Client client = clients.byId(zoe).value();
        // Markup in a name must show as typed, never be rendered.
        client.fullName = QStringLiteral("Zoë <b>Moreau</b> & Co");
        client.email = QStringLiteral("zoe@example.com");
        client.dateOfBirth = QDate(1990, 5, 17);
        client.notes = QStringLiteral("Prefers firm pressure");
        client.healthAlerts = {{0, HealthAlertKind::Allergy, QStringLiteral("nut oils")},
                               {0, HealthAlertKind::AvoidArea, QStringLiteral("left knee")}};
        REQUIRE(clients.update(client).ok());
        const Client stored = clients.byId(zoe).value();
        for (const HealthAlert& alert : stored.healthAlerts) {
            alerts.append(IcsCalendar::alertText(alert));
        }
        REQUIRE(alerts.size() == 2);

        const QDate friday(2026, 11, 20);
        clock.set(at(friday, 9));
        completed = booked(request(ana, swedish, 60, at(friday.addDays(1), 10)));
        lateCancel = booked(request(ana, swedish, 90, at(friday.addDays(3), 10)));
        yansPast = booked(request(ana, swedish, 60, at(friday.addDays(1), 13), yan));
        clock.set(at(friday.addDays(3), 8));
        REQUIRE(service.cancel(lateCancel.id, QStringLiteral("Flu"), actor).ok());

        clock.set(at(today, 9));
        REQUIRE(service.setStatus(completed.id, AppointmentStatus::Completed, actor).ok());
        thursday = booked(request(ana, swedish, 60, at(today.addDays(1), 10)));
        thaiVisit = booked(request(cara, thai, 60, at(today.addDays(2), 14)));
        yansNext = booked(request(ana, swedish, 60, at(today.addDays(1), 13), yan));
    }

    std::unique_ptr<ClientDialog> dialog(Id client)
    {
        auto built =
            std::make_unique<ClientDialog>(masahista::test::session(*database, clock), client);
        built->show();
        return built;
    }

    QStringList alerts;
    Appointment completed, lateCancel, yansPast, thursday, thaiVisit, yansNext;
};

} // namespace

TEST_CASE("The client card shows exactly what the database holds for that client", "[gui][client]")
{
    ZoeHistory clinic;
    const auto dialog = clinic.dialog(clinic.zoe);

    auto* name = child<QLabel>(*dialog, "nameLabel");
    CHECK(name->text() == u"Zoë <b>Moreau</b> & Co");
    CHECK(name->textFormat() == Qt::PlainText);
    CHECK(dialog->windowTitle().contains(u"Zoë <b>Moreau</b> & Co"));
    CHECK(child<QLabel>(*dialog, "phoneLabel")->text() == u"(780) 555-0101");
    CHECK(child<QLabel>(*dialog, "emailLabel")->text() == u"zoe@example.com");
    CHECK(child<QLabel>(*dialog, "birthLabel")->text() == u"1990-05-17 (age 36)");
    CHECK(child<QLabel>(*dialog, "notesLabel")->text() == u"Prefers firm pressure");
    CHECK_FALSE(child<QLabel>(*dialog, "archivedLabel")->isVisible());
    CHECK_FALSE(child<QLabel>(*dialog, "errorLabel")->isVisible());

    // Health alerts in plain sight: red and bold.
    auto* alerts = child<QLabel>(*dialog, "alertsLabel");
    CHECK(alerts->isVisible());
    CHECK(alerts->text() == clinic.alerts.join(QLatin1Char('\n')));
    CHECK(alerts->styleSheet().contains(u"color: #c62828"));
    CHECK(alerts->styleSheet().contains(u"font-weight: bold"));

    CHECK(child<QLabel>(*dialog, "completedLabel")->text() == u"1");
    CHECK(child<QLabel>(*dialog, "noShowLabel")->text() == u"0");
    CHECK(child<QLabel>(*dialog, "lateCancelLabel")->text() == u"1");

    // Yan's appointments, before and after Zoe's, are on neither list.
    auto* upcoming = child<QTreeWidget>(*dialog, "upcomingTable");
    REQUIRE(rowIds(upcoming) == QList<Id>{clinic.thursday.id, clinic.thaiVisit.id});
    CHECK(rowTexts(upcoming->topLevelItem(0)) ==
          QStringList{QStringLiteral("Thu 2026-11-26"), QStringLiteral("10:00–11:00"),
                      QStringLiteral("Swedish, 60 min"), QStringLiteral("Ana"),
                      QStringLiteral("Table A"), QStringLiteral("booked")});
    CHECK(rowTexts(upcoming->topLevelItem(1)) ==
          QStringList{QStringLiteral("Fri 2026-11-27"), QStringLiteral("14:00–15:00"),
                      QStringLiteral("Thai on the mat, 60 min"), QStringLiteral("Cara"),
                      QStringLiteral("Mat room"), QStringLiteral("booked")});
    CHECK(child<QGroupBox>(*dialog, "upcomingBox")->title() == u"Upcoming (2)");

    auto* past = child<QTreeWidget>(*dialog, "pastTable");
    REQUIRE(rowIds(past) == QList<Id>{clinic.lateCancel.id, clinic.completed.id});
    CHECK(rowTexts(past->topLevelItem(0)) ==
          QStringList{QStringLiteral("Mon 2026-11-23"), QStringLiteral("10:00–11:30"),
                      QStringLiteral("Swedish, 90 min"), QStringLiteral("Ana"),
                      QStringLiteral("Table A"), QStringLiteral("cancelled (late): Flu")});
    CHECK(rowTexts(past->topLevelItem(1)) ==
          QStringList{QStringLiteral("Sat 2026-11-21"), QStringLiteral("10:00–11:00"),
                      QStringLiteral("Swedish, 60 min"), QStringLiteral("Ana"),
                      QStringLiteral("Table A"), QStringLiteral("completed")});
    CHECK(child<QGroupBox>(*dialog, "pastBox")->title() == u"Past and cancelled (2)");

    // Fits a 1366×768 screen and can be made bigger.
    CHECK(dialog->width() <= 1366);
    CHECK(dialog->height() <= 700);
    CHECK(dialog->maximumWidth() > dialog->width());
    CHECK(dialog->maximumHeight() > dialog->height());

    SECTION("the other client's card has only their own")
    {
        const auto yans = clinic.dialog(clinic.yan);
        CHECK(rowIds(child<QTreeWidget>(*yans, "upcomingTable")) == QList<Id>{clinic.yansNext.id});
        CHECK(rowIds(child<QTreeWidget>(*yans, "pastTable")) == QList<Id>{clinic.yansPast.id});
        CHECK_FALSE(child<QLabel>(*yans, "alertsLabel")->isVisible());
        CHECK(child<QLabel>(*yans, "emailLabel")->text() == u"none");
        CHECK(child<QLabel>(*yans, "birthLabel")->text() == u"not recorded");
        CHECK(child<QLabel>(*yans, "completedLabel")->text() == u"0");
    }
}

TEST_CASE("Activating an appointment or booking from the client card carries the right ids",
          "[gui][client]")
{
    ZoeHistory clinic;

    SECTION("double-clicking an upcoming row names the appointment and its local day")
    {
        const auto dialog = clinic.dialog(clinic.zoe);
        QSignalSpy activated(dialog.get(), &ClientDialog::appointmentActivated);
        QSignalSpy book(dialog.get(), &ClientDialog::bookRequested);
        auto* upcoming = child<QTreeWidget>(*dialog, "upcomingTable");
        // What a real double-click delivers: a click, then the double-click and its release.
        const QPoint row = upcoming->visualItemRect(upcoming->topLevelItem(1)).center();
        QTest::mouseClick(upcoming->viewport(), Qt::LeftButton, {}, row);
        QTest::mouseDClick(upcoming->viewport(), Qt::LeftButton, {}, row);
        QTest::mouseRelease(upcoming->viewport(), Qt::LeftButton, {}, row);
        REQUIRE(activated.size() == 1);
        CHECK(activated.at(0).at(0).value<Id>() == clinic.thaiVisit.id);
        CHECK(activated.at(0).at(1).toDate() == QDate(2026, 11, 27));
        CHECK(book.isEmpty());
        CHECK_FALSE(dialog->isVisible());
        CHECK(dialog->result() == QDialog::Accepted);
    }
    SECTION("a past row, by keyboard, names its day too")
    {
        const auto dialog = clinic.dialog(clinic.zoe);
        QSignalSpy activated(dialog.get(), &ClientDialog::appointmentActivated);
        auto* past = child<QTreeWidget>(*dialog, "pastTable");
        past->setFocus();
        past->setCurrentItem(past->topLevelItem(1));
        QTest::keyClick(past, Qt::Key_Return);
        REQUIRE(activated.size() == 1);
        CHECK(activated.at(0).at(0).value<Id>() == clinic.completed.id);
        CHECK(activated.at(0).at(1).toDate() == QDate(2026, 11, 21));
        CHECK_FALSE(dialog->isVisible());
    }
    SECTION("the book button names the client and closes")
    {
        const auto dialog = clinic.dialog(clinic.zoe);
        QSignalSpy book(dialog.get(), &ClientDialog::bookRequested);
        QSignalSpy activated(dialog.get(), &ClientDialog::appointmentActivated);
        QTest::mouseClick(child<QPushButton>(*dialog, "bookButton"), Qt::LeftButton);
        REQUIRE(book.size() == 1);
        CHECK(book.at(0).at(0).value<Id>() == clinic.zoe);
        CHECK(activated.isEmpty());
        CHECK_FALSE(dialog->isVisible());
        CHECK(dialog->result() == QDialog::Accepted);
    }
    SECTION("Escape closes without a signal")
    {
        const auto dialog = clinic.dialog(clinic.zoe);
        QSignalSpy book(dialog.get(), &ClientDialog::bookRequested);
        QSignalSpy activated(dialog.get(), &ClientDialog::appointmentActivated);
        QTest::keyClick(dialog.get(), Qt::Key_Escape);
        CHECK_FALSE(dialog->isVisible());
        CHECK(dialog->result() == QDialog::Rejected);
        CHECK(book.isEmpty());
        CHECK(activated.isEmpty());
    }
}

TEST_CASE("The client card shows a load error inline and offers no booking", "[gui][client]")
{
    ZoeHistory clinic;

    SECTION("an unknown client")
    {
        const auto dialog = clinic.dialog(9999);
        auto* error = child<QLabel>(*dialog, "errorLabel");
        CHECK(error->isVisible());
        CHECK(error->text() == u"There is no client with id 9999.");
        CHECK_FALSE(child<QWidget>(*dialog, "recordWidget")->isVisible());
        CHECK_FALSE(child<QPushButton>(*dialog, "bookButton")->isEnabled());
        CHECK(dialog->isVisible());
        // Inline, not in a message box on top of it.
        for (QWidget* window : QApplication::topLevelWidgets()) {
            CHECK(qobject_cast<QMessageBox*>(window) == nullptr);
        }
    }
    SECTION("an archived client can be read but not booked")
    {
        const auto dialog = clinic.dialog(clinic.xavier);
        CHECK_FALSE(child<QLabel>(*dialog, "errorLabel")->isVisible());
        CHECK(child<QLabel>(*dialog, "archivedLabel")->isVisible());
        CHECK(child<QLabel>(*dialog, "nameLabel")->text() == u"Xavier");
        CHECK_FALSE(child<QPushButton>(*dialog, "bookButton")->isEnabled());
        CHECK(child<QTreeWidget>(*dialog, "upcomingTable")->topLevelItemCount() == 0);
    }
}

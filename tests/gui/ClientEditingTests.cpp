#include "booking/BookingFixture.h"
#include "booking/clients/ClientService.h"
#include "booking/demo/DemoClinic.h"
#include "data/ClientRepository.h"
#include "gui/ClientsPage.h"
#include "gui/GuiTestSupport.h"
#include "gui/dialogs/ClientDialog.h"
#include "gui/dialogs/ClientEditDialog.h"
#include "gui/models/ClientTableModel.h"
#include "support/TestSupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

#include <catch2/catch.hpp>

using namespace masahista;
using masahista::gui::ClientDialog;
using masahista::gui::ClientEditDialog;
using masahista::gui::ClientsPage;
using masahista::test::BookingFixture;

namespace {

template <typename Widget>
Widget* child(QWidget& parent, const char* name)
{
    auto* found = parent.findChild<Widget*>(QString::fromLatin1(name));
    REQUIRE(found != nullptr);
    return found;
}

QPushButton* saveButton(ClientEditDialog& dialog)
{
    return child<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Save);
}

// The label beside a field: shown, and saying something.
QString shownError(ClientEditDialog& dialog, const char* name)
{
    auto* label = child<QLabel>(dialog, name);
    return label->isVisible() ? label->text() : QString();
}

Client stored(BookingFixture& clinic, Id id)
{
    return ClientRepository(*clinic.database).byId(id).value();
}

} // namespace

TEST_CASE("The client form shows each bad field beside it and saves nothing until all are good",
          "[gui][client]")
{
    BookingFixture clinic;
    const Client before = stored(clinic, clinic.zoe);
    ClientEditDialog dialog(masahista::test::session(*clinic.database, clinic.clock), before);
    dialog.show();
    CHECK(saveButton(dialog)->isEnabled());
    CHECK_FALSE(dialog.hasChanges());

    const struct
    {
        const char* edit;
        QString bad;
        const char* errorLabel;
        const char* expected;
    } cases[] = {
        {"nameEdit", QStringLiteral(" "), "nameError", "name"},
        {"phoneEdit", QStringLiteral("12"), "phoneError", "10 digits"},
        {"emailEdit", QStringLiteral("zoe@"), "emailError", "e-mail"},
    };
    for (const auto& bad : cases) {
        auto* edit = child<QLineEdit>(dialog, bad.edit);
        const QString good = edit->text();
        edit->setText(bad.bad);
        INFO(bad.edit);
        CHECK(shownError(dialog, bad.errorLabel).contains(QString::fromLatin1(bad.expected)));
        CHECK_FALSE(saveButton(dialog)->isEnabled());
        // Ctrl+Enter or a click on a disabled Save does nothing.
        saveButton(dialog)->click();
        CHECK(dialog.isVisible());
        edit->setText(good);
        CHECK(shownError(dialog, bad.errorLabel).isEmpty());
    }

    child<QPushButton>(dialog, "addAlertButton")->click();
    CHECK(shownError(dialog, "alertsError").contains(u"Describe"));
    CHECK_FALSE(saveButton(dialog)->isEnabled());
    auto* alerts = child<QTableWidget>(dialog, "alertsTable");
    alerts->item(alerts->rowCount() - 1, 1)->setText(QStringLiteral("Latex"));
    CHECK(shownError(dialog, "alertsError").isEmpty());

    child<QCheckBox>(dialog, "birthKnownCheck")->setChecked(true);
    CHECK(saveButton(dialog)->isEnabled());

    // Nothing was written along the way.
    const Client unchanged = stored(clinic, clinic.zoe);
    CHECK(unchanged.healthAlerts.size() == before.healthAlerts.size());
    CHECK_FALSE(unchanged.dateOfBirth.isValid());

    saveButton(dialog)->click();
    CHECK(dialog.result() == QDialog::Accepted);
    const Client after = stored(clinic, clinic.zoe);
    REQUIRE(after.healthAlerts.size() == before.healthAlerts.size() + 1);
    CHECK(after.healthAlerts.constLast().detail == u"Latex");
    CHECK(after.dateOfBirth.isValid());
}

TEST_CASE("Escape on a changed client form asks first, and Discard writes nothing", "[gui][client]")
{
    BookingFixture clinic;
    const Client before = stored(clinic, clinic.zoe);
    ClientEditDialog dialog(masahista::test::session(*clinic.database, clinic.clock), before);
    dialog.show();
    child<QLineEdit>(dialog, "phoneEdit")->setText(QStringLiteral("(587) 555-0111"));
    REQUIRE(dialog.hasChanges());

    QString question;
    QTimer::singleShot(0, [&question] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        REQUIRE(box != nullptr);
        question = box->text();
        box->button(QMessageBox::Discard)->click();
    });
    QTest::keyClick(&dialog, Qt::Key_Escape);
    CHECK(question.contains(u"not been saved"));
    CHECK(dialog.result() == QDialog::Rejected);
    CHECK_FALSE(dialog.isVisible());
    CHECK(stored(clinic, clinic.zoe).phone == before.phone);
}

TEST_CASE("The clients page finds as you type and adds a new client", "[gui][client]")
{
    BookingFixture clinic;
    ClientsPage page(masahista::test::session(*clinic.database, clinic.clock));
    masahista::test::ModelChecker checker(page.model());
    page.show();

    auto* search = child<QLineEdit>(page, "searchEdit");
    QTest::keyClicks(search, QStringLiteral("ya"));
    REQUIRE(QTest::qWaitFor([&page] { return page.model()->rowCount() == 1; }));
    CHECK(page.model()->clients().constFirst().id == clinic.yan);
    CHECK(page.status().contains(u"1 client"));

    // Xavier is archived: found only when asked.
    search->setText(QStringLiteral("Xavier"));
    page.search();
    CHECK(page.model()->rowCount() == 0);
    child<QCheckBox>(page, "showArchivedCheck")->setChecked(true);
    REQUIRE(page.model()->rowCount() == 1);
    CHECK(page.model()->data(page.model()->index(0, 0)).toString().contains(u"archived"));

    // A search for a number nobody has, then New client with that number filled in.
    search->setText(QStringLiteral("780 555 0199"));
    page.search();
    CHECK(page.model()->rowCount() == 0);
    QTimer::singleShot(0, [] {
        auto* form = qobject_cast<ClientEditDialog*>(QApplication::activeModalWidget());
        REQUIRE(form != nullptr);
        CHECK(form->findChild<QLineEdit*>(QStringLiteral("phoneEdit"))->text() == u"780 555 0199");
        form->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Ines"));
        // The new client's card opens next; close it.
        QTimer::singleShot(0, [] {
            auto* card = qobject_cast<ClientDialog*>(QApplication::activeModalWidget());
            REQUIRE(card != nullptr);
            card->reject();
        });
        form->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Save)
            ->click();
    });
    child<QPushButton>(page, "newButton")->click();
    CHECK(page.model()->rowCount() == 1);
    CHECK(page.model()->clients().constFirst().fullName == u"Ines");
    CHECK(page.model()->clients().constFirst().phone == u"(780) 555-0199");
    CHECK(checker.problems().isEmpty());
}

TEST_CASE("The client card archives and restores, and edits through the form", "[gui][client]")
{
    BookingFixture clinic;
    ClientDialog card(masahista::test::session(*clinic.database, clinic.clock), clinic.yan);
    card.show();
    auto* archive = child<QPushButton>(card, "archiveButton");
    CHECK(archive->text().remove(QLatin1Char('&')) == u"Archive");
    archive->click();
    CHECK(stored(clinic, clinic.yan).archived);
    CHECK(archive->text().remove(QLatin1Char('&')) == u"Restore");
    CHECK_FALSE(child<QPushButton>(card, "bookButton")->isEnabled());
    archive->click();
    CHECK_FALSE(stored(clinic, clinic.yan).archived);

    QTimer::singleShot(0, [] {
        auto* form = qobject_cast<ClientEditDialog*>(QApplication::activeModalWidget());
        REQUIRE(form != nullptr);
        form->findChild<QLineEdit*>(QStringLiteral("emailEdit"))
            ->setText(QStringLiteral("yan@example.net"));
        form->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Save)
            ->click();
    });
    child<QPushButton>(card, "editButton")->click();
    CHECK(stored(clinic, clinic.yan).email == u"yan@example.net");
    CHECK(child<QLabel>(card, "emailLabel")->text() == u"yan@example.net");
}

TEST_CASE("The client card of a demo client with alerts and visits", "[gui][client]")
{
    auto database = test::memoryDatabase();
    const FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
    REQUIRE(DemoClinic::load(*database, QDate(2026, 11, 25), clock).ok());
    const QList<Client> found =
        ClientService(*database, clock).find(QStringLiteral("Ryan")).value();
    REQUIRE(found.size() == 1);
    REQUIRE_FALSE(found.constFirst().healthAlerts.isEmpty());

    ClientDialog card(masahista::test::session(*database, clock), found.constFirst().id);
    card.resize(900, 620);
    card.show();
    CHECK(child<QLabel>(card, "alertsLabel")->isVisible());
    CHECK(card.windowTitle().contains(u"Ryan"));
    masahista::test::screenshot(card, QStringLiteral("client-card.png"));
}

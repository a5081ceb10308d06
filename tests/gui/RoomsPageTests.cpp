#include "GuiTestSupport.h"
#include "ModalDialogs.h"
#include "booking/BookingFixture.h"
#include "data/RoomRepository.h"
#include "gui/RoomsPage.h"
#include "gui/dialogs/BookingDialog.h"
#include "gui/dialogs/RoomDialog.h"
#include "gui/models/RoomTableModel.h"
#include "support/CatalogSnapshot.h"
#include "support/TestSupport.h"

#include <QBrush>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace masahista;
using masahista::gui::RoomDialog;
using masahista::gui::RoomsPage;
using masahista::gui::RoomTableModel;
using masahista::test::BookingFixture;
using masahista::test::catalogSnapshot;
using masahista::test::whenModal;

namespace {

template <typename Widget>
Widget* child(QWidget& parent, const char* name)
{
    auto* found = parent.findChild<Widget*>(QString::fromLatin1(name));
    REQUIRE(found != nullptr);
    return found;
}

struct RoomForm
{
    explicit RoomForm(RoomDialog& shown)
        : dialog(shown)
        , name(shown.findChild<QLineEdit*>(QStringLiteral("nameEdit")))
        , kind(shown.findChild<QComboBox*>(QStringLiteral("kindCombo")))
        , active(shown.findChild<QCheckBox*>(QStringLiteral("activeCheck")))
        , save(shown.findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
                   ->button(QDialogButtonBox::Save))
    {}

    // The text of an error label, empty while it is hidden.
    QString error(const char* labelName) const
    {
        auto* label = dialog.findChild<QLabel*>(QString::fromLatin1(labelName));
        return label != nullptr && label->isVisibleTo(&dialog) ? label->text() : QString();
    }

    RoomDialog& dialog;
    QLineEdit* name;
    QComboBox* kind;
    QCheckBox* active;
    QPushButton* save;
};

// The hand-built clinic with the page open on it and Zoe's Swedish visit tomorrow with Ana in
// Table B.
struct Rooms : BookingFixture
{
    Rooms()
    {
        BookingRequest visit = request(ana, swedish, 60, at(today.addDays(1), 10));
        visit.roomId = tableB;
        coming = booked(visit);
        page = std::make_unique<RoomsPage>(masahista::test::session(*database, clock, actor));
        page->resize(700, 400);
        page->show();
        REQUIRE(QTest::qWaitForWindowExposed(page.get()));
    }

    QStringList names() const
    {
        QStringList list;
        for (int row = 0; row < page->model()->rowCount(); ++row) {
            list.append(page->model()->index(row, RoomTableModel::NameColumn).data().toString());
        }
        return list;
    }

    Room stored(Id id) const
    {
        Result<Room> room = RoomRepository(*database).byId(id);
        REQUIRE(room.ok());
        return *room;
    }

    std::unique_ptr<RoomsPage> page;
    Appointment coming;
};

} // namespace

TEST_CASE("The rooms page lists the rooms in use and, on request, the retired ones", "[gui][rooms]")
{
    Rooms clinic;
    RoomsPage& page = *clinic.page;
    masahista::test::ModelChecker checker(page.model());
    CHECK(clinic.names() == QStringList{QStringLiteral("Table A"), QStringLiteral("Table B"),
                                        QStringLiteral("Mat room")});
    CHECK(page.selectedRoomId() == clinic.tableA);
    CHECK_FALSE(page.selectRoom(clinic.oldRoom));
    child<QCheckBox>(page, "showRetiredCheck")->setChecked(true);
    CHECK(clinic.names().size() == 4);
    CHECK(page.selectedRoomId() == clinic.tableA); // the reload keeps the chosen row
    REQUIRE(page.selectRoom(clinic.oldRoom));
    const QModelIndex old = page.model()->indexOf(clinic.oldRoom);
    CHECK(old.data(Qt::ForegroundRole).canConvert<QBrush>());
    CHECK(old.siblingAtColumn(RoomTableModel::ActiveColumn).data().toString() == u"No");
    CHECK(child<QPushButton>(page, "retireButton")->text() == u"Re&activate");
    child<QCheckBox>(page, "showRetiredCheck")->setChecked(false);
    CHECK(clinic.names().size() == 3);
    CHECK(checker.problems().isEmpty());
}

TEST_CASE("A room is created and edited through the page's form", "[gui][rooms]")
{
    Rooms clinic;
    RoomsPage& page = *clinic.page;
    masahista::test::ModelChecker checker(page.model());
    QSignalSpy changed(&page, &RoomsPage::catalogChanged);

    bool startedDisabled = false;
    whenModal<RoomDialog>([&startedDisabled](RoomDialog& dialog) {
        RoomForm form(dialog);
        startedDisabled = !form.save->isEnabled(); // no name yet
        QTest::keyClicks(form.name, QStringLiteral("Garden room"));
        form.kind->setEditText(QStringLiteral(" Mat "));
        form.save->click();
    });
    REQUIRE(page.addRoom());
    CHECK(startedDisabled);
    CHECK(changed.count() == 1);
    CHECK(page.message() == u"Added Garden room.");
    CHECK(clinic.names().last() == u"Garden room"); // new rooms go last
    const Id garden = page.selectedRoomId();
    CHECK(clinic.stored(garden).kind == u"mat");

    // Enter on the row edits it.
    whenModal<RoomDialog>([](RoomDialog& dialog) {
        RoomForm form(dialog);
        form.name->setText(QStringLiteral("Garden"));
        form.save->click();
    });
    auto* table = child<QTableView>(page, "roomTable");
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Return);
    CHECK(clinic.stored(garden).name == u"Garden");
    CHECK(page.message() == u"Saved Garden.");
    CHECK(page.selectedRoomId() == garden);
    CHECK(changed.count() == 2);

    // Escape without changes closes at once; with changes it asks, and Discard writes nothing.
    const QString before = catalogSnapshot(*clinic.database);
    whenModal<RoomDialog>([](RoomDialog& dialog) { QTest::keyClick(&dialog, Qt::Key_Escape); });
    CHECK_FALSE(page.editSelectedRoom());
    bool asked = false;
    whenModal<RoomDialog>([&asked](RoomDialog& dialog) {
        RoomForm(dialog).name->setText(QStringLiteral("Something else"));
        whenModal<QMessageBox>([&asked](QMessageBox& box) {
            asked = true;
            box.button(QMessageBox::Discard)->click();
        });
        QTest::keyClick(&dialog, Qt::Key_Escape);
    });
    CHECK_FALSE(page.editSelectedRoom());
    CHECK(asked);
    CHECK(catalogSnapshot(*clinic.database) == before);
    CHECK(changed.count() == 2);

    // Save in the question saves the form as it stands, like the form's own Save.
    whenModal<RoomDialog>([](RoomDialog& dialog) {
        RoomForm(dialog).name->setText(QStringLiteral("Garden by the window"));
        whenModal<QMessageBox>([](QMessageBox& box) { box.button(QMessageBox::Save)->click(); });
        QTest::keyClick(&dialog, Qt::Key_Escape);
    });
    CHECK(page.editSelectedRoom());
    CHECK(page.message() == u"Saved Garden by the window.");
    CHECK(RoomRepository(*clinic.database).byId(garden).value().name == u"Garden by the window");
    CHECK(checker.problems().isEmpty());
}

TEST_CASE("Every problem of the room form shows next to its field and nothing is written",
          "[gui][rooms]")
{
    Rooms clinic;
    const QString before = catalogSnapshot(*clinic.database);
    RoomDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor),
                      clinic.matRoom);
    dialog.show();
    RoomForm form(dialog);
    REQUIRE(form.name->text() == u"Mat room");
    CHECK(form.kind->currentText() == u"mat");
    CHECK_FALSE(form.save->isEnabled()); // nothing changed yet

    const auto expect = [&](const char* label, const QString& message) {
        INFO(label << ": " << message);
        CHECK(form.error(label) == message);
        CHECK_FALSE(form.save->isEnabled());
        QTest::keyClick(form.name, Qt::Key_Return);
        CHECK(dialog.isVisible());
    };
    form.name->clear();
    expect("nameError", QStringLiteral("Enter the room's name."));
    form.name->setText(QStringLiteral("TABLE a"));
    expect("nameError", QStringLiteral("Another room is already called Table A."));
    form.name->setText(QStringLiteral("old room"));
    expect("nameError", QStringLiteral("A retired room is already called Old room: reactivate it "
                                       "instead, or choose another name."));
    form.name->setText(QString(101, QLatin1Char('r')));
    expect("nameError", QStringLiteral("The name is too long (at most 100 characters)."));
    form.name->setText(QStringLiteral("Mat room 2"));
    CHECK(form.error("nameError").isEmpty());
    form.kind->setEditText(QString());
    expect("kindError",
           QStringLiteral("Enter the kind of room, like table or mat: massage types ask for one."));
    form.kind->setEditText(QString(51, QLatin1Char('k')));
    expect("kindError", QStringLiteral("The kind is too long (at most 50 characters)."));
    form.kind->setEditText(QStringLiteral("mat"));
    CHECK(form.save->isEnabled());
    CHECK(catalogSnapshot(*clinic.database) == before);

    whenModal<QMessageBox>([](QMessageBox& box) { box.button(QMessageBox::Discard)->click(); });
    dialog.reject();
    CHECK_FALSE(dialog.isVisible());
    CHECK(catalogSnapshot(*clinic.database) == before);
}

TEST_CASE("Retiring a room with bookings to come lists them on the page and retires nothing",
          "[gui][rooms]")
{
    Rooms clinic;
    RoomsPage& page = *clinic.page;
    masahista::test::ModelChecker checker(page.model());
    const QString before = catalogSnapshot(*clinic.database);
    REQUIRE(page.selectRoom(clinic.tableB));
    auto* retire = child<QPushButton>(page, "retireButton");

    retire->click();
    CHECK(page.message().startsWith(u"Table B still has 1 booked appointment"));
    CHECK(page.message().contains(u"to another room or cancel"));
    CHECK(page.blockingLines() ==
          QStringList{QStringLiteral("2026-11-26 | 10:00 | Zoe | Ana | Swedish")});
    CHECK(QApplication::activeModalWidget() == nullptr); // on the page, not in a message box
    CHECK(catalogSnapshot(*clinic.database) == before);
    // The refusal was about Table B: turning to another room takes it away.
    REQUIRE(page.selectRoom(clinic.tableA));
    CHECK(page.message().isEmpty());
    REQUIRE(page.selectRoom(clinic.tableB));

    // Unticking it in the form is the same retirement, refused the same way.
    {
        RoomDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor),
                          clinic.tableB);
        dialog.show();
        RoomForm form(dialog);
        form.active->setChecked(false);
        REQUIRE(form.save->isEnabled());
        form.save->click();
        CHECK(dialog.isVisible());
        CHECK(form.error("errorLabel")
                  .contains(u"2026-11-26 10:00, Zoe with Ana (Swedish, Table B)"));
        CHECK(catalogSnapshot(*clinic.database) == before);
        whenModal<QMessageBox>([](QMessageBox& box) { box.button(QMessageBox::Discard)->click(); });
        dialog.reject();
    }

    // The desk moves the visit to Table A; then Table B can go, and the booking dialog no
    // longer offers it.
    ChangeRequest move;
    move.appointmentId = clinic.coming.id;
    move.roomId = clinic.tableA;
    REQUIRE(clinic.service.change(move, clinic.actor).ok());
    QSignalSpy changed(&page, &RoomsPage::catalogChanged);
    retire->click();
    CHECK(page.message() == u"Table B is retired: it keeps its history and takes no new bookings.");
    CHECK(page.blockingLines().isEmpty());
    CHECK(changed.count() == 1);
    CHECK_FALSE(clinic.names().contains(u"Table B"));
    CHECK_FALSE(clinic.stored(clinic.tableB).active);
    gui::BookingDialog booking(
        masahista::test::session(*clinic.database, clinic.clock, clinic.actor));
    auto* types = child<QComboBox>(booking, "typeCombo");
    types->setCurrentIndex(types->findData(clinic.swedish));
    auto* rooms = child<QComboBox>(booking, "roomCombo");
    CHECK(rooms->findData(clinic.tableB) < 0);
    CHECK(rooms->findData(clinic.tableA) >= 0);

    child<QCheckBox>(page, "showRetiredCheck")->setChecked(true);
    REQUIRE(page.selectRoom(clinic.tableB));
    retire->click();
    CHECK(page.message() == u"Table B takes bookings again.");
    CHECK(clinic.stored(clinic.tableB).active);
    CHECK(checker.problems().isEmpty());
}

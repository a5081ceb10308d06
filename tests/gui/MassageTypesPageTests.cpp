#include "GuiTestSupport.h"
#include "ModalDialogs.h"
#include "booking/BookingFixture.h"
#include "booking/clients/ClientService.h"
#include "booking/demo/DemoClinic.h"
#include "data/AppointmentRepository.h"
#include "data/MassageTypeRepository.h"
#include "gui/MassageTypesPage.h"
#include "gui/dialogs/BookingDialog.h"
#include "gui/dialogs/MassageTypeDialog.h"
#include "gui/models/MassageTypeTableModel.h"
#include "support/CatalogSnapshot.h"
#include "support/TestSupport.h"

#include <QBrush>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace masahista;
using masahista::gui::MassageTypeDialog;
using masahista::gui::MassageTypesPage;
using masahista::gui::MassageTypeTableModel;
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

// The form's widgets, found once.
struct TypeForm
{
    explicit TypeForm(MassageTypeDialog& shown)
        : dialog(shown)
        , name(child<QLineEdit>(shown, "nameEdit"))
        , description(child<QPlainTextEdit>(shown, "descriptionEdit"))
        , modality(child<QComboBox>(shown, "modalityCombo"))
        , buffer(child<QSpinBox>(shown, "bufferSpin"))
        , roomKind(child<QComboBox>(shown, "roomKindCombo"))
        , color(child<QLineEdit>(shown, "colorEdit"))
        , active(child<QCheckBox>(shown, "activeCheck"))
        , options(child<QTableWidget>(shown, "optionsTable"))
        , save(child<QDialogButtonBox>(shown, "buttons")->button(QDialogButtonBox::Save))
    {}

    QSpinBox* minutes(int row) const
    {
        return qobject_cast<QSpinBox*>(options->cellWidget(row, MassageTypeDialog::MinutesColumn));
    }
    QLineEdit* price(int row) const
    {
        return qobject_cast<QLineEdit*>(options->cellWidget(row, MassageTypeDialog::PriceColumn));
    }
    QCheckBox* offered(int row) const
    {
        return qobject_cast<QCheckBox*>(options->cellWidget(row, MassageTypeDialog::OfferedColumn));
    }
    // The text of an error label, empty while it is hidden.
    QString error(const char* labelName) const
    {
        auto* label = child<QLabel>(dialog, labelName);
        return label->isVisibleTo(&dialog) ? label->text() : QString();
    }

    MassageTypeDialog& dialog;
    QLineEdit* name;
    QPlainTextEdit* description;
    QComboBox* modality;
    QSpinBox* buffer;
    QComboBox* roomKind;
    QLineEdit* color;
    QCheckBox* active;
    QTableWidget* options;
    QPushButton* save;
};

// The hand-built clinic with the page open on it, and Zoe's Swedish visits of yesterday and
// tomorrow with Ana in Table B.
struct TypesPage : BookingFixture
{
    TypesPage()
    {
        BookingRequest before = request(ana, swedish, 60, at(today.addDays(-1), 10));
        before.roomId = tableB;
        before.overrideReason = QStringLiteral("Entered after the visit");
        past = booked(before);
        BookingRequest after = request(ana, swedish, 60, at(today.addDays(1), 10));
        after.roomId = tableB;
        coming = booked(after);
        // The fixture leaves the colours empty, which the editor's rules refuse.
        MassageTypeRepository repository(*database);
        for (const Id id : {swedish, hotStone, thai}) {
            MassageType type = repository.byId(id).value();
            type.color = QStringLiteral("#4caf50");
            REQUIRE(repository.update(type).ok());
        }
        page =
            std::make_unique<MassageTypesPage>(masahista::test::session(*database, clock, actor));
        page->resize(1000, 600);
        page->show();
        REQUIRE(QTest::qWaitForWindowExposed(page.get()));
    }

    QStringList names() const
    {
        QStringList list;
        const MassageTypeTableModel* model = page->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            list.append(model->index(row, MassageTypeTableModel::NameColumn).data().toString());
        }
        return list;
    }

    MassageType stored(Id id) const
    {
        Result<MassageType> type = MassageTypeRepository(*database).byId(id);
        REQUIRE(type.ok());
        return *type;
    }

    std::unique_ptr<MassageTypesPage> page;
    Appointment past;
    Appointment coming;
};

} // namespace

TEST_CASE("The massage types page lists the types, who may give each and who works today",
          "[gui][types]")
{
    TypesPage clinic;
    MassageTypesPage& page = *clinic.page;
    masahista::test::ModelChecker checker(page.model());

    // In the clinic's order; all have the same sort order here, so by name.
    CHECK(clinic.names() == QStringList{QStringLiteral("Hot stone"), QStringLiteral("Swedish"),
                                        QStringLiteral("Thai on the mat")});
    CHECK(page.selectedTypeId() == clinic.hotStone); // the first row is chosen for the reader
    CHECK(page.therapistsText() == u"Qualified: Ana. Working today: Ana.");
    REQUIRE(page.selectType(clinic.swedish));
    CHECK(page.therapistsText() ==
          u"Qualified: Ana, Cara. Working today: Ana, Cara."); // Ben is retired
    auto* details = child<QLabel>(page, "detailsLabel");
    CHECK(details->text().contains(u"Swedish certification"));
    CHECK(details->text().contains(u"30 min $54.00, 60 min $108.00, 90 min $162.00"));
    REQUIRE(page.selectType(clinic.thai));
    CHECK(page.therapistsText() == u"Qualified: Cara. Working today: Cara.");
    CHECK(child<QPushButton>(page, "retireButton")->text() == u"&Retire");

    // On 3 December Ana is away all day: qualified, but not working.
    clinic.clock.set(clinic.at(QDate(2026, 12, 3), 9));
    page.reload();
    REQUIRE(page.selectType(clinic.swedish));
    CHECK(page.therapistsText() == u"Qualified: Ana, Cara. Working today: Cara.");
    REQUIRE(page.selectType(clinic.hotStone));
    CHECK(page.therapistsText() == u"Qualified: Ana. None of them works today.");

    // Ana's hot stone certificate runs out at the end of the year.
    clinic.clock.set(clinic.at(QDate(2027, 1, 4), 9));
    page.reload();
    REQUIRE(page.selectType(clinic.hotStone));
    CHECK(page.therapistsText() ==
          u"Nobody can perform it today: no active therapist holds a valid Hot stone "
          u"certification.");

    CHECK_FALSE(page.selectType(clinic.retired));
    child<QCheckBox>(page, "showRetiredCheck")->setChecked(true);
    REQUIRE(page.model()->rowCount() == 4);
    REQUIRE(page.selectType(clinic.retired));
    const QModelIndex retiredRow = page.model()->indexOf(clinic.retired);
    CHECK(retiredRow.data(Qt::ForegroundRole).canConvert<QBrush>());
    CHECK(retiredRow.data(MassageTypeTableModel::ActiveRole).toBool() == false);
    CHECK(child<QPushButton>(page, "retireButton")->text() == u"Re&activate");
    CHECK(details->text().contains(u"Retired"));
    CHECK(checker.problems().isEmpty());
}

TEST_CASE("A new massage type is created through the page's form", "[gui][types]")
{
    TypesPage clinic;
    MassageTypesPage& page = *clinic.page;
    masahista::test::ModelChecker checker(page.model());
    QSignalSpy changed(&page, &MassageTypesPage::catalogChanged);
    REQUIRE(page.selectType(clinic.thai));

    bool saveWasEnabledEarly = true;
    whenModal<MassageTypeDialog>([&saveWasEnabledEarly](MassageTypeDialog& dialog) {
        TypeForm form(dialog);
        // A new form starts invalid: no name, no price.
        saveWasEnabledEarly = form.save->isEnabled();
        QTest::keyClicks(form.name, QStringLiteral("Lomi lomi"));
        form.description->setPlainText(QStringLiteral("Long flowing strokes."));
        form.modality->setCurrentIndex(form.modality->findText(QStringLiteral("Swedish")));
        form.roomKind->setEditText(QStringLiteral("table"));
        form.price(0)->setText(QStringLiteral("95"));
        child<QPushButton>(dialog, "addOptionButton")->click();
        form.price(1)->setText(QStringLiteral("$130.50"));
        form.save->click();
    });
    REQUIRE(page.addType());
    CHECK_FALSE(saveWasEnabledEarly);
    CHECK(changed.count() == 1);
    CHECK(page.message() == u"Added Lomi lomi.");
    CHECK(clinic.names().last() == u"Lomi lomi"); // new types go to the end
    const Id id = page.selectedTypeId();
    const MassageType lomi = clinic.stored(id);
    CHECK(lomi.name == u"Lomi lomi");
    CHECK(lomi.description == u"Long flowing strokes.");
    CHECK(lomi.requiredModalityName == u"Swedish");
    CHECK(lomi.roomKind == u"table");
    CHECK(lomi.bufferMinutes == 15);
    REQUIRE(lomi.options.size() == 2);
    CHECK(lomi.option(60)->priceCents == 9500);
    CHECK(lomi.option(90)->priceCents == 13050); // the next length, half an hour on
    CHECK(page.model()
              ->index(page.model()->indexOf(id).row(), MassageTypeTableModel::DurationsColumn)
              .data()
              .toString() == u"60 min $95.00 · 90 min $130.50");
    CHECK(page.therapistsText() == u"Qualified: Ana, Cara. Working today: Ana, Cara.");
    CHECK(checker.problems().isEmpty());
}

TEST_CASE("Every problem of the massage type form shows next to its field and nothing is written",
          "[gui][types]")
{
    TypesPage clinic;
    const QString before = catalogSnapshot(*clinic.database);
    MassageTypeDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor),
                             clinic.thai);
    dialog.show();
    TypeForm form(dialog);
    REQUIRE(form.name->text() == u"Thai on the mat");
    CHECK_FALSE(form.save->isEnabled()); // nothing changed yet
    CHECK(form.error("nameError").isEmpty());

    // Each bad input in turn, each put right before the next.
    const auto expect = [&](const char* label, const QString& message) {
        INFO(label << ": " << message);
        CHECK(form.error(label) == message);
        CHECK_FALSE(form.save->isEnabled());
        // Enter (the default button) saves nothing either.
        QTest::keyClick(form.name, Qt::Key_Return);
        CHECK(dialog.isVisible());
    };
    form.name->clear();
    expect("nameError", QStringLiteral("Enter the massage type's name."));
    form.name->setText(QStringLiteral("hot STONE"));
    expect("nameError", QStringLiteral("Another massage type is already called Hot stone."));
    form.name->setText(QStringLiteral("retired"));
    expect("nameError", QStringLiteral("A retired massage type is already called Retired: "
                                       "reactivate it instead, or choose another name."));
    form.name->setText(QString(101, QLatin1Char('n')));
    expect("nameError", QStringLiteral("The name is too long (at most 100 characters)."));
    form.name->setText(QStringLiteral("Thai on the mat"));
    CHECK(form.error("nameError").isEmpty());

    form.description->setPlainText(QString(2001, QLatin1Char('d')));
    expect("descriptionError",
           QStringLiteral("The description is too long (at most 2000 characters)."));
    form.description->clear();

    form.buffer->setValue(150);
    expect("bufferError", QStringLiteral("The cleanup time must be between 0 and 120 minutes."));
    form.buffer->setValue(0);

    form.roomKind->setEditText(QString(51, QLatin1Char('k')));
    expect("roomKindError", QStringLiteral("The room kind is too long (at most 50 characters)."));
    form.roomKind->setEditText(QStringLiteral("mat"));

    form.color->clear();
    expect("colorError", QStringLiteral("Choose a colour for the calendar."));
    form.color->setText(QStringLiteral("orange"));
    expect("colorError", QStringLiteral("orange is not a colour: use #rrggbb, like #8bc34a."));
    form.color->setText(QStringLiteral("#FF9800"));
    CHECK(form.error("colorError").isEmpty());

    REQUIRE(form.options->rowCount() == 1);
    form.minutes(0)->setValue(0);
    expect("optionsError", QStringLiteral("Length 1: enter the minutes."));
    form.minutes(0)->setValue(50);
    expect("optionsError", QStringLiteral("Length 1: 50 minutes is not a multiple of the clinic's "
                                          "15-minute booking grid."));
    CHECK(form.minutes(0)->toolTip() == form.error("optionsError"));
    form.minutes(0)->setValue(495);
    expect("optionsError", QStringLiteral("Length 1: at most 480 minutes."));
    form.minutes(0)->setValue(60);
    form.price(0)->setText(QStringLiteral("-5"));
    expect("optionsError", QStringLiteral("Length 1: the price cannot be negative."));
    form.price(0)->setText(QStringLiteral("ninety"));
    expect("optionsError", QStringLiteral("Length 1: \"ninety\" is not a price: enter dollars and "
                                          "cents, like 95.00."));
    form.price(0)->clear();
    expect("optionsError", QStringLiteral("Length 1: Enter the price, like 95.00."));
    form.price(0)->setText(QStringLiteral("100000.01"));
    expect("optionsError",
           QStringLiteral("Length 1: the price is more than $100000.00; check the amount."));
    form.price(0)->setText(QStringLiteral("108.00"));
    dialog.addOption();
    form.minutes(1)->setValue(60);
    form.price(1)->setText(QStringLiteral("100"));
    expect("optionsError", QStringLiteral("Length 2: 60 minutes is already listed above."));
    form.minutes(1)->setValue(90);
    form.offered(0)->setChecked(false);
    form.offered(1)->setChecked(false);
    expect("optionsError",
           QStringLiteral("Offer at least one length: otherwise nothing can be booked."));
    form.options->setCurrentCell(1, 0);
    child<QPushButton>(dialog, "removeOptionButton")->click();
    form.options->setCurrentCell(0, 0);
    child<QPushButton>(dialog, "removeOptionButton")->click();
    REQUIRE(form.options->rowCount() == 0);
    expect("optionsError", QStringLiteral("Add at least one length with its price."));

    CHECK(catalogSnapshot(*clinic.database) == before);
    // Closing with changes asks; Discard throws them away.
    bool asked = false;
    whenModal<QMessageBox>([&asked](QMessageBox& box) {
        asked = true;
        box.button(QMessageBox::Discard)->click();
    });
    QTest::keyClick(&dialog, Qt::Key_Escape);
    CHECK(asked);
    CHECK_FALSE(dialog.isVisible());
    CHECK(dialog.result() == QDialog::Rejected);
    CHECK(catalogSnapshot(*clinic.database) == before);
}

TEST_CASE("A massage type is edited through the page, and Escape cancels with no change",
          "[gui][types]")
{
    TypesPage clinic;
    MassageTypesPage& page = *clinic.page;
    masahista::test::ModelChecker checker(page.model());
    REQUIRE(page.selectType(clinic.thai));

    // Enter on the row opens the form; Escape without changes closes it at once.
    const QString before = catalogSnapshot(*clinic.database);
    bool opened = false;
    whenModal<MassageTypeDialog>([&opened](MassageTypeDialog& dialog) {
        opened = dialog.windowTitle() == u"Massage type: Thai on the mat";
        QTest::keyClick(&dialog, Qt::Key_Escape);
    });
    auto* table = child<QTableView>(page, "massageTypeTable");
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Return);
    CHECK(opened);
    CHECK(catalogSnapshot(*clinic.database) == before);

    // Changes, then Escape: asked, "Cancel" keeps editing, then Discard closes with no change.
    int questions = 0;
    whenModal<MassageTypeDialog>([&questions](MassageTypeDialog& dialog) {
        TypeForm form(dialog);
        form.price(0)->setText(QStringLiteral("1"));
        whenModal<QMessageBox>([&questions, &dialog](QMessageBox& box) {
            ++questions;
            box.button(QMessageBox::Cancel)->click();
            QTimer::singleShot(0, &dialog, [&questions, &dialog] {
                whenModal<QMessageBox>([&questions](QMessageBox& again) {
                    ++questions;
                    again.button(QMessageBox::Discard)->click();
                });
                QTest::keyClick(&dialog, Qt::Key_Escape);
            });
        });
        QTest::keyClick(&dialog, Qt::Key_Escape);
    });
    CHECK_FALSE(page.editSelectedType());
    CHECK(questions == 2);
    CHECK(catalogSnapshot(*clinic.database) == before);

    // A real edit: a new price, a colour and a longer cleanup.
    whenModal<MassageTypeDialog>([](MassageTypeDialog& dialog) {
        TypeForm form(dialog);
        form.price(0)->setText(QStringLiteral("99.50"));
        form.color->setText(QStringLiteral("#123ABC"));
        form.buffer->setValue(30);
        form.save->click();
    });
    REQUIRE(page.editSelectedType());
    const MassageType thai = clinic.stored(clinic.thai);
    CHECK(thai.option(60)->priceCents == 9950);
    CHECK(thai.color == u"#123abc");
    CHECK(thai.bufferMinutes == 30);
    CHECK(page.selectedTypeId() == clinic.thai); // the row stays chosen after the reload
    CHECK(page.message() == u"Saved Thai on the mat.");
    CHECK(checker.problems().isEmpty());
}

TEST_CASE("Retiring a type through the page lists what stands in the way, then takes it out of "
          "the booking dialog",
          "[gui][types]")
{
    TypesPage clinic;
    MassageTypesPage& page = *clinic.page;
    masahista::test::ModelChecker checker(page.model());
    const qint64 paid = clinic.past.priceCents;
    REQUIRE(page.selectType(clinic.swedish));
    const QString before = catalogSnapshot(*clinic.database);
    auto* retire = child<QPushButton>(page, "retireButton");

    retire->click();
    CHECK(page.message().startsWith(u"Swedish still has 1 booked appointment"));
    CHECK(page.blockingLines() ==
          QStringList{QStringLiteral("2026-11-26 | 10:00 | Zoe | Ana | Table B")});
    CHECK(QApplication::activeModalWidget() == nullptr); // listed on the page, no message box
    CHECK(catalogSnapshot(*clinic.database) == before);
    CHECK(clinic.names().contains(u"Swedish"));

    // The desk cancels tomorrow's visit; now it can go.
    REQUIRE(clinic.service.cancel(clinic.coming.id, QStringLiteral("Moved"), clinic.actor).ok());
    QSignalSpy changed(&page, &MassageTypesPage::catalogChanged);
    retire->click();
    CHECK(page.message() ==
          u"Swedish is retired: it keeps its history and is no longer offered for booking.");
    CHECK(page.blockingLines().isEmpty());
    CHECK(changed.count() == 1);
    CHECK_FALSE(clinic.names().contains(u"Swedish"));
    CHECK_FALSE(clinic.stored(clinic.swedish).active);

    gui::BookingDialog booking(
        masahista::test::session(*clinic.database, clinic.clock, clinic.actor));
    auto* types = child<QComboBox>(booking, "typeCombo");
    CHECK(types->findData(clinic.swedish) < 0);
    CHECK(types->findData(clinic.thai) >= 0);
    // Yesterday's visit keeps its name and what it cost.
    const ClientRecord zoe =
        ClientService(*clinic.database, clinic.clock).record(clinic.zoe).value();
    bool found = false;
    for (const CalendarEntry& entry : zoe.past) {
        if (entry.appointment.id == clinic.past.id) {
            found = true;
            CHECK(entry.serviceName == u"Swedish");
            CHECK(entry.appointment.priceCents == paid);
        }
    }
    CHECK(found);

    child<QCheckBox>(page, "showRetiredCheck")->setChecked(true);
    REQUIRE(page.selectType(clinic.swedish));
    CHECK(retire->text() == u"Re&activate");
    retire->click();
    CHECK(page.message() == u"Swedish is offered for booking again.");
    CHECK(clinic.stored(clinic.swedish).active);
    CHECK(retire->text() == u"&Retire");
    CHECK(checker.problems().isEmpty());
}

TEST_CASE("Unticking a type with bookings to come is refused in the form", "[gui][types]")
{
    TypesPage clinic;
    const QString before = catalogSnapshot(*clinic.database);
    MassageTypeDialog dialog(masahista::test::session(*clinic.database, clinic.clock, clinic.actor),
                             clinic.swedish);
    dialog.show();
    TypeForm form(dialog);
    form.active->setChecked(false);
    REQUIRE(form.save->isEnabled());
    form.save->click();
    CHECK(dialog.isVisible());
    CHECK(form.error("errorLabel").startsWith(u"Swedish still has 1 booked appointment"));
    CHECK(form.error("errorLabel").contains(u"2026-11-26 10:00, Zoe with Ana (Swedish, Table B)"));
    CHECK(catalogSnapshot(*clinic.database) == before);
}

TEST_CASE("The massage types page's screenshot", "[gui][types]")
{
    auto database = masahista::test::memoryDatabase();
    FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
    REQUIRE(DemoClinic::load(*database, QDate(2026, 11, 25), clock).ok());
    MassageTypesPage page(
        masahista::test::session(*database, clock, Actor{QStringLiteral("Owner")}));
    page.resize(1366, 560); // as wide as the window the README shows
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    REQUIRE(page.model()->rowCount() > 1);
    page.selectType(page.model()->typeAt(page.model()->index(1, 0))->id);
    QTest::qWait(50);
    CHECK(page.findChild<QTableView*>(QStringLiteral("massageTypeTable"))->currentIndex().row() ==
          1);
    masahista::test::screenshot(page, QStringLiteral("massage-types.png"));
}

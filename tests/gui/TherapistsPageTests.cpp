#include "GuiTestSupport.h"
#include "booking/BookingFixture.h"
#include "booking/catalogue/TherapistService.h"
#include "booking/demo/DemoClinic.h"
#include "data/TherapistRepository.h"
#include "gui/TherapistProfile.h"
#include "gui/TherapistsPage.h"
#include "gui/dialogs/TherapistDialog.h"
#include "gui/models/TherapistListModel.h"
#include "support/TestSupport.h"

#include <QApplication>
#include <QBrush>
#include <QBuffer>
#include <QCheckBox>
#include <QColor>
#include <QDialogButtonBox>
#include <QDir>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>

#include <catch2/catch.hpp>

#include <functional>

using namespace masahista;
using masahista::gui::TherapistDialog;
using masahista::gui::TherapistListModel;
using masahista::gui::TherapistProfile;
using masahista::gui::TherapistsPage;
using masahista::test::BookingFixture;

namespace {

template <typename Widget>
Widget* child(QWidget& parent, const char* name)
{
    auto* found = parent.findChild<Widget*>(QString::fromLatin1(name));
    REQUIRE(found != nullptr);
    return found;
}

// Runs `handle` on the therapist editor once it is open, from inside its event loop.
void whenEditorOpens(std::function<void(TherapistDialog&)> handle)
{
    QTimer::singleShot(0, [handle = std::move(handle)] {
        auto* dialog = qobject_cast<TherapistDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog != nullptr);
        handle(*dialog);
    });
}

void save(TherapistDialog& dialog)
{
    QPushButton* button =
        child<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Save);
    REQUIRE(button->isEnabled());
    button->click();
}

// A drawn head-and-shoulders picture standing in for a photo.
QByteArray portrait(QColor background, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(background);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xf1, 0xd3, 0xb8));
    painter.drawEllipse(QPointF(width / 2.0, height * 0.38), width * 0.2, width * 0.24);
    painter.setBrush(QColor(0x37, 0x47, 0x4f));
    painter.drawEllipse(QPointF(width / 2.0, height * 1.05), width * 0.42, height * 0.42);
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    REQUIRE(image.save(&buffer, "PNG"));
    return png;
}

struct PageClinic : BookingFixture
{
    PageClinic()
    {
        Therapist withPhoto = stored(ana);
        withPhoto.teamRole = QStringLiteral("Team Leader");
        withPhoto.photo = portrait(QColor(0x90, 0xa4, 0xae), 300, 400);
        REQUIRE(TherapistRepository(*database).update(withPhoto).ok());
        Therapist withColor = stored(cara);
        withColor.calendarColor = QStringLiteral("#43a047");
        REQUIRE(TherapistRepository(*database).update(withColor).ok());
    }

    Therapist stored(Id id) { return TherapistRepository(*database).byId(id).value(); }

    std::unique_ptr<TherapistsPage> page()
    {
        auto built =
            std::make_unique<TherapistsPage>(masahista::test::session(*database, clock, actor));
        built->resize(1000, 640);
        built->show();
        REQUIRE(QTest::qWaitForWindowExposed(built.get()));
        return built;
    }
};

QStringList names(const TherapistListModel& model)
{
    QStringList shown;
    for (const Therapist& therapist : model.therapists()) {
        shown.append(therapist.displayName);
    }
    return shown;
}

QString profileText(TherapistsPage& page)
{
    return child<QTextBrowser>(page, "profileBrowser")->toPlainText();
}

} // namespace

TEST_CASE("The therapists page lists photos, names, titles and roles beside the profile",
          "[gui][therapists]")
{
    PageClinic clinic;
    auto page = clinic.page();
    TherapistListModel& model = *page->model();
    masahista::test::ModelChecker checker(&model);

    CHECK(names(model) == QStringList{QStringLiteral("Ana"), QStringLiteral("Cara")});
    const QModelIndex ana = model.indexOf(clinic.ana);
    const QModelIndex cara = model.indexOf(clinic.cara);
    CHECK(model.data(ana).toString() == u"Ana\nRegistered Massage Therapist · Team Leader");
    CHECK(model.data(ana, Qt::ToolTipRole).toString() ==
          u"Registered Massage Therapist\nTeam Leader");
    // The photo as a thumbnail; without one, the calendar colour.
    const QIcon thumbnail = model.data(ana, Qt::DecorationRole).value<QIcon>();
    REQUIRE_FALSE(thumbnail.isNull());
    const QSize shown = thumbnail.actualSize(QSize(48, 48));
    CHECK(shown.height() == 48);
    CHECK(shown.width() == 36);
    CHECK(model.data(cara, Qt::DecorationRole).userType() == QMetaType::QColor);

    // The first therapist is selected and shown as the clinic's web page shows them.
    CHECK(page->currentTherapistId() == clinic.ana);
    const QString profile = profileText(*page);
    CHECK(profile.contains(u"Ana"));
    CHECK(profile.contains(u"Team Leader"));
    CHECK(profile.contains(u"Hot stone, certified Jan 1, 2021, expires Dec 31, 2026"));
    CHECK(profile.contains(u"Weekly hours"));
    auto* browser = child<QTextBrowser>(*page, "profileBrowser");
    const QUrl photoUrl = TherapistProfile::photoUrl(clinic.stored(clinic.ana));
    const QImage photo =
        browser->document()->resource(QTextDocument::ImageResource, photoUrl).value<QImage>();
    CHECK(photo.size() == QSize(135, 180));
    CHECK(browser->toHtml().contains(photoUrl.toString()));

    page->selectTherapist(clinic.cara);
    CHECK(profileText(*page).contains(u"Traditional Thai"));
    CHECK_FALSE(browser->toHtml().contains(photoUrl.toString()));

    // Retired therapists on request, greyed out and said to be retired.
    auto* showRetired = child<QCheckBox>(*page, "showRetiredCheck");
    showRetired->setChecked(true);
    CHECK(names(model) ==
          QStringList{QStringLiteral("Ana"), QStringLiteral("Ben"), QStringLiteral("Cara")});
    CHECK(page->currentTherapistId() == clinic.cara);
    const QModelIndex ben = model.indexOf(clinic.ben);
    CHECK(model.data(ben).toString() == u"Ben\nRegistered Massage Therapist · retired");
    CHECK(model.data(ben, Qt::ForegroundRole).canConvert<QBrush>());
    showRetired->setChecked(false);
    CHECK(names(model) == QStringList{QStringLiteral("Ana"), QStringLiteral("Cara")});
    CHECK(checker.problems().isEmpty());
}

TEST_CASE("A therapist is created and edited from the therapists page", "[gui][therapists]")
{
    PageClinic clinic;
    auto page = clinic.page();
    masahista::test::ModelChecker checker(page->model());
    QSignalSpy changed(page.get(), &TherapistsPage::therapistsChanged);

    // New…: the editor opens empty; the new therapist is listed and shown once saved.
    whenEditorOpens([](TherapistDialog& dialog) {
        CHECK(dialog.windowTitle() == u"New therapist");
        QTest::keyClicks(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("Dana K"));
        child<QLineEdit>(dialog, "titleEdit")->setText(QStringLiteral("Massage Therapist"));
        save(dialog);
    });
    child<QPushButton>(*page, "newButton")->click();
    CHECK(changed.count() == 1);
    CHECK(names(*page->model()) ==
          QStringList{QStringLiteral("Ana"), QStringLiteral("Cara"), QStringLiteral("Dana K")});
    const Id dana = page->currentTherapistId();
    CHECK(clinic.stored(dana).displayName == u"Dana K");
    CHECK(profileText(*page).contains(u"Massage Therapist"));

    // Enter on the list edits the selected therapist.
    auto* list = child<QListView>(*page, "therapistList");
    list->setFocus();
    whenEditorOpens([](TherapistDialog& dialog) {
        CHECK(dialog.windowTitle() == u"Therapist: Dana K");
        child<QLineEdit>(dialog, "teamRoleEdit")->setText(QStringLiteral("Front desk lead"));
        save(dialog);
    });
    QTest::keyClick(list, Qt::Key_Return);
    CHECK(changed.count() == 2);
    CHECK(page->currentTherapistId() == dana);
    CHECK(clinic.stored(dana).teamRole == u"Front desk lead");
    CHECK(profileText(*page).contains(u"Front desk lead"));
    CHECK(page->model()->data(page->model()->indexOf(dana)).toString() ==
          u"Dana K\nMassage Therapist · Front desk lead");

    // A double-click edits too; cancelling changes nothing.
    page->selectTherapist(clinic.ana);
    // The list lays out its rows lazily after a reload.
    QCoreApplication::processEvents();
    const QRect caraRow = list->visualRect(page->model()->indexOf(clinic.cara));
    REQUIRE(caraRow.height() > 0);
    // A click, then the double-click event the window system sends for the second one.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, caraRow.center());
    whenEditorOpens([](TherapistDialog& dialog) {
        CHECK(dialog.windowTitle() == u"Therapist: Cara");
        QTest::keyClick(&dialog, Qt::Key_Escape);
    });
    QMouseEvent doubleClick(QEvent::MouseButtonDblClick, caraRow.center(),
                            list->viewport()->mapToGlobal(caraRow.center()), Qt::LeftButton,
                            Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(list->viewport(), &doubleClick);
    CHECK(changed.count() == 2);
    CHECK(page->currentTherapistId() == clinic.cara);

    // Edit… with a retired therapist saved: the list shows retired ones, so it stays in view.
    page->selectTherapist(dana);
    whenEditorOpens([](TherapistDialog& dialog) {
        child<QCheckBox>(dialog, "activeCheck")->setChecked(false);
        save(dialog);
    });
    child<QPushButton>(*page, "editButton")->click();
    CHECK_FALSE(clinic.stored(dana).active);
    CHECK(child<QCheckBox>(*page, "showRetiredCheck")->isChecked());
    CHECK(page->currentTherapistId() == dana);
    CHECK(checker.problems().isEmpty());
}

TEST_CASE("Retiring from the therapists page is refused while appointments are booked",
          "[gui][therapists]")
{
    PageClinic clinic;
    const Appointment booked = clinic.booked(clinic.request(
        clinic.ana, clinic.swedish, 60, clinic.at(clinic.today.addDays(1), 10), clinic.yan));
    auto page = clinic.page();
    masahista::test::ModelChecker checker(page->model());
    QSignalSpy changed(page.get(), &TherapistsPage::therapistsChanged);
    auto* retire = child<QPushButton>(*page, "retireButton");

    REQUIRE(page->currentTherapistId() == clinic.ana);
    CHECK(retire->text() == u"Ret&ire");
    retire->click();
    CHECK(page->message() ==
          u"Ana still has 1 booked appointment; move it to another therapist or cancel "
          u"it first:\n2026-11-26 10:00, Yan with Ana (Swedish, Table A)");
    CHECK(child<QLabel>(*page, "messageLabel")->styleSheet().contains(u"#c62828"));
    CHECK(clinic.stored(clinic.ana).active);
    CHECK(changed.isEmpty());

    REQUIRE(clinic.service.cancel(booked.id, QStringLiteral("Moved away"), clinic.actor).ok());
    retire->click();
    CHECK_FALSE(clinic.stored(clinic.ana).active);
    CHECK(changed.count() == 1);
    CHECK(page->message() ==
          u"Ana is retired: kept with their history, offered for no new bookings. Tick \"Show "
          u"retired therapists\" to see them.");
    CHECK(names(*page->model()) == QStringList{QStringLiteral("Cara")});
    CHECK(page->currentTherapistId() == clinic.cara);

    REQUIRE(page->selectTherapist(clinic.ana));
    CHECK(child<QCheckBox>(*page, "showRetiredCheck")->isChecked());
    CHECK(retire->text() == u"Re&activate");
    CHECK(profileText(*page).contains(u"Inactive"));
    retire->click();
    CHECK(clinic.stored(clinic.ana).active);
    CHECK(changed.count() == 2);
    CHECK(page->message() == u"Ana is active again and can be booked.");
    CHECK(retire->text() == u"Ret&ire");
    CHECK(page->currentTherapistId() == clinic.ana);
    CHECK(checker.problems().isEmpty());
}

TEST_CASE("Hours and time off is asked for the selected therapist", "[gui][therapists]")
{
    PageClinic clinic;
    auto page = clinic.page();
    QSignalSpy requested(page.get(), &TherapistsPage::hoursRequested);
    page->selectTherapist(clinic.cara);
    child<QPushButton>(*page, "hoursButton")->click();
    REQUIRE(requested.count() == 1);
    CHECK(requested.at(0).at(0).value<Id>() == clinic.cara);
}

TEST_CASE("An empty clinic's therapists page offers New only", "[gui][therapists]")
{
    auto database = masahista::test::memoryDatabase();
    const FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
    TherapistsPage page(masahista::test::session(*database, clock, Actor{QStringLiteral("Owner")}));
    page.show();
    CHECK(page.model()->rowCount() == 0);
    CHECK(page.currentTherapistId() == 0);
    CHECK(profileText(page).contains(u"The clinic has no therapists yet"));
    CHECK(child<QPushButton>(page, "newButton")->isEnabled());
    CHECK_FALSE(child<QPushButton>(page, "editButton")->isEnabled());
    CHECK_FALSE(child<QPushButton>(page, "retireButton")->isEnabled());
    CHECK_FALSE(child<QPushButton>(page, "hoursButton")->isEnabled());
}

TEST_CASE("The therapists page follows changes made by another connection", "[gui][therapists]")
{
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("clinic.sqlite"));
    auto database = masahista::test::fileDatabase(path);
    const FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
    Therapist eve;
    eve.displayName = QStringLiteral("Eve");
    eve.calendarColor = QStringLiteral("#43a047");
    const Id eveId = TherapistRepository(*database).add(eve).value();

    TherapistsPage page(masahista::test::session(*database, clock, Actor{QStringLiteral("Owner")}));
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    masahista::test::ModelChecker checker(page.model());
    REQUIRE(page.currentTherapistId() == eveId);

    // Another window of the app, through its own connection.
    {
        auto other = masahista::test::fileDatabase(path);
        TherapistService service(*other, clock);
        Therapist changed = TherapistRepository(*other).byId(eveId).value();
        changed.title = QStringLiteral("Registered Massage Therapist");
        REQUIRE(service.save(changed, Actor{QStringLiteral("Other desk")}).ok());
        Therapist fay;
        fay.displayName = QStringLiteral("Fay");
        fay.calendarColor = QStringLiteral("#8e24aa");
        fay.sortOrder = 2;
        REQUIRE(service.save(fay, Actor{QStringLiteral("Other desk")}).ok());
    }
    REQUIRE(QTest::qWaitFor([&page] { return page.model()->rowCount() == 2; }, 5000));
    CHECK(names(*page.model()) == QStringList{QStringLiteral("Eve"), QStringLiteral("Fay")});
    CHECK(page.currentTherapistId() == eveId);
    CHECK(profileText(page).contains(u"Registered Massage Therapist"));
    CHECK(checker.problems().isEmpty());
}

TEST_CASE("The therapist profile's screenshot", "[gui][therapists]")
{
    auto database = masahista::test::memoryDatabase();
    const FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
    REQUIRE(DemoClinic::load(*database, QDate(2026, 11, 25), clock).ok());
    TherapistRepository therapists(*database);
    Id shownId = 0;
    for (Therapist therapist : therapists.all().value()) {
        // The demo has no photos; a drawn one shows where a photo goes.
        therapist.photo = portrait(QColor::fromString(therapist.calendarColor), 300, 400);
        REQUIRE(therapists.update(therapist).ok());
        if (therapist.displayName == u"Eden L") {
            shownId = therapist.id;
        }
    }
    TherapistsPage page(masahista::test::session(*database, clock, Actor{QStringLiteral("Owner")}));
    page.resize(1100, 720);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    REQUIRE(page.selectTherapist(shownId));
    QCoreApplication::processEvents();
    CHECK(page.findChild<QTextBrowser*>(QStringLiteral("profileBrowser"))
              ->toPlainText()
              .contains(u"Eden L"));
    masahista::test::screenshot(page, QStringLiteral("therapist-profile.png"));
}

TEST_CASE("The therapist list model keeps its rows when the same therapists come back",
          "[gui][therapists]")
{
    TherapistListModel model;
    masahista::test::ModelChecker checker(&model);
    model.setShowDetails(true);
    const auto therapist = [](Id id, const QString& name, const QByteArray& photo) {
        Therapist value;
        value.id = id;
        value.displayName = name;
        value.title = QStringLiteral("RMT");
        value.calendarColor = QStringLiteral("#e91e63");
        value.photo = photo;
        return value;
    };
    model.setTherapists({therapist(1, QStringLiteral("Ana"), {}),
                         therapist(2, QStringLiteral("Ben"), "not an image")});
    // An unreadable photo falls back to the colour swatch.
    CHECK(model.data(model.index(1, 0), Qt::DecorationRole).value<QColor>() ==
          QColor(0xe9, 0x1e, 0x63));
    CHECK(model.data(model.index(1, 0), TherapistListModel::DetailsRole).toString() == u"RMT");

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    const QPersistentModelIndex ben = model.index(1, 0);
    model.setTherapists(
        {therapist(1, QStringLiteral("Ana"), {}),
         therapist(2, QStringLiteral("Ben K"), portrait(QColor(Qt::gray), 40, 40))});
    CHECK(resets.isEmpty());
    CHECK(changes.count() == 1);
    CHECK(ben.isValid());
    CHECK(model.data(ben).toString() == u"Ben K\nRMT");
    CHECK(model.data(ben, Qt::DecorationRole).userType() == QMetaType::QIcon);

    model.setShowDetails(false);
    CHECK(model.data(ben).toString() == u"Ben K");
    CHECK(model.data(ben, Qt::AccessibleTextRole).toString() == u"Ben K, RMT");

    // Another set of therapists is a new list.
    model.setTherapists({therapist(3, QStringLiteral("Cara"), {})});
    CHECK(resets.count() == 1);
    CHECK_FALSE(ben.isValid());
    CHECK(model.indexOf(3) == model.index(0, 0));
    CHECK_FALSE(model.indexOf(1).isValid());
    CHECK(checker.problems().isEmpty());
}

#include "GuiTestSupport.h"
#include "booking/Clock.h"
#include "booking/demo/DemoClinic.h"
#include "booking/engine/Schedule.h"
#include "data/ScheduleRepository.h"
#include "data/SettingsRepository.h"
#include "data/TherapistRepository.h"
#include "gui/Appearance.h"
#include "gui/CalendarPage.h"
#include "gui/ClientsPage.h"
#include "gui/MainWindow.h"
#include "gui/MassageTypesPage.h"
#include "gui/MyDayPage.h"
#include "gui/Preferences.h"
#include "gui/RoomsPage.h"
#include "gui/TherapistsPage.h"
#include "gui/calendar/DayPanel.h"
#include "gui/calendar/DayView.h"
#include "gui/dialogs/HoursDialog.h"
#include "gui/dialogs/SettingsDialog.h"
#include "gui/models/MassageTypeTableModel.h"
#include "support/TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimeZone>
#include <QTimer>

#include <catch2/catch.hpp>

using masahista::gui::MainWindow;
using masahista::gui::MassageTypeTableModel;

namespace {

// The demo's "today", 09:00 in Edmonton.
const masahista::Clock& windowClock()
{
    static const masahista::FixedClock clock(
        QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
    return clock;
}

void loadDemo(masahista::Database& database)
{
    const masahista::FixedClock clock(
        QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
    const masahista::Result<masahista::DemoSummary> loaded =
        masahista::DemoClinic::load(database, QDate(2026, 11, 25), clock);
    INFO((loaded ? QString() : loaded.error().message));
    REQUIRE(loaded.ok());
}

template <typename Widget>
Widget* child(QObject& parent, const char* name)
{
    auto* found = parent.findChild<Widget*>(QString::fromLatin1(name));
    REQUIRE(found != nullptr);
    return found;
}

QString profileText(MainWindow& window)
{
    return child<QTextBrowser>(*window.therapistsPage(), "profileBrowser")->toPlainText();
}

QListView* therapistList(MainWindow& window)
{
    return child<QListView>(*window.therapistsPage(), "therapistList");
}

QAbstractItemModel* roomRows(MainWindow& window)
{
    return child<QTableView>(*window.roomsPage(), "roomTable")->model();
}

QAbstractItemModel* massageTypeRows(MainWindow& window)
{
    return child<QTableView>(*window.massageTypesPage(), "massageTypeTable")->model();
}

// Makes the list's current row the therapist of that name, as a click would.
void selectTherapist(MainWindow& window, const QString& name)
{
    auto* list = therapistList(window);
    const QModelIndexList matches = list->model()->match(
        list->model()->index(0, 0), Qt::DisplayRole, name, 1, Qt::MatchStartsWith);
    REQUIRE(matches.size() == 1);
    list->setCurrentIndex(matches.constFirst());
}

} // namespace

TEST_CASE("The main window shows the demo clinic's therapists, massage types and rooms", "[gui]")
{
    auto database = masahista::test::memoryDatabase();
    loadDemo(*database);
    auto settings = masahista::SettingsRepository(*database).load();
    REQUIRE(settings.ok());
    REQUIRE_FALSE(settings->name.isEmpty());

    MainWindow window(masahista::test::session(*database, windowClock()));
    window.show();

    // The demo says in the title bar that its data is made up.
    CHECK(window.windowTitle() == QStringLiteral("Masahista — ") + settings->name +
                                      QStringLiteral(" (demo clinic, made-up data)"));
    CHECK(child<QLabel>(window, "loadErrorLabel")->isHidden());

    auto* therapists = therapistList(window);
    REQUIRE(therapists->model()->rowCount() == 9);
    // The first therapist is chosen, so the profile is never blank on start.
    CHECK(therapists->currentIndex().row() == 0);
    CHECK(profileText(window).contains(therapists->model()->index(0, 0).data().toString()));

    selectTherapist(window, QStringLiteral("Eden L"));
    const QString eden = profileText(window);
    CHECK(eden.contains(QStringLiteral("Eden L")));
    CHECK(eden.contains(QStringLiteral("Thai oil on the mat")));
    CHECK(eden.contains(QStringLiteral("Makami College")));
    CHECK(eden.contains(QStringLiteral("Weekly hours")));
    CHECK(eden.contains(QStringLiteral("Monday")));

    const QAbstractItemModel* types = massageTypeRows(window);
    CHECK(types->rowCount() >= 10);
    for (int row = 0; row < types->rowCount(); ++row) {
        const QString lengths =
            types->index(row, MassageTypeTableModel::DurationsColumn).data().toString();
        INFO(types->index(row, MassageTypeTableModel::NameColumn).data().toString());
        CHECK(lengths.contains(QStringLiteral(" min $")));
    }

    CHECK(roomRows(window)->rowCount() == 4);
    CHECK(child<QTabWidget>(window, "tabs")->count() == 6);
    CHECK(child<QTabWidget>(window, "tabs")->tabText(0) == QStringLiteral("&Calendar"));
}

TEST_CASE("The main window on an empty clinic", "[gui]")
{
    auto database = masahista::test::memoryDatabase();
    MainWindow window(masahista::test::session(*database, windowClock()));

    CHECK(window.windowTitle() == QStringLiteral("Masahista"));
    // A real clinic's name, without the demo's warning.
    masahista::ClinicSettings named = masahista::SettingsRepository(*database).load().value();
    named.name = QStringLiteral("Riverside Massage");
    REQUIRE(masahista::SettingsRepository(*database).save(named).ok());
    MainWindow renamed(masahista::test::session(*database, windowClock()));
    CHECK(renamed.windowTitle() == QStringLiteral("Masahista — Riverside Massage"));
    CHECK(therapistList(window)->model()->rowCount() == 0);
    CHECK(massageTypeRows(window)->rowCount() == 0);
    CHECK(roomRows(window)->rowCount() == 0);
    CHECK(profileText(window).contains(QStringLiteral("no therapists yet")));
    CHECK(child<QLabel>(window, "databasePathLabel")->text().contains(QStringLiteral("memory")));
}

TEST_CASE("The main window names its database file and has Quit and About", "[gui]")
{
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("clinic.sqlite"));
    auto database = masahista::test::fileDatabase(path);
    MainWindow window(masahista::test::session(*database, windowClock()));

    CHECK(child<QLabel>(window, "databasePathLabel")->text() ==
          QStringLiteral("Database: ") + QDir::toNativeSeparators(path));
    auto* quit = child<QAction>(window, "actionQuit");
    CHECK(quit->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Q));
    CHECK_FALSE(child<QAction>(window, "actionAbout")->text().isEmpty());

    window.show();
    REQUIRE(window.isVisible());
    window.resize(1200, 700);
    quit->trigger();
    CHECK_FALSE(window.isVisible());

    // Closing remembers where the window was, for the next start to restore.
    const QByteArray geometry =
        masahista::gui::preferences()->value(QStringLiteral("window/geometry")).toByteArray();
    masahista::gui::preferences()->remove(QStringLiteral("window/geometry"));
    MainWindow again(masahista::test::session(*database, windowClock()));
    REQUIRE(again.restoreGeometry(geometry));
    CHECK(again.size() == QSize(1200, 700));
}

TEST_CASE("The main window shows a therapist's typed text as text, never as markup", "[gui]")
{
    auto database = masahista::test::memoryDatabase();
    masahista::Therapist therapist;
    therapist.displayName = QStringLiteral("<b>Ann</b> & Bo");
    therapist.bio = QStringLiteral("<script>alert(1)</script> <a href=\"x\">link</a>");
    auto added = masahista::TherapistRepository(*database).add(therapist);
    REQUIRE(added.ok());
    REQUIRE(masahista::ScheduleRepository(*database)
                .setWeeklyHours(*added, {{2, 9 * 60, 17 * 60}})
                .ok());

    MainWindow window(masahista::test::session(*database, windowClock()));
    auto* list = therapistList(window);
    REQUIRE(list->model()->rowCount() == 1);
    CHECK(list->model()->index(0, 0).data().toString() == QStringLiteral("<b>Ann</b> & Bo"));

    auto* profile = child<QTextBrowser>(*window.therapistsPage(), "profileBrowser");
    const QString text = profile->toPlainText();
    CHECK(text.contains(QStringLiteral("<b>Ann</b> & Bo")));
    CHECK(text.contains(QStringLiteral("<script>alert(1)</script> <a href=\"x\">link</a>")));
    CHECK(text.contains(QStringLiteral("Tuesday")));
    CHECK(text.contains(QStringLiteral("09:00–17:00")));
    CHECK_FALSE(profile->toHtml().contains(QStringLiteral("href=\"x\"")));
}

TEST_CASE("The main window reports a part it cannot read and still shows the rest", "[gui]")
{
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("clinic.sqlite"));
    auto database = masahista::test::fileDatabase(path);
    loadDemo(*database);

    // Another program breaks the file under Masahista's feet.
    masahista::test::executeRawSql(path,
                                   {QStringLiteral("ALTER TABLE rooms RENAME TO rooms_elsewhere")});

    MainWindow window(masahista::test::session(*database, windowClock()));
    // The rooms page says so itself, in the page; the rest of the clinic is there.
    CHECK(window.roomsPage()->message().contains(QStringLiteral("rooms")));
    CHECK(roomRows(window)->rowCount() == 0);
    CHECK(therapistList(window)->model()->rowCount() == 9);
    CHECK(massageTypeRows(window)->rowCount() > 0);
}

TEST_CASE("Only the calendar is built at start, each other page when its tab is opened", "[gui]")
{
    auto database = masahista::test::memoryDatabase();
    loadDemo(*database);
    MainWindow window(masahista::test::session(*database, windowClock()));
    window.show();
    QCoreApplication::processEvents();
    CHECK(window.calendarPage()->isVisible());
    CHECK(window.findChild<masahista::gui::TherapistsPage*>() == nullptr);
    CHECK(window.findChild<masahista::gui::ClientsPage*>() == nullptr);
    CHECK(window.findChild<masahista::gui::MyDayPage*>() == nullptr);

    // Opened with its key, as the desk would: built, shown, and holding the keyboard focus.
    auto* tabs = child<QTabWidget>(window, "tabs");
    tabs->setCurrentIndex(3);
    auto* therapists = window.findChild<masahista::gui::TherapistsPage*>();
    REQUIRE(therapists != nullptr);
    CHECK(therapists == window.therapistsPage());
    CHECK(therapists->isVisible());
    CHECK(tabs->currentWidget()->focusProxy() == therapists);
    CHECK(therapistList(window)->model()->rowCount() == 9);
    CHECK(window.findChild<masahista::gui::RoomsPage*>() == nullptr);

    // A page built by being asked for is wired like one opened: the clients page sends a
    // booking to the calendar.
    masahista::gui::ClientsPage* clients = window.clientsPage();
    CHECK_FALSE(clients->isVisible());
    tabs->setCurrentIndex(2);
    CHECK(clients->isVisible());
    CHECK(window.findChildren<masahista::gui::ClientsPage*>().size() == 1);
    const masahista::DaySchedule day =
        masahista::loadDaySchedule(*database, QDate(2026, 11, 26)).value();
    REQUIRE_FALSE(day.entries.isEmpty());
    Q_EMIT clients->appointmentActivated(day.entries.constFirst().appointment.id,
                                         QDate(2026, 11, 26));
    CHECK(tabs->currentWidget() == window.calendarPage());
    CHECK(window.calendarPage()->date() == QDate(2026, 11, 26));
}

TEST_CASE("The main window's menus carry icons, a theme choice and no clashing keys", "[gui]")
{
    auto database = masahista::test::memoryDatabase();
    loadDemo(*database);
    MainWindow window(masahista::test::session(*database, windowClock()));
    auto* tabs = child<QTabWidget>(window, "tabs");
    CHECK(tabs->widget(0) == window.calendarPage());
    CHECK(tabs->widget(1)->isAncestorOf(window.myDayPage()));
    CHECK(tabs->tabText(1).remove(QLatin1Char('&')) == u"My day");
    CHECK(tabs->widget(2)->isAncestorOf(window.clientsPage()));
    // Every page built, so that all their keys are counted below.
    REQUIRE(window.therapistsPage() != nullptr);
    REQUIRE(window.massageTypesPage() != nullptr);
    REQUIRE(window.roomsPage() != nullptr);

    QStringList menuTitles;
    QMenu* themeMenu = nullptr;
    for (QAction* menuAction : window.menuBar()->actions()) {
        QMenu* menu = menuAction->menu();
        REQUIRE(menu != nullptr);
        menuTitles.append(menu->title().remove(QLatin1Char('&')));
        for (QAction* action : menu->actions()) {
            if (action->menu() != nullptr &&
                action->menu()->title().remove(QLatin1Char('&')) == u"Theme") {
                themeMenu = action->menu();
            }
            const QString title = menu->title().remove(QLatin1Char('&'));
            if ((title == u"Day" || title == u"Edit") && !action->isSeparator()) {
                INFO(action->text().toStdString());
                CHECK_FALSE(action->icon().isNull());
            }
        }
    }
    CHECK(menuTitles.contains(QStringLiteral("View")));
    REQUIRE(themeMenu != nullptr);
    CHECK(themeMenu->actions().size() == 3);

    // A key bound twice where both can fire at once makes Qt fire neither.
    QHash<QKeySequence, QString> windowWide;
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->shortcutContext() != Qt::WindowShortcut &&
            action->shortcutContext() != Qt::ApplicationShortcut) {
            continue;
        }
        for (const QKeySequence& key : action->shortcuts()) {
            INFO(key.toString().toStdString() + " " + action->text().toStdString());
            CHECK_FALSE(windowWide.contains(key));
            windowWide.insert(key, action->text());
        }
    }
}

TEST_CASE("The whole window fits a 1366 by 768 screen, in the light and the dark palette", "[gui]")
{
    auto database = masahista::test::memoryDatabase();
    loadDemo(*database);
    MainWindow window(masahista::test::session(*database, windowClock()));
    // Each page, once opened, must fit too.
    REQUIRE(window.myDayPage() != nullptr);
    REQUIRE(window.clientsPage() != nullptr);
    REQUIRE(window.therapistsPage() != nullptr);
    REQUIRE(window.massageTypesPage() != nullptr);
    REQUIRE(window.roomsPage() != nullptr);
    // A laptop screen less a task bar and the window's title bar.
    const QSize screen(1366, 768 - 40 - 30);
    CHECK(window.minimumSizeHint().width() <= screen.width());
    CHECK(window.minimumSizeHint().height() <= screen.height());
    window.resize(screen);
    window.show();
    QCoreApplication::processEvents();

    const QPalette light = QApplication::palette();
    for (const bool dark : {false, true}) {
        QApplication::setPalette(dark ? masahista::gui::Appearance::darkPalette() : light);
        QCoreApplication::processEvents();
        const QImage image = window.grab().toImage();
        REQUIRE_FALSE(image.isNull());
        // The page's background follows the palette.
        const QColor corner = image.pixelColor(image.width() - 5, image.height() / 2);
        CHECK(masahista::gui::Appearance::isDark(QApplication::palette()) == dark);
        CHECK((corner.lightness() < 128) == dark);
        masahista::test::saveScreenshot(image, dark ? QStringLiteral("main-window-dark.png")
                                                    : QStringLiteral("main-window.png"));
    }
    QApplication::setPalette(light);
    QCoreApplication::processEvents();

    // A therapist's own day, as the My day tab shows it.
    child<QTabWidget>(window, "tabs")->setCurrentWidget(window.myDayPage());
    for (const masahista::Therapist& therapist :
         masahista::TherapistRepository(*database).all().value()) {
        if (therapist.displayName == u"Mary Angelie M") {
            window.myDayPage()->setTherapist(therapist.id);
        }
    }
    // The choice is remembered; later tests start from none.
    masahista::gui::preferences()->remove(QStringLiteral("myDay/therapist"));
    QCoreApplication::processEvents();
    CHECK(window.myDayPage()->dayText().contains(u"Free"));
    masahista::test::saveScreenshot(window.grab().toImage(), QStringLiteral("my-day.png"));
}

TEST_CASE("File, Clinic settings renames the clinic in the window's title", "[gui]")
{
    auto database = masahista::test::memoryDatabase();
    loadDemo(*database);
    MainWindow window(masahista::test::session(*database, windowClock()));
    REQUIRE(window.settingsAction() != nullptr);
    QTimer::singleShot(0, [] {
        auto* dialog =
            qobject_cast<masahista::gui::SettingsDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog != nullptr);
        dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit"))
            ->setText(QStringLiteral("Healing Hands North"));
        dialog->accept();
    });
    window.settingsAction()->trigger();
    CHECK(window.windowTitle().contains(u"Healing Hands North"));
}

TEST_CASE("An appointment picked in the hours dialog is shown in the calendar", "[gui]")
{
    auto database = masahista::test::memoryDatabase();
    loadDemo(*database);
    MainWindow window(masahista::test::session(*database, windowClock()));
    window.show();
    const masahista::DaySchedule day =
        masahista::loadDaySchedule(*database, QDate(2026, 11, 26)).value();
    REQUIRE_FALSE(day.entries.isEmpty());
    const masahista::Appointment& target = day.entries.constFirst().appointment;

    QTimer::singleShot(0, [&target] {
        auto* dialog =
            qobject_cast<masahista::gui::HoursDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog != nullptr);
        Q_EMIT dialog->appointmentActivated(target.id, QDate(2026, 11, 26));
    });
    Q_EMIT window.therapistsPage()->hoursRequested(target.therapistId);
    CHECK(child<QTabWidget>(window, "tabs")->currentWidget() == window.calendarPage());
    CHECK(window.calendarPage()->date() == QDate(2026, 11, 26));
    CHECK(window.calendarPage()->dayPanel()->dayView()->selectedAppointment() == target.id);
}

TEST_CASE("View, Compact day shows more than four and a half hours at 1366 by 768, and is "
          "remembered",
          "[gui]")
{
    auto database = masahista::test::memoryDatabase();
    loadDemo(*database);
    const QString key = QStringLiteral("calendar/compactDay");
    masahista::gui::preferences()->remove(key);
    MainWindow window(masahista::test::session(*database, windowClock()));
    window.resize(1366, 768 - 40 - 30);
    window.show();
    QCoreApplication::processEvents();
    QAction* compact = window.calendarPage()->compactDayAction();
    REQUIRE(compact != nullptr);
    // Offered in the View menu, and chosen at first for a screen as short as this one.
    QList<QAction*> viewActions;
    for (QAction* menu : window.menuBar()->actions()) {
        if (menu->text() == u"&View") {
            viewActions = menu->menu()->actions();
        }
    }
    CHECK(viewActions.contains(compact));
    const bool shortScreen = masahista::gui::DayView::compactSuits(
        QGuiApplication::primaryScreen()->availableGeometry().height());
    CHECK(compact->isChecked() == shortScreen);

    masahista::gui::DayPanel* panel = window.calendarPage()->dayPanel();
    compact->setChecked(false);
    QCoreApplication::processEvents();
    const int comfortable = panel->visibleMinutes();
    compact->setChecked(true);
    QCoreApplication::processEvents();
    CHECK(panel->isCompact());
    CHECK(panel->visibleMinutes() > 270);
    CHECK(panel->visibleMinutes() > comfortable);

    // The next window starts as this one was left.
    CHECK(masahista::gui::preferences()->value(key).toBool());
    compact->setChecked(false);
    {
        MainWindow next(masahista::test::session(*database, windowClock()));
        CHECK_FALSE(next.calendarPage()->compactDayAction()->isChecked());
        CHECK_FALSE(next.calendarPage()->dayPanel()->isCompact());
    }
    masahista::gui::preferences()->remove(key);
}

TEST_CASE("At start the arrow keys walk the day's cards, from the first one in view", "[gui]")
{
    auto database = masahista::test::memoryDatabase();
    loadDemo(*database);
    MainWindow window(masahista::test::session(*database, windowClock()));
    window.resize(1366, 768 - 40 - 30);
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    masahista::gui::DayView* day = window.calendarPage()->dayPanel()->dayView();
    CHECK(QApplication::focusWidget() == day);
    REQUIRE(day->selectedAppointment() == 0);

    // The day opens an hour before now (09:00): the first card in view is the first at or
    // after 08:00 that shows.
    QWidget* focused = QApplication::focusWidget();
    REQUIRE(focused != nullptr);
    QTest::keyClick(focused, Qt::Key_Down);
    const masahista::Id first = day->selectedAppointment();
    REQUIRE(first != 0);
    const QRect visible = day->visibleRegion().boundingRect();
    CHECK(visible.intersects(day->dayLayout().cardRect(first).toAlignedRect()));
    QTest::keyClick(focused, Qt::Key_Down);
    CHECK(day->selectedAppointment() != first);
}

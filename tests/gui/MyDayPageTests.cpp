#include "GuiTestSupport.h"
#include "booking/BookingFixture.h"
#include "booking/clients/ClientService.h"
#include "booking/demo/DemoClinic.h"
#include "booking/engine/IcsCalendar.h"
#include "booking/engine/Schedule.h"
#include "data/ScheduleRepository.h"
#include "gui/MyDayPage.h"
#include "gui/Preferences.h"
#include "gui/print/DaySheet.h"
#include "support/TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimeZone>
#include <QToolButton>

using namespace masahista;
using masahista::gui::MyDayPage;
using masahista::test::BookingFixture;

namespace {

const QString therapistKey = QStringLiteral("myDay/therapist");
// Thursday, the day after the fixture's "now".
const QDate thursday(2026, 11, 26);

template <typename Widget>
Widget* child(MyDayPage& page, const char* name)
{
    auto* found = page.findChild<Widget*>(QString::fromLatin1(name));
    REQUIRE(found != nullptr);
    return found;
}

// Each piece is found in the text after the one before it.
void requireInOrder(const QString& text, const QStringList& pieces)
{
    INFO(text);
    qsizetype position = 0;
    for (const QString& piece : pieces) {
        INFO(piece);
        const qsizetype found = text.indexOf(piece, position);
        REQUIRE(found >= 0);
        position = found + piece.size();
    }
}

// The hand-built clinic with Ana's Thursday: Zoe at 10:00 (Swedish, with a note), Alice, who
// has health alerts, at 13:00 (Hot stone); and Cara's Yan at 10:00, who is not Ana's.
struct AnaDay : BookingFixture
{
    AnaDay()
    {
        // Each test starts as the first start does: nobody remembered.
        gui::preferences()->remove(therapistKey);

        Client client;
        client.fullName = QStringLiteral("Alice <Ash> & Co");
        client.phone = QStringLiteral("780 555 0177");
        client.healthAlerts.append({0, HealthAlertKind::Allergy, QStringLiteral("latex")});
        client.healthAlerts.append(
            {0, HealthAlertKind::Pregnancy, QStringLiteral("second trimester")});
        const Result<Id> added = ClientService(*database, clock).add(client);
        INFO((added ? QString() : added.error().message));
        REQUIRE(added.ok());
        alice = *added;
        allergy = IcsCalendar::alertText(client.healthAlerts.at(0));
        pregnancy = IcsCalendar::alertText(client.healthAlerts.at(1));

        BookingRequest zoeVisit = request(ana, swedish, 60, at(thursday, 10), zoe);
        zoeVisit.notes = QStringLiteral("Left shoulder <tight>");
        morning = booked(zoeVisit);
        afternoon = booked(request(ana, hotStone, 60, at(thursday, 13), alice));
        carasVisit = booked(request(cara, swedish, 60, at(thursday, 10), yan));
    }

    std::unique_ptr<MyDayPage> page()
    {
        auto built = std::make_unique<MyDayPage>(masahista::test::session(*database, clock));
        built->resize(1366, 768);
        built->show();
        return built;
    }

    Id alice = 0;
    QString allergy;
    QString pregnancy;
    Appointment morning;
    Appointment afternoon;
    Appointment carasVisit;
};

QString localSpan(const QDateTime& start, const QDateTime& end, const QTimeZone& zone)
{
    const auto time = [&zone](const QDateTime& instant) {
        return ClinicTime::formatMinute(
            ClinicTime::minuteOfDay(ClinicTime::toLocal(instant, zone)));
    };
    return time(start) + QStringLiteral("–") + time(end);
}

// The demo clinic in a file, for a second connection to change behind the page's back.
struct DemoFile
{
    DemoFile()
    {
        gui::preferences()->remove(therapistKey);
        database = test::fileDatabase(path);
        const Result<DemoSummary> loaded = DemoClinic::load(*database, demoDay, clock);
        INFO((loaded ? QString() : loaded.error().message));
        REQUIRE(loaded.ok());
    }

    // The therapist with the most appointments still to come on the day.
    Id busiestOn(QDate day)
    {
        const DaySchedule schedule = loadDaySchedule(*database, day).value();
        Id best = 0;
        int bestCount = 0;
        for (const Therapist& therapist : schedule.directory.therapists) {
            int count = 0;
            for (const CalendarEntry& entry : schedule.entries) {
                count +=
                    entry.appointment.therapistId == therapist.id && entry.appointment.holdsTime()
                        ? 1
                        : 0;
            }
            if (therapist.active && count > bestCount) {
                best = therapist.id;
                bestCount = count;
            }
        }
        REQUIRE(best != 0);
        return best;
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    const QDate demoDay{2026, 11, 25};
    FixedClock clock{QDateTime(demoDay, QTime(16, 0), QTimeZone::utc())};
    std::unique_ptr<Database> database;
};

} // namespace

TEST_CASE("My day lists the therapist's appointments in order with client, type, room, alerts "
          "and notes",
          "[gui][myday]")
{
    AnaDay clinic;
    auto page = clinic.page();
    CHECK(page->date() == clinic.today);
    CHECK(page->therapistId() == clinic.ana); // the first start: the first therapist
    page->showDate(thursday);
    CHECK(page->date() == thursday);
    CHECK(child<QDateEdit>(*page, "dateEdit")->date() == thursday);

    const QString text = page->dayText();
    requireInOrder(text, {QStringLiteral("Ana"),
                          QLocale().toString(thursday, QLocale::LongFormat),
                          QStringLiteral("Hours: 09:00–12:00, 12:30–17:00"),
                          QStringLiteral("2 appointment"),
                          QStringLiteral("Free 09:00–10:00, 1 h"),
                          QStringLiteral("10:00–11:00"),
                          QStringLiteral("booked"),
                          QStringLiteral("Zoe"),
                          QStringLiteral("(780) 555-0101"),
                          QStringLiteral("Swedish, 60 min · Room: Table A"),
                          QStringLiteral("Notes: Left shoulder <tight>"),
                          QStringLiteral("Free 11:15–12:00, 45 min"),
                          QStringLiteral("Free 12:30–13:00, 30 min"),
                          QStringLiteral("13:00–14:00"),
                          QStringLiteral("Alice <Ash> & Co"),
                          QStringLiteral("(780) 555-0177"),
                          QStringLiteral("Hot stone, 60 min · Room: Table A"),
                          clinic.allergy,
                          clinic.pregnancy,
                          QStringLiteral("Free 14:15–17:00, 2 h 45 min")});

    // Another therapist's appointment is not Ana's business.
    CHECK_FALSE(text.contains(QStringLiteral("Yan")));
    CHECK_FALSE(text.contains(QStringLiteral("Table B")));

    // Alerts stand out: red and bold; and names went in as text, never as markup.
    const QString html = page->dayHtml();
    CHECK(html.contains(QStringLiteral("#c62828")));
    CHECK(html.contains(QStringLiteral("font-weight:700")));
    CHECK_FALSE(html.contains(QStringLiteral("<Ash>")));
    CHECK_FALSE(html.contains(QStringLiteral("<tight>")));
}

TEST_CASE("My day's free gaps are the booking layer's free time", "[gui][myday]")
{
    AnaDay clinic;
    auto page = clinic.page();
    page->showDate(thursday);
    const DaySchedule day = loadDaySchedule(*clinic.database, thursday).value();
    const QList<TimeSpan> free =
        freeTime(thursday, day.directory, clinic.ana, day.entries, day.working);
    REQUIRE(free.size() == 4);
    const QString text = page->dayText();
    CHECK(text.count(QStringLiteral("Free ")) == free.size());
    for (const TimeSpan& span : free) {
        CHECK(text.contains(QStringLiteral("Free ") +
                            localSpan(span.start, span.end, day.directory.zone)));
    }

    // Cara's day has her own gaps, around her own appointment.
    page->setTherapist(clinic.cara);
    const QString caras = page->dayText();
    INFO(caras);
    CHECK(caras.contains(QStringLiteral("Yan")));
    CHECK(caras.contains(QStringLiteral("Room: Table B")));
    CHECK_FALSE(caras.contains(QStringLiteral("Zoe")));
    CHECK_FALSE(caras.contains(QStringLiteral("Alice")));
    CHECK(caras.contains(QStringLiteral("Free 09:00–10:00, 1 h")));
    CHECK(caras.contains(QStringLiteral("Free 11:15–17:00, 5 h 45 min")));
}

TEST_CASE("My day leaves cancelled appointments out unless asked to show them struck through",
          "[gui][myday]")
{
    AnaDay clinic;
    auto page = clinic.page();
    page->showDate(thursday);
    REQUIRE(clinic.service.cancel(clinic.afternoon.id, QStringLiteral("Flu"), clinic.actor).ok());
    page->reload();

    QString text = page->dayText();
    INFO(text);
    CHECK_FALSE(text.contains(QStringLiteral("Alice")));
    CHECK(text.contains(QStringLiteral("1 appointment")));
    CHECK(text.contains(QStringLiteral("1 cancelled appointment")));
    // Its time is free again.
    CHECK(text.contains(QStringLiteral("Free 12:30–17:00, 4 h 30 min")));

    child<QCheckBox>(*page, "showCancelledCheck")->setChecked(true);
    text = page->dayText();
    CHECK(text.contains(QStringLiteral("Alice")));
    CHECK(text.contains(QStringLiteral("cancelled")));
    CHECK(text.contains(QStringLiteral("Cancelled: Flu")));
    CHECK(text.contains(QStringLiteral("Free 12:30–17:00, 4 h 30 min")));
    CHECK(page->dayHtml().contains(QStringLiteral("line-through")));
}

TEST_CASE("My day remembers the chosen therapist for the next page", "[gui][myday]")
{
    AnaDay clinic;
    {
        auto first = clinic.page();
        CHECK(first->therapistId() == clinic.ana);
        // The fallback to the first therapist is not a choice: nothing is written.
        CHECK_FALSE(gui::preferences()->contains(therapistKey));

        auto* combo = child<QComboBox>(*first, "therapistCombo");
        // Active therapists only, with their colour swatches.
        CHECK(combo->count() == 2);
        CHECK(combo->findData(clinic.ben) < 0);
        CHECK_FALSE(combo->itemIcon(0).isNull());
        first->setTherapist(clinic.ben);
        CHECK(first->therapistId() == clinic.ana);

        first->setTherapist(clinic.cara);
        CHECK(first->therapistId() == clinic.cara);
        CHECK(combo->currentText() == QStringLiteral("Cara"));
        CHECK(gui::preferences()->value(therapistKey).toLongLong() == clinic.cara);
    }
    {
        auto second = clinic.page();
        CHECK(second->therapistId() == clinic.cara);
        auto* combo = child<QComboBox>(*second, "therapistCombo");
        CHECK(combo->currentText() == QStringLiteral("Cara"));

        // Picking in the list is a choice too.
        combo->setCurrentIndex(combo->findData(clinic.ana));
        CHECK(second->therapistId() == clinic.ana);
        second->showDate(thursday);
        CHECK(second->dayText().contains(QStringLiteral("Zoe")));
    }
    auto third = clinic.page();
    CHECK(third->therapistId() == clinic.ana);
}

TEST_CASE("My day says plainly when the therapist has a day off or is away", "[gui][myday]")
{
    AnaDay clinic;
    REQUIRE(ScheduleRepository(*clinic.database).setWeeklyHours(clinic.cara, {}).ok());
    REQUIRE(clinic.service.cancel(clinic.carasVisit.id, QString(), clinic.actor).ok());
    auto page = clinic.page();
    page->setTherapist(clinic.cara);
    page->showDate(thursday);
    QString text = page->dayText();
    INFO(text);
    CHECK(text.contains(QStringLiteral("Day off: not scheduled to work.")));
    CHECK(text.contains(QStringLiteral("No appointments.")));
    CHECK_FALSE(text.contains(QStringLiteral("Free ")));

    // Ana is away all of 3 December on a course.
    page->setTherapist(clinic.ana);
    page->showDate(QDate(2026, 12, 3));
    text = page->dayText();
    CHECK(text.contains(QStringLiteral("Hours: 09:00–12:00, 12:30–17:00")));
    CHECK(text.contains(QStringLiteral("Time off 00:00–24:00: Course")));
    CHECK(text.contains(QStringLiteral("No appointments.")));
    CHECK_FALSE(text.contains(QStringLiteral("Free ")));

    // A working day with nothing booked is one free stretch per working interval.
    page->showDate(QDate(2026, 12, 4));
    text = page->dayText();
    CHECK(text.contains(QStringLiteral("No appointments.")));
    CHECK(text.contains(QStringLiteral("Free 09:00–12:00, 3 h")));
    CHECK(text.contains(QStringLiteral("Free 12:30–17:00, 4 h 30 min")));
}

TEST_CASE("My day shows a booking made after it was built once reloaded, and prints the shared "
          "day sheet",
          "[gui][myday]")
{
    AnaDay clinic;
    auto page = clinic.page();
    page->showDate(thursday);
    CHECK_FALSE(page->dayText().contains(QStringLiteral("Yan")));

    BookingRequest later =
        clinic.request(clinic.ana, clinic.swedish, 90, clinic.at(thursday, 15), clinic.yan);
    later.notes = QStringLiteral("First visit");
    clinic.booked(later);
    page->reload();
    const QString text = page->dayText();
    requireInOrder(text, {QStringLiteral("Alice"), QStringLiteral("Free 14:15–15:00, 45 min"),
                          QStringLiteral("15:00–16:30"), QStringLiteral("Yan"),
                          QStringLiteral("Swedish, 90 min"), QStringLiteral("Notes: First visit")});
    CHECK(text.contains(QStringLiteral("3 appointment")));
    CHECK_FALSE(text.contains(QStringLiteral("Free 14:15–17:00")));

    // Printing is the day sheet's, for the therapist and day on screen.
    const DaySchedule day = loadDaySchedule(*clinic.database, thursday).value();
    CHECK(page->daySheetHtml() == gui::DaySheet::html(day, clinic.ana, clinic.clock.nowUtc()));
    CHECK(child<QPushButton>(*page, "printButton")->isEnabled());
    CHECK(child<QPushButton>(*page, "exportPdfButton")->isEnabled());
}

TEST_CASE("My day follows a change made through another connection, keeping the scroll",
          "[gui][myday]")
{
    DemoFile demo;
    const QDate day = demo.demoDay.addDays(1);
    const Id therapist = demo.busiestOn(day);
    MyDayPage page(masahista::test::session(*demo.database, demo.clock));
    // Short enough that the day scrolls.
    page.resize(1366, 220);
    page.show();
    page.setTherapist(therapist);
    page.showDate(day);

    const DaySchedule schedule = loadDaySchedule(*demo.database, day).value();
    Id changedId = 0;
    for (const CalendarEntry& entry : schedule.entries) {
        if (entry.appointment.therapistId == therapist && entry.appointment.holdsTime()) {
            changedId = entry.appointment.id;
        }
    }
    REQUIRE(changedId != 0);

    auto* scroll = child<QTextBrowser>(page, "dayBrowser")->verticalScrollBar();
    REQUIRE(scroll->maximum() > 20);
    scroll->setValue(scroll->maximum() / 2);
    const int place = scroll->value();
    page.reload();
    CHECK(scroll->value() == place);

    // The command line, a second window: any other connection to the same file.
    auto elsewhere = test::fileDatabase(demo.path);
    ChangeRequest change;
    change.appointmentId = changedId;
    change.notes = QStringLiteral("Bring the heat pack");
    const Result<Appointment> changed =
        BookingService(*elsewhere, demo.clock).change(change, Actor{QStringLiteral("desk 2")});
    INFO((changed ? QString() : changed.error().message));
    REQUIRE(changed.ok());

    CHECK(QTest::qWaitFor(
        [&] { return page.dayText().contains(QStringLiteral("Notes: Bring the heat pack")); },
        3000));
    CHECK(page.date() == day);
    CHECK(page.therapistId() == therapist);
    CHECK(scroll->value() == place);
}

TEST_CASE("My day shows a database error inline and recovers", "[gui][myday]")
{
    DemoFile demo;
    MyDayPage page(masahista::test::session(*demo.database, demo.clock));
    page.resize(1366, 768);
    page.show();
    REQUIRE(page.message().isEmpty());
    REQUIRE_FALSE(page.dayText().isEmpty());
    auto* label = child<QLabel>(page, "messageLabel");
    CHECK(label->isHidden());

    // Another program breaks the file under Masahista's feet.
    test::executeRawSql(demo.path, {QStringLiteral("ALTER TABLE rooms RENAME TO rooms_elsewhere")});
    page.reload();
    CHECK_FALSE(page.message().isEmpty());
    CHECK_FALSE(label->isHidden());
    CHECK(QApplication::activeModalWidget() == nullptr);
    CHECK(page.dayText().isEmpty()); // nothing stale under the message
    CHECK_FALSE(child<QPushButton>(page, "printButton")->isEnabled());

    // A page built on the broken file says so too.
    {
        MyDayPage broken(masahista::test::session(*demo.database, demo.clock));
        CHECK_FALSE(broken.message().isEmpty());
    }

    test::executeRawSql(demo.path, {QStringLiteral("ALTER TABLE rooms_elsewhere RENAME TO rooms")});
    page.reload();
    CHECK(page.message().isEmpty());
    CHECK(label->isHidden());
    CHECK_FALSE(page.dayText().isEmpty());
    CHECK(child<QPushButton>(page, "printButton")->isEnabled());
}

TEST_CASE("My day changes day from the keyboard and the buttons", "[gui][myday]")
{
    AnaDay clinic;
    auto page = clinic.page();
    page->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(page.get()));

    // The picker and the date are reached by Tab and named by Alt mnemonics on their labels.
    auto* combo = child<QComboBox>(*page, "therapistCombo");
    auto* dateEdit = child<QDateEdit>(*page, "dateEdit");
    CHECK((combo->focusPolicy() & Qt::TabFocus) != 0);
    CHECK((dateEdit->focusPolicy() & Qt::TabFocus) != 0);
    CHECK(child<QLabel>(*page, "therapistLabel")->buddy() == combo);
    CHECK(child<QLabel>(*page, "dateCaption")->buddy() == dateEdit);
    CHECK(dateEdit->calendarPopup());

    auto* browser = child<QTextBrowser>(*page, "dayBrowser");
    browser->setFocus();
    QTest::keyClick(browser, Qt::Key_PageDown);
    CHECK(page->date() == thursday);
    CHECK(page->dayText().contains(QStringLiteral("Zoe")));
    QTest::keyClick(browser, Qt::Key_PageUp);
    QTest::keyClick(browser, Qt::Key_PageUp);
    CHECK(page->date() == clinic.today.addDays(-1));

    QTest::mouseClick(child<QToolButton>(*page, "nextDayButton"), Qt::LeftButton);
    QTest::mouseClick(child<QToolButton>(*page, "nextDayButton"), Qt::LeftButton);
    CHECK(page->date() == thursday);
    QTest::mouseClick(child<QToolButton>(*page, "previousDayButton"), Qt::LeftButton);
    CHECK(page->date() == clinic.today);

    page->showDate(QDate(2026, 12, 24));
    QTest::mouseClick(child<QPushButton>(*page, "todayButton"), Qt::LeftButton);
    CHECK(page->date() == clinic.today);

    // Typing a date is a choice of day like any other.
    dateEdit->setDate(thursday);
    CHECK(page->date() == thursday);
    CHECK(page->dayText().contains(QStringLiteral("Alice")));
}

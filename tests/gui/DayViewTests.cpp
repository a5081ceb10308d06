#include "GuiTestSupport.h"
#include "booking/Clock.h"
#include "booking/demo/DemoClinic.h"
#include "booking/engine/Schedule.h"
#include "gui/calendar/DayLayout.h"
#include "gui/calendar/DayPanel.h"
#include "gui/calendar/DayView.h"
#include "support/TestSupport.h"

#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QHelpEvent>
#include <QImage>
#include <QPixmap>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QToolTip>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using masahista::AppointmentStatus;
using masahista::CalendarEntry;
using masahista::DaySchedule;
using masahista::Id;
using masahista::gui::DayLayout;
using masahista::gui::DayPanel;
using masahista::gui::DayView;

namespace {

const QDate demoDate(2026, 11, 25);

QDateTime demoNow()
{
    return QDateTime(demoDate, QTime(16, 0), QTimeZone::utc());
}

DaySchedule demoDay()
{
    auto database = masahista::test::memoryDatabase();
    const masahista::FixedClock clock(demoNow());
    const masahista::Result<masahista::DemoSummary> loaded =
        masahista::DemoClinic::load(*database, demoDate, clock);
    INFO((loaded ? QString() : loaded.error().message));
    REQUIRE(loaded.ok());
    masahista::Result<DaySchedule> day = masahista::loadDaySchedule(*database, demoDate);
    INFO((day ? QString() : day.error().message));
    REQUIRE(day.ok());
    return std::move(day).value();
}

// A shown, uncancelled appointment whose card is tall enough to grab.
const CalendarEntry* grabbableEntry(const DayView& view)
{
    for (const CalendarEntry& entry : view.schedule().entries) {
        if (entry.appointment.holdsTime() &&
            view.dayLayout().cardRect(entry.appointment.id).height() >= 40) {
            return &entry;
        }
    }
    return nullptr;
}

QPoint toPoint(QPointF point)
{
    return point.toPoint();
}

} // namespace

TEST_CASE("The day view shows the loaded appointments of the shown therapists", "[dayview]")
{
    const DaySchedule day = demoDay();
    const QList<Id> shown = DayLayout::therapistsOn(day);
    REQUIRE(shown.size() >= 2);
    DayView view;
    view.resize(1200, 800);
    view.setSchedule(day, shown, demoNow());
    view.show();
    const DayLayout& layout = view.dayLayout();
    REQUIRE(layout.columnCount() == shown.size());
    CHECK(view.minimumHeight() >= static_cast<int>(layout.height()));

    int drawn = 0;
    int cancelled = 0;
    for (const CalendarEntry& entry : day.entries) {
        const QRectF card = layout.cardRect(entry.appointment.id);
        if (!entry.appointment.holdsTime()) {
            ++cancelled;
            CHECK(card.isEmpty());
            continue;
        }
        REQUIRE(shown.contains(entry.appointment.therapistId));
        INFO(entry.clientName.toStdString());
        CHECK_FALSE(card.isEmpty());
        CHECK(layout.columnRect(layout.columnOf(entry.appointment.therapistId)).contains(card));
        CHECK(card.top() == Approx(layout.yAt(entry.appointment.startUtc)));
        ++drawn;
    }
    CHECK(drawn > 10);
    CHECK(layout.cards().size() == drawn);

    // Cancelled ones appear, faded, only when asked for.
    view.setShowCancelled(true);
    CHECK(view.dayLayout().cards().size() == drawn + cancelled);
    view.setShowCancelled(false);

    // Only chosen therapists get a column.
    view.setSchedule(day, {shown.at(1)}, demoNow());
    CHECK(view.dayLayout().columnCount() == 1);
    for (const DayLayout::Card& card : view.dayLayout().cards()) {
        CHECK(card.therapistId == shown.at(1));
    }
}

TEST_CASE("Clicking an empty working slot asks for a booking there", "[dayview]")
{
    const DaySchedule day = demoDay();
    const QList<Id> shown = DayLayout::therapistsOn(day);
    DayView view;
    view.resize(1200, 800);
    view.setSchedule(day, shown, demoNow());
    view.show();
    const DayLayout& layout = view.dayLayout();
    const int grid = view.gridMinutes();
    REQUIRE(grid == 15);

    // The first quarter hour in someone's hours that no appointment or cleanup touches.
    Id therapistId = 0;
    QDateTime slot;
    for (const Id candidate : shown) {
        for (const masahista::WeeklyInterval& interval : day.hoursOf(candidate)) {
            for (int minute = interval.startMinute;
                 minute + grid <= interval.endMinute && !slot.isValid(); minute += grid) {
                const QDateTime start(day.date, QTime(0, 0).addSecs(minute * 60),
                                      day.directory.zone);
                const QDateTime end = start.addSecs(grid * 60);
                const bool taken = std::any_of(
                    day.entries.cbegin(), day.entries.cend(), [&](const CalendarEntry& entry) {
                        return entry.appointment.therapistId == candidate &&
                               entry.appointment.startUtc < end &&
                               start < entry.appointment.bufferEndUtc;
                    });
                if (!taken) {
                    slot = start.toUTC();
                }
            }
        }
        if (slot.isValid()) {
            therapistId = candidate;
            break;
        }
    }
    REQUIRE(slot.isValid());

    QSignalSpy spy(&view, &DayView::emptySlotActivated);
    const QRectF column = layout.columnRect(layout.columnOf(therapistId));
    const QPoint point(static_cast<int>(column.center().x()),
                       static_cast<int>(layout.yAt(slot) + grid * layout.pixelsPerMinute() / 2));
    QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, point);
    REQUIRE(spy.count() == 1);
    CHECK(spy.at(0).at(0).value<Id>() == therapistId);
    CHECK(spy.at(0).at(1).toDateTime() == slot);
    CHECK(spy.at(0).at(2).toInt() == grid);
    CHECK(view.selectedAppointment() == 0);

    // Dragging over empty time asks for that length.
    spy.clear();
    QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, point);
    QTest::mouseMove(&view, point + QPoint(0, 10));
    QTest::mouseMove(&view, point + QPoint(0, static_cast<int>(30 * layout.pixelsPerMinute())));
    QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier,
                        point + QPoint(0, static_cast<int>(30 * layout.pixelsPerMinute())));
    REQUIRE(spy.count() == 1);
    CHECK(spy.at(0).at(1).toDateTime() == slot);
    CHECK(spy.at(0).at(2).toInt() == 45);
}

TEST_CASE("Cards are selected, activated, moved and stretched with the mouse", "[dayview]")
{
    const DaySchedule day = demoDay();
    const QList<Id> shown = DayLayout::therapistsOn(day);
    DayView view;
    view.resize(1200, 800);
    view.setSchedule(day, shown, demoNow());
    view.show();
    const DayLayout& layout = view.dayLayout();
    const CalendarEntry* entry = grabbableEntry(view);
    REQUIRE(entry != nullptr);
    const Id id = entry->appointment.id;
    const QRectF card = layout.cardRect(id);
    const QPoint centre = toPoint(card.center());

    QSignalSpy selected(&view, &DayView::appointmentSelected);
    QSignalSpy activated(&view, &DayView::appointmentActivated);
    QSignalSpy moved(&view, &DayView::appointmentMoveRequested);
    QSignalSpy resized(&view, &DayView::appointmentResizeRequested);
    QSignalSpy empty(&view, &DayView::emptySlotActivated);

    QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, centre);
    REQUIRE(selected.count() == 1);
    CHECK(selected.at(0).at(0).value<Id>() == id);
    CHECK(view.selectedAppointment() == id);
    CHECK(moved.isEmpty());
    CHECK(empty.isEmpty());

    QTest::mouseDClick(&view, Qt::LeftButton, Qt::NoModifier, centre);
    REQUIRE(activated.count() == 1);
    CHECK(activated.at(0).at(0).value<Id>() == id);

    QTest::keyClick(&view, Qt::Key_Return);
    CHECK(activated.count() == 2);

    SECTION("dragging the card by half an hour asks to move it")
    {
        const int dy = static_cast<int>(std::lround(30 * layout.pixelsPerMinute()));
        QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, centre);
        QTest::mouseMove(&view, centre + QPoint(0, 8));
        QTest::mouseMove(&view, centre + QPoint(0, dy));
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, centre + QPoint(0, dy));
        REQUIRE(moved.count() == 1);
        CHECK(moved.at(0).at(0).value<Id>() == id);
        CHECK(moved.at(0).at(1).value<Id>() == entry->appointment.therapistId);
        CHECK(moved.at(0).at(2).toDateTime() == entry->appointment.startUtc.addSecs(30 * 60));
        // Snapped back until the caller reloads.
        CHECK(view.dayLayout().cardRect(id) == card);
    }
    SECTION("dragging it sideways asks for another therapist")
    {
        const int column = layout.columnOf(entry->appointment.therapistId);
        const int other = column == 0 ? 1 : column - 1;
        const QPoint target(static_cast<int>(layout.columnRect(other).center().x()), centre.y());
        QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, centre);
        QTest::mouseMove(&view, (centre + target) / 2);
        QTest::mouseMove(&view, target);
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, target);
        REQUIRE(moved.count() == 1);
        CHECK(moved.at(0).at(1).value<Id>() == layout.therapistOf(other));
        CHECK(moved.at(0).at(2).toDateTime() == entry->appointment.startUtc);
    }
    SECTION("dragging the bottom edge asks for a new length")
    {
        const QPoint edge(centre.x(), static_cast<int>(card.bottom()) - 2);
        Id handle = 0;
        REQUIRE(layout.onResizeHandle(edge, &handle));
        REQUIRE(handle == id);
        const int dy = static_cast<int>(std::lround(15 * layout.pixelsPerMinute()));
        QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, edge);
        QTest::mouseMove(&view, edge + QPoint(0, 8));
        QTest::mouseMove(&view, edge + QPoint(0, dy));
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, edge + QPoint(0, dy));
        CHECK(moved.isEmpty());
        REQUIRE(resized.count() == 1);
        CHECK(resized.at(0).at(0).value<Id>() == id);
        CHECK(resized.at(0).at(1).toInt() == entry->appointment.durationMinutes + 15);
    }
    SECTION("a reload keeps the selection while the appointment is there")
    {
        view.setSchedule(day, shown, demoNow());
        CHECK(view.selectedAppointment() == id);
        view.setSchedule(day, {}, demoNow());
        CHECK(view.selectedAppointment() == 0);
        CHECK(selected.last().at(0).value<Id>() == 0);
    }
}

TEST_CASE("Arrow keys move the selection between cards and Enter opens it", "[dayview]")
{
    const DaySchedule day = demoDay();
    const QList<Id> shown = DayLayout::therapistsOn(day);
    DayPanel panel;
    panel.resize(1000, 500);
    panel.setSchedule(day, shown, demoNow());
    panel.show();
    DayView* view = panel.dayView();
    const DayLayout& layout = view->dayLayout();
    REQUIRE(layout.cards().size() >= 2);
    view->setFocus();
    QSignalSpy selected(view, &DayView::appointmentSelected);
    QSignalSpy activated(view, &DayView::appointmentActivated);

    QTest::keyClick(view, Qt::Key_Home);
    const Id first = layout.cardFrom(0, DayLayout::Step::First);
    CHECK(view->selectedAppointment() == first);
    QTest::keyClick(view, Qt::Key_Down);
    const Id below = layout.cardFrom(first, DayLayout::Step::Later);
    CHECK(view->selectedAppointment() == (below != 0 ? below : first));
    QTest::keyClick(view, Qt::Key_End);
    const Id last = layout.cardFrom(0, DayLayout::Step::Last);
    CHECK(view->selectedAppointment() == last);
    REQUIRE(selected.count() >= 2);
    CHECK(selected.constLast().at(0).value<Id>() == last);
    // The chosen card is scrolled into view.
    const QRect visible = view->visibleRegion().boundingRect();
    CHECK(visible.intersects(layout.cardRect(last).toAlignedRect()));

    QTest::keyClick(view, Qt::Key_Return);
    REQUIRE(activated.count() == 1);
    CHECK(activated.at(0).at(0).value<Id>() == last);
}

TEST_CASE("A card's tooltip and context menu come from the loaded entry", "[dayview]")
{
    const DaySchedule day = demoDay();
    DayView view;
    view.resize(1200, 800);
    view.setSchedule(day, DayLayout::therapistsOn(day), demoNow());
    view.show();
    const auto withAlert =
        std::find_if(day.entries.cbegin(), day.entries.cend(), [](const CalendarEntry& entry) {
            return entry.appointment.holdsTime() && !entry.healthAlerts.isEmpty();
        });
    REQUIRE(withAlert != day.entries.cend());
    const QPoint centre = toPoint(view.dayLayout().cardRect(withAlert->appointment.id).center());

    QHelpEvent help(QEvent::ToolTip, centre, view.mapToGlobal(centre));
    QCoreApplication::sendEvent(&view, &help);
    const QString tip = QToolTip::text();
    CHECK(tip.contains(withAlert->clientName.toHtmlEscaped()));
    CHECK(tip.contains(withAlert->serviceName.toHtmlEscaped()));
    CHECK(tip.contains(withAlert->healthAlerts.constFirst().detail.toHtmlEscaped()));
    QToolTip::hideText();

    QSignalSpy menu(&view, &DayView::appointmentContextMenuRequested);
    QContextMenuEvent context(QContextMenuEvent::Mouse, centre, view.mapToGlobal(centre));
    QCoreApplication::sendEvent(&view, &context);
    REQUIRE(menu.count() == 1);
    CHECK(menu.at(0).at(0).value<Id>() == withAlert->appointment.id);
    CHECK(view.selectedAppointment() == withAlert->appointment.id);
}

TEST_CASE("The day panel renders a readable day", "[dayview]")
{
    const DaySchedule day = demoDay();
    DayPanel panel;
    panel.resize(1366, 700);
    panel.setSchedule(day, DayLayout::therapistsOn(day), demoNow().addSecs(2 * 3600));
    panel.show();
    QCoreApplication::processEvents();
    panel.scrollToTime(QDateTime(day.date, QTime(10, 0), day.directory.zone));
    CHECK(panel.verticalScroll() > 0);
    const QImage image = panel.grab().toImage();
    REQUIRE_FALSE(image.isNull());
    CHECK(masahista::test::colourCount(image) > 20);

    masahista::test::saveScreenshot(image, QStringLiteral("day-view.png"));
}

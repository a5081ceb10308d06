#pragma once

#include "booking/engine/Schedule.h"
#include "domain/Id.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QTimeZone>

#include <utility>

namespace masahista::gui {

// Where everything of one day goes on screen: the time ruler, one column per shown therapist,
// the cards with their cleanup tails and lanes, shading. Plain values only, so that the
// geometry and hit-testing are tested without a widget, and painting never has to think.
//
// The vertical axis is elapsed time from the start of the visible span, not the wall clock:
// on the day the clocks fall back the repeated hour gets its own hour of space, and on the
// day they spring forward the skipped hour takes none. The ruler labels each line with the
// wall-clock time it stands for.
class DayLayout
{
public:
    static constexpr qreal rulerWidth = 58;
    static constexpr qreal topMargin = 12;
    static constexpr qreal bottomMargin = 12;
    static constexpr qreal resizeHandleHeight = 6;
    static constexpr int defaultFirstMinute = 8 * 60;
    static constexpr int defaultEndMinute = 21 * 60;

    struct Card
    {
        Id appointmentId = 0;
        Id therapistId = 0;
        int entryIndex = -1; // into DaySchedule::entries
        int column = -1;
        int lane = 0;
        int lanes = 1;
        bool cancelled = false;
        QRectF rect; // start to end
        QRectF tail; // end to the end of the cleanup buffer; empty without one
    };

    DayLayout() = default;
    DayLayout(const DaySchedule& day, const QList<Id>& shownTherapists, qreal width,
              qreal pixelsPerMinute, bool showCancelled = false);

    // The therapists who work on the day or have appointments on it, in the clinic's order.
    static QList<Id> therapistsOn(const DaySchedule& day);

    int columnCount() const { return static_cast<int>(m_therapists.size()); }
    Id therapistOf(int column) const;
    int columnOf(Id therapistId) const; // -1 when not shown
    QRectF columnRect(int column) const;
    int columnAt(qreal x) const; // -1 outside the columns
    Id therapistAt(qreal x) const;

    qreal width() const { return m_width; }
    qreal height() const;
    qreal pixelsPerMinute() const { return m_pixelsPerMinute; }
    // The visible span, in whole wall-clock hours.
    int firstHour() const { return m_firstHour; }
    int endHour() const { return m_endHour; }
    QDateTime visibleStartUtc() const { return m_visibleStart; }
    QDateTime visibleEndUtc() const { return m_visibleEnd; }

    qreal yAt(const QDateTime& utc) const;
    // The instant at y, snapped down to the grid in wall-clock minutes.
    QDateTime timeAt(qreal y, int gridMinutes) const;

    const QList<Card>& cards() const { return m_cards; } // in painting order
    const Card* card(Id appointmentId) const;
    QRectF cardRect(Id appointmentId) const; // empty when not shown
    Id appointmentAt(QPointF point) const;   // 0 if none
    bool onResizeHandle(QPointF point, Id* appointmentId) const;

    // Keyboard navigation between cards: which card a key leads to from `from` (0: none
    // selected yet). Returns 0 when there is nowhere to go.
    enum class Step
    {
        Earlier,    // the card above in the same column
        Later,      // the card below in the same column
        LeftColumn, // the card nearest in time in the nearest column to the left with cards
        RightColumn,
        First, // the day's earliest card
        Last
    };
    Id cardFrom(Id from, Step step) const;
    // The first card in reading order (by start, then left to right) that shows in `area`;
    // the day's first card when none does.
    Id firstCardIn(const QRectF& area) const;

    // Shading of a column: outside the therapist's working intervals (breaks included), and
    // their time off.
    QList<QRectF> offHoursRects(int column) const;
    QList<QRectF> timeOffRects(int column) const;

private:
    QList<const Card*> cardsInReadingOrder() const;
    QRectF band(int column, const QDateTime& fromUtc, const QDateTime& toUtc) const;
    void placeCards(const DaySchedule& day, bool showCancelled);

    QDate m_date;
    QTimeZone m_zone;
    QList<Id> m_therapists;
    QList<QList<std::pair<QDateTime, QDateTime>>> m_working; // per column, UTC
    QList<QList<std::pair<QDateTime, QDateTime>>> m_timeOff; // per column, UTC
    qreal m_width = 0;
    qreal m_pixelsPerMinute = 1;
    int m_firstHour = defaultFirstMinute / 60;
    int m_endHour = defaultEndMinute / 60;
    QDateTime m_visibleStart;
    QDateTime m_visibleEnd;
    QList<Card> m_cards;
};

} // namespace masahista::gui

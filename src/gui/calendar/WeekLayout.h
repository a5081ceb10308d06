#pragma once

#include "booking/engine/WeekSchedule.h"
#include "domain/Id.h"

#include <QDate>
#include <QList>
#include <QPointF>
#include <QRectF>

#include <utility>

namespace masahista::gui {

// Where everything of one therapist's week goes on screen: a header row of days, the time
// ruler, seven day columns and the cards. Plain values only, so that geometry and hit-testing
// are tested without a widget.
//
// Unlike DayLayout the vertical axis is the wall clock, not elapsed time: seven days share one
// ruler, and a day whose clocks change cannot stretch or shrink its own column. A card starts
// at its wall-clock start and is as tall as it lasts, so in the hour repeated when the clocks
// fall back two appointments may overlap; every card stays inside its column all the same.
class WeekLayout
{
public:
    static constexpr qreal rulerWidth = 58;
    static constexpr qreal headerHeight = 40;
    static constexpr qreal topMargin = 12;
    static constexpr qreal bottomMargin = 12;
    static constexpr int defaultFirstMinute = 8 * 60;
    static constexpr int defaultEndMinute = 21 * 60;
    static constexpr int dayCount = 7;

    struct Card
    {
        Id appointmentId = 0;
        int day = -1;        // column, 0 = Monday
        int entryIndex = -1; // into the day's DaySchedule::entries
        int lane = 0;
        int lanes = 1;
        QRectF rect;
    };

    WeekLayout() = default;
    // Cancelled appointments are left out: a week is for seeing what holds time.
    WeekLayout(const WeekSchedule& week, Id therapistId, qreal width, qreal pixelsPerMinute);

    QDate monday() const { return m_monday; }
    QDate dateOf(int day) const; // invalid outside 0..6
    int dayOf(QDate date) const; // -1 outside the week
    QRectF headerRect(int day) const;
    QRectF columnRect(int day) const; // below the header
    int dayAt(qreal x) const;         // -1 outside the columns
    QDate dateAt(qreal x) const;

    qreal width() const { return m_width; }
    qreal height() const;
    qreal pixelsPerMinute() const { return m_pixelsPerMinute; }
    int firstHour() const { return m_firstHour; }
    int endHour() const { return m_endHour; }
    qreal yAtMinute(int wallMinute) const;

    const QList<Card>& cards() const { return m_cards; }
    const Card* card(Id appointmentId) const;
    QRectF cardRect(Id appointmentId) const; // empty when not shown
    Id appointmentAt(QPointF point) const;   // 0 if none

    // Shading of a day: outside the therapist's working intervals, and their time off.
    QList<QRectF> offHoursRects(int day) const;
    QList<QRectF> timeOffRects(int day) const;

private:
    using MinuteSpan = std::pair<int, int>; // wall-clock minutes of the day, end exclusive

    QRectF band(int day, int fromMinute, int toMinute) const;

    QDate m_monday;
    QList<QList<MinuteSpan>> m_working; // per day, sorted
    QList<QList<MinuteSpan>> m_timeOff; // per day
    qreal m_width = 0;
    qreal m_pixelsPerMinute = 1;
    int m_firstHour = defaultFirstMinute / 60;
    int m_endHour = defaultEndMinute / 60;
    QList<Card> m_cards;
};

} // namespace masahista::gui

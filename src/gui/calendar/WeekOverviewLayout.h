#pragma once

#include "booking/engine/Schedule.h"
#include "booking/engine/WeekSchedule.h"
#include "domain/Id.h"

#include <QDate>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace masahista::gui {

// Where everything of the all-therapists week overview goes, and what each cell says: one row
// per therapist, one column per day from Monday to Sunday, a header row of days and a name
// column. Plain values only, so that the sums and the hit-testing are tested without a widget
// and painting never has to look into the schedule.
//
// Minutes are elapsed minutes, not wall-clock ones: on the day the clocks change a shift that
// spans the change is an hour longer or shorter, as the therapist lives it.
class WeekOverviewLayout
{
public:
    static constexpr int dayCount = 7;
    static constexpr qreal headerHeight = 40;
    static constexpr qreal minimumRowHeight = 34;
    // Beyond this, taller rows would only spread a few numbers thin.
    static constexpr qreal maximumRowHeight = 56;
    static constexpr qreal preferredNameWidth = 160;
    static constexpr qreal minimumNameWidth = 96;
    static constexpr qreal minimumDayWidth = 56;

    // What one therapist's day holds.
    struct CellSummary
    {
        Id therapistId = 0;
        QDate date;
        int appointments = 0;     // those that hold time and start on the day
        int bookedMinutes = 0;    // their lengths, cleanup left out
        int scheduledMinutes = 0; // the weekday's working hours
        int workingMinutes = 0;   // the same less time off
        int freeMinutes = 0;      // what could still take a booking, as freeTime() sees it
        QList<TimeSpan> free;
        bool off = false; // no working time left that day
    };

    struct Cell
    {
        int row = -1;
        int day = -1; // 0 = Monday

        bool isValid() const { return row >= 0 && day >= 0; }
        friend bool operator==(const Cell&, const Cell&) = default;
    };

    WeekOverviewLayout() = default;
    WeekOverviewLayout(const WeekSchedule& week, const QList<Id>& therapists, QSizeF size);

    // The therapists a week is shown for: the active ones, and inactive ones that still hold
    // appointments in it, in the clinic's order. The week panel's picker lists the same.
    static QList<Id> therapistsIn(const WeekSchedule& week);

    QDate monday() const { return m_monday; }
    QDate dateOf(int day) const; // invalid outside 0..6
    int dayOf(QDate date) const; // -1 outside the week

    int rowCount() const { return static_cast<int>(m_therapists.size()); }
    const QList<Id>& therapists() const { return m_therapists; }
    Id therapistOf(int row) const; // 0 outside the rows
    int rowOf(Id therapistId) const;

    QSizeF size() const { return m_size; }
    qreal nameWidth() const { return m_nameWidth; }
    qreal dayWidth() const;
    qreal rowHeight() const { return m_rowHeight; }
    // The height the rows need, which may be more than the size given.
    qreal height() const { return headerHeight + rowCount() * m_rowHeight; }
    static qreal minimumHeight(int rows) { return headerHeight + rows * minimumRowHeight; }

    QRectF headerRect(int day) const;
    QRectF nameRect(int row) const;
    QRectF cellRect(int row, int day) const;
    QRectF cellRect(Cell cell) const { return cellRect(cell.row, cell.day); }

    // Invalid outside the cells: the header and the name column name no single day.
    Cell cellAt(QPointF point) const;
    Id therapistAt(QPointF point) const;
    QDate dateAt(QPointF point) const;

    const CellSummary& summary(int row, int day) const; // an empty one outside the cells
    const CellSummary& summary(Cell cell) const { return summary(cell.row, cell.day); }

private:
    QDate m_monday;
    QList<Id> m_therapists;
    QList<CellSummary> m_summaries; // row by row, seven a row
    QSizeF m_size;
    qreal m_nameWidth = preferredNameWidth;
    qreal m_rowHeight = minimumRowHeight;
};

} // namespace masahista::gui

#pragma once

#include "WeekOverviewLayout.h"
#include "booking/engine/WeekSchedule.h"
#include "domain/Id.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QWidget>

namespace masahista::gui {

// The whole clinic's week at a glance: a row per therapist, a cell per day saying how many
// appointments it holds and for how long, with a bar for how full the working day is. It
// draws only the WeekSchedule it was given and never reads the database; double-clicking a
// cell (or Enter on the current one) asks the caller to open that therapist's day.
class WeekOverview final : public QWidget
{
    Q_OBJECT

public:
    using Cell = WeekOverviewLayout::Cell;

    explicit WeekOverview(QWidget* parent = nullptr);

    // Shows the therapists WeekOverviewLayout::therapistsIn() picks.
    void setWeek(const WeekSchedule& week, const QDateTime& nowUtc);
    // Keeps the current cell on the same therapist and weekday when both are still shown.
    void setWeek(const WeekSchedule& week, const QList<Id>& therapists, const QDateTime& nowUtc);
    void setNow(const QDateTime& nowUtc);

    const WeekSchedule& week() const { return m_week; }
    const WeekOverviewLayout& overviewLayout() const { return m_layout; }
    // The clinic-local date of "now", for the highlighted column.
    QDate today() const;

    Cell currentCell() const { return m_current; }
    void setCurrentCell(Cell cell); // an invalid cell is ignored
    Id currentTherapist() const { return m_layout.therapistOf(m_current.row); }
    QDate currentDate() const { return m_layout.dateOf(m_current.day); }

    // What a cell says: "3 · 4h 30m", or "off" for a day off with nothing booked.
    QString cellText(int row, int day) const;
    // "4h 30m", "4h", "45m".
    static QString durationText(int minutes);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void dayActivated(const QDate& date, masahista::Id therapistId);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void relayout();
    void activate(Cell cell);
    QString therapistName(Id therapistId) const;
    QString toolTipFor(Cell cell) const;
    QString localTime(const QDateTime& utc) const;

    void paintHeader(QPainter& painter) const;
    void paintNames(QPainter& painter) const;
    void paintCell(QPainter& painter, int row, int day) const;
    void paintCurrentCell(QPainter& painter) const;

    WeekSchedule m_week;
    QList<Id> m_therapists;
    QDateTime m_now;
    WeekOverviewLayout m_layout;
    Cell m_current;
};

} // namespace masahista::gui

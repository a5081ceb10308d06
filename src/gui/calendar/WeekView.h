#pragma once

#include "WeekLayout.h"
#include "booking/engine/WeekSchedule.h"
#include "domain/Id.h"

#include <QDate>
#include <QDateTime>
#include <QWidget>

namespace masahista::gui {

// One therapist's week painted: a header of days, a time ruler shared by the seven day columns,
// the appointments as cards. It draws only the WeekSchedule it was given and never reads the
// database; double-clicks come out as requests for the caller to act on (open the day, open
// the appointment).
class WeekView final : public QWidget
{
    Q_OBJECT

public:
    static constexpr qreal defaultPixelsPerMinute = 1.2;

    explicit WeekView(QWidget* parent = nullptr);

    void setWeek(const WeekSchedule& week, Id therapistId, const QDateTime& nowUtc);
    void setNow(const QDateTime& nowUtc);

    const WeekSchedule& week() const { return m_week; }
    Id therapistId() const { return m_therapistId; }
    const WeekLayout& weekLayout() const { return m_layout; }
    // The clinic-local date of "now", for the highlighted column.
    QDate today() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void dayActivated(const QDate& date);
    void appointmentActivated(masahista::Id appointmentId);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    void relayout();
    void paintHeader(QPainter& painter) const;
    void paintRuler(QPainter& painter) const;
    void paintColumns(QPainter& painter) const;
    void paintCard(QPainter& painter, const WeekLayout::Card& card) const;
    void paintNowLine(QPainter& painter) const;

    WeekSchedule m_week;
    Id m_therapistId = 0;
    QDateTime m_now;
    qreal m_pixelsPerMinute = defaultPixelsPerMinute;
    WeekLayout m_layout;
};

} // namespace masahista::gui

#include "WeekView.h"

#include "CardStyle.h"
#include "booking/engine/ClinicTime.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace masahista::gui {

using CardStyle::mix;
using CardStyle::nowColor;
using CardStyle::statusGlyph;

namespace {} // namespace

WeekView::WeekView(QWidget* parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void WeekView::setWeek(const WeekSchedule& week, Id therapistId, const QDateTime& nowUtc)
{
    m_week = week;
    m_therapistId = therapistId;
    m_now = nowUtc;
    relayout();
}

void WeekView::setNow(const QDateTime& nowUtc)
{
    m_now = nowUtc;
    update();
}

QDate WeekView::today() const
{
    if (!m_now.isValid() || m_week.days.isEmpty()) {
        return {};
    }
    return ClinicTime::toLocal(m_now, m_week.days.constFirst().directory.zone).date();
}

QSize WeekView::sizeHint() const
{
    return {static_cast<int>(WeekLayout::rulerWidth) + WeekLayout::dayCount * 130,
            static_cast<int>(std::ceil(m_layout.height()))};
}

QSize WeekView::minimumSizeHint() const
{
    return {static_cast<int>(WeekLayout::rulerWidth) + WeekLayout::dayCount * 60,
            static_cast<int>(std::ceil(m_layout.height()))};
}

void WeekView::relayout()
{
    m_layout = WeekLayout(m_week, m_therapistId, width(), m_pixelsPerMinute);
    setMinimumHeight(static_cast<int>(std::ceil(m_layout.height())));
    updateGeometry();
    update();
}

void WeekView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void WeekView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseDoubleClickEvent(event);
        return;
    }
    const Id id = m_layout.appointmentAt(event->position());
    if (id != 0) {
        Q_EMIT appointmentActivated(id);
        return;
    }
    const QDate date = m_layout.dateAt(event->position().x());
    if (date.isValid()) {
        Q_EMIT dayActivated(date);
    }
}

// Painting

void WeekView::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    paintColumns(painter);
    paintRuler(painter);
    paintHeader(painter);
    painter.setRenderHint(QPainter::Antialiasing);
    for (const WeekLayout::Card& card : m_layout.cards()) {
        paintCard(painter, card);
    }
    paintNowLine(painter);
}

void WeekView::paintHeader(QPainter& painter) const
{
    const QColor window = palette().color(QPalette::Window);
    const QColor text = palette().color(QPalette::WindowText);
    painter.fillRect(QRectF(0, 0, width(), WeekLayout::headerHeight), window);
    const QDate todayDate = today();
    for (int day = 0; day < WeekLayout::dayCount; ++day) {
        const QDate date = m_layout.dateOf(day);
        CardStyle::paintDayHeader(painter, m_layout.headerRect(day), date, date == todayDate,
                                  palette(), font());
    }
    painter.setPen(QPen(mix(window, text, 0.28), 1));
    const qreal y = WeekLayout::headerHeight - 0.5;
    painter.drawLine(QPointF(0, y), QPointF(width(), y));
}

void WeekView::paintColumns(QPainter& painter) const
{
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const QColor offHours = mix(base, text, 0.07);
    const QColor hatch = mix(base, text, 0.30);
    const int todayColumn = m_layout.dayOf(today());
    for (int day = 0; day < WeekLayout::dayCount; ++day) {
        if (day == todayColumn) {
            painter.fillRect(m_layout.columnRect(day),
                             mix(base, palette().color(QPalette::Highlight), 0.08));
        }
        for (const QRectF& band : m_layout.offHoursRects(day)) {
            painter.fillRect(band, day == todayColumn
                                       ? mix(offHours, palette().color(QPalette::Highlight), 0.08)
                                       : offHours);
        }
        for (const QRectF& band : m_layout.timeOffRects(day)) {
            painter.fillRect(band, offHours);
            painter.fillRect(band, QBrush(hatch, Qt::BDiagPattern));
        }
    }
    // Hour and half-hour lines across all days: the ruler is shared.
    for (int minute = m_layout.firstHour() * 60; minute <= m_layout.endHour() * 60; minute += 30) {
        painter.setPen(QPen(mix(base, text, minute % 60 == 0 ? 0.22 : 0.10), 1));
        const qreal y = std::round(m_layout.yAtMinute(minute)) + 0.5;
        painter.drawLine(QPointF(WeekLayout::rulerWidth, y), QPointF(width(), y));
    }
    painter.setPen(QPen(mix(base, text, 0.28), 1));
    for (int day = 0; day < WeekLayout::dayCount; ++day) {
        const qreal x = std::round(m_layout.columnRect(day).left()) + 0.5;
        painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    }
}

void WeekView::paintRuler(QPainter& painter) const
{
    painter.fillRect(QRectF(0, 0, WeekLayout::rulerWidth, height()),
                     palette().color(QPalette::Window));
    painter.setPen(palette().color(QPalette::WindowText));
    painter.setFont(font());
    for (int hour = m_layout.firstHour(); hour <= m_layout.endHour(); ++hour) {
        const qreal y = m_layout.yAtMinute(hour * 60);
        painter.drawText(QRectF(0, y - 10, WeekLayout::rulerWidth - 8, 20),
                         Qt::AlignRight | Qt::AlignVCenter, ClinicTime::formatMinute(hour * 60));
    }
}

void WeekView::paintCard(QPainter& painter, const WeekLayout::Card& card) const
{
    const CalendarEntry& entry = m_week.days.at(card.day).entries.at(card.entryIndex);
    const Appointment& appointment = entry.appointment;
    const CardStyle::Colors colors = CardStyle::colorsFor(entry, palette());
    const bool dark = colors.dark;
    const QColor& accent = colors.accent;
    const QColor& fill = colors.fill;
    const QColor& textColor = colors.text;
    const QColor& glyphColor = colors.glyph;

    painter.save();
    const QRectF rect = card.rect.adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath shape;
    shape.addRoundedRect(rect, 3, 3);
    painter.fillPath(shape, fill);
    painter.setClipPath(shape);
    painter.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), accent);
    painter.setClipping(false);
    painter.setPen(QPen(dark ? accent.lighter(120) : accent.darker(115), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(shape);

    qreal right = rect.right() - 2;
    const QString glyph = statusGlyph(appointment.status);
    if (!glyph.isEmpty()) {
        QFont glyphFont = font();
        glyphFont.setBold(true);
        painter.setFont(glyphFont);
        painter.setPen(glyphColor);
        const QRectF glyphRect(right - 14, rect.top() + 1, 14, 16);
        painter.drawText(glyphRect, Qt::AlignCenter, glyph);
        right = glyphRect.left();
    }

    // Narrow columns: the client on the first line, service and minutes below if they fit.
    QFont nameFont = font();
    nameFont.setBold(true);
    QFont detailFont = font();
    detailFont.setPointSizeF(font().pointSizeF() * 0.85);
    const QFontMetricsF nameMetrics(nameFont);
    const QFontMetricsF detailMetrics(detailFont);
    const qreal left = rect.left() + 6;
    qreal y = rect.top() + 1;
    painter.setPen(textColor);
    painter.setFont(nameFont);
    painter.drawText(QRectF(left, y, right - left, nameMetrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     nameMetrics.elidedText(entry.clientName, Qt::ElideRight, right - left));
    y += nameMetrics.height();
    painter.setFont(detailFont);
    const qreal lineWidth = rect.right() - 3 - left;
    const QString minutes = tr("%1 min").arg(appointment.durationMinutes);
    const QStringList lines{entry.serviceName, minutes};
    for (const QString& line : lines) {
        if (y + detailMetrics.height() > rect.bottom()) {
            break;
        }
        painter.drawText(QRectF(left, y, lineWidth, detailMetrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         detailMetrics.elidedText(line, Qt::ElideRight, lineWidth));
        y += detailMetrics.height();
    }
    painter.restore();
}

void WeekView::paintNowLine(QPainter& painter) const
{
    const int day = m_layout.dayOf(today());
    if (day < 0) {
        return;
    }
    const int minute = ClinicTime::minuteOfDay(
        ClinicTime::toLocal(m_now, m_week.days.constFirst().directory.zone));
    if (minute < m_layout.firstHour() * 60 || minute > m_layout.endHour() * 60) {
        return;
    }
    const QRectF column = m_layout.columnRect(day);
    const qreal y = m_layout.yAtMinute(minute);
    painter.setPen(QPen(nowColor, 2));
    painter.drawLine(QPointF(column.left(), y), QPointF(column.right(), y));
    painter.setPen(Qt::NoPen);
    painter.setBrush(nowColor);
    painter.drawEllipse(QPointF(column.left(), y), 3, 3);
}

} // namespace masahista::gui

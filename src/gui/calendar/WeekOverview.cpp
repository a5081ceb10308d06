#include "WeekOverview.h"

#include "CardStyle.h"
#include "booking/engine/ClinicTime.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QStringList>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace masahista::gui {

using CardStyle::alertColor;
using CardStyle::mix;

namespace {

constexpr int preferredDayWidth = 110;
constexpr int preferredRowHeight = 44;
constexpr qreal barHeight = 5;
constexpr qreal cellPadding = 6;

} // namespace

WeekOverview::WeekOverview(QWidget* parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Week overview"));
}

void WeekOverview::setWeek(const WeekSchedule& week, const QDateTime& nowUtc)
{
    setWeek(week, WeekOverviewLayout::therapistsIn(week), nowUtc);
}

void WeekOverview::setWeek(const WeekSchedule& week, const QList<Id>& therapists,
                           const QDateTime& nowUtc)
{
    const Id currentTherapistId = currentTherapist();
    const int currentDay = m_current.day;
    m_week = week;
    m_therapists = therapists;
    m_now = nowUtc;
    relayout();
    updateGeometry();

    Cell cell;
    if (m_layout.rowCount() > 0) {
        const int row = m_layout.rowOf(currentTherapistId);
        cell.row = row >= 0 ? row : std::min(std::max(m_current.row, 0), m_layout.rowCount() - 1);
        const int todayColumn = m_layout.dayOf(today());
        cell.day = currentDay >= 0 ? currentDay : std::max(todayColumn, 0);
    }
    m_current = Cell();
    setCurrentCell(cell);
}

void WeekOverview::setNow(const QDateTime& nowUtc)
{
    m_now = nowUtc;
    update();
}

QDate WeekOverview::today() const
{
    if (!m_now.isValid() || m_week.days.isEmpty()) {
        return {};
    }
    return ClinicTime::toLocal(m_now, m_week.days.constFirst().directory.zone).date();
}

void WeekOverview::setCurrentCell(Cell cell)
{
    if (!m_layout.cellRect(cell).isValid() || cell == m_current) {
        return;
    }
    m_current = cell;
    // A screen reader has no painted text to read; the description says what the cell holds.
    setAccessibleDescription(tr("%1, %2: %3")
                                 .arg(therapistName(currentTherapist()),
                                      QLocale().toString(currentDate(), QLocale::LongFormat),
                                      cellText(cell.row, cell.day)));
    update();
}

QString WeekOverview::cellText(int row, int day) const
{
    const WeekOverviewLayout::CellSummary& summary = m_layout.summary(row, day);
    if (summary.therapistId == 0) {
        return {};
    }
    if (summary.off && summary.appointments == 0) {
        return tr("off", "a therapist's day off in the week overview");
    }
    return tr("%1 · %2", "appointments · booked time")
        .arg(QString::number(summary.appointments), durationText(summary.bookedMinutes));
}

QString WeekOverview::durationText(int minutes)
{
    const int hours = minutes / 60;
    const int rest = minutes % 60;
    if (hours > 0 && rest > 0) {
        return tr("%1h %2m").arg(hours).arg(rest);
    }
    if (hours > 0) {
        return tr("%1h").arg(hours);
    }
    return tr("%1m").arg(rest);
}

QSize WeekOverview::sizeHint() const
{
    return {static_cast<int>(WeekOverviewLayout::preferredNameWidth) +
                WeekOverviewLayout::dayCount * preferredDayWidth,
            static_cast<int>(WeekOverviewLayout::headerHeight) +
                static_cast<int>(m_therapists.size()) * preferredRowHeight};
}

QSize WeekOverview::minimumSizeHint() const
{
    return {static_cast<int>(WeekOverviewLayout::minimumNameWidth +
                             WeekOverviewLayout::dayCount * WeekOverviewLayout::minimumDayWidth),
            static_cast<int>(std::ceil(
                WeekOverviewLayout::minimumHeight(static_cast<int>(m_therapists.size()))))};
}

void WeekOverview::relayout()
{
    m_layout = WeekOverviewLayout(m_week, m_therapists, QSizeF(size()));
    update();
}

void WeekOverview::activate(Cell cell)
{
    if (!m_layout.cellRect(cell).isValid()) {
        return;
    }
    setCurrentCell(cell);
    Q_EMIT dayActivated(m_layout.dateOf(cell.day), m_layout.therapistOf(cell.row));
}

QString WeekOverview::therapistName(Id therapistId) const
{
    const Therapist* therapist =
        m_week.days.isEmpty() ? nullptr : m_week.days.constFirst().directory.therapist(therapistId);
    return therapist != nullptr ? therapist->displayName : tr("Therapist %1").arg(therapistId);
}

QString WeekOverview::localTime(const QDateTime& utc) const
{
    const QTimeZone& zone = m_week.days.constFirst().directory.zone;
    return ClinicTime::formatClock(utc, zone);
}

QString WeekOverview::toolTipFor(Cell cell) const
{
    const WeekOverviewLayout::CellSummary& summary = m_layout.summary(cell);
    if (summary.therapistId == 0 || cell.day >= m_week.days.size()) {
        return {};
    }
    const DaySchedule& day = m_week.days.at(cell.day);
    QString html =
        QStringLiteral("<b>%1</b><br>").arg(therapistName(summary.therapistId).toHtmlEscaped());
    html += QLocale().toString(summary.date, QLocale::LongFormat).toHtmlEscaped();
    const QString hours =
        ClinicTime::formatDay(day.hoursOf(summary.therapistId), summary.date.dayOfWeek());
    html +=
        QStringLiteral("<br>") + (hours.isEmpty() ? tr("Not working") : tr("Hours: %1").arg(hours));
    if (summary.scheduledMinutes > summary.workingMinutes) {
        html +=
            QStringLiteral("<br>") +
            tr("Time off: %1").arg(durationText(summary.scheduledMinutes - summary.workingMinutes));
    }
    html +=
        QStringLiteral("<br>") + tr("%n appointment(s), %1 booked", nullptr, summary.appointments)
                                     .arg(durationText(summary.bookedMinutes));
    if (summary.workingMinutes > 0) {
        if (summary.free.isEmpty()) {
            html += QStringLiteral("<br>") + tr("No free time");
        } else {
            QStringList spans;
            for (const TimeSpan& span : summary.free) {
                spans.append(tr("%1–%2").arg(localTime(span.start), localTime(span.end)));
            }
            html += QStringLiteral("<br>") +
                    tr("Free (%1): %2")
                        .arg(durationText(summary.freeMinutes), spans.join(QStringLiteral(", ")));
        }
    }
    return html;
}

// Events

bool WeekOverview::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const Cell cell = m_layout.cellAt(help->pos());
        const QString tip = cell.isValid() ? toolTipFor(cell) : QString();
        if (tip.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        QToolTip::showText(help->globalPos(), tip, this, m_layout.cellRect(cell).toAlignedRect());
        return true;
    }
    return QWidget::event(event);
}

void WeekOverview::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void WeekOverview::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    setCurrentCell(m_layout.cellAt(event->position()));
}

void WeekOverview::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseDoubleClickEvent(event);
        return;
    }
    activate(m_layout.cellAt(event->position()));
}

void WeekOverview::keyPressEvent(QKeyEvent* event)
{
    if (!m_current.isValid()) {
        QWidget::keyPressEvent(event);
        return;
    }
    Cell next = m_current;
    switch (event->key()) {
    case Qt::Key_Left:
        next.day = std::max(0, next.day - 1);
        break;
    case Qt::Key_Right:
        next.day = std::min(WeekOverviewLayout::dayCount - 1, next.day + 1);
        break;
    case Qt::Key_Up:
        next.row = std::max(0, next.row - 1);
        break;
    case Qt::Key_Down:
        next.row = std::min(m_layout.rowCount() - 1, next.row + 1);
        break;
    case Qt::Key_Home:
        next.day = 0;
        break;
    case Qt::Key_End:
        next.day = WeekOverviewLayout::dayCount - 1;
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        activate(m_current);
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    setCurrentCell(next);
}

void WeekOverview::focusInEvent(QFocusEvent* event)
{
    QWidget::focusInEvent(event);
    update();
}

void WeekOverview::focusOutEvent(QFocusEvent* event)
{
    QWidget::focusOutEvent(event);
    update();
}

// Painting

void WeekOverview::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    for (int row = 0; row < m_layout.rowCount(); ++row) {
        for (int day = 0; day < WeekOverviewLayout::dayCount; ++day) {
            paintCell(painter, row, day);
        }
    }
    paintNames(painter);
    paintHeader(painter);
    paintCurrentCell(painter);
}

void WeekOverview::paintHeader(QPainter& painter) const
{
    const QColor window = palette().color(QPalette::Window);
    const QColor text = palette().color(QPalette::WindowText);
    painter.fillRect(QRectF(0, 0, width(), WeekOverviewLayout::headerHeight), window);
    const QDate todayDate = today();
    for (int day = 0; day < WeekOverviewLayout::dayCount; ++day) {
        const QDate date = m_layout.dateOf(day);
        if (!date.isValid()) {
            continue;
        }
        CardStyle::paintDayHeader(painter, m_layout.headerRect(day), date, date == todayDate,
                                  palette(), font());
    }
    painter.setPen(QPen(mix(window, text, 0.28), 1));
    const qreal y = WeekOverviewLayout::headerHeight - 0.5;
    painter.drawLine(QPointF(0, y), QPointF(width(), y));
}

void WeekOverview::paintNames(QPainter& painter) const
{
    const QColor window = palette().color(QPalette::Window);
    const QColor text = palette().color(QPalette::WindowText);
    const qreal nameWidth = m_layout.nameWidth();
    painter.fillRect(QRectF(0, 0, nameWidth, height()), window);
    QFont nameFont = font();
    nameFont.setBold(true);
    const QFontMetricsF metrics(nameFont);
    painter.setFont(nameFont);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int row = 0; row < m_layout.rowCount(); ++row) {
        const QRectF area = m_layout.nameRect(row);
        const Id therapistId = m_layout.therapistOf(row);
        const Therapist* therapist =
            m_week.days.isEmpty() ? nullptr
                                  : m_week.days.constFirst().directory.therapist(therapistId);
        QColor colour =
            QColor::fromString(therapist != nullptr ? therapist->calendarColor : QString());
        if (!colour.isValid()) {
            colour = palette().color(QPalette::Highlight);
        }
        // The same swatch as the therapist list and the day view's header, to find a row fast.
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(QRectF(area.left() + 8, area.center().y() - 5, 10, 10));
        painter.setPen(text);
        const qreal left = area.left() + 24;
        const qreal available = area.right() - 6 - left;
        painter.drawText(QRectF(left, area.top(), available, area.height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(therapistName(therapistId), Qt::ElideRight, available));
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(mix(window, text, 0.28), 1));
    const qreal x = std::round(nameWidth) - 0.5;
    painter.drawLine(QPointF(x, 0), QPointF(x, m_layout.height()));
}

void WeekOverview::paintCell(QPainter& painter, int row, int day) const
{
    const WeekOverviewLayout::CellSummary& summary = m_layout.summary(row, day);
    const QRectF cell = m_layout.cellRect(row, day);
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const QColor highlight = palette().color(QPalette::Highlight);
    const bool isToday = summary.date.isValid() && summary.date == today();

    // The same shading as the week view: a day off is greyed, time off is hatched as well.
    QColor background = base;
    if (summary.off) {
        background = mix(base, text, 0.07);
    }
    if (isToday) {
        background = mix(background, highlight, 0.08);
    }
    painter.fillRect(cell, background);
    if (summary.off && summary.scheduledMinutes > 0) {
        painter.fillRect(cell, QBrush(mix(base, text, 0.30), Qt::BDiagPattern));
    }

    const QRectF inner = cell.adjusted(cellPadding, 3, -cellPadding, -3);
    const bool roomForBar = inner.height() >= barHeight + fontMetrics().height();
    const QRectF textArea = roomForBar ? inner.adjusted(0, 0, 0, -(barHeight + 3)) : inner;
    const QString label = cellText(row, day);
    painter.setFont(font());
    painter.setPen(summary.off && summary.appointments == 0 ? mix(base, text, 0.6) : text);
    painter.drawText(
        textArea, Qt::AlignLeft | Qt::AlignVCenter,
        fontMetrics().elidedText(label, Qt::ElideRight, static_cast<int>(textArea.width())));

    if (roomForBar && (summary.workingMinutes > 0 || summary.bookedMinutes > 0)) {
        const QRectF track(inner.left(), inner.bottom() - barHeight, inner.width(), barHeight);
        painter.fillRect(track, mix(base, text, 0.12));
        // More booked than worked can only come from overrides; it is shown full, in red.
        const bool over = summary.bookedMinutes > summary.workingMinutes;
        const qreal share =
            over ? 1.0 : static_cast<qreal>(summary.bookedMinutes) / summary.workingMinutes;
        if (share > 0) {
            painter.fillRect(QRectF(track.left(), track.top(), track.width() * share, barHeight),
                             over ? alertColor : highlight);
        }
    }

    painter.setPen(QPen(mix(base, text, 0.18), 1));
    const qreal right = std::round(cell.right()) - 0.5;
    const qreal bottom = std::round(cell.bottom()) - 0.5;
    painter.drawLine(QPointF(right, cell.top()), QPointF(right, cell.bottom()));
    painter.drawLine(QPointF(cell.left(), bottom), QPointF(cell.right(), bottom));
}

void WeekOverview::paintCurrentCell(QPainter& painter) const
{
    if (!hasFocus() || !m_current.isValid()) {
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.drawRect(m_layout.cellRect(m_current).adjusted(1.5, 1.5, -1.5, -1.5));
}

} // namespace masahista::gui

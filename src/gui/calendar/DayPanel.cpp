#include "DayPanel.h"

#include "DayView.h"
#include "booking/engine/ClinicTime.h"

#include <QPainter>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace masahista::gui {

DayPanel::DayPanel(QWidget* parent)
    : QWidget(parent)
    , m_scrollArea(new QScrollArea(this))
    , m_view(new DayView)
{
    m_scrollArea->setObjectName(QStringLiteral("dayScrollArea"));
    m_view->setObjectName(QStringLiteral("dayView"));
    // No frame, so that the view's x is the panel's x and the header lines up with it.
    m_scrollArea->setFrameShape(QFrame::NoFrame);
    m_scrollArea->setWidgetResizable(true);
    m_scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_scrollArea->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_scrollArea->setWidget(m_view);
    // The view paints every pixel of the viewport (it is never smaller); clearing the whole
    // viewport first was a second full-size fill on every paint.
    m_scrollArea->viewport()->setAutoFillBackground(false);
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(0);
    layout->addWidget(m_scrollArea);
    updateHeaderHeight();
    connect(m_scrollArea->horizontalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        m_header = QPixmap();
        update(0, 0, width(), headerHeight());
    });
    setFocusProxy(m_view);
    connect(m_view, &DayView::cardFocused, this, &DayPanel::showCard);
    // The hours wrap to the columns' width, known once the view is laid out.
    connect(m_view, &DayView::layoutChanged, this, [this] {
        updateHeaderHeight();
        m_header = QPixmap();
        update(0, 0, width(), headerHeight());
    });
}

void DayPanel::bringIntoView(Id appointmentId)
{
    const QRect cardRect = m_view->dayLayout().cardRect(appointmentId).toAlignedRect();
    if (!cardRect.isEmpty()) {
        showCard(cardRect);
    }
}

void DayPanel::showCard(const QRect& cardRect)
{
    m_scrollArea->ensureVisible(cardRect.center().x(), cardRect.center().y(),
                                cardRect.width() / 2 + 8, cardRect.height() / 2 + 24);
}

int DayPanel::headerHeight() const
{
    return m_headerHeight;
}

qreal DayPanel::hoursWidth(int column) const
{
    return m_view->dayLayout().columnRect(column).width() - 14;
}

QString DayPanel::hoursText(Id therapistId) const
{
    const DaySchedule& day = m_view->schedule();
    const QString hours = ClinicTime::formatDay(day.hoursOf(therapistId), day.date.dayOfWeek());
    return hours.isEmpty() ? tr("Not working") : hours;
}

QList<QStringList> DayPanel::headerHours() const
{
    const QFontMetricsF metrics(font());
    const DayLayout& layout = m_view->dayLayout();
    QList<QStringList> lines;
    lines.reserve(layout.columnCount());
    for (int column = 0; column < layout.columnCount(); ++column) {
        lines.append(
            hoursLines(hoursText(layout.therapistOf(column)), metrics, hoursWidth(column)));
    }
    return lines;
}

QStringList DayPanel::hoursLines(const QString& hours, const QFontMetricsF& metrics, qreal width)
{
    const QString separator = QStringLiteral(", ");
    QStringList lines;
    for (const QString& interval : hours.split(separator)) {
        const QString joined = lines.isEmpty() ? interval : lines.last() + separator + interval;
        if (!lines.isEmpty() && metrics.horizontalAdvance(joined) <= width) {
            lines.last() = joined;
        } else if (lines.size() < maxHoursLines) {
            lines.append(interval);
        } else {
            // Out of lines: the last one says that more follows.
            lines.last() = joined;
            break;
        }
    }
    for (QString& line : lines) {
        line = metrics.elidedText(line, Qt::ElideRight, width);
    }
    return lines;
}

void DayPanel::updateHeaderHeight()
{
    qsizetype hoursLineCount = 1;
    for (const QStringList& lines : headerHours()) {
        hoursLineCount = std::max(hoursLineCount, lines.size());
    }
    QFont nameFont = font();
    nameFont.setBold(true);
    const qreal height = QFontMetricsF(nameFont).height() +
                         static_cast<qreal>(hoursLineCount) * QFontMetricsF(font()).height() + 14;
    const int header = static_cast<int>(std::ceil(height));
    if (header != m_headerHeight) {
        m_headerHeight = header;
        layout()->setContentsMargins(0, header, 0, 0);
        m_header = QPixmap();
    }
}

void DayPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateHeaderHeight();
    }
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) {
        m_header = QPixmap();
    }
}

void DayPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_header = QPixmap();
}

void DayPanel::setSchedule(const DaySchedule& day, const QList<Id>& shownTherapists,
                           const QDateTime& nowUtc)
{
    const int scroll = verticalScroll();
    m_view->setSchedule(day, shownTherapists, nowUtc);
    syncViewHeight();
    setVerticalScroll(scroll);
    m_header = QPixmap();
    update(0, 0, width(), headerHeight());
}

void DayPanel::syncViewHeight()
{
    // The scroll area learns of a new minimum height only on its next layout pass; resizing
    // now gives the scroll bar its range at once, so that scrolling right after works.
    layout()->activate();
    m_view->resize(std::max(m_scrollArea->viewport()->width(), m_view->minimumWidth()),
                   std::max(m_scrollArea->viewport()->height(), m_view->minimumHeight()));
}

void DayPanel::setCompact(bool compact)
{
    const qreal was = m_view->pixelsPerMinute();
    const qreal wanted =
        compact ? DayView::compactPixelsPerMinute : DayView::comfortablePixelsPerMinute;
    // The scroll is the minutes above the visible part, at the scale shown.
    const qreal minutesAbove = verticalScroll() / was;
    m_view->setPixelsPerMinute(wanted);
    syncViewHeight();
    setVerticalScroll(static_cast<int>(std::floor(minutesAbove * wanted)));
}

bool DayPanel::isCompact() const
{
    return m_view->pixelsPerMinute() < DayView::comfortablePixelsPerMinute;
}

int DayPanel::visibleMinutes() const
{
    return static_cast<int>(m_scrollArea->viewport()->height() / m_view->pixelsPerMinute());
}

void DayPanel::scrollToTime(const QDateTime& utc)
{
    syncViewHeight();
    const qreal y = m_view->dayLayout().yAt(utc);
    setVerticalScroll(static_cast<int>(std::floor(y - DayLayout::topMargin)));
}

int DayPanel::verticalScroll() const
{
    return m_scrollArea->verticalScrollBar()->value();
}

void DayPanel::setVerticalScroll(int value)
{
    m_scrollArea->verticalScrollBar()->setValue(value);
}

void DayPanel::paintEvent(QPaintEvent* /*event*/)
{
    // The header changes with the day, the width, the scroll and the look only; it is drawn
    // once for them and copied on other paints.
    if (m_header.isNull()) {
        const qreal ratio = devicePixelRatioF();
        m_header = QPixmap((QSizeF(width(), headerHeight()) * ratio).toSize());
        m_header.setDevicePixelRatio(ratio);
        QPainter painter(&m_header);
        paintHeader(painter);
    }
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_header);
}

void DayPanel::paintHeader(QPainter& painter) const
{
    const int header = headerHeight();
    const QColor window = palette().color(QPalette::Window);
    const QColor text = palette().color(QPalette::WindowText);
    painter.fillRect(QRect(0, 0, width(), header), window);
    const DayLayout& layout = m_view->dayLayout();
    const DaySchedule& day = m_view->schedule();
    const int offset = -m_scrollArea->horizontalScrollBar()->value();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setClipRect(QRect(static_cast<int>(DayLayout::rulerWidth), 0,
                              width() - static_cast<int>(DayLayout::rulerWidth), header));
    QFont nameFont = font();
    nameFont.setBold(true);
    const QFontMetricsF nameMetrics(nameFont);
    const QFontMetricsF hoursMetrics(font());
    for (int column = 0; column < layout.columnCount(); ++column) {
        const QRectF columnArea = layout.columnRect(column).translated(offset, 0);
        const Id therapistId = layout.therapistOf(column);
        const Therapist* therapist = day.directory.therapist(therapistId);
        QColor colour(therapist != nullptr ? therapist->calendarColor : QString());
        if (!colour.isValid()) {
            colour = palette().color(QPalette::Highlight);
        }
        // A bar in the therapist's colour ties the header to the column below.
        painter.fillRect(QRectF(columnArea.left() + 1, header - 4, columnArea.width() - 1, 4),
                         colour);
        painter.setPen(QColor::fromRgbF(text.redF(), text.greenF(), text.blueF(), 0.25f));
        painter.drawLine(QPointF(columnArea.left() + 0.5, 4),
                         QPointF(columnArea.left() + 0.5, header - 4));
        const qreal left = columnArea.left() + 8;
        const qreal available = columnArea.width() - 14;
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(QRectF(left, 7 + (nameMetrics.height() - 10) / 2, 10, 10));
        painter.setPen(text);
        painter.setFont(nameFont);
        const QString name =
            therapist != nullptr ? therapist->displayName : tr("Therapist %1").arg(therapistId);
        painter.drawText(QRectF(left + 15, 6, available - 15, nameMetrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         nameMetrics.elidedText(name, Qt::ElideRight, available - 15));
        painter.setFont(font());
        painter.setPen(QColor::fromRgbF(text.redF(), text.greenF(), text.blueF(), 0.7f));
        qreal top = 6 + nameMetrics.height();
        for (const QString& line : hoursLines(hoursText(therapistId), hoursMetrics, available)) {
            painter.drawText(QRectF(left, top, available, hoursMetrics.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, line);
            top += hoursMetrics.height();
        }
    }
    painter.setClipping(false);
    painter.setPen(QColor::fromRgbF(text.redF(), text.greenF(), text.blueF(), 0.25f));
    painter.drawLine(QPointF(0, header - 0.5), QPointF(width(), header - 0.5));
}

} // namespace masahista::gui

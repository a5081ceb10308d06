#include "DayView.h"

#include "CardStyle.h"
#include "CardToolTip.h"
#include "booking/engine/ClinicTime.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace masahista::gui {

using CardStyle::mix;
using CardStyle::nowColor;

DayView::DayView(QWidget* parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void DayView::setSchedule(const DaySchedule& day, const QList<Id>& shownTherapists,
                          const QDateTime& nowUtc)
{
    m_day = day;
    m_shown = shownTherapists;
    m_now = nowUtc;
    // A reload answers the request of a drag, if there was one; the card goes where the
    // schedule now says.
    m_drag = Drag::None;
    m_dragging = false;
    relayout();
    if (m_selected != 0 && m_layout.card(m_selected) == nullptr) {
        m_selected = 0;
        Q_EMIT appointmentSelected(0);
    }
}

void DayView::setNow(const QDateTime& nowUtc)
{
    m_now = nowUtc;
    update();
}

void DayView::setShowCancelled(bool show)
{
    if (m_showCancelled == show) {
        return;
    }
    m_showCancelled = show;
    relayout();
    if (m_selected != 0 && m_layout.card(m_selected) == nullptr) {
        m_selected = 0;
        Q_EMIT appointmentSelected(0);
    }
}

int DayView::gridMinutes() const
{
    const int step = m_day.directory.settings.bookingStepMinutes;
    return step > 0 ? step : gridLineMinutes;
}

void DayView::selectAppointment(Id id)
{
    if (id != 0 && m_layout.card(id) == nullptr) {
        id = 0;
    }
    if (id == m_selected) {
        return;
    }
    m_selected = id;
    update();
    Q_EMIT appointmentSelected(id);
}

QSize DayView::sizeHint() const
{
    return {static_cast<int>(DayLayout::rulerWidth) + std::max(1, m_layout.columnCount()) * 160,
            static_cast<int>(std::ceil(m_layout.height()))};
}

QSize DayView::minimumSizeHint() const
{
    return {static_cast<int>(DayLayout::rulerWidth) + std::max(1, m_layout.columnCount()) * 70,
            static_cast<int>(std::ceil(m_layout.height()))};
}

void DayView::relayout()
{
    m_layout = DayLayout(m_day, m_shown, width(), m_pixelsPerMinute, m_showCancelled);
    // Shaped and drawn when next painted: a window being set up resizes the view several
    // times first.
    m_textsLaidOut = false;
    m_background = QPixmap();
    setMinimumHeight(static_cast<int>(std::ceil(m_layout.height())));
    updateGeometry();
    update();
    Q_EMIT layoutChanged();
}

void DayView::setPixelsPerMinute(qreal pixelsPerMinute)
{
    if (pixelsPerMinute <= 0 || qFuzzyCompare(pixelsPerMinute, m_pixelsPerMinute)) {
        return;
    }
    m_pixelsPerMinute = pixelsPerMinute;
    relayout();
}

void DayView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void DayView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        relayout();
    }
    if (event->type() == QEvent::PaletteChange) {
        m_background = QPixmap();
    }
}

void DayView::layOutTexts()
{
    m_cardPainter.setFont(font());
    const QTimeZone& zone = m_day.directory.zone;
    m_gridLines.clear();
    for (QDateTime at = m_layout.visibleStartUtc(); at <= m_layout.visibleEndUtc();
         at = at.addSecs(gridLineMinutes * 60)) {
        m_gridLines.append(
            {m_layout.yAt(at), ClinicTime::minuteOfDay(ClinicTime::toLocal(at, zone))});
    }
    m_cardTexts.clear();
    m_cardTexts.reserve(m_layout.cards().size());
    for (const DayLayout::Card& card : m_layout.cards()) {
        m_cardTexts.append(m_cardPainter.textFor(m_day.entries.at(card.entryIndex), card.rect));
    }
}

const CalendarEntry* DayView::entryOf(Id appointmentId) const
{
    const DayLayout::Card* card = m_layout.card(appointmentId);
    return card != nullptr ? &m_day.entries.at(card->entryIndex) : nullptr;
}

QString DayView::toolTipFor(Id appointmentId) const
{
    const CalendarEntry* entry = entryOf(appointmentId);
    return entry != nullptr ? CardToolTip::html(*entry, m_day.directory.zone) : QString();
}

bool DayView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const Id id = m_layout.appointmentAt(help->pos());
        if (id == 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        QToolTip::showText(help->globalPos(), toolTipFor(id), this,
                           m_layout.cardRect(id).toAlignedRect());
        return true;
    }
    return QWidget::event(event);
}

// Mouse and keyboard

void DayView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QPointF position = event->position();
    m_pressPosition = position;
    m_dragging = false;
    Id id = 0;
    if (m_layout.onResizeHandle(position, &id)) {
        m_drag = Drag::Resize;
    } else if ((id = m_layout.appointmentAt(position)) != 0) {
        m_drag = Drag::Move;
    } else {
        selectAppointment(0);
        const Id therapistId = m_layout.therapistAt(position.x());
        const bool inSpan = position.y() >= DayLayout::topMargin &&
                            position.y() < m_layout.height() - DayLayout::bottomMargin;
        m_drag = therapistId != 0 && inSpan ? Drag::EmptySlot : Drag::None;
        m_dragTherapist = therapistId;
        m_dragAnchor = m_layout.timeAt(position.y(), gridMinutes());
        m_dragStart = m_dragAnchor;
        m_dragMinutes = gridMinutes();
        return;
    }
    selectAppointment(id);
    const Appointment& appointment = entryOf(id)->appointment;
    // A cancelled card cannot be moved or stretched: it holds no time any more.
    if (!appointment.holdsTime()) {
        m_drag = Drag::None;
        return;
    }
    m_dragAppointment = id;
    m_dragTherapist = appointment.therapistId;
    m_dragStart = appointment.startUtc;
    m_dragMinutes = appointment.durationMinutes;
}

void DayView::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF position = event->position();
    if (m_drag == Drag::None || !(event->buttons() & Qt::LeftButton)) {
        Id id = 0;
        if (m_layout.onResizeHandle(position, &id) && entryOf(id)->appointment.holdsTime()) {
            setCursor(Qt::SizeVerCursor);
        } else {
            unsetCursor();
        }
        return;
    }
    if (!m_dragging &&
        (position - m_pressPosition).manhattanLength() < QApplication::startDragDistance()) {
        return;
    }
    m_dragging = true;
    updateDrag(position);
}

void DayView::updateDrag(QPointF position)
{
    const int grid = gridMinutes();
    const qreal movedMinutes = (position.y() - m_pressPosition.y()) / m_layout.pixelsPerMinute();
    const auto snap = [grid](qreal minutes) {
        return static_cast<qint64>(std::lround(minutes / grid)) * grid;
    };
    switch (m_drag) {
    case Drag::None:
        return;
    case Drag::EmptySlot: {
        const QDateTime current = m_layout.timeAt(position.y(), grid);
        const QDateTime from = std::min(current, m_dragAnchor);
        const QDateTime to = std::max(current, m_dragAnchor).addSecs(qint64{grid} * 60);
        m_dragStart = from;
        m_dragMinutes = static_cast<int>(from.secsTo(to) / 60);
        break;
    }
    case Drag::Move: {
        const Appointment& appointment = entryOf(m_dragAppointment)->appointment;
        // Snapped on the ruler's grid, which starts on a whole hour.
        const qreal startMinutes =
            m_layout.visibleStartUtc().secsTo(appointment.startUtc) / 60.0 + movedMinutes;
        m_dragStart = m_layout.visibleStartUtc().addSecs(snap(startMinutes) * 60);
        const Id therapistId = m_layout.therapistAt(position.x());
        m_dragTherapist = therapistId != 0 ? therapistId : appointment.therapistId;
        break;
    }
    case Drag::Resize: {
        const Appointment& appointment = entryOf(m_dragAppointment)->appointment;
        m_dragMinutes = static_cast<int>(
            std::max<qint64>(grid, snap(appointment.durationMinutes + movedMinutes)));
        break;
    }
    }
    update();
}

void DayView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    if (m_dragging) {
        updateDrag(event->position());
    }
    finishDrag();
}

void DayView::finishDrag()
{
    // Reset first: a receiver may reload the schedule before the signal returns.
    const Drag drag = m_drag;
    const bool dragged = m_dragging;
    m_drag = Drag::None;
    m_dragging = false;
    update();
    switch (drag) {
    case Drag::None:
        return;
    case Drag::EmptySlot:
        Q_EMIT emptySlotActivated(m_dragTherapist, m_dragStart, m_dragMinutes);
        return;
    case Drag::Move: {
        const CalendarEntry* entry = entryOf(m_dragAppointment);
        if (dragged && entry != nullptr &&
            (m_dragStart != entry->appointment.startUtc ||
             m_dragTherapist != entry->appointment.therapistId)) {
            Q_EMIT appointmentMoveRequested(m_dragAppointment, m_dragTherapist, m_dragStart);
        }
        return;
    }
    case Drag::Resize: {
        const CalendarEntry* entry = entryOf(m_dragAppointment);
        if (dragged && entry != nullptr && m_dragMinutes != entry->appointment.durationMinutes) {
            Q_EMIT appointmentResizeRequested(m_dragAppointment, m_dragMinutes);
        }
        return;
    }
    }
}

void DayView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseDoubleClickEvent(event);
        return;
    }
    m_drag = Drag::None;
    m_dragging = false;
    const Id id = m_layout.appointmentAt(event->position());
    if (id != 0) {
        selectAppointment(id);
        Q_EMIT appointmentActivated(id);
    }
}

namespace {

// Up and Down walk a column; Left and Right alone change the day, so with Shift they cross
// to the neighbouring therapist's column.
std::optional<DayLayout::Step> cardStepFor(const QKeyEvent& event)
{
    const bool shift = event.modifiers() == Qt::ShiftModifier;
    const bool plain = event.modifiers() == Qt::NoModifier;
    switch (event.key()) {
    case Qt::Key_Up:
        return plain ? std::optional(DayLayout::Step::Earlier) : std::nullopt;
    case Qt::Key_Down:
        return plain ? std::optional(DayLayout::Step::Later) : std::nullopt;
    case Qt::Key_Left:
        return shift ? std::optional(DayLayout::Step::LeftColumn) : std::nullopt;
    case Qt::Key_Right:
        return shift ? std::optional(DayLayout::Step::RightColumn) : std::nullopt;
    case Qt::Key_Home:
        return plain ? std::optional(DayLayout::Step::First) : std::nullopt;
    case Qt::Key_End:
        return plain ? std::optional(DayLayout::Step::Last) : std::nullopt;
    default:
        return std::nullopt;
    }
}

} // namespace

void DayView::keyPressEvent(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && m_selected != 0) {
        Q_EMIT appointmentActivated(m_selected);
        return;
    }
    if (const std::optional<DayLayout::Step> step = cardStepFor(*event)) {
        // With no card chosen yet the walk starts from what the user sees, not from the
        // day's first card scrolled out of sight.
        const bool jump = *step == DayLayout::Step::First || *step == DayLayout::Step::Last;
        const Id next = m_selected == 0 && !jump
                            ? m_layout.firstCardIn(visibleRegion().boundingRect())
                            : m_layout.cardFrom(m_selected, *step);
        if (next != 0) {
            selectAppointment(next);
            Q_EMIT appointmentSelected(next);
            Q_EMIT cardFocused(m_layout.cardRect(next).toAlignedRect());
        }
        return;
    }
    if (event->key() == Qt::Key_Escape && m_drag != Drag::None) {
        m_drag = Drag::None;
        m_dragging = false;
        update();
        return;
    }
    QWidget::keyPressEvent(event);
}

void DayView::contextMenuEvent(QContextMenuEvent* event)
{
    const Id id = m_layout.appointmentAt(event->pos());
    if (id == 0) {
        event->ignore();
        return;
    }
    selectAppointment(id);
    Q_EMIT appointmentContextMenuRequested(id, event->globalPos());
}

// Painting

void DayView::paintEvent(QPaintEvent* event)
{
    if (!m_textsLaidOut) {
        layOutTexts();
        m_textsLaidOut = true;
    }
    // The columns, hours, grid and ruler change only with the layout and the look: drawn once
    // into a picture and copied. Qt splits every tall fill across threads, which on a small
    // machine cost more than the fill itself, and a day had dozens of them.
    const qreal ratio = devicePixelRatioF();
    if (m_background.isNull() || m_background.devicePixelRatio() != ratio ||
        m_background.deviceIndependentSize() != QSizeF(size())) {
        m_background = QPixmap((QSizeF(size()) * ratio).toSize());
        m_background.setDevicePixelRatio(ratio);
        QPainter background(&m_background);
        background.fillRect(rect(), palette().color(QPalette::Base));
        paintColumns(background);
        paintRuler(background);
    }
    QPainter painter(this);
    const QRect exposed = event->rect();
    painter.drawPixmap(
        exposed, m_background,
        QRectF(QPointF(exposed.topLeft()) * ratio, QSizeF(exposed.size()) * ratio).toRect());
    painter.setRenderHint(QPainter::Antialiasing);
    const QList<DayLayout::Card>& cards = m_layout.cards();
    for (qsizetype index = 0; index < cards.size(); ++index) {
        const DayLayout::Card& card = cards.at(index);
        m_cardPainter.paint(painter, card, m_day.entries.at(card.entryIndex), m_cardTexts.at(index),
                            palette(), card.appointmentId == m_selected, ratio);
    }
    paintDragPreview(painter);
    paintNowLine(painter);
}

void DayView::paintColumns(QPainter& painter) const
{
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const QColor offHours = mix(base, text, 0.07);
    const QColor hatch = mix(base, text, 0.30);
    for (int column = 0; column < m_layout.columnCount(); ++column) {
        for (const QRectF& band : m_layout.offHoursRects(column)) {
            painter.fillRect(band, offHours);
        }
        for (const QRectF& band : m_layout.timeOffRects(column)) {
            painter.fillRect(band, offHours);
            painter.fillRect(band, QBrush(hatch, Qt::BDiagPattern));
        }
    }
    // Hours strongest, half hours less, quarters faint. One-pixel lines are filled as
    // rectangles on whole pixels: the same look as a pen, without the line stroker.
    const int left = static_cast<int>(DayLayout::rulerWidth);
    const std::array<QColor, 3> lineColors{mix(base, text, 0.24), mix(base, text, 0.12),
                                           mix(base, text, 0.06)};
    for (const auto& [lineY, minute] : m_gridLines) {
        const int kind = minute % 60 == 0 ? 0 : (minute % 30 == 0 ? 1 : 2);
        painter.fillRect(QRect(left, static_cast<int>(std::round(lineY)), width() - left, 1),
                         lineColors.at(static_cast<std::size_t>(kind)));
    }
    const QColor columnLine = mix(base, text, 0.28);
    for (int column = 0; column < m_layout.columnCount(); ++column) {
        const int x = static_cast<int>(std::round(m_layout.columnRect(column).left()));
        painter.fillRect(QRect(x, 0, 1, height()), columnLine);
    }
}

void DayView::paintRuler(QPainter& painter) const
{
    const QRectF ruler(0, 0, DayLayout::rulerWidth, height());
    painter.fillRect(ruler, palette().color(QPalette::Window));
    QFont hourFont = font();
    QFont halfFont = font();
    halfFont.setPointSizeF(font().pointSizeF() * 0.85);
    const QColor text = palette().color(QPalette::WindowText);
    const QColor faint = mix(palette().color(QPalette::Window), text, 0.55);
    for (const auto& [y, minute] : m_gridLines) {
        if (minute % 30 != 0) {
            continue;
        }
        const bool hour = minute % 60 == 0;
        painter.setFont(hour ? hourFont : halfFont);
        painter.setPen(hour ? text : faint);
        const QRectF label(0, y - 10, DayLayout::rulerWidth - 8, 20);
        painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter,
                         ClinicTime::formatMinute(minute));
    }
}

void DayView::paintDragPreview(QPainter& painter) const
{
    if (!m_dragging || m_drag == Drag::None) {
        return;
    }
    const int column = m_layout.columnOf(m_dragTherapist);
    const QRectF columnArea = m_layout.columnRect(column);
    if (columnArea.isEmpty()) {
        return;
    }
    const qreal top = m_layout.yAt(m_dragStart);
    const qreal bottom = m_layout.yAt(m_dragStart.addSecs(qint64{m_dragMinutes} * 60));
    const QRectF target(columnArea.left() + 3, top, columnArea.width() - 7, bottom - top);
    QColor highlight = palette().color(QPalette::Highlight);
    QColor wash = highlight;
    wash.setAlphaF(0.18f);
    painter.fillRect(target, wash);
    painter.setPen(QPen(highlight, 2, Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(target, 4, 4);
    painter.setPen(palette().color(QPalette::Text));
    const QTimeZone& zone = m_day.directory.zone;
    const QString label = tr("%1–%2").arg(
        ClinicTime::formatClock(m_dragStart, zone),
        ClinicTime::formatClock(m_dragStart.addSecs(qint64{m_dragMinutes} * 60), zone));
    painter.drawText(target.adjusted(8, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop, label);
}

void DayView::paintNowLine(QPainter& painter) const
{
    if (!m_now.isValid() || m_now < m_layout.visibleStartUtc() ||
        m_now > m_layout.visibleEndUtc()) {
        return;
    }
    const qreal y = m_layout.yAt(m_now);
    painter.setPen(QPen(nowColor, 2));
    painter.drawLine(QPointF(DayLayout::rulerWidth, y), QPointF(width(), y));
    painter.setPen(Qt::NoPen);
    painter.setBrush(nowColor);
    painter.drawEllipse(QPointF(DayLayout::rulerWidth, y), 4, 4);
}

} // namespace masahista::gui

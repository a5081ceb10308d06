#include "DayLayout.h"

#include "booking/engine/ClinicTime.h"

#include <algorithm>
#include <cmath>

namespace masahista::gui {

namespace {

constexpr qreal cardInset = 3;

// The wall-clock minute (0..1440) at which an instant falls on `date`, clamped to the day.
int wallMinuteOn(QDate date, const QDateTime& utc, const QTimeZone& zone)
{
    const QDateTime local = ClinicTime::toLocal(utc, zone);
    if (local.date() < date) {
        return 0;
    }
    if (local.date() > date) {
        return 24 * 60;
    }
    return ClinicTime::minuteOfDay(local);
}

QDateTime instantOfWallMinute(QDate date, int minute, const QTimeZone& zone)
{
    // The next midnight, not 24:00, which QTime cannot hold.
    return minute >= 24 * 60 ? ClinicTime::toUtc(date.addDays(1), 0, zone)
                             : ClinicTime::toUtc(date, minute, zone);
}

} // namespace

DayLayout::DayLayout(const DaySchedule& day, const QList<Id>& shownTherapists, qreal width,
                     qreal pixelsPerMinute, bool showCancelled)
    : m_date(day.date)
    , m_zone(day.directory.zone)
    , m_therapists(shownTherapists)
    , m_width(width)
    , m_pixelsPerMinute(pixelsPerMinute > 0 ? pixelsPerMinute : 1)
{
    int first = 24 * 60;
    int end = 0;
    for (const Id therapistId : std::as_const(m_therapists)) {
        QList<std::pair<QDateTime, QDateTime>> working;
        QList<WeeklyInterval> hours = day.hoursOf(therapistId);
        std::sort(hours.begin(), hours.end(), [](const WeeklyInterval& a, const WeeklyInterval& b) {
            return a.startMinute < b.startMinute;
        });
        for (const WeeklyInterval& interval : std::as_const(hours)) {
            first = std::min(first, interval.startMinute);
            end = std::max(end, interval.endMinute);
            working.append({instantOfWallMinute(m_date, interval.startMinute, m_zone),
                            instantOfWallMinute(m_date, interval.endMinute, m_zone)});
        }
        m_working.append(working);
        QList<std::pair<QDateTime, QDateTime>> timeOff;
        for (const TimeOff& off : day.working.timeOff) {
            if (off.therapistId == therapistId) {
                timeOff.append({off.startUtc, off.endUtc});
            }
        }
        m_timeOff.append(timeOff);
    }
    // Appointments outside everyone's hours (booked with an override) must still be seen.
    for (const CalendarEntry& entry : day.entries) {
        const Appointment& appointment = entry.appointment;
        if (!m_therapists.contains(appointment.therapistId) ||
            (!showCancelled && !appointment.holdsTime())) {
            continue;
        }
        first = std::min(first, wallMinuteOn(m_date, appointment.startUtc, m_zone));
        end = std::max(end, wallMinuteOn(m_date, appointment.bufferEndUtc, m_zone));
    }
    if (first >= end) {
        first = defaultFirstMinute;
        end = defaultEndMinute;
    }
    m_firstHour = first / 60;
    m_endHour = std::min(24, (end + 59) / 60);
    m_visibleStart = instantOfWallMinute(m_date, m_firstHour * 60, m_zone);
    m_visibleEnd = instantOfWallMinute(m_date, m_endHour * 60, m_zone);
    placeCards(day, showCancelled);
}

QList<Id> DayLayout::therapistsOn(const DaySchedule& day)
{
    QList<Id> ids;
    for (const Therapist& therapist : day.directory.therapists) {
        if (day.isOn(therapist.id)) {
            ids.append(therapist.id);
        }
    }
    return ids;
}

Id DayLayout::therapistOf(int column) const
{
    return column >= 0 && column < columnCount() ? m_therapists.at(column) : 0;
}

int DayLayout::columnOf(Id therapistId) const
{
    return static_cast<int>(m_therapists.indexOf(therapistId));
}

QRectF DayLayout::columnRect(int column) const
{
    if (column < 0 || column >= columnCount()) {
        return {};
    }
    const qreal columnWidth = std::max<qreal>(0, m_width - rulerWidth) / columnCount();
    return {rulerWidth + column * columnWidth, 0, columnWidth, height()};
}

int DayLayout::columnAt(qreal x) const
{
    if (columnCount() == 0 || x < rulerWidth || x >= m_width) {
        return -1;
    }
    const qreal columnWidth = (m_width - rulerWidth) / columnCount();
    return std::min(columnCount() - 1, static_cast<int>((x - rulerWidth) / columnWidth));
}

Id DayLayout::therapistAt(qreal x) const
{
    return therapistOf(columnAt(x));
}

qreal DayLayout::height() const
{
    const qreal minutes = static_cast<qreal>(m_visibleStart.secsTo(m_visibleEnd)) / 60;
    return topMargin + minutes * m_pixelsPerMinute + bottomMargin;
}

qreal DayLayout::yAt(const QDateTime& utc) const
{
    return topMargin + static_cast<qreal>(m_visibleStart.secsTo(utc)) / 60 * m_pixelsPerMinute;
}

QDateTime DayLayout::timeAt(qreal y, int gridMinutes) const
{
    const int grid = std::max(1, gridMinutes);
    // A hair of slack so that the y of a grid line, back from yAt, is not floored below it.
    const qreal minutes = std::clamp<qreal>((y - topMargin) / m_pixelsPerMinute + 1e-6, 0,
                                            m_visibleStart.secsTo(m_visibleEnd) / 60.0);
    QDateTime instant = m_visibleStart.addSecs(static_cast<qint64>(std::floor(minutes)) * 60);
    // Snapping in wall-clock minutes keeps :00 and :15 on the ruler's lines after a change of
    // offset, whatever the grid.
    const int wall = ClinicTime::minuteOfDay(ClinicTime::toLocal(instant, m_zone));
    instant = instant.addSecs(-qint64{wall % grid} * 60);
    if (instant >= m_visibleEnd) {
        instant = m_visibleEnd.addSecs(-qint64{grid} * 60);
    }
    return instant;
}

const DayLayout::Card* DayLayout::card(Id appointmentId) const
{
    for (const Card& candidate : m_cards) {
        if (candidate.appointmentId == appointmentId) {
            return &candidate;
        }
    }
    return nullptr;
}

QRectF DayLayout::cardRect(Id appointmentId) const
{
    const Card* found = card(appointmentId);
    return found != nullptr ? found->rect : QRectF();
}

Id DayLayout::appointmentAt(QPointF point) const
{
    // Last painted is on top.
    for (auto it = m_cards.crbegin(); it != m_cards.crend(); ++it) {
        if (it->rect.contains(point)) {
            return it->appointmentId;
        }
    }
    return 0;
}

bool DayLayout::onResizeHandle(QPointF point, Id* appointmentId) const
{
    for (auto it = m_cards.crbegin(); it != m_cards.crend(); ++it) {
        const QRectF& rect = it->rect;
        // The handle reaches a little below the card: the bottom edge of a short card is
        // otherwise hard to catch.
        if (point.x() >= rect.left() && point.x() < rect.right() &&
            point.y() >= rect.bottom() - resizeHandleHeight && point.y() <= rect.bottom() + 2) {
            if (appointmentId != nullptr) {
                *appointmentId = it->appointmentId;
            }
            return true;
        }
        if (rect.contains(point)) {
            break; // a card on top hides the handles beneath it
        }
    }
    if (appointmentId != nullptr) {
        *appointmentId = 0;
    }
    return false;
}

QRectF DayLayout::band(int column, const QDateTime& fromUtc, const QDateTime& toUtc) const
{
    const QRectF columnArea = columnRect(column);
    const QDateTime from = std::max(fromUtc, m_visibleStart);
    const QDateTime to = std::min(toUtc, m_visibleEnd);
    if (columnArea.isEmpty() || from >= to) {
        return {};
    }
    const qreal top = yAt(from);
    return {columnArea.left(), top, columnArea.width(), yAt(to) - top};
}

QList<QRectF> DayLayout::offHoursRects(int column) const
{
    QList<QRectF> rects;
    if (column < 0 || column >= columnCount()) {
        return rects;
    }
    QDateTime cursor = m_visibleStart;
    for (const auto& [start, end] : m_working.at(column)) {
        if (cursor < start) {
            rects.append(band(column, cursor, start));
        }
        cursor = std::max(cursor, end);
    }
    if (cursor < m_visibleEnd) {
        rects.append(band(column, cursor, m_visibleEnd));
    }
    rects.removeIf([](const QRectF& rect) { return rect.isEmpty(); });
    return rects;
}

QList<QRectF> DayLayout::timeOffRects(int column) const
{
    QList<QRectF> rects;
    if (column < 0 || column >= columnCount()) {
        return rects;
    }
    for (const auto& [start, end] : m_timeOff.at(column)) {
        const QRectF rect = band(column, start, end);
        if (!rect.isEmpty()) {
            rects.append(rect);
        }
    }
    return rects;
}

void DayLayout::placeCards(const DaySchedule& day, bool showCancelled)
{
    for (int column = 0; column < columnCount(); ++column) {
        QList<Card> cards;
        for (int index = 0; index < day.entries.size(); ++index) {
            const Appointment& appointment = day.entries.at(index).appointment;
            if (appointment.therapistId != m_therapists.at(column) ||
                (!showCancelled && !appointment.holdsTime())) {
                continue;
            }
            Card card;
            card.appointmentId = appointment.id;
            card.therapistId = appointment.therapistId;
            card.entryIndex = index;
            card.column = column;
            card.cancelled = !appointment.holdsTime();
            cards.append(card);
        }
        const auto& entries = day.entries;
        const auto startOf = [&entries](const Card& card) {
            return entries.at(card.entryIndex).appointment.startUtc;
        };
        const auto endOf = [&entries](const Card& card) {
            const Appointment& appointment = entries.at(card.entryIndex).appointment;
            return std::max(appointment.endUtc, appointment.bufferEndUtc);
        };
        std::stable_sort(cards.begin(), cards.end(), [&startOf](const Card& a, const Card& b) {
            return startOf(a) < startOf(b);
        });
        // Lanes: each card takes the first lane free at its start; a cluster of cards that
        // overlap one another, directly or through others, shares the column evenly.
        qsizetype clusterBegin = 0;
        QDateTime clusterEnd;
        QList<QDateTime> laneEnds;
        const auto closeCluster = [&](qsizetype clusterStop) {
            for (qsizetype i = clusterBegin; i < clusterStop; ++i) {
                cards[i].lanes = static_cast<int>(laneEnds.size());
            }
            laneEnds.clear();
            clusterBegin = clusterStop;
        };
        for (qsizetype i = 0; i < cards.size(); ++i) {
            if (i > clusterBegin && startOf(cards.at(i)) >= clusterEnd) {
                closeCluster(i);
            }
            if (i == clusterBegin) {
                clusterEnd = endOf(cards.at(i));
            }
            clusterEnd = std::max(clusterEnd, endOf(cards.at(i)));
            qsizetype lane = 0;
            while (lane < laneEnds.size() && laneEnds.at(lane) > startOf(cards.at(i))) {
                ++lane;
            }
            if (lane == laneEnds.size()) {
                laneEnds.append(endOf(cards.at(i)));
            } else {
                laneEnds[lane] = endOf(cards.at(i));
            }
            cards[i].lane = static_cast<int>(lane);
        }
        closeCluster(cards.size());

        const QRectF columnArea = columnRect(column);
        for (Card& card : cards) {
            const Appointment& appointment = entries.at(card.entryIndex).appointment;
            const qreal laneWidth = (columnArea.width() - 2 * cardInset) / card.lanes;
            const qreal left = columnArea.left() + cardInset + card.lane * laneWidth;
            const qreal top = yAt(appointment.startUtc);
            const qreal bottom = yAt(appointment.endUtc);
            card.rect = QRectF(left, top, laneWidth - 1, std::max<qreal>(bottom - top, 4));
            if (appointment.bufferEndUtc > appointment.endUtc) {
                card.tail = QRectF(left, card.rect.bottom(), laneWidth - 1,
                                   yAt(appointment.bufferEndUtc) - card.rect.bottom());
            }
        }
        // Cancelled cards first, so that what holds time is painted (and hit) on top.
        std::stable_sort(cards.begin(), cards.end(),
                         [](const Card& a, const Card& b) { return a.cancelled && !b.cancelled; });
        m_cards.append(cards);
    }
}

QList<const DayLayout::Card*> DayLayout::cardsInReadingOrder() const
{
    QList<const Card*> ordered;
    ordered.reserve(m_cards.size());
    for (const Card& candidate : m_cards) {
        ordered.append(&candidate);
    }
    std::sort(ordered.begin(), ordered.end(), [](const Card* a, const Card* b) {
        return a->rect.top() != b->rect.top() ? a->rect.top() < b->rect.top()
                                              : a->rect.left() < b->rect.left();
    });
    return ordered;
}

Id DayLayout::firstCardIn(const QRectF& area) const
{
    for (const Card* candidate : cardsInReadingOrder()) {
        if (candidate->rect.intersects(area)) {
            return candidate->appointmentId;
        }
    }
    return cardFrom(0, Step::First);
}

Id DayLayout::cardFrom(Id from, Step step) const
{
    if (m_cards.isEmpty()) {
        return 0;
    }
    const QList<const Card*> ordered = cardsInReadingOrder();
    const Card* current = card(from);
    if (current == nullptr || step == Step::First) {
        return step == Step::Last ? ordered.constLast()->appointmentId
                                  : ordered.constFirst()->appointmentId;
    }
    if (step == Step::Last) {
        return ordered.constLast()->appointmentId;
    }
    if (step == Step::Earlier || step == Step::Later) {
        QList<const Card*> column;
        for (const Card* candidate : ordered) {
            if (candidate->column == current->column) {
                column.append(candidate);
            }
        }
        const qsizetype index = column.indexOf(current) + (step == Step::Later ? 1 : -1);
        return index >= 0 && index < column.size() ? column.at(index)->appointmentId : 0;
    }
    const int direction = step == Step::RightColumn ? 1 : -1;
    for (int column = current->column + direction; column >= 0 && column < columnCount();
         column += direction) {
        const Card* nearest = nullptr;
        for (const Card* candidate : ordered) {
            if (candidate->column == column &&
                (nearest == nullptr ||
                 qAbs(candidate->rect.center().y() - current->rect.center().y()) <
                     qAbs(nearest->rect.center().y() - current->rect.center().y()))) {
                nearest = candidate;
            }
        }
        if (nearest != nullptr) {
            return nearest->appointmentId;
        }
    }
    return 0;
}

} // namespace masahista::gui

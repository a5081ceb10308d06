#include "WeekLayout.h"

#include "booking/engine/ClinicTime.h"

#include <algorithm>

namespace masahista::gui {

namespace {

constexpr int minutesPerDay = 24 * 60;
constexpr qreal cardInset = 3;
constexpr qreal minimumCardHeight = 4;

// The wall-clock minute (0..1440) at which an instant falls on `date`, clamped to the day.
int wallMinuteOn(QDate date, const QDateTime& utc, const QTimeZone& zone)
{
    const QDateTime local = ClinicTime::toLocal(utc, zone);
    if (local.date() < date) {
        return 0;
    }
    if (local.date() > date) {
        return minutesPerDay;
    }
    return ClinicTime::minuteOfDay(local);
}

struct Placed
{
    int entryIndex;
    int start; // wall-clock minute
    int end;   // start plus the elapsed minutes, at most the end of the day
};

} // namespace

WeekLayout::WeekLayout(const WeekSchedule& week, Id therapistId, qreal width, qreal pixelsPerMinute)
    : m_monday(week.monday)
    , m_width(width)
    , m_pixelsPerMinute(pixelsPerMinute > 0 ? pixelsPerMinute : 1)
{
    int first = minutesPerDay;
    int end = 0;
    QList<QList<Placed>> placed;
    for (int day = 0; day < dayCount; ++day) {
        QList<MinuteSpan> working;
        QList<MinuteSpan> timeOff;
        QList<Placed> appointments;
        if (day < week.days.size()) {
            const DaySchedule& schedule = week.days.at(day);
            const QTimeZone& zone = schedule.directory.zone;
            for (const WeeklyInterval& interval : schedule.hoursOf(therapistId)) {
                working.append({interval.startMinute, interval.endMinute});
                first = std::min(first, interval.startMinute);
                end = std::max(end, interval.endMinute);
            }
            std::sort(working.begin(), working.end());
            for (const TimeOff& off : schedule.working.timeOff) {
                if (off.therapistId == therapistId) {
                    timeOff.append({wallMinuteOn(schedule.date, off.startUtc, zone),
                                    wallMinuteOn(schedule.date, off.endUtc, zone)});
                }
            }
            for (int index = 0; index < schedule.entries.size(); ++index) {
                const Appointment& appointment = schedule.entries.at(index).appointment;
                if (appointment.therapistId != therapistId || !appointment.holdsTime()) {
                    continue;
                }
                const int start = wallMinuteOn(schedule.date, appointment.startUtc, zone);
                // Elapsed, not wall-clock, length: across a change of offset the wall-clock end
                // may even lie before the start.
                const qint64 minutes = appointment.startUtc.secsTo(appointment.endUtc) / 60;
                const int stop =
                    static_cast<int>(std::clamp<qint64>(start + minutes, start, minutesPerDay));
                appointments.append({index, start, stop});
                // Appointments outside the working hours (booked with an override) must be seen.
                first = std::min(first, start);
                end = std::max(end, stop);
            }
        }
        m_working.append(working);
        m_timeOff.append(timeOff);
        placed.append(appointments);
    }
    if (first >= end) {
        first = defaultFirstMinute;
        end = defaultEndMinute;
    }
    m_firstHour = first / 60;
    m_endHour = std::min(24, (end + 59) / 60);

    for (int day = 0; day < dayCount; ++day) {
        QList<Placed>& appointments = placed[day];
        std::stable_sort(appointments.begin(), appointments.end(),
                         [](const Placed& a, const Placed& b) { return a.start < b.start; });
        // Lanes as in the day view: each card takes the first lane free at its start, and a
        // cluster of cards overlapping one another shares the column evenly.
        QList<Card> cards;
        QList<int> laneEnds;
        qsizetype clusterBegin = 0;
        int clusterEnd = 0;
        const auto closeCluster = [&](qsizetype clusterStop) {
            for (qsizetype i = clusterBegin; i < clusterStop; ++i) {
                cards[i].lanes = static_cast<int>(laneEnds.size());
            }
            laneEnds.clear();
            clusterBegin = clusterStop;
        };
        for (qsizetype i = 0; i < appointments.size(); ++i) {
            const Placed& appointment = appointments.at(i);
            if (i > clusterBegin && appointment.start >= clusterEnd) {
                closeCluster(i);
            }
            clusterEnd =
                i == clusterBegin ? appointment.end : std::max(clusterEnd, appointment.end);
            qsizetype lane = 0;
            while (lane < laneEnds.size() && laneEnds.at(lane) > appointment.start) {
                ++lane;
            }
            if (lane == laneEnds.size()) {
                laneEnds.append(appointment.end);
            } else {
                laneEnds[lane] = appointment.end;
            }
            Card card;
            card.appointmentId =
                week.days.at(day).entries.at(appointment.entryIndex).appointment.id;
            card.day = day;
            card.entryIndex = appointment.entryIndex;
            card.lane = static_cast<int>(lane);
            cards.append(card);
        }
        closeCluster(cards.size());

        const QRectF column = columnRect(day);
        for (qsizetype i = 0; i < cards.size(); ++i) {
            Card& card = cards[i];
            const qreal laneWidth = (column.width() - 2 * cardInset) / card.lanes;
            const qreal left = column.left() + cardInset + card.lane * laneWidth;
            const qreal bottomLimit = yAtMinute(m_endHour * 60);
            const qreal top =
                std::min(yAtMinute(appointments.at(i).start), bottomLimit - minimumCardHeight);
            const qreal bottom = std::min(yAtMinute(appointments.at(i).end), bottomLimit);
            card.rect = QRectF(left, top, std::max<qreal>(laneWidth - 1, 1),
                               std::max(bottom - top, minimumCardHeight));
        }
        m_cards.append(cards);
    }
}

QDate WeekLayout::dateOf(int day) const
{
    return day >= 0 && day < dayCount ? m_monday.addDays(day) : QDate();
}

int WeekLayout::dayOf(QDate date) const
{
    const qint64 day = m_monday.isValid() && date.isValid() ? m_monday.daysTo(date) : -1;
    return day >= 0 && day < dayCount ? static_cast<int>(day) : -1;
}

QRectF WeekLayout::headerRect(int day) const
{
    const QRectF column = columnRect(day);
    return column.isEmpty() ? QRectF() : QRectF(column.left(), 0, column.width(), headerHeight);
}

QRectF WeekLayout::columnRect(int day) const
{
    if (day < 0 || day >= dayCount) {
        return {};
    }
    const qreal columnWidth = std::max<qreal>(0, m_width - rulerWidth) / dayCount;
    return {rulerWidth + day * columnWidth, headerHeight, columnWidth, height() - headerHeight};
}

int WeekLayout::dayAt(qreal x) const
{
    if (x < rulerWidth || x >= m_width) {
        return -1;
    }
    const qreal columnWidth = (m_width - rulerWidth) / dayCount;
    return std::min(dayCount - 1, static_cast<int>((x - rulerWidth) / columnWidth));
}

QDate WeekLayout::dateAt(qreal x) const
{
    return dateOf(dayAt(x));
}

qreal WeekLayout::height() const
{
    return headerHeight + topMargin + (m_endHour - m_firstHour) * 60 * m_pixelsPerMinute +
           bottomMargin;
}

qreal WeekLayout::yAtMinute(int wallMinute) const
{
    return headerHeight + topMargin + (wallMinute - m_firstHour * 60) * m_pixelsPerMinute;
}

const WeekLayout::Card* WeekLayout::card(Id appointmentId) const
{
    const auto found =
        std::find_if(m_cards.cbegin(), m_cards.cend(), [appointmentId](const Card& card) {
            return card.appointmentId == appointmentId;
        });
    return found != m_cards.cend() ? &*found : nullptr;
}

QRectF WeekLayout::cardRect(Id appointmentId) const
{
    const Card* found = card(appointmentId);
    return found != nullptr ? found->rect : QRectF();
}

Id WeekLayout::appointmentAt(QPointF point) const
{
    for (auto it = m_cards.crbegin(); it != m_cards.crend(); ++it) {
        if (it->rect.contains(point)) {
            return it->appointmentId;
        }
    }
    return 0;
}

QRectF WeekLayout::band(int day, int fromMinute, int toMinute) const
{
    const QRectF column = columnRect(day);
    const int from = std::max(fromMinute, m_firstHour * 60);
    const int to = std::min(toMinute, m_endHour * 60);
    if (column.isEmpty() || from >= to) {
        return {};
    }
    const qreal top = yAtMinute(from);
    return {column.left(), top, column.width(), yAtMinute(to) - top};
}

QList<QRectF> WeekLayout::offHoursRects(int day) const
{
    QList<QRectF> rects;
    if (day < 0 || day >= dayCount) {
        return rects;
    }
    int cursor = m_firstHour * 60;
    for (const auto& [start, stop] : m_working.at(day)) {
        if (cursor < start) {
            rects.append(band(day, cursor, start));
        }
        cursor = std::max(cursor, stop);
    }
    if (cursor < m_endHour * 60) {
        rects.append(band(day, cursor, m_endHour * 60));
    }
    rects.removeIf([](const QRectF& rect) { return rect.isEmpty(); });
    return rects;
}

QList<QRectF> WeekLayout::timeOffRects(int day) const
{
    QList<QRectF> rects;
    if (day < 0 || day >= dayCount) {
        return rects;
    }
    for (const auto& [start, stop] : m_timeOff.at(day)) {
        const QRectF rect = band(day, start, stop);
        if (!rect.isEmpty()) {
            rects.append(rect);
        }
    }
    return rects;
}

} // namespace masahista::gui

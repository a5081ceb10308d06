#include "WeekOverviewLayout.h"

#include "booking/engine/ClinicTime.h"

#include <algorithm>

namespace masahista::gui {

namespace {

int minutesIn(const QList<TimeSpan>& spans)
{
    qint64 seconds = 0;
    for (const TimeSpan& span : spans) {
        seconds += std::max<qint64>(0, span.start.secsTo(span.end));
    }
    return static_cast<int>(seconds / 60);
}

WeekOverviewLayout::CellSummary summarize(const DaySchedule& day, Id therapistId)
{
    WeekOverviewLayout::CellSummary summary;
    summary.therapistId = therapistId;
    summary.date = day.date;
    const QTimeZone& zone = day.directory.zone;
    QList<TimeSpan> working;
    for (const WeeklyInterval& interval : day.hoursOf(therapistId)) {
        working.append({ClinicTime::toUtc(day.date, interval.startMinute, zone),
                        ClinicTime::toUtc(day.date, interval.endMinute, zone)});
    }
    summary.scheduledMinutes = minutesIn(working);
    for (const TimeOff& off : day.working.timeOff) {
        if (off.therapistId == therapistId) {
            working = without(working, {off.startUtc, off.endUtc});
        }
    }
    summary.workingMinutes = minutesIn(working);
    summary.off = summary.workingMinutes == 0;
    for (const CalendarEntry& entry : day.entries) {
        const Appointment& appointment = entry.appointment;
        // The day's entries include one that began the evening before and runs past midnight;
        // counting each appointment on the day it starts counts it once in the week.
        if (appointment.therapistId != therapistId || !appointment.holdsTime() ||
            appointment.startUtc < day.startUtc || appointment.startUtc >= day.endUtc) {
            continue;
        }
        ++summary.appointments;
        summary.bookedMinutes += static_cast<int>(
            std::max<qint64>(0, appointment.startUtc.secsTo(appointment.endUtc)) / 60);
    }
    summary.free = freeTime(day.date, day.directory, therapistId, day.entries, day.working);
    summary.freeMinutes = minutesIn(summary.free);
    return summary;
}

} // namespace

WeekOverviewLayout::WeekOverviewLayout(const WeekSchedule& week, const QList<Id>& therapists,
                                       QSizeF size)
    : m_monday(week.monday)
    , m_therapists(therapists)
    , m_size(size)
{
    m_nameWidth =
        std::clamp(size.width() - dayCount * minimumDayWidth, minimumNameWidth, preferredNameWidth);
    const qreal available = size.height() - headerHeight;
    m_rowHeight = m_therapists.isEmpty()
                      ? minimumRowHeight
                      : std::clamp(available / static_cast<qreal>(m_therapists.size()),
                                   minimumRowHeight, maximumRowHeight);

    m_summaries.reserve(m_therapists.size() * dayCount);
    for (const Id therapistId : std::as_const(m_therapists)) {
        for (int day = 0; day < dayCount; ++day) {
            if (day < week.days.size()) {
                m_summaries.append(summarize(week.days.at(day), therapistId));
            } else {
                CellSummary empty;
                empty.therapistId = therapistId;
                empty.date = dateOf(day);
                empty.off = true;
                m_summaries.append(empty);
            }
        }
    }
}

QList<Id> WeekOverviewLayout::therapistsIn(const WeekSchedule& week)
{
    QList<Id> ids;
    if (week.days.isEmpty()) {
        return ids;
    }
    for (const Therapist& therapist : week.days.constFirst().directory.therapists) {
        const bool holdsTime =
            std::any_of(week.days.cbegin(), week.days.cend(), [&therapist](const DaySchedule& day) {
                return std::any_of(day.entries.cbegin(), day.entries.cend(),
                                   [&therapist](const CalendarEntry& entry) {
                                       return entry.appointment.therapistId == therapist.id &&
                                              entry.appointment.holdsTime();
                                   });
            });
        if (therapist.active || holdsTime) {
            ids.append(therapist.id);
        }
    }
    return ids;
}

QDate WeekOverviewLayout::dateOf(int day) const
{
    return day >= 0 && day < dayCount ? m_monday.addDays(day) : QDate();
}

int WeekOverviewLayout::dayOf(QDate date) const
{
    const qint64 day = m_monday.isValid() && date.isValid() ? m_monday.daysTo(date) : -1;
    return day >= 0 && day < dayCount ? static_cast<int>(day) : -1;
}

Id WeekOverviewLayout::therapistOf(int row) const
{
    return row >= 0 && row < rowCount() ? m_therapists.at(row) : 0;
}

int WeekOverviewLayout::rowOf(Id therapistId) const
{
    return static_cast<int>(m_therapists.indexOf(therapistId));
}

qreal WeekOverviewLayout::dayWidth() const
{
    return std::max<qreal>(0, m_size.width() - m_nameWidth) / dayCount;
}

QRectF WeekOverviewLayout::headerRect(int day) const
{
    if (day < 0 || day >= dayCount) {
        return {};
    }
    return {m_nameWidth + day * dayWidth(), 0, dayWidth(), headerHeight};
}

QRectF WeekOverviewLayout::nameRect(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    return {0, headerHeight + row * m_rowHeight, m_nameWidth, m_rowHeight};
}

QRectF WeekOverviewLayout::cellRect(int row, int day) const
{
    if (row < 0 || row >= rowCount() || day < 0 || day >= dayCount) {
        return {};
    }
    return {m_nameWidth + day * dayWidth(), headerHeight + row * m_rowHeight, dayWidth(),
            m_rowHeight};
}

WeekOverviewLayout::Cell WeekOverviewLayout::cellAt(QPointF point) const
{
    const qreal columnWidth = dayWidth();
    if (columnWidth <= 0 || point.x() < m_nameWidth ||
        point.x() >= m_nameWidth + dayCount * columnWidth || point.y() < headerHeight ||
        point.y() >= height()) {
        return {};
    }
    Cell cell;
    cell.day = std::min(dayCount - 1, static_cast<int>((point.x() - m_nameWidth) / columnWidth));
    cell.row = std::min(rowCount() - 1, static_cast<int>((point.y() - headerHeight) / m_rowHeight));
    return cell;
}

Id WeekOverviewLayout::therapistAt(QPointF point) const
{
    return therapistOf(cellAt(point).row);
}

QDate WeekOverviewLayout::dateAt(QPointF point) const
{
    const Cell cell = cellAt(point);
    return cell.isValid() ? dateOf(cell.day) : QDate();
}

const WeekOverviewLayout::CellSummary& WeekOverviewLayout::summary(int row, int day) const
{
    static const CellSummary none;
    if (row < 0 || row >= rowCount() || day < 0 || day >= dayCount) {
        return none;
    }
    return m_summaries.at(row * dayCount + day);
}

} // namespace masahista::gui

#include "GridTimeEdit.h"

#include "DateInputs.h"

#include <algorithm>

namespace masahista::gui {

namespace {

constexpr int minutesPerDay = 24 * 60;

} // namespace

GridTimeEdit::GridTimeEdit(QWidget* parent)
    : QTimeEdit(parent)
{
    setDisplayFormat(QStringLiteral("HH:mm"));
    DateInputs::selectPartOnClick(this);
}

void GridTimeEdit::setGridMinutes(int minutes)
{
    m_gridMinutes = std::max(minutes, 1);
}

void GridTimeEdit::stepBy(int steps)
{
    if (currentSection() != MinuteSection) {
        QTimeEdit::stepBy(steps);
        return;
    }
    int minute = time().hour() * 60 + time().minute();
    if (m_endOfDay && minute == 0 && steps < 0) {
        minute = minutesPerDay; // stepping down from midnight at the end of the day
    }
    // A time between two grid points goes to the next one in the direction of the step.
    const int below = minute / m_gridMinutes * m_gridMinutes;
    const int onGrid = minute == below ? minute : (steps > 0 ? below : below + m_gridMinutes);
    const int stepped = onGrid + steps * m_gridMinutes;
    const int last = m_endOfDay ? minutesPerDay : minutesPerDay - m_gridMinutes;
    const int target = std::clamp(stepped, 0, last);
    setTime(QTime(0, 0).addSecs(qint64{target % minutesPerDay} * 60));
}

QAbstractSpinBox::StepEnabled GridTimeEdit::stepEnabled() const
{
    if (currentSection() != MinuteSection) {
        return QTimeEdit::stepEnabled();
    }
    // The minutes step across the hours, so only the ends of the day stop them; as an end,
    // 00:00 is midnight at the end of the day, the latest time there is.
    const int minute = time().hour() * 60 + time().minute();
    StepEnabled enabled = StepNone;
    if (minute > 0 || m_endOfDay) {
        enabled |= StepDownEnabled;
    }
    if (m_endOfDay ? minute != 0 : minute < minutesPerDay - m_gridMinutes) {
        enabled |= StepUpEnabled;
    }
    return enabled;
}

} // namespace masahista::gui

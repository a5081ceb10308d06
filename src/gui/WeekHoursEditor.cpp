#include "WeekHoursEditor.h"

#include "GridTimeEdit.h"
#include "ProblemColour.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace masahista::gui {

namespace {

constexpr int minutesPerDay = 24 * 60;
constexpr int defaultStart = 9 * 60;
constexpr int defaultEnd = 17 * 60;

int minuteOf(QTime time)
{
    return time.hour() * 60 + time.minute();
}

QTime timeOf(int minute)
{
    // A time edit stops at 23:59, so the end of the day is shown as 00:00.
    return QTime(0, 0).addSecs(qint64{minute % minutesPerDay} * 60);
}

QString dayName(int weekday)
{
    return QLocale().dayName(weekday, QLocale::LongFormat);
}

} // namespace

WeekHoursEditor::WeekHoursEditor(QGridLayout* grid, QWidget* contents, EmptyDay emptyDay,
                                 Words words)
    : QObject(contents)
    , m_grid(grid)
    , m_contents(contents)
    , m_emptyDay(emptyDay)
    , m_words(std::move(words))
{
    for (int weekday = 1; weekday <= 7; ++weekday) {
        buildDay(weekday);
    }
    // The stretches take the width; the days stay at the top.
    m_grid->setColumnStretch(m_emptyDay == EmptyDay::ClosedBox ? 2 : 1, 1);
    m_grid->setRowStretch(14, 1);
}

void WeekHoursEditor::buildDay(int weekday)
{
    Day& day = m_days.at(weekday - 1);
    const int gridRow = (weekday - 1) * 2;
    const bool closedBox = m_emptyDay == EmptyDay::ClosedBox;
    const int stretchColumn = closedBox ? 2 : 1;
    // The day's name and "Closed" line up with its first row of hours rather than float above.
    const int rowHeight = QTimeEdit().sizeHint().height();
    auto* name = new QLabel(dayName(weekday), m_contents);
    name->setMinimumHeight(rowHeight);
    m_grid->addWidget(name, gridRow, 0, Qt::AlignTop);

    if (closedBox) {
        day.closed = new QCheckBox(tr("Closed"), m_contents);
        day.closed->setObjectName(QStringLiteral("closedBox%1").arg(weekday));
        day.closed->setMinimumHeight(rowHeight);
        m_grid->addWidget(day.closed, gridRow, 1, Qt::AlignTop);
        connect(day.closed, &QCheckBox::toggled, this, [this, weekday](bool closed) {
            // Opening a closed day starts from ordinary hours rather than an empty row.
            if (!closed && m_days.at(weekday - 1).rows.isEmpty()) {
                addStretch(weekday, defaultStart, defaultEnd);
            }
            updateDay(weekday);
            Q_EMIT changed();
        });
    }

    day.stretchesWidget = new QWidget(m_contents);
    day.stretchesWidget->setObjectName(QStringLiteral("hoursDay%1").arg(weekday));
    day.stretches = new QVBoxLayout(day.stretchesWidget);
    day.stretches->setContentsMargins(0, 0, 0, 0);
    if (!closedBox) {
        day.dayOff = new QLabel(tr("Day off"), day.stretchesWidget);
        day.dayOff->setObjectName(QStringLiteral("dayOffLabel"));
        day.dayOff->setEnabled(false);
        day.stretches->addWidget(day.dayOff);
    }
    m_grid->addWidget(day.stretchesWidget, gridRow, stretchColumn);

    day.add = new QPushButton(tr("Add hours"), m_contents);
    day.add->setObjectName(QStringLiteral("addHoursButton%1").arg(weekday));
    day.add->setAccessibleName(tr("Add hours on %1").arg(dayName(weekday)));
    day.add->setToolTip(m_words.addToolTip);
    day.add->setAutoDefault(false);
    m_grid->addWidget(day.add, gridRow, stretchColumn + 1, Qt::AlignTop);
    connect(day.add, &QPushButton::clicked, this, [this, weekday] {
        addStretchAfterLast(weekday);
        Q_EMIT changed();
    });

    day.error = new QLabel(m_contents);
    day.error->setObjectName(QStringLiteral("hoursError%1").arg(weekday));
    day.error->setWordWrap(true);
    day.error->setTextFormat(Qt::PlainText);
    day.error->setStyleSheet(ProblemColour::styleSheet());
    day.error->hide();
    m_grid->addWidget(day.error, gridRow + 1, stretchColumn, 1, 2);
}

void WeekHoursEditor::setGridMinutes(int minutes)
{
    m_gridMinutes = minutes;
    for (const Day& day : m_days) {
        for (const Stretch& stretch : day.rows) {
            for (QTimeEdit* edit : {stretch.start, stretch.end}) {
                if (auto* grid = qobject_cast<GridTimeEdit*>(edit)) {
                    grid->setGridMinutes(minutes);
                }
            }
        }
    }
}

QTimeEdit* WeekHoursEditor::timeEdit(const QString& objectName, const QString& accessibleName,
                                     QWidget* parent, bool endOfDay) const
{
    QTimeEdit* edit = nullptr;
    if (m_emptyDay == EmptyDay::DayOff) {
        // A therapist's hours are picked on the booking grid they will be booked on.
        auto* grid = new GridTimeEdit(parent);
        grid->setGridMinutes(m_gridMinutes);
        grid->setEndOfDay(endOfDay);
        edit = grid;
    } else {
        edit = new QTimeEdit(parent);
        edit->setDisplayFormat(QStringLiteral("HH:mm"));
    }
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    return edit;
}

void WeekHoursEditor::addStretch(int weekday, int startMinute, int endMinute)
{
    Day& day = m_days.at(weekday - 1);
    const QString name = dayName(weekday);
    Stretch stretch;
    stretch.row = new QWidget(day.stretchesWidget);
    auto* layout = new QHBoxLayout(stretch.row);
    layout->setContentsMargins(0, 0, 0, 0);
    stretch.start =
        timeEdit(m_words.startObjectName, m_words.startsAt.arg(name), stretch.row, false);
    stretch.end = timeEdit(m_words.endObjectName, m_words.endsAt.arg(name), stretch.row, true);
    stretch.start->setTime(timeOf(startMinute));
    stretch.end->setTime(timeOf(endMinute));
    stretch.remove = new QPushButton(tr("Remove"), stretch.row);
    stretch.remove->setObjectName(QStringLiteral("removeHoursButton"));
    stretch.remove->setAccessibleName(tr("Remove these hours on %1").arg(name));
    stretch.remove->setAutoDefault(false);
    layout->addWidget(stretch.start);
    layout->addWidget(new QLabel(QStringLiteral("–"), stretch.row));
    layout->addWidget(stretch.end);
    layout->addWidget(stretch.remove);
    layout->addStretch(1);
    day.stretches->addWidget(stretch.row);
    day.rows.append(stretch);

    connect(stretch.start, &QTimeEdit::timeChanged, this, &WeekHoursEditor::changed);
    connect(stretch.end, &QTimeEdit::timeChanged, this, &WeekHoursEditor::changed);
    QWidget* row = stretch.row;
    connect(stretch.remove, &QPushButton::clicked, this, [this, weekday, row] {
        removeStretch(weekday, row);
        Q_EMIT changed();
    });
    updateDay(weekday);
}

void WeekHoursEditor::addStretchAfterLast(int weekday)
{
    const Day& day = m_days.at(weekday - 1);
    if (day.rows.isEmpty()) {
        addStretch(weekday, defaultStart, defaultEnd);
        return;
    }
    int lastEnd = minuteOf(day.rows.last().end->time());
    if (lastEnd == 0) {
        lastEnd = minutesPerDay;
    }
    // An hour's break, then a few hours more; the checks say so if the day has no room left.
    const int start = std::min(lastEnd + 60, minutesPerDay - 60);
    addStretch(weekday, start, std::min(start + 3 * 60, minutesPerDay));
}

void WeekHoursEditor::removeStretch(int weekday, QWidget* row)
{
    Day& day = m_days.at(weekday - 1);
    const auto found = std::find_if(day.rows.begin(), day.rows.end(),
                                    [row](const Stretch& each) { return each.row == row; });
    if (found == day.rows.end()) {
        return;
    }
    day.rows.erase(found);
    // Out of the form at once, deleted later: this may run inside the row's own button's signal.
    row->hide();
    row->setParent(nullptr);
    row->deleteLater();
    updateDay(weekday);
}

void WeekHoursEditor::updateDay(int weekday)
{
    const Day& day = m_days.at(weekday - 1);
    if (m_emptyDay == EmptyDay::DayOff) {
        day.dayOff->setVisible(day.rows.isEmpty());
        return;
    }
    const bool open = !day.closed->isChecked();
    day.stretchesWidget->setVisible(open);
    day.add->setVisible(open);
    // An open day keeps at least one stretch of hours; "Closed" is how a day has none.
    for (const Stretch& stretch : day.rows) {
        stretch.remove->setEnabled(day.rows.size() > 1);
    }
}

void WeekHoursEditor::setDay(int weekday, const QList<WeeklyInterval>& intervals)
{
    Day& day = m_days.at(weekday - 1);
    while (!day.rows.isEmpty()) {
        removeStretch(weekday, day.rows.last().row);
    }
    for (const WeeklyInterval& interval : intervals) {
        addStretch(weekday, interval.startMinute, interval.endMinute);
    }
    if (day.closed != nullptr) {
        day.closed->setChecked(intervals.isEmpty());
    }
    updateDay(weekday);
}

void WeekHoursEditor::setWeek(const QList<WeeklyInterval>& hours)
{
    for (int weekday = 1; weekday <= 7; ++weekday) {
        QList<WeeklyInterval> intervals;
        std::copy_if(hours.cbegin(), hours.cend(), std::back_inserter(intervals),
                     [weekday](const WeeklyInterval& each) { return each.weekday == weekday; });
        setDay(weekday, intervals);
    }
}

QList<WeeklyInterval> WeekHoursEditor::week() const
{
    QList<WeeklyInterval> hours;
    for (int weekday = 1; weekday <= 7; ++weekday) {
        const Day& day = m_days.at(weekday - 1);
        if (day.closed != nullptr && day.closed->isChecked()) {
            continue;
        }
        for (const Stretch& stretch : day.rows) {
            const int end = minuteOf(stretch.end->time());
            hours.append(
                {weekday, minuteOf(stretch.start->time()), end == 0 ? minutesPerDay : end});
        }
    }
    return hours;
}

bool WeekHoursEditor::showProblems(const FieldProblems& problems,
                                   const std::function<QString(int)>& fieldOf)
{
    bool any = false;
    for (int weekday = 1; weekday <= 7; ++weekday) {
        QLabel* label = m_days.at(weekday - 1).error;
        const QString message = problemOf(problems, fieldOf(weekday));
        label->setText(message);
        label->setVisible(!message.isEmpty());
        any = any || !message.isEmpty();
    }
    return any;
}

} // namespace masahista::gui

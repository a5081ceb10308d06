#pragma once

#include "booking/catalogue/FieldProblem.h"
#include "domain/WorkingHours.h"

#include <QList>
#include <QObject>
#include <QString>

#include <array>
#include <functional>

class QCheckBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QTimeEdit;
class QVBoxLayout;
class QWidget;

namespace masahista::gui {

// A week of hours, a day per row of a form's grid: each day's stretches (several, with breaks
// between), Add hours, Remove, and the day's problem beneath it. The clinic's opening hours
// (Clinic settings) and a therapist's working hours (Hours and time off) are the same editor;
// they differ in how a day without hours reads and in what the fields are called.
class WeekHoursEditor final : public QObject
{
    Q_OBJECT

public:
    enum class EmptyDay
    {
        DayOff,   // a day without stretches says "Day off"; the times step on the booking grid
        ClosedBox // a "Closed" box per day; an open day keeps at least one stretch
    };
    // What a form calls its fields; `%1` is the day's name.
    struct Words
    {
        QString startObjectName;
        QString endObjectName;
        QString startsAt;
        QString endsAt;
        QString addToolTip;
    };

    // Builds the seven days into `grid` (two grid rows a day) of `contents`.
    WeekHoursEditor(QGridLayout* grid, QWidget* contents, EmptyDay emptyDay, Words words);

    // The booking grid the DayOff editor's times step on.
    void setGridMinutes(int minutes);
    // Replaces the whole week, or one day (ISO weekday 1..7); a ClosedBox day without hours is
    // ticked closed.
    void setWeek(const QList<WeeklyInterval>& hours);
    void setDay(int weekday, const QList<WeeklyInterval>& intervals);
    // The week as the form shows it (closed days left out); an end of 00:00 is 24:00.
    QList<WeeklyInterval> week() const;
    // Shows each day's problem (`fieldOf(weekday)` is its key) beneath it; true if any.
    bool showProblems(const FieldProblems& problems, const std::function<QString(int)>& fieldOf);

Q_SIGNALS:
    // Any edit: a time, a stretch added or removed, a day opened or closed.
    void changed();

private:
    struct Stretch
    {
        QWidget* row = nullptr;
        QTimeEdit* start = nullptr;
        QTimeEdit* end = nullptr;
        QPushButton* remove = nullptr;
    };
    struct Day
    {
        QCheckBox* closed = nullptr; // ClosedBox only
        QLabel* dayOff = nullptr;    // DayOff only
        QWidget* stretchesWidget = nullptr;
        QVBoxLayout* stretches = nullptr;
        QPushButton* add = nullptr;
        QLabel* error = nullptr;
        QList<Stretch> rows;
    };

    void buildDay(int weekday);
    QTimeEdit* timeEdit(const QString& objectName, const QString& accessibleName, QWidget* parent,
                        bool endOfDay) const;
    void addStretch(int weekday, int startMinute, int endMinute);
    void addStretchAfterLast(int weekday);
    void removeStretch(int weekday, QWidget* row);
    void updateDay(int weekday);

    QGridLayout* m_grid = nullptr;
    QWidget* m_contents = nullptr;
    EmptyDay m_emptyDay;
    Words m_words;
    int m_gridMinutes = 15;
    // ISO weekdays 1..7 at indexes 0..6.
    std::array<Day, 7> m_days;
};

} // namespace masahista::gui

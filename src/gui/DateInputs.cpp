#include "DateInputs.h"

#include <QCalendarWidget>
#include <QDateTimeEdit>
#include <QEvent>
#include <QLineEdit>
#include <QMouseEvent>
#include <QTimer>

namespace masahista::gui::DateInputs {

namespace {

// The run of letters or digits around `position`: one part of a date or time, since every
// display format here separates its parts with punctuation or spaces.
std::pair<int, int> partAround(const QString& text, int position)
{
    const auto inPart = [&text](int index) {
        return index >= 0 && index < text.size() && text.at(index).isLetterOrNumber();
    };
    int start = position;
    while (inPart(start - 1)) {
        --start;
    }
    int end = position;
    while (inPart(end)) {
        ++end;
    }
    return {start, end};
}

// Selects the clicked part once the edit has placed its cursor (after the release, so that a
// drag still selects what the user dragged over).
class PartSelector final : public QObject
{
public:
    explicit PartSelector(QLineEdit* line)
        : QObject(line)
        , m_line(line)
    {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_line && event->type() == QEvent::MouseButtonRelease &&
            static_cast<QMouseEvent*>(event)->button() == Qt::LeftButton) {
            QTimer::singleShot(0, m_line, [line = m_line] {
                if (line->hasSelectedText()) {
                    return;
                }
                const auto [start, end] = partAround(line->text(), line->cursorPosition());
                if (end > start) {
                    line->setSelection(end, start - end);
                }
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QLineEdit* m_line;
};

} // namespace

QDate earliest()
{
    return {1900, 1, 1};
}

QDate latest()
{
    return {2200, 12, 31};
}

void bound(QDateTimeEdit* edit)
{
    edit->setDateRange(earliest(), latest());
}

void bound(QCalendarWidget* calendar)
{
    calendar->setDateRange(earliest(), latest());
}

void selectPartOnClick(QDateTimeEdit* edit)
{
    auto* line = edit->findChild<QLineEdit*>();
    if (line != nullptr) {
        line->installEventFilter(new PartSelector(line));
    }
}

bool cursorInWords(const QDateTimeEdit* edit)
{
    const auto* line = edit->findChild<const QLineEdit*>();
    if (line == nullptr) {
        return false;
    }
    const QString text = line->text();
    const auto [start, end] = partAround(text, line->cursorPosition());
    return end > start && text.at(start).isLetter();
}

} // namespace masahista::gui::DateInputs

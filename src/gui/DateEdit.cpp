#include "DateEdit.h"

#include "DateInputs.h"

namespace masahista::gui {

DateEdit::DateEdit(QWidget* parent)
    : DateEdit(QDate(), parent)
{}

DateEdit::DateEdit(QDate date, QWidget* parent)
    : QDateEdit(parent)
{
    DateInputs::bound(this);
    DateInputs::selectPartOnClick(this);
    if (date.isValid()) {
        setDate(date);
    }
}

void DateEdit::stepBy(int steps)
{
    if (!DateInputs::cursorInWords(this)) {
        QDateEdit::stepBy(steps);
        return;
    }
    const QDate stepped = date().addDays(steps);
    if (stepped >= minimumDate() && stepped <= maximumDate()) {
        setDate(stepped);
    }
}

QAbstractSpinBox::StepEnabled DateEdit::stepEnabled() const
{
    if (!DateInputs::cursorInWords(this)) {
        return QDateEdit::stepEnabled();
    }
    StepEnabled enabled = StepNone;
    if (date() > minimumDate()) {
        enabled |= StepDownEnabled;
    }
    if (date() < maximumDate()) {
        enabled |= StepUpEnabled;
    }
    return enabled;
}

} // namespace masahista::gui

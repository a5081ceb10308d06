#pragma once

#include <QDateEdit>

namespace masahista::gui {

// A date input for the whole window: bounded to DateInputs' range, a click selects the part
// under it for typing, and the arrows on the weekday step the date by a day, across weeks and
// months, which Qt's own stepping of a weekday name does not.
class DateEdit final : public QDateEdit
{
    Q_OBJECT

public:
    explicit DateEdit(QWidget* parent = nullptr);
    explicit DateEdit(QDate date, QWidget* parent = nullptr);

    void stepBy(int steps) override;

protected:
    StepEnabled stepEnabled() const override;
};

} // namespace masahista::gui

#pragma once

#include <QTimeEdit>

namespace masahista::gui {

// A time edit whose arrows and Page Up/Down step the minutes by the clinic's booking grid, so
// that hours are picked on the grid instead of typed; typed times are left as they are for
// the form's checks to judge. As the end of an interval, 00:00 may stand for midnight at the
// end of the day, which a QTimeEdit cannot show as 24:00.
class GridTimeEdit final : public QTimeEdit
{
    Q_OBJECT

public:
    explicit GridTimeEdit(QWidget* parent = nullptr);

    void setGridMinutes(int minutes);
    int gridMinutes() const { return m_gridMinutes; }
    // Whether stepping past 23:59 lands on 00:00 as the end of the day.
    void setEndOfDay(bool endOfDay) { m_endOfDay = endOfDay; }

    void stepBy(int steps) override;

protected:
    StepEnabled stepEnabled() const override;

private:
    int m_gridMinutes = 15;
    bool m_endOfDay = false;
};

} // namespace masahista::gui

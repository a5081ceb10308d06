#pragma once

#include "booking/catalogue/FieldProblem.h"
#include "domain/ClinicSettings.h"

#include <QWidget>

#include <memory>

namespace Ui {
class SettingsHoursTab;
}

namespace masahista::gui {

class WeekHoursEditor;

// The clinic's opening hours, a day per row (WeekHoursEditor): each day closed, or open in one
// or more stretches with breaks between. Shows each day's problem beneath it and emits
// changed() for every edit by the user.
class SettingsHoursTab final : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsHoursTab(QWidget* parent = nullptr);
    ~SettingsHoursTab() override;

    // Builds the seven days, once and before anything else is asked of the tab. The dialog calls
    // it when it has made its own widgets, the tab among them: the days then come after the
    // dialog's buttons in the Tab order, as they did when the dialog built them itself.
    void buildDays();

    // Shows the settings' opening hours.
    void fill(const ClinicSettings& settings);
    // The opening hours as the days show them now.
    void writeInto(ClinicSettings& settings) const;

    // Shows each of `problems` about the opening hours beneath its day, or under the week;
    // true if there is any.
    bool showProblems(const FieldProblems& problems);

Q_SIGNALS:
    void changed();

private:
    std::unique_ptr<Ui::SettingsHoursTab> m_ui;
    WeekHoursEditor* m_hours = nullptr;
    bool m_filling = false; // the days being set by code: their signals are not the user's
};

} // namespace masahista::gui

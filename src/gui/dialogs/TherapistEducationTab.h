#pragma once

#include "gui/dialogs/TherapistTableTab.h"

#include <memory>

namespace Ui {
class TherapistEducationTab;
}

namespace masahista::gui {

// The therapist editor's schools and programmes, one row each, with their hours and the day
// each was completed.
class TherapistEducationTab final : public TherapistTableTab
{
    Q_OBJECT

public:
    explicit TherapistEducationTab(QWidget* parent = nullptr);
    ~TherapistEducationTab() override;

    // A row for each of the therapist's trainings.
    void fill(const Therapist& therapist);
    // The education as the rows show it now.
    void writeInto(Therapist& therapist) const;

private:
    void appendEmptyRow() override;
    void appendEducation(const Education& education);

    std::unique_ptr<Ui::TherapistEducationTab> m_ui;
};

} // namespace masahista::gui

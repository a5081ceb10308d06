#pragma once

#include "gui/dialogs/TherapistTableTab.h"

#include <memory>

namespace Ui {
class TherapistCredentialsTab;
}

namespace masahista::gui {

// The therapist editor's registrations with regulatory bodies and associations, one row each;
// those marked are printed on receipts for the client's insurance.
class TherapistCredentialsTab final : public TherapistTableTab
{
    Q_OBJECT

public:
    explicit TherapistCredentialsTab(QWidget* parent = nullptr);
    ~TherapistCredentialsTab() override;

    // A row for each of the therapist's credentials.
    void fill(const Therapist& therapist);
    // The credentials as the rows show them now.
    void writeInto(Therapist& therapist) const;

private:
    void appendEmptyRow() override;
    void appendCredential(const Credential& credential);

    std::unique_ptr<Ui::TherapistCredentialsTab> m_ui;
};

} // namespace masahista::gui

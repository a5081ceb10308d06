#pragma once

#include "booking/Actor.h"
#include "booking/catalogue/FieldProblem.h"
#include "domain/Modality.h"
#include "domain/Therapist.h"

#include <QDialog>
#include <QList>

#include <memory>

namespace Ui {
class TherapistDialog;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

class FormErrorLine;

// Adds or edits one therapist: profile, photo, calendar colour, credentials, education and
// certifications, each on a tab of its own (TherapistProfileTab, TherapistCredentialsTab,
// TherapistEducationTab, TherapistCertificationsTab). Every change is checked at once by
// TherapistService's rules and each problem is shown beside its field (or under its table, the
// cell marked), its tab's title in red; Save stays disabled while there are any. Saving writes
// the whole therapist in one transaction. Escape, Cancel and closing the window ask first when
// something was changed, and then leave the database as it was.
class TherapistDialog final : public QDialog
{
    Q_OBJECT

public:
    // therapistId 0 adds a new therapist.
    TherapistDialog(Clinic& clinic, Id therapistId = 0, QWidget* parent = nullptr);
    ~TherapistDialog() override;

    // The therapist as the form shows it now (not yet normalized).
    Therapist enteredTherapist() const;
    // Whether the form differs from what it was opened with.
    bool hasChanges() const;
    // What the form's fields say is wrong, as shown.
    const FieldProblems& problems() const { return m_problems; }
    // After accept(): the id of the therapist saved.
    Id savedId() const { return m_savedId; }

    // Takes the image at `path` as the photo, as TherapistProfileTab::loadPhoto() does.
    bool loadPhoto(const QString& path);

public Q_SLOTS:
    void reject() override;

private:
    void loadClinic(Id therapistId);
    // Checks the form and shows the outcome: problems, expiry warnings, bookable types and
    // whether Save is enabled.
    void refresh();
    void save();
    void showError(const QString& message);

    std::unique_ptr<Ui::TherapistDialog> m_ui;
    FormErrorLine* m_errorLine = nullptr;
    Clinic& m_clinic;

    Id m_therapistId = 0;
    QList<Therapist> m_others;
    QList<Modality> m_modalities;
    Therapist m_opened; // the form as first shown, to tell whether anything changed
    FieldProblems m_problems;
    bool m_loaded = false;
    bool m_refreshing = false; // what a refresh shows is not an edit to check again
    Id m_savedId = 0;
};

} // namespace masahista::gui

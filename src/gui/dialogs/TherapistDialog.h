#pragma once

#include "booking/Actor.h"
#include "booking/FieldProblem.h"
#include "domain/MassageType.h"
#include "domain/Modality.h"
#include "domain/Therapist.h"

#include <QDate>
#include <QDialog>
#include <QList>

#include <memory>
#include <utility>

class QLabel;
class QTableWidget;

namespace Ui {
class TherapistDialog;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

class FormErrorLine;

// Adds or edits one therapist: profile, photo, calendar colour, credentials, education and
// certifications. Every change is checked at once by TherapistService's rules and each
// problem is shown beside its field (or under its table, the cell marked); Save stays disabled
// while there are any. Saving writes the whole therapist in one transaction. Escape, Cancel and
// closing the window ask first when something was changed, and then leave the database as it
// was.
class TherapistDialog final : public QDialog
{
    Q_OBJECT

public:
    // The largest side of a stored photo, in pixels: enough for the profile and a printout.
    static constexpr int maxPhotoPixels = 512;

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

    // Reads, scales (at most maxPhotoPixels on either side, keeping the aspect) and keeps the
    // image as PNG; false, with the reason beside the photo, if it is not a readable image.
    bool loadPhoto(const QString& path);

public Q_SLOTS:
    void reject() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void loadClinic(Id therapistId);
    void showTherapist(const Therapist& therapist);
    void addCredentialRow(const Credential& credential);
    void addEducationRow(const Education& education);
    void addCertificationRow(const Certification& certification);
    void removeCurrentRow(QTableWidget* table);
    void showPhoto();
    void showColor();
    void choosePhoto();
    void chooseColor();

    // Checks the form and shows the outcome: problems, expiry warnings, bookable types and
    // whether Save is enabled.
    void refresh();
    void markCell(QTableWidget* table, int row, int column, const QString& problem);
    // Marks each cell of the table that has a problem and lists the messages under it; the
    // columns are those checked, each with its part of the field key.
    void showTableProblems(QTableWidget* table, QLabel* label, QStringView list,
                           const QList<std::pair<int, QString>>& checkedColumns);
    void showCertificationNotes(const Therapist& therapist);
    QString modalityName(Id modalityId) const;
    void save();
    void showError(const QString& message);

    std::unique_ptr<Ui::TherapistDialog> m_ui;
    FormErrorLine* m_errorLine = nullptr;
    Clinic& m_clinic;

    Id m_therapistId = 0;
    QDate m_today; // in the clinic's time zone
    QList<Therapist> m_others;
    QList<Modality> m_modalities;
    QList<MassageType> m_activeTypes;
    QByteArray m_photo;
    QString m_photoProblem; // why the last chosen file could not be used
    QString m_color;
    Therapist m_opened; // the form as first shown, to tell whether anything changed
    FieldProblems m_problems;
    bool m_loaded = false;
    bool m_filling = false; // rows being added by code: their signals are not the user's
    Id m_savedId = 0;
};

} // namespace masahista::gui

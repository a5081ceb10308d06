#pragma once

#include "domain/MassageType.h"
#include "domain/Modality.h"
#include "gui/dialogs/TherapistTableTab.h"

#include <memory>

namespace Ui {
class TherapistCertificationsTab;
}

namespace masahista::gui {

// The therapist editor's certified modalities, one row each with the day it was obtained and
// the day it expires, and beside it the massage types it makes bookable; under the table,
// the certifications expired or soon expiring and what can be booked with the therapist today.
class TherapistCertificationsTab final : public TherapistTableTab
{
    Q_OBJECT

public:
    explicit TherapistCertificationsTab(QWidget* parent = nullptr);
    ~TherapistCertificationsTab() override;

    // What the rows offer and tell, as read from the clinic: the modalities to choose from,
    // the active massage types that need them, and the clinic's today for expiry. Before
    // fill().
    void setChoices(QList<Modality> modalities, QList<MassageType> activeTypes, QDate today);
    // A row for each of the therapist's certifications.
    void fill(const Therapist& therapist);
    // The certifications as the rows show them now, with their modalities' names.
    void writeInto(Therapist& therapist) const;
    // For the therapist as entered: what each row makes bookable, the expiry warnings and the
    // massage types bookable today.
    void showNotes(const Therapist& entered);

private:
    void appendEmptyRow() override;
    void appendCertification(const Certification& certification);
    QString modalityName(Id modalityId) const;

    std::unique_ptr<Ui::TherapistCertificationsTab> m_ui;
    QList<Modality> m_modalities;
    QList<MassageType> m_activeTypes;
    QDate m_today; // in the clinic's time zone
};

} // namespace masahista::gui

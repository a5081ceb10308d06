#pragma once

#include "domain/Therapist.h"

#include <QAbstractListModel>
#include <QList>

namespace masahista::gui {

// The clinic's therapists as a list: the name, the calendar colour as a swatch, and inactive
// therapists greyed out. Holds loaded values only, so views never reach the database.
class TherapistListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        TherapistIdRole = Qt::UserRole + 1,
        ActiveRole,
    };

    explicit TherapistListModel(QObject* parent = nullptr);

    void setTherapists(QList<Therapist> therapists);
    const QList<Therapist>& therapists() const { return m_therapists; }
    // Null for an index that is not one of this model's rows.
    const Therapist* therapistAt(const QModelIndex& index) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Therapist> m_therapists;
};

} // namespace masahista::gui

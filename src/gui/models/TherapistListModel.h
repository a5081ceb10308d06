#pragma once

#include "domain/Therapist.h"

#include <QAbstractListModel>
#include <QHash>
#include <QIcon>
#include <QList>

namespace masahista::gui {

// The clinic's therapists as a list: the name, the photo as a thumbnail (or the calendar
// colour as a swatch when there is none), and inactive therapists greyed out. Holds loaded
// values only, so views never reach the database.
class TherapistListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        TherapistIdRole = Qt::UserRole + 1,
        ActiveRole,
        // "Registered Massage Therapist · Team Leader", with "retired" for an inactive one.
        DetailsRole,
    };

    // The thumbnails' side in pixels; views show them at their own icon size, at most this.
    static constexpr int thumbnailSize = 128;

    explicit TherapistListModel(QObject* parent = nullptr);

    // Replaces the list. When the same therapists come back in the same order (a reload after
    // an edit) only their data changes, so views keep their selection and scroll position.
    void setTherapists(QList<Therapist> therapists);
    const QList<Therapist>& therapists() const { return m_therapists; }
    // Null for an index that is not one of this model's rows.
    const Therapist* therapistAt(const QModelIndex& index) const;
    // The row of the therapist, or an invalid index.
    QModelIndex indexOf(Id therapistId) const;

    // With details on, the name is followed by a second line with title, role and whether the
    // therapist is retired, for a page that lists therapists; off (the default) it is the name
    // alone, for pickers.
    void setShowDetails(bool showDetails);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString details(const Therapist& therapist) const;

    QList<Therapist> m_therapists;
    // Decoded once per load: data() is called on every repaint.
    QHash<Id, QIcon> m_thumbnails;
    bool m_showDetails = false;
};

} // namespace masahista::gui

#pragma once

#include "RowSync.h"
#include "domain/MassageType.h"

#include <QAbstractTableModel>
#include <QList>

namespace masahista::gui {

// The massage types on offer as a read-only table, from loaded values: who may perform each,
// the pressure, the room it needs, the cleanup buffer and every length with its price; the
// calendar colour as a swatch beside the name, and retired types greyed out.
class MassageTypeTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        TypeIdRole = Qt::UserRole + 1,
        ActiveRole,
    };

    enum Column
    {
        NameColumn,
        ModalityColumn,
        PressureColumn,
        RoomKindColumn,
        CleanupColumn,
        DurationsColumn,
        ActiveColumn,
        ColumnCount,
    };

    explicit MassageTypeTableModel(QObject* parent = nullptr);

    // Replaces the rows, matched by id: a reload after an edit inserts, removes and updates
    // rows instead of resetting the model, so views keep their selection and scroll position.
    void setMassageTypes(QList<MassageType> massageTypes);
    const QList<MassageType>& massageTypes() const { return m_massageTypes; }
    // Null for an index that is not one of this model's rows.
    const MassageType* typeAt(const QModelIndex& index) const;
    // The first column of the type's row; invalid when it is not shown.
    QModelIndex indexOf(Id typeId) const;

    // "30 min $60.00 · 60 min $100.00"; a length no longer sold is marked as such.
    static QString durationsText(const MassageType& massageType);
    static QString pressureText(Pressure pressure);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    template <typename Model, typename Item>
    friend void syncRowsById(Model& model, QList<Item>& rows, QList<Item> incoming);

    QVariant displayText(const MassageType& massageType, int column) const;

    QList<MassageType> m_massageTypes;
};

} // namespace masahista::gui

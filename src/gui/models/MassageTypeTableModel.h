#pragma once

#include "domain/MassageType.h"

#include <QAbstractTableModel>
#include <QList>

namespace masahista::gui {

// The massage types on offer as a read-only table, from loaded values: who may perform each,
// the pressure, the room it needs, the cleanup buffer and every length with its price.
class MassageTypeTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
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

    void setMassageTypes(QList<MassageType> massageTypes);
    const QList<MassageType>& massageTypes() const { return m_massageTypes; }

    // "30 min $60.00 · 60 min $100.00"; a length no longer sold is marked as such.
    static QString durationsText(const MassageType& massageType);
    static QString pressureText(Pressure pressure);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayText(const MassageType& massageType, int column) const;

    QList<MassageType> m_massageTypes;
};

} // namespace masahista::gui

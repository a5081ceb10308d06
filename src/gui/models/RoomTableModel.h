#pragma once

#include "domain/Room.h"

#include <QAbstractTableModel>
#include <QList>

namespace masahista::gui {

// The treatment rooms as a read-only table, from loaded values.
class RoomTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        KindColumn,
        ActiveColumn,
        ColumnCount,
    };

    explicit RoomTableModel(QObject* parent = nullptr);

    void setRooms(QList<Room> rooms);
    const QList<Room>& rooms() const { return m_rooms; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Room> m_rooms;
};

} // namespace masahista::gui

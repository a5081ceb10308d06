#pragma once

#include "RowSync.h"
#include "domain/Room.h"

#include <QAbstractTableModel>
#include <QList>

namespace masahista::gui {

// The treatment rooms as a read-only table, from loaded values; retired rooms greyed out.
class RoomTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        RoomIdRole = Qt::UserRole + 1,
        ActiveRole,
    };

    enum Column
    {
        NameColumn,
        KindColumn,
        ActiveColumn,
        ColumnCount,
    };

    explicit RoomTableModel(QObject* parent = nullptr);

    // Replaces the rows, matched by id: a reload after an edit inserts, removes and updates
    // rows instead of resetting the model, so views keep their selection and scroll position.
    void setRooms(QList<Room> rooms);
    const QList<Room>& rooms() const { return m_rooms; }
    // Null for an index that is not one of this model's rows.
    const Room* roomAt(const QModelIndex& index) const;
    // The first column of the room's row; invalid when it is not shown.
    QModelIndex indexOf(Id roomId) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    template <typename Model, typename Item>
    friend void syncRowsById(Model& model, QList<Item>& rows, QList<Item> incoming);

    QList<Room> m_rooms;
};

} // namespace masahista::gui

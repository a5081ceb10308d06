#include "RoomTableModel.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

namespace masahista::gui {

RoomTableModel::RoomTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void RoomTableModel::setRooms(QList<Room> rooms)
{
    syncRowsById(*this, m_rooms, std::move(rooms));
}

const Room* RoomTableModel::roomAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rooms.size()) {
        return nullptr;
    }
    return &m_rooms.at(index.row());
}

QModelIndex RoomTableModel::indexOf(Id roomId) const
{
    for (int row = 0; row < m_rooms.size(); ++row) {
        if (m_rooms.at(row).id == roomId) {
            return index(row, 0);
        }
    }
    return {};
}

int RoomTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rooms.size());
}

int RoomTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RoomTableModel::data(const QModelIndex& index, int role) const
{
    // An index from elsewhere (or none) gets nothing, without the warnings checkIndex() logs.
    if (!index.isValid() || index.model() != this || index.row() >= m_rooms.size() ||
        index.column() >= ColumnCount) {
        return {};
    }
    const Room& room = m_rooms.at(index.row());
    switch (role) {
    case Qt::ForegroundRole:
        if (!room.active) {
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        }
        return {};
    case Qt::ToolTipRole:
        if (!room.active) {
            return tr("%1 is retired: kept with its history, no longer booked.").arg(room.name);
        }
        return {};
    case RoomIdRole:
        return room.id;
    case ActiveRole:
        return room.active;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return room.name;
    case KindColumn:
        return room.kind;
    case ActiveColumn:
        return room.active ? tr("Yes") : tr("No");
    default:
        return {};
    }
}

QVariant RoomTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Room");
    case KindColumn:
        return tr("Kind");
    case ActiveColumn:
        return tr("Active");
    default:
        return {};
    }
}

} // namespace masahista::gui

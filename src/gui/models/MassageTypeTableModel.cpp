#include "MassageTypeTableModel.h"

#include "domain/Money.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <QStringList>

namespace masahista::gui {

MassageTypeTableModel::MassageTypeTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void MassageTypeTableModel::setMassageTypes(QList<MassageType> massageTypes)
{
    syncRowsById(*this, m_massageTypes, std::move(massageTypes));
}

const MassageType* MassageTypeTableModel::typeAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_massageTypes.size()) {
        return nullptr;
    }
    return &m_massageTypes.at(index.row());
}

QModelIndex MassageTypeTableModel::indexOf(Id typeId) const
{
    for (int row = 0; row < m_massageTypes.size(); ++row) {
        if (m_massageTypes.at(row).id == typeId) {
            return index(row, 0);
        }
    }
    return {};
}

QString MassageTypeTableModel::durationsText(const MassageType& massageType)
{
    QStringList parts;
    for (const DurationOption& option : massageType.options) {
        const QString price = Money(option.priceCents).toString();
        parts.append(option.active
                         ? tr("%1 min %2").arg(option.minutes).arg(price)
                         : tr("%1 min %2 (no longer offered)").arg(option.minutes).arg(price));
    }
    return parts.join(QStringLiteral(" · "));
}

QString MassageTypeTableModel::pressureText(Pressure pressure)
{
    switch (pressure) {
    case Pressure::Light:
        return tr("Light");
    case Pressure::Medium:
        return tr("Medium");
    case Pressure::Firm:
        return tr("Firm");
    case Pressure::Deep:
        return tr("Deep");
    }
    return {};
}

int MassageTypeTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_massageTypes.size());
}

int MassageTypeTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MassageTypeTableModel::data(const QModelIndex& index, int role) const
{
    // An index from elsewhere (or none) gets nothing, without the warnings checkIndex() logs.
    if (!index.isValid() || index.model() != this || index.row() >= m_massageTypes.size() ||
        index.column() >= ColumnCount) {
        return {};
    }
    const MassageType& massageType = m_massageTypes.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(massageType, index.column());
    case Qt::DecorationRole:
        if (index.column() == NameColumn) {
            const QColor color = QColor::fromString(massageType.color);
            return color.isValid() ? QVariant(color) : QVariant();
        }
        return {};
    case Qt::ToolTipRole:
        if (!massageType.active) {
            return tr("%1 is retired: kept with its history, no longer booked.")
                .arg(massageType.name);
        }
        if (index.column() == NameColumn && !massageType.description.isEmpty()) {
            return massageType.description;
        }
        // A narrow column cuts the list of lengths short; the tooltip has all of it.
        if (index.column() == DurationsColumn) {
            return durationsText(massageType);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CleanupColumn) {
            return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::ForegroundRole:
        if (!massageType.active) {
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        }
        return {};
    case TypeIdRole:
        return massageType.id;
    case ActiveRole:
        return massageType.active;
    default:
        return {};
    }
}

QVariant MassageTypeTableModel::displayText(const MassageType& massageType, int column) const
{
    switch (column) {
    case NameColumn:
        return massageType.name;
    case ModalityColumn:
        return massageType.requiredModalityId == 0 ? tr("Any therapist")
                                                   : massageType.requiredModalityName;
    case PressureColumn:
        return pressureText(massageType.pressure);
    case RoomKindColumn:
        return massageType.roomKind.isEmpty() ? tr("Any room") : massageType.roomKind;
    case CleanupColumn:
        return tr("%1 min").arg(massageType.bufferMinutes);
    case DurationsColumn:
        return durationsText(massageType);
    case ActiveColumn:
        return massageType.active ? tr("Yes") : tr("No");
    default:
        return {};
    }
}

QVariant MassageTypeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Massage type");
    case ModalityColumn:
        return tr("Required certification");
    case PressureColumn:
        return tr("Pressure");
    case RoomKindColumn:
        return tr("Room kind");
    case CleanupColumn:
        return tr("Cleanup");
    case DurationsColumn:
        return tr("Lengths and prices");
    case ActiveColumn:
        return tr("Active");
    default:
        return {};
    }
}

} // namespace masahista::gui

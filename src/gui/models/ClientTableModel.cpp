#include "ClientTableModel.h"

#include "booking/engine/IcsCalendar.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>
#include <QStringList>

namespace masahista::gui {

ClientTableModel::ClientTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void ClientTableModel::setClients(QList<Client> clients)
{
    beginResetModel();
    m_clients = std::move(clients);
    endResetModel();
}

const Client* ClientTableModel::clientAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_clients.size()) {
        return nullptr;
    }
    return &m_clients.at(index.row());
}

int ClientTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_clients.size());
}

int ClientTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClientTableModel::data(const QModelIndex& index, int role) const
{
    const Client* client = clientAt(index);
    if (client == nullptr || index.column() >= ColumnCount) {
        return {};
    }
    if (role == Qt::ForegroundRole && client->archived) {
        return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    }
    QStringList alerts;
    for (const HealthAlert& alert : client->healthAlerts) {
        alerts.append(IcsCalendar::alertText(alert));
    }
    if (role == Qt::ToolTipRole && index.column() == AlertsColumn) {
        return alerts.join(QLatin1Char('\n'));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return client->archived ? tr("%1 (archived)").arg(client->fullName) : client->fullName;
    case PhoneColumn:
        return client->phone;
    case EmailColumn:
        return client->email;
    case AlertsColumn:
        return alerts.join(QStringLiteral("; "));
    default:
        return {};
    }
}

QVariant ClientTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Client");
    case PhoneColumn:
        return tr("Phone");
    case EmailColumn:
        return tr("E-mail");
    case AlertsColumn:
        return tr("Health alerts");
    default:
        return {};
    }
}

} // namespace masahista::gui

#pragma once

#include "domain/Client.h"

#include <QAbstractTableModel>
#include <QList>

namespace masahista::gui {

// Clients found by a search, as a read-only table of loaded values.
class ClientTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        PhoneColumn,
        EmailColumn,
        AlertsColumn,
        ColumnCount,
    };

    explicit ClientTableModel(QObject* parent = nullptr);

    void setClients(QList<Client> clients);
    const QList<Client>& clients() const { return m_clients; }
    const Client* clientAt(const QModelIndex& index) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Client> m_clients;
};

} // namespace masahista::gui

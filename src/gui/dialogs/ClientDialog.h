#pragma once

#include "domain/Id.h"

#include <QDate>
#include <QDialog>

#include <memory>

class QTreeWidget;
class QTreeWidgetItem;

namespace Ui {
class ClientDialog;
}

namespace masahista {
class Clinic;
struct CalendarEntry;
struct Client;
struct ClientRecord;
} // namespace masahista

namespace masahista::gui {

// One client at a glance for the front desk: contact details, health alerts, how reliably
// they come, and their upcoming and past appointments, with Edit (ClientEditDialog), Archive or
// Restore, and Book for this client; the card reads itself again after each change.
class ClientDialog final : public QDialog
{
    Q_OBJECT

public:
    ClientDialog(Clinic& clinic, Id clientId, QWidget* parent = nullptr);
    ~ClientDialog() override;

    // Reads the client again (after a booking or, later, an edit); a failure is shown in the
    // dialog. Returns whether the client could be read.
    bool reload();

Q_SIGNALS:
    // An appointment row was double-clicked (or Enter pressed on it); the dialog closes so
    // the calendar can show that clinic-local day.
    void appointmentActivated(masahista::Id appointmentId, QDate localDate);
    // "Book for this client…" was pressed; the dialog closes so the booking dialog can open.
    void bookRequested(masahista::Id clientId);

private:
    void showClient(const Client& client, QDate today);
    void showCounts(const ClientRecord& record);
    void fillTable(QTreeWidget* table, const QList<CalendarEntry>& entries,
                   const ClientRecord& record);
    void showError(const QString& message);
    void activate(const QTreeWidgetItem* item);

    std::unique_ptr<Ui::ClientDialog> m_ui;
    Clinic& m_clinic;
    Id m_clientId = 0;
    bool m_archived = false;
};

} // namespace masahista::gui

#pragma once

#include "domain/Id.h"

#include <QDate>
#include <QWidget>

#include <memory>

class QTimer;

namespace Ui {
class ClientsPage;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

class ClientTableModel;

// The clinic's clients: found as you type by name, phone or e-mail, each opened as a client
// card from which the desk edits, archives or books. Searches go through the client service,
// so the list shows what the database holds at that moment.
class ClientsPage final : public QWidget
{
    Q_OBJECT

public:
    // How many clients one search shows; more words narrow it.
    static constexpr int resultLimit = 200;

    ClientsPage(Clinic& clinic, QWidget* parent = nullptr);
    ~ClientsPage() override;

    ClientTableModel* model() const { return m_model; }
    // Runs the search in the box now, without waiting for the typing to pause.
    void search();
    // The line above the results: how many were found, or what went wrong.
    QString status() const;
    // The card of a client, with what the user chose there passed on.
    void openClient(Id clientId);
    void newClient();

Q_SIGNALS:
    void bookRequested(masahista::Id clientId);
    void appointmentActivated(masahista::Id appointmentId, QDate localDate);

private:
    Id currentClientId() const;

    std::unique_ptr<Ui::ClientsPage> m_ui;
    Clinic& m_clinic;
    ClientTableModel* m_model = nullptr;
    QTimer* m_searchTimer = nullptr;
};

} // namespace masahista::gui

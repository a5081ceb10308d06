#pragma once

#include "domain/Client.h"

#include <QList>
#include <QWidget>

#include <memory>

class QTimer;

namespace Ui {
class ClientPicker;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

// The client part of a booking form: a search box whose results the arrows walk while the
// box keeps the focus, the chosen client's health alerts, and a new client entered inline.
// Shared by the therapist-first booking form and Find a time.
class ClientPicker final : public QWidget
{
    Q_OBJECT

public:
    explicit ClientPicker(QWidget* parent = nullptr);
    ~ClientPicker() override;

    // The clinic searched; needed before anything is typed.
    void setClinic(Clinic& clinic);

    // Id 0 while none is chosen.
    const Client& client() const { return m_client; }
    // "New client" is ticked and no existing client is chosen.
    bool addingNew() const;
    // A client is chosen, or a new one with a name is being entered.
    bool hasClient() const;

    void pick(const Client& client);
    // Loads the client and picks it; false, with problem() emitted, when it cannot.
    bool pick(Id clientId);
    // The appointment's client, which cannot change: shown, not searched.
    void setFixed();
    // Adds the new client being entered and picks it at once, so that a refused booking tried
    // again does not add the client twice; false, with problem() emitted, if that fails.
    bool ensureClient();

Q_SIGNALS:
    // Chosen, dropped by typing again, or the new client's name edited: what is free may change.
    void clientChanged();
    // The user chose one of the results: the form goes on to its next field.
    void chosen();
    void problem(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void textEdited();
    void search();
    void pickResult(int row);
    void showHealthAlerts();

    std::unique_ptr<Ui::ClientPicker> m_ui;
    Clinic* m_clinic = nullptr;
    QList<Client> m_results;
    Client m_client;
    QTimer* m_searchTimer = nullptr;
};

} // namespace masahista::gui

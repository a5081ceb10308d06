#pragma once

#include "booking/catalogue/FieldProblem.h"
#include "domain/Client.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ClientEditDialog;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

class FormErrorLine;

// Adds a client or changes one: contact details, date of birth, notes and health alerts. Each
// field's problem is shown beside it as it is typed, Save stays off until there is none, and
// saving is one write through the client service; closing with changes asks first.
class ClientEditDialog final : public QDialog
{
    Q_OBJECT

public:
    // A client with id 0 is added; any other is changed.
    ClientEditDialog(Clinic& clinic, const Client& client, QWidget* parent = nullptr);
    ~ClientEditDialog() override;

    // After accept(): the client's id (new or as given).
    Id savedId() const { return m_savedId; }
    // The form's contents as a client, as it would be saved.
    Client currentClient() const;
    bool hasChanges() const;

    void accept() override;
    void reject() override;

private:
    void addAlertRow(const HealthAlert& alert);
    void refresh();
    void showProblems(const FieldProblems& problems);

    std::unique_ptr<Ui::ClientEditDialog> m_ui;
    FormErrorLine* m_errorLine = nullptr;
    Clinic& m_clinic;
    Client m_original;
    Id m_savedId = 0;
};

} // namespace masahista::gui

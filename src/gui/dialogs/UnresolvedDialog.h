#pragma once

#include "booking/Actor.h"
#include "domain/Appointment.h"

#include <QDialog>

#include <memory>

namespace Ui {
class UnresolvedDialog;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

// The past appointments nobody closed out, so the front desk can record each outcome.
class UnresolvedDialog final : public QDialog
{
    Q_OBJECT

public:
    UnresolvedDialog(Clinic& clinic, QWidget* parent = nullptr);
    ~UnresolvedDialog() override;

    // Reads the list again; returns how many are waiting.
    int reload();

private:
    void settleSelected(AppointmentStatus outcome);

    std::unique_ptr<Ui::UnresolvedDialog> m_ui;
    Clinic& m_clinic;
};

} // namespace masahista::gui

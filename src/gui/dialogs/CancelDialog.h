#pragma once

#include "booking/Actor.h"
#include "booking/engine/CalendarEntry.h"

#include <QDialog>

#include <memory>

namespace Ui {
class CancelDialog;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

class FormErrorLine;

// Asks for the reason of a cancellation, says beforehand whether it will count as late, and
// cancels through the booking service; a refusal is shown in the dialog, which stays open.
class CancelDialog final : public QDialog
{
    Q_OBJECT

public:
    CancelDialog(Clinic& clinic, const CalendarEntry& entry, int lateCancelHours,
                 QWidget* parent = nullptr);
    ~CancelDialog() override;

    void accept() override;
    // The reason given, as stored.
    QString reason() const;

private:
    std::unique_ptr<Ui::CancelDialog> m_ui;
    FormErrorLine* m_errorLine = nullptr;
    Clinic& m_clinic;
    Id m_appointmentId = 0;
};

} // namespace masahista::gui

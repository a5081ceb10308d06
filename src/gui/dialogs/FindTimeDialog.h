#pragma once

#include "booking/Actor.h"
#include "booking/engine/Availability.h"
#include "booking/engine/BookingChoices.h"
#include "domain/Appointment.h"

#include <QDialog>
#include <QList>

#include <memory>

class QTimer;

namespace Ui {
class FindTimeDialog;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

class FormErrorLine;

// The phone call: "a 60-minute deep tissue, next Tuesday afternoon, anyone". The client, the
// massage and its length come first; then a day and a part of it, with any qualified
// therapist unless the caller prefers one. The free times across every qualified therapist and
// room are listed by time, none that clashes with the client's own appointments; Enter books
// the chosen one through BookingService, and a time someone else took meanwhile is refused in
// the dialog with the reason.
class FindTimeDialog final : public QDialog
{
    Q_OBJECT

public:
    FindTimeDialog(Clinic& clinic, QWidget* parent = nullptr);
    ~FindTimeDialog() override;

    void prefillClient(Id clientId);

    // After accept(): the appointment booked.
    const Appointment& booked() const { return m_booked; }

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void loadClinic();
    void fillTypes();
    void fillDurations();
    void fillTherapists();

    void scheduleRefresh();
    void refresh();
    void showVerdict();
    void goToSlots();
    void bookSlot(int row);
    void showError(const QString& message);

    const MassageType* currentType() const;

    std::unique_ptr<Ui::FindTimeDialog> m_ui;
    FormErrorLine* m_errorLine = nullptr;
    Clinic& m_clinic;

    BookingChoices m_choices;

    QList<Slot> m_freeSlots;
    bool m_filling = false; // combos being refilled: their signals are not the user's

    QTimer* m_refreshTimer = nullptr;
    Appointment m_booked;
};

} // namespace masahista::gui

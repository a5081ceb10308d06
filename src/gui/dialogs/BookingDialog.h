#pragma once

#include "booking/Actor.h"
#include "booking/engine/Availability.h"
#include "booking/engine/BookingChoices.h"
#include "booking/engine/BookingService.h"
#include "domain/Appointment.h"
#include "domain/Client.h"
#include "domain/MassageType.h"
#include "domain/Room.h"
#include "domain/Therapist.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QTimeZone>

#include <memory>

class QTimer;

namespace Ui {
class BookingDialog;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

class FormErrorLine;

// Books one appointment or a weekly series for a receptionist with a client on the phone:
// every change is checked against the booking rules as it is made, the reason for a refusal is
// shown in the form, and the next free slots are one click away. Saving books through
// BookingService; a refusal keeps the dialog open with the engine's reason.
class BookingDialog final : public QDialog
{
    Q_OBJECT

public:
    BookingDialog(Clinic& clinic, QWidget* parent = nullptr);
    ~BookingDialog() override;

    // Pre-fills therapist, start (UTC) and length (0: the first option of the type); a 0 id or
    // a null start leaves that field as it is.
    void prefill(Id therapistId, const QDateTime& startUtc, int minutes);
    void prefillClient(Id clientId);

    // Turns the dialog into the editor of an existing appointment: same form, same live
    // verdict, the client fixed; saving changes the appointment instead of booking.
    void editAppointment(const Appointment& appointment);
    bool isEditing() const { return m_editing.id != 0; }

    // After accept(): what was booked (one appointment, or a series).
    const QList<Appointment>& booked() const { return m_booked; }
    // After accept() in edit mode: the appointment as it was and as it is now.
    const Appointment& original() const { return m_editing; }
    const Appointment& changed() const { return m_changed; }

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void loadClinic();
    void fillTherapists();
    void fillTypes();
    void fillDurations();
    void fillRooms();

    void scheduleRefresh();
    void refresh();
    void refreshVerdict();
    void refreshSlots();
    void refreshSeries();
    void updateSaveButton();

    void save();
    void bookSlot(int row);
    void finish(QList<Appointment> appointments);
    void showError(const QString& message);

    const MassageType* currentType() const;
    Id currentTherapistId() const;
    int currentMinutes() const;
    QDateTime currentStartUtc() const;
    BookingRequest currentRequest() const;
    ChangeRequest currentChange() const;
    // The verdict on what the form shows: a new booking, or the edited appointment changed.
    Result<Verdict> currentVerdict();

    std::unique_ptr<Ui::BookingDialog> m_ui;
    Clinic& m_clinic;

    BookingChoices m_choices;
    int m_stepMinutes = 15;

    QList<Slot> m_freeSlots;
    int m_preferredMinutes = 0;
    bool m_filling = false; // combos being refilled: their signals are not the user's
    bool m_overridable = false;
    bool m_allowed = false;

    QTimer* m_refreshTimer = nullptr;
    FormErrorLine* m_errorLine = nullptr;
    QList<Appointment> m_booked;
    Appointment m_editing; // id 0: booking a new appointment
    Appointment m_changed;
};

} // namespace masahista::gui

#include "AppointmentSteps.h"

#include "ServiceCommand.h"
#include "booking/Clinic.h"
#include "booking/engine/BookingService.h"

#include <QUndoStack>

#include <utility>

namespace masahista::gui {

namespace {

// What puts an appointment back the way `wanted` has it, seen from how `current` has it. The
// room is named only when it differs, so that otherwise a free room may be chosen again.
ChangeRequest changeBackTo(const Appointment& wanted, const Appointment& current)
{
    ChangeRequest request;
    request.appointmentId = wanted.id;
    request.startUtc = wanted.startUtc;
    request.therapistId = wanted.therapistId;
    request.massageTypeId = wanted.massageTypeId;
    request.minutes = wanted.durationMinutes;
    if (wanted.roomId != current.roomId) {
        request.roomId = wanted.roomId;
    }
    if (wanted.notes != current.notes) {
        request.notes = wanted.notes;
    }
    return request;
}

template <typename T>
QString refusalOf(const Result<T>& result)
{
    return result ? QString() : result.error().message;
}

} // namespace

AppointmentSteps::AppointmentSteps(Clinic& clinic, QObject* parent)
    : QObject(parent)
    , m_clinic(clinic)
    , m_stack(new QUndoStack(this))
{}

void AppointmentSteps::booked(const QString& what, const QList<Appointment>& booked)
{
    QList<Id> ids;
    QList<Reinstatement> again;
    for (const Appointment& appointment : booked) {
        ids.append(appointment.id);
        again.append({appointment.id, AppointmentStatus::Booked});
    }
    push(
        what,
        [this, ids] { return refusalOf(m_clinic.bookings().undoBookings(ids, m_clinic.actor())); },
        [this, again] {
            return refusalOf(m_clinic.bookings().reinstate(again, m_clinic.actor()));
        });
}

void AppointmentSteps::changed(const QString& what, const Appointment& before,
                               const Appointment& after)
{
    const ChangeRequest undo = changeBackTo(before, after);
    const ChangeRequest redo = changeBackTo(after, before);
    push(
        what,
        [this, undo] { return refusalOf(m_clinic.bookings().change(undo, m_clinic.actor())); },
        [this, redo] { return refusalOf(m_clinic.bookings().change(redo, m_clinic.actor())); });
}

void AppointmentSteps::statusSet(const QString& what, Id appointmentId, AppointmentStatus status,
                                 AppointmentStatus previous)
{
    push(
        what,
        [this, appointmentId, status, previous] {
            return refusalOf(m_clinic.bookings().revertStatus(appointmentId, status, previous,
                                                              m_clinic.actor()));
        },
        [this, appointmentId, status] {
            return refusalOf(
                m_clinic.bookings().setStatus(appointmentId, status, m_clinic.actor()));
        });
}

void AppointmentSteps::cancelled(const QString& what, Id appointmentId, AppointmentStatus previous,
                                 const QString& reason)
{
    const Reinstatement back{appointmentId, previous};
    push(
        what,
        [this, back] { return refusalOf(m_clinic.bookings().reinstate({back}, m_clinic.actor())); },
        [this, appointmentId, reason] {
            return refusalOf(m_clinic.bookings().cancel(appointmentId, reason, m_clinic.actor()));
        });
}

void AppointmentSteps::push(const QString& what, std::function<QString()> undo,
                            std::function<QString()> redo)
{
    m_stack->push(new ServiceCommand(
        what, std::move(undo), std::move(redo), [this, what](const QString& refusal, bool undone) {
            // Say what was taken back or done again: "Done." alone leaves the desk guessing.
            if (!refusal.isEmpty()) {
                Q_EMIT retaken(refusal, true);
            } else {
                Q_EMIT retaken(undone ? tr("Undone: %1 (Ctrl+Shift+Z does it again).").arg(what)
                                      : tr("Done again: %1 (Ctrl+Z undoes it).").arg(what),
                               false);
            }
        }));
}

} // namespace masahista::gui

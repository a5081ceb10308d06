#pragma once

#include "domain/Appointment.h"
#include "domain/Id.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QUndoStack;

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

// The front desk's undo and redo on the calendar: each step already done through the booking
// service (a booking, a change of time or place, a status, a cancellation) is recorded with
// the service calls that take it back and do it again, so an undo that another desk has
// overtaken is refused like any other change.
class AppointmentSteps final : public QObject
{
    Q_OBJECT

public:
    AppointmentSteps(Clinic& clinic, QObject* parent);

    QUndoStack* stack() const { return m_stack; }

    // `booked` were just booked: undone by taking the bookings back.
    void booked(const QString& what, const QList<Appointment>& booked);
    // A change of time, place, type or notes, undone by changing it back.
    void changed(const QString& what, const Appointment& before, const Appointment& after);
    // A status set from `previous`.
    void statusSet(const QString& what, Id appointmentId, AppointmentStatus status,
                   AppointmentStatus previous);
    // A cancellation of an appointment that had `previous` as its status.
    void cancelled(const QString& what, Id appointmentId, AppointmentStatus previous,
                   const QString& reason);

Q_SIGNALS:
    // An undo or redo ran: what the desk reads about it, in red when it was refused.
    void retaken(const QString& message, bool refused);

private:
    void push(const QString& what, std::function<QString()> undo, std::function<QString()> redo);

    Clinic& m_clinic;
    QUndoStack* m_stack = nullptr;
};

} // namespace masahista::gui

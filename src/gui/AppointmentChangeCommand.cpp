#include "AppointmentChangeCommand.h"

#include "booking/BookingService.h"

namespace masahista::gui {

AppointmentChangeCommand::AppointmentChangeCommand(Database& database, const Clock& clock,
                                                   Actor actor, Id appointmentId, Placement before,
                                                   Placement after, const QString& text,
                                                   Reporter reporter)
    : QUndoCommand(text)
    , m_database(database)
    , m_clock(clock)
    , m_actor(std::move(actor))
    , m_appointmentId(appointmentId)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_reporter(std::move(reporter))
{}

void AppointmentChangeCommand::undo()
{
    apply(m_before);
}

void AppointmentChangeCommand::redo()
{
    // QUndoStack::push() calls redo() at once; the change was made before it was pushed.
    if (m_applied) {
        m_applied = false;
        return;
    }
    apply(m_after);
}

void AppointmentChangeCommand::apply(const Placement& placement)
{
    ChangeRequest request;
    request.appointmentId = m_appointmentId;
    request.therapistId = placement.therapistId;
    request.startUtc = placement.startUtc;
    request.minutes = placement.minutes;
    const Result<Appointment> changed =
        BookingService(m_database, m_clock).change(request, m_actor);
    if (!changed) {
        // The stack stays where it is in the user's eyes; this step can no longer be replayed.
        setObsolete(true);
    }
    m_reporter(changed ? QString() : changed.error().message);
}

} // namespace masahista::gui

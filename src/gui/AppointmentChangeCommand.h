#pragma once

#include "booking/Actor.h"
#include "domain/Appointment.h"

#include <QUndoCommand>

#include <functional>

namespace masahista {
class Clock;
class Database;
} // namespace masahista

namespace masahista::gui {

// A move or resize the user can undo: each direction goes through the booking service, so an
// undo that would now collide with a newer booking is refused like any other move.
class AppointmentChangeCommand final : public QUndoCommand
{
public:
    struct Placement
    {
        Id therapistId = 0;
        QDateTime startUtc;
        int minutes = 0;
    };
    // Reports the outcome of an undo or redo: empty on success, else the refusal.
    using Reporter = std::function<void(const QString& refusal)>;

    // `after` has already been applied when the command is pushed.
    AppointmentChangeCommand(Database& database, const Clock& clock, Actor actor, Id appointmentId,
                             Placement before, Placement after, const QString& text,
                             Reporter reporter);

    void undo() override;
    void redo() override;

private:
    void apply(const Placement& placement);

    Database& m_database;
    const Clock& m_clock;
    Actor m_actor;
    Id m_appointmentId;
    Placement m_before;
    Placement m_after;
    Reporter m_reporter;
    bool m_applied = true;
};

} // namespace masahista::gui

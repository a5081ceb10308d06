#pragma once

#include "booking/engine/CalendarEntry.h"
#include "domain/Appointment.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace masahista::gui {

// What the calendar says about an appointment: the line after its status changes, and the
// details pane as rich text: who is coming, for what, when and where, their
// health alerts in red, the notes, why it was cancelled, and what happened to it so far.
class AppointmentDetails
{
    Q_DECLARE_TR_FUNCTIONS(AppointmentDetails)

public:
    // What the desk reads after marking an appointment, as a sentence of its own for each
    // status ("Ana Smith is now no-show." read like a typo).
    static QString statusChanged(const QString& clientName, AppointmentStatus status);
    // What the pane says while no appointment is chosen.
    static QString noneChosen();
    // Every text is escaped: names, notes and alerts are typed by people.
    static QString html(const CalendarEntry& entry, const QTimeZone& zone,
                        const QList<AppointmentChange>& history);
};

} // namespace masahista::gui

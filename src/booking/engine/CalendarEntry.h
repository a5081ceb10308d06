#pragma once

#include "domain/Appointment.h"
#include "domain/Client.h"

#include <QList>
#include <QString>

namespace masahista {

// An appointment together with the names it refers to, as a calendar or a day sheet shows it.
// The caller loads the names; nothing here reads the database.
struct CalendarEntry
{
    Appointment appointment;
    QString therapistName;
    QString clientName;
    QString clientPhone; // for the therapist to call a client who is late
    QString serviceName;
    QString roomName;     // empty: no room
    QString serviceColor; // "#rrggbb" of the massage type
    QList<HealthAlert> healthAlerts;
};

} // namespace masahista

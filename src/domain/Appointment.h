#pragma once

#include "Id.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace masahista {

enum class AppointmentStatus
{
    Booked,
    Confirmed,
    Arrived,
    Completed,
    NoShow,
    Cancelled
};

struct Appointment
{
    Id id = 0;
    Id clientId = 0;
    Id therapistId = 0;
    Id massageTypeId = 0;
    Id optionId = 0;
    int durationMinutes = 0;
    qint64 priceCents = 0; // taken from the option when booked, kept if prices change
    Id roomId = 0;         // 0: no room
    QDateTime startUtc;
    QDateTime endUtc;
    QDateTime bufferEndUtc; // end plus the massage type's cleanup buffer
    AppointmentStatus status = AppointmentStatus::Booked;
    QString notes;
    QString cancelReason;
    bool cancelledLate = false;
    QString overrideReason; // why a soft rule was overridden, if one was
    Id seriesId = 0;
    QDateTime createdUtc;
    QDateTime updatedUtc;
    // How many times the appointment changed in a way its calendar event shows (time, length,
    // therapist, client, type, room, status, notes): the event's SEQUENCE. Kept by the
    // database; AppointmentRepository::update raises it and ignores the value given.
    int sequence = 0;

    // A cancelled appointment frees its time; every other status keeps it.
    bool holdsTime() const { return status != AppointmentStatus::Cancelled; }
};

// One line of an appointment's history: who did what to it, when.
struct AppointmentChange
{
    Id appointmentId = 0;
    QDateTime changedUtc;
    QString actor; // who did it; a free label until staff accounts exist
    QString action;
    QString details;
};

QString appointmentStatusKey(AppointmentStatus status);
std::optional<AppointmentStatus> appointmentStatusFromKey(QStringView key);

} // namespace masahista

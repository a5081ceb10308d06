#include "Appointment.h"

#include "EnumKeys.h"

namespace masahista {

namespace {
constexpr EnumKeys<AppointmentStatus, 6> statusKeys{{{
    {AppointmentStatus::Booked, u"booked"},
    {AppointmentStatus::Confirmed, u"confirmed"},
    {AppointmentStatus::Arrived, u"arrived"},
    {AppointmentStatus::Completed, u"completed"},
    {AppointmentStatus::NoShow, u"no_show"},
    {AppointmentStatus::Cancelled, u"cancelled"},
}}};
} // namespace

QString appointmentStatusKey(AppointmentStatus status)
{
    return statusKeys.key(status);
}

std::optional<AppointmentStatus> appointmentStatusFromKey(QStringView key)
{
    return statusKeys.parse(key);
}

} // namespace masahista

#include "CardToolTip.h"

#include "booking/engine/ClinicTime.h"

namespace masahista::gui {

namespace {

QString statusText(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked:
        return CardToolTip::tr("Booked");
    case AppointmentStatus::Confirmed:
        return CardToolTip::tr("Confirmed");
    case AppointmentStatus::Arrived:
        return CardToolTip::tr("Arrived");
    case AppointmentStatus::Completed:
        return CardToolTip::tr("Completed");
    case AppointmentStatus::NoShow:
        return CardToolTip::tr("No-show");
    case AppointmentStatus::Cancelled:
        return CardToolTip::tr("Cancelled");
    }
    return {};
}

QString alertKindText(HealthAlertKind kind)
{
    switch (kind) {
    case HealthAlertKind::Pregnancy:
        return CardToolTip::tr("Pregnancy");
    case HealthAlertKind::Allergy:
        return CardToolTip::tr("Allergy");
    case HealthAlertKind::Condition:
        return CardToolTip::tr("Condition");
    case HealthAlertKind::AvoidArea:
        return CardToolTip::tr("Avoid area");
    case HealthAlertKind::Other:
        return CardToolTip::tr("Other");
    }
    return {};
}

} // namespace

QString CardToolTip::html(const CalendarEntry& entry, const QTimeZone& zone)
{
    const Appointment& appointment = entry.appointment;
    QString html = QStringLiteral("<b>%1</b><br>").arg(entry.clientName.toHtmlEscaped());
    html +=
        tr("%1, %2 min").arg(entry.serviceName.toHtmlEscaped()).arg(appointment.durationMinutes);
    html += QStringLiteral("<br>") +
            tr("%1–%2").arg(ClinicTime::formatClock(appointment.startUtc, zone),
                            ClinicTime::formatClock(appointment.endUtc, zone));
    if (appointment.bufferEndUtc > appointment.endUtc) {
        html +=
            QLatin1Char(' ') +
            tr("(cleanup until %1)").arg(ClinicTime::formatClock(appointment.bufferEndUtc, zone));
    }
    if (!entry.roomName.isEmpty()) {
        html += QStringLiteral("<br>") + tr("Room: %1").arg(entry.roomName.toHtmlEscaped());
    }
    html += QStringLiteral("<br>") + tr("Status: %1").arg(statusText(appointment.status));
    if (appointment.status == AppointmentStatus::Cancelled && !appointment.cancelReason.isEmpty()) {
        html +=
            QStringLiteral("<br>") + tr("Reason: %1").arg(appointment.cancelReason.toHtmlEscaped());
    }
    if (!entry.healthAlerts.isEmpty()) {
        html += QStringLiteral("<br><b>") + tr("Health alerts:") + QStringLiteral("</b>");
        for (const HealthAlert& alert : entry.healthAlerts) {
            html += QStringLiteral("<br>• ") +
                    tr("%1: %2").arg(alertKindText(alert.kind), alert.detail.toHtmlEscaped());
        }
    }
    return html;
}

} // namespace masahista::gui

#include "AppointmentDetails.h"

#include "ProblemColour.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/IcsCalendar.h"

#include <QLocale>

namespace masahista::gui {

namespace {

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

QString AppointmentDetails::statusChanged(const QString& clientName, AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked:
        return tr("%1's appointment is back to booked.").arg(clientName);
    case AppointmentStatus::Confirmed:
        return tr("%1's appointment is confirmed.").arg(clientName);
    case AppointmentStatus::Arrived:
        return tr("%1 has arrived.").arg(clientName);
    case AppointmentStatus::Completed:
        return tr("%1's appointment is completed.").arg(clientName);
    case AppointmentStatus::NoShow:
        return tr("%1 did not come: marked as a no-show.").arg(clientName);
    case AppointmentStatus::Cancelled:
        break;
    }
    return tr("%1's appointment is cancelled.").arg(clientName);
}

QString AppointmentDetails::noneChosen()
{
    return QStringLiteral("<p><i>") +
           escaped(tr("Select an appointment to see its details; right-click it for what "
                      "happened.")) +
           QStringLiteral("</i></p>");
}

QString AppointmentDetails::html(const CalendarEntry& entry, const QTimeZone& zone,
                                 const QList<AppointmentChange>& history)
{
    const Appointment& appointment = entry.appointment;
    QString text = QStringLiteral("<h3>") + escaped(entry.clientName) + QStringLiteral("</h3>");
    text +=
        QStringLiteral("<p>") +
        escaped(tr("%1, %2 min").arg(entry.serviceName).arg(appointment.durationMinutes)) +
        QStringLiteral("<br/>") +
        escaped(tr("with %1, %2–%3")
                    .arg(entry.therapistName, ClinicTime::formatClock(appointment.startUtc, zone),
                         ClinicTime::formatClock(appointment.endUtc, zone))) +
        QStringLiteral("<br/>");
    if (!entry.roomName.isEmpty()) {
        text += escaped(tr("Room: %1").arg(entry.roomName)) + QStringLiteral("<br/>");
    }
    text += escaped(tr("Status: %1").arg(IcsCalendar::statusText(appointment.status))) +
            QStringLiteral("</p>");
    for (const HealthAlert& alert : entry.healthAlerts) {
        text += QStringLiteral("<p style=\"color:%1\"><b>").arg(ProblemColour::name()) +
                escaped(IcsCalendar::alertText(alert)) + QStringLiteral("</b></p>");
    }
    if (!appointment.notes.isEmpty()) {
        text += QStringLiteral("<p>") + escaped(tr("Notes: %1").arg(appointment.notes)) +
                QStringLiteral("</p>");
    }
    if (!appointment.cancelReason.isEmpty()) {
        text += QStringLiteral("<p>") + escaped(tr("Cancelled: %1").arg(appointment.cancelReason)) +
                QStringLiteral("</p>");
    }
    if (!history.isEmpty()) {
        text += QStringLiteral("<p><b>") + escaped(tr("History")) + QStringLiteral("</b><br/>");
        for (const AppointmentChange& change : history) {
            text +=
                escaped(
                    QLocale().toString(change.changedUtc.toTimeZone(zone), QLocale::ShortFormat) +
                    QStringLiteral(" · ") + change.actor + QStringLiteral(" · ") + change.action) +
                QStringLiteral("<br/>");
        }
        text += QStringLiteral("</p>");
    }
    return text;
}

} // namespace masahista::gui

#include "Output.h"

#include "booking/engine/ClinicTime.h"
#include "domain/Money.h"

#include <QJsonArray>
#include <QLocale>

namespace masahista::cli {

namespace {

QJsonValue dateJson(QDate date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue();
}

QString weekdayKey(int weekday)
{
    static const QStringList keys{
        QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
        QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};
    return keys.value(weekday - 1);
}

QString dateText(QDate date)
{
    return date.toString(Qt::ISODate);
}

} // namespace

QJsonObject Output::therapistJson(const Therapist& therapist, const QList<WeeklyInterval>& hours)
{
    QJsonArray modalities;
    for (const Certification& certification : therapist.certifications) {
        modalities.append(
            QJsonObject{{QStringLiteral("modality"), certification.modalityName},
                        {QStringLiteral("certified_on"), dateJson(certification.certifiedOn)},
                        {QStringLiteral("expires_on"), dateJson(certification.expiresOn)}});
    }
    QJsonArray credentials;
    for (const Credential& credential : therapist.credentials) {
        credentials.append(
            QJsonObject{{QStringLiteral("issuing_body"), credential.issuingBody},
                        {QStringLiteral("registration_number"), credential.registrationNumber},
                        {QStringLiteral("valid_from"), dateJson(credential.validFrom)},
                        {QStringLiteral("valid_to"), dateJson(credential.validTo)},
                        {QStringLiteral("printed_on_receipts"), credential.printedOnReceipts}});
    }
    QJsonArray education;
    for (const Education& entry : therapist.education) {
        education.append(
            QJsonObject{{QStringLiteral("school"), entry.school},
                        {QStringLiteral("programme"), entry.programme},
                        {QStringLiteral("programme_hours"), entry.programmeHours},
                        {QStringLiteral("completed_on"), dateJson(entry.completedOn)}});
    }
    QJsonArray week;
    for (const WeeklyInterval& interval : hours) {
        week.append(
            QJsonObject{{QStringLiteral("weekday"), weekdayKey(interval.weekday)},
                        {QStringLiteral("start"), ClinicTime::formatMinute(interval.startMinute)},
                        {QStringLiteral("end"), ClinicTime::formatMinute(interval.endMinute)}});
    }
    return QJsonObject{
        {QStringLiteral("id"), therapist.id},
        {QStringLiteral("name"), therapist.displayName},
        {QStringLiteral("title"), therapist.title},
        {QStringLiteral("team_role"), therapist.teamRole},
        {QStringLiteral("active"), therapist.active},
        {QStringLiteral("calendar_color"), therapist.calendarColor},
        {QStringLiteral("bio"), therapist.bio},
        {QStringLiteral("modalities"), modalities},
        {QStringLiteral("credentials"), credentials},
        {QStringLiteral("education"), education},
        {QStringLiteral("weekly_hours"), week},
    };
}

QJsonObject Output::massageTypeJson(const MassageType& type)
{
    QJsonArray options;
    for (const DurationOption& option : type.options) {
        options.append(QJsonObject{{QStringLiteral("minutes"), option.minutes},
                                   {QStringLiteral("price_cents"), option.priceCents},
                                   {QStringLiteral("active"), option.active}});
    }
    return QJsonObject{
        {QStringLiteral("id"), type.id},
        {QStringLiteral("name"), type.name},
        {QStringLiteral("description"), type.description},
        {QStringLiteral("pressure"), pressureKey(type.pressure)},
        {QStringLiteral("required_modality"),
         type.requiredModalityId != 0 ? QJsonValue(type.requiredModalityName) : QJsonValue()},
        {QStringLiteral("buffer_minutes"), type.bufferMinutes},
        {QStringLiteral("room_kind"),
         type.roomKind.isEmpty() ? QJsonValue() : QJsonValue(type.roomKind)},
        {QStringLiteral("active"), type.active},
        {QStringLiteral("options"), options},
    };
}

QJsonObject Output::roomJson(const Room& room)
{
    return QJsonObject{{QStringLiteral("id"), room.id},
                       {QStringLiteral("name"), room.name},
                       {QStringLiteral("kind"), room.kind},
                       {QStringLiteral("active"), room.active}};
}

QJsonObject Output::clientJson(const Client& client)
{
    QJsonArray alerts;
    for (const HealthAlert& alert : client.healthAlerts) {
        alerts.append(QJsonObject{{QStringLiteral("kind"), healthAlertKey(alert.kind)},
                                  {QStringLiteral("detail"), alert.detail}});
    }
    return QJsonObject{{QStringLiteral("id"), client.id},
                       {QStringLiteral("name"), client.fullName},
                       {QStringLiteral("phone"), client.phone},
                       {QStringLiteral("email"), client.email},
                       {QStringLiteral("date_of_birth"), dateJson(client.dateOfBirth)},
                       {QStringLiteral("archived"), client.archived},
                       {QStringLiteral("health_alerts"), alerts}};
}

QString Output::weekText(const QList<WeeklyInterval>& hours)
{
    QStringList days;
    for (int weekday = Qt::Monday; weekday <= Qt::Sunday; ++weekday) {
        const QString day = ClinicTime::formatDay(hours, weekday);
        if (!day.isEmpty()) {
            days.append(QLocale().dayName(weekday, QLocale::ShortFormat) + QLatin1Char(' ') + day);
        }
    }
    return days.isEmpty() ? tr("no working hours") : days.join(QStringLiteral("; "));
}

QString Output::therapistText(const Therapist& therapist, const QList<WeeklyInterval>& hours)
{
    QString heading = therapist.displayName;
    if (!therapist.title.isEmpty()) {
        heading += QStringLiteral(", ") + therapist.title;
    }
    if (!therapist.teamRole.isEmpty()) {
        heading += QStringLiteral(" (") + therapist.teamRole + QLatin1Char(')');
    }
    if (!therapist.active) {
        heading += QLatin1Char(' ') + tr("[inactive]");
    }
    QStringList modalities;
    for (const Certification& certification : therapist.certifications) {
        modalities.append(
            certification.expiresOn.isValid()
                ? tr("%1 (until %2)")
                      .arg(certification.modalityName, dateText(certification.expiresOn))
                : certification.modalityName);
    }
    QStringList credentials;
    for (const Credential& credential : therapist.credentials) {
        credentials.append(
            credential.registrationNumber.isEmpty()
                ? credential.issuingBody
                : tr("%1 #%2").arg(credential.issuingBody, credential.registrationNumber));
    }
    QStringList education;
    for (const Education& entry : therapist.education) {
        QString line = entry.school;
        if (entry.programmeHours > 0) {
            line += QStringLiteral(", ") + tr("%n hour(s)", nullptr, entry.programmeHours);
        }
        if (entry.completedOn.isValid()) {
            line += QStringLiteral(", ") + dateText(entry.completedOn);
        }
        education.append(line);
    }
    const QString none = tr("none");
    QString text = QString::number(therapist.id) + QStringLiteral("  ") + heading;
    text += QStringLiteral("\n    ") +
            tr("Certified in: %1")
                .arg(modalities.isEmpty() ? none : modalities.join(QStringLiteral(", ")));
    text += QStringLiteral("\n    ") +
            tr("Credentials: %1")
                .arg(credentials.isEmpty() ? none : credentials.join(QStringLiteral("; ")));
    if (!education.isEmpty()) {
        text += QStringLiteral("\n    ") + tr("Training: %1").arg(education.join(u"; "));
    }
    text += QStringLiteral("\n    ") + tr("Hours: %1").arg(weekText(hours));
    return text;
}

QString Output::massageTypeText(const MassageType& type)
{
    QStringList options;
    for (const DurationOption& option : type.options) {
        if (option.active) {
            options.append(
                tr("%1 min %2").arg(option.minutes).arg(Money(option.priceCents).toString()));
        }
    }
    QString text = QString::number(type.id) + QStringLiteral("  ") + type.name;
    if (!type.active) {
        text += QLatin1Char(' ') + tr("[inactive]");
    }
    text += QStringLiteral("\n    ") + options.join(QStringLiteral(", "));
    text += QStringLiteral("\n    ") +
            tr("Needs: %1; room: %2; cleanup %n minute(s)", nullptr, type.bufferMinutes)
                .arg(type.requiredModalityId != 0 ? type.requiredModalityName : tr("any therapist"),
                     type.roomKind.isEmpty() ? tr("any") : type.roomKind);
    return text;
}

QString Output::roomText(const Room& room)
{
    QString text = QString::number(room.id) + QStringLiteral("  ") + room.name +
                   QStringLiteral(" (") + room.kind + QLatin1Char(')');
    if (!room.active) {
        text += QLatin1Char(' ') + tr("[inactive]");
    }
    return text;
}

QString Output::clientText(const Client& client)
{
    QStringList parts{QString::number(client.id), client.fullName, client.phone};
    if (!client.email.isEmpty()) {
        parts.append(client.email);
    }
    QString text = parts.join(QStringLiteral("  "));
    if (client.archived) {
        text += QLatin1Char(' ') + tr("[archived]");
    }
    for (const HealthAlert& alert : client.healthAlerts) {
        text += QStringLiteral("\n    ") +
                tr("Health alert (%1): %2").arg(healthAlertKey(alert.kind), alert.detail);
    }
    return text;
}

} // namespace masahista::cli

#pragma once

#include "WorkingHours.h"

#include <QDate>
#include <QList>
#include <QString>

namespace masahista {

// A day the whole clinic is closed (a statutory holiday, say).
struct ClosedDay
{
    QDate date;
    QString reason;
};

struct ClinicSettings
{
    QString name;
    QString address;
    QString phone;
    QString timeZoneId = QStringLiteral("America/Edmonton");
    int bookingStepMinutes = 15;
    int lateCancelHours = 24;
    QList<WeeklyInterval> openingHours;
    QList<ClosedDay> closedDays;
    // Where backups go; empty: a "backups" folder beside the database.
    QString backupFolder;
    // The demo's invented clinic: set once by the demo loader, never by save().
    bool madeUp = false;
};

} // namespace masahista

#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace masahista {

enum class BackupKind
{
    Manual, // asked for: the window's action or "masahista backup"
    Daily,  // made by the app once a clinic day, and thinned out with age
};

// A backup file of the clinic's database. Only files that passed their check ever get a
// backup's name, so a listed backup is a good one.
struct BackupInfo
{
    QString path;
    BackupKind kind = BackupKind::Manual;
    QDate day; // the clinic day it was made on, as its name says
    QDateTime madeUtc;
    qint64 sizeBytes = 0;
};

} // namespace masahista

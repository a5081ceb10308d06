#pragma once

#include "domain/BackupInfo.h"

#include <QList>

namespace masahista::BackupRetention {

constexpr int dailyKept = 7;
constexpr int weeklyKept = 4;

// Of the daily backups, those to remove: the newest of each of the 7 most recent days that
// have one is kept, then the newest of each of the 4 weeks (Monday to Sunday) before those;
// the rest go. Days are the clinic's days the backups were made on.
QList<BackupInfo> toRemove(QList<BackupInfo> daily);

} // namespace masahista::BackupRetention

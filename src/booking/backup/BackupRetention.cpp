#include "BackupRetention.h"

#include <QSet>

#include <algorithm>

namespace masahista::BackupRetention {

namespace {

int weekOf(QDate day)
{
    int isoYear = 0;
    const int week = day.weekNumber(&isoYear);
    return isoYear * 100 + week;
}

} // namespace

QList<BackupInfo> toRemove(QList<BackupInfo> daily)
{
    std::sort(daily.begin(), daily.end(), [](const BackupInfo& a, const BackupInfo& b) {
        return a.day != b.day ? a.day > b.day : a.madeUtc > b.madeUtc;
    });
    QSet<QDate> keptDays;
    QSet<int> weeksOfKeptDays;
    QSet<int> keptWeeks;
    QList<BackupInfo> removed;
    for (const BackupInfo& backup : std::as_const(daily)) {
        const int week = weekOf(backup.day);
        if (keptDays.contains(backup.day)) {
            removed.append(backup); // an older one of a day already kept
        } else if (keptDays.size() < dailyKept) {
            keptDays.insert(backup.day);
            weeksOfKeptDays.insert(week);
        } else if (!weeksOfKeptDays.contains(week) && !keptWeeks.contains(week) &&
                   keptWeeks.size() < weeklyKept) {
            keptWeeks.insert(week);
        } else {
            removed.append(backup);
        }
    }
    return removed;
}

} // namespace masahista::BackupRetention

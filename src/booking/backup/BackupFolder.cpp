#include "BackupFolder.h"

#include "booking/backup/BackupRetention.h"
#include "booking/engine/ClinicTime.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace masahista {

namespace {

const QString extension = QStringLiteral(".sqlite");

} // namespace

BackupFolder::BackupFolder(QString folderPath, const QString& databasePath, QTimeZone zone)
    : m_path(QDir::cleanPath(std::move(folderPath)))
    , m_databaseName(QFileInfo(databasePath).completeBaseName())
    , m_zone(std::move(zone))
{}

QString BackupFolder::newBackupPath(BackupKind kind, const QDateTime& nowUtc) const
{
    const QDateTime local = ClinicTime::toLocal(nowUtc, m_zone);
    const QString stem = m_databaseName + QLatin1Char('-') +
                         (kind == BackupKind::Daily ? QStringLiteral("daily-") : QString()) +
                         local.toString(QStringLiteral("yyyy-MM-dd-HHmmss"));
    const QDir folder(m_path);
    QString candidate = folder.filePath(stem + extension);
    // Two backups within one second.
    for (int copy = 2; QFileInfo::exists(candidate); ++copy) {
        candidate = folder.filePath(stem + QLatin1Char('-') + QString::number(copy) + extension);
    }
    return candidate;
}

QList<BackupInfo> BackupFolder::list() const
{
    const QRegularExpression pattern(
        QLatin1Char('^') + QRegularExpression::escape(m_databaseName) +
        QStringLiteral("-(daily-)?(\\d{4}-\\d{2}-\\d{2}-\\d{6})(-\\d+)?"
                       "\\.sqlite$"));
    QList<BackupInfo> found;
    const QFileInfoList files = QDir(m_path).entryInfoList(
        {m_databaseName + QStringLiteral("-*") + extension}, QDir::Files | QDir::Readable);
    for (const QFileInfo& file : files) {
        const QRegularExpressionMatch match = pattern.match(file.fileName());
        const QDateTime made =
            QDateTime::fromString(match.captured(2), QStringLiteral("yyyy-MM-dd-HHmmss"));
        if (!match.hasMatch() || !made.isValid()) {
            continue;
        }
        BackupInfo backup;
        backup.path = file.absoluteFilePath();
        backup.kind = match.capturedLength(1) > 0 ? BackupKind::Daily : BackupKind::Manual;
        backup.day = made.date();
        // The name's clinic time rather than the file's: copying a folder of backups elsewhere
        // changes the files' times, not their names.
        backup.madeUtc = ClinicTime::toUtc(made.date(), ClinicTime::minuteOfDay(made), m_zone)
                             .addSecs(made.time().second());
        backup.sizeBytes = file.size();
        found.append(backup);
    }
    std::sort(found.begin(), found.end(),
              [](const BackupInfo& a, const BackupInfo& b) { return a.madeUtc > b.madeUtc; });
    return found;
}

std::optional<BackupInfo> BackupFolder::latest() const
{
    const QList<BackupInfo> all = list();
    return all.isEmpty() ? std::nullopt : std::optional<BackupInfo>(all.constFirst());
}

bool BackupFolder::hasDaily(QDate day) const
{
    const QList<BackupInfo> all = list();
    return std::any_of(all.cbegin(), all.cend(), [day](const BackupInfo& backup) {
        return backup.kind == BackupKind::Daily && backup.day == day;
    });
}

BackupFolder::Pruned BackupFolder::prune() const
{
    QList<BackupInfo> daily = list();
    daily.removeIf([](const BackupInfo& backup) { return backup.kind != BackupKind::Daily; });
    Pruned pruned;
    for (const BackupInfo& old : BackupRetention::toRemove(daily)) {
        (QFile::remove(old.path) ? pruned.removed : pruned.kept).append(old.path);
    }
    return pruned;
}

} // namespace masahista

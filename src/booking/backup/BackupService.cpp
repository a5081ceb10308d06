#include "BackupService.h"

#include "booking/engine/ClinicTime.h"
#include "data/Database.h"
#include "data/SettingsRepository.h"

#include <QDir>
#include <QFileInfo>

namespace masahista {

QString BackupService::defaultFolder(const QString& databasePath)
{
    return QFileInfo(databasePath).absoluteDir().filePath(QStringLiteral("backups"));
}

BackupFolder BackupService::folderFor(const ClinicSettings& settings) const
{
    const QString chosen = settings.backupFolder.trimmed();
    return BackupFolder(chosen.isEmpty() ? defaultFolder(m_database.path()) : chosen,
                        m_database.path(), ClinicTime::zone(settings.timeZoneId));
}

BackupService::Job BackupService::jobFor(BackupKind kind, const QString& path,
                                         const ClinicSettings& settings) const
{
    const BackupFolder into = folderFor(settings);
    const QDateTime now = m_clock.nowUtc();
    return Job{m_database.path(),
               path.isEmpty() ? into.newBackupPath(kind, now) : QFileInfo(path).absoluteFilePath(),
               kind,
               now,
               ClinicTime::toLocal(now, ClinicTime::zone(settings.timeZoneId)).date(),
               into};
}

Result<ClinicSettings> BackupService::settings()
{
    if (m_database.path() == u":memory:") {
        return makeError(ErrorCode::Invalid,
                         tr("A database kept in memory has no file to back up."));
    }
    return SettingsRepository(m_database).load();
}

Result<BackupFolder> BackupService::folder()
{
    Result<ClinicSettings> loaded = settings();
    if (!loaded) {
        return loaded.error();
    }
    return folderFor(*loaded);
}

Result<BackupService::Job> BackupService::prepare(BackupKind kind, const QString& path)
{
    Result<ClinicSettings> loaded = settings();
    if (!loaded) {
        return loaded.error();
    }
    return jobFor(kind, path, *loaded);
}

Result<std::optional<BackupService::Job>> BackupService::dailyJobIfDue()
{
    Result<ClinicSettings> loaded = settings();
    if (!loaded) {
        return loaded.error();
    }
    Job daily = jobFor(BackupKind::Daily, QString(), *loaded);
    if (daily.folder.hasDaily(daily.day)) {
        return std::optional<Job>();
    }
    return std::optional<Job>(std::move(daily));
}

Result<BackupService::Outcome> BackupService::perform(const Job& job)
{
    Result<DatabaseFile::Checked> written =
        DatabaseFile::writeBackup(job.databasePath, job.backupPath);
    if (!written) {
        return written.error();
    }
    const QFileInfo file(job.backupPath);
    Outcome outcome;
    outcome.backup.path = file.absoluteFilePath();
    outcome.backup.kind = job.kind;
    outcome.backup.madeUtc = job.startedUtc;
    outcome.backup.sizeBytes = written->sizeBytes;
    outcome.backup.day = job.day;
    if (job.kind == BackupKind::Daily) {
        outcome.pruned = job.folder.prune();
    }
    return outcome;
}

Result<BackupService::Outcome> BackupService::backUp(BackupKind kind, const QString& path)
{
    Result<Job> job = prepare(kind, path);
    if (!job) {
        return job.error();
    }
    return perform(*job);
}

Result<DatabaseFile::Checked> BackupService::check(const QString& path, DatabaseFile::Depth depth)
{
    return DatabaseFile::checkDatabase(path, depth);
}

Result<QString> BackupService::restore(const QString& backupPath, const QString& databasePath,
                                       const Clock& clock)
{
    return DatabaseFile::restore(backupPath, databasePath, clock.nowUtc());
}

} // namespace masahista

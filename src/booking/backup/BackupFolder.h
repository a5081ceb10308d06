#pragma once

#include "domain/BackupInfo.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace masahista {

// The folder a clinic's backups go to, and the names they are given there:
// "<database>-daily-2026-12-02-080100.sqlite" for the day's automatic one and
// "<database>-2026-12-02-101500.sqlite" for one asked for, in the clinic's time. The
// database's name comes first so that two clinics may share a folder. Only the file system is
// touched, never the database, so a worker thread may use a copy.
class BackupFolder
{
    Q_DECLARE_TR_FUNCTIONS(BackupFolder)

public:
    BackupFolder(QString folderPath, const QString& databasePath, QTimeZone zone);

    const QString& path() const { return m_path; }
    const QTimeZone& zone() const { return m_zone; }

    // A name for a backup of `kind` made at `nowUtc` that no file has yet.
    QString newBackupPath(BackupKind kind, const QDateTime& nowUtc) const;

    // This database's backups found in the folder, newest first; none when the folder is
    // missing.
    QList<BackupInfo> list() const;
    std::optional<BackupInfo> latest() const;
    bool hasDaily(QDate day) const;

    struct Pruned
    {
        QStringList removed;
        QStringList kept; // due to go, but the file could not be removed; tried again next time
    };
    // Removes the daily backups that BackupRetention no longer keeps. Backups asked for are
    // the user's to remove and are never touched.
    Pruned prune() const;

private:
    QString m_path;
    QString m_databaseName;
    QTimeZone m_zone;
};

} // namespace masahista

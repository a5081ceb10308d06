#pragma once

#include "booking/Clock.h"
#include "booking/backup/BackupFolder.h"
#include "data/DatabaseFile.h"
#include "domain/BackupInfo.h"
#include "domain/ClinicSettings.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace masahista {

class Database;

// Backups of the clinic's database: made on request or once a clinic day, each checked before
// it gets its name, and the daily ones thinned out with age (7 days, then 4 weeks).
//
// Making the copy is the slow part and needs nothing of the caller's connection, so it is
// split off for a window that must not freeze: prepare() runs with the database, perform() on
// any thread.
class BackupService
{
    Q_DECLARE_TR_FUNCTIONS(BackupService)

public:
    BackupService(Database& database, const Clock& clock)
        : m_database(database)
        , m_clock(clock)
    {}

    // Where the backups go: the clinic's setting, or a "backups" folder beside the database.
    Result<BackupFolder> folder();

    struct Job
    {
        QString databasePath;
        QString backupPath;
        BackupKind kind = BackupKind::Manual;
        QDateTime startedUtc;
        QDate day; // the clinic's day it is made on
        BackupFolder folder;
    };
    // A backup of `kind` to make now: to `path` when one is given, else under a new name in
    // folder().
    Result<Job> prepare(BackupKind kind, const QString& path = {});
    // The daily backup, when the clinic's today has none yet.
    Result<std::optional<Job>> dailyJobIfDue();

    struct Outcome
    {
        BackupInfo backup;
        BackupFolder::Pruned pruned;
    };
    // Writes and checks the copy; after a daily one, removes the daily backups no longer kept.
    static Result<Outcome> perform(const Job& job);

    // prepare() and perform() in one go, for the command line.
    Result<Outcome> backUp(BackupKind kind, const QString& path = {});

    // Puts a checked backup in place of the database at `databasePath`, keeping the current
    // file aside (its new path is returned). Nothing may have the database open.
    static Result<QString> restore(const QString& backupPath, const QString& databasePath,
                                   const Clock& clock);

    // How deep a check looks, and what it found: the file layer's own answer.
    using CheckDepth = DatabaseFile::Depth;
    using CheckedFile = DatabaseFile::Checked;
    // Checks the database at `path` for damage through a read-only connection of its own.
    static Result<CheckedFile> check(const QString& path, CheckDepth depth);

    // The folder a database's backups go to when the clinic has chosen none, and the only one
    // known when the database itself cannot be read.
    static QString defaultFolder(const QString& databasePath);

private:
    // The clinic's settings, for a database that has a file to back up.
    Result<ClinicSettings> settings();
    BackupFolder folderFor(const ClinicSettings& settings) const;
    Job jobFor(BackupKind kind, const QString& path, const ClinicSettings& settings) const;

    Database& m_database;
    const Clock& m_clock;
};

} // namespace masahista

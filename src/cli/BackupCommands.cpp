// Backups: making one, listing them, checking the database and restoring from a backup.
#include "Cli.h"
#include "CommandContext.h"
#include "booking/backup/BackupService.h"
#include "booking/engine/ClinicTime.h"

#include <QDir>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

namespace masahista::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

int backup(CommandContext& context)
{
    BackupService backups = context.clinic().backups();
    const Result<BackupService::Outcome> made =
        backups.backUp(BackupKind::Manual, context.words().value(1));
    if (!made) {
        return context.fail(made.error());
    }
    context.out() << Text::tr("Backed up %1 to %2 (%3); the copy passed its check.")
                         .arg(QDir::toNativeSeparators(context.clinic().path()),
                              QDir::toNativeSeparators(made->backup.path),
                              sizeText(made->backup.sizeBytes))
                  << Qt::endl;
    return Success;
}

QString kindKey(BackupKind kind)
{
    return kind == BackupKind::Daily ? QStringLiteral("daily") : QStringLiteral("manual");
}

int listBackups(CommandContext& context)
{
    BackupService backups = context.clinic().backups();
    const Result<BackupFolder> folder = backups.folder();
    if (!folder) {
        return context.fail(folder.error());
    }
    const QList<BackupInfo> found = folder->list();
    if (context.json()) {
        QJsonArray array;
        for (const BackupInfo& backup : found) {
            array.append(QJsonObject{
                {QStringLiteral("path"), backup.path},
                {QStringLiteral("kind"), kindKey(backup.kind)},
                {QStringLiteral("day"), backup.day.toString(Qt::ISODate)},
                {QStringLiteral("made_utc"), backup.madeUtc.toString(Qt::ISODate)},
                {QStringLiteral("size_bytes"), backup.sizeBytes},
            });
        }
        return context.printJson(array);
    }
    QStringList lines;
    for (const BackupInfo& backup : found) {
        lines.append(
            QStringLiteral("%1  %2  %3  %4")
                .arg(ClinicTime::toLocal(backup.madeUtc, folder->zone())
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     backup.kind == BackupKind::Daily ? Text::tr("daily ") : Text::tr("manual"),
                     sizeText(backup.sizeBytes).rightJustified(8),
                     QDir::toNativeSeparators(backup.path)));
    }
    return context.printLines(
        lines, Text::tr("No backups in %1 yet.").arg(QDir::toNativeSeparators(folder->path())));
}

int check(CommandContext& context)
{
    const BackupService::CheckDepth depth = context.flag(QStringLiteral("quick"))
                                                ? BackupService::CheckDepth::Quick
                                                : BackupService::CheckDepth::Full;
    const Result<BackupService::CheckedFile> checked =
        BackupService::check(context.databasePath(), depth);
    if (!checked) {
        return context.fail(checked.error());
    }
    context.out() << Text::tr("%1 is sound (schema version %2, %3).")
                         .arg(QDir::toNativeSeparators(context.databasePath()))
                         .arg(checked->schemaVersion)
                         .arg(sizeText(checked->sizeBytes))
                  << Qt::endl;
    return Success;
}

int restore(CommandContext& context)
{
    const QString backupPath = context.words().value(1);
    if (backupPath.isEmpty()) {
        return context.usageError(Text::tr("Name the backup to restore: masahista restore FILE."));
    }
    const Result<QString> aside =
        BackupService::restore(backupPath, context.databasePath(), context.clock());
    if (!aside) {
        return context.fail(aside.error());
    }
    context.out() << Text::tr("Restored %1 from %2.")
                         .arg(QDir::toNativeSeparators(context.databasePath()),
                              QDir::toNativeSeparators(backupPath))
                  << Qt::endl;
    if (!aside->isEmpty()) {
        context.out() << Text::tr("The database it replaced was kept as %1.")
                             .arg(QDir::toNativeSeparators(*aside))
                      << Qt::endl;
    }
    return Success;
}

} // namespace

QList<CommandSpec> backupCommands()
{
    return {
        {{QStringLiteral("backup")},
         QStringLiteral("[FILE]"),
         Text::tr("copy the database, checked, into FILE or the clinic's backup folder"),
         {{{QStringLiteral("FILE"),
            Text::tr("the copy, which must not exist yet (default: a dated file in the "
                     "clinic's backup folder)")}},
          QStringLiteral("backup")},
         {},
         {},
         1,
         Clinic::Opening::ExistingOnly,
         backup},
        {{QStringLiteral("backups")},
         QStringLiteral("[--json]"),
         Text::tr("the backups in the clinic's backup folder, newest first"),
         {{{QStringLiteral("--json"), Text::tr("one JSON array (docs/cli.md) instead of text")}},
          QStringLiteral("backups --json")},
         {},
         {QStringLiteral("json")},
         0,
         Clinic::Opening::ExistingOnly,
         listBackups},
        {{QStringLiteral("check")},
         QStringLiteral("[--quick]"),
         Text::tr("check the database file for damage, without changing it"),
         {{{QStringLiteral("--quick"),
            Text::tr("a quicker check that does not compare indexes with their tables")}},
          QStringLiteral("check")},
         {},
         {QStringLiteral("quick")},
         0,
         Clinic::Opening::ExistingOnly,
         check,
         false},
        {{QStringLiteral("restore")},
         QStringLiteral("FILE"),
         Text::tr("replace the database by a checked backup; the current file is kept aside"),
         {{{QStringLiteral("FILE"), Text::tr("the backup to put in place (required)")}},
          QStringLiteral("restore ~/backups/masahista-2026-12-07-090000.sqlite")},
         {},
         {},
         1,
         Clinic::Opening::ExistingOnly,
         restore,
         false},
    };
}

} // namespace masahista::cli

#pragma once

#include "booking/backup/BackupService.h"
#include "domain/BackupInfo.h"

#include <QObject>
#include <QString>
#include <QTimeZone>
#include <QTimer>

#include <functional>
#include <optional>

class QThread;

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

// The window's backups and health check, kept off the GUI thread: the daily backup on the
// first start of a clinic day (and when the window stays open past midnight), a backup on
// request, and a quick_check of the database after start. Each runs on a connection of its own
// in a worker thread, one at a time; the window only hears how it went.
class BackupController final : public QObject
{
    Q_OBJECT

public:
    BackupController(Clinic& clinic, QObject* parent = nullptr);
    // A backup under way is finished, not abandoned: a half-made copy would be thrown away.
    ~BackupController() override;

    // After start-up: the quick check, then the day's backup if it is due; from then on the
    // day's backup is looked for every `dayCheckMs`.
    void start(int dayCheckMs = 30 * 60 * 1000);
    void backUpNow();
    // Reads the backup folder again, after its setting changed.
    void refresh();

    bool isBusy() const { return m_worker != nullptr; }
    // "Last backup: today at 08:01", "No backup yet", "Backing up…", "Backup failed: …".
    QString statusText() const;
    // The last good backup is missing or more than a day old, or the last attempt failed.
    bool needsAttention() const;
    // The reason of a failure and where the last backup is, for a tooltip.
    QString statusDetails() const;
    const std::optional<BackupInfo>& latest() const { return m_latest; }
    const QString& folderPath() const { return m_folderPath; }

    // Where a database's backups were last seen going, for when the database itself cannot be
    // read to say so: remembered in the preferences; else a "backups" folder beside it.
    static BackupFolder rememberedFolder(const QString& databasePath);

Q_SIGNALS:
    void statusChanged();
    // A backup was made (`ok`) or failed; the message says which, where and why.
    void backupFinished(bool ok, const QString& message);
    // The quick check found the database damaged; the message says what to do.
    void damageFound(const QString& message);

private:
    struct Findings
    {
        std::optional<Error> damage;
        std::optional<Result<BackupService::Outcome>> made;
        std::optional<BackupInfo> latest;
    };
    void runInBackground(std::function<Findings()> work);
    void take(const Findings& findings);
    void startDailyIfDue();
    QString describe(const BackupInfo& backup) const;
    void useFolder(const BackupFolder& folder);

    Clinic& m_clinic;
    QTimer m_dayTimer;
    QThread* m_worker = nullptr;
    bool m_backingUp = false; // the worker is making a copy, not only checking or listing
    std::optional<BackupInfo> m_latest;
    QString m_folderPath;
    QTimeZone m_zone;
    QString m_failure;
};

} // namespace masahista::gui

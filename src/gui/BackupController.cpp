#include "BackupController.h"

#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/engine/ClinicTime.h"
#include "gui/Preferences.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QThread>

namespace masahista::gui {

namespace {

QString preferenceGroup(const QString& databasePath)
{
    const QByteArray key = QFileInfo(databasePath).absoluteFilePath().toUtf8();
    return QStringLiteral("backups/") +
           QString::fromLatin1(
               key.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

BackupFolder BackupController::rememberedFolder(const QString& databasePath)
{
    const std::unique_ptr<QSettings> remembered = preferences();
    remembered->beginGroup(preferenceGroup(databasePath));
    const QString folder = remembered->value(QStringLiteral("folder")).toString();
    const QString zone = remembered->value(QStringLiteral("timeZone")).toString();
    return BackupFolder(folder.isEmpty() ? BackupService::defaultFolder(databasePath) : folder,
                        databasePath, ClinicTime::zone(zone));
}

void BackupController::useFolder(const BackupFolder& folder)
{
    m_folderPath = folder.path();
    m_zone = folder.zone();
    const std::unique_ptr<QSettings> remembered = preferences();
    remembered->beginGroup(preferenceGroup(m_clinic.path()));
    remembered->setValue(QStringLiteral("folder"), folder.path());
    remembered->setValue(QStringLiteral("timeZone"), QString::fromUtf8(folder.zone().id()));
}

BackupController::BackupController(Clinic& clinic, QObject* parent)
    : QObject(parent)
    , m_clinic(clinic)
{
    connect(&m_dayTimer, &QTimer::timeout, this, &BackupController::startDailyIfDue);
}

BackupController::~BackupController()
{
    if (m_worker != nullptr) {
        m_worker->wait();
        delete m_worker;
    }
}

void BackupController::runInBackground(std::function<Findings()> work)
{
    m_worker = QThread::create([this, work = std::move(work)] {
        const Findings findings = work();
        QMetaObject::invokeMethod(
            this, [this, findings] { take(findings); }, Qt::QueuedConnection);
    });
    connect(m_worker, &QThread::finished, this, [this] {
        m_worker->deleteLater();
        m_worker = nullptr;
        m_backingUp = false;
        Q_EMIT statusChanged();
    });
    m_worker->start(QThread::LowPriority);
    Q_EMIT statusChanged();
}

void BackupController::take(const Findings& findings)
{
    if (findings.damage) {
        Q_EMIT damageFound(findings.damage->message);
    }
    if (findings.latest) {
        m_latest = *findings.latest;
    }
    if (findings.made) {
        const Result<BackupService::Outcome>& made = *findings.made;
        if (made) {
            m_failure.clear();
            m_latest = made->backup;
            Q_EMIT backupFinished(
                true, tr("Backed up to %1.").arg(QDir::toNativeSeparators(made->backup.path)));
        } else {
            m_failure = made.error().message;
            Q_EMIT backupFinished(false, tr("The backup failed: %1").arg(m_failure));
        }
    }
    Q_EMIT statusChanged();
}

void BackupController::start(int dayCheckMs)
{
    if (m_clinic.isInMemory()) {
        return; // nothing is kept, so nothing to check or back up
    }
    BackupService backups = m_clinic.backups();
    const Result<BackupFolder> folder = backups.folder();
    if (!folder) {
        m_failure = folder.error().message;
        Q_EMIT statusChanged();
        return;
    }
    useFolder(*folder);
    const Result<std::optional<BackupService::Job>> daily = backups.dailyJobIfDue();
    const std::optional<BackupService::Job> job = daily ? *daily : std::nullopt;
    m_backingUp = job.has_value();
    runInBackground([path = m_clinic.path(), job, folder = *folder] {
        Findings findings;
        // Only a damaged file matters here; a busy one is simply checked at the next start.
        const Result<BackupService::CheckedFile> checked =
            BackupService::check(path, BackupService::CheckDepth::Quick);
        if (!checked && checked.error().code == ErrorCode::Corrupt) {
            findings.damage = checked.error();
        } else if (job) {
            findings.made = BackupService::perform(*job);
        }
        findings.latest = folder.latest();
        return findings;
    });
    m_dayTimer.start(dayCheckMs);
}

void BackupController::startDailyIfDue()
{
    if (isBusy()) {
        return;
    }
    const Result<std::optional<BackupService::Job>> daily = m_clinic.backups().dailyJobIfDue();
    if (!daily || !daily->has_value()) {
        return;
    }
    m_backingUp = true;
    runInBackground([job = **daily] {
        Findings findings;
        findings.made = BackupService::perform(job);
        return findings;
    });
}

void BackupController::backUpNow()
{
    if (isBusy()) {
        Q_EMIT backupFinished(false, tr("A backup or check is already under way; try again when "
                                        "it has finished."));
        return;
    }
    const Result<BackupService::Job> job = m_clinic.backups().prepare(BackupKind::Manual);
    if (!job) {
        m_failure = job.error().message;
        Q_EMIT backupFinished(false, tr("The backup failed: %1").arg(m_failure));
        Q_EMIT statusChanged();
        return;
    }
    useFolder(job->folder);
    m_backingUp = true;
    runInBackground([job = *job] {
        Findings findings;
        findings.made = BackupService::perform(job);
        return findings;
    });
}

void BackupController::refresh()
{
    const Result<BackupFolder> folder = m_clinic.backups().folder();
    if (!folder || isBusy()) {
        return;
    }
    useFolder(*folder);
    m_latest.reset();
    runInBackground([folder = *folder] {
        Findings findings;
        findings.latest = folder.latest();
        return findings;
    });
}

QString BackupController::describe(const BackupInfo& backup) const
{
    const QDateTime made = ClinicTime::toLocal(backup.madeUtc, m_zone);
    const QDate today = ClinicTime::toLocal(m_clinic.clock().nowUtc(), m_zone).date();
    const QString time = ClinicTime::formatMinute(ClinicTime::minuteOfDay(made));
    if (made.date() == today) {
        return tr("today at %1").arg(time);
    }
    if (made.date() == today.addDays(-1)) {
        return tr("yesterday at %1").arg(time);
    }
    return tr("%1 at %2").arg(QLocale().toString(made.date(), QLocale::ShortFormat), time);
}

QString BackupController::statusText() const
{
    if (m_backingUp) {
        return tr("Backing up…");
    }
    if (!m_failure.isEmpty()) {
        return tr("Last backup failed");
    }
    if (m_latest) {
        return tr("Last backup: %1").arg(describe(*m_latest));
    }
    return isBusy() ? QString() : tr("No backup yet");
}

QString BackupController::statusDetails() const
{
    QString details = m_failure;
    if (m_latest) {
        details += (details.isEmpty() ? QString() : QStringLiteral("\n")) +
                   tr("Last good backup: %1").arg(QDir::toNativeSeparators(m_latest->path));
    } else if (!m_folderPath.isEmpty()) {
        details += (details.isEmpty() ? QString() : QStringLiteral("\n")) +
                   tr("Backups go to %1").arg(QDir::toNativeSeparators(m_folderPath));
    }
    return details;
}

bool BackupController::needsAttention() const
{
    if (!m_failure.isEmpty()) {
        return true;
    }
    if (!m_latest) {
        return !isBusy();
    }
    const QDate today = ClinicTime::toLocal(m_clinic.clock().nowUtc(), m_zone).date();
    return ClinicTime::toLocal(m_latest->madeUtc, m_zone).date() < today.addDays(-1);
}

} // namespace masahista::gui

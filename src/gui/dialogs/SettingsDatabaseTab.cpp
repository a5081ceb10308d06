#include "SettingsDatabaseTab.h"

#include "booking/backup/BackupService.h"
#include "gui/ProblemColour.h"
#include "ui_SettingsDatabaseTab.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QScopedValueRollback>

namespace masahista::gui {

SettingsDatabaseTab::SettingsDatabaseTab(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SettingsDatabaseTab>())
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);

    connect(m_ui->showFolderButton, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(databaseFolderUrl()); });
    connect(m_ui->backupFolderEdit, &QLineEdit::textChanged, this,
            &SettingsDatabaseTab::reportChange);
    connect(m_ui->chooseBackupFolderButton, &QPushButton::clicked, this,
            &SettingsDatabaseTab::chooseBackupFolder);
}

SettingsDatabaseTab::~SettingsDatabaseTab() = default;

void SettingsDatabaseTab::showDatabaseFile(const QString& path, bool inMemory)
{
    m_databasePath = path;
    m_inMemory = inMemory;
    m_ui->pathEdit->setText(inMemory ? tr("None: kept in memory") : QDir::toNativeSeparators(path));
    m_ui->showFolderButton->setEnabled(!inMemory);
    m_ui->databaseNote->setText(
        inMemory ? tr("This database lives in memory only: nothing is kept when the app closes.")
                 : tr("Copy it only while Masahista is closed; a backup (below) can be made "
                      "at any time."));
    m_ui->backupFolderEdit->setEnabled(!inMemory);
    m_ui->chooseBackupFolderButton->setEnabled(!inMemory);
    // Empty means the default, which is shown rather than described.
    m_ui->backupFolderEdit->setPlaceholderText(
        inMemory ? QString() : QDir::toNativeSeparators(BackupService::defaultFolder(path)));
}

QUrl SettingsDatabaseTab::databaseFolderUrl() const
{
    if (m_inMemory) {
        return {};
    }
    return QUrl::fromLocalFile(QFileInfo(m_databasePath).absolutePath());
}

void SettingsDatabaseTab::fill(const ClinicSettings& settings)
{
    const QScopedValueRollback filling(m_filling, true);
    m_ui->backupFolderEdit->setText(QDir::toNativeSeparators(settings.backupFolder));
}

void SettingsDatabaseTab::writeInto(ClinicSettings& settings) const
{
    settings.backupFolder = m_ui->backupFolderEdit->text();
}

bool SettingsDatabaseTab::showProblems(const FieldProblems& problems)
{
    const QString message = problemOf(problems, QStringLiteral("backupFolder"));
    m_ui->backupFolderError->setText(message);
    m_ui->backupFolderError->setVisible(!message.isEmpty());
    return !message.isEmpty();
}

void SettingsDatabaseTab::reportChange()
{
    if (!m_filling) {
        Q_EMIT changed();
    }
}

void SettingsDatabaseTab::chooseBackupFolder()
{
    const QString start = m_ui->backupFolderEdit->text().trimmed().isEmpty()
                              ? m_ui->backupFolderEdit->placeholderText()
                              : m_ui->backupFolderEdit->text().trimmed();
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Folder for backups"), start);
    if (!chosen.isEmpty()) {
        m_ui->backupFolderEdit->setText(QDir::toNativeSeparators(chosen));
    }
}

} // namespace masahista::gui

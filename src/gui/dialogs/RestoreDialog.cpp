#include "RestoreDialog.h"

#include "booking/engine/ClinicTime.h"
#include "ui_RestoreDialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QPushButton>

namespace masahista::gui {

namespace {

constexpr int pathRole = Qt::UserRole;
constexpr int madeRole = Qt::UserRole + 1;

} // namespace

RestoreDialog::RestoreDialog(const QList<BackupInfo>& backups, const QString& folderPath,
                             const QTimeZone& zone, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RestoreDialog>())
    , m_zone(zone)
{
    m_ui->setupUi(this);
    m_restoreButton = m_ui->buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    m_restoreButton->setEnabled(false);
    m_ui->folderLabel->setText(
        backups.isEmpty()
            ? tr("No backups were found in %1.").arg(QDir::toNativeSeparators(folderPath))
            : tr("Backups in %1.").arg(QDir::toNativeSeparators(folderPath)));
    const QLocale locale;
    for (const BackupInfo& backup : backups) {
        const QDateTime made = ClinicTime::toLocal(backup.madeUtc, m_zone);
        auto* item = new QTreeWidgetItem(
            m_ui->backupList,
            {locale.toString(made, QLocale::ShortFormat),
             backup.kind == BackupKind::Daily ? tr("daily") : tr("asked for"),
             locale.formattedDataSize(backup.sizeBytes), QFileInfo(backup.path).fileName()});
        item->setData(0, pathRole, backup.path);
        item->setData(0, madeRole, made);
    }
    for (int column = 0; column < m_ui->backupList->columnCount(); ++column) {
        m_ui->backupList->resizeColumnToContents(column);
    }
    connect(m_ui->backupList, &QTreeWidget::currentItemChanged, this,
            &RestoreDialog::showConsequence);
    connect(m_ui->backupList, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(m_ui->otherFileButton, &QPushButton::clicked, this, [this, folderPath] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Restore from a backup"), folderPath,
                                         tr("Masahista backups (*.sqlite);;All files (*)"));
        if (!file.isEmpty()) {
            addFile(file);
        }
    });
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_ui->backupList->topLevelItemCount() > 0) {
        m_ui->backupList->setCurrentItem(m_ui->backupList->topLevelItem(0));
    }
    showConsequence();
}

RestoreDialog::~RestoreDialog() = default;

QString RestoreDialog::chosenPath() const
{
    const QTreeWidgetItem* item = m_ui->backupList->currentItem();
    return item != nullptr ? item->data(0, pathRole).toString() : QString();
}

void RestoreDialog::addFile(const QString& path)
{
    const QFileInfo file(path);
    auto* item = new QTreeWidgetItem({QLocale().toString(file.lastModified(), QLocale::ShortFormat),
                                      tr("other file"), QLocale().formattedDataSize(file.size()),
                                      QDir::toNativeSeparators(file.absoluteFilePath())});
    item->setData(0, pathRole, file.absoluteFilePath());
    m_ui->backupList->insertTopLevelItem(0, item);
    m_ui->backupList->setCurrentItem(item);
}

void RestoreDialog::showConsequence()
{
    const QTreeWidgetItem* item = m_ui->backupList->currentItem();
    m_restoreButton->setEnabled(item != nullptr);
    if (item == nullptr) {
        m_ui->consequenceLabel->setText(
            tr("Choose a backup, or another file with \"Other file…\"."));
        return;
    }
    const QDateTime made = item->data(0, madeRole).toDateTime();
    m_ui->consequenceLabel->setText(
        made.isValid()
            ? tr("Restoring brings the clinic back to %1: bookings and changes made after that "
                 "will not be in it. The file is checked first; a damaged one is refused.")
                  .arg(QLocale().toString(made, QLocale::LongFormat))
            : tr("Restoring brings the clinic back to the state saved in this file. The file is "
                 "checked first; a damaged one or one that is not a Masahista backup is "
                 "refused."));
}

} // namespace masahista::gui

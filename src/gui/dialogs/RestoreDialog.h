#pragma once

#include "domain/BackupInfo.h"

#include <QDialog>
#include <QList>
#include <QTimeZone>

#include <memory>

class QPushButton;

namespace Ui {
class RestoreDialog;
}

namespace masahista::gui {

// Lets the user pick the backup to restore: those found in the backup folder, newest first,
// or any other file; says what restoring it will mean before anything happens. The choice is
// carried out by the caller, which checks the file first.
class RestoreDialog final : public QDialog
{
    Q_OBJECT

public:
    RestoreDialog(const QList<BackupInfo>& backups, const QString& folderPath,
                  const QTimeZone& zone, QWidget* parent = nullptr);
    ~RestoreDialog() override;

    // The file to restore; empty until one is chosen.
    QString chosenPath() const;
    // Adds a file that is not in the backup folder and selects it ("Other file…").
    void addFile(const QString& path);

private:
    void showConsequence();

    std::unique_ptr<Ui::RestoreDialog> m_ui;
    QTimeZone m_zone;
    QPushButton* m_restoreButton = nullptr;
};

} // namespace masahista::gui

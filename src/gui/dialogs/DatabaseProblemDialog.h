#pragma once

#include "domain/Error.h"

#include <QDialog>

#include <memory>

class QPushButton;

namespace Ui {
class DatabaseProblemDialog;
}

namespace masahista::gui {

// Says what is wrong with the clinic's database file and offers what can be done about it:
// restore a backup when the file is damaged or not a Masahista database, try again when it
// is locked or read-only, or quit (at start) or keep working (when a running window's check
// found damage). The caller carries out the choice.
class DatabaseProblemDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Situation
    {
        Opening, // the file could not be opened
        Open,    // the window is open and the check after start found damage
    };
    enum class Choice
    {
        Quit,
        TryAgain,
        Restore,
        KeepWorking,
    };

    DatabaseProblemDialog(const Error& error, const QString& databasePath, Situation situation,
                          QWidget* parent = nullptr);
    ~DatabaseProblemDialog() override;

    Choice choice() const { return m_choice; }
    // The backup chosen with Restore.
    const QString& backupPath() const { return m_backupPath; }
    // Shown when a restore that was tried did not work, so the user can choose again.
    void showRestoreProblem(const QString& message);

    QPushButton* restoreButton() const { return m_restoreButton; }
    QPushButton* tryAgainButton() const { return m_tryAgainButton; }

private:
    void chooseBackup();
    void finish(Choice choice);

    std::unique_ptr<Ui::DatabaseProblemDialog> m_ui;
    QString m_databasePath;
    Choice m_choice = Choice::Quit;
    QString m_backupPath;
    QPushButton* m_restoreButton = nullptr;
    QPushButton* m_tryAgainButton = nullptr;
};

} // namespace masahista::gui

#include "DatabaseProblemDialog.h"

#include "RestoreDialog.h"
#include "gui/BackupController.h"
#include "gui/ProblemColour.h"
#include "ui_DatabaseProblemDialog.h"

#include <QPushButton>

namespace masahista::gui {

DatabaseProblemDialog::DatabaseProblemDialog(const Error& error, const QString& databasePath,
                                             Situation situation, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DatabaseProblemDialog>())
    , m_databasePath(databasePath)
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    m_ui->restoreProblemLabel->hide();
    setWindowTitle(tr("Masahista: the clinic's database"));
    m_ui->headingLabel->setText(situation == Situation::Opening
                                    ? tr("Masahista cannot use the clinic's database.")
                                    : tr("The clinic's database is damaged."));
    m_ui->messageLabel->setText(error.message);

    // Restoring replaces the file: worth offering when the file is lost anyway, not when it
    // is only busy, read-only or newer than this version.
    const bool restorable = situation == Situation::Open || error.code == ErrorCode::Corrupt ||
                            error.code == ErrorCode::NotMasahista ||
                            error.code == ErrorCode::Database;
    const bool retryable = situation == Situation::Opening &&
                           (error.code == ErrorCode::Locked || error.code == ErrorCode::ReadOnly ||
                            error.code == ErrorCode::CannotOpen);
    if (restorable) {
        m_restoreButton =
            m_ui->buttons->addButton(tr("&Restore from a Backup…"), QDialogButtonBox::ActionRole);
        connect(m_restoreButton, &QPushButton::clicked, this, &DatabaseProblemDialog::chooseBackup);
    }
    if (retryable) {
        m_tryAgainButton = m_ui->buttons->addButton(tr("&Try Again"), QDialogButtonBox::AcceptRole);
        connect(m_tryAgainButton, &QPushButton::clicked, this,
                [this] { finish(Choice::TryAgain); });
    }
    QPushButton* leave =
        situation == Situation::Opening
            ? m_ui->buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole)
            : m_ui->buttons->addButton(tr("&Keep Working"), QDialogButtonBox::RejectRole);
    const Choice leaving = situation == Situation::Opening ? Choice::Quit : Choice::KeepWorking;
    connect(leave, &QPushButton::clicked, this, [this, leaving] { finish(leaving); });
    connect(this, &QDialog::rejected, this, [this, leaving] { m_choice = leaving; });
    (m_restoreButton != nullptr ? m_restoreButton : leave)->setDefault(true);
}

DatabaseProblemDialog::~DatabaseProblemDialog() = default;

void DatabaseProblemDialog::finish(Choice choice)
{
    m_choice = choice;
    done(choice == Choice::Quit || choice == Choice::KeepWorking ? Rejected : Accepted);
}

void DatabaseProblemDialog::chooseBackup()
{
    const BackupFolder folder = BackupController::rememberedFolder(m_databasePath);
    RestoreDialog restore(folder.list(), folder.path(), folder.zone(), this);
    if (restore.exec() != QDialog::Accepted || restore.chosenPath().isEmpty()) {
        return;
    }
    m_backupPath = restore.chosenPath();
    finish(Choice::Restore);
}

void DatabaseProblemDialog::showRestoreProblem(const QString& message)
{
    m_ui->restoreProblemLabel->setText(message);
    m_ui->restoreProblemLabel->setVisible(!message.isEmpty());
}

} // namespace masahista::gui

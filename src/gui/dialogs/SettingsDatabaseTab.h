#pragma once

#include "booking/catalogue/FieldProblem.h"
#include "domain/ClinicSettings.h"

#include <QString>
#include <QUrl>
#include <QWidget>

#include <memory>

namespace Ui {
class SettingsDatabaseTab;
}

namespace masahista::gui {

// Where the clinic's data lives: the database file (with "Show in folder") and the folder the
// backups go to. Shows the folder's problem under it and emits changed() for every edit by the
// user.
class SettingsDatabaseTab final : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsDatabaseTab(QWidget* parent = nullptr);
    ~SettingsDatabaseTab() override;

    // Shows the database file at `path`, or says that it is kept in memory (nothing to show
    // in a folder, and no backups).
    void showDatabaseFile(const QString& path, bool inMemory);
    // The folder holding the database file, which "Show in folder" opens; empty for a database
    // kept in memory.
    QUrl databaseFolderUrl() const;

    // Shows the settings' backup folder.
    void fill(const ClinicSettings& settings);
    // The backup folder as typed.
    void writeInto(ClinicSettings& settings) const;

    // Shows the problem of `problems` about the backup folder under it; true if there is.
    bool showProblems(const FieldProblems& problems);

Q_SIGNALS:
    void changed();

private:
    void reportChange();
    void chooseBackupFolder();

    std::unique_ptr<Ui::SettingsDatabaseTab> m_ui;
    QString m_databasePath;
    bool m_inMemory = true;
    bool m_filling = false; // the fields being set by code: their signals are not the user's
};

} // namespace masahista::gui

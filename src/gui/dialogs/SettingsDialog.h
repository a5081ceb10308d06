#pragma once

#include "booking/Actor.h"
#include "booking/catalogue/FieldProblem.h"
#include "domain/ClinicSettings.h"

#include <QDialog>
#include <QList>
#include <QUrl>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

// The clinic's own settings for the owner, each part on a tab of its own: details, time zone,
// booking grid and late-cancel window (SettingsClinicTab), opening hours (SettingsHoursTab), closed
// days (SettingsClosedDaysTab), and where the database file and its backups live
// (SettingsDatabaseTab). Every field is checked as it is typed by the booking layer's
// SettingsService, next to the field; Save stays disabled until the whole form can be saved, and
// saves it in one transaction.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(Clinic& clinic, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // The settings as the form shows them now, before normalizing.
    ClinicSettings formSettings() const;
    // Whether the form differs from what was loaded (normalized, so added spaces do not count).
    bool hasUnsavedChanges() const;
    // The folder holding the database file, which "Show in folder" opens; empty for a database kept
    // in memory.
    QUrl databaseFolderUrl() const;

    // Saves and closes, or shows why not (the dialog stays open).
    void accept() override;
    // Closes without writing; with unsaved changes, asks first.
    void reject() override;

Q_SIGNALS:
    // After a successful save, so that the window can reload what depends on the settings.
    void settingsSaved();

private:
    void showSettings(const ClinicSettings& settings);
    void revalidate();
    void showProblems(const FieldProblems& problems);
    void showError(const QString& message);

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    Clinic& m_clinic;
    ClinicSettings m_loaded;
};

} // namespace masahista::gui

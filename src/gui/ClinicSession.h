#pragma once

#include "domain/Result.h"

#include <QObject>
#include <QString>

#include <memory>

namespace masahista {
class Clock;
class Clinic;
} // namespace masahista

namespace masahista::gui {

class MainWindow;

// The window on one database file, for as long as the app runs: opening the file (and asking
// what to do while it cannot be used), the welcome on a first start, and putting a backup in
// the file's place, which means closing the window and the database first and opening both
// again afterwards.
class ClinicSession final : public QObject
{
    Q_OBJECT

public:
    ClinicSession(QString databasePath, const Clock& clock);
    ~ClinicSession() override;

    // Opens the database and shows the window. While the file cannot be used, a dialog says
    // why and offers a restore, another try or quitting; false when the user quit.
    bool open();

    // Replaces the database by the backup at `backupPath`, checked first; the current file is
    // kept aside (its path is returned). The window closes and opens again on the result;
    // when the restore is refused, on the unchanged database, with the reason shown.
    Result<QString> restoreFrom(const QString& backupPath);

    MainWindow* window() const { return m_window.get(); }
    Clinic* clinic() const { return m_clinic.get(); }

    // Starts the checks and backups after start-up (not in tests that build a session).
    void startBackgroundWork();

private:
    void showWindow();
    void closeWindow();

    QString m_databasePath;
    const Clock& m_clock;
    std::unique_ptr<Clinic> m_clinic;
    std::unique_ptr<MainWindow> m_window;
    bool m_backgroundWork = false;
};

} // namespace masahista::gui

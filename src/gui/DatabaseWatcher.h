#pragma once

#include <QObject>
#include <QTimer>

namespace masahista {
class Clinic;
}

namespace masahista::gui {

// Notices when another process (a second window, the command line) changes the database, by
// polling SQLite's data_version, which costs no disk read; views then reload what they show.
class DatabaseWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit DatabaseWatcher(Clinic& clinic, int intervalMs = 500, QObject* parent = nullptr);

    // Checks at once instead of waiting for the timer.
    void poll();

Q_SIGNALS:
    void changedElsewhere();

private:
    Clinic& m_clinic;
    QTimer m_timer;
    qint64 m_lastVersion = -1;
};

} // namespace masahista::gui

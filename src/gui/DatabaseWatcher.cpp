#include "DatabaseWatcher.h"

#include "booking/Clinic.h"

namespace masahista::gui {

DatabaseWatcher::DatabaseWatcher(Clinic& clinic, int intervalMs, QObject* parent)
    : QObject(parent)
    , m_clinic(clinic)
{
    if (Result<qint64> version = m_clinic.dataVersion()) {
        m_lastVersion = *version;
    }
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &DatabaseWatcher::poll);
    m_timer.start();
}

void DatabaseWatcher::poll()
{
    // A failed check (a busy file) is simply tried again at the next tick.
    const Result<qint64> version = m_clinic.dataVersion();
    if (!version || *version == m_lastVersion) {
        return;
    }
    m_lastVersion = *version;
    Q_EMIT changedElsewhere();
}

} // namespace masahista::gui

// The window beside the kill loop's runs (Harness.h, WindowBeside.h).
#include "Harness.h"

namespace masahista::stress {

bool Harness::readChecked(State* state, QStringList* problems) const
{
    QString problem;
    const std::unique_ptr<ClinicFile> file = ClinicFile::open(dbPath(), &problem);
    if (!file || !file->readState(state, &problem)) {
        problems->append(QStringLiteral("cannot read the database: ") + problem);
        return false;
    }
    file->checkStructure(problems);
    checkInvariants(*state, seriesSize(), problems);
    return true;
}

bool Harness::openWindow()
{
    m_windowFrom = m_step;
    m_window = std::make_unique<WindowBeside>();
    QString problem;
    if (!m_window->start(m_options.windowHost, dbPath(), pinnedNow(), &problem)) {
        fail({problem}, nullptr, nullptr);
        return false;
    }
    out() << "  the window opened on the database at kill " << m_step << " (pid " << m_window->pid()
          << ")" << Qt::endl;
    return checkWindow();
}

bool Harness::checkWindow()
{
    ++m_windowChecks;
    QStringList problems;
    m_window->checkHeld(dbPath(), &problems);
    QList<const MassageType*> bookable;
    for (const MassageType& type : m_catalog.types) {
        if (type.active && !type.minutes.isEmpty()) {
            bookable.append(&type);
        }
    }
    const MassageType& type = *m_random.pick(bookable);
    const qint64 clientId = m_random.pick(m_catalog.clients);
    QString answer;
    const qint64 id = m_window->book(type.id, m_random.pick(type.minutes), clientId, &answer);
    if (id < 0) {
        problems.append(QStringLiteral("the window did not answer a booking: ") + answer);
    } else if (id == 0 && answer.contains(u"no free slot")) {
        ++m_windowFull;
    } else if (id == 0) {
        problems.append(QStringLiteral("the window refused a booking: ") + answer);
    }
    State after;
    if (readChecked(&after, &problems) && id > 0) {
        // The window's booking is there, and nothing else changed.
        State without = after;
        if (without.appointments.count(id) == 0 ||
            without.appointments.at(id).clientId != clientId) {
            problems.append(QStringLiteral("appointment %1, reported saved by the window, is not "
                                           "stored as booked")
                                .arg(id));
        }
        without.appointments.erase(id);
        without.historyRows.erase(id);
        if (!(without == m_state)) {
            problems.append(QStringLiteral("booking %1 in the window changed more than its own "
                                           "appointment")
                                .arg(id));
        }
    } else if (id == 0 && !(after == m_state)) {
        problems.append(QStringLiteral("a booking the window refused changed the database"));
    }
    if (!problems.isEmpty()) {
        problems.append(QStringLiteral("(the window, open since kill %1, was asked to book: %2)")
                            .arg(m_windowFrom)
                            .arg(answer));
        fail(problems, nullptr, nullptr);
        return false;
    }
    m_state = std::move(after);
    return true;
}

bool Harness::closeWindow()
{
    QStringList problems;
    m_window->checkHeld(dbPath(), &problems);
    QString problem;
    if (!m_window->kill(&problem)) {
        problems.append(problem);
    }
    const QString errors = m_window->errors();
    if (errors.contains(u"Sanitizer") || errors.contains(u"runtime error")) {
        problems.append(QStringLiteral("the window reported: ") + errors);
    }
    State after;
    if (readChecked(&after, &problems)) {
        for (const qint64 id : m_window->booked()) {
            if (after.appointments.count(id) == 0) {
                problems.append(QStringLiteral("appointment %1, reported saved by the window, "
                                               "is gone after the window was killed")
                                    .arg(id));
            }
        }
        if (!(after == m_state)) {
            problems.append(QStringLiteral("killing the window changed the database"));
        }
    }
    if (!problems.isEmpty()) {
        fail(problems, nullptr, nullptr);
        return false;
    }
    out() << "  the window, open from kill " << m_windowFrom << " on, held its lock at all "
          << m_windowChecks + 1 << " checks and booked " << m_window->booked().size()
          << " appointments (" << m_windowFull << " times it found no free slot); killed at "
          << "the end, it lost none" << Qt::endl;
    return true;
}

} // namespace masahista::stress

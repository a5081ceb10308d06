// The kill loop's harness: runs, kills, checks, and the summary (Harness.h).
#include "Harness.h"

#include "CheckpointCut.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <thread>

namespace masahista::stress {

namespace {

// The same days whatever day the harness runs (pinnedNow()): the demo's two weeks and the
// weeks booked after them.
const QDate demoToday(2026, 11, 25);
// Bookings go into these weeks: the demo's last days, then three winter months (no clock
// change in Edmonton before March 14).
const QDate firstMonday(2026, 11, 30);
constexpr int weeks = 14;
constexpr int calibrationRuns = 8;
constexpr int appCheckEvery = 25;
constexpr int recalibrateEvery = 50;

} // namespace

QString pinnedNow()
{
    return QStringLiteral("2026-11-25T09:00:00-07:00");
}

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString Run::ending() const
{
    if (!started) {
        return QStringLiteral("did not start: ") + err;
    }
    if (hung) {
        return QStringLiteral("hung, was killed after 5 minutes");
    }
    if (killed) {
        return QStringLiteral("killed with SIGKILL %1 µs after it started").arg(killAfterMicros);
    }
    if (exited) {
        return QStringLiteral("exited with code %1 after %2 µs").arg(exitCode).arg(micros);
    }
    return QStringLiteral("ended by signal %1 after %2 µs").arg(signal).arg(micros);
}

Run Harness::runMasahista(const QStringList& arguments, qint64 killAfterMicros,
                          const QString& database) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MASAHISTA_NOW"), pinnedNow());
    process.setProcessEnvironment(environment);
    process.setProgram(m_options.executable);
    Run run;
    run.database = database.isEmpty() ? dbPath() : database;
    process.setArguments(QStringList{QStringLiteral("--db"), run.database} + arguments);
    run.killAfterMicros = killAfterMicros;
    process.start();
    if (!process.waitForStarted(30000)) {
        run.started = false;
        run.err = process.errorString();
        return run;
    }
    QElapsedTimer timer;
    timer.start();
    if (killAfterMicros >= 0) {
        // A plain sleep: nothing of ours runs meanwhile, so the moment is as chosen. What the
        // process prints waits in the pipe and is read after the kill.
        std::this_thread::sleep_for(std::chrono::microseconds(killAfterMicros));
        process.kill();
    }
    if (!process.waitForFinished(5 * 60 * 1000)) {
        run.hung = true;
        process.kill();
        process.waitForFinished(30000);
    }
    run.micros = timer.nsecsElapsed() / 1000;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    if (process.exitStatus() == QProcess::NormalExit) {
        run.exited = true;
        run.exitCode = process.exitCode();
    } else if (killAfterMicros >= 0 && process.exitCode() == SIGKILL && !run.hung) {
        run.killed = true;
    } else {
        run.signal = process.exitCode(); // Qt reports the signal as the exit code
    }
    return run;
}

std::function<int(qint64)> Harness::seriesSize() const
{
    std::map<qint64, int> before;
    for (const auto& [id, row] : m_baseline.appointments) {
        if (row.seriesId != 0) {
            ++before[row.seriesId];
        }
    }
    return [before](qint64 series) {
        return before.count(series) != 0 ? before.at(series) : Planner::seriesLength;
    };
}

QString Harness::replayCommand() const
{
    if (m_options.checkpointCut) {
        return QStringLiteral("masahista-stress --checkpoint-cut --executable %1 --keep")
            .arg(m_options.executable);
    }
    return QStringLiteral("masahista-stress --seed %1 --kills %2 --executable %3 --keep%4")
        .arg(m_options.seed)
        .arg(m_options.kills)
        .arg(m_options.executable, m_options.windowHost.isEmpty()
                                       ? QString()
                                       : QStringLiteral(" --window ") + m_options.windowHost);
}

void Harness::keepCopy() const
{
    // The files exactly as the kill left them, before our own connection reads them.
    for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
        const QString copy = m_dir->filePath(QStringLiteral("as-killed.sqlite") + suffix);
        QFile::remove(copy);
        if (QFile::exists(dbPath() + suffix)) {
            QFile::copy(dbPath() + suffix, copy);
        }
    }
}

int Harness::fail(const QStringList& problems, const Operation* operation, const Run* run)
{
    QTextStream& stream = out();
    stream << Qt::endl << "FAILED at " << m_phase;
    if (!m_options.checkpointCut) {
        stream << " step " << m_step << " (seed " << m_options.seed << ", " << m_options.kills
               << " kills)";
    }
    stream << ':' << Qt::endl;
    for (const QString& problem : problems) {
        stream << "  - " << problem << Qt::endl;
    }
    if (operation != nullptr) {
        stream << "  command: MASAHISTA_NOW=" << pinnedNow() << ' ' << m_options.executable
               << " --db " << (run != nullptr ? run->database : dbPath()) << ' '
               << operation->commandLine() << Qt::endl;
    }
    if (run != nullptr) {
        stream << "  the run " << run->ending() << Qt::endl;
        stream << "  its stdout: "
               << (run->out.isEmpty() ? QStringLiteral("(nothing)") : run->out.trimmed())
               << Qt::endl;
        stream << "  its stderr: "
               << (run->err.isEmpty() ? QStringLiteral("(nothing)") : run->err.trimmed())
               << Qt::endl;
    }
    stream << "  replay: " << replayCommand() << Qt::endl;
    if (!m_options.checkpointCut) {
        stream << "  (the same seed makes the same choices as long as the kills land alike; "
                  "where in a run a kill lands depends on the machine)"
               << Qt::endl;
    }
    if (m_options.keep) {
        m_dir->setAutoRemove(false);
        stream << "  kept: " << m_dir->path() << Qt::endl;
        if (!m_options.checkpointCut) {
            stream << "  the files as the last kill left them, before any check: "
                   << m_dir->filePath(QStringLiteral("as-killed.sqlite")) << Qt::endl;
        }
    } else {
        stream << "  (run with --keep to keep the database)" << Qt::endl;
    }
    return 1;
}

bool Harness::appOpens(const QDate& day)
{
    ++m_appChecks;
    const QStringList arguments{QStringLiteral("day"), QStringLiteral("--date"),
                                day.toString(Qt::ISODate)};
    const Run run = runMasahista(arguments, -1);
    if (run.exited && run.exitCode == 0 && !run.out.trimmed().isEmpty()) {
        return true;
    }
    Operation operation;
    operation.arguments = arguments;
    fail({QStringLiteral("the app no longer reads the database (\"day\" must exit with 0)")},
         &operation, &run);
    return false;
}

bool Harness::setUp()
{
    const QString base = m_options.workdir.isEmpty() ? QDir::tempPath() : m_options.workdir;
    if (!QDir().mkpath(base)) {
        out() << "masahista-stress: cannot create " << base << Qt::endl;
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/masahista-stress-XXXXXX"));
    if (!m_dir->isValid()) {
        out() << "masahista-stress: cannot create a folder in " << base << Qt::endl;
        return false;
    }
    m_nowUtc = QDateTime::fromString(pinnedNow(), Qt::ISODate).toSecsSinceEpoch();
    out() << "masahista-stress: ";
    if (m_options.checkpointCut) {
        out() << "a checkpoint cut short" << Qt::endl;
    } else {
        out() << "seed " << m_options.seed << ", " << m_options.kills << " kills" << Qt::endl;
    }
    out() << "  executable " << m_options.executable << Qt::endl
          << "  database " << dbPath() << ", MASAHISTA_NOW=" << pinnedNow() << Qt::endl;

    Operation demo;
    demo.arguments = {QStringLiteral("demo"), QStringLiteral("--today"),
                      demoToday.toString(Qt::ISODate)};
    const Run made = runMasahista(demo.arguments, -1);
    if (!made.exited || made.exitCode != 0) {
        fail({QStringLiteral("the demo clinic could not be made")}, &demo, &made);
        return false;
    }
    QString problem;
    const std::unique_ptr<ClinicFile> file = ClinicFile::open(dbPath(), &problem);
    if (!file || !file->readCatalog(&m_catalog, &problem) ||
        !file->readState(&m_baseline, &problem)) {
        fail({problem}, &demo, &made);
        return false;
    }
    m_state = m_baseline;
    QStringList problems;
    file->checkStructure(&problems);
    checkInvariants(m_baseline, seriesSize(), &problems);
    m_planner = std::make_unique<Planner>(m_catalog, firstMonday, weeks, m_nowUtc);
    if (m_planner->openings() == 0 || m_catalog.clients.isEmpty()) {
        problems.append(QStringLiteral("the demo clinic has no bookable time or no client"));
    }
    if (!problems.isEmpty()) {
        fail(problems, &demo, &made);
        return false;
    }
    out() << "  demo clinic: " << m_catalog.therapists.size() << " therapists, "
          << m_catalog.types.size() << " massage types, " << m_catalog.rooms.size() << " rooms, "
          << m_catalog.clients.size() << " clients, " << m_baseline.appointments.size()
          << " appointments; " << m_planner->openings() << " weekly openings to book into"
          << Qt::endl;
    return true;
}

bool Harness::step(const Operation& operation, qint64 killAfterMicros, Run* run)
{
    *run = runMasahista(operation.arguments, killAfterMicros);
    if (m_options.keep) {
        keepCopy();
    }
    QStringList problems;
    State after;
    if (!readChecked(&after, &problems)) {
        fail(problems, &operation, run);
        return false;
    }

    QString why;
    const Effect effect = judge(operation, m_state, after, m_catalog, m_nowUtc, &why);
    if (effect == Effect::Broken) {
        problems.append(QStringLiteral("half-written or unasked-for change: ") + why);
    }
    const QStringList lines = run->out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    Counts& counts =
        m_counts[operation.arguments.constFirst() + (operation.kind == Kind::BookSeries ||
                                                             operation.kind == Kind::MoveSeries ||
                                                             operation.kind == Kind::CancelSeries
                                                         ? QStringLiteral(" (series)")
                                                         : QString())];
    ++counts.runs;
    const bool sanitizer = run->err.contains(u"Sanitizer") || run->err.contains(u"runtime error");
    if (!run->started || run->hung || sanitizer) {
        problems.append(QStringLiteral("the run failed: ") + run->ending());
    } else if (run->exited && run->exitCode == 0) {
        ++counts.finishedDone;
        if (effect != Effect::Complete) {
            problems.append(QStringLiteral("the run succeeded but the database does not show "
                                           "its change"));
        } else if (!reportMatches(operation, lines, m_state, after, true, &why)) {
            problems.append(QStringLiteral("what the run reported is not what is stored: ") + why);
        }
    } else if (run->exited && run->exitCode == 1 && run->err.startsWith(u"masahista: ")) {
        ++counts.finishedRefused;
        const QString message = run->err.mid(11).trimmed();
        const qsizetype colon = message.indexOf(QLatin1Char(':'));
        Refusals& refusals = m_refusals[message.left(colon > 0 ? colon : 40)];
        ++refusals.count;
        if (refusals.example.isEmpty()) {
            refusals.example = message;
        }
        if (effect != Effect::None) {
            problems.append(QStringLiteral("the run was refused but changed the database"));
        }
    } else if (run->killed) {
        if (!lines.isEmpty()) {
            ++counts.killedReported;
            if (effect != Effect::Complete) {
                problems.append(QStringLiteral("the run reported its change before the kill, "
                                               "but the change is not (all) there"));
            } else if (!reportMatches(operation, lines, m_state, after, false, &why)) {
                problems.append(QStringLiteral("what the run reported is not what is stored: ") +
                                why);
            }
        } else if (effect == Effect::Complete) {
            ++counts.killedWritten;
        } else {
            ++counts.killedNothing;
        }
    } else {
        problems.append(QStringLiteral("the run ended unexpectedly: ") + run->ending());
    }
    if (!problems.isEmpty()) {
        fail(problems, &operation, run);
        return false;
    }
    m_state = std::move(after);
    return true;
}

void Harness::summary(qint64 elapsedMs) const
{
    QTextStream& stream = out();
    stream << Qt::endl
           << "command          runs  done  refused  killed: nothing  written  reported"
           << Qt::endl;
    int written = 0;
    int reported = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        const Counts& c = it.value();
        stream << qSetFieldWidth(16) << Qt::left << it.key() << qSetFieldWidth(0) << Qt::right
               << qSetFieldWidth(5) << c.runs << qSetFieldWidth(6) << c.finishedDone
               << qSetFieldWidth(9) << c.finishedRefused << qSetFieldWidth(17) << c.killedNothing
               << qSetFieldWidth(9) << c.killedWritten << qSetFieldWidth(10) << c.killedReported
               << qSetFieldWidth(0) << Qt::endl;
        written += c.killedWritten;
        reported += c.killedReported;
    }
    for (auto it = m_refusals.cbegin(); it != m_refusals.cend(); ++it) {
        stream << "refused " << it.value().count << " times: " << it.key() << ", such as \""
               << it.value().example << '"' << Qt::endl;
    }
    stream << "kills landed 0 to " << m_delays.first / 1000 << "-" << m_delays.second / 1000
           << " ms after the start (1.2 times the median run, measured " << m_calibrations
           << " times)" << Qt::endl
           << "killed after committing but before saying so: " << written
           << "; killed after saying so: " << reported << Qt::endl
           << "database opened by the app " << m_appChecks << " times; "
           << m_state.appointments.size() << " appointments, " << m_state.seriesIntervals.size()
           << " series at the end" << Qt::endl
           << "PASSED: " << m_options.kills << " kills, seed " << m_options.seed << ", "
           << elapsedMs / 1000 << " s" << Qt::endl;
}

bool Harness::calibrate(int count)
{
    const QString phase = m_phase;
    const int kill = m_step;
    m_phase = QStringLiteral("calibration");
    for (int i = 0; i < count; ++i) {
        m_step = ++m_calibrations;
        const Operation operation = m_planner->next(m_state, m_random);
        Run run;
        if (!step(operation, -1, &run)) {
            return false;
        }
        m_lengths.append(run.micros);
        if (m_lengths.size() > calibrationRuns) {
            m_lengths.removeFirst();
        }
    }
    QList<qint64> sorted = m_lengths;
    std::sort(sorted.begin(), sorted.end());
    m_longestDelay = sorted.at(sorted.size() / 2) * 6 / 5;
    m_delays.first = m_delays.first == 0 ? m_longestDelay : qMin(m_delays.first, m_longestDelay);
    m_delays.second = qMax(m_delays.second, m_longestDelay);
    m_phase = phase;
    m_step = kill;
    return true;
}

int Harness::run()
{
    QElapsedTimer elapsed;
    elapsed.start();
    if (!setUp() || !calibrate(calibrationRuns)) {
        return 1;
    }
    out() << "  typical run " << m_longestDelay * 5 / 6 / 1000 << " ms; kills land 0-"
          << m_longestDelay / 1000 << " ms after the start" << Qt::endl;

    m_phase = QStringLiteral("kill");
    for (m_step = 1; m_step <= m_options.kills; ++m_step) {
        if (!m_options.windowHost.isEmpty() && m_step == m_options.kills / 2 + 1 && !openWindow()) {
            return 1;
        }
        const Operation operation = m_planner->next(m_state, m_random);
        const qint64 delay = m_random.below(m_longestDelay + 1);
        Run run;
        if (!step(operation, delay, &run)) {
            return 1;
        }
        if (m_step % appCheckEvery == 0) {
            const qint64 start = operation.startsUtc.isEmpty()
                                     ? m_state.appointments.at(operation.targetId).startUtc
                                     : operation.startsUtc.constFirst();
            if (!appOpens(QDateTime::fromSecsSinceEpoch(start, m_planner->zone()).date())) {
                return 1;
            }
            if (m_window && !checkWindow()) {
                return 1;
            }
        }
        if (m_step % 100 == 0) {
            out() << "  " << m_step << " kills checked, " << elapsed.elapsed() / 1000 << " s"
                  << Qt::endl;
        }
        // The machine's load changes, and with it how long a run lives.
        if (m_step % recalibrateEvery == 0 && !calibrate(2)) {
            return 1;
        }
    }
    m_phase = QStringLiteral("final");
    if (m_window && !closeWindow()) {
        return 1;
    }
    for (const QDate& day : {demoToday, firstMonday, firstMonday.addDays(9)}) {
        if (!appOpens(day)) {
            return 1;
        }
    }
    summary(elapsed.elapsed());
    return 0;
}

int Harness::checkpointCut()
{
    if (!setUp()) {
        return 1;
    }
    m_phase = QStringLiteral("checkpoint-cut");
    constexpr int rows = 300;
    const QString cut = m_dir->filePath(QStringLiteral("checkpoint-cut.sqlite"));
    QString problem;
    // What SQLite itself reads from the file: every committed history row, and an intact file.
    const auto historyRows = [&cut, &problem](QStringList* problems) -> qint64 {
        const std::unique_ptr<ClinicFile> file = ClinicFile::open(cut, &problem);
        QList<QVariantList> count;
        if (!file || !file->query(QStringLiteral("SELECT count(*) FROM appointment_history"),
                                  &count, &problem)) {
            problems->append(problem);
            return -1;
        }
        file->checkStructure(problems);
        return count.at(0).at(0).toLongLong();
    };
    QStringList problems;
    const qint64 before = QFile::copy(dbPath(), cut) ? historyRows(&problems) : -1;
    if (before < 0 || !cutCheckpointShort(cut, rows, &problem)) {
        return fail(problems + QStringList{QStringLiteral("cannot make the state: ") + problem},
                    nullptr, nullptr);
    }
    if (historyRows(&problems) != before + rows) {
        problems.append(QStringLiteral("SQLite does not read back the committed rows"));
        return fail(problems, nullptr, nullptr);
    }
    Operation day;
    day.arguments = {QStringLiteral("day"), QStringLiteral("--date"),
                     demoToday.toString(Qt::ISODate)};
    const Run run = runMasahista(day.arguments, -1, cut);
    if (!run.exited || run.exitCode != 0) {
        problems.append(QStringLiteral("the app refuses a database that a checkpoint cut short "
                                       "by a kill leaves behind, though SQLite reads it whole"));
        return fail(problems, &day, &run);
    }
    if (historyRows(&problems) != before + rows || !problems.isEmpty()) {
        problems.append(QStringLiteral("after the app opened it, committed rows are missing"));
        return fail(problems, &day, &run);
    }
    out() << "PASSED: the app opened a database whose checkpoint was cut short, with all " << rows
          << " rows committed before it" << Qt::endl;
    return 0;
}

} // namespace masahista::stress

#pragma once

#include "ClinicFile.h"
#include "Operations.h"
#include "WindowBeside.h"

#include <QDate>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTextStream>

#include <functional>
#include <memory>

namespace masahista::stress {

// "Now" for every run: a Wednesday morning in Edmonton.
QString pinnedNow();
// The harness reports on standard output.
QTextStream& out();

struct Options
{
    int kills = 300;
    quint64 seed = 0;
    QString executable;
    QString workdir;
    bool keep = false;
    bool checkpointCut = false;
    QString windowHost; // empty: no window beside the second half of the kills
};

// How one run of the executable ended.
struct Run
{
    bool started = true;
    bool killed = false; // by our SIGKILL
    bool exited = false; // on its own, with exitCode
    int exitCode = -1;
    int signal = 0; // another signal ended it
    bool hung = false;
    qint64 killAfterMicros = -1;
    qint64 micros = 0; // from start to end
    QString database;
    QString out;
    QString err;

    QString ending() const;
};

class Harness
{
public:
    explicit Harness(Options options)
        : m_options(std::move(options))
        , m_random(m_options.seed)
    {}

    int run();
    // The checkpoint cut short after its first write (CheckpointCut.h): the app must open the
    // file, and everything committed must still be there.
    int checkpointCut();

private:
    // Kills the run `killAfterMicros` after its start (never when negative).
    Run runMasahista(const QStringList& arguments, qint64 killAfterMicros,
                     const QString& database = QString()) const;
    bool setUp();
    // Runs `count` operations left to finish (checked like every other) and sets the longest
    // delay before a kill from the last few runs' median length, so that kills are spread
    // over whole lives: start-up, the write transaction, the commit, and after it.
    bool calibrate(int count);
    // Runs one operation (killed after `killAfterMicros`, or never when negative) and checks
    // the database after it; false after reporting a failure.
    bool step(const Operation& operation, qint64 killAfterMicros, Run* run);
    bool appOpens(const QDate& day);
    // Reads the database with a connection of our own and checks its structure and invariants.
    bool readChecked(State* state, QStringList* problems) const;
    // The window beside the runs: opened halfway, checked and booked through at every app
    // check, killed at the end; nothing it reported saved may be missing.
    bool openWindow();
    bool checkWindow();
    bool closeWindow();
    int fail(const QStringList& problems, const Operation* operation, const Run* run);
    void keepCopy() const;
    void summary(qint64 elapsedMs) const;

    QString dbPath() const { return m_dir->filePath(QStringLiteral("clinic.sqlite")); }
    // How many appointments each series must have: what it had before the first run (none in
    // today's demo), or as many as the harness books one with.
    std::function<int(qint64)> seriesSize() const;
    QString replayCommand() const;

    Options m_options;
    Random m_random;
    std::unique_ptr<QTemporaryDir> m_dir;
    Catalog m_catalog;
    State m_baseline;
    State m_state;
    std::unique_ptr<Planner> m_planner;
    qint64 m_nowUtc = 0;
    int m_step = 0; // 0 while setting up, then calibration runs and kills counted together
    QString m_phase = QStringLiteral("setup");

    // What the runs did, for the summary.
    struct Counts
    {
        int runs = 0;
        int finishedDone = 0;
        int finishedRefused = 0;
        int killedNothing = 0;
        int killedWritten = 0;  // committed, killed before it said so
        int killedReported = 0; // killed after printing what it did
    };
    QMap<QString, Counts> m_counts; // by command
    // By the start of the message (the rule), with the first whole message as an example.
    struct Refusals
    {
        int count = 0;
        QString example;
    };
    QMap<QString, Refusals> m_refusals;
    QList<qint64> m_lengths; // of the last calibration runs, µs
    qint64 m_longestDelay = 0;
    std::pair<qint64, qint64> m_delays{0, 0}; // the least and most it was, µs
    int m_calibrations = 0;
    int m_appChecks = 0;
    std::unique_ptr<WindowBeside> m_window;
    int m_windowFrom = 0; // the kill at which the window opened
    int m_windowChecks = 0;
    int m_windowFull = 0; // bookings the window found no free slot for
};

} // namespace masahista::stress

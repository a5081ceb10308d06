#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace masahista::bench {

// One run of another program, measured from outside.
struct ChildRun
{
    std::chrono::steady_clock::time_point started; // just before it was spawned
    QByteArray output;                             // its standard output
    int exitCode = -1;                             // -1: it did not end normally
    // The child's own peak resident memory (VmHWM of /proc/PID/status), in KiB: read every
    // 2 ms while it runs, the last reading before it ended. 0 if none could be read.
    qint64 peakKib = 0;
};

// Runs `program` with `arguments`, the environment of this process plus `environment`, and waits
// for it. It is spawned with posix_spawn, which shares this process's memory until the exec
// instead of copying it, and measured by its own VmHWM: neither fork()'s copy of a parent that
// holds a large clinic nor getrusage's ru_maxrss, which takes over the high-water mark of the
// memory the exec replaced (even after posix_spawn), counts in the figure. nullopt if it could
// not be started.
std::optional<ChildRun> runChild(const QString& program, const QStringList& arguments,
                                 const QHash<QByteArray, QByteArray>& environment);

// VmHWM of the process `pid` in KiB, or 0 if /proc does not say (the process has gone).
qint64 peakResidentKib(qint64 pid);

} // namespace masahista::bench

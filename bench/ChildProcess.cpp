#include "ChildProcess.h"

#include <QFile>
#include <QProcessEnvironment>

#include <array>
#include <cerrno>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace masahista::bench {

qint64 peakResidentKib(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    // "VmHWM:	   43120 kB"; a process that has begun to exit has no Vm lines left.
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            return fields.size() >= 2 ? fields.at(1).toLongLong() : 0;
        }
    }
    return 0;
}

std::optional<ChildRun> runChild(const QString& program, const QStringList& arguments,
                                 const QHash<QByteArray, QByteArray>& environment)
{
    QList<QByteArray> argv8{program.toLocal8Bit()};
    for (const QString& argument : arguments) {
        argv8.append(argument.toLocal8Bit());
    }
    std::vector<char*> argv;
    for (QByteArray& argument : argv8) {
        argv.push_back(argument.data());
    }
    argv.push_back(nullptr);

    QProcessEnvironment inherited = QProcessEnvironment::systemEnvironment();
    for (auto it = environment.cbegin(); it != environment.cend(); ++it) {
        inherited.insert(QString::fromLocal8Bit(it.key()), QString::fromLocal8Bit(it.value()));
    }
    QList<QByteArray> env8;
    for (const QString& entry : inherited.toStringList()) {
        env8.append(entry.toLocal8Bit());
    }
    std::vector<char*> envp;
    for (QByteArray& entry : env8) {
        envp.push_back(entry.data());
    }
    envp.push_back(nullptr);

    std::array<int, 2> output{};
    if (pipe(output.data()) != 0) {
        return std::nullopt;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, output[0]);
    posix_spawn_file_actions_addclose(&actions, output[1]);

    ChildRun run;
    run.started = std::chrono::steady_clock::now();
    pid_t child = 0;
    // glibc's posix_spawn returns once the exec has happened (or failed): every VmHWM read
    // from here on is the new program's.
    const int spawned =
        posix_spawn(&child, argv.front(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(output[1]);
    if (spawned != 0) {
        close(output[0]);
        return std::nullopt;
    }

    // The high-water mark only rises, so the last reading is the peak up to that moment; the
    // output ends when the process does.
    std::array<char, 256> buffer{};
    pollfd readable{output[0], POLLIN, 0};
    for (;;) {
        if (const qint64 peak = peakResidentKib(child); peak > 0) {
            run.peakKib = peak;
        }
        const int ready = poll(&readable, 1, 2);
        if (ready < 0 && errno != EINTR) {
            break;
        }
        if (ready > 0) {
            const ssize_t got = read(output[0], buffer.data(), buffer.size());
            if (got <= 0) {
                break;
            }
            run.output.append(buffer.data(), got);
        }
    }
    close(output[0]);
    // The output may close before the end: keep reading the peak until the process is gone.
    int status = 0;
    for (;;) {
        const pid_t ended = waitpid(child, &status, WNOHANG);
        if (ended == child) {
            break;
        }
        if (ended < 0 && errno != EINTR) {
            return std::nullopt;
        }
        if (const qint64 peak = peakResidentKib(child); peak > 0) {
            run.peakKib = peak;
        }
        usleep(2000);
    }
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

} // namespace masahista::bench

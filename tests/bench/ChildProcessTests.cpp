// The benchmark's peak memory of a program it starts is that program's own, whatever the
// benchmark itself holds (bench/ChildProcess.h).
#include "ChildProcess.h"
#include "support/TestSupport.h"

#include <QByteArray>

#include <sys/resource.h>

using masahista::bench::ChildRun;
using masahista::bench::runChild;

namespace {

// A program that fills 64 MiB and holds it a moment, so that the figure has something to show.
std::optional<ChildRun> runFiller()
{
    return runChild(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral("-c"), QStringLiteral("import time\n"
                                                          "block = b'x' * (64 * 1024 * 1024)\n"
                                                          "time.sleep(0.2)\n"
                                                          "print('filled', len(block))\n")},
                    {{"MASAHISTA_CHILD_TEST", "1"}});
}

} // namespace

TEST_CASE("A started program's peak memory is its own, not the parent's", "[bench]")
{
    const std::optional<ChildRun> alone = runFiller();
    REQUIRE(alone);
    CHECK(alone->exitCode == 0);
    CHECK(alone->output == "filled 67108864\n");
    const double aloneMib = static_cast<double>(alone->peakKib) / 1024.0;
    INFO("alone: " << aloneMib << " MiB");
    CHECK(aloneMib >= 64);
    CHECK(aloneMib < 160);

    // As in a run that has just generated a clinic: this process holds 300 MiB, every page
    // touched, when it starts the program.
    QByteArray held(300 * 1024 * 1024, '\0');
    for (qsizetype page = 0; page < held.size(); page += 4096) {
        held[page] = static_cast<char>(page / 4096);
    }
    rusage own{};
    REQUIRE(getrusage(RUSAGE_SELF, &own) == 0);
    REQUIRE(own.ru_maxrss >= 300 * 1024); // KiB

    const std::optional<ChildRun> beside = runFiller();
    REQUIRE(beside);
    CHECK(beside->exitCode == 0);
    const double besideMib = static_cast<double>(beside->peakKib) / 1024.0;
    INFO("beside a 300 MiB parent: " << besideMib << " MiB");
    CHECK(besideMib >= 64);
    CHECK(besideMib < 160);
    CHECK(std::abs(besideMib - aloneMib) < 32);
    // Still there: the figure did not come from freeing it.
    CHECK(held.at(4096) == 1);
}

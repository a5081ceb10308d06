// masahista-stress: the crash-safety kill loop. Runs the real executable doing bookings, series,
// moves, cancellations and status changes on one database, kills each run with SIGKILL at a
// random moment of its life, and after every kill checks the file with a connection of its own:
// intact, nothing half-written, everything the run reported is there as reported. With
// --window, the real window is open on the database for the second half of the kills.
#include "Harness.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRandomGenerator>

using namespace masahista::stress;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("masahista-stress"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Kills the real masahista executable with SIGKILL at random moments while "
                       "it writes, and checks the database after every kill."));
    parser.addHelpOption();
    const QCommandLineOption kills(QStringLiteral("kills"),
                                   QStringLiteral("How many runs to kill (default 300)."),
                                   QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed of every choice (default: a new one, "
                                                 "printed)."),
                                  QStringLiteral("S"));
    const QCommandLineOption executable(
        QStringLiteral("executable"),
        QStringLiteral("The masahista executable (default: the one built beside this)."),
        QStringLiteral("PATH"), QStringLiteral(MASAHISTA_EXECUTABLE));
    const QCommandLineOption workdir(
        QStringLiteral("workdir"),
        QStringLiteral("Folder for the database (default: the system's temporary folder)."),
        QStringLiteral("DIR"));
    const QCommandLineOption keep(QStringLiteral("keep"),
                                  QStringLiteral("Keep the database when a check fails."));
    const QCommandLineOption checkpointCut(
        QStringLiteral("checkpoint-cut"),
        QStringLiteral("Instead of the kill loop, check that the app opens a database whose "
                       "checkpoint was killed after its first write."));
    const QCommandLineOption window(
        QStringLiteral("window"),
        QStringLiteral("Keep the real window (masahista-window-host at PATH) open on the database "
                       "for the second half of the kills."),
        QStringLiteral("PATH"));
    parser.addOptions({kills, seed, executable, workdir, keep, checkpointCut, window});
    parser.process(app);

    Options options;
    bool ok = false;
    options.kills = parser.value(kills).toInt(&ok);
    if (!ok || options.kills < 1) {
        out() << "masahista-stress: --kills needs a whole number of at least 1" << Qt::endl;
        return 2;
    }
    if (parser.isSet(seed)) {
        options.seed = parser.value(seed).toULongLong(&ok);
        if (!ok) {
            out() << "masahista-stress: --seed needs a whole number" << Qt::endl;
            return 2;
        }
    } else {
        options.seed = QRandomGenerator::system()->bounded(1U << 31);
    }
    options.executable = QFileInfo(parser.value(executable)).absoluteFilePath();
    options.workdir = parser.value(workdir);
    options.keep = parser.isSet(keep);
    options.checkpointCut = parser.isSet(checkpointCut);
    if (parser.isSet(window)) {
        options.windowHost = QFileInfo(parser.value(window)).absoluteFilePath();
        if (!QFileInfo(options.windowHost).isExecutable()) {
            out() << "masahista-stress: " << options.windowHost << " is not an executable"
                  << Qt::endl;
            return 2;
        }
    }
    if (!QFileInfo(options.executable).isExecutable()) {
        out() << "masahista-stress: " << options.executable << " is not an executable" << Qt::endl;
        return 2;
    }
    Harness harness(options);
    return options.checkpointCut ? harness.checkpointCut() : harness.run();
}

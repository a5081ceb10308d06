#include "booking/Clinic.h"
#include "booking/Translations.h"
#include "cli/Cli.h"
#include "gui/GuiApplication.h"

#include <QApplication>
#include <QTextStream>

#include <csignal>
#include <cstdio>

int main(int argc, char* argv[])
{
#ifdef SIGXFSZ
    // A write past the file-size limit then fails like a full disk, with a message and the
    // database intact, instead of killing the process in the middle of a transaction.
    std::signal(SIGXFSZ, SIG_IGN);
#endif
    QCoreApplication::setApplicationName(QStringLiteral("masahista"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MASAHISTA_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    const masahista::cli::Invocation invocation = masahista::cli::classify(arguments);
    if (invocation.commandLine) {
        // No QApplication: a command must run without a display.
        QCoreApplication app(argc, argv);
        masahista::installTranslations(app);
        QTextStream out(stdout);
        QTextStream err(stderr);
        return masahista::cli::run(app.arguments(), out, err);
    }
    QApplication app(argc, argv);
    masahista::installTranslations(app);
    return masahista::gui::run(app, invocation.databasePath.isEmpty()
                                        ? masahista::Clinic::defaultPath()
                                        : invocation.databasePath);
}

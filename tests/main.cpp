#define CATCH_CONFIG_RUNNER
#include "booking/Translations.h"

#include <QApplication>
#include <QLocale>
#include <QSettings>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char** argv)
{
    // Without a display QApplication aborts, and test discovery at build time would then find
    // no tests at all. Offscreen rendering needs none.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    // Containers often have no LANG; pin the locale so formatting is the same everywhere.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::Canada));
    QCoreApplication::setApplicationName(QStringLiteral("masahista-tests"));
    // Remembered choices (QSettings) go to a folder of this run, never the user's own.
    const QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QApplication app(argc, argv);
    // The same texts users read: "1 appointment", not "1 appointment(s)".
    masahista::installTranslations(app);
    return Catch::Session().run(argc, argv);
}

#pragma once

#include <QString>

class QCoreApplication;

namespace masahista {

// Where the compiled translations live inside the core library's resources.
QString translationsDirectory();

// Installs the app's translation for the current locale (QLocale()), or else the English
// one: the source strings are English already, but Qt's numerus form "%n appointment(s)" only
// becomes "1 appointment" / "2 appointments" through a loaded translation. Returns the file
// loaded; calling it again installs nothing more. The default QLocale then follows the language
// of the texts (the system's territory kept), so that dates and weekdays match them.
QString installTranslations(QCoreApplication& app);

} // namespace masahista

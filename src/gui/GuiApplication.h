#pragma once

#include <QString>

class QApplication;

namespace masahista::gui {

// Opens the database at `databasePath` (creating it on first start and offering the demo
// clinic), shows the main window and runs the event loop. Returns the process exit code:
// 3 when the database cannot be used, after telling the user why.
int run(QApplication& app, const QString& databasePath);

} // namespace masahista::gui

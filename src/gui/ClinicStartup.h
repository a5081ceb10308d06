#pragma once

#include "data/Database.h"
#include "domain/Result.h"

#include <QString>

#include <memory>

namespace masahista::gui {

struct OpenedClinic
{
    std::unique_ptr<Database> database;
    // Nothing has been set up yet (a new file, or one left empty): offer the demo clinic.
    bool isFirstStart = false;
};

// The start-up decision, kept apart from run() so that it can be tested without an event
// loop: opens the database (creating a missing file), or returns the Error that says why the
// file cannot be used and what to do. A refused file is left exactly as it was.
Result<OpenedClinic> openClinic(const QString& databasePath);

} // namespace masahista::gui

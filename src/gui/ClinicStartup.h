#pragma once

#include "booking/Actor.h"
#include "booking/Clinic.h"
#include "domain/Result.h"

#include <QString>

#include <memory>

namespace masahista {
class Clock;
} // namespace masahista

namespace masahista::gui {

struct OpenedClinic
{
    std::unique_ptr<Clinic> clinic;
    // Nothing has been set up yet (a new file, or one left empty): offer the demo clinic.
    bool isFirstStart = false;
};

// Who the window acts as until staff accounts exist: the computer's user at the front desk.
Actor frontDeskActor();

// The start-up decision, kept apart from run() so that it can be tested without an event
// loop: opens the clinic (creating a missing file), or returns the Error that says why the
// file cannot be used and what to do. A refused file is left exactly as it was.
Result<OpenedClinic> openClinic(const QString& databasePath, const Clock& clock);

} // namespace masahista::gui

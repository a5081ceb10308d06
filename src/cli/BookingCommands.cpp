// Booking, moving, cancelling and the status of appointments.
#include "CommandContext.h"

namespace masahista::cli {

QList<CommandSpec> bookingCommands()
{
    return {};
}

} // namespace masahista::cli

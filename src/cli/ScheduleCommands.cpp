// Reading the schedule: days, weeks, unresolved appointments, free slots, calendar export.
#include "CommandContext.h"

namespace masahista::cli {

QList<CommandSpec> scheduleCommands()
{
    return {};
}

} // namespace masahista::cli

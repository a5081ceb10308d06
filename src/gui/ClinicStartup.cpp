#include "ClinicStartup.h"

#include "data/SettingsRepository.h"

namespace masahista::gui {

Result<OpenedClinic> openClinic(const QString& databasePath)
{
    Result<std::unique_ptr<Database>> opened =
        Database::open(databasePath, Database::Mode::CreateIfMissing);
    if (!opened) {
        return opened.error();
    }
    OpenedClinic clinic;
    clinic.database = std::move(opened).value();
    const Result<bool> empty = SettingsRepository(*clinic.database).isClinicEmpty();
    if (!empty) {
        return empty.error();
    }
    clinic.isFirstStart = empty.value();
    return clinic;
}

} // namespace masahista::gui

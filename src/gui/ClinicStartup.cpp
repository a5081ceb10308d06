#include "ClinicStartup.h"

#include "booking/Clinic.h"

#include <QCoreApplication>

namespace masahista::gui {

Actor frontDeskActor()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return {user.isEmpty()
                ? QCoreApplication::translate("masahista::gui::ClinicStartup", "front desk")
                : QCoreApplication::translate("masahista::gui::ClinicStartup", "%1 (front desk)")
                      .arg(user)};
}

Result<OpenedClinic> openClinic(const QString& databasePath, const Clock& clock)
{
    Result<std::unique_ptr<Clinic>> opened =
        Clinic::open(databasePath, Clinic::Opening::CreateIfMissing, clock, frontDeskActor());
    if (!opened) {
        return opened.error();
    }
    OpenedClinic clinic;
    clinic.clinic = std::move(opened).value();
    const Result<bool> empty = clinic.clinic->isEmpty();
    if (!empty) {
        return empty.error();
    }
    clinic.isFirstStart = empty.value();
    return clinic;
}

} // namespace masahista::gui

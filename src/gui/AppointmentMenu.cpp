#include "AppointmentMenu.h"

#include "Icons.h"

namespace masahista::gui {

namespace {

Icon iconOf(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Arrived:
        return Icon::Arrived;
    case AppointmentStatus::Completed:
        return Icon::Completed;
    case AppointmentStatus::NoShow:
        return Icon::NoShow;
    case AppointmentStatus::Cancelled:
        return Icon::CancelAppointment;
    case AppointmentStatus::Booked:
    case AppointmentStatus::Confirmed:
        break;
    }
    return Icon::Confirmed;
}

} // namespace

AppointmentMenu::AppointmentMenu(const QKeySequence& openClientKeys, QWidget* parent)
    : QMenu(parent)
{
    const auto statusAction = [this](const QString& text, AppointmentStatus status) {
        connect(addAction(Icons::icon(iconOf(status)), text), &QAction::triggered, this,
                [this, status] { Q_EMIT statusChosen(status); });
    };
    connect(addAction(Icons::icon(Icon::Edit), tr("&Edit…")), &QAction::triggered, this,
            &AppointmentMenu::editChosen);
    QAction* openClient = addAction(Icons::icon(Icon::OpenClient), tr("Open c&lient…"));
    openClient->setShortcut(openClientKeys);
    connect(openClient, &QAction::triggered, this, &AppointmentMenu::openClientChosen);
    addSeparator();
    statusAction(tr("&Confirmed"), AppointmentStatus::Confirmed);
    statusAction(tr("&Arrived"), AppointmentStatus::Arrived);
    statusAction(tr("Co&mpleted"), AppointmentStatus::Completed);
    statusAction(tr("&No-show"), AppointmentStatus::NoShow);
    addSeparator();
    connect(addAction(Icons::icon(Icon::CancelAppointment), tr("Cancel appointment…")),
            &QAction::triggered, this, &AppointmentMenu::cancelChosen);
}

} // namespace masahista::gui

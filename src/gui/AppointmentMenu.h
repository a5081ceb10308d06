#pragma once

#include "domain/Appointment.h"

#include <QKeySequence>
#include <QMenu>

namespace masahista::gui {

// The menu on an appointment card (right click): edit it, open its client, record what
// happened (confirmed, arrived, completed, no-show) or cancel it. It only says what was
// chosen; the calendar does it.
class AppointmentMenu final : public QMenu
{
    Q_OBJECT

public:
    // `openClientKeys`: the calendar's own key for opening the client, shown beside it.
    AppointmentMenu(const QKeySequence& openClientKeys, QWidget* parent);

Q_SIGNALS:
    void editChosen();
    void openClientChosen();
    void statusChosen(masahista::AppointmentStatus status);
    void cancelChosen();
};

} // namespace masahista::gui

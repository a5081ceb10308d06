#pragma once

#include "booking/engine/CalendarEntry.h"

#include <QCoreApplication>
#include <QString>
#include <QTimeZone>

namespace masahista::gui {

// What hovering an appointment card shows: the client, the massage and its length, the time
// with any cleanup after it, the room, the status (with the reason for a cancellation) and
// every health alert, as rich text with whatever people typed escaped.
class CardToolTip
{
    Q_DECLARE_TR_FUNCTIONS(CardToolTip)

public:
    static QString html(const CalendarEntry& entry, const QTimeZone& zone);
};

} // namespace masahista::gui

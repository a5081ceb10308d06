#pragma once

#include "booking/engine/CalendarEntry.h"

#include <QColor>
#include <QDate>
#include <QFont>
#include <QPalette>
#include <QRectF>
#include <QString>

class QPainter;

namespace masahista::gui::CardStyle {

// Fixed hues that mean the same in a light and a dark palette.
inline const QColor alertColor{0xd8, 0x43, 0x15};
inline const QColor noShowColor{0xc6, 0x28, 0x28};
inline const QColor nowColor{0xe5, 0x39, 0x35};

// `from` moved `amount` (0..1) of the way towards `to`.
QColor mix(const QColor& from, const QColor& to, qreal amount);

// The mark a card carries for its status ("✓" confirmed, ...); empty for booked.
QString statusGlyph(AppointmentStatus status);

// How an appointment's card is coloured, in the day and the week view alike: the massage
// type's colour blended into the palette, greyed when completed, red for a no-show.
struct Colors
{
    bool dark = false; // the palette is a dark one
    QColor accent;
    QColor fill;
    QColor text;
    QColor glyph;
};

Colors colorsFor(const CalendarEntry& entry, const QPalette& palette);

// One day's cell of a week's header row (weekday above date, today highlighted), so that the
// week view, its fixed header and the clinic's week overview read alike.
void paintDayHeader(QPainter& painter, const QRectF& cell, QDate date, bool isToday,
                    const QPalette& palette, const QFont& font);

} // namespace masahista::gui::CardStyle

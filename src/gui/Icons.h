#pragma once

#include <QColor>
#include <QIcon>
#include <QList>
#include <QPixmap>
#include <QString>

namespace masahista::gui {

// The app's own icons, one SVG each in resources/icons (compiled in under :/icons).
enum class Icon
{
    NewBooking,
    FindClient,
    CancelAppointment,
    PreviousDay,
    NextDay,
    Today,
    Print,
    ExportPdf,
    Undo,
    Redo,
    Unresolved,
    DayView,
    WeekView,
    ClinicWeek,
    MyDay,
    Confirmed,
    Arrived,
    Completed,
    NoShow,
    Edit,
    OpenClient,
    Theme,
    App,
};

namespace Icons {

// Every icon, in the order of the enum.
const QList<Icon>& all();

// The file's name without ".svg" ("new-booking"), and its resource path (":/icons/...").
QString name(Icon icon);
QString resourcePath(Icon icon);

// The icon drawn in the application palette's text colour when it is painted: it follows
// theme changes and is sharp at any size and device pixel ratio.
QIcon icon(Icon icon);

// The icon drawn once, `size` logical pixels square at `devicePixelRatio`, in `color`.
QPixmap pixmap(Icon icon, int size, qreal devicePixelRatio, const QColor& color);

// The app's own mark in its fixed colours, with pixmaps at the sizes window managers and
// task bars ask for (they copy pixmaps rather than ask the icon engine).
QIcon appIcon();

} // namespace Icons

} // namespace masahista::gui

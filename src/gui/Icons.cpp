#include "Icons.h"

#include "SvgIconEngine.h"
#include "domain/EnumKeys.h"

namespace masahista::gui::Icons {

namespace {
// The file names are what the lead and the tests see; keep them in step with resources/icons
// and src/gui/CMakeLists.txt.
constexpr EnumKeys<Icon, 23> iconFiles{{{
    {Icon::NewBooking, u"new-booking"},
    {Icon::FindClient, u"find-client"},
    {Icon::CancelAppointment, u"cancel-appointment"},
    {Icon::PreviousDay, u"previous-day"},
    {Icon::NextDay, u"next-day"},
    {Icon::Today, u"today"},
    {Icon::Print, u"print"},
    {Icon::ExportPdf, u"export-pdf"},
    {Icon::Undo, u"undo"},
    {Icon::Redo, u"redo"},
    {Icon::Unresolved, u"unresolved"},
    {Icon::DayView, u"day-view"},
    {Icon::WeekView, u"week-view"},
    {Icon::ClinicWeek, u"clinic-week"},
    {Icon::MyDay, u"my-day"},
    {Icon::Confirmed, u"confirmed"},
    {Icon::Arrived, u"arrived"},
    {Icon::Completed, u"completed"},
    {Icon::NoShow, u"no-show"},
    {Icon::Edit, u"edit"},
    {Icon::OpenClient, u"open-client"},
    {Icon::Theme, u"theme"},
    {Icon::App, u"app"},
}}};
static_assert(static_cast<int>(Icon::App) + 1 == 23, "every Icon needs its file name above");
} // namespace

const QList<Icon>& all()
{
    static const QList<Icon> icons = [] {
        QList<Icon> list;
        for (int i = 0; i <= static_cast<int>(Icon::App); ++i) {
            list.append(static_cast<Icon>(i));
        }
        return list;
    }();
    return icons;
}

QString name(Icon icon)
{
    return iconFiles.key(icon);
}

QString resourcePath(Icon icon)
{
    return QStringLiteral(":/icons/") + name(icon) + QStringLiteral(".svg");
}

QIcon icon(Icon icon)
{
    return QIcon(new SvgIconEngine(resourcePath(icon)));
}

QPixmap pixmap(Icon icon, int size, qreal devicePixelRatio, const QColor& color)
{
    const int pixels = qRound(size * devicePixelRatio);
    QPixmap drawn = SvgIconEngine::render(resourcePath(icon), QSize(pixels, pixels), color);
    drawn.setDevicePixelRatio(devicePixelRatio);
    return drawn;
}

QIcon appIcon()
{
    QIcon mark;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        // The mark has no ink placeholder, so the colour passed here changes nothing.
        mark.addPixmap(pixmap(Icon::App, size, 1.0, Qt::black));
    }
    return mark;
}

} // namespace masahista::gui::Icons

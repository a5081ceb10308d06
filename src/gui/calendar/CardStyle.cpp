#include "CardStyle.h"

namespace masahista::gui::CardStyle {

QColor mix(const QColor& from, const QColor& to, qreal amount)
{
    const auto channel = [amount](qreal a, qreal b) {
        return a + (b - a) * amount;
    };
    return QColor::fromRgbF(static_cast<float>(channel(from.redF(), to.redF())),
                            static_cast<float>(channel(from.greenF(), to.greenF())),
                            static_cast<float>(channel(from.blueF(), to.blueF())));
}

QString statusGlyph(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked:
        return {};
    case AppointmentStatus::Confirmed:
        return QStringLiteral("✓");
    case AppointmentStatus::Arrived:
        return QStringLiteral("➜");
    case AppointmentStatus::Completed:
        return QStringLiteral("✔");
    case AppointmentStatus::NoShow:
        return QStringLiteral("✗");
    case AppointmentStatus::Cancelled:
        return QStringLiteral("⊘");
    }
    return {};
}

Colors colorsFor(const CalendarEntry& entry, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    Colors colors;
    colors.dark = base.lightness() < 128;
    QColor service(entry.serviceColor);
    if (!service.isValid()) {
        service = palette.color(QPalette::Highlight);
    }
    colors.accent = service;
    colors.fill = mix(base, service, colors.dark ? 0.45 : 0.30);
    colors.text = palette.color(QPalette::Text);
    colors.glyph = colors.text;
    if (entry.appointment.status == AppointmentStatus::Completed) {
        const int grey = qGray(service.rgb());
        colors.accent = QColor(grey, grey, grey);
        colors.fill = mix(base, colors.accent, 0.18);
        colors.text = mix(colors.text, base, 0.35);
        colors.glyph = colors.text;
    } else if (entry.appointment.status == AppointmentStatus::NoShow) {
        colors.accent = noShowColor;
        colors.fill = mix(base, noShowColor, colors.dark ? 0.35 : 0.20);
        colors.glyph = noShowColor;
    }
    return colors;
}

} // namespace masahista::gui::CardStyle

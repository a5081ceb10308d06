#include "CardStyle.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPainter>

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

void paintDayHeader(QPainter& painter, const QRectF& cell, QDate date, bool isToday,
                    const QPalette& palette, const QFont& font)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::WindowText);
    if (isToday) {
        painter.fillRect(cell, mix(window, palette.color(QPalette::Highlight), 0.25));
    }
    const QLocale locale;
    QFont dayFont = font;
    dayFont.setBold(isToday);
    painter.setPen(text);
    painter.setFont(dayFont);
    painter.drawText(cell.adjusted(2, 3, -2, -cell.height() / 2), Qt::AlignCenter,
                     locale.dayName(date.dayOfWeek(), QLocale::ShortFormat));
    QFont dateFont = font;
    dateFont.setPointSizeF(font.pointSizeF() * 0.9);
    painter.setFont(dateFont);
    painter.setPen(mix(window, text, 0.7));
    painter.drawText(
        cell.adjusted(2, cell.height() / 2, -2, -3), Qt::AlignCenter,
        locale.toString(date, QCoreApplication::translate("masahista::gui::CardStyle", "d MMM",
                                                          "week header date")));
}

} // namespace masahista::gui::CardStyle

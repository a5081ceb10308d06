#include "CardPainter.h"

#include "CardStyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPixmapCache>

#include <algorithm>
#include <cmath>

namespace masahista::gui {

using CardStyle::alertColor;
using CardStyle::statusGlyph;

namespace {

QStaticText prepared(const QString& text, const QFont& textFont)
{
    QStaticText staticText(text);
    staticText.setTextFormat(Qt::PlainText);
    staticText.setPerformanceHint(QStaticText::AggressiveCaching);
    staticText.prepare(QTransform(), textFont);
    return staticText;
}

} // namespace

void CardPainter::setFont(const QFont& font)
{
    m_nameFont = font;
    m_nameFont.setBold(true);
    m_detailFont = font;
    m_detailFont.setPointSizeF(font.pointSizeF() * 0.9);
    m_glyphFont = font;
    m_glyphFont.setBold(true);
    m_badgeFont = m_glyphFont;
    m_badgeFont.setPointSizeF(font.pointSizeF() * 0.8);

    m_nameHeight = QFontMetricsF(m_nameFont).height();
    m_detailHeight = QFontMetricsF(m_detailFont).height();
    m_badgeText = prepared(QStringLiteral("!"), m_badgeFont);
}

CardPainter::Text CardPainter::textFor(const CalendarEntry& entry, const QRectF& cardRect) const
{
    const QFontMetricsF nameMetrics(m_nameFont);
    const QFontMetricsF detailMetrics(m_detailFont);
    const QRectF rect = cardRect.adjusted(0.5, 0.5, -0.5, -0.5);
    Text text;
    // The name ends left of the badges: the alert, then the status glyph.
    qreal right = rect.right() - 3;
    if (!entry.healthAlerts.isEmpty()) {
        right = badgeRect(rect).left() - 2;
    }
    if (!statusGlyph(entry.appointment.status).isEmpty()) {
        right -= 17;
    }
    const qreal left = rect.left() + 8;
    const qreal room = rect.bottom() - 1 - (rect.top() + 2) - nameMetrics.height();
    const int detailLines = std::max(0, static_cast<int>(room / detailMetrics.height()));
    const QString minutes = tr("%1 min").arg(entry.appointment.durationMinutes);
    QStringList lines;
    if (detailLines >= 2) {
        lines.append(entry.serviceName);
        lines.append(entry.roomName.isEmpty() ? minutes
                                              : tr("%1 · %2").arg(minutes, entry.roomName));
    } else if (detailLines == 1) {
        QStringList details{entry.serviceName, minutes};
        if (!entry.roomName.isEmpty()) {
            details.append(entry.roomName);
        }
        lines.append(details.join(QStringLiteral(" · ")));
    }
    const QString name = detailLines == 0 && !entry.serviceName.isEmpty()
                             ? tr("%1 · %2").arg(entry.clientName, entry.serviceName)
                             : entry.clientName;
    text.name = prepared(nameMetrics.elidedText(name, Qt::ElideRight, right - left), m_nameFont);
    const qreal lineWidth = rect.right() - 4 - left;
    for (const QString& line : std::as_const(lines)) {
        text.lines.append(
            prepared(detailMetrics.elidedText(line, Qt::ElideRight, lineWidth), m_detailFont));
    }
    const QString glyph = statusGlyph(entry.appointment.status);
    if (!glyph.isEmpty()) {
        text.glyph = prepared(glyph, m_glyphFont);
    }
    return text;
}

QRectF CardPainter::badgeRect(const QRectF& cardRect)
{
    const qreal size = 15;
    return {cardRect.right() - size - 3, cardRect.top() + 3, size, size};
}

void CardPainter::drawCentered(QPainter& painter, const QRectF& box, const QStaticText& text)
{
    const QSizeF size = text.size();
    painter.drawStaticText(QPointF(std::round(box.center().x() - size.width() / 2),
                                   std::round(box.center().y() - size.height() / 2)),
                           text);
}

QPixmap CardPainter::frame(QSize size, const QColor& border, const QColor& fill,
                           const QColor& accent, qreal borderWidth, qreal ratio)
{
    // Antialiased rounded shapes were most of the cost of painting a day; the cards of a day
    // come in few sizes and colours, so each look is drawn once and then copied.
    const QString key = QStringLiteral("masahista-card-%1x%2-%3-%4-%5-%6-%7")
                            .arg(size.width())
                            .arg(size.height())
                            .arg(border.rgba())
                            .arg(fill.rgba())
                            .arg(accent.rgba())
                            .arg(borderWidth)
                            .arg(ratio);
    QPixmap pixmap;
    if (QPixmapCache::find(key, &pixmap)) {
        return pixmap;
    }
    const QSize outer = size + QSize(2 * frameMargin, 2 * frameMargin);
    pixmap = QPixmap((QSizeF(outer) * ratio).toSize());
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF rect(frameMargin + 0.5, frameMargin + 0.5, size.width() - 1.0,
                      size.height() - 1.0);
    // The border is the shape filled in the border colour with the inside filled over it.
    QPainterPath outline;
    outline.addRoundedRect(
        rect.adjusted(-borderWidth / 2, -borderWidth / 2, borderWidth / 2, borderWidth / 2),
        4 + borderWidth / 2, 4 + borderWidth / 2);
    painter.fillPath(outline, border);
    QPainterPath inside;
    inside.addRoundedRect(
        rect.adjusted(borderWidth / 2, borderWidth / 2, -borderWidth / 2, -borderWidth / 2),
        std::max(4 - borderWidth / 2, 1.0), std::max(4 - borderWidth / 2, 1.0));
    painter.fillPath(inside, fill);
    // The accent stripe follows the rounded corners on the left.
    painter.setClipRect(QRectF(rect.left(), rect.top(), 4, rect.height()));
    painter.fillPath(inside, accent);
    painter.end();
    QPixmapCache::insert(key, pixmap);
    return pixmap;
}

void CardPainter::paint(QPainter& painter, const DayLayout::Card& card, const CalendarEntry& entry,
                        const Text& text, const QPalette& palette, bool selected, qreal ratio) const
{
    const CardStyle::Colors colors = CardStyle::colorsFor(entry, palette);
    const bool dark = colors.dark;
    const QColor& accent = colors.accent;
    const QColor& fill = colors.fill;
    const QColor& textColor = colors.text;
    const QColor& glyphColor = colors.glyph;

    painter.save();
    if (card.cancelled) {
        painter.setOpacity(0.45);
    }
    if (!card.tail.isEmpty()) {
        // The cleanup buffer: time the room and therapist are taken without a client.
        QColor tail = accent;
        tail.setAlphaF(dark ? 0.28f : 0.16f);
        painter.fillRect(card.tail.adjusted(4, 0, 0, 0), tail);
    }
    const QRectF rect = card.rect.adjusted(0.5, 0.5, -0.5, -0.5);
    const QColor border = selected ? palette.color(QPalette::Highlight)
                                   : (dark ? accent.lighter(120) : accent.darker(115));
    // Drawn at whole pixels, so that cards of one size and colour share one picture.
    const QRect cardRect = rect.toAlignedRect();
    painter.drawPixmap(cardRect.topLeft() - QPoint(frameMargin, frameMargin),
                       frame(cardRect.size(), border, fill, accent, selected ? 2.5 : 1, ratio));

    // Badges on the right: health alerts, then the status glyph.
    qreal right = rect.right() - 3;
    if (!entry.healthAlerts.isEmpty()) {
        const QRectF badge = badgeRect(rect);
        painter.setPen(Qt::NoPen);
        painter.setBrush(alertColor);
        painter.drawEllipse(badge);
        painter.setFont(m_badgeFont);
        painter.setPen(QColor(Qt::white));
        drawCentered(painter, badge, m_badgeText);
        right = badge.left() - 2;
    }
    if (!text.glyph.text().isEmpty()) {
        painter.setFont(m_glyphFont);
        painter.setPen(glyphColor);
        drawCentered(painter, QRectF(right - 16, rect.top() + 2, 16, 17), text.glyph);
    }

    // Text lines, as many as the height allows.
    // Whole pixels: text at fractional positions is blended for each sub-pixel offset anew.
    const qreal left = std::round(rect.left() + 8);
    const qreal top = std::round(rect.top() + 2);
    painter.setPen(textColor);
    painter.setClipRect(rect, Qt::IntersectClip);
    if (card.cancelled) {
        // Static text draws no strike-out; the few cancelled cards shown take the slow path.
        QFont nameFont = m_nameFont;
        nameFont.setStrikeOut(true);
        QFont detailFont = m_detailFont;
        detailFont.setStrikeOut(true);
        qreal y = top;
        painter.setFont(nameFont);
        painter.drawText(QPointF(left, y + QFontMetricsF(nameFont).ascent()), text.name.text());
        y += m_nameHeight;
        painter.setFont(detailFont);
        const qreal detailAscent = QFontMetricsF(detailFont).ascent();
        for (const QStaticText& line : text.lines) {
            painter.drawText(QPointF(left, y + detailAscent), line.text());
            y += m_detailHeight;
        }
    } else {
        qreal y = top;
        painter.setFont(m_nameFont);
        painter.drawStaticText(QPointF(left, y), text.name);
        y += m_nameHeight;
        painter.setFont(m_detailFont);
        for (const QStaticText& line : text.lines) {
            painter.drawStaticText(QPointF(left, y), line);
            y += m_detailHeight;
        }
    }
    painter.restore();
}

} // namespace masahista::gui

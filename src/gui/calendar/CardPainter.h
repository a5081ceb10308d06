#pragma once

#include "DayLayout.h"
#include "booking/engine/CalendarEntry.h"

#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QPalette>
#include <QPixmap>
#include <QRectF>
#include <QStaticText>

class QPainter;

namespace masahista::gui {

// The day view's appointment cards as drawn: each card's text shaped and elided once per
// layout (that was most of the cost of a card), so painting only draws it, and the rounded
// frame of each size and colour drawn once and then copied.
class CardPainter
{
    Q_DECLARE_TR_FUNCTIONS(CardPainter)

public:
    // What a card shows: the client (with the massage when nothing else fits), the detail
    // lines the height allows, and the status glyph.
    struct Text
    {
        QStaticText name;
        QList<QStaticText> lines;
        QStaticText glyph; // the status, empty for none
    };

    // The view's font, from which the card fonts follow.
    void setFont(const QFont& font);
    Text textFor(const CalendarEntry& entry, const QRectF& cardRect) const;
    // `ratio`: the device pixel ratio the cached frames are drawn for.
    void paint(QPainter& painter, const DayLayout::Card& card, const CalendarEntry& entry,
               const Text& text, const QPalette& palette, bool selected, qreal ratio) const;

private:
    // Room around a card's picture for a selection border drawn outside its edge.
    static constexpr int frameMargin = 2;
    static QRectF badgeRect(const QRectF& cardRect);
    static void drawCentered(QPainter& painter, const QRectF& box, const QStaticText& text);
    static QPixmap frame(QSize size, const QColor& border, const QColor& fill, const QColor& accent,
                         qreal borderWidth, qreal ratio);

    QFont m_nameFont;
    QFont m_detailFont;
    QFont m_glyphFont;
    QFont m_badgeFont;
    qreal m_nameHeight = 0;
    qreal m_detailHeight = 0;
    QStaticText m_badgeText;
};

} // namespace masahista::gui

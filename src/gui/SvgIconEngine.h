#pragma once

#include <QColor>
#include <QIconEngine>
#include <QString>

namespace masahista::gui {

// Draws one of the app's SVG icons in the colours of the application palette at the moment it
// is painted, so that an icon already handed to an action follows a later theme change, and at
// the device's pixel size, so that it stays crisp on high-DPI screens.
//
// The SVGs in resources/icons draw in one placeholder colour (inkColor) that is replaced by the
// palette's WindowText (HighlightedText when selected, the disabled WindowText when disabled);
// alertColor marks the few red strokes (cancel, no-show) and turns grey only when disabled.
class SvgIconEngine : public QIconEngine
{
public:
    // Colours used inside the SVG files; they read on light and dark backgrounds alike, so the
    // files also look right wherever they are shown unprocessed.
    static constexpr QLatin1String inkColor{"#5f6b7a"};
    static constexpr QLatin1String alertColor{"#d93a3a"};

    explicit SvgIconEngine(QString resourcePath);

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine* clone() const override;
    QString key() const override;
    bool isNull() override;

    // The SVG at `resourcePath` drawn into `pixelSize` device pixels with the ink in `color`
    // (and the alert strokes too when `greyAlerts`); null when the file is missing or broken.
    // Results are kept in QPixmapCache, since views repaint icons on every frame.
    static QPixmap render(const QString& resourcePath, const QSize& pixelSize, const QColor& color,
                          bool greyAlerts = false);

private:
    QString m_resourcePath;
};

} // namespace masahista::gui

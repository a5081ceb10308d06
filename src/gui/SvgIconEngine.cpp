#include "SvgIconEngine.h"

#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

#include <utility>

namespace masahista::gui {

namespace {

QColor inkFor(const QPalette& palette, QIcon::Mode mode)
{
    switch (mode) {
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::WindowText);
    case QIcon::Selected:
        // Selected rows are painted in Highlight, so the icon must read like their text.
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

} // namespace

SvgIconEngine::SvgIconEngine(QString resourcePath)
    : m_resourcePath(std::move(resourcePath))
{}

void SvgIconEngine::paint(QPainter* painter, const QRect& rect, QIcon::Mode mode,
                          QIcon::State state)
{
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
    QPixmap drawn = pixmap(rect.size() * ratio, mode, state);
    drawn.setDevicePixelRatio(ratio);
    painter->drawPixmap(rect, drawn);
}

QPixmap SvgIconEngine::pixmap(const QSize& size, QIcon::Mode mode, QIcon::State /*state*/)
{
    // QIcon asks for device pixels here (size × device pixel ratio) and sets the ratio itself.
    return render(m_resourcePath, size, inkFor(QGuiApplication::palette(), mode),
                  mode == QIcon::Disabled);
}

QIconEngine* SvgIconEngine::clone() const
{
    return new SvgIconEngine(m_resourcePath);
}

QString SvgIconEngine::key() const
{
    return QStringLiteral("masahista-svg");
}

bool SvgIconEngine::isNull()
{
    return !QFile::exists(m_resourcePath);
}

QPixmap SvgIconEngine::render(const QString& resourcePath, const QSize& pixelSize,
                              const QColor& color, bool greyAlerts)
{
    if (pixelSize.isEmpty()) {
        return {};
    }
    const QString cacheKey = QStringLiteral("masahista-icon|%1|%2x%3|%4|%5")
                                 .arg(resourcePath)
                                 .arg(pixelSize.width())
                                 .arg(pixelSize.height())
                                 .arg(color.name(QColor::HexArgb))
                                 .arg(greyAlerts ? 1 : 0);
    QPixmap cached;
    if (QPixmapCache::find(cacheKey, &cached)) {
        return cached;
    }

    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QString svg = QString::fromUtf8(file.readAll());
    const QString ink = color.name(QColor::HexRgb);
    svg.replace(inkColor, ink, Qt::CaseInsensitive);
    if (greyAlerts) {
        svg.replace(alertColor, ink, Qt::CaseInsensitive);
    }
    QSvgRenderer renderer(svg.toUtf8());
    if (!renderer.isValid()) {
        return {};
    }

    QImage image(pixelSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        // A translucent palette colour (some platforms dim disabled text that way) cannot go
        // into the SVG's #rrggbb, so it becomes the painter's opacity.
        painter.setOpacity(color.alphaF());
        // Keep the drawing square (all icons are) and centred in a non-square request.
        QSizeF drawn = renderer.defaultSize();
        drawn.scale(QSizeF(pixelSize), Qt::KeepAspectRatio);
        const QPointF origin((pixelSize.width() - drawn.width()) / 2.0,
                             (pixelSize.height() - drawn.height()) / 2.0);
        renderer.render(&painter, QRectF(origin, drawn));
    }
    QPixmap result = QPixmap::fromImage(std::move(image));
    QPixmapCache::insert(cacheKey, result);
    return result;
}

} // namespace masahista::gui

#include "gui/Appearance.h"
#include "gui/Icons.h"
#include "gui/SvgIconEngine.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <QSet>
#include <QSvgRenderer>

#include <catch2/catch.hpp>

using masahista::gui::Appearance;
using masahista::gui::Icon;
using masahista::gui::SvgIconEngine;
namespace Icons = masahista::gui::Icons;

namespace {

// Puts the platform's own palette back, whatever the test set.
class PaletteGuard
{
public:
    PaletteGuard() = default;
    ~PaletteGuard() { QApplication::setPalette(QPalette()); }
    PaletteGuard(const PaletteGuard&) = delete;
    PaletteGuard& operator=(const PaletteGuard&) = delete;
};

QImage argb(const QPixmap& pixmap)
{
    return pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
}

int inkedPixels(const QImage& image)
{
    int inked = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) > 0) {
                ++inked;
            }
        }
    }
    return inked;
}

// Fully opaque pixels in exactly `color`.
int pixelsOf(const QImage& image, const QColor& color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            if (qAlpha(pixel) == 255 && (pixel & 0xffffff) == (color.rgb() & 0xffffff)) {
                ++count;
            }
        }
    }
    return count;
}

} // namespace

TEST_CASE("Every icon has a valid SVG in the resources, and nothing else is there", "[icons]")
{
    QSet<QString> names;
    for (const Icon icon : Icons::all()) {
        const QString name = Icons::name(icon);
        INFO(name.toStdString());
        REQUIRE_FALSE(name.isEmpty());
        CHECK(Icons::resourcePath(icon) == QStringLiteral(":/icons/%1.svg").arg(name));
        REQUIRE(QFile::exists(Icons::resourcePath(icon)));
        CHECK(QSvgRenderer(Icons::resourcePath(icon)).isValid());
        names.insert(name + QStringLiteral(".svg"));

        QFile file(Icons::resourcePath(icon));
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(file.readAll());
        // Every icon but the app's own mark draws in the ink that follows the palette.
        CHECK(svg.contains(SvgIconEngine::inkColor, Qt::CaseInsensitive) == (icon != Icon::App));
    }
    CHECK(names.size() == Icons::all().size());

    const QStringList files = QDir(QStringLiteral(":/icons")).entryList(QDir::Files);
    CHECK(QSet<QString>(files.cbegin(), files.cend()) == names);
}

TEST_CASE("Every icon renders at 16, 24 and 48 pixels, at device pixel ratio 1 and 2", "[icons]")
{
    for (const Icon icon : Icons::all()) {
        const QIcon drawn = Icons::icon(icon);
        INFO(Icons::name(icon).toStdString());
        REQUIRE_FALSE(drawn.isNull());
        for (const int size : {16, 24, 48}) {
            for (const qreal ratio : {1.0, 2.0}) {
                INFO("size " << size << " ratio " << ratio);
                const QPixmap pixmap = drawn.pixmap(QSize(size, size), ratio);
                const int pixels = qRound(size * ratio);
                CHECK(pixmap.size() == QSize(pixels, pixels));
                CHECK(pixmap.devicePixelRatio() == ratio);
                // Some ink, but not a filled square.
                const int inked = inkedPixels(argb(pixmap));
                CHECK(inked > pixels * pixels / 50);
                CHECK((icon == Icon::App || inked < pixels * pixels * 3 / 4));
            }
        }
    }
}

TEST_CASE("On a high-DPI screen icons are drawn at device pixels, not scaled up", "[icons]")
{
    const PaletteGuard guard;
    QApplication::setPalette(Appearance::lightPalette());
    const QColor ink = QApplication::palette().color(QPalette::WindowText);
    for (const Icon icon : {Icon::NewBooking, Icon::Print, Icon::Undo, Icon::Confirmed}) {
        INFO(Icons::name(icon).toStdString());
        const QImage sharp = argb(Icons::icon(icon).pixmap(QSize(24, 24), 2.0));
        const QImage blurredIfScaled =
            argb(Icons::pixmap(icon, 24, 1.0, ink))
                .scaled(48, 48, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const QImage direct = argb(Icons::pixmap(icon, 48, 1.0, ink));
        CHECK(sharp.size() == QSize(48, 48));
        CHECK(sharp == direct);
        CHECK(sharp != blurredIfScaled);
    }
}

TEST_CASE("Icons take the palette's text colour, so they differ between light and dark", "[icons]")
{
    const PaletteGuard guard;
    const QPalette light = Appearance::lightPalette();
    const QPalette dark = Appearance::darkPalette();
    for (const Icon icon : Icons::all()) {
        INFO(Icons::name(icon).toStdString());
        const QIcon drawn = Icons::icon(icon);

        QApplication::setPalette(light);
        const QImage onLight = argb(drawn.pixmap(QSize(48, 48), 1.0));
        QApplication::setPalette(dark);
        const QImage onDark = argb(drawn.pixmap(QSize(48, 48), 1.0));

        if (icon == Icon::App) {
            // The mark keeps its own colours.
            CHECK(onLight == onDark);
            continue;
        }
        CHECK(onLight != onDark);
        CHECK(pixelsOf(onLight, light.color(QPalette::WindowText)) > 0);
        CHECK(pixelsOf(onDark, dark.color(QPalette::WindowText)) > 0);
        CHECK(pixelsOf(onDark, light.color(QPalette::WindowText)) == 0);
    }
}

TEST_CASE("Disabled and selected icons take the matching palette colours", "[icons]")
{
    const PaletteGuard guard;
    const QPalette dark = Appearance::darkPalette();
    QApplication::setPalette(dark);

    const QIcon cancel = Icons::icon(Icon::CancelAppointment);
    const QImage normal = argb(cancel.pixmap(QSize(48, 48), 1.0, QIcon::Normal));
    const QImage disabled = argb(cancel.pixmap(QSize(48, 48), 1.0, QIcon::Disabled));
    const QImage selected = argb(cancel.pixmap(QSize(48, 48), 1.0, QIcon::Selected));

    const QColor alert(SvgIconEngine::alertColor);
    CHECK(pixelsOf(normal, alert) > 0);
    // Disabled: all in the disabled text colour, the red cross included.
    CHECK(pixelsOf(disabled, dark.color(QPalette::Disabled, QPalette::WindowText)) > 0);
    CHECK(pixelsOf(disabled, alert) == 0);
    CHECK(pixelsOf(selected, dark.color(QPalette::Active, QPalette::HighlightedText)) > 0);
}

TEST_CASE("The app icon offers the sizes window managers ask for", "[icons]")
{
    const QIcon mark = Icons::appIcon();
    REQUIRE_FALSE(mark.isNull());
    const QList<QSize> sizes = mark.availableSizes();
    for (const int size : {16, 32, 48, 256}) {
        INFO("size " << size);
        CHECK(sizes.contains(QSize(size, size)));
        CHECK(inkedPixels(argb(mark.pixmap(QSize(size, size), 1.0))) > size * size / 2);
    }
}

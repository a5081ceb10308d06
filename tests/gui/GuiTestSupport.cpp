#include "GuiTestSupport.h"

#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QSet>
#include <QWidget>
#include <QtGlobal>

#include <catch2/catch.hpp>

#include <cstring>

namespace masahista::test {

namespace {

QStringList collectedProblems;
QtMessageHandler previousHandler = nullptr;

void collectModelTesterWarnings(QtMsgType type, const QMessageLogContext& context,
                                const QString& message)
{
    if (type != QtDebugMsg && type != QtInfoMsg && context.category != nullptr &&
        std::strcmp(context.category, "qt.modeltest") == 0) {
        collectedProblems.append(message);
        return;
    }
    if (previousHandler != nullptr) {
        previousHandler(type, context, message);
    }
}

} // namespace

ModelChecker::ModelChecker(QAbstractItemModel* model)
{
    collectedProblems.clear();
    previousHandler = qInstallMessageHandler(collectModelTesterWarnings);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::Warning);
}

ModelChecker::~ModelChecker()
{
    m_tester.reset();
    qInstallMessageHandler(previousHandler);
    previousHandler = nullptr;
}

const QStringList& ModelChecker::problems() const
{
    return collectedProblems;
}

QImage screenshot(QWidget& widget, const QString& fileName)
{
    const QImage image = widget.grab().toImage();
    REQUIRE_FALSE(image.isNull());
    CHECK(image.size() == widget.size() * widget.devicePixelRatio());
    CHECK(colourCount(image) > 20);
    saveScreenshot(image, fileName);
    return image;
}

void saveScreenshot(const QImage& image, const QString& fileName)
{
    const QString folder = qEnvironmentVariable("MASAHISTA_SCREENSHOTS");
    if (!folder.isEmpty()) {
        REQUIRE(QDir().mkpath(folder));
        CHECK(image.save(QDir(folder).filePath(fileName)));
    }
}

int colourCount(const QImage& image, int step)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += step) {
        for (int x = 0; x < image.width(); x += step) {
            colours.insert(image.pixel(x, y));
        }
    }
    return static_cast<int>(colours.size());
}

} // namespace masahista::test

#include "GuiTestSupport.h"

#include "booking/Clinic.h"

#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QSet>
#include <QWidget>
#include <QtGlobal>

#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

namespace masahista::test {

namespace {

std::vector<std::unique_ptr<Clinic>>& testSessions()
{
    static std::vector<std::unique_ptr<Clinic>> sessions;
    return sessions;
}

// Drops the sessions a test case made when it ends, before its database goes.
class SessionReleaser : public Catch::TestEventListenerBase
{
public:
    using TestEventListenerBase::TestEventListenerBase;

    void testCaseEnded(const Catch::TestCaseStats& stats) override
    {
        static_cast<void>(stats);
        testSessions().clear();
    }
};

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

Clinic& session(Database& database, const Clock& clock, Actor actor)
{
    testSessions().push_back(std::make_unique<Clinic>(database, clock, std::move(actor)));
    return *testSessions().back();
}

CATCH_REGISTER_LISTENER(SessionReleaser)

} // namespace masahista::test

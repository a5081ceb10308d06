#include "GuiTestSupport.h"

#include <QtGlobal>

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

} // namespace masahista::test

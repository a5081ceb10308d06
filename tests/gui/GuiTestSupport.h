#pragma once

#include <QAbstractItemModelTester>
#include <QStringList>

#include <memory>

class QAbstractItemModel;

namespace masahista::test {

// Attaches QAbstractItemModelTester to a model for as long as it lives and collects what the
// tester complains about, so that a Catch test can require that there was nothing.
// QtTest's own reporting needs a QTest run, and Fatal mode would abort the whole test binary.
class ModelChecker
{
public:
    explicit ModelChecker(QAbstractItemModel* model);
    ~ModelChecker();
    ModelChecker(const ModelChecker&) = delete;
    ModelChecker& operator=(const ModelChecker&) = delete;

    const QStringList& problems() const;

private:
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

} // namespace masahista::test

#pragma once

#include "booking/Actor.h"
#include "gui/ClinicStartup.h"

#include <QAbstractItemModelTester>
#include <QStringList>

#include <memory>

class QAbstractItemModel;
class QImage;
class QString;
class QWidget;

namespace masahista {
class Clinic;
class Clock;
class Database;
} // namespace masahista

namespace masahista::test {

// A session on a database the test owns, for the window or a widget under test, acting as
// `actor` (the window's own front desk unless said). It lives until the test case ends, so a
// widget can be built on it in one line; the database and clock must live as long.
Clinic& session(Database& database, const Clock& clock, Actor actor = gui::frontDeskActor());

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

// Renders `widget` the way the README's screenshots show it and checks, on every run, that the
// picture is one: as large as the widget and not one flat colour. Saves it as `fileName` in
// the folder $MASAHISTA_SCREENSHOTS names, only when that is set.
QImage screenshot(QWidget& widget, const QString& fileName);

// Saves `image` as `fileName` in the folder $MASAHISTA_SCREENSHOTS names, only when it is set.
void saveScreenshot(const QImage& image, const QString& fileName);

// The number of different colours on a grid of every `step`th pixel.
int colourCount(const QImage& image, int step = 7);

} // namespace masahista::test

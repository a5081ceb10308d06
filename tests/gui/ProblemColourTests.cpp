#include "gui/ProblemColour.h"

#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

#include <catch2/catch.hpp>

using namespace masahista::gui;

TEST_CASE("The problem red is written in one place of the sources", "[gui][colour]")
{
    const QString root = QStringLiteral(MASAHISTA_SOURCE_DIR);
    QStringList holders;
    for (const QString& folder : {QStringLiteral("/src"), QStringLiteral("/ui")}) {
        QDirIterator files(root + folder,
                           {QStringLiteral("*.cpp"), QStringLiteral("*.h"), QStringLiteral("*.ui")},
                           QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            REQUIRE(file.open(QIODevice::ReadOnly));
            if (file.readAll().contains(ProblemColour::name().toLatin1())) {
                holders.append(file.fileName().mid(root.size() + 1));
            }
        }
    }
    CHECK(holders == QStringList{QStringLiteral("src/gui/ProblemColour.cpp")});
}

TEST_CASE("Labels a form marks as problems get the problem red, keeping their own style",
          "[gui][colour]")
{
    QWidget form;
    auto* plain = new QLabel(&form);
    auto* problem = new QLabel(&form);
    problem->setProperty("problem", true);
    auto* boldProblem = new QLabel(&form);
    boldProblem->setProperty("problem", true);
    boldProblem->setStyleSheet(QStringLiteral("font-weight: bold;"));
    ProblemColour::applyToMarked(&form);
    CHECK(plain->styleSheet().isEmpty());
    CHECK(problem->styleSheet() == ProblemColour::styleSheet());
    CHECK(boldProblem->styleSheet().startsWith(u"font-weight: bold;"));
    CHECK(boldProblem->styleSheet().contains(ProblemColour::name()));
}

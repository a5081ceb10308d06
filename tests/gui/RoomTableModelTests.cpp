#include "GuiTestSupport.h"
#include "gui/models/RoomTableModel.h"
#include "support/TestSupport.h"

#include <QBrush>

#include <catch2/catch.hpp>

using masahista::Room;
using masahista::gui::RoomTableModel;

TEST_CASE("RoomTableModel lists each room's name, kind and whether it is in use", "[gui]")
{
    RoomTableModel model;
    masahista::test::ModelChecker checker(&model);

    Room quiet;
    quiet.id = 1;
    quiet.name = QStringLiteral("Room 1");
    quiet.kind = QStringLiteral("table");
    Room mat;
    mat.id = 2;
    mat.name = QStringLiteral("Thai room");
    mat.kind = QStringLiteral("mat");
    mat.active = false;
    model.setRooms({quiet, mat});

    REQUIRE(model.rowCount() == 2);
    REQUIRE(model.columnCount() == 3);
    CHECK(model.data(model.index(0, RoomTableModel::NameColumn)).toString() ==
          QStringLiteral("Room 1"));
    CHECK(model.data(model.index(0, RoomTableModel::KindColumn)).toString() ==
          QStringLiteral("table"));
    CHECK(model.data(model.index(0, RoomTableModel::ActiveColumn)).toString() ==
          QStringLiteral("Yes"));
    CHECK(model.data(model.index(1, RoomTableModel::ActiveColumn)).toString() ==
          QStringLiteral("No"));
    CHECK_FALSE(model.data(model.index(0, 0), Qt::ForegroundRole).isValid());
    CHECK(model.data(model.index(1, 0), Qt::ForegroundRole).canConvert<QBrush>());

    CHECK(model.headerData(RoomTableModel::NameColumn, Qt::Horizontal).toString() ==
          QStringLiteral("Room"));
    CHECK(model.headerData(RoomTableModel::KindColumn, Qt::Horizontal).toString() ==
          QStringLiteral("Kind"));
    CHECK(model.headerData(RoomTableModel::ActiveColumn, Qt::Horizontal).toString() ==
          QStringLiteral("Active"));

    model.setRooms({mat});
    CHECK(model.rowCount() == 1);
    CHECK(model.data(model.index(0, 0)).toString() == QStringLiteral("Thai room"));
    CHECK(checker.problems().isEmpty());
}

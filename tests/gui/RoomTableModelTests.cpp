#include "GuiTestSupport.h"
#include "gui/models/RoomTableModel.h"
#include "support/TestSupport.h"

#include <QBrush>
#include <QItemSelectionModel>
#include <QSignalSpy>

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

TEST_CASE("RoomTableModel updates rows in place on a reload, keeping the selection", "[gui][rooms]")
{
    RoomTableModel model;
    masahista::test::ModelChecker checker(&model);
    const Room a{1, QStringLiteral("Room A"), QStringLiteral("table"), true, 0};
    const Room b{2, QStringLiteral("Room B"), QStringLiteral("table"), true, 1};
    const Room c{3, QStringLiteral("Room C"), QStringLiteral("mat"), true, 2};
    model.setRooms({a, b});
    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.indexOf(2),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    Room retiredB = b;
    retiredB.active = false;
    model.setRooms({c, retiredB});
    CHECK(resets.isEmpty());
    REQUIRE(model.rowCount() == 2);
    CHECK(selection.currentIndex().row() == 1);
    const Room* current = model.roomAt(selection.currentIndex());
    REQUIRE(current != nullptr);
    CHECK(current->id == 2);
    CHECK_FALSE(current->active);
    CHECK(model.data(model.index(1, 0), Qt::ForegroundRole).canConvert<QBrush>());
    CHECK(model.data(model.index(1, 0), RoomTableModel::RoomIdRole).toLongLong() == 2);
    CHECK(model.data(model.index(1, 0), RoomTableModel::ActiveRole).toBool() == false);
    CHECK(model.data(model.index(1, 0), Qt::ToolTipRole).toString() ==
          u"Room B is retired: kept with its history, no longer booked.");
    CHECK(model.roomAt(QModelIndex()) == nullptr);
    CHECK_FALSE(model.indexOf(1).isValid());
    CHECK(checker.problems().isEmpty());
}

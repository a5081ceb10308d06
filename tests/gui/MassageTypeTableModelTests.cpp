#include "GuiTestSupport.h"
#include "gui/models/MassageTypeTableModel.h"
#include "support/TestSupport.h"

#include <QBrush>
#include <QColor>
#include <QItemSelectionModel>
#include <QSignalSpy>

#include <catch2/catch.hpp>

using masahista::DurationOption;
using masahista::MassageType;
using masahista::Pressure;
using masahista::gui::MassageTypeTableModel;

namespace {

MassageType thaiOil()
{
    MassageType type;
    type.id = 3;
    type.name = QStringLiteral("Thai oil massage");
    type.description = QStringLiteral("Thai techniques with oil.");
    type.pressure = Pressure::Firm;
    type.requiredModalityId = 10;
    type.requiredModalityName = QStringLiteral("Thai oil on the mat");
    type.bufferMinutes = 15;
    type.roomKind = QStringLiteral("mat");
    type.color = QStringLiteral("#ff9800");
    type.options = {DurationOption{1, 30, 6000, true}, DurationOption{2, 60, 10000, true}};
    return type;
}

MassageType relaxation()
{
    MassageType type;
    type.id = 4;
    type.name = QStringLiteral("Relaxation");
    type.pressure = Pressure::Light;
    type.active = false;
    type.options = {DurationOption{3, 90, 14550, false}};
    return type;
}

} // namespace

TEST_CASE("MassageTypeTableModel shows requirements, cleanup and every length with its price",
          "[gui]")
{
    MassageTypeTableModel model;
    masahista::test::ModelChecker checker(&model);

    model.setMassageTypes({thaiOil(), relaxation()});
    REQUIRE(model.rowCount() == 2);
    REQUIRE(model.columnCount() == MassageTypeTableModel::ColumnCount);

    const auto text = [&model](int row, int column) {
        return model.data(model.index(row, column)).toString();
    };
    CHECK(text(0, MassageTypeTableModel::NameColumn) == QStringLiteral("Thai oil massage"));
    CHECK(text(0, MassageTypeTableModel::ModalityColumn) == QStringLiteral("Thai oil on the mat"));
    CHECK(text(0, MassageTypeTableModel::PressureColumn) == QStringLiteral("Firm"));
    CHECK(text(0, MassageTypeTableModel::RoomKindColumn) == QStringLiteral("mat"));
    CHECK(text(0, MassageTypeTableModel::CleanupColumn) == QStringLiteral("15 min"));
    CHECK(text(0, MassageTypeTableModel::DurationsColumn) ==
          QStringLiteral("30 min $60.00 · 60 min $100.00"));
    CHECK(text(0, MassageTypeTableModel::ActiveColumn) == QStringLiteral("Yes"));
    CHECK(model.data(model.index(0, 0), Qt::DecorationRole).value<QColor>() ==
          QColor(0xff, 0x98, 0x00));
    CHECK(model.data(model.index(0, 0), Qt::ToolTipRole).toString() ==
          QStringLiteral("Thai techniques with oil."));
    CHECK(model.data(model.index(0, MassageTypeTableModel::CleanupColumn), Qt::TextAlignmentRole)
              .toInt() == static_cast<int>(Qt::AlignRight | Qt::AlignVCenter));

    CHECK(text(1, MassageTypeTableModel::ModalityColumn) == QStringLiteral("Any therapist"));
    CHECK(text(1, MassageTypeTableModel::PressureColumn) == QStringLiteral("Light"));
    CHECK(text(1, MassageTypeTableModel::RoomKindColumn) == QStringLiteral("Any room"));
    CHECK(text(1, MassageTypeTableModel::CleanupColumn) == QStringLiteral("0 min"));
    CHECK(text(1, MassageTypeTableModel::DurationsColumn) ==
          QStringLiteral("90 min $145.50 (no longer offered)"));
    CHECK(text(1, MassageTypeTableModel::ActiveColumn) == QStringLiteral("No"));
    CHECK(model.data(model.index(1, 0), Qt::ForegroundRole).canConvert<QBrush>());

    const QStringList headers = [&model] {
        QStringList names;
        for (int column = 0; column < model.columnCount(); ++column) {
            names.append(model.headerData(column, Qt::Horizontal).toString());
        }
        return names;
    }();
    CHECK(headers == QStringList{QStringLiteral("Massage type"),
                                 QStringLiteral("Required certification"),
                                 QStringLiteral("Pressure"), QStringLiteral("Room kind"),
                                 QStringLiteral("Cleanup"), QStringLiteral("Lengths and prices"),
                                 QStringLiteral("Active")});

    model.setMassageTypes({relaxation()});
    CHECK(model.rowCount() == 1);
    model.setMassageTypes({});
    CHECK(model.rowCount() == 0);
    CHECK(checker.problems().isEmpty());
}

TEST_CASE("Every pressure has a readable name", "[gui]")
{
    CHECK(MassageTypeTableModel::pressureText(Pressure::Medium) == QStringLiteral("Medium"));
    CHECK(MassageTypeTableModel::pressureText(Pressure::Deep) == QStringLiteral("Deep"));
}

TEST_CASE("MassageTypeTableModel updates rows in place on a reload, keeping the selection",
          "[gui][types]")
{
    MassageTypeTableModel model;
    masahista::test::ModelChecker checker(&model);
    MassageType swedish = thaiOil();
    swedish.id = 1;
    swedish.name = QStringLiteral("Swedish");
    MassageType deep = thaiOil();
    deep.id = 2;
    deep.name = QStringLiteral("Deep tissue");
    model.setMassageTypes({swedish, thaiOil(), deep});
    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.indexOf(3),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    // Swedish goes, two new ones come on either side of Thai oil, which is renamed.
    MassageType renamed = thaiOil();
    renamed.name = QStringLiteral("Thai oil");
    MassageType first = relaxation();
    first.id = 10;
    MassageType last = relaxation();
    last.id = 11;
    model.setMassageTypes({first, renamed, deep, last});
    CHECK(resets.isEmpty());
    CHECK(removed.count() == 1);
    CHECK(inserted.count() == 2);
    REQUIRE(model.rowCount() == 4);
    CHECK(model.typeAt(model.index(1, 0))->name == u"Thai oil");
    CHECK(selection.currentIndex().row() == 1); // still Thai oil
    CHECK(model.data(selection.currentIndex(), MassageTypeTableModel::TypeIdRole).toLongLong() ==
          3);
    CHECK(model.indexOf(11).row() == 3);
    CHECK_FALSE(model.indexOf(1).isValid());
    CHECK(model.typeAt(QModelIndex()) == nullptr);
    CHECK(model.data(model.index(0, 0), MassageTypeTableModel::ActiveRole).toBool() == false);
    CHECK(model.data(model.index(0, 0), Qt::ToolTipRole).toString() ==
          u"Relaxation is retired: kept with its history, no longer booked.");

    // A new order that insertions cannot express resets the model.
    model.setMassageTypes({deep, renamed});
    CHECK(resets.count() == 1);
    CHECK(model.typeAt(model.index(0, 0))->id == 2);
    CHECK(checker.problems().isEmpty());
}

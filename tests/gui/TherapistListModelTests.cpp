#include "GuiTestSupport.h"
#include "gui/models/TherapistListModel.h"
#include "support/TestSupport.h"

#include <QBrush>
#include <QColor>

#include <catch2/catch.hpp>

using masahista::Therapist;
using masahista::gui::TherapistListModel;

namespace {

Therapist therapist(masahista::Id id, const QString& name, const QString& color, bool active)
{
    Therapist value;
    value.id = id;
    value.displayName = name;
    value.title = QStringLiteral("Registered Massage Therapist");
    value.calendarColor = color;
    value.active = active;
    return value;
}

} // namespace

TEST_CASE("TherapistListModel shows names, colour swatches and greys out inactive therapists",
          "[gui]")
{
    TherapistListModel model;
    masahista::test::ModelChecker checker(&model);

    CHECK(model.rowCount() == 0);
    model.setTherapists(
        {therapist(7, QStringLiteral("Eden L"), QStringLiteral("#e91e63"), true),
         therapist(9, QStringLiteral("Rosa M"), QStringLiteral("#3f51b5"), false),
         therapist(11, QStringLiteral("No Colour"), QStringLiteral("blue-ish"), true)});

    REQUIRE(model.rowCount() == 3);
    CHECK(model.rowCount(model.index(0, 0)) == 0);
    const QModelIndex eden = model.index(0, 0);
    const QModelIndex rosa = model.index(1, 0);
    CHECK(model.data(eden).toString() == QStringLiteral("Eden L"));
    CHECK(model.data(eden, Qt::DecorationRole).value<QColor>() == QColor(0xe9, 0x1e, 0x63));
    CHECK(model.data(eden, TherapistListModel::TherapistIdRole).toLongLong() == 7);
    CHECK(model.data(eden, TherapistListModel::ActiveRole).toBool());
    CHECK_FALSE(model.data(eden, Qt::ForegroundRole).isValid());
    CHECK(model.data(eden, Qt::ToolTipRole).toString() ==
          QStringLiteral("Registered Massage Therapist"));

    CHECK(model.data(rosa).toString() == QStringLiteral("Rosa M"));
    CHECK_FALSE(model.data(rosa, TherapistListModel::ActiveRole).toBool());
    CHECK(model.data(rosa, Qt::ForegroundRole).canConvert<QBrush>());
    CHECK(model.data(rosa, Qt::ToolTipRole).toString().contains(QStringLiteral("inactive")));

    // A colour that does not parse gets no swatch rather than a black one.
    CHECK_FALSE(model.data(model.index(2, 0), Qt::DecorationRole).isValid());

    CHECK(model.headerData(0, Qt::Horizontal).toString() == QStringLiteral("Therapist"));
    CHECK(model.therapistAt(rosa)->id == 9);
    CHECK(model.therapistAt(QModelIndex()) == nullptr);
    CHECK_FALSE(model.data(model.index(3, 0)).isValid());

    model.setTherapists({});
    CHECK(model.rowCount() == 0);
    CHECK(checker.problems().isEmpty());
}

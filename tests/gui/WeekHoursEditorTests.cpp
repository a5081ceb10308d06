#include "gui/WeekHoursEditor.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimeEdit>
#include <QWidget>

#include <catch2/catch.hpp>

using masahista::FieldProblem;
using masahista::WeeklyInterval;
using masahista::gui::WeekHoursEditor;

namespace {

struct Editor
{
    QWidget contents;
    QGridLayout* grid = new QGridLayout(&contents);
    WeekHoursEditor* editor = nullptr;

    explicit Editor(WeekHoursEditor::EmptyDay emptyDay)
    {
        editor = new WeekHoursEditor(grid, &contents, emptyDay,
                                     {QStringLiteral("startEdit"), QStringLiteral("endEdit"),
                                      QStringLiteral("%1: starts at"),
                                      QStringLiteral("%1: ends at"), QStringLiteral("More")});
        contents.show();
    }

    QWidget* day(int weekday)
    {
        auto* found = contents.findChild<QWidget*>(QStringLiteral("hoursDay%1").arg(weekday));
        REQUIRE(found != nullptr);
        return found;
    }

    QPushButton* button(const QString& name)
    {
        auto* found = contents.findChild<QPushButton*>(name);
        REQUIRE(found != nullptr);
        return found;
    }
};

const QList<WeeklyInterval> splitMonday = {
    {1, 9 * 60, 12 * 60}, {1, 13 * 60, 24 * 60}, {3, 10 * 60, 18 * 60}};

} // namespace

TEST_CASE("A week of hours reads back as it was set, days off and closed days left out",
          "[gui][hours-editor]")
{
    for (const auto emptyDay :
         {WeekHoursEditor::EmptyDay::DayOff, WeekHoursEditor::EmptyDay::ClosedBox}) {
        Editor form(emptyDay);
        form.editor->setWeek(splitMonday);
        CHECK(form.editor->week() == splitMonday);
        // Midnight at the end of a day shows as 00:00 and still reads as 24:00.
        CHECK(form.day(1)->findChildren<QTimeEdit*>(QStringLiteral("endEdit")).at(1)->time() ==
              QTime(0, 0));
        CHECK(form.day(2)->findChildren<QTimeEdit*>().isEmpty());
    }
    Editor therapist(WeekHoursEditor::EmptyDay::DayOff);
    therapist.editor->setWeek(splitMonday);
    CHECK(therapist.day(2)->findChild<QLabel*>(QStringLiteral("dayOffLabel"))->isVisible());
    CHECK_FALSE(therapist.day(1)->findChild<QLabel*>(QStringLiteral("dayOffLabel"))->isVisible());
    Editor clinic(WeekHoursEditor::EmptyDay::ClosedBox);
    clinic.editor->setWeek(splitMonday);
    CHECK(clinic.contents.findChild<QCheckBox*>(QStringLiteral("closedBox2"))->isChecked());
    CHECK_FALSE(clinic.contents.findChild<QCheckBox*>(QStringLiteral("closedBox1"))->isChecked());
}

TEST_CASE("Adding, removing and opening a day each report a change", "[gui][hours-editor]")
{
    Editor clinic(WeekHoursEditor::EmptyDay::ClosedBox);
    clinic.editor->setWeek(splitMonday);
    QSignalSpy changed(clinic.editor, &WeekHoursEditor::changed);

    // After the last stretch: an hour's break, then three hours.
    clinic.button(QStringLiteral("addHoursButton3"))->click();
    CHECK(clinic.editor->week().last() == WeeklyInterval{3, 19 * 60, 22 * 60});
    CHECK(changed.count() == 1);

    // An open day keeps one stretch: its only Remove is off; with two, both are on.
    QList<QPushButton*> removes =
        clinic.day(3)->findChildren<QPushButton*>(QStringLiteral("removeHoursButton"));
    REQUIRE(removes.size() == 2);
    CHECK(removes.at(0)->isEnabled());
    removes.at(1)->click();
    CHECK(changed.count() == 2);
    removes = clinic.day(3)->findChildren<QPushButton*>(QStringLiteral("removeHoursButton"));
    REQUIRE(removes.size() == 1);
    CHECK_FALSE(removes.at(0)->isEnabled());

    // Opening a closed day starts from ordinary hours.
    clinic.contents.findChild<QCheckBox*>(QStringLiteral("closedBox2"))->setChecked(false);
    CHECK(changed.count() == 3);
    CHECK(clinic.editor->week().contains(WeeklyInterval{2, 9 * 60, 17 * 60}));

    // A therapist's day can be emptied, and is then a day off.
    Editor therapist(WeekHoursEditor::EmptyDay::DayOff);
    therapist.editor->setWeek(splitMonday);
    therapist.day(3)->findChild<QPushButton*>(QStringLiteral("removeHoursButton"))->click();
    CHECK(therapist.day(3)->findChild<QLabel*>(QStringLiteral("dayOffLabel"))->isVisible());
    CHECK(therapist.editor->week().size() == 2);
}

TEST_CASE("Each day's problem shows beneath that day", "[gui][hours-editor]")
{
    Editor form(WeekHoursEditor::EmptyDay::DayOff);
    form.editor->setWeek(splitMonday);
    const auto field = [](int weekday) {
        return QStringLiteral("day%1").arg(weekday);
    };
    CHECK(form.editor->showProblems({FieldProblem{QStringLiteral("day3"), QStringLiteral("Late.")}},
                                    field));
    auto* error = form.contents.findChild<QLabel*>(QStringLiteral("hoursError3"));
    CHECK(error->isVisible());
    CHECK(error->text() == u"Late.");
    CHECK_FALSE(form.contents.findChild<QLabel*>(QStringLiteral("hoursError1"))->isVisible());
    CHECK_FALSE(form.editor->showProblems({}, field));
    CHECK_FALSE(error->isVisible());
}

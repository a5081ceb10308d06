#include "gui/FormErrorLine.h"
#include "gui/PageMessageLine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QVBoxLayout>
#include <QWidget>

#include <catch2/catch.hpp>

#include <functional>

using masahista::gui::FormErrorLine;
using masahista::gui::PageMessageLine;

namespace {

// A form of every kind of field, and its red line.
struct Form
{
    QWidget widget;
    QLineEdit* line = new QLineEdit(&widget);
    QPlainTextEdit* text = new QPlainTextEdit(&widget);
    QComboBox* combo = new QComboBox(&widget);
    QSpinBox* spin = new QSpinBox(&widget);
    QDateEdit* date = new QDateEdit(QDate(2026, 12, 7), &widget);
    QCheckBox* check = new QCheckBox(QStringLiteral("Repeat"), &widget);
    QPushButton* save = new QPushButton(QStringLiteral("Save"), &widget);
    QLabel* error = new QLabel(&widget);
    FormErrorLine* errorLine = nullptr;

    Form()
    {
        combo->addItems({QStringLiteral("60 min"), QStringLiteral("90 min")});
        auto* layout = new QVBoxLayout(&widget);
        for (QWidget* field :
             std::initializer_list<QWidget*>{line, text, combo, spin, date, check, save, error}) {
            layout->addWidget(field);
        }
        errorLine = new FormErrorLine(error, &widget);
        widget.show();
    }
};

} // namespace

TEST_CASE("A failed save's red line goes with the user's next change to any field",
          "[gui][errorline]")
{
    const std::vector<std::pair<const char*, std::function<void(Form&)>>> edits = {
        {"typing",
         [](Form& form) {
             QTest::keyClicks(form.line, QStringLiteral("a"));
         }},
        {"a note",
         [](Form& form) {
             QTest::keyClicks(form.text, QStringLiteral("a"));
         }},
        {"a choice",
         [](Form& form) {
             QTest::keyClick(form.combo, Qt::Key_Down);
         }},
        {"a number",
         [](Form& form) {
             QTest::keyClick(form.spin, Qt::Key_Up);
         }},
        {"a date",
         [](Form& form) {
             QTest::keyClick(form.date, Qt::Key_Up);
         }},
        {"a tick",
         [](Form& form) {
             QTest::keyClick(form.check, Qt::Key_Space);
         }},
    };
    for (const auto& [what, edit] : edits) {
        INFO(what);
        Form form;
        form.errorLine->show(QStringLiteral("Slot taken: Ana is busy then."));
        CHECK(form.errorLine->isShown());
        CHECK(form.error->isVisible());
        edit(form);
        CHECK_FALSE(form.errorLine->isShown());
        CHECK_FALSE(form.error->isVisible());
    }
}

TEST_CASE("A red line stays while nobody changes the form, and a lasting one stays",
          "[gui][errorline]")
{
    Form form;
    form.errorLine->show(QStringLiteral("Slot taken: Ana is busy then."));
    // The form filling itself in after the failure is no edit of the user's.
    form.line->setText(QStringLiteral("Oksana"));
    form.combo->setCurrentIndex(1);
    QTest::keyClick(form.save, Qt::Key_Space);
    CHECK(form.error->isVisible());

    form.errorLine->show(QStringLiteral("The clinic's data could not be read."),
                         FormErrorLine::Until::Replaced);
    QTest::keyClicks(form.line, QStringLiteral("a"));
    CHECK(form.error->isVisible());
    form.errorLine->show(QStringLiteral("Slot taken."));
    QTest::keyClicks(form.line, QStringLiteral("b"));
    CHECK_FALSE(form.error->isVisible());
}

TEST_CASE("A page's message lasts as long as what it is about", "[gui][errorline]")
{
    QWidget page;
    auto* label = new QLabel(&page);
    PageMessageLine line(label);
    page.show();
    CHECK(line.text().isEmpty());

    line.show(QStringLiteral("The rooms could not be read: locked."),
              PageMessageLine::Kind::ReadProblem);
    line.movedOn();
    CHECK(line.text().startsWith(u"The rooms could not be read"));
    CHECK(label->styleSheet().contains(u"#c62828"));
    line.readSucceeded();
    CHECK(line.text().isEmpty());
    CHECK_FALSE(label->isVisible());

    line.show(QStringLiteral("Table B still has 1 booked appointment."),
              PageMessageLine::Kind::Refusal);
    line.readSucceeded();
    CHECK_FALSE(line.text().isEmpty());
    line.movedOn();
    CHECK(line.text().isEmpty());

    // The same row read again keeps a refusal about it; another row drops it.
    line.currentIs(7);
    line.show(QStringLiteral("Table B still has 1 booked appointment."),
              PageMessageLine::Kind::Refusal);
    line.currentIs(7);
    CHECK_FALSE(line.text().isEmpty());
    line.currentIs(8);
    CHECK(line.text().isEmpty());

    line.show(QStringLiteral("Added Garden room."), PageMessageLine::Kind::Report);
    line.movedOn();
    line.readSucceeded();
    CHECK(line.text() == u"Added Garden room.");
    CHECK(label->styleSheet().isEmpty());
}

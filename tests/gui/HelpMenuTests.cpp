#include "GuiTestSupport.h"
#include "booking/Clock.h"
#include "gui/MainWindow.h"
#include "gui/help/ShortcutsDialog.h"
#include "gui/help/UserGuideDialog.h"
#include "support/TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTextBrowser>
#include <QTimeZone>
#include <QTreeWidget>

#include <catch2/catch.hpp>

using masahista::gui::MainWindow;
using masahista::gui::ShortcutsDialog;
using masahista::gui::UserGuideDialog;

namespace {

const masahista::FixedClock& helpClock()
{
    static const masahista::FixedClock clock(
        QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
    return clock;
}

QString plain(QString text)
{
    return text.remove(QLatin1Char('&'));
}

QAction* helpAction(MainWindow& window, const QString& text)
{
    for (QAction* menuAction : window.menuBar()->actions()) {
        if (menuAction->menu() == nullptr || plain(menuAction->text()) != u"Help") {
            continue;
        }
        for (QAction* action : menuAction->menu()->actions()) {
            if (plain(action->text()) == text) {
                return action;
            }
        }
    }
    FAIL("Help has no item " << text.toStdString());
    return nullptr;
}

// Every row of the shortcuts list: its group, its text and its keys in portable text.
struct Row
{
    QString group;
    QString text;
    QStringList keys;
};

QList<Row> rowsOf(const ShortcutsDialog& dialog)
{
    auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("shortcutsTree"));
    REQUIRE(tree != nullptr);
    QList<Row> rows;
    for (int group = 0; group < tree->topLevelItemCount(); ++group) {
        const QTreeWidgetItem* groupItem = tree->topLevelItem(group);
        for (int index = 0; index < groupItem->childCount(); ++index) {
            const QTreeWidgetItem* item = groupItem->child(index);
            rows.append({groupItem->text(0), item->text(0),
                         item->data(1, ShortcutsDialog::portableRole).toStringList()});
        }
    }
    return rows;
}

QSet<QString> keysOf(const QList<Row>& rows)
{
    QSet<QString> keys;
    for (const Row& row : rows) {
        for (const QString& key : row.keys) {
            keys.insert(key);
        }
    }
    return keys;
}

ShortcutsDialog* openShortcuts(MainWindow& window)
{
    helpAction(window, QStringLiteral("Keyboard Shortcuts"))->trigger();
    auto* dialog = window.findChild<ShortcutsDialog*>();
    REQUIRE(dialog != nullptr);
    REQUIRE(dialog->isVisible());
    return dialog;
}

// The keys of README's key table, spelt as Qt's portable text spells them.
QStringList readmeKeys()
{
    QFile readme(QStringLiteral(MASAHISTA_SOURCE_DIR) + QStringLiteral("/README.md"));
    REQUIRE(readme.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(readme.readAll()).split(QLatin1Char('\n'));
    const qsizetype start = lines.indexOf(QStringLiteral("| key | action |"));
    REQUIRE(start >= 0);
    const QList<std::pair<QString, QString>> spellings = {
        {QStringLiteral("←"), QStringLiteral("Left")},
        {QStringLiteral("→"), QStringLiteral("Right")},
        {QStringLiteral("↑"), QStringLiteral("Up")},
        {QStringLiteral("↓"), QStringLiteral("Down")},
        {QStringLiteral("PgDn"), QStringLiteral("PgDown")},
        {QStringLiteral("Enter"), QStringLiteral("Return")},
        {QStringLiteral("Delete"), QStringLiteral("Del")},
    };
    QStringList keys;
    for (qsizetype index = start + 2; index < lines.size() && lines[index].startsWith(u'|');
         ++index) {
        const QString cell = lines[index].section(QLatin1Char('|'), 1, 1).trimmed();
        for (QString key : cell.split(QRegularExpression(QStringLiteral(" / |, | or ")))) {
            for (const auto& [shown, portable] : spellings) {
                key.replace(shown, portable);
            }
            keys.append(key.trimmed());
        }
    }
    REQUIRE(keys.size() > 10);
    return keys;
}

} // namespace

TEST_CASE("Help ▸ Keyboard Shortcuts lists every key of the window, read from its actions",
          "[gui][help]")
{
    auto database = masahista::test::memoryDatabase();
    MainWindow window(masahista::test::session(*database, helpClock()));
    ShortcutsDialog* dialog = openShortcuts(window);
    CHECK_FALSE(dialog->isModal());
    const QList<Row> rows = rowsOf(*dialog);

    // Every action of the window that has a key is listed with that key, My day's included
    // (its page is built for the list).
    int actionsWithKeys = 0;
    for (const QAction* action : window.findChildren<QAction*>()) {
        if (action->shortcuts().isEmpty()) {
            continue;
        }
        ++actionsWithKeys;
        const QString text = plain(action->text());
        const QString key = action->shortcut().toString(QKeySequence::PortableText);
        INFO(text.toStdString() << " " << key.toStdString());
        CHECK(std::any_of(rows.begin(), rows.end(), [&](const Row& row) {
            return row.text == text && row.keys.contains(key);
        }));
    }
    CHECK(actionsWithKeys >= 15);

    // Grouped by menu, and by tab for a page's own keys.
    const auto has = [&](const QString& group, const QString& text, const QString& key) {
        return std::any_of(rows.begin(), rows.end(), [&](const Row& row) {
            return row.group == group && row.text == text && row.keys.contains(key);
        });
    };
    CHECK(has(QStringLiteral("Day"), QStringLiteral("Find a time…"), QStringLiteral("Ctrl+N")));
    CHECK(has(QStringLiteral("Edit"), QStringLiteral("Undo"), QStringLiteral("Ctrl+Z")));
    CHECK(has(QStringLiteral("View"), QStringLiteral("Clinic week"), QStringLiteral("Ctrl+3")));
    CHECK(has(QStringLiteral("Help"), QStringLiteral("User Guide"),
              QKeySequence(QKeySequence::HelpContents).toString(QKeySequence::PortableText)));
    CHECK(has(QStringLiteral("My day"), QStringLiteral("Previous day"), QStringLiteral("PgUp")));
    // Keys handled inside the views and forms, which are no actions.
    CHECK(has(QStringLiteral("Day view"),
              QStringLiteral("Nearest appointment in the next therapist's column"),
              QStringLiteral("Shift+Right")));
    CHECK(has(QStringLiteral("Booking forms"), QStringLiteral("Save the booking dialog"),
              QStringLiteral("Ctrl+Return")));

    // An action listed in a menu is listed once, under its menu.
    const auto undoRows =
        std::count_if(rows.begin(), rows.end(), [](const Row& row) { return row.text == u"Undo"; });
    CHECK(undoRows == 1);

    // Asking again replaces the list rather than piling up windows.
    openShortcuts(window);
    QApplication::processEvents();
    CHECK(window.findChildren<ShortcutsDialog*>().size() == 1);
}

TEST_CASE("Every key of README's key table is in the shortcuts list", "[gui][help]")
{
    auto database = masahista::test::memoryDatabase();
    MainWindow window(masahista::test::session(*database, helpClock()));
    const QSet<QString> listed = keysOf(rowsOf(*openShortcuts(window)));
    for (const QString& key : readmeKeys()) {
        INFO(key.toStdString());
        CHECK(listed.contains(key));
    }
}

TEST_CASE("Help ▸ User Guide opens the guide from docs beside the window, on F1", "[gui][help]")
{
    auto database = masahista::test::memoryDatabase();
    MainWindow window(masahista::test::session(*database, helpClock()));
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));

    QAction* guide = helpAction(window, QStringLiteral("User Guide"));
    CHECK(guide->shortcut() == QKeySequence(QKeySequence::HelpContents));
    QTest::keySequence(&window, QKeySequence(QKeySequence::HelpContents));
    auto* dialog = window.findChild<UserGuideDialog*>();
    REQUIRE(dialog != nullptr);
    CHECK(dialog->isVisible());
    CHECK_FALSE(dialog->isModal());

    // The guide shown is the one in the source tree, every heading of it.
    QFile source(QStringLiteral(MASAHISTA_SOURCE_DIR) + QStringLiteral("/docs/user-guide.md"));
    REQUIRE(source.open(QIODevice::ReadOnly | QIODevice::Text));
    const QString markdown = QString::fromUtf8(source.readAll());
    CHECK(UserGuideDialog::guideMarkdown() == markdown);
    const QString shown =
        dialog->findChild<QTextBrowser*>(QStringLiteral("guideBrowser"))->toPlainText();
    int headings = 0;
    for (const QString& line : markdown.split(QLatin1Char('\n'))) {
        if (line.startsWith(u'#')) {
            ++headings;
            const QString heading = line.section(QLatin1Char(' '), 1);
            INFO(heading.toStdString());
            CHECK(shown.contains(heading));
        }
    }
    CHECK(headings >= 8);
    CHECK_FALSE(shown.contains(QStringLiteral("##")));

    // F1 again brings the same guide forward instead of a second one.
    guide->trigger();
    CHECK(window.findChildren<UserGuideDialog*>().size() == 1);
}

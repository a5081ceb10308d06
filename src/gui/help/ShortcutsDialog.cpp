#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace masahista::gui {

namespace {

const QString dialogName = QStringLiteral("shortcutsDialog");

QString plainText(const QString& text)
{
    QString plain = text;
    plain.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    plain.remove(QLatin1Char('&'));
    plain.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return plain;
}

// The tab an action's page sits in, or an empty text.
QString tabOf(const QAction* action)
{
    for (QObject* object = action->parent(); object != nullptr; object = object->parent()) {
        auto* widget = qobject_cast<QWidget*>(object);
        if (widget == nullptr) {
            continue;
        }
        auto* stack = qobject_cast<QStackedWidget*>(widget->parentWidget());
        auto* tabs = stack == nullptr ? nullptr : qobject_cast<QTabWidget*>(stack->parentWidget());
        if (tabs != nullptr && tabs->indexOf(widget) >= 0) {
            return plainText(tabs->tabText(tabs->indexOf(widget)));
        }
    }
    return {};
}

void addRow(QTreeWidgetItem* group, const QString& text, const QList<QKeySequence>& keys)
{
    QStringList native;
    QStringList portable;
    for (const QKeySequence& key : keys) {
        native.append(key.toString(QKeySequence::NativeText));
        portable.append(key.toString(QKeySequence::PortableText));
    }
    auto* item = new QTreeWidgetItem(group, {text, native.join(QStringLiteral(" / "))});
    item->setData(1, ShortcutsDialog::portableRole, portable);
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget* window, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(dialogName);
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("shortcutsTree"));
    m_tree->setHeaderLabels({tr("Action"), tr("Keys")});
    m_tree->setRootIsDecorated(false);
    m_tree->setItemsExpandable(false);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    addActions(window);
    addOtherKeys();
    m_tree->expandAll();
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tree);
    layout->addWidget(buttons);
    resize(620, 640);
}

QList<ShortcutsDialog::OtherKey> ShortcutsDialog::otherKeys()
{
    const QString day = tr("Day view");
    const QString clinicWeek = tr("Clinic week");
    const QString forms = tr("Booking forms");
    return {
        {day,
         {QStringLiteral("Up"), QStringLiteral("Down")},
         tr("Previous / next appointment in the therapist's column")},
        {day,
         {QStringLiteral("Home"), QStringLiteral("End")},
         tr("First / last appointment of the day in the column")},
        {day,
         {QStringLiteral("Shift+Left"), QStringLiteral("Shift+Right")},
         tr("Nearest appointment in the next therapist's column")},
        {day, {QStringLiteral("Return")}, tr("Change the selected appointment")},
        {day, {QStringLiteral("Esc")}, tr("Stop dragging a card (it goes back)")},
        {clinicWeek, {QStringLiteral("Left"), QStringLiteral("Right")}, tr("Previous / next day")},
        {clinicWeek,
         {QStringLiteral("Up"), QStringLiteral("Down")},
         tr("Previous / next therapist")},
        {clinicWeek,
         {QStringLiteral("Home"), QStringLiteral("End")},
         tr("First / last day of the week")},
        {clinicWeek, {QStringLiteral("Return")}, tr("Open the day")},
        {forms,
         {QStringLiteral("Up"), QStringLiteral("Down")},
         tr("In a client search: choose among the clients found")},
        {forms, {QStringLiteral("Return")}, tr("In a client search: pick the chosen client")},
        {forms, {QStringLiteral("Return")}, tr("In Find a time: book the chosen time")},
        {forms, {QStringLiteral("Ctrl+Return")}, tr("Save the booking dialog")},
    };
}

ShortcutsDialog* ShortcutsDialog::showFor(QWidget* window)
{
    delete window->findChild<ShortcutsDialog*>(dialogName, Qt::FindDirectChildrenOnly);
    auto* dialog = new ShortcutsDialog(window, window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void ShortcutsDialog::addActions(QWidget* window)
{
    QSet<const QAction*> listed;
    const auto addMenu = [&](const auto& self, const QMenu* menu, const QString& title) -> void {
        QTreeWidgetItem* group = nullptr;
        for (QAction* action : menu->actions()) {
            if (action->menu() != nullptr) {
                self(self, action->menu(),
                     title + QStringLiteral(" ▸ ") + plainText(action->menu()->title()));
                continue;
            }
            if (action->shortcuts().isEmpty() || listed.contains(action)) {
                continue;
            }
            listed.insert(action);
            if (group == nullptr) {
                group = new QTreeWidgetItem(m_tree, {title});
            }
            addRow(group, plainText(action->text()), action->shortcuts());
        }
    };
    if (auto* mainWindow = qobject_cast<QMainWindow*>(window)) {
        for (QAction* menuAction : mainWindow->menuBar()->actions()) {
            if (menuAction->menu() != nullptr) {
                addMenu(addMenu, menuAction->menu(), plainText(menuAction->menu()->title()));
            }
        }
    }
    // Keys that are in no menu: those of a page (My day's), grouped by its tab.
    QList<QTreeWidgetItem*> groups;
    for (QAction* action : window->findChildren<QAction*>()) {
        if (action->shortcuts().isEmpty() || listed.contains(action)) {
            continue;
        }
        listed.insert(action);
        const QString tab = tabOf(action);
        const QString title = tab.isEmpty() ? tr("Window") : tab;
        QTreeWidgetItem* group = nullptr;
        for (QTreeWidgetItem* candidate : groups) {
            if (candidate->text(0) == title) {
                group = candidate;
            }
        }
        if (group == nullptr) {
            group = new QTreeWidgetItem(m_tree, {title});
            groups.append(group);
        }
        addRow(group, plainText(action->text()), action->shortcuts());
    }
}

void ShortcutsDialog::addOtherKeys()
{
    QList<QTreeWidgetItem*> groups;
    for (const OtherKey& key : otherKeys()) {
        if (groups.isEmpty() || groups.last()->text(0) != key.area) {
            groups.append(new QTreeWidgetItem(m_tree, {key.area}));
        }
        QList<QKeySequence> sequences;
        for (const QString& text : key.keys) {
            sequences.append(QKeySequence::fromString(text, QKeySequence::PortableText));
        }
        addRow(groups.last(), key.action, sequences);
    }
}

} // namespace masahista::gui

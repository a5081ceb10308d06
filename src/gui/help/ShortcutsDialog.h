#pragma once

#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

class QTreeWidget;

namespace masahista::gui {

// Help ▸ Keyboard Shortcuts: every shortcut of a window, read from its actions when the
// dialog is built (so the list cannot drift from the keys that work), grouped by the menu
// that holds each action or else by the tab it belongs to; then the keys that are no actions
// (inside the calendar's views and the booking forms), from otherKeys().
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    // A key handled inside a widget rather than by an action. `keys` are in
    // QKeySequence::PortableText, each one a separate alternative.
    struct OtherKey
    {
        QString area;
        QStringList keys;
        QString action;
    };

    explicit ShortcutsDialog(QWidget* window, QWidget* parent = nullptr);

    // The one list of such keys; README's key table agrees with it.
    static QList<OtherKey> otherKeys();

    // Shows the shortcuts of `window`, read again from its actions, replacing a list already
    // open.
    static ShortcutsDialog* showFor(QWidget* window);

    // Items of the tree keep each shortcut's portable text in this role of column 1.
    static constexpr int portableRole = Qt::UserRole;

private:
    void addActions(QWidget* window);
    void addOtherKeys();

    QTreeWidget* m_tree = nullptr;
};

} // namespace masahista::gui

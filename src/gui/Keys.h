#pragma once

#include <QKeyEvent>

namespace masahista::gui {

// Return on the main keyboard or Enter on the keypad: the same key to the people at the desk.
inline bool isReturnKey(const QKeyEvent* event)
{
    return event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
}

} // namespace masahista::gui

#pragma once

#include <QString>

class QWidget;

namespace masahista::gui {

// What the user wants of a form closed with changes not saved.
enum class UnsavedChoice
{
    Save,
    Discard,
    Stay
};

// Asks, over `form`, whether to save the changes (offered only when the form `canSave`), drop
// them, or go back to the form; Escape or closing the question goes back.
UnsavedChoice askAboutUnsavedChanges(QWidget* form, const QString& question, bool canSave);

} // namespace masahista::gui

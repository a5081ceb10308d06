#pragma once

#include <QString>

class QDialog;
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

// A form's reject(): closes `form` at once when nothing is unsaved; otherwise asks, saves
// through the form's accept() when that is chosen (which closes it only when the save went
// through), and closes without saving on Discard.
void rejectAfterAsking(QDialog* form, bool hasUnsavedChanges, const QString& question,
                       bool canSave);

} // namespace masahista::gui

#include "UnsavedChanges.h"

#include <QCoreApplication>
#include <QDialog>
#include <QMessageBox>

namespace masahista::gui {

UnsavedChoice askAboutUnsavedChanges(QWidget* form, const QString& question, bool canSave)
{
    const QMessageBox::StandardButtons choices =
        canSave ? QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel
                : QMessageBox::Discard | QMessageBox::Cancel;
    const QMessageBox::StandardButton choice = QMessageBox::question(
        form, QCoreApplication::translate("UnsavedChanges", "Unsaved changes"), question, choices,
        QMessageBox::Cancel);
    if (choice == QMessageBox::Save) {
        return UnsavedChoice::Save;
    }
    return choice == QMessageBox::Discard ? UnsavedChoice::Discard : UnsavedChoice::Stay;
}

void rejectAfterAsking(QDialog* form, bool hasUnsavedChanges, const QString& question, bool canSave)
{
    if (hasUnsavedChanges) {
        switch (askAboutUnsavedChanges(form, question, canSave)) {
        case UnsavedChoice::Save:
            form->accept();
            return;
        case UnsavedChoice::Stay:
            return;
        case UnsavedChoice::Discard:
            break;
        }
    }
    // Not form->reject(): that is the caller, which asked.
    form->QDialog::reject();
}

} // namespace masahista::gui

#include "UnsavedChanges.h"

#include <QCoreApplication>
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

} // namespace masahista::gui

#include "ProblemColour.h"

#include <QLabel>
#include <QWidget>

namespace masahista::gui::ProblemColour {

QString name()
{
    return QStringLiteral("#c62828");
}

QString styleSheet()
{
    return QStringLiteral("color: %1;").arg(name());
}

void applyToMarked(QWidget* form)
{
    for (QLabel* label : form->findChildren<QLabel*>()) {
        // A form placed inside another (a dialog's tab) is reached by both forms' calls.
        if (label->property("problem").toBool() && !label->styleSheet().contains(styleSheet())) {
            label->setStyleSheet(label->styleSheet() + styleSheet());
        }
    }
}

} // namespace masahista::gui::ProblemColour

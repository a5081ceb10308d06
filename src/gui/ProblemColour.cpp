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
        if (label->property("problem").toBool()) {
            label->setStyleSheet(label->styleSheet() + styleSheet());
        }
    }
}

} // namespace masahista::gui::ProblemColour

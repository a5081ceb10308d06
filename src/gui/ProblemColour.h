#pragma once

#include <QString>

class QWidget;

namespace masahista::gui::ProblemColour {

// The one red of the app's problems and refusals: field errors, refused actions, health
// alerts, a stale backup.
QString name();
// The style sheet that colours a label's text with it.
QString styleSheet();
// Colours every label under `form` that its .ui marks with the property problem=true (added
// to any style the label has of its own), once however often it is called. Called after
// setupUi().
void applyToMarked(QWidget* form);

} // namespace masahista::gui::ProblemColour

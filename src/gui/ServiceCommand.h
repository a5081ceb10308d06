#pragma once

#include <QString>
#include <QUndoCommand>

#include <functional>

namespace masahista::gui {

// One step of the front desk's that Undo can take back: a booking, move, resize, cancellation
// or change of status. Both directions are calls to the booking service, so an undo that
// would now collide with a newer booking, or that another desk has overtaken, is refused like
// any other change; such a step is then dropped from the stack.
class ServiceCommand final : public QUndoCommand
{
public:
    // Carries out one direction; returns the service's refusal, or an empty string.
    using Step = std::function<QString()>;
    // Hears how an undo (`undone`) or redo went: an empty refusal means it was done.
    using Reporter = std::function<void(const QString& refusal, bool undone)>;

    // The step has already been done when the command is pushed.
    ServiceCommand(const QString& text, Step undo, Step redo, Reporter reporter);

    void undo() override;
    void redo() override;

private:
    void run(const Step& step, bool undoing);

    Step m_undo;
    Step m_redo;
    Reporter m_reporter;
    bool m_alreadyDone = true;
};

} // namespace masahista::gui

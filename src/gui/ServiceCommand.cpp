#include "ServiceCommand.h"

namespace masahista::gui {

ServiceCommand::ServiceCommand(const QString& text, Step undo, Step redo, Reporter reporter)
    : QUndoCommand(text)
    , m_undo(std::move(undo))
    , m_redo(std::move(redo))
    , m_reporter(std::move(reporter))
{}

void ServiceCommand::undo()
{
    run(m_undo, true);
}

void ServiceCommand::redo()
{
    // QUndoStack::push() calls redo() at once, but the step was done before it was pushed.
    if (m_alreadyDone) {
        m_alreadyDone = false;
        return;
    }
    run(m_redo, false);
}

void ServiceCommand::run(const Step& step, bool undoing)
{
    const QString refusal = step();
    if (!refusal.isEmpty()) {
        // In the user's eyes the stack stays where it was; this step can no longer be replayed.
        setObsolete(true);
    }
    m_reporter(refusal, undoing);
}

} // namespace masahista::gui

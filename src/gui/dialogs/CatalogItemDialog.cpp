#include "CatalogItemDialog.h"

#include "UnsavedChanges.h"
#include "gui/FormErrorLine.h"
#include "gui/ProblemColour.h"

#include <QLabel>
#include <QPushButton>

#include <utility>

namespace masahista::gui {

CatalogItemDialog::CatalogItemDialog(QWidget* parent)
    : QDialog(parent)
{}

void CatalogItemDialog::setUp(QLabel* errorLabel, QPushButton* saveButton, QString unsavedQuestion)
{
    ProblemColour::applyToMarked(this);
    errorLabel->hide();
    m_errorLine = new FormErrorLine(errorLabel, this);
    m_saveButton = saveButton;
    m_unsavedQuestion = std::move(unsavedQuestion);
}

void CatalogItemDialog::loaded(bool ready)
{
    m_ready = ready;
    m_initialState = formState();
    revalidate();
}

void CatalogItemDialog::showLoadProblem(const QString& message)
{
    m_errorLine->show(message, FormErrorLine::Until::Replaced);
}

void CatalogItemDialog::revalidate()
{
    if (!m_ready) {
        m_saveButton->setEnabled(false);
        return;
    }
    m_problems = check();
    showProblems(m_problems);
    m_saveButton->setEnabled(m_problems.isEmpty() && (!editsExisting() || hasUnsavedChanges()));
}

bool CatalogItemDialog::hasUnsavedChanges() const
{
    return m_ready && formState() != m_initialState;
}

void CatalogItemDialog::accept()
{
    if (!m_ready) {
        return;
    }
    if (editsExisting() && !hasUnsavedChanges()) {
        QDialog::accept();
        return;
    }
    revalidate();
    if (!m_problems.isEmpty()) {
        return;
    }
    const Result<Id> saved = save();
    if (!saved) {
        rereadOthers();
        revalidate();
        m_errorLine->show(saved.error().message);
        return;
    }
    m_savedId = *saved;
    QDialog::accept();
}

void CatalogItemDialog::reject()
{
    rejectAfterAsking(this, hasUnsavedChanges(), m_unsavedQuestion, m_saveButton->isEnabled());
}

} // namespace masahista::gui

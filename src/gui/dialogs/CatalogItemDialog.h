#pragma once

#include "booking/catalogue/FieldProblem.h"
#include "domain/Id.h"
#include "domain/Result.h"

#include <QDialog>
#include <QString>
#include <QStringList>

class QLabel;
class QPushButton;

namespace masahista::gui {

class FormErrorLine;

// What the massage type and room forms share: one item of the clinic's catalogue, loaded
// beside the others it must not clash with and saved through its service. Save stays off
// until the form is right (and, for an existing item, changed); a refusal keeps the form open
// with the reason and the others read again, since another desk may have taken the name
// meanwhile. Escape, Cancel and closing write nothing, and ask first when there are unsaved
// changes. A form whose clinic could not be read shows why and offers only Cancel.
class CatalogItemDialog : public QDialog
{
    Q_OBJECT

public:
    // What is wrong with the form now, as shown next to the fields.
    const FieldProblems& problems() const { return m_problems; }
    bool hasUnsavedChanges() const;
    // After accept(): the id of the item saved.
    Id savedId() const { return m_savedId; }

public Q_SLOTS:
    // Saves, and closes only when the save went through.
    void accept() override;
    // Asks before throwing away unsaved changes.
    void reject() override;

protected:
    explicit CatalogItemDialog(QWidget* parent);

    // Called by the form's constructor once its widgets are built: the line for refusals.
    void setUp(QLabel* errorLabel, QPushButton* saveButton, QString unsavedQuestion);
    // Called once the form is filled: `ready` false when there is nothing to edit.
    void loaded(bool ready);
    bool isReady() const { return m_ready; }
    // A problem reading the form's own data; no edit can cure it.
    void showLoadProblem(const QString& message);
    // Checks the form and shows what is wrong; Save follows.
    void revalidate();

    // Every field as text, to tell whether anything changed since the form was filled.
    virtual QStringList formState() const = 0;
    // The service's verdict on the form as it stands, and showing it by the fields.
    virtual FieldProblems check() const = 0;
    virtual void showProblems(const FieldProblems& problems) = 0;
    virtual bool editsExisting() const = 0;
    virtual Result<Id> save() = 0;
    // Reads the others again after a refusal, so the fields judge against what is stored.
    virtual void rereadOthers() = 0;

private:
    FormErrorLine* m_errorLine = nullptr;
    QPushButton* m_saveButton = nullptr;
    QString m_unsavedQuestion;
    bool m_ready = false;
    FieldProblems m_problems;
    QStringList m_initialState;
    Id m_savedId = 0;
};

} // namespace masahista::gui

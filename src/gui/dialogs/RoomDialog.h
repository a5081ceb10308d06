#pragma once

#include "booking/Actor.h"
#include "booking/FieldProblem.h"
#include "domain/Room.h"

#include <QDialog>
#include <QList>
#include <QStringList>

#include <memory>

namespace Ui {
class RoomDialog;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

class FormErrorLine;

// Adds or edits one treatment room: its name, its kind and whether it is in use. The fields
// are checked as they are typed by the booking layer's rules (RoomService), with the problem
// under the field; Save stays disabled until there is none (and, for an existing room, until
// something changed). A refusal (bookings to come that the change would strand, a name
// another desk took meanwhile) keeps the dialog open with the reason. Escape, Cancel and
// closing the window write nothing, and ask first when there are unsaved changes.
class RoomDialog final : public QDialog
{
    Q_OBJECT

public:
    // roomId 0 adds a new room.
    RoomDialog(Clinic& clinic, Id roomId, QWidget* parent = nullptr);
    ~RoomDialog() override;

    // The room as the form says it now.
    Room enteredRoom() const;
    // What is wrong with the form now, as shown next to the fields.
    const FieldProblems& problems() const { return m_problems; }
    bool hasUnsavedChanges() const;
    // After accept(): the id of the room saved.
    Id savedId() const { return m_savedId; }

public Q_SLOTS:
    // Saves, and closes only when the save went through.
    void accept() override;
    // Asks before throwing away unsaved changes.
    void reject() override;

private:
    bool load(Id roomId);
    void revalidate();
    void showError(const QString& message);
    QStringList formState() const;

    std::unique_ptr<Ui::RoomDialog> m_ui;
    FormErrorLine* m_errorLine = nullptr;
    Clinic& m_clinic;
    Room m_loaded; // as stored (id 0 for a new room)
    QList<Room> m_others;
    bool m_ready = false; // false when the rooms could not be read: nothing can be saved
    FieldProblems m_problems;
    QStringList m_initialState;
    Id m_savedId = 0;
};

} // namespace masahista::gui

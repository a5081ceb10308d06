#pragma once

#include "CatalogItemDialog.h"
#include "booking/Actor.h"
#include "booking/catalogue/FieldProblem.h"
#include "domain/Room.h"

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

// Adds or edits one treatment room: its name, its kind and whether it is in use. The fields
// are checked as they are typed by the booking layer's rules (RoomService), with the problem
// under the field; Save stays disabled until there is none (and, for an existing room, until
// something changed). A refusal (bookings to come that the change would strand, a name
// another desk took meanwhile) keeps the dialog open with the reason. Escape, Cancel and
// closing the window write nothing, and ask first when there are unsaved changes.
class RoomDialog final : public CatalogItemDialog
{
    Q_OBJECT

public:
    // roomId 0 adds a new room.
    RoomDialog(Clinic& clinic, Id roomId, QWidget* parent = nullptr);
    ~RoomDialog() override;

    // The room as the form says it now.
    Room enteredRoom() const;

private:
    bool load(Id roomId);
    QStringList formState() const override;
    FieldProblems check() const override;
    void showProblems(const FieldProblems& problems) override;
    bool editsExisting() const override;
    Result<Id> save() override;
    void rereadOthers() override;

    std::unique_ptr<Ui::RoomDialog> m_ui;
    Clinic& m_clinic;
    Room m_loaded; // as stored (id 0 for a new room)
    QList<Room> m_others;
};

} // namespace masahista::gui

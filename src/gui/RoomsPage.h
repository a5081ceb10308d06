#pragma once

#include "booking/Actor.h"
#include "domain/Id.h"

#include <QStringList>
#include <QWidget>

#include <memory>

namespace Ui {
class RoomsPage;
}

namespace masahista {
class Clinic;
class FutureBookings;
} // namespace masahista

namespace masahista::gui {

class BlockingList;
class PageMessageLine;

class DatabaseWatcher;
class RoomTableModel;

// The clinic's treatment rooms, for the owner to set up: the list with each room's kind, and
// New, Edit (also Enter or a double-click) and Retire / Reactivate. Retired rooms are hidden
// unless "Show retired" is ticked. Retiring a room that still has bookings to come is refused,
// and those bookings are listed on the page (date, time, client, therapist) for the desk to
// move first. The list follows changes made elsewhere and reloads whenever the page is shown.
class RoomsPage final : public QWidget
{
    Q_OBJECT

public:
    RoomsPage(Clinic& clinic, QWidget* parent = nullptr);
    ~RoomsPage() override;

    void reload();
    RoomTableModel* model() const { return m_model; }

    // 0 when nothing is selected.
    Id selectedRoomId() const;
    // Selects the room's row when it is shown; false otherwise.
    bool selectRoom(Id roomId);

    // Open the editor (modal) for a new room or the selected one; true when it saved.
    bool addRoom();
    bool editSelectedRoom();
    // Retires the selected room, or reactivates it when it is retired.
    void toggleSelectedActive();

    // The line above the list: what was done, or why not; empty when there is none.
    QString message() const;
    // The bookings listed after a refused retirement, one line each; empty when none are.
    QStringList blockingLines() const;

Q_SIGNALS:
    // A room was added, changed, retired or reactivated here: other views (the calendar, the
    // booking dialog) should read the rooms again. Our own writes do not reach the
    // DatabaseWatcher, which only sees other connections.
    void catalogChanged();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void updateButtons();
    void showMessage(const QString& text, bool problem);

    std::unique_ptr<Ui::RoomsPage> m_ui;
    Clinic& m_clinic;
    RoomTableModel* m_model = nullptr;
    DatabaseWatcher* m_watcher = nullptr;
    PageMessageLine* m_messageLine = nullptr;
    BlockingList* m_blocking = nullptr;
};

} // namespace masahista::gui

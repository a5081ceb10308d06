#pragma once

#include "booking/Actor.h"
#include "domain/Id.h"
#include "domain/Therapist.h"

#include <QDate>
#include <QList>
#include <QSet>
#include <QTimeZone>
#include <QWidget>

#include <memory>

class QModelIndex;

namespace Ui {
class MassageTypesPage;
}

namespace masahista {
class Clinic;
class FutureBookings;
} // namespace masahista

namespace masahista::gui {

class BlockingList;
class PageMessageLine;

class DatabaseWatcher;
class MassageTypeTableModel;

// The massage types the clinic offers, for the owner to set up: the list with each type's
// colour, requirements and lengths with prices, the selected type's details with who can
// perform it today, and New, Edit (also Enter or a double-click) and Retire / Reactivate.
// Retired types are hidden unless "Show retired" is ticked. A retirement that bookings still
// to come stand in the way of is refused, and those bookings are listed on the page for the
// desk to change first. The list follows changes made elsewhere (another window, the command
// line) and reloads whenever the page is shown.
class MassageTypesPage final : public QWidget
{
    Q_OBJECT

public:
    MassageTypesPage(Clinic& clinic, QWidget* parent = nullptr);
    ~MassageTypesPage() override;

    void reload();
    MassageTypeTableModel* model() const { return m_model; }

    // 0 when nothing is selected.
    Id selectedTypeId() const;
    // Selects the type's row when it is shown; false otherwise.
    bool selectType(Id typeId);

    // Open the editor (modal) for a new type or the selected one; true when it saved.
    bool addType();
    bool editSelectedType();
    // Retires the selected type, or reactivates it when it is retired.
    void toggleSelectedActive();

    // The line above the list: what was done, or why not; empty when there is none.
    QString message() const;
    // The bookings listed after a refused retirement, one line each; empty when none are.
    QStringList blockingLines() const;
    // "Can perform today: Ana, Cara", or why nobody can.
    QString therapistsText() const;

Q_SIGNALS:
    // A type was added, changed, retired or reactivated here: other views (the calendar, the
    // booking dialog) should read the massage types again. Our own writes do not reach the
    // DatabaseWatcher, which only sees other connections.
    void catalogChanged();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showDetails();
    void updateButtons();
    void showMessage(const QString& text, bool problem);
    QDate today() const;

    std::unique_ptr<Ui::MassageTypesPage> m_ui;
    Clinic& m_clinic;
    MassageTypeTableModel* m_model = nullptr;
    DatabaseWatcher* m_watcher = nullptr;
    QTimeZone m_zone;
    QList<Therapist> m_therapists; // active ones, for who is qualified
    QSet<Id> m_workingToday;       // who has bookable time today
    PageMessageLine* m_messageLine = nullptr;
    BlockingList* m_blocking = nullptr;
};

} // namespace masahista::gui

#pragma once

#include "booking/Actor.h"
#include "domain/Id.h"
#include "domain/Therapist.h"
#include "domain/WorkingHours.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QWidget>

#include <memory>

namespace Ui {
class TherapistsPage;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

class PageMessageLine;

class DatabaseWatcher;
class TherapistListModel;

// The clinic's therapists for the owner: the list (photo, name, title, role; retired ones on
// request) beside the selected therapist's profile as the clinic's web page shows it, with
// New…, Edit… (also Enter or a double-click), Retire / Reactivate and "Hours and time off…".
// Therapists are never deleted: retiring keeps their history and is refused, with the list,
// while appointments are booked with them. The list reloads, keeping the selection, after each
// change made here, when another process changes the database, and when the page is shown.
class TherapistsPage final : public QWidget
{
    Q_OBJECT

public:
    TherapistsPage(Clinic& clinic, QWidget* parent = nullptr);
    ~TherapistsPage() override;

    // Reads the therapists and their weekly hours again, keeping the selected one.
    void reload();
    TherapistListModel* model() const { return m_model; }
    // 0 when none is selected.
    Id currentTherapistId() const;
    // Selects the therapist, showing retired ones if needed; false if there is no such one.
    bool selectTherapist(Id therapistId);
    // A refusal or a problem reading the database, or what a retirement did; empty if none.
    QString message() const;

public Q_SLOTS:
    // Each opens the therapist editor (modal); a save reloads the list and selects the one saved.
    void newTherapist();
    void editCurrentTherapist();
    // Retires the selected therapist, or reactivates a retired one.
    void toggleRetired();

Q_SIGNALS:
    // "Hours and time off…" was pressed for this therapist; the window opens the hours dialog
    // and calls reload() after it saved.
    void hoursRequested(masahista::Id therapistId);
    // A therapist was added, changed, retired or reactivated on this page: other views that
    // list therapists (the calendar, the booking dialog's choices) should read them again.
    void therapistsChanged();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void openEditor(Id therapistId);
    // Shows the loaded therapists, retired ones only if asked, keeping the selected one.
    void showList(Id keepTherapistId);
    void showCurrent();
    void showMessage(const QString& text, bool isProblem);

    std::unique_ptr<Ui::TherapistsPage> m_ui;
    Clinic& m_clinic;
    TherapistListModel* m_model = nullptr;
    DatabaseWatcher* m_watcher = nullptr;
    // Every therapist, retired ones included; the model holds those shown.
    QList<Therapist> m_all;
    QHash<Id, QList<WeeklyInterval>> m_weeklyHours;
    PageMessageLine* m_messageLine = nullptr;
};

} // namespace masahista::gui

#pragma once

#include "booking/Actor.h"
#include "booking/catalogue/FieldProblem.h"
#include "booking/catalogue/HoursService.h"

#include <QDate>
#include <QDialog>
#include <QList>

#include <array>
#include <functional>
#include <memory>

class QCheckBox;
class QDateTimeEdit;

namespace Ui {
class HoursDialog;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

class WeekHoursEditor;

// One therapist's weekly working hours (several intervals a day, a day copied to others) and
// time off, for the owner. Each field is checked as it changes, next to it; booked
// appointments a change would strand are listed in the dialog, and Save stays disabled until
// the form is valid and strands nothing. Save writes hours and time off in one transaction
// through HoursService, which checks again under the write lock.
class HoursDialog final : public QDialog
{
    Q_OBJECT

public:
    HoursDialog(Clinic& clinic, Id therapistId, QWidget* parent = nullptr);
    ~HoursDialog() override;

    // The week as the form shows it; an end of 00:00 is read as 24:00.
    QList<WeeklyInterval> formHours() const;
    // The time off as the form shows it; new entries have id 0.
    // What saving the form would change, compared with what was loaded.
    ScheduleChange formChange() const;
    bool hasUnsavedChanges() const;

    // Saves and closes, or shows why not (the dialog stays open).
    void accept() override;
    // Closes without writing; with unsaved changes, asks first.
    void reject() override;

Q_SIGNALS:
    // After a successful save, so that the calendar can show the new hours.
    void hoursSaved(masahista::Id therapistId);
    // A listed appointment was double-clicked (or Enter pressed on it), for the window to show
    // its clinic-local day so that it can be moved. The dialog stays open.
    void appointmentActivated(masahista::Id appointmentId, QDate localDate);

private:
    void buildHoursTab();
    void copyDay();

    void addTimeOff();
    void removeTimeOff();
    void showTimeOffRow(int row);
    void selectTimeOff(int row);
    // Applies one field's edit to the selected time off.
    void editTimeOff(const std::function<void(TimeOff&)>& edit);
    QDateTime fromEditor(const QDateTime& shown) const;
    void showInEditor(QDateTimeEdit* edit, const QDateTime& instant) const;

    void showSchedule();
    void revalidate();
    void showProblems(const FieldProblems& hoursProblems, bool timeOffValid);
    void showStranded(const QList<CalendarEntry>& stranded);
    void showError(const QString& message);

    std::unique_ptr<Ui::HoursDialog> m_ui;
    Clinic& m_clinic;
    Id m_therapistId = 0;
    TherapistSchedule m_loaded;
    bool m_loadedOk = false;
    WeekHoursEditor* m_hours = nullptr;
    // Where the hours of the day chosen in "Copy from" go; ISO weekdays 1..7 at 0..6.
    std::array<QCheckBox*, 7> m_copyTo{};
    // The time off as edited, one per table row.
    QList<TimeOff> m_timeOff;
    // Set while the form is being filled, so that filling it is not taken for editing.
    bool m_filling = false;
};

} // namespace masahista::gui

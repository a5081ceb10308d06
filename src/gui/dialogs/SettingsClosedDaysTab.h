#pragma once

#include "booking/catalogue/FieldProblem.h"
#include "domain/ClinicSettings.h"

#include <QDate>
#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class SettingsClosedDaysTab;
}

namespace masahista::gui {

// The days the whole clinic is closed, a row each with its date and reason: added one at a
// time or as Alberta's general holidays of a year, and removed. Shows the list's problem under
// it and emits changed() for every edit by the user.
class SettingsClosedDaysTab final : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsClosedDaysTab(QWidget* parent = nullptr);
    ~SettingsClosedDaysTab() override;

    // Where the clinic's today comes from, the first day a new row offers: the time zone that
    // decides it is on another tab and may be edited.
    void setClinicToday(std::function<QDate()> clinicToday);

    // A row for each of the settings' closed days; the holidays offered are `holidayYear`'s.
    void fill(const ClinicSettings& settings, int holidayYear);
    // The closed days as the rows show them now.
    void writeInto(ClinicSettings& settings) const;

    // Shows the problem of `problems` about the closed days under the list; true if there is.
    bool showProblems(const FieldProblems& problems);

Q_SIGNALS:
    void changed();

private:
    void reportChange();
    // The dates the rows show now.
    QSet<QDate> listedDates() const;
    void addClosedDay(const ClosedDay& day);
    // The clinic's today, or the first day after it that is not listed yet, as a new row.
    void addNextFreeDay();
    // Alberta's general holidays of the chosen year, those not listed yet.
    void addAlbertaHolidays();
    void removeChosenRows();

    std::unique_ptr<Ui::SettingsClosedDaysTab> m_ui;
    std::function<QDate()> m_clinicToday;
    bool m_filling = false; // the rows being set by code: their signals are not the user's
};

} // namespace masahista::gui

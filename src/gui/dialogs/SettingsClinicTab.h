#pragma once

#include "booking/catalogue/FieldProblem.h"
#include "domain/ClinicSettings.h"

#include <QString>
#include <QWidget>

#include <memory>

namespace Ui {
class SettingsClinicTab;
}

namespace masahista::gui {

// The clinic settings' own details: name, address, phone, time zone, booking grid and
// late-cancel window. Shows the problems of its fields beside them, and the warning (with the
// box that accepts it) of a time zone change that would move booked appointments; emits
// changed() for every edit by the user.
class SettingsClinicTab final : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsClinicTab(QWidget* parent = nullptr);
    ~SettingsClinicTab() override;

    // Shows the settings' details, and no time zone change as accepted.
    void fill(const ClinicSettings& settings);
    // The details as the fields show them now.
    void writeInto(ClinicSettings& settings) const;
    // The time zone as typed, before normalizing.
    QString timeZoneId() const;

    // Shows each of `problems` about the details beside its field; true if there is any.
    bool showProblems(const FieldProblems& problems);
    // Shows what a time zone change would do to booked appointments, with the box that accepts
    // it; an empty `warning` hides both and takes back an acceptance given to an earlier one.
    void showZoneWarning(const QString& warning);
    // Whether the user ticked the box that accepts the time zone change.
    bool zoneChangeAccepted() const;

Q_SIGNALS:
    void changed();

private:
    void reportChange();
    // Shows the phone in the one format it will be stored in, once the user moves on.
    void tidyPhone();

    std::unique_ptr<Ui::SettingsClinicTab> m_ui;
    bool m_filling = false; // the fields being set by code: their signals are not the user's
};

} // namespace masahista::gui

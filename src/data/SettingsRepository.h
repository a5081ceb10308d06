#pragma once

#include "Database.h"
#include "domain/ClinicSettings.h"
#include "domain/Result.h"

#include <QCoreApplication>

namespace masahista {

// The clinic's own details, opening hours and closed days (one clinic per database).
class SettingsRepository
{
    Q_DECLARE_TR_FUNCTIONS(SettingsRepository)

public:
    explicit SettingsRepository(Database& database)
        : m_database(database)
    {}

    Result<ClinicSettings> load();
    // Leaves ClinicSettings::madeUp as it is.
    Status save(const ClinicSettings& settings);
    // The clinic's data is made up (the demo): ClinicSettings::madeUp from now on.
    Status markMadeUp();
    // True while the database holds no therapists, massage types, rooms, clients or
    // appointments: a clinic that has not been set up yet.
    Result<bool> isClinicEmpty();

private:
    Database& m_database;
};

} // namespace masahista

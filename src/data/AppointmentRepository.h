#pragma once

#include "Database.h"
#include "domain/Appointment.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace masahista {

struct AppointmentChange
{
    Id appointmentId = 0;
    QDateTime changedUtc;
    QString actor; // who did it; a free label until staff accounts exist
    QString action;
    QString details;
};

// Appointments and their history. The database's triggers refuse overlapping active
// appointments of one therapist or room even if a caller skipped the booking rules.
class AppointmentRepository
{
    Q_DECLARE_TR_FUNCTIONS(AppointmentRepository)

public:
    explicit AppointmentRepository(Database& database)
        : m_database(database)
    {}

    Result<Id> add(const Appointment& appointment);
    Status update(const Appointment& appointment);
    Result<Appointment> byId(Id id);
    // Appointments (any status) whose time overlaps [fromUtc, toUtc), ordered by start.
    Result<QList<Appointment>> between(const QDateTime& fromUtc, const QDateTime& toUtc);
    Result<qint64> count();

    Status addChange(const AppointmentChange& change);
    Result<QList<AppointmentChange>> history(Id appointmentId);

private:
    Database& m_database;
};

} // namespace masahista

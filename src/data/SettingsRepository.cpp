#include "SettingsRepository.h"

#include "SqlQuery.h"
#include "WriteTransaction.h"

namespace masahista {

Result<ClinicSettings> SettingsRepository::load()
{
    const QString doing = tr("reading the clinic settings");
    SqlQuery query(m_database, QStringLiteral("SELECT name, address, phone, time_zone, "
                                              "booking_step_minutes, late_cancel_hours, "
                                              "backup_folder, made_up FROM clinic_settings "
                                              "WHERE id = 1"));
    if (Status status = query.exec(doing); !status) {
        return status.error();
    }
    ClinicSettings settings;
    if (query.next()) {
        settings.name = query.text(0);
        settings.address = query.text(1);
        settings.phone = query.text(2);
        settings.timeZoneId = query.text(3);
        settings.bookingStepMinutes = static_cast<int>(query.integer(4));
        settings.lateCancelHours = static_cast<int>(query.integer(5));
        settings.backupFolder = query.text(6);
        settings.madeUp = query.integer(7) != 0;
    }

    SqlQuery hours(m_database, QStringLiteral("SELECT weekday, start_minute, end_minute FROM "
                                              "clinic_hours ORDER BY weekday, start_minute"));
    if (Status status = hours.exec(doing); !status) {
        return status.error();
    }
    while (hours.next()) {
        settings.openingHours.append({static_cast<int>(hours.integer(0)),
                                      static_cast<int>(hours.integer(1)),
                                      static_cast<int>(hours.integer(2))});
    }

    SqlQuery closed(m_database, QStringLiteral("SELECT closed_on, reason FROM "
                                               "clinic_closed_days ORDER BY closed_on"));
    if (Status status = closed.exec(doing); !status) {
        return status.error();
    }
    while (closed.next()) {
        settings.closedDays.append({closed.date(0), closed.text(1)});
    }
    return settings;
}

Status SettingsRepository::save(const ClinicSettings& settings)
{
    const QString doing = tr("saving the clinic settings");
    Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
    if (!transaction) {
        return transaction.error();
    }
    SqlQuery update(m_database,
                    QStringLiteral("UPDATE clinic_settings SET name = :name, address = :address, "
                                   "phone = :phone, time_zone = :zone, booking_step_minutes = "
                                   ":step, late_cancel_hours = :late, backup_folder = "
                                   ":backups WHERE id = 1"));
    update.bind(QStringLiteral(":name"), settings.name)
        .bind(QStringLiteral(":address"), settings.address)
        .bind(QStringLiteral(":phone"), settings.phone)
        .bind(QStringLiteral(":zone"), settings.timeZoneId)
        .bind(QStringLiteral(":step"), settings.bookingStepMinutes)
        .bind(QStringLiteral(":late"), settings.lateCancelHours)
        .bind(QStringLiteral(":backups"), settings.backupFolder);
    if (Status status = update.exec(doing); !status) {
        return status;
    }
    for (const QString& sql : {QStringLiteral("DELETE FROM clinic_hours"),
                               QStringLiteral("DELETE FROM clinic_closed_days")}) {
        SqlQuery clear(m_database, sql);
        if (Status status = clear.exec(doing); !status) {
            return status;
        }
    }
    for (const WeeklyInterval& interval : settings.openingHours) {
        SqlQuery insert(m_database, QStringLiteral("INSERT INTO clinic_hours (weekday, "
                                                   "start_minute, end_minute) VALUES (:weekday, "
                                                   ":start, :end)"));
        insert.bind(QStringLiteral(":weekday"), interval.weekday)
            .bind(QStringLiteral(":start"), interval.startMinute)
            .bind(QStringLiteral(":end"), interval.endMinute);
        if (Status status = insert.exec(doing); !status) {
            return status;
        }
    }
    for (const ClosedDay& day : settings.closedDays) {
        SqlQuery insert(m_database, QStringLiteral("INSERT INTO clinic_closed_days (closed_on, "
                                                   "reason) VALUES (:day, :reason)"));
        insert.bind(QStringLiteral(":day"), day.date).bind(QStringLiteral(":reason"), day.reason);
        if (Status status = insert.exec(doing); !status) {
            return status;
        }
    }
    return transaction->commit();
}

Status SettingsRepository::markMadeUp()
{
    SqlQuery update(m_database,
                    QStringLiteral("UPDATE clinic_settings SET made_up = :made_up WHERE id = 1"));
    update.bind(QStringLiteral(":made_up"), 1);
    return update.exec(tr("marking the clinic as made up"));
}

Result<bool> SettingsRepository::isClinicEmpty()
{
    // EXISTS stops at the first row; counting would read years of appointments at each start.
    SqlQuery query(m_database,
                   QStringLiteral("SELECT CASE WHEN EXISTS (SELECT 1 FROM therapists) OR EXISTS "
                                  "(SELECT 1 FROM massage_types) OR EXISTS (SELECT 1 FROM rooms) "
                                  "OR EXISTS (SELECT 1 FROM clients) OR EXISTS (SELECT 1 FROM "
                                  "appointments) THEN 1 ELSE 0 END"));
    Result<qint64> anything = query.scalarInt(tr("reading the clinic"));
    if (!anything) {
        return anything.error();
    }
    return *anything == 0;
}

} // namespace masahista

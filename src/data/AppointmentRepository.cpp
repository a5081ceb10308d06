#include "AppointmentRepository.h"

#include "SqlQuery.h"

#include <algorithm>
#include <tuple>

namespace masahista {

namespace {

const QString appointmentSelect = QStringLiteral(
    "SELECT id, client_id, therapist_id, massage_type_id, option_id, duration_minutes, "
    "price_cents, room_id, start_utc, end_utc, buffer_end_utc, status, notes, cancel_reason, "
    "cancelled_late, override_reason, series_id, created_at_utc, updated_at_utc, sequence "
    "FROM appointments ");

Appointment appointmentFrom(const SqlQuery& query)
{
    Appointment appointment;
    appointment.id = query.integer(0);
    appointment.clientId = query.integer(1);
    appointment.therapistId = query.integer(2);
    appointment.massageTypeId = query.integer(3);
    appointment.optionId = query.integer(4);
    appointment.durationMinutes = static_cast<int>(query.integer(5));
    appointment.priceCents = query.integer(6);
    appointment.roomId = query.integer(7);
    appointment.startUtc = query.instant(8);
    appointment.endUtc = query.instant(9);
    appointment.bufferEndUtc = query.instant(10);
    appointment.status =
        appointmentStatusFromKey(query.text(11)).value_or(AppointmentStatus::Booked);
    appointment.notes = query.text(12);
    appointment.cancelReason = query.text(13);
    appointment.cancelledLate = query.flag(14);
    appointment.overrideReason = query.text(15);
    appointment.seriesId = query.integer(16);
    appointment.createdUtc = query.instant(17);
    appointment.updatedUtc = query.instant(18);
    appointment.sequence = static_cast<int>(query.integer(19));
    return appointment;
}

void bindAppointment(SqlQuery& query, const Appointment& appointment)
{
    query.bind(QStringLiteral(":client"), appointment.clientId)
        .bind(QStringLiteral(":therapist"), appointment.therapistId)
        .bind(QStringLiteral(":type"), appointment.massageTypeId)
        .bindOptionalId(QStringLiteral(":option"), appointment.optionId)
        .bind(QStringLiteral(":duration"), appointment.durationMinutes)
        .bind(QStringLiteral(":price"), appointment.priceCents)
        .bindOptionalId(QStringLiteral(":room"), appointment.roomId)
        .bind(QStringLiteral(":start"), appointment.startUtc)
        .bind(QStringLiteral(":end"), appointment.endUtc)
        .bind(QStringLiteral(":buffer_end"), appointment.bufferEndUtc)
        .bind(QStringLiteral(":status"), appointmentStatusKey(appointment.status))
        .bind(QStringLiteral(":notes"), appointment.notes)
        .bind(QStringLiteral(":cancel_reason"), appointment.cancelReason)
        .bind(QStringLiteral(":late"), appointment.cancelledLate)
        .bind(QStringLiteral(":override"), appointment.overrideReason)
        .bindOptionalId(QStringLiteral(":series"), appointment.seriesId)
        .bind(QStringLiteral(":created"), appointment.createdUtc)
        .bind(QStringLiteral(":updated"), appointment.updatedUtc);
}

} // namespace

Result<Id> AppointmentRepository::add(const Appointment& appointment)
{
    SqlQuery insert(
        m_database,
        QStringLiteral("INSERT INTO appointments (client_id, therapist_id, massage_type_id, "
                       "option_id, duration_minutes, price_cents, room_id, start_utc, end_utc, "
                       "buffer_end_utc, status, notes, cancel_reason, cancelled_late, "
                       "override_reason, series_id, created_at_utc, updated_at_utc) VALUES "
                       "(:client, :therapist, :type, :option, :duration, :price, :room, :start, "
                       ":end, :buffer_end, :status, :notes, :cancel_reason, :late, :override, "
                       ":series, :created, :updated) RETURNING id"));
    bindAppointment(insert, appointment);
    return insert.insert(tr("saving the appointment"));
}

Status AppointmentRepository::update(const Appointment& appointment)
{
    SqlQuery update(
        m_database,
        // The right-hand sides read the row as it was, so the count rises when the change
        // alters what a calendar shows of it (schema version 6), and only then.
        QStringLiteral("UPDATE appointments SET sequence = sequence + CASE WHEN client_id IS "
                       "DISTINCT FROM :client OR therapist_id IS DISTINCT FROM :therapist OR "
                       "massage_type_id IS DISTINCT FROM :type OR duration_minutes IS DISTINCT "
                       "FROM :duration OR room_id IS DISTINCT FROM :room OR start_utc IS DISTINCT "
                       "FROM :start OR end_utc IS DISTINCT FROM :end OR status IS DISTINCT FROM "
                       ":status OR notes IS DISTINCT FROM :notes OR cancel_reason IS DISTINCT FROM "
                       ":cancel_reason THEN 1 ELSE 0 END, "
                       "client_id = :client, therapist_id = :therapist, "
                       "massage_type_id = :type, option_id = :option, duration_minutes = "
                       ":duration, price_cents = :price, room_id = :room, start_utc = :start, "
                       "end_utc = :end, buffer_end_utc = :buffer_end, status = :status, notes = "
                       ":notes, cancel_reason = :cancel_reason, cancelled_late = :late, "
                       "override_reason = :override, series_id = :series, created_at_utc = "
                       ":created, updated_at_utc = :updated WHERE id = :id"));
    bindAppointment(update, appointment);
    update.bind(QStringLiteral(":id"), appointment.id);
    Result<int> changed = update.execChanging(tr("saving the appointment"));
    if (!changed) {
        return changed.error();
    }
    if (*changed == 0) {
        return makeError(ErrorCode::NotFound,
                         tr("There is no appointment with id %1.").arg(appointment.id));
    }
    return success();
}

Result<Appointment> AppointmentRepository::byId(Id id)
{
    SqlQuery query(m_database, appointmentSelect + QStringLiteral("WHERE id = :id"));
    query.bind(QStringLiteral(":id"), id);
    if (Status status = query.exec(tr("reading an appointment")); !status) {
        return status.error();
    }
    if (!query.next()) {
        return makeError(ErrorCode::NotFound, tr("There is no appointment with id %1.").arg(id));
    }
    return appointmentFrom(query);
}

Result<QList<Appointment>> AppointmentRepository::between(const QDateTime& fromUtc,
                                                          const QDateTime& toUtc, Id therapistId)
{
    SqlQuery query(m_database,
                   appointmentSelect + QStringLiteral("WHERE start_utc > :earliest AND start_utc < "
                                                      ":to AND :from < end_utc AND (therapist_id = "
                                                      ":therapist OR :therapist = 0) ORDER BY "
                                                      "start_utc, therapist_id, id"));
    query.bind(QStringLiteral(":earliest"), fromUtc.addSecs(-longestHoldSeconds))
        .bind(QStringLiteral(":from"), fromUtc)
        .bind(QStringLiteral(":to"), toUtc)
        .bind(QStringLiteral(":therapist"), therapistId);
    return select(query);
}

Result<QList<Appointment>> AppointmentRepository::holdingTimeBetween(const QDateTime& fromUtc,
                                                                     const QDateTime& toUtc)
{
    // Every booking check runs this. Sorted here rather than by SQL, whose ORDER BY would
    // build a temporary b-tree on each run for the few rows a check reads.
    SqlQuery query(m_database, appointmentSelect +
                                   QStringLiteral("WHERE start_utc > :earliest AND start_utc < "
                                                  ":to AND :from < buffer_end_utc AND status <> "
                                                  "'cancelled'"));
    query.bind(QStringLiteral(":earliest"), fromUtc.addSecs(-longestHoldSeconds))
        .bind(QStringLiteral(":from"), fromUtc)
        .bind(QStringLiteral(":to"), toUtc);
    Result<QList<Appointment>> holding = select(query);
    if (holding) {
        std::sort(holding->begin(), holding->end(), [](const Appointment& a, const Appointment& b) {
            return std::tie(a.startUtc, a.therapistId, a.id) <
                   std::tie(b.startUtc, b.therapistId, b.id);
        });
    }
    return holding;
}

Result<bool> AppointmentRepository::anyHoldingStartsBetween(const QDateTime& fromUtc,
                                                            const QDateTime& toUtc)
{
    SqlQuery query(m_database, QStringLiteral("SELECT CASE WHEN EXISTS (SELECT 1 FROM "
                                              "appointments WHERE start_utc >= :from AND "
                                              "start_utc < :to AND status <> 'cancelled') THEN 1 "
                                              "ELSE 0 END"));
    query.bind(QStringLiteral(":from"), fromUtc).bind(QStringLiteral(":to"), toUtc);
    Result<qint64> any = query.scalarInt(tr("reading the appointments"));
    if (!any) {
        return any.error();
    }
    return *any != 0;
}

Result<QList<Appointment>> AppointmentRepository::unresolved(const QDateTime& nowUtc)
{
    SqlQuery query(m_database,
                   // The condition repeats the partial index appointments_unresolved word for
                   // word, which is what lets SQLite use it.
                   appointmentSelect + QStringLiteral("WHERE status IN ('booked', 'confirmed', "
                                                      "'arrived') AND end_utc <= :now ORDER BY "
                                                      "start_utc, therapist_id, id"));
    query.bind(QStringLiteral(":now"), nowUtc);
    return select(query);
}

Result<QList<Appointment>> AppointmentRepository::inSeries(Id seriesId)
{
    SqlQuery query(m_database, appointmentSelect + QStringLiteral("WHERE series_id = :series "
                                                                  "ORDER BY start_utc, id"));
    query.bind(QStringLiteral(":series"), seriesId);
    return select(query);
}

Result<QList<Appointment>> AppointmentRepository::ofClient(Id clientId)
{
    SqlQuery query(m_database,
                   appointmentSelect + QStringLiteral("WHERE client_id = :client ORDER BY "
                                                      "start_utc DESC, id DESC"));
    query.bind(QStringLiteral(":client"), clientId);
    return select(query);
}

Result<Id> AppointmentRepository::addSeries(int intervalWeeks, const QDateTime& createdUtc)
{
    SqlQuery insert(m_database, QStringLiteral("INSERT INTO appointment_series (interval_weeks, "
                                               "created_at_utc) VALUES (:weeks, :created) "
                                               "RETURNING id"));
    insert.bind(QStringLiteral(":weeks"), intervalWeeks)
        .bind(QStringLiteral(":created"), createdUtc);
    return insert.insert(tr("saving the series"));
}

Result<QList<Appointment>> AppointmentRepository::select(SqlQuery& query)
{
    if (Status status = query.exec(tr("reading the appointments")); !status) {
        return status.error();
    }
    QList<Appointment> appointments;
    while (query.next()) {
        appointments.append(appointmentFrom(query));
    }
    return appointments;
}

Result<qint64> AppointmentRepository::count()
{
    SqlQuery query(m_database, QStringLiteral("SELECT count(*) FROM appointments"));
    return query.scalarInt(tr("counting the appointments"));
}

Status AppointmentRepository::addChange(const AppointmentChange& change)
{
    SqlQuery insert(m_database, QStringLiteral("INSERT INTO appointment_history (appointment_id, "
                                               "changed_at_utc, actor, action, details) VALUES "
                                               "(:appointment, :changed, :actor, :action, "
                                               ":details)"));
    insert.bind(QStringLiteral(":appointment"), change.appointmentId)
        .bind(QStringLiteral(":changed"), change.changedUtc)
        .bind(QStringLiteral(":actor"), change.actor)
        .bind(QStringLiteral(":action"), change.action)
        .bind(QStringLiteral(":details"), change.details);
    return insert.exec(tr("saving the appointment history"));
}

Result<QList<AppointmentChange>> AppointmentRepository::history(Id appointmentId)
{
    SqlQuery query(m_database, QStringLiteral("SELECT appointment_id, changed_at_utc, actor, "
                                              "action, details FROM appointment_history WHERE "
                                              "appointment_id = :appointment ORDER BY "
                                              "changed_at_utc, id"));
    query.bind(QStringLiteral(":appointment"), appointmentId);
    if (Status status = query.exec(tr("reading the appointment history")); !status) {
        return status.error();
    }
    QList<AppointmentChange> changes;
    while (query.next()) {
        changes.append(
            {query.integer(0), query.instant(1), query.text(2), query.text(3), query.text(4)});
    }
    return changes;
}

} // namespace masahista

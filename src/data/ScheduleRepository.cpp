#include "ScheduleRepository.h"

#include "SqlQuery.h"
#include "WriteTransaction.h"

#include <algorithm>
#include <tuple>

namespace masahista {

Result<QList<WeeklyInterval>> ScheduleRepository::weeklyHours(Id therapistId)
{
    SqlQuery query(m_database, QStringLiteral("SELECT weekday, start_minute, end_minute FROM "
                                              "therapist_hours WHERE therapist_id = :therapist "
                                              "ORDER BY weekday, start_minute"));
    query.bind(QStringLiteral(":therapist"), therapistId);
    if (Status status = query.exec(tr("reading the working hours")); !status) {
        return status.error();
    }
    QList<WeeklyInterval> hours;
    while (query.next()) {
        hours.append({static_cast<int>(query.integer(0)), static_cast<int>(query.integer(1)),
                      static_cast<int>(query.integer(2))});
    }
    return hours;
}

Result<QHash<Id, QList<WeeklyInterval>>> ScheduleRepository::allWeeklyHours()
{
    SqlQuery query(m_database, QStringLiteral("SELECT therapist_id, weekday, start_minute, "
                                              "end_minute FROM therapist_hours ORDER BY "
                                              "therapist_id, weekday, start_minute"));
    if (Status status = query.exec(tr("reading the working hours")); !status) {
        return status.error();
    }
    QHash<Id, QList<WeeklyInterval>> hours;
    while (query.next()) {
        hours[query.integer(0)].append({static_cast<int>(query.integer(1)),
                                        static_cast<int>(query.integer(2)),
                                        static_cast<int>(query.integer(3))});
    }
    return hours;
}

Status ScheduleRepository::setWeeklyHours(Id therapistId, const QList<WeeklyInterval>& hours)
{
    const QString doing = tr("saving the working hours");
    Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
    if (!transaction) {
        return transaction.error();
    }
    SqlQuery clear(m_database,
                   QStringLiteral("DELETE FROM therapist_hours WHERE therapist_id = :therapist"));
    clear.bind(QStringLiteral(":therapist"), therapistId);
    if (Status status = clear.exec(doing); !status) {
        return status;
    }
    for (const WeeklyInterval& interval : hours) {
        SqlQuery insert(m_database, QStringLiteral("INSERT INTO therapist_hours (therapist_id, "
                                                   "weekday, start_minute, end_minute) VALUES "
                                                   "(:therapist, :weekday, :start, :end)"));
        insert.bind(QStringLiteral(":therapist"), therapistId)
            .bind(QStringLiteral(":weekday"), interval.weekday)
            .bind(QStringLiteral(":start"), interval.startMinute)
            .bind(QStringLiteral(":end"), interval.endMinute);
        if (Status status = insert.exec(doing); !status) {
            return status;
        }
    }
    return transaction->commit();
}

Result<QList<TimeOff>> ScheduleRepository::timeOff(Id therapistId, const QDateTime& fromUtc,
                                                   const QDateTime& toUtc)
{
    SqlQuery query(m_database,
                   QStringLiteral("SELECT id, therapist_id, start_utc, end_utc, reason FROM "
                                  "therapist_time_off WHERE (therapist_id = :therapist OR "
                                  ":therapist = 0) AND start_utc < :to AND :from < end_utc"));
    query.bind(QStringLiteral(":therapist"), therapistId)
        .bind(QStringLiteral(":from"), fromUtc)
        .bind(QStringLiteral(":to"), toUtc);
    if (Status status = query.exec(tr("reading the time off")); !status) {
        return status.error();
    }
    QList<TimeOff> found;
    while (query.next()) {
        found.append({query.integer(0), query.integer(1), query.instant(2), query.instant(3),
                      query.text(4)});
    }
    // Sorted here: every booking check runs this, and an ORDER BY that the index on end_utc
    // cannot give costs a temporary b-tree on each run.
    std::sort(found.begin(), found.end(), [](const TimeOff& a, const TimeOff& b) {
        return std::tie(a.startUtc, a.therapistId, a.id) <
               std::tie(b.startUtc, b.therapistId, b.id);
    });
    return found;
}

Result<TimeOff> ScheduleRepository::timeOffById(Id id)
{
    SqlQuery query(m_database, QStringLiteral("SELECT id, therapist_id, start_utc, end_utc, "
                                              "reason FROM therapist_time_off WHERE id = :id"));
    query.bind(QStringLiteral(":id"), id);
    if (Status status = query.exec(tr("reading the time off")); !status) {
        return status.error();
    }
    if (!query.next()) {
        return makeError(ErrorCode::NotFound, tr("There is no time off with id %1.").arg(id));
    }
    return TimeOff{query.integer(0), query.integer(1), query.instant(2), query.instant(3),
                   query.text(4)};
}

Result<Id> ScheduleRepository::addTimeOff(const TimeOff& timeOff)
{
    SqlQuery insert(m_database, QStringLiteral("INSERT INTO therapist_time_off (therapist_id, "
                                               "start_utc, end_utc, reason) VALUES (:therapist, "
                                               ":start, :end, :reason) RETURNING id"));
    insert.bind(QStringLiteral(":therapist"), timeOff.therapistId)
        .bind(QStringLiteral(":start"), timeOff.startUtc)
        .bind(QStringLiteral(":end"), timeOff.endUtc)
        .bind(QStringLiteral(":reason"), timeOff.reason);
    return insert.insert(tr("saving the time off"));
}

Status ScheduleRepository::updateTimeOff(const TimeOff& timeOff)
{
    SqlQuery update(m_database, QStringLiteral("UPDATE therapist_time_off SET start_utc = :start, "
                                               "end_utc = :end, reason = :reason WHERE id = :id"));
    update.bind(QStringLiteral(":start"), timeOff.startUtc)
        .bind(QStringLiteral(":end"), timeOff.endUtc)
        .bind(QStringLiteral(":reason"), timeOff.reason)
        .bind(QStringLiteral(":id"), timeOff.id);
    Result<int> changed = update.execChanging(tr("saving the time off"));
    if (!changed) {
        return changed.error();
    }
    if (*changed == 0) {
        return makeError(ErrorCode::NotFound,
                         tr("There is no time off with id %1.").arg(timeOff.id));
    }
    return success();
}

Status ScheduleRepository::removeTimeOff(Id id)
{
    SqlQuery remove(m_database, QStringLiteral("DELETE FROM therapist_time_off WHERE id = :id"));
    remove.bind(QStringLiteral(":id"), id);
    Result<int> changed = remove.execChanging(tr("removing the time off"));
    if (!changed) {
        return changed.error();
    }
    if (*changed == 0) {
        return makeError(ErrorCode::NotFound, tr("There is no time off with id %1.").arg(id));
    }
    return success();
}

} // namespace masahista

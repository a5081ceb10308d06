#include "TherapistRepository.h"

#include "SqlQuery.h"
#include "WriteTransaction.h"

#include <QHash>

namespace masahista {

namespace {

const QString therapistColumns = QStringLiteral(
    "id, display_name, title, team_role, bio, photo, calendar_color, active, sort_order");

Therapist therapistFrom(const SqlQuery& query)
{
    Therapist therapist;
    therapist.id = query.integer(0);
    therapist.displayName = query.text(1);
    therapist.title = query.text(2);
    therapist.teamRole = query.text(3);
    therapist.bio = query.text(4);
    therapist.photo = query.value(5).toByteArray();
    therapist.calendarColor = query.text(6);
    therapist.active = query.flag(7);
    therapist.sortOrder = static_cast<int>(query.integer(8));
    return therapist;
}

void bindTherapist(SqlQuery& query, const Therapist& therapist)
{
    query.bind(QStringLiteral(":name"), therapist.displayName)
        .bind(QStringLiteral(":title"), therapist.title)
        .bind(QStringLiteral(":role"), therapist.teamRole)
        .bind(QStringLiteral(":bio"), therapist.bio)
        .bind(QStringLiteral(":photo"), therapist.photo.isEmpty()
                                            ? QVariant(QMetaType::fromType<QByteArray>())
                                            : QVariant(therapist.photo))
        .bind(QStringLiteral(":color"), therapist.calendarColor)
        .bind(QStringLiteral(":active"), therapist.active)
        .bind(QStringLiteral(":sort"), therapist.sortOrder);
}

} // namespace

Result<QList<Therapist>> TherapistRepository::all(bool includeInactive)
{
    SqlQuery query(m_database, QStringLiteral("SELECT ") + therapistColumns +
                                   QStringLiteral(" FROM therapists WHERE active = 1 OR :all = 1 "
                                                  "ORDER BY sort_order, display_name, id"));
    query.bind(QStringLiteral(":all"), includeInactive);
    if (Status status = query.exec(tr("reading the therapists")); !status) {
        return status.error();
    }
    QList<Therapist> therapists;
    while (query.next()) {
        therapists.append(therapistFrom(query));
    }
    if (Status status = loadLists(therapists); !status) {
        return status.error();
    }
    return therapists;
}

Result<Therapist> TherapistRepository::byId(Id id)
{
    SqlQuery query(m_database, QStringLiteral("SELECT ") + therapistColumns +
                                   QStringLiteral(" FROM therapists WHERE id = :id"));
    query.bind(QStringLiteral(":id"), id);
    if (Status status = query.exec(tr("reading a therapist")); !status) {
        return status.error();
    }
    if (!query.next()) {
        return makeError(ErrorCode::NotFound, tr("There is no therapist with id %1.").arg(id));
    }
    QList<Therapist> found{therapistFrom(query)};
    if (Status status = loadLists(found); !status) {
        return status.error();
    }
    return found.constFirst();
}

Result<Id> TherapistRepository::add(const Therapist& therapist)
{
    Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
    if (!transaction) {
        return transaction.error();
    }
    SqlQuery insert(m_database,
                    QStringLiteral("INSERT INTO therapists (display_name, title, team_role, bio, "
                                   "photo, calendar_color, active, sort_order) VALUES (:name, "
                                   ":title, :role, :bio, :photo, :color, :active, :sort) "
                                   "RETURNING id"));
    bindTherapist(insert, therapist);
    Result<Id> id = insert.insert(tr("saving the therapist %1").arg(therapist.displayName));
    if (!id) {
        return id;
    }
    Therapist stored = therapist;
    stored.id = *id;
    if (Status status = writeLists(stored); !status) {
        return status.error();
    }
    if (Status status = transaction->commit(); !status) {
        return status.error();
    }
    return id;
}

Status TherapistRepository::update(const Therapist& therapist)
{
    Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
    if (!transaction) {
        return transaction.error();
    }
    SqlQuery update(
        m_database,
        QStringLiteral("UPDATE therapists SET display_name = :name, title = :title, "
                       "team_role = :role, bio = :bio, photo = :photo, calendar_color "
                       "= :color, active = :active, sort_order = :sort WHERE id = :id"));
    bindTherapist(update, therapist);
    update.bind(QStringLiteral(":id"), therapist.id);
    Result<int> changed =
        update.execChanging(tr("saving the therapist %1").arg(therapist.displayName));
    if (!changed) {
        return changed.error();
    }
    if (*changed == 0) {
        return makeError(ErrorCode::NotFound,
                         tr("There is no therapist with id %1.").arg(therapist.id));
    }
    for (const QString& table :
         {QStringLiteral("therapist_credentials"), QStringLiteral("therapist_education"),
          QStringLiteral("therapist_certifications")}) {
        // The table name is one of three constants above, never input.
        SqlQuery clear(m_database, QStringLiteral("DELETE FROM ") + table +
                                       QStringLiteral(" WHERE therapist_id = :id"));
        clear.bind(QStringLiteral(":id"), therapist.id);
        if (Status status = clear.exec(tr("saving the therapist %1").arg(therapist.displayName));
            !status) {
            return status;
        }
    }
    if (Status status = writeLists(therapist); !status) {
        return status;
    }
    return transaction->commit();
}

Status TherapistRepository::writeLists(const Therapist& therapist)
{
    const QString doing = tr("saving the therapist %1").arg(therapist.displayName);
    for (const Credential& credential : therapist.credentials) {
        SqlQuery insert(m_database,
                        QStringLiteral("INSERT INTO therapist_credentials (therapist_id, "
                                       "issuing_body, registration_number, valid_from, valid_to, "
                                       "printed_on_receipts) VALUES (:therapist, :body, :number, "
                                       ":from, :to, :printed)"));
        insert.bind(QStringLiteral(":therapist"), therapist.id)
            .bind(QStringLiteral(":body"), credential.issuingBody)
            .bind(QStringLiteral(":number"), credential.registrationNumber)
            .bind(QStringLiteral(":from"), credential.validFrom)
            .bind(QStringLiteral(":to"), credential.validTo)
            .bind(QStringLiteral(":printed"), credential.printedOnReceipts);
        if (Status status = insert.exec(doing); !status) {
            return status;
        }
    }
    for (const Education& education : therapist.education) {
        SqlQuery insert(m_database,
                        QStringLiteral("INSERT INTO therapist_education (therapist_id, school, "
                                       "programme, programme_hours, completed_on) VALUES "
                                       "(:therapist, :school, :programme, :hours, :completed)"));
        insert.bind(QStringLiteral(":therapist"), therapist.id)
            .bind(QStringLiteral(":school"), education.school)
            .bind(QStringLiteral(":programme"), education.programme)
            .bind(QStringLiteral(":hours"), education.programmeHours)
            .bind(QStringLiteral(":completed"), education.completedOn);
        if (Status status = insert.exec(doing); !status) {
            return status;
        }
    }
    for (const Certification& certification : therapist.certifications) {
        SqlQuery insert(m_database,
                        QStringLiteral("INSERT INTO therapist_certifications (therapist_id, "
                                       "modality_id, certified_on, expires_on) VALUES "
                                       "(:therapist, :modality, :certified, :expires)"));
        insert.bind(QStringLiteral(":therapist"), therapist.id)
            .bind(QStringLiteral(":modality"), certification.modalityId)
            .bind(QStringLiteral(":certified"), certification.certifiedOn)
            .bind(QStringLiteral(":expires"), certification.expiresOn);
        if (Status status = insert.exec(doing); !status) {
            return status;
        }
    }
    return success();
}

// Three queries for any number of therapists, instead of three per therapist.
Status TherapistRepository::loadLists(QList<Therapist>& therapists)
{
    const QHash<Id, qsizetype> indexById = indexByIdOf(therapists);
    const QString doing = tr("reading the therapists");

    SqlQuery credentials(m_database,
                         QStringLiteral("SELECT therapist_id, id, issuing_body, "
                                        "registration_number, valid_from, valid_to, "
                                        "printed_on_receipts FROM therapist_credentials "
                                        "ORDER BY therapist_id, id"));
    Status status =
        forEachChildRow(credentials, doing, indexById, [&](qsizetype index, const SqlQuery& row) {
            therapists[index].credentials.append(
                {row.integer(1), row.text(2), row.text(3), row.date(4), row.date(5), row.flag(6)});
        });
    if (!status) {
        return status;
    }

    SqlQuery education(m_database,
                       QStringLiteral("SELECT therapist_id, id, school, programme, "
                                      "programme_hours, completed_on FROM therapist_education "
                                      "ORDER BY therapist_id, id"));
    status =
        forEachChildRow(education, doing, indexById, [&](qsizetype index, const SqlQuery& row) {
            therapists[index].education.append({row.integer(1), row.text(2), row.text(3),
                                                static_cast<int>(row.integer(4)), row.date(5)});
        });
    if (!status) {
        return status;
    }

    SqlQuery certifications(
        m_database,
        QStringLiteral("SELECT c.therapist_id, c.id, c.modality_id, m.name, c.certified_on, "
                       "c.expires_on FROM therapist_certifications AS c JOIN modalities AS m "
                       "ON m.id = c.modality_id ORDER BY c.therapist_id, m.name"));
    return forEachChildRow(
        certifications, doing, indexById, [&](qsizetype index, const SqlQuery& row) {
            therapists[index].certifications.append(
                {row.integer(1), row.integer(2), row.text(3), row.date(4), row.date(5)});
        });
}

Result<QList<Modality>> TherapistRepository::modalities()
{
    SqlQuery query(m_database,
                   QStringLiteral("SELECT id, name, description FROM modalities ORDER BY name"));
    if (Status status = query.exec(tr("reading the modalities")); !status) {
        return status.error();
    }
    QList<Modality> modalities;
    while (query.next()) {
        modalities.append({query.integer(0), query.text(1), query.text(2)});
    }
    return modalities;
}

} // namespace masahista

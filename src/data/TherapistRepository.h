#pragma once

#include "Database.h"
#include "domain/Modality.h"
#include "domain/Result.h"
#include "domain/Therapist.h"

#include <QCoreApplication>
#include <QList>

namespace masahista {

// Therapists with their credentials, education and certifications, read and written whole.
class TherapistRepository
{
    Q_DECLARE_TR_FUNCTIONS(TherapistRepository)

public:
    explicit TherapistRepository(Database& database)
        : m_database(database)
    {}

    // Ordered by sort order, then name.
    Result<QList<Therapist>> all(bool includeInactive = true);
    Result<Therapist> byId(Id id);
    // Stores the therapist and its lists; returns the new id.
    Result<Id> add(const Therapist& therapist);
    // Replaces the stored therapist (and its lists) with this one.
    Status update(const Therapist& therapist);

    Result<QList<Modality>> modalities();

private:
    Status writeLists(const Therapist& therapist);
    Status loadLists(QList<Therapist>& therapists);

    Database& m_database;
};

} // namespace masahista

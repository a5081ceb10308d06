#pragma once

#include "domain/Id.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QString>

namespace masahista {
class Clinic;
}

namespace masahista::cli {

// Turns what a person typed for a therapist, client, service or room into its id: a number is
// an id, anything else an exact name, ignoring case (and accents). A name two records share is
// refused with their ids, so the caller can pick one.
class Lookup
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    explicit Lookup(Clinic& clinic)
        : m_clinic(clinic)
    {}

    Result<Id> therapist(const QString& text);
    Result<Id> client(const QString& text);
    Result<Id> service(const QString& text);
    Result<Id> room(const QString& text);

private:
    Clinic& m_clinic;
};

} // namespace masahista::cli

#include "TherapistService.h"

#include "booking/engine/ClinicTime.h"
#include "booking/engine/Schedule.h"
#include "data/AppointmentRepository.h"
#include "data/ClientRepository.h"
#include "data/Database.h"
#include "data/TherapistRepository.h"
#include "data/WriteTransaction.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace masahista {

namespace {

// How many stranded appointments a refusal names; the rest are counted.

QString isoDate(QDate date)
{
    return date.toString(Qt::ISODate);
}

} // namespace

Therapist TherapistService::normalized(Therapist therapist)
{
    therapist.displayName = therapist.displayName.simplified();
    therapist.title = therapist.title.simplified();
    therapist.teamRole = therapist.teamRole.simplified();
    therapist.bio = therapist.bio.trimmed();
    therapist.calendarColor = therapist.calendarColor.trimmed().toLower();
    // The schema's own default, so that a therapist written without a colour (by an older
    // version or a script) can be saved as it is.
    if (therapist.calendarColor.isEmpty()) {
        therapist.calendarColor = defaultCalendarColor;
    }
    for (Credential& credential : therapist.credentials) {
        credential.issuingBody = credential.issuingBody.simplified();
        credential.registrationNumber = credential.registrationNumber.simplified();
    }
    for (Education& education : therapist.education) {
        education.school = education.school.simplified();
        education.programme = education.programme.simplified();
    }
    return therapist;
}

QString TherapistService::listField(QStringView list, int row, QStringView part)
{
    return list.toString() + QLatin1Char('[') + QString::number(row) + QStringLiteral("].") +
           part.toString();
}

const Therapist* TherapistService::namesake(const Therapist& therapist,
                                            const QList<Therapist>& others)
{
    // The command line finds therapists by name with case and accents ignored, so two names
    // that differ only in those would make it refuse both.
    const QString folded = ClientRepository::fold(therapist.displayName.simplified());
    for (const Therapist& other : others) {
        if (other.id != therapist.id && ClientRepository::fold(other.displayName) == folded) {
            return &other;
        }
    }
    return nullptr;
}

FieldProblems TherapistService::problemsIn(const Therapist& entered, const QList<Therapist>& others,
                                           const QList<Modality>& modalities)
{
    const Therapist therapist = normalized(entered);
    FieldProblems problems;
    const auto problem = [&problems](const QString& field, const QString& message) {
        problems.append({field, message});
    };
    const auto credentialCell = [](int row, QStringView part) {
        return listField(u"credentials", row, part);
    };
    const auto educationCell = [](int row, QStringView part) {
        return listField(u"education", row, part);
    };
    const auto certificationCell = [](int row, QStringView part) {
        return listField(u"certifications", row, part);
    };

    if (therapist.displayName.isEmpty()) {
        problem(QStringLiteral("name"), tr("Enter the therapist's name."));
    } else if (therapist.displayName.size() > maxNameLength) {
        problem(QStringLiteral("name"),
                tr("The name is too long (at most %1 characters).").arg(maxNameLength));
    } else {
        if (const Therapist* other = namesake(therapist, others)) {
            problem(QStringLiteral("name"),
                    tr("Another therapist is already called %1; add an initial to tell them "
                       "apart.")
                        .arg(other->displayName));
        }
    }
    if (therapist.title.size() > maxNameLength) {
        problem(QStringLiteral("title"),
                tr("The title is too long (at most %1 characters).").arg(maxNameLength));
    }
    if (therapist.teamRole.size() > maxNameLength) {
        problem(QStringLiteral("teamRole"),
                tr("The team role is too long (at most %1 characters).").arg(maxNameLength));
    }
    static const QRegularExpression colorPattern(QStringLiteral("^#[0-9a-f]{6}$"));
    if (!colorPattern.match(therapist.calendarColor).hasMatch()) {
        problem(QStringLiteral("calendarColor"),
                tr("%1 is not a colour: use #rrggbb, like #5b8def.").arg(therapist.calendarColor));
    }
    if (therapist.photo.size() > maxPhotoBytes) {
        problem(QStringLiteral("photo"), tr("The photo is too large (%1 KB; at most %2 KB).")
                                             .arg((therapist.photo.size() + 1023) / 1024)
                                             .arg(maxPhotoBytes / 1024));
    }

    for (int row = 0; row < therapist.credentials.size(); ++row) {
        const Credential& credential = therapist.credentials.at(row);
        if (credential.issuingBody.isEmpty()) {
            problem(credentialCell(row, u"issuingBody"),
                    tr("Credential %1: enter the body that issued it.").arg(row + 1));
        }
        if (credential.registrationNumber.isEmpty()) {
            problem(credentialCell(row, u"registrationNumber"),
                    tr("Credential %1: enter the registration number.").arg(row + 1));
        }
        if (credential.validFrom.isValid() && credential.validTo.isValid() &&
            credential.validTo < credential.validFrom) {
            problem(credentialCell(row, u"validTo"),
                    tr("Credential %1: it ends (%2) before it starts (%3).")
                        .arg(row + 1)
                        .arg(isoDate(credential.validTo), isoDate(credential.validFrom)));
        }
    }

    for (int row = 0; row < therapist.education.size(); ++row) {
        const Education& education = therapist.education.at(row);
        if (education.school.isEmpty()) {
            problem(educationCell(row, u"school"),
                    tr("Education %1: enter the school.").arg(row + 1));
        }
        if (education.programmeHours < 0) {
            problem(educationCell(row, u"programmeHours"),
                    tr("Education %1: programme hours cannot be negative.").arg(row + 1));
        } else if (education.programmeHours > maxProgrammeHours) {
            problem(educationCell(row, u"programmeHours"),
                    tr("Education %1: %2 programme hours is more than %3; check the number.")
                        .arg(row + 1)
                        .arg(education.programmeHours)
                        .arg(maxProgrammeHours));
        }
    }

    QSet<Id> knownModalities;
    for (const Modality& modality : modalities) {
        knownModalities.insert(modality.id);
    }
    QSet<Id> listed;
    for (int row = 0; row < therapist.certifications.size(); ++row) {
        const Certification& certification = therapist.certifications.at(row);
        if (certification.modalityId == 0) {
            problem(certificationCell(row, u"modality"),
                    tr("Certification %1: choose the modality.").arg(row + 1));
        } else if (!knownModalities.isEmpty() &&
                   !knownModalities.contains(certification.modalityId)) {
            problem(certificationCell(row, u"modality"),
                    tr("Certification %1: there is no modality with id %2.")
                        .arg(row + 1)
                        .arg(certification.modalityId));
        } else if (listed.contains(certification.modalityId)) {
            // One row per modality: the booking rules would not know which dates count.
            problem(certificationCell(row, u"modality"),
                    tr("Certification %1: this modality is already listed above.").arg(row + 1));
        }
        listed.insert(certification.modalityId);
        if (certification.certifiedOn.isValid() && certification.expiresOn.isValid() &&
            certification.expiresOn < certification.certifiedOn) {
            problem(certificationCell(row, u"expiresOn"),
                    tr("Certification %1: it expires (%2) before it was obtained (%3).")
                        .arg(row + 1)
                        .arg(isoDate(certification.expiresOn), isoDate(certification.certifiedOn)));
        }
    }
    return problems;
}

Result<FieldProblems> TherapistService::validate(const Therapist& therapist)
{
    TherapistRepository therapists(m_database);
    Result<QList<Therapist>> others = therapists.all();
    if (!others) {
        return others.error();
    }
    Result<QList<Modality>> modalities = therapists.modalities();
    if (!modalities) {
        return modalities.error();
    }
    return problemsIn(therapist, *others, *modalities);
}

Result<Id> TherapistService::save(Therapist therapist, const Actor& /*actor*/)
{
    therapist = normalized(std::move(therapist));
    return inWriteTransaction<Id>(m_database, [&]() -> Result<Id> {
        // Checked under the write lock, so no other desk can take the name before it is stored.
        TherapistRepository therapists(m_database);
        Result<QList<Therapist>> others = therapists.all();
        if (!others) {
            return others.error();
        }
        Result<QList<Modality>> modalities = therapists.modalities();
        if (!modalities) {
            return modalities.error();
        }
        const FieldProblems problems = problemsIn(therapist, *others, *modalities);
        if (!problems.isEmpty()) {
            const bool nameTaken =
                problems.constFirst().field == u"name" && namesake(therapist, *others) != nullptr;
            return makeError(nameTaken ? ErrorCode::Conflict : ErrorCode::Invalid,
                             problems.constFirst().message);
        }
        if (therapist.id == 0) {
            return therapists.add(therapist);
        }
        Result<Therapist> stored = therapists.byId(therapist.id);
        if (!stored) {
            return stored.error();
        }
        // Unticking "active" in the editor retires the therapist: the same refusal applies.
        if (stored->active && !therapist.active) {
            if (Status free = refuseIfBooked(*stored); !free) {
                return free.error();
            }
        }
        if (Status updated = therapists.update(therapist); !updated) {
            return updated.error();
        }
        return therapist.id;
    });
}

Status TherapistService::retire(Id therapistId, const Actor& /*actor*/)
{
    return setActive(therapistId, false);
}

Status TherapistService::reactivate(Id therapistId, const Actor& /*actor*/)
{
    return setActive(therapistId, true);
}

Status TherapistService::setActive(Id therapistId, bool active)
{
    return inWriteTransaction<Done>(m_database, [&]() -> Status {
        TherapistRepository therapists(m_database);
        Result<Therapist> stored = therapists.byId(therapistId);
        if (!stored) {
            return stored.error();
        }
        if (stored->active == active) {
            return success();
        }
        if (!active) {
            if (Status free = refuseIfBooked(*stored); !free) {
                return free;
            }
        }
        Therapist changed = std::move(stored).value();
        changed.active = active;
        return therapists.update(changed);
    });
}

Status TherapistService::refuseIfBooked(const Therapist& therapist)
{
    Result<FutureBookings> coming = futureAppointments(therapist.id);
    if (!coming) {
        return coming.error();
    }
    if (coming->isEmpty()) {
        return success();
    }
    return coming->refusal(tr("%1 still has %n booked appointment(s); move them to another "
                              "therapist or cancel them first:",
                              nullptr, static_cast<int>(coming->size()))
                               .arg(therapist.displayName));
}

Result<FutureBookings> TherapistService::futureAppointments(Id therapistId)
{
    return FutureBookings::load(m_database, m_clock.nowUtc(), [therapistId](const Appointment& a) {
        return a.therapistId == therapistId;
    });
}

QList<Certification> TherapistService::expiringCertifications(const Therapist& therapist,
                                                              QDate today, int days)
{
    const QDate horizon = today.addDays(days);
    QList<Certification> expiring;
    for (const Certification& certification : therapist.certifications) {
        if (certification.expiresOn.isValid() && today <= certification.expiresOn &&
            certification.expiresOn <= horizon) {
            expiring.append(certification);
        }
    }
    std::stable_sort(
        expiring.begin(), expiring.end(),
        [](const Certification& a, const Certification& b) { return a.expiresOn < b.expiresOn; });
    return expiring;
}

QList<MassageType> TherapistService::bookableTypes(const Therapist& therapist,
                                                   const QList<MassageType>& types, QDate day)
{
    QList<MassageType> bookable;
    for (const MassageType& type : types) {
        if (type.active && (type.requiredModalityId == 0 ||
                            therapist.isCertifiedOn(type.requiredModalityId, day))) {
            bookable.append(type);
        }
    }
    return bookable;
}

} // namespace masahista

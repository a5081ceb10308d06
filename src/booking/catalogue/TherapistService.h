#pragma once

#include "booking/Actor.h"
#include "booking/Clock.h"
#include "booking/catalogue/FieldProblem.h"
#include "booking/engine/FutureBookings.h"
#include "domain/MassageType.h"
#include "domain/Modality.h"
#include "domain/Result.h"
#include "domain/Therapist.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace masahista {

class Database;

// Therapists as the owner edits them: the field rules (once, for every front end), saving a
// therapist with its lists in one transaction, and retiring instead of deleting, since past
// appointments keep pointing at the therapist.
//
// Field keys of the problems: "name", "title", "teamRole", "calendarColor", "photo", and for a
// row of a list listField(list, row, part): "credentials" with "issuingBody",
// "registrationNumber" or "validTo"; "education" with "school" or "programmeHours";
// "certifications" with "modality" or "expiresOn".
class TherapistService
{
    Q_DECLARE_TR_FUNCTIONS(TherapistService)

public:
    TherapistService(Database& database, const Clock& clock)
        : m_database(database)
        , m_clock(clock)
    {}

    // The largest photo accepted, encoded. The editor stores at most 512 px PNGs, which stay
    // well under it; the limit keeps a careless caller from bloating the database.
    static constexpr qsizetype maxPhotoBytes = 4 * 1024 * 1024;
    static constexpr qsizetype maxNameLength = 100;
    static constexpr int maxProgrammeHours = 20000;

    // "credentials[2].issuingBody": the key of one cell of a list, rows counted from 0.
    static QString listField(QStringView list, int row, QStringView part);

    // Every problem with the therapist as entered, checked against what is stored now (the
    // name must be unique among the other therapists). Empty when it can be saved.
    Result<FieldProblems> validate(const Therapist& therapist);

    // The same rules without the database, against therapists and modalities already read,
    // so that a form can run them on every keystroke. `others` may include the therapist
    // itself (same id): it is skipped. An empty `modalities` list skips the check that each
    // certification names a known modality.
    static FieldProblems problemsIn(const Therapist& therapist, const QList<Therapist>& others,
                                    const QList<Modality>& modalities);

    // What a therapist entered without a colour gets, as the schema gives one.
    static inline const QString defaultCalendarColor = QStringLiteral("#5b8def");

    // Trims the texts and lowercases the colour (the default when there is none), as they are
    // stored.
    static Therapist normalized(Therapist therapist);

    // The actor of save(), retire() and reactivate() is taken for the audit trail that staff
    // accounts will bring; therapists have no change history yet, so it is not stored.
    //
    // Adds (id 0) or replaces the therapist with its credentials, education and
    // certifications, in one transaction; returns its id. Refuses invalid input with the first
    // problem (Conflict for a name already taken, Invalid otherwise), and taking an active
    // therapist out of service while appointments are booked with them, like retire().
    Result<Id> save(Therapist therapist, const Actor& actor);

    // Takes the therapist out of service: kept with their history, offered for no new
    // bookings. Refused while active appointments are booked with them from now on; the
    // message lists those (date, time, client) for the user to move first.
    Status retire(Id therapistId, const Actor& actor);
    Status reactivate(Id therapistId, const Actor& actor);

    // The therapist's booked, confirmed or arrived appointments starting now or later,
    // soonest first.
    Result<FutureBookings> futureAppointments(Id therapistId);

    // Certifications not yet expired on `today` that expire within `days` days of it (the
    // expiry date itself being the last valid day), soonest first.
    static QList<Certification> expiringCertifications(const Therapist& therapist, QDate today,
                                                       int days = 60);

    // The active massage types the therapist's certifications allow on `day`, in the order
    // given; types that need no modality are always among them. Whether the therapist is
    // active is a separate booking rule and not looked at here.
    static QList<MassageType> bookableTypes(const Therapist& therapist,
                                            const QList<MassageType>& types, QDate day);

private:
    // The other therapist who already has this name (case and accents ignored), or null.
    static const Therapist* namesake(const Therapist& therapist, const QList<Therapist>& others);
    Status setActive(Id therapistId, bool active);
    Status refuseIfBooked(const Therapist& therapist);

    Database& m_database;
    const Clock& m_clock;
};

} // namespace masahista

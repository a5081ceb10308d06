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
#include <QList>
#include <QString>

namespace masahista {

class Database;

// Massage types as the owner edits them: the field rules (once, for every front end), saving
// a type with its lengths and prices in one transaction, and retiring instead of deleting,
// since appointments keep pointing at the type and at the length they booked (their price is
// copied into them when booked, so no price change reaches them).
//
// A change that would leave appointments still to come with a type, a length, a room or a
// therapist the booking rules no longer accept is refused with those appointments listed
// (FutureBookings), for the desk to move them first: retiring the type, withdrawing a length,
// asking for another room kind, or requiring another certification.
//
// Field keys of the problems: "name", "description", "modality", "buffer", "roomKind",
// "color", "options" for the lengths as a whole, and optionField(row, "minutes" or "price") for
// one length, rows counted from 0 as entered.
class MassageTypeService
{
    Q_DECLARE_TR_FUNCTIONS(MassageTypeService)

public:
    static constexpr qsizetype maxNameLength = 100;
    static constexpr qsizetype maxDescriptionLength = 2000;
    static constexpr qsizetype maxRoomKindLength = 50;
    // Both are the schema's own limits, so the database never has to refuse a checked type.
    static constexpr int maxBufferMinutes = 120;
    static constexpr int maxOptionMinutes = 480;
    // $100,000: nothing a clinic charges, so a longer number is a slip of the keyboard.
    static constexpr qint64 maxPriceCents = 10'000'000;

    MassageTypeService(Database& database, const Clock& clock)
        : m_database(database)
        , m_clock(clock)
    {}

    // "options[2].minutes": the key of one cell of the lengths, rows counted from 0.
    static QString optionField(int row, QStringView part);

    // Trims the texts, lowercases the colour and the room kind (rooms are matched on it
    // exactly), as they are stored.
    static MassageType normalized(MassageType type);

    // A price as typed, in dollars: "95", "95.5", "$95.00", "-5.25" (negative prices are
    // read, so that the rules can say what is wrong with them). Refuses anything else.
    static Result<qint64> parsePrice(const QString& text);

    // Every problem with the type as entered, against types and modalities already read, so
    // that a form can run them on every keystroke. `others` may include the type itself (same
    // id): it is skipped. An empty `modalities` list skips the check that the required one
    // exists. Every length must be a multiple of `gridMinutes`, the clinic's booking step.
    static FieldProblems problemsIn(const MassageType& type, const QList<MassageType>& others,
                                    const QList<Modality>& modalities, int gridMinutes);
    // The same rules against what is stored now.
    Result<FieldProblems> validate(const MassageType& type);
    // The clinic's booking step, which every length must be a multiple of.
    Result<int> bookingStepMinutes();

    // The actor is taken for the audit trail that staff accounts will bring; the catalogue has
    // no change history yet, so it is not stored.

    // Adds (id 0) or replaces the type with its lengths in one transaction; returns its id.
    // Lengths are matched to the stored ones by minutes, so an appointment keeps pointing at
    // the length it booked; a length left out is removed, or kept as no longer offered when
    // appointments used it. Refuses invalid input with the first problem (Conflict for a name
    // already taken, Invalid otherwise), and a change that strands appointments still to come
    // (Conflict, listing them); nothing is written then.
    Result<Id> save(MassageType type, const Actor& actor);

    // Takes the type off the list of what can be booked; it stays with its history, and past
    // appointments keep their name and price. Refused while appointments of the type are still
    // to come (the message lists them).
    Status retire(Id typeId, const Actor& actor);
    Status reactivate(Id typeId, const Actor& actor);

    // The type's appointments still to come (booked, confirmed, arrived), soonest first.
    Result<FutureBookings> futureBookings(Id typeId);

    // Who can perform the type on `day`: the active therapists, and of them only those
    // certified in its modality that day when it requires one; in the clinic's order.
    Result<QList<Therapist>> therapistsFor(Id typeId, QDate day);
    static QList<Therapist> therapistsFor(const MassageType& type,
                                          const QList<Therapist>& therapists, QDate day);

private:
    // The other type that already has this name (case and accents ignored), or null.
    static const MassageType* namesake(const MassageType& type, const QList<MassageType>& others);
    // The stored ids of the lengths, matched by minutes; new lengths get id 0.
    static MassageType withStoredOptionIds(MassageType type, const MassageType& stored);
    // Refuses, listing them, when appointments still to come would be stranded by `changed`.
    Status refuseIfStranding(const MassageType& stored, const MassageType& changed);
    Status setActive(Id typeId, bool active);

    Database& m_database;
    const Clock& m_clock;
};

} // namespace masahista

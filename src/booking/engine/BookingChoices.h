#pragma once

#include "domain/ClinicSettings.h"
#include "domain/MassageType.h"
#include "domain/Result.h"
#include "domain/Room.h"
#include "domain/Therapist.h"

#include <QCoreApplication>
#include <QList>
#include <QTimeZone>

namespace masahista {

class Database;

// What a booking form offers: the clinic's active therapists, massage types and rooms, in the
// clinic's order, with its settings and zone. Read through the catalog cache, so opening a form
// again costs one small query while nothing has changed.
struct BookingChoices
{
    Q_DECLARE_TR_FUNCTIONS(BookingChoices)

public:
    ClinicSettings settings;
    QTimeZone zone;
    QList<Therapist> therapists;
    QList<MassageType> types;
    QList<Room> rooms;

    static Result<BookingChoices> load(Database& database);

    const MassageType* type(Id typeId) const;
    // The name, or the id for one no longer offered.
    QString therapistName(Id therapistId) const;
    // "no room" for 0.
    QString roomName(Id roomId) const;
};

} // namespace masahista

#include "MassageTypeService.h"

#include "booking/catalogue/CatalogActivation.h"
#include "data/ClientRepository.h"
#include "data/Database.h"
#include "data/MassageTypeRepository.h"
#include "data/RoomRepository.h"
#include "data/SettingsRepository.h"
#include "data/TherapistRepository.h"
#include "data/WriteTransaction.h"
#include "domain/Money.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace masahista {

namespace {

// The minutes of the lengths a client can book.
QSet<int> offeredMinutes(const MassageType& type)
{
    QSet<int> minutes;
    for (const DurationOption& option : type.options) {
        if (option.active) {
            minutes.insert(option.minutes);
        }
    }
    return minutes;
}

} // namespace

QString MassageTypeService::optionField(int row, QStringView part)
{
    return QStringLiteral("options[") + QString::number(row) + QStringLiteral("].") +
           part.toString();
}

MassageType MassageTypeService::normalized(MassageType type)
{
    type.name = type.name.simplified();
    type.description = type.description.trimmed();
    type.roomKind = type.roomKind.simplified().toLower();
    type.color = type.color.trimmed().toLower();
    return type;
}

Result<qint64> MassageTypeService::parsePrice(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return makeError(ErrorCode::Invalid, tr("Enter the price, like 95.00."));
    }
    // Money::toString() writes "-$5.25", so whatever the app shows can be typed back.
    static const QRegularExpression pattern(
        QStringLiteral("^(-?)\\$?(\\d{0,9})(?:\\.(\\d{1,2}))?$"));
    const QRegularExpressionMatch match = pattern.match(trimmed);
    if (!match.hasMatch() || (match.capturedLength(2) == 0 && match.capturedLength(3) == 0)) {
        return makeError(
            ErrorCode::Invalid,
            tr("\"%1\" is not a price: enter dollars and cents, like 95.00.").arg(trimmed));
    }
    const qint64 dollars = match.captured(2).toLongLong();
    const QString cents = match.captured(3).leftJustified(2, QLatin1Char('0'));
    const qint64 magnitude = dollars * 100 + cents.toLongLong();
    return match.capturedLength(1) > 0 ? -magnitude : magnitude;
}

const MassageType* MassageTypeService::namesake(const MassageType& type,
                                                const QList<MassageType>& others)
{
    // The command line finds types by name with case and accents ignored, so two names that
    // differ only in those would make it refuse both.
    const QString folded = ClientRepository::fold(type.name.simplified());
    for (const MassageType& other : others) {
        if (other.id != type.id && ClientRepository::fold(other.name) == folded) {
            return &other;
        }
    }
    return nullptr;
}

FieldProblems MassageTypeService::problemsIn(const MassageType& entered,
                                             const QList<MassageType>& others,
                                             const QList<Modality>& modalities, int gridMinutes)
{
    const MassageType type = normalized(entered);
    FieldProblems problems;
    const auto problem = [&problems](const QString& field, const QString& message) {
        problems.append({field, message});
    };

    if (type.name.isEmpty()) {
        problem(QStringLiteral("name"), tr("Enter the massage type's name."));
    } else if (type.name.size() > maxNameLength) {
        problem(QStringLiteral("name"),
                tr("The name is too long (at most %1 characters).").arg(maxNameLength));
    } else if (const MassageType* other = namesake(type, others)) {
        problem(QStringLiteral("name"),
                other->active ? tr("Another massage type is already called %1.").arg(other->name)
                              : tr("A retired massage type is already called %1: reactivate it "
                                   "instead, or choose another name.")
                                    .arg(other->name));
    }
    if (type.description.size() > maxDescriptionLength) {
        problem(
            QStringLiteral("description"),
            tr("The description is too long (at most %1 characters).").arg(maxDescriptionLength));
    }
    if (type.requiredModalityId != 0 && !modalities.isEmpty()) {
        bool known = false;
        for (const Modality& modality : modalities) {
            known = known || modality.id == type.requiredModalityId;
        }
        if (!known) {
            problem(QStringLiteral("modality"),
                    tr("There is no modality with id %1.").arg(type.requiredModalityId));
        }
    }
    if (type.bufferMinutes < 0 || type.bufferMinutes > maxBufferMinutes) {
        problem(QStringLiteral("buffer"),
                tr("The cleanup time must be between 0 and %1 minutes.").arg(maxBufferMinutes));
    }
    if (type.roomKind.size() > maxRoomKindLength) {
        problem(QStringLiteral("roomKind"),
                tr("The room kind is too long (at most %1 characters).").arg(maxRoomKindLength));
    }
    static const QRegularExpression colorPattern(QStringLiteral("^#[0-9a-f]{6}$"));
    if (type.color.isEmpty()) {
        problem(QStringLiteral("color"), tr("Choose a colour for the calendar."));
    } else if (!colorPattern.match(type.color).hasMatch()) {
        problem(QStringLiteral("color"),
                tr("%1 is not a colour: use #rrggbb, like #8bc34a.").arg(type.color));
    }

    if (type.options.isEmpty()) {
        problem(QStringLiteral("options"), tr("Add at least one length with its price."));
    } else if (offeredMinutes(type).isEmpty()) {
        problem(QStringLiteral("options"),
                tr("Offer at least one length: otherwise nothing can be booked."));
    }
    QSet<int> listed;
    for (int row = 0; row < type.options.size(); ++row) {
        const DurationOption& option = type.options.at(row);
        const QString minutesField = optionField(row, u"minutes");
        if (option.minutes <= 0) {
            problem(minutesField, tr("Length %1: enter the minutes.").arg(row + 1));
        } else if (option.minutes > maxOptionMinutes) {
            problem(minutesField,
                    tr("Length %1: at most %2 minutes.").arg(row + 1).arg(maxOptionMinutes));
        } else if (gridMinutes > 0 && option.minutes % gridMinutes != 0) {
            // Lengths off the grid would end between grid times and waste the rest of a step.
            problem(minutesField,
                    tr("Length %1: %2 minutes is not a multiple of the clinic's %3-minute "
                       "booking grid.")
                        .arg(row + 1)
                        .arg(option.minutes)
                        .arg(gridMinutes));
        } else if (listed.contains(option.minutes)) {
            problem(minutesField, tr("Length %1: %2 minutes is already listed above.")
                                      .arg(row + 1)
                                      .arg(option.minutes));
        }
        listed.insert(option.minutes);
        const QString priceField = optionField(row, u"price");
        if (option.priceCents < 0) {
            problem(priceField, tr("Length %1: the price cannot be negative.").arg(row + 1));
        } else if (option.priceCents > maxPriceCents) {
            problem(priceField, tr("Length %1: the price is more than %2; check the amount.")
                                    .arg(row + 1)
                                    .arg(Money(maxPriceCents).toString()));
        }
    }
    return problems;
}

Result<int> MassageTypeService::bookingStepMinutes()
{
    Result<ClinicSettings> settings = SettingsRepository(m_database).load();
    if (!settings) {
        return settings.error();
    }
    return settings->bookingStepMinutes;
}

Result<FieldProblems> MassageTypeService::validate(const MassageType& type)
{
    Result<QList<MassageType>> others = MassageTypeRepository(m_database).all();
    if (!others) {
        return others.error();
    }
    Result<QList<Modality>> modalities = TherapistRepository(m_database).modalities();
    if (!modalities) {
        return modalities.error();
    }
    Result<int> grid = bookingStepMinutes();
    if (!grid) {
        return grid.error();
    }
    return problemsIn(type, *others, *modalities, *grid);
}

MassageType MassageTypeService::withStoredOptionIds(MassageType type, const MassageType& stored)
{
    // By minutes rather than by the ids the caller sent: a length whose minutes were edited
    // is a new length (the old one is withdrawn), so an appointment's length always keeps its
    // minutes, and a length taken out and added again does not clash with the stored row.
    for (DurationOption& option : type.options) {
        const DurationOption* match = stored.option(option.minutes);
        option.id = match != nullptr ? match->id : 0;
    }
    return type;
}

Result<Id> MassageTypeService::save(MassageType type, const Actor& /*actor*/)
{
    type = normalized(std::move(type));
    return inWriteTransaction<Id>(m_database, [&]() -> Result<Id> {
        // Checked under the write lock, so no other desk can take the name before it is stored.
        MassageTypeRepository types(m_database);
        Result<QList<MassageType>> others = types.all();
        if (!others) {
            return others.error();
        }
        Result<QList<Modality>> modalities = TherapistRepository(m_database).modalities();
        if (!modalities) {
            return modalities.error();
        }
        Result<int> grid = bookingStepMinutes();
        if (!grid) {
            return grid.error();
        }
        const FieldProblems problems = problemsIn(type, *others, *modalities, *grid);
        if (!problems.isEmpty()) {
            const bool nameTaken =
                problems.constFirst().field == u"name" && namesake(type, *others) != nullptr;
            return makeError(nameTaken ? ErrorCode::Conflict : ErrorCode::Invalid,
                             problems.constFirst().message);
        }
        if (type.id == 0) {
            return types.add(type);
        }
        Result<MassageType> stored = types.byId(type.id);
        if (!stored) {
            return stored.error();
        }
        const MassageType changed = withStoredOptionIds(type, *stored);
        if (Status free = refuseIfStranding(*stored, changed); !free) {
            return free.error();
        }
        if (Status updated = types.update(changed); !updated) {
            return updated.error();
        }
        return changed.id;
    });
}

Status MassageTypeService::refuseIfStranding(const MassageType& stored, const MassageType& changed)
{
    const bool retiring = stored.active && !changed.active;
    QSet<int> withdrawn = offeredMinutes(stored);
    withdrawn.subtract(offeredMinutes(changed));
    const bool newRoomKind = !changed.roomKind.isEmpty() && changed.roomKind != stored.roomKind;
    const bool newModality =
        changed.requiredModalityId != 0 && changed.requiredModalityId != stored.requiredModalityId;
    if (!retiring && withdrawn.isEmpty() && !newRoomKind && !newModality) {
        return success();
    }
    Result<FutureBookings> coming = futureBookings(stored.id);
    if (!coming) {
        return coming.error();
    }
    if (coming->isEmpty()) {
        return success();
    }
    if (retiring) {
        return coming->refusal(tr("%1 still has %n booked appointment(s) to come; change them to "
                                  "another massage type or cancel them first:",
                                  nullptr, static_cast<int>(coming->size()))
                                   .arg(stored.name));
    }
    if (!withdrawn.isEmpty()) {
        const FutureBookings ofLength = coming->filtered([&](const CalendarEntry& entry) {
            return withdrawn.contains(entry.appointment.durationMinutes);
        });
        if (!ofLength.isEmpty()) {
            return ofLength.refusal(tr("%n booked appointment(s) to come use a length of %1 that "
                                       "would no longer be offered; change their length or "
                                       "cancel them first:",
                                       nullptr, static_cast<int>(ofLength.size()))
                                        .arg(stored.name));
        }
    }
    if (newRoomKind) {
        Result<QList<Room>> rooms = RoomRepository(m_database).all();
        if (!rooms) {
            return rooms.error();
        }
        QHash<Id, QString> kinds;
        for (const Room& room : *rooms) {
            kinds.insert(room.id, room.kind);
        }
        const FutureBookings elsewhere = coming->filtered([&](const CalendarEntry& entry) {
            return entry.appointment.roomId != 0 &&
                   kinds.value(entry.appointment.roomId) != changed.roomKind;
        });
        if (!elsewhere.isEmpty()) {
            return elsewhere.refusal(tr("%n booked appointment(s) of %1 to come are in rooms that "
                                        "are not %2 rooms; move them first:",
                                        nullptr, static_cast<int>(elsewhere.size()))
                                         .arg(stored.name, changed.roomKind));
        }
    }
    if (newModality) {
        Result<QList<Therapist>> therapists = TherapistRepository(m_database).all();
        if (!therapists) {
            return therapists.error();
        }
        QHash<Id, Therapist> byId;
        for (const Therapist& therapist : *therapists) {
            byId.insert(therapist.id, therapist);
        }
        const FutureBookings uncertified = coming->filtered([&](const CalendarEntry& entry) {
            return !byId.value(entry.appointment.therapistId)
                        .isCertifiedOn(changed.requiredModalityId,
                                       coming->localStart(entry).date());
        });
        if (!uncertified.isEmpty()) {
            return uncertified.refusal(
                tr("%n booked appointment(s) of %1 to come are with therapists who would not be "
                   "certified for it; move them to a certified therapist first:",
                   nullptr, static_cast<int>(uncertified.size()))
                    .arg(stored.name));
        }
    }
    return success();
}

Status MassageTypeService::retire(Id typeId, const Actor& /*actor*/)
{
    return setActive(typeId, false);
}

Status MassageTypeService::reactivate(Id typeId, const Actor& /*actor*/)
{
    return setActive(typeId, true);
}

Status MassageTypeService::setActive(Id typeId, bool active)
{
    return setCatalogItemActive<MassageTypeRepository>(
        m_database, typeId, active, [this](const MassageType& stored, const MassageType& changed) {
            return refuseIfStranding(stored, changed);
        });
}

Result<FutureBookings> MassageTypeService::futureBookings(Id typeId)
{
    return FutureBookings::load(m_database, m_clock.nowUtc(), [typeId](const Appointment& each) {
        return each.massageTypeId == typeId;
    });
}

Result<QList<Therapist>> MassageTypeService::therapistsFor(Id typeId, QDate day)
{
    Result<MassageType> type = MassageTypeRepository(m_database).byId(typeId);
    if (!type) {
        return type.error();
    }
    Result<QList<Therapist>> therapists = TherapistRepository(m_database).all(false);
    if (!therapists) {
        return therapists.error();
    }
    return therapistsFor(*type, *therapists, day);
}

QList<Therapist> MassageTypeService::therapistsFor(const MassageType& type,
                                                   const QList<Therapist>& therapists, QDate day)
{
    QList<Therapist> able;
    for (const Therapist& therapist : therapists) {
        if (therapist.active && (type.requiredModalityId == 0 ||
                                 therapist.isCertifiedOn(type.requiredModalityId, day))) {
            able.append(therapist);
        }
    }
    return able;
}

} // namespace masahista

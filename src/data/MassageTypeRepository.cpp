#include "MassageTypeRepository.h"

#include "SqlQuery.h"
#include "WriteTransaction.h"

#include <QSet>

namespace masahista {

namespace {

const QString typeSelect = QStringLiteral(
    "SELECT t.id, t.name, t.description, t.pressure, t.required_modality_id, m.name, "
    "t.buffer_minutes, t.room_kind, t.color, t.active, t.sort_order FROM massage_types AS t "
    "LEFT JOIN modalities AS m ON m.id = t.required_modality_id ");

MassageType typeFrom(const SqlQuery& query)
{
    MassageType type;
    type.id = query.integer(0);
    type.name = query.text(1);
    type.description = query.text(2);
    type.pressure = pressureFromKey(query.text(3)).value_or(Pressure::Medium);
    type.requiredModalityId = query.integer(4);
    type.requiredModalityName = query.text(5);
    type.bufferMinutes = static_cast<int>(query.integer(6));
    type.roomKind = query.text(7);
    type.color = query.text(8);
    type.active = query.flag(9);
    type.sortOrder = static_cast<int>(query.integer(10));
    return type;
}

void bindType(SqlQuery& query, const MassageType& type)
{
    query.bind(QStringLiteral(":name"), type.name)
        .bind(QStringLiteral(":description"), type.description)
        .bind(QStringLiteral(":pressure"), pressureKey(type.pressure))
        .bindOptionalId(QStringLiteral(":modality"), type.requiredModalityId)
        .bind(QStringLiteral(":buffer"), type.bufferMinutes)
        .bind(QStringLiteral(":room_kind"), type.roomKind)
        .bind(QStringLiteral(":color"), type.color)
        .bind(QStringLiteral(":active"), type.active)
        .bind(QStringLiteral(":sort"), type.sortOrder);
}

} // namespace

Result<QList<MassageType>> MassageTypeRepository::all(bool includeInactive)
{
    SqlQuery query(m_database, typeSelect + QStringLiteral("WHERE t.active = 1 OR :all = 1 "
                                                           "ORDER BY t.sort_order, t.name, t.id"));
    query.bind(QStringLiteral(":all"), includeInactive);
    if (Status status = query.exec(tr("reading the massage types")); !status) {
        return status.error();
    }
    QList<MassageType> types;
    while (query.next()) {
        types.append(typeFrom(query));
    }
    SqlQuery options(m_database,
                     QStringLiteral("SELECT massage_type_id, id, duration_minutes, price_cents, "
                                    "active FROM massage_type_options ORDER BY massage_type_id, "
                                    "duration_minutes"));
    const Status loaded = forEachChildRow(
        options, tr("reading the massage types"), indexByIdOf(types),
        [&](qsizetype index, const SqlQuery& row) {
            types[index].options.append(
                {row.integer(1), static_cast<int>(row.integer(2)), row.integer(3), row.flag(4)});
        });
    if (!loaded) {
        return loaded.error();
    }
    return types;
}

Result<MassageType> MassageTypeRepository::byId(Id id)
{
    Result<QList<MassageType>> types = all(true);
    if (!types) {
        return types.error();
    }
    for (const MassageType& type : *types) {
        if (type.id == id) {
            return type;
        }
    }
    return makeError(ErrorCode::NotFound, tr("There is no massage type with id %1.").arg(id));
}

Result<Id> MassageTypeRepository::add(const MassageType& type)
{
    Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
    if (!transaction) {
        return transaction.error();
    }
    SqlQuery insert(m_database,
                    QStringLiteral("INSERT INTO massage_types (name, description, pressure, "
                                   "required_modality_id, buffer_minutes, room_kind, color, "
                                   "active, sort_order) VALUES (:name, :description, :pressure, "
                                   ":modality, :buffer, :room_kind, :color, :active, :sort) "
                                   "RETURNING id"));
    bindType(insert, type);
    Result<Id> id = insert.insert(tr("saving the massage type %1").arg(type.name));
    if (!id) {
        return id;
    }
    MassageType stored = type;
    stored.id = *id;
    for (DurationOption& option : stored.options) {
        option.id = 0; // all options of a new type are new
    }
    if (Status status = writeOptions(stored); !status) {
        return status.error();
    }
    if (Status status = transaction->commit(); !status) {
        return status.error();
    }
    return id;
}

Status MassageTypeRepository::update(const MassageType& type)
{
    Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
    if (!transaction) {
        return transaction.error();
    }
    SqlQuery update(m_database,
                    QStringLiteral("UPDATE massage_types SET name = :name, description = "
                                   ":description, pressure = :pressure, required_modality_id = "
                                   ":modality, buffer_minutes = :buffer, room_kind = :room_kind, "
                                   "color = :color, active = :active, sort_order = :sort WHERE "
                                   "id = :id"));
    bindType(update, type);
    update.bind(QStringLiteral(":id"), type.id);
    Result<int> changed = update.execChanging(tr("saving the massage type %1").arg(type.name));
    if (!changed) {
        return changed.error();
    }
    if (*changed == 0) {
        return makeError(ErrorCode::NotFound,
                         tr("There is no massage type with id %1.").arg(type.id));
    }
    if (Status status = writeOptions(type); !status) {
        return status;
    }
    return transaction->commit();
}

// Options are matched by id so that appointments keep pointing at the option they booked.
// Removing an option that appointments used fails on the foreign key; such an option is
// retired (inactive) instead.
Status MassageTypeRepository::writeOptions(const MassageType& type)
{
    const QString doing = tr("saving the options of %1").arg(type.name);
    QSet<Id> kept;
    for (const DurationOption& option : type.options) {
        if (option.id != 0) {
            kept.insert(option.id);
        }
    }
    SqlQuery existing(m_database, QStringLiteral("SELECT id FROM massage_type_options WHERE "
                                                 "massage_type_id = :type"));
    existing.bind(QStringLiteral(":type"), type.id);
    if (Status status = existing.exec(doing); !status) {
        return status;
    }
    QList<Id> removed;
    while (existing.next()) {
        if (!kept.contains(existing.integer(0))) {
            removed.append(existing.integer(0));
        }
    }
    for (Id id : removed) {
        // Retire first, then delete only if nothing refers to it: deleting a used option would
        // fail on the foreign key and take the whole save down with it.
        SqlQuery retire(m_database, QStringLiteral("UPDATE massage_type_options SET active = 0 "
                                                   "WHERE id = :id"));
        retire.bind(QStringLiteral(":id"), id);
        if (Status status = retire.exec(doing); !status) {
            return status;
        }
        SqlQuery remove(m_database,
                        QStringLiteral("DELETE FROM massage_type_options WHERE id = :id AND id NOT "
                                       "IN (SELECT option_id FROM appointments WHERE option_id "
                                       "IS NOT NULL)"));
        remove.bind(QStringLiteral(":id"), id);
        if (Status status = remove.exec(doing); !status) {
            return status;
        }
    }
    for (const DurationOption& option : type.options) {
        SqlQuery write(m_database,
                       option.id == 0
                           ? QStringLiteral("INSERT INTO massage_type_options (massage_type_id, "
                                            "duration_minutes, price_cents, active) VALUES "
                                            "(:type, :minutes, :price, :active)")
                           : QStringLiteral("UPDATE massage_type_options SET duration_minutes "
                                            "= :minutes, price_cents = :price, active = :active "
                                            "WHERE id = :id AND massage_type_id = :type"));
        write.bind(QStringLiteral(":type"), type.id)
            .bind(QStringLiteral(":minutes"), option.minutes)
            .bind(QStringLiteral(":price"), option.priceCents)
            .bind(QStringLiteral(":active"), option.active);
        if (option.id != 0) {
            write.bind(QStringLiteral(":id"), option.id);
        }
        if (Status status = write.exec(doing); !status) {
            return status;
        }
    }
    return success();
}

} // namespace masahista

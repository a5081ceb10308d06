#include "BookingChoices.h"

#include "booking/engine/ClinicTime.h"
#include "data/Catalog.h"

#include <algorithm>
#include <iterator>

namespace masahista {

namespace {

template <typename Item>
QList<Item> activeOnes(const QList<Item>& all)
{
    QList<Item> active;
    std::copy_if(all.cbegin(), all.cend(), std::back_inserter(active),
                 [](const Item& item) { return item.active; });
    return active;
}

template <typename Item>
const Item* byId(const QList<Item>& items, Id id)
{
    const auto found = std::find_if(items.cbegin(), items.cend(),
                                    [id](const Item& item) { return item.id == id; });
    return found != items.cend() ? &*found : nullptr;
}

} // namespace

Result<BookingChoices> BookingChoices::load(Database& database)
{
    Result<Catalog> catalog = database.catalog().current();
    if (!catalog) {
        return catalog.error();
    }
    BookingChoices choices;
    choices.settings = catalog->settings;
    choices.zone = ClinicTime::zone(catalog->settings.timeZoneId);
    choices.therapists = activeOnes(catalog->therapists);
    choices.types = activeOnes(catalog->massageTypes);
    choices.rooms = activeOnes(catalog->rooms);
    return choices;
}

const MassageType* BookingChoices::type(Id typeId) const
{
    return byId(types, typeId);
}

QString BookingChoices::therapistName(Id therapistId) const
{
    const Therapist* therapist = byId(therapists, therapistId);
    return therapist != nullptr ? therapist->displayName : QString::number(therapistId);
}

QString BookingChoices::roomName(Id roomId) const
{
    if (const Room* room = byId(rooms, roomId)) {
        return room->name;
    }
    return roomId == 0 ? tr("no room") : QString::number(roomId);
}

} // namespace masahista

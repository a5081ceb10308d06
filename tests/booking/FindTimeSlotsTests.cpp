#include "BookingFixture.h"
#include "booking/engine/Availability.h"

#include <catch2/catch.hpp>

using namespace masahista;
using masahista::test::BookingFixture;

namespace {

const QDate friday(2026, 11, 27);

template <typename T>
T require(Result<T> result)
{
    INFO((result ? QString() : result.error().message));
    REQUIRE(result.ok());
    return std::move(result).value();
}

SlotQuery fridaySwedish(const BookingFixture& clinic)
{
    SlotQuery query;
    query.massageTypeId = clinic.swedish;
    query.minutes = 60;
    query.fromUtc = clinic.at(friday, 0);
    query.toUtc = clinic.at(friday.addDays(1), 0);
    query.limit = 100;
    return query;
}

} // namespace

TEST_CASE("Free slots for a client leave out the times of the client's own appointments",
          "[slots][findtime]")
{
    BookingFixture clinic;
    // Zoe is with Cara 10:00-11:00; Ana is free then, so the slot is free for anyone else.
    clinic.booked(clinic.request(clinic.cara, clinic.swedish, 60, clinic.at(friday, 10)));

    SlotQuery anyone = fridaySwedish(clinic);
    const QList<Slot> forAnyone =
        require(Availability(*clinic.database, clinic.clock).findSlots(anyone));
    const auto startsAt = [](const QList<Slot>& list, const QDateTime& start) {
        return std::any_of(list.cbegin(), list.cend(),
                           [&start](const Slot& slot) { return slot.startUtc == start; });
    };
    REQUIRE(startsAt(forAnyone, clinic.at(friday, 10, 30)));

    SlotQuery forZoe = anyone;
    forZoe.clientId = clinic.zoe;
    const QList<Slot> zoeSlots =
        require(Availability(*clinic.database, clinic.clock).findSlots(forZoe));
    REQUIRE_FALSE(zoeSlots.isEmpty());
    // Any start whose hour overlaps 10:00-11:00 is gone; a start at 11:00 is fine for her (she
    // needs no cleanup), and 09:00 ends as hers begins.
    for (const Slot& slot : zoeSlots) {
        INFO(slot.startUtc.toString(Qt::ISODate));
        CHECK_FALSE((slot.startUtc < clinic.at(friday, 11) && slot.endUtc > clinic.at(friday, 10)));
    }
    CHECK(startsAt(zoeSlots, clinic.at(friday, 9)));
    CHECK(startsAt(zoeSlots, clinic.at(friday, 11)));
    CHECK_FALSE(startsAt(zoeSlots, clinic.at(friday, 10, 30)));
    // Every slot offered to her can be booked for her.
    const Slot first = zoeSlots.constFirst();
    BookingRequest request =
        clinic.request(first.therapistId, clinic.swedish, 60, first.startUtc, clinic.zoe);
    request.roomId = first.roomId;
    clinic.booked(request);

    SlotQuery archived = anyone;
    archived.clientId = clinic.xavier;
    const auto refused = Availability(*clinic.database, clinic.clock).findSlots(archived);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(u"archived"));
    SlotQuery missing = anyone;
    missing.clientId = 9999;
    const auto unknown = Availability(*clinic.database, clinic.clock).findSlots(missing);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message.contains(u"no client with id 9999"));
}

TEST_CASE("Free slots keep to the part of the day asked for, on every day searched",
          "[slots][findtime]")
{
    BookingFixture clinic;
    const QTimeZone& zone = clinic.zone;
    const auto minuteOf = [&zone](const QDateTime& instant) {
        const QTime local = instant.toTimeZone(zone).time();
        return local.hour() * 60 + local.minute();
    };
    const struct
    {
        DayPart part;
        int from;
        int to;
    } parts[] = {{DayPart::Morning, 0, 12 * 60},
                 {DayPart::Afternoon, 12 * 60, 17 * 60},
                 {DayPart::Evening, 17 * 60, 24 * 60},
                 {DayPart::Any, 0, 24 * 60}};
    for (const auto& each : parts) {
        SlotQuery query = fridaySwedish(clinic);
        query.toUtc = clinic.at(friday.addDays(3), 0); // three days, each cut to the part
        query.setDayPart(each.part);
        query.limit = 500;
        const QList<Slot> found =
            require(Availability(*clinic.database, clinic.clock).findSlots(query));
        QSet<QDate> days;
        for (const Slot& slot : found) {
            INFO(slot.startUtc.toTimeZone(zone).toString(Qt::ISODate));
            CHECK(minuteOf(slot.startUtc) >= each.from);
            CHECK(minuteOf(slot.startUtc) < each.to);
            days.insert(slot.startUtc.toTimeZone(zone).date());
        }
        if (each.part == DayPart::Evening) {
            // Nobody works after 17:00 in this clinic.
            CHECK(found.isEmpty());
        } else {
            CHECK(days.size() == 3);
        }
        if (each.part == DayPart::Afternoon) {
            CHECK(found.constFirst().startUtc == clinic.at(friday, 12));
        }
    }
    SlotQuery backwards = fridaySwedish(clinic);
    backwards.fromMinute = 17 * 60;
    backwards.toMinute = 12 * 60;
    CHECK_FALSE(Availability(*clinic.database, clinic.clock).findSlots(backwards).ok());
}

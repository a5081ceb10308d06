#include "BookingFixture.h"
#include "booking/catalogue/RoomService.h"
#include "booking/engine/BookingChoices.h"

#include <QStringList>

using namespace masahista;
using masahista::test::BookingFixture;

namespace {

template <typename Item, typename Name>
QStringList namesOf(const QList<Item>& items, Name name)
{
    QStringList names;
    for (const Item& item : items) {
        names.append(name(item));
    }
    return names;
}

} // namespace

TEST_CASE("A booking form offers the active therapists, massage types and rooms in the clinic's "
          "order, and sees a change made since",
          "[booking][choices]")
{
    BookingFixture clinic;
    Result<BookingChoices> choices = BookingChoices::load(*clinic.database);
    REQUIRE(choices.ok());
    CHECK(choices->zone.id() == "America/Edmonton");
    CHECK(namesOf(choices->therapists, [](const Therapist& t) { return t.displayName; }) ==
          QStringList{QStringLiteral("Ana"), QStringLiteral("Cara")});
    CHECK(namesOf(choices->types, [](const MassageType& t) { return t.name; }) ==
          QStringList{QStringLiteral("Hot stone"), QStringLiteral("Swedish"),
                      QStringLiteral("Thai on the mat")});
    CHECK(namesOf(choices->rooms, [](const Room& r) { return r.name; }) ==
          QStringList{QStringLiteral("Table A"), QStringLiteral("Table B"),
                      QStringLiteral("Mat room")});
    CHECK(choices->type(clinic.retired) == nullptr);
    REQUIRE(choices->type(clinic.thai) != nullptr);
    CHECK(choices->type(clinic.thai)->name == u"Thai on the mat");
    CHECK(choices->therapistName(clinic.cara) == u"Cara");
    CHECK(choices->roomName(clinic.tableB) == u"Table B");
    CHECK(choices->roomName(0) == u"no room");

    // Read again after a change: the form opened next offers what the clinic has now.
    Room renamed = choices->rooms.at(0);
    renamed.name = QStringLiteral("Table One");
    REQUIRE(RoomService(*clinic.database, clinic.clock).save(renamed, clinic.actor).ok());
    REQUIRE(RoomService(*clinic.database, clinic.clock).retire(clinic.matRoom, clinic.actor).ok());
    Result<BookingChoices> again = BookingChoices::load(*clinic.database);
    REQUIRE(again.ok());
    CHECK(namesOf(again->rooms, [](const Room& r) { return r.name; }) ==
          QStringList{QStringLiteral("Table One"), QStringLiteral("Table B")});
}

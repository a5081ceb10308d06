#include "booking/catalogue/AlbertaHolidays.h"

#include <catch2/catch.hpp>

#include <utility>
#include <vector>

using masahista::AlbertaHolidays;

namespace {

QList<QDate> datesOf(int year)
{
    QList<QDate> dates;
    for (const AlbertaHolidays::Holiday& holiday : AlbertaHolidays::of(year)) {
        dates.append(holiday.date);
    }
    return dates;
}

} // namespace

TEST_CASE("Easter Sunday matches the published dates", "[holidays]")
{
    // Typed from a published table of Gregorian Easter dates, not computed.
    const std::vector<std::pair<int, QDate>> published{
        {2024, QDate(2024, 3, 31)},
        {2025, QDate(2025, 4, 20)},
        {2026, QDate(2026, 4, 5)},
        {2027, QDate(2027, 3, 28)},
        {2028, QDate(2028, 4, 16)},
        {2029, QDate(2029, 4, 1)},
        {2030, QDate(2030, 4, 21)},
        {2031, QDate(2031, 4, 13)},
        {2032, QDate(2032, 3, 28)},
        {2033, QDate(2033, 4, 17)},
        {2034, QDate(2034, 4, 9)},
        {2035, QDate(2035, 3, 25)},
        // The earliest and latest Easters of the 2000s and a century year.
        {2008, QDate(2008, 3, 23)},
        {2038, QDate(2038, 4, 25)},
        {2000, QDate(2000, 4, 23)},
    };
    for (const auto& [year, easter] : published) {
        INFO(year);
        CHECK(AlbertaHolidays::easter(year) == easter);
        CHECK(AlbertaHolidays::easter(year).dayOfWeek() == Qt::Sunday);
    }
}

TEST_CASE("Alberta's general holidays match the province's published tables", "[holidays]")
{
    // alberta.ca, "Alberta general holidays", the years it lists.
    CHECK(datesOf(2024) == QList<QDate>{QDate(2024, 1, 1), QDate(2024, 2, 19), QDate(2024, 3, 29),
                                        QDate(2024, 5, 20), QDate(2024, 7, 1), QDate(2024, 9, 2),
                                        QDate(2024, 10, 14), QDate(2024, 11, 11),
                                        QDate(2024, 12, 25)});
    CHECK(datesOf(2025) == QList<QDate>{QDate(2025, 1, 1), QDate(2025, 2, 17), QDate(2025, 4, 18),
                                        QDate(2025, 5, 19), QDate(2025, 7, 1), QDate(2025, 9, 1),
                                        QDate(2025, 10, 13), QDate(2025, 11, 11),
                                        QDate(2025, 12, 25)});
    CHECK(datesOf(2026) == QList<QDate>{QDate(2026, 1, 1), QDate(2026, 2, 16), QDate(2026, 4, 3),
                                        QDate(2026, 5, 18), QDate(2026, 7, 1), QDate(2026, 9, 7),
                                        QDate(2026, 10, 12), QDate(2026, 11, 11),
                                        QDate(2026, 12, 25)});
    // 2029: July 1 is a Sunday, so Canada Day is Monday July 2; Victoria Day on May 21.
    const QList<QDate> dates2029 = datesOf(2029);
    REQUIRE(dates2029.size() == 9);
    CHECK(dates2029.at(2) == QDate(2029, 3, 30));
    CHECK(dates2029.at(3) == QDate(2029, 5, 21));
    CHECK(dates2029.at(4) == QDate(2029, 7, 2));
    // 2028: May 24 is a Wednesday; "the Monday before May 25" is May 22.
    CHECK(datesOf(2028).at(3) == QDate(2028, 5, 22));
    // A year when May 24 is itself a Monday (2027).
    CHECK(datesOf(2027).at(3) == QDate(2027, 5, 24));

    const QList<AlbertaHolidays::Holiday> named = AlbertaHolidays::of(2026);
    CHECK(named.at(1).name == u"Alberta Family Day");
    CHECK(named.at(2).name == u"Good Friday");
    CHECK(AlbertaHolidays::of(1200).isEmpty());
}

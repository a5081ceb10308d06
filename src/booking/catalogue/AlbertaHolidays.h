#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

namespace masahista {

// Alberta's nine general (statutory) holidays of a year, as the Employment Standards Code
// defines them (alberta.ca, "Alberta general holidays"): New Year's Day, Alberta Family Day
// (third Monday of February), Good Friday (the Friday before Easter), Victoria Day (the Monday
// before May 25), Canada Day (July 1, or July 2 when July 1 is a Sunday), Labour Day (first
// Monday of September), Thanksgiving Day (second Monday of October), Remembrance Day and
// Christmas Day. Optional days (Easter Monday, Heritage Day, Boxing Day) are the clinic's own
// choice and are not offered.
class AlbertaHolidays
{
    Q_DECLARE_TR_FUNCTIONS(AlbertaHolidays)

public:
    struct Holiday
    {
        QDate date;
        QString name; // translated
    };

    // In date order; empty for a year outside QDate's Gregorian range.
    static QList<Holiday> of(int year);
    // Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
    static QDate easter(int year);
};

} // namespace masahista

#include "AlbertaHolidays.h"

namespace masahista {

namespace {

// The `nth` (1-based) given weekday of a month.
QDate nthWeekday(int year, int month, int weekday, int nth)
{
    const QDate first(year, month, 1);
    const int offset = (weekday - first.dayOfWeek() + 7) % 7;
    return first.addDays(offset + 7 * (nth - 1));
}

} // namespace

QDate AlbertaHolidays::easter(int year)
{
    // Meeus/Jones/Butcher: the Gregorian computus without tables.
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return {year, month, day};
}

QList<AlbertaHolidays::Holiday> AlbertaHolidays::of(int year)
{
    // QDate counts the Gregorian calendar from 1582; Alberta's holidays are younger still.
    if (year < 1583 || year > 9999) {
        return {};
    }
    const QDate victoriaDay = [year] {
        QDate day(year, 5, 24);
        while (day.dayOfWeek() != Qt::Monday) {
            day = day.addDays(-1);
        }
        return day;
    }();
    const QDate julyFirst(year, 7, 1);
    return {
        {QDate(year, 1, 1), tr("New Year's Day")},
        {nthWeekday(year, 2, Qt::Monday, 3), tr("Alberta Family Day")},
        {easter(year).addDays(-2), tr("Good Friday")},
        {victoriaDay, tr("Victoria Day")},
        {julyFirst.dayOfWeek() == Qt::Sunday ? julyFirst.addDays(1) : julyFirst, tr("Canada Day")},
        {nthWeekday(year, 9, Qt::Monday, 1), tr("Labour Day")},
        {nthWeekday(year, 10, Qt::Monday, 2), tr("Thanksgiving Day")},
        {QDate(year, 11, 11), tr("Remembrance Day")},
        {QDate(year, 12, 25), tr("Christmas Day")},
    };
}

} // namespace masahista

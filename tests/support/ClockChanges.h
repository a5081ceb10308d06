#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace masahista::test {

// One row of tests/booking/data/clock_changes.csv: a wall-clock time of a day the clocks change
// in America/Edmonton and the instant Python's zoneinfo says it names (RFC 5545's reading).
struct ClockChangeRow
{
    QDate date;
    int minute = 0; // of the local day
    QDateTime utc;
    QString kind; // "exact", "gap" (the clocks skip it) or "fold" (they show it twice)

    QString wallText() const; // "2026-03-08T02:30"
};

QString clockChangeScript();
QString clockChangeTable();
// Every row of the committed table, read with its own small CSV reader (the table has no quoted
// fields: the test that runs the script checks the whole file, byte for byte).
QList<ClockChangeRow> clockChanges();

} // namespace masahista::test

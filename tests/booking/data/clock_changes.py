#!/usr/bin/env python3
"""Writes clock_changes.csv: every 15-minute wall-clock time of the days the clocks change in
America/Edmonton in 2026 and 2027, and the instant each one names, computed by Python's zoneinfo
with the system's time-zone data, independently of the code under test.

RFC 5545 (3.3.5) reads a time in the spring gap with the offset in force before the gap and an
ambiguous time as its first occurrence; zoneinfo does the same with fold=0.

Run: python3 tests/booking/data/clock_changes.py > tests/booking/data/clock_changes.csv
"""
import csv
import datetime
import sys
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("America/Edmonton")
UTC = datetime.timezone.utc
DAYS = [datetime.date(2026, 3, 8), datetime.date(2026, 11, 1),
        datetime.date(2027, 3, 14), datetime.date(2027, 11, 7)]


def kind(wall):
    """exact, gap (the clocks skip it) or fold (the clocks show it twice)."""
    first = wall.replace(fold=0).astimezone(UTC)
    second = wall.replace(fold=1).astimezone(UTC)
    if first == second:
        return "exact"
    # In a gap, fold=0 gives the later instant; in a fold, the earlier.
    return "fold" if first < second else "gap"


def main():
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["date", "time", "utc", "kind"])
    for day in DAYS:
        for minute in range(0, 24 * 60, 15):
            wall = datetime.datetime(day.year, day.month, day.day, minute // 60, minute % 60,
                                     tzinfo=ZONE)
            instant = wall.replace(fold=0).astimezone(UTC)
            writer.writerow([day.isoformat(), "%02d:%02d" % (minute // 60, minute % 60),
                             instant.strftime("%Y-%m-%dT%H:%M:%SZ"), kind(wall)])


if __name__ == "__main__":
    main()

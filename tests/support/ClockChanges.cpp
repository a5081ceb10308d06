#include "ClockChanges.h"

#include <QFile>
#include <QStringList>

#include <catch2/catch.hpp>

namespace masahista::test {

QString ClockChangeRow::wallText() const
{
    return date.toString(Qt::ISODate) + QStringLiteral("T%1:%2")
                                            .arg(minute / 60, 2, 10, QLatin1Char('0'))
                                            .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

QString clockChangeScript()
{
    return QStringLiteral(MASAHISTA_SOURCE_DIR "/tests/booking/data/clock_changes.py");
}

QString clockChangeTable()
{
    return QStringLiteral(MASAHISTA_SOURCE_DIR "/tests/booking/data/clock_changes.csv");
}

QList<ClockChangeRow> clockChanges()
{
    QFile file(clockChangeTable());
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    REQUIRE(lines.constFirst() == "date,time,utc,kind");
    QList<ClockChangeRow> rows;
    for (const QByteArray& line : lines.mid(1)) {
        if (line.isEmpty()) {
            continue;
        }
        const QStringList fields = QString::fromLatin1(line).split(QLatin1Char(','));
        REQUIRE(fields.size() == 4);
        ClockChangeRow row;
        row.date = QDate::fromString(fields.at(0), Qt::ISODate);
        const QTime time = QTime::fromString(fields.at(1), QStringLiteral("HH:mm"));
        row.minute = time.hour() * 60 + time.minute();
        row.utc = QDateTime::fromString(fields.at(2), Qt::ISODate);
        row.kind = fields.at(3);
        REQUIRE(row.date.isValid());
        REQUIRE(time.isValid());
        REQUIRE(row.utc.isValid());
        rows.append(row);
    }
    // Four days of 96 quarter hours each.
    REQUIRE(rows.size() == 4 * 96);
    return rows;
}

} // namespace masahista::test

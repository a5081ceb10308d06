#include "data/AppointmentRepository.h"
#include "support/TestSupport.h"

#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>

#include <memory>
#include <vector>

using masahista::Appointment;
using masahista::Id;
using masahista::test::ProcessResult;

namespace {

bool overlap(const Appointment& a, const Appointment& b)
{
    return a.startUtc < b.bufferEndUtc && b.startUtc < a.bufferEndUtc;
}

} // namespace

TEST_CASE("Eight desks racing for the same slots never double-book and never see a lock error",
          "[cli][race]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("race.sqlite"));
    const QDateTime now(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc());
    REQUIRE(masahista::test::runMasahistaAt(now, {QStringLiteral("--db"), path,
                                                  QStringLiteral("demo"), QStringLiteral("--today"),
                                                  QStringLiteral("2026-11-25")})
                .exitCode == 0);
    constexpr int desks = 8;
    QStringList clients;
    for (int desk = 0; desk < desks; ++desk) {
        const ProcessResult added = masahista::test::runMasahistaAt(
            now, {QStringLiteral("--db"), path, QStringLiteral("clients"), QStringLiteral("add"),
                  QStringLiteral("--name"), QStringLiteral("Racer %1").arg(desk),
                  QStringLiteral("--phone"),
                  QStringLiteral("780 555 02%1").arg(desk, 2, 10, QLatin1Char('0'))});
        REQUIRE(added.exitCode == 0);
        clients.append(added.out.trimmed());
    }
    // Three therapists and three table rooms: every round, eight desks book overlapping hours
    // with them at once, so they contend for the therapists and for the rooms.
    const QStringList therapists{QStringLiteral("Darlene N"), QStringLiteral("Kathy O"),
                                 QStringLiteral("Micah R")};
    constexpr int rounds = 40;
    int attempts = 0;
    QSet<QString> winners;
    for (int round = 0; round < rounds; ++round) {
        const QDate day = QDate(2026, 12, 7).addDays(round / 5);
        const QTime hour = QTime(9, 0).addSecs(qint64{round % 5} * 2 * 3600);
        std::vector<std::unique_ptr<QProcess>> running;
        for (int desk = 0; desk < desks; ++desk) {
            const QTime start = hour.addSecs(qint64{desk % 2} * 30 * 60);
            running.push_back(masahista::test::startMasahista(
                {QStringLiteral("--db"), path, QStringLiteral("book"), QStringLiteral("--client"),
                 clients.at(desk), QStringLiteral("--therapist"), therapists.at(desk % 3),
                 QStringLiteral("--service"), QStringLiteral("Swedish relaxation"),
                 QStringLiteral("--minutes"), QStringLiteral("60"), QStringLiteral("--start"),
                 day.toString(Qt::ISODate) + QLatin1Char('T') + start.toString(u"HH:mm"),
                 // Hours differ by weekday; the race is about overlaps, not shifts.
                 QStringLiteral("--override"), QStringLiteral("race test")},
                now));
        }
        for (auto& process : running) {
            const ProcessResult result = masahista::test::finish(*process);
            ++attempts;
            INFO("round " << round << ": " << result.err);
            if (result.exitCode == 0) {
                winners.insert(result.out.trimmed());
            } else {
                CHECK(result.exitCode == 1);
                CHECK(result.err.contains(u"Slot taken"));
                CHECK_FALSE(result.err.contains(u"busy"));
                CHECK_FALSE(result.err.contains(u"locked"));
            }
        }
    }
    CHECK(attempts == rounds * desks);
    CHECK(winners.size() >= rounds * 2); // at least two desks win each round

    auto database = masahista::test::fileDatabase(path);
    const QList<Appointment> booked =
        masahista::AppointmentRepository(*database)
            .holdingTimeBetween(QDateTime(QDate(2026, 12, 6), QTime(0, 0), QTimeZone::utc()),
                                QDateTime(QDate(2026, 12, 20), QTime(0, 0), QTimeZone::utc()))
            .value();
    QSet<QString> stored;
    for (const Appointment& appointment : booked) {
        stored.insert(QString::number(appointment.id));
    }
    CHECK(stored == winners); // every success is there, and nothing else
    for (qsizetype i = 0; i < booked.size(); ++i) {
        for (qsizetype j = i + 1; j < booked.size(); ++j) {
            const Appointment& a = booked.at(i);
            const Appointment& b = booked.at(j);
            if (overlap(a, b)) {
                INFO("appointments " << a.id << " and " << b.id);
                CHECK(a.therapistId != b.therapistId);
                CHECK((a.roomId == 0 || a.roomId != b.roomId));
                CHECK(a.clientId != b.clientId);
            }
        }
    }
}

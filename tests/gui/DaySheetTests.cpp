#include "GuiTestSupport.h"
#include "booking/Clock.h"
#include "booking/clients/ClientService.h"
#include "booking/demo/DemoClinic.h"
#include "booking/engine/Availability.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/IcsCalendar.h"
#include "booking/engine/Schedule.h"
#include "data/ClientRepository.h"
#include "data/MassageTypeRepository.h"
#include "data/ScheduleRepository.h"
#include "gui/print/DaySheet.h"
#include "support/TestSupport.h"

#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTimeZone>

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>

using masahista::CalendarEntry;
using masahista::DaySchedule;
using masahista::Id;
using masahista::gui::DaySheet;

namespace {

const QDate demoDay(2026, 11, 25);
// Three weeks after the demo day: the demo has no bookings then.
const QDate freeDay(2026, 12, 16);

struct Clinic
{
    std::unique_ptr<masahista::Database> database = masahista::test::memoryDatabase();
    masahista::FixedClock clock{QDateTime(demoDay, QTime(16, 0), QTimeZone::utc())};

    Clinic()
    {
        const auto loaded = masahista::DemoClinic::load(*database, demoDay, clock);
        INFO((loaded ? QString() : loaded.error().message));
        REQUIRE(loaded.ok());
    }

    DaySchedule day(QDate date)
    {
        auto loaded = masahista::loadDaySchedule(*database, date);
        INFO((loaded ? QString() : loaded.error().message));
        REQUIRE(loaded.ok());
        return std::move(loaded).value();
    }
};

QString plainText(const QString& html)
{
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText();
}

QList<CalendarEntry> keptEntriesOf(const DaySchedule& day, Id therapistId)
{
    QList<CalendarEntry> kept;
    for (const CalendarEntry& entry : day.entries) {
        if (entry.appointment.therapistId == therapistId && entry.appointment.holdsTime()) {
            kept.append(entry);
        }
    }
    std::stable_sort(kept.begin(), kept.end(), [](const CalendarEntry& a, const CalendarEntry& b) {
        return a.appointment.startUtc < b.appointment.startUtc;
    });
    return kept;
}

// A therapist with a health alert among at least two clients and, among those, the emptiest
// day, so the sheet has appointments to order and free time between them.
Id emptiestTherapistWithAlerts(const DaySchedule& day)
{
    Id best = 0;
    qsizetype bestCount = std::numeric_limits<qsizetype>::max();
    for (const masahista::Therapist& therapist : day.directory.therapists) {
        const QList<CalendarEntry> kept = keptEntriesOf(day, therapist.id);
        const bool alerts = std::any_of(kept.cbegin(), kept.cend(), [](const CalendarEntry& entry) {
            return !entry.healthAlerts.isEmpty();
        });
        if (alerts && kept.size() >= 2 && kept.size() < bestCount) {
            best = therapist.id;
            bestCount = kept.size();
        }
    }
    return best;
}

QString localTime(const QDateTime& utc, const QTimeZone& zone)
{
    return masahista::ClinicTime::formatMinute(
        masahista::ClinicTime::minuteOfDay(masahista::ClinicTime::toLocal(utc, zone)));
}

const QDateTime printedAt(demoDay, QTime(16, 0), QTimeZone::utc());

} // namespace

TEST_CASE("A therapist's day sheet lists their appointments in order with alerts and free time",
          "[daysheet]")
{
    Clinic clinic;
    const DaySchedule day = clinic.day(demoDay);
    const Id therapistId = emptiestTherapistWithAlerts(day);
    REQUIRE(therapistId != 0);
    const QList<CalendarEntry> kept = keptEntriesOf(day, therapistId);
    REQUIRE(kept.size() >= 2);

    const QString html = DaySheet::html(day, therapistId, printedAt);
    const QString text = plainText(html);
    INFO(text);

    CHECK(text.contains(day.directory.settings.name));
    CHECK(text.contains(QLocale().toString(demoDay, QLocale::LongFormat)));
    CHECK(text.contains(QStringLiteral("printed ")));
    CHECK(text.contains(day.directory.therapist(therapistId)->displayName));

    // Each appointment's time, client and alerts, in time order.
    qsizetype position = 0;
    for (const CalendarEntry& entry : kept) {
        const QString times = localTime(entry.appointment.startUtc, day.directory.zone) +
                              QStringLiteral("–") +
                              localTime(entry.appointment.endUtc, day.directory.zone);
        position = text.indexOf(times, position);
        INFO(times.toStdString() << " " << entry.clientName.toStdString());
        REQUIRE(position >= 0);
        position = text.indexOf(entry.clientName, position);
        REQUIRE(position >= 0);
        for (const masahista::HealthAlert& alert : entry.healthAlerts) {
            const QString alertLine =
                QStringLiteral("ALERT: ") + masahista::IcsCalendar::alertText(alert);
            CHECK(text.indexOf(alertLine, position) >= 0);
        }
    }
    CHECK(html.contains(QStringLiteral("class=\"alert\"")));

    // Nobody else's clients, and no cancelled appointment.
    QStringList theirClients;
    for (const CalendarEntry& entry : kept) {
        theirClients.append(entry.clientName);
    }
    int cancelled = 0;
    for (const CalendarEntry& entry : day.entries) {
        if (entry.appointment.therapistId == therapistId && !entry.appointment.holdsTime()) {
            ++cancelled;
        }
        if (!theirClients.contains(entry.clientName)) {
            CHECK_FALSE(text.contains(entry.clientName));
        }
    }
    CHECK(text.contains(QStringLiteral("cancelled appointment")) == (cancelled > 0));
    CHECK(text.contains(QStringLiteral("Free (")));
}

TEST_CASE("The day sheet's free time counts the cleanup as busy and its text is escaped",
          "[daysheet]")
{
    Clinic clinic;
    masahista::Client client;
    client.fullName = QStringLiteral("<b>Bold</b> & Co");
    client.phone = QStringLiteral("780 555 0199");
    client.healthAlerts.append(
        {0, masahista::HealthAlertKind::Allergy, QStringLiteral("<i>latex</i>")});
    const auto clientId = masahista::ClientService(*clinic.database, clinic.clock).add(client);
    INFO((clientId ? QString() : clientId.error().message));
    REQUIRE(clientId.ok());

    // A type with a cleanup buffer, so that the free time after it starts late.
    auto types = masahista::MassageTypeRepository(*clinic.database).all(false);
    REQUIRE(types.ok());
    const auto type =
        std::find_if(types->cbegin(), types->cend(), [](const masahista::MassageType& candidate) {
            return candidate.bufferMinutes > 0 && !candidate.options.isEmpty();
        });
    REQUIRE(type != types->cend());

    // The longest stretch anyone who may give it works that day: room for the appointment, free
    // time and time off in it.
    const DaySchedule before = clinic.day(freeDay);
    REQUIRE(before.entries.isEmpty());
    Id therapistId = 0;
    masahista::WeeklyInterval longest;
    for (const masahista::Therapist& therapist : before.directory.therapists) {
        if (type->requiredModalityId != 0 &&
            !therapist.isCertifiedOn(type->requiredModalityId, freeDay)) {
            continue;
        }
        for (const masahista::WeeklyInterval& hour : before.hoursOf(therapist.id)) {
            if (hour.endMinute - hour.startMinute > longest.endMinute - longest.startMinute) {
                therapistId = therapist.id;
                longest = hour;
            }
        }
    }
    REQUIRE(longest.endMinute - longest.startMinute >= 3 * 60);
    const QTimeZone& zone = before.directory.zone;
    masahista::SlotQuery query;
    query.massageTypeId = type->id;
    query.minutes =
        std::min_element(type->options.cbegin(), type->options.cend(),
                         [](const auto& a, const auto& b) { return a.minutes < b.minutes; })
            ->minutes;
    query.therapistId = therapistId;
    query.fromUtc = masahista::ClinicTime::toUtc(freeDay, longest.startMinute + 30, zone);
    query.toUtc = query.fromUtc.addSecs(30 * 60);
    query.limit = 1;
    auto found = masahista::Availability(*clinic.database, clinic.clock).findSlots(query);
    REQUIRE(found.ok());
    REQUIRE_FALSE(found->isEmpty());
    const masahista::Slot slot = found->constFirst();

    masahista::BookingRequest request;
    request.clientId = *clientId;
    request.therapistId = slot.therapistId;
    request.massageTypeId = type->id;
    request.minutes = query.minutes;
    request.startUtc = slot.startUtc;
    request.roomId = slot.roomId;
    request.notes = QStringLiteral("<script>alert(1)</script>");
    const auto booked = masahista::BookingService(*clinic.database, clinic.clock)
                            .book(request, masahista::Actor{QStringLiteral("Test")});
    INFO((booked ? QString() : booked.error().message));
    REQUIRE(booked.ok());

    // The last half hour of the stretch off, so that the free time after the cleanup ends
    // where the time off starts.
    const auto minuteOf = [&zone](const QDateTime& utc) {
        return masahista::ClinicTime::minuteOfDay(masahista::ClinicTime::toLocal(utc, zone));
    };
    const int start = minuteOf(booked->startUtc);
    const int bufferEnd = minuteOf(booked->bufferEndUtc);
    REQUIRE(bufferEnd > minuteOf(booked->endUtc));
    const int offStart = longest.endMinute - 30;
    REQUIRE(bufferEnd + 30 <= offStart);
    masahista::TimeOff off;
    off.therapistId = slot.therapistId;
    off.startUtc = masahista::ClinicTime::toUtc(freeDay, offStart, zone);
    off.endUtc = off.startUtc.addSecs(30 * 60);
    off.reason = QStringLiteral("<u>Course</u>");
    REQUIRE(masahista::ScheduleRepository(*clinic.database).addTimeOff(off).ok());

    const DaySchedule day = clinic.day(freeDay);
    const QString html = DaySheet::html(day, slot.therapistId, printedAt);
    CHECK_FALSE(html.contains(QStringLiteral("<b>Bold")));
    CHECK_FALSE(html.contains(QStringLiteral("<script>")));
    CHECK_FALSE(html.contains(QStringLiteral("<i>latex")));
    CHECK_FALSE(html.contains(QStringLiteral("<u>Course")));
    CHECK(html.contains(QStringLiteral("&lt;b&gt;Bold&lt;/b&gt; &amp; Co")));

    const QString text = plainText(html);
    INFO(text);
    CHECK(text.contains(QStringLiteral("<b>Bold</b> & Co")));
    CHECK(text.contains(QStringLiteral("ALERT: ") +
                        masahista::IcsCalendar::alertText(client.healthAlerts.constFirst())));
    CHECK(text.contains(QStringLiteral("<script>alert(1)</script>")));

    // Declared QString: QStringBuilder would otherwise return views of dead temporaries.
    const auto span = [](int from, int to) -> QString {
        return masahista::ClinicTime::formatMinute(from) + QStringLiteral("–") +
               masahista::ClinicTime::formatMinute(to);
    };
    if (longest.startMinute < start) {
        CHECK(text.contains(span(longest.startMinute, start) + QStringLiteral("\nFree (")));
    }
    // The free time opens at the first time of the grid after the cleanup.
    const int grid = day.directory.settings.bookingStepMinutes;
    const int bookable = (bufferEnd + grid - 1) / grid * grid;
    CHECK(text.contains(span(bookable, offStart) + QStringLiteral("\nFree (")));
    CHECK(text.contains(span(offStart, longest.endMinute) +
                        QStringLiteral("\nTime off: <u>Course</u>")));
    CHECK_FALSE(text.contains(span(minuteOf(booked->endUtc), offStart)));
}

TEST_CASE("The clinic's day sheet has a section for each therapist on that day", "[daysheet]")
{
    Clinic clinic;
    const DaySchedule day = clinic.day(demoDay);
    const QString html = DaySheet::html(day, 0, printedAt);
    const QString text = plainText(html);
    INFO(text);

    int on = 0;
    qsizetype position = 0;
    for (const masahista::Therapist& therapist : day.directory.therapists) {
        if (!day.isOn(therapist.id)) {
            CHECK_FALSE(text.contains(therapist.displayName));
            continue;
        }
        ++on;
        position = text.indexOf(therapist.displayName, position);
        CHECK(position >= 0);
        for (const CalendarEntry& entry : keptEntriesOf(day, therapist.id)) {
            CHECK(text.contains(entry.clientName));
        }
    }
    REQUIRE(on >= 2);
    CHECK(html.count(QStringLiteral("class=\"therapist\"")) == on);
    CHECK(html.count(QStringLiteral("page-break-before: always")) == on - 1);
}

TEST_CASE("The day sheet is written to PDF on Letter pages", "[daysheet]")
{
    Clinic clinic;
    const DaySchedule day = clinic.day(demoDay);
    const Id therapistId = emptiestTherapistWithAlerts(day);
    REQUIRE(therapistId != 0);
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    static const QRegularExpression pageObject(QStringLiteral("/Type\\s*/Page[^s]"));

    SECTION("one therapist's day fits on one page")
    {
        const QString path = folder.filePath(QStringLiteral("therapist.pdf"));
        const auto pages = DaySheet::writePdf(DaySheet::html(day, therapistId, printedAt), path);
        REQUIRE(pages.ok());
        CHECK(*pages == 1);
        const QByteArray bytes = masahista::test::readFileBytes(path);
        CHECK(bytes.startsWith("%PDF"));
        CHECK(QString::fromLatin1(bytes).count(pageObject) == 1);
        // 612 x 792 points is US Letter, portrait.
        static const QRegularExpression letter(
            QStringLiteral("/MediaBox \\[0 0 612(\\.0+)? 792(\\.0+)?\\]"));
        CHECK(QString::fromLatin1(bytes).contains(letter));
    }

    SECTION("the clinic's day takes a page per therapist")
    {
        const QString html = DaySheet::html(day, 0, printedAt);
        const QString path = folder.filePath(QStringLiteral("clinic.pdf"));
        const auto pages = DaySheet::writePdf(html, path);
        REQUIRE(pages.ok());
        const auto on = std::count_if(
            day.directory.therapists.cbegin(), day.directory.therapists.cend(),
            [&day](const masahista::Therapist& therapist) { return day.isOn(therapist.id); });
        CHECK(*pages >= on);
        CHECK(QString::fromLatin1(masahista::test::readFileBytes(path)).count(pageObject) ==
              *pages);
    }

    SECTION("a printer gets the same pages")
    {
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setPageLayout(DaySheet::pageLayout());
        const QString path = folder.filePath(QStringLiteral("printed.pdf"));
        printer.setOutputFileName(path);
        CHECK(DaySheet::print(DaySheet::html(day, therapistId, printedAt), printer) == 1);
        CHECK(masahista::test::readFileBytes(path).startsWith("%PDF"));
    }

    SECTION("a file that cannot be written is reported")
    {
        const auto pages = DaySheet::writePdf(DaySheet::html(day, therapistId, printedAt),
                                              folder.filePath(QStringLiteral("no/such/dir.pdf")));
        CHECK_FALSE(pages.ok());
    }
}

TEST_CASE("The day sheet's first page renders to an image", "[daysheet]")
{
    Clinic clinic;
    const DaySchedule day = clinic.day(demoDay);
    const Id therapistId = emptiestTherapistWithAlerts(day);
    REQUIRE(therapistId != 0);
    const QString html = DaySheet::html(day, therapistId, printedAt);

    const QImage page = DaySheet::renderPage(html, 0, 100);
    REQUIRE_FALSE(page.isNull());
    CHECK(page.size() == QSize(850, 1100));
    // Ink somewhere inside the margins, none in them.
    int inside = 0;
    int outside = 0;
    for (int y = 0; y < page.height(); y += 2) {
        for (int x = 0; x < page.width(); x += 2) {
            if (qGray(page.pixel(x, y)) < 128) {
                ++(x >= 50 && x < 800 && y >= 50 && y < 1050 ? inside : outside);
            }
        }
    }
    CHECK(inside > 1000);
    CHECK(outside == 0);
    CHECK(DaySheet::renderPage(html, 1).isNull());

    masahista::test::saveScreenshot(page, QStringLiteral("day-sheet.png"));
}

TEST_CASE("On the day the clocks go back the day sheet names each time once, on paper too",
          "[daysheet][dst]")
{
    Clinic clinic;
    const QDate fallBack(2027, 11, 7);
    auto types = masahista::MassageTypeRepository(*clinic.database).all(false);
    REQUIRE(types.ok());
    const DaySchedule before = clinic.day(fallBack);
    // Any type with a 60-minute length, and a therapist who may give it.
    masahista::BookingRequest request;
    for (const masahista::MassageType& type : *types) {
        for (const masahista::Therapist& therapist : before.directory.therapists) {
            const bool certified = type.requiredModalityId == 0 ||
                                   therapist.isCertifiedOn(type.requiredModalityId, fallBack);
            const bool lasts60 =
                std::any_of(type.options.cbegin(), type.options.cend(),
                            [](const auto& option) { return option.minutes == 60; });
            if (request.therapistId == 0 && therapist.active && certified && lasts60) {
                request.therapistId = therapist.id;
                request.massageTypeId = type.id;
            }
        }
    }
    REQUIRE(request.therapistId != 0);
    const auto clients = masahista::ClientRepository(*clinic.database).all(false);
    REQUIRE(clients.ok());
    REQUIRE_FALSE(clients->isEmpty());
    request.clientId = clients->constFirst().id;
    request.minutes = 60;
    // The first 01:30 (daylight time): an hour later the clocks show 01:30 again.
    request.startUtc = QDateTime(fallBack, QTime(7, 30), Qt::UTC);
    request.overrideReason = QStringLiteral("A night visit");
    const auto booked = masahista::BookingService(*clinic.database, clinic.clock)
                            .book(request, masahista::Actor{QStringLiteral("Test")});
    INFO((booked ? QString() : booked.error().message));
    REQUIRE(booked.ok());

    const QString html = DaySheet::html(clinic.day(fallBack), request.therapistId, printedAt);
    const QString text = plainText(html);
    INFO(text);
    CHECK(text.contains(QStringLiteral("01:30 MDT–01:30 MST")));
    CHECK_FALSE(text.contains(QStringLiteral("01:30–01:30")));

    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("fall-back.pdf"));
    REQUIRE(DaySheet::writePdf(html, path).ok());
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    REQUIRE(pdftotext.waitForFinished(60000));
    REQUIRE(pdftotext.exitCode() == 0);
    const QString paper = QString::fromUtf8(pdftotext.readAllStandardOutput());
    INFO(paper);
    // The time column may wrap after the dash.
    static const QRegularExpression onPaper(QStringLiteral("01:30 MDT–\\s*01:30 MST"));
    CHECK(paper.contains(onPaper));
}

TEST_CASE("The printed day sheet keeps each status word whole and gives each client's phone",
          "[daysheet]")
{
    Clinic clinic;
    // The day before the demo's today: its visits are completed, some no-shows.
    const DaySchedule day = clinic.day(demoDay.addDays(-1));
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("clinic.pdf"));
    REQUIRE(DaySheet::writePdf(DaySheet::html(day, 0, printedAt), path).ok());
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    REQUIRE(pdftotext.waitForFinished(60000));
    REQUIRE(pdftotext.exitCode() == 0);
    const QString paper = QString::fromUtf8(pdftotext.readAllStandardOutput());
    INFO(paper.toStdString());
    QSet<QString> statuses;
    int phones = 0;
    for (const CalendarEntry& entry : day.entries) {
        if (!entry.appointment.holdsTime()) {
            continue;
        }
        statuses.insert(masahista::IcsCalendar::statusText(entry.appointment.status));
        if (!entry.clientPhone.isEmpty()) {
            ++phones;
            CHECK(paper.contains(entry.clientPhone));
        }
    }
    CHECK(phones > 0);
    REQUIRE(statuses.contains(QStringLiteral("completed")));
    // Every status on its own line of the text, never broken inside the word.
    const QStringList lines = paper.split(QLatin1Char('\n'));
    for (const QString& status : statuses) {
        INFO(status.toStdString());
        CHECK(lines.contains(status));
        for (int cut = 1; cut < status.size(); ++cut) {
            CHECK_FALSE(lines.contains(status.left(cut)));
        }
    }
}

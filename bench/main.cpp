// masahista-bench: builds clinics with long histories and measures what the front desk feels
// on them. docs/BENCHMARKS.md explains every figure and holds the latest table.
#include "ChildProcess.h"
#include "ClinicGenerator.h"
#include "Measure.h"
#include "RawSqlite.h"
#include "booking/clients/ClientService.h"
#include "booking/engine/Availability.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/Schedule.h"
#include "data/Database.h"
#include "gui/calendar/DayPanel.h"
#include "gui/calendar/DayView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <chrono>
#include <cstdio>
#include <optional>
#include <sqlite3.h>

using namespace masahista;
using namespace masahista::bench;

namespace {

// Bumped whenever the generator writes different rows, so stale databases are rebuilt.
constexpr int generatorVersion = 1;

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

std::optional<qint64> parseSize(const QString& text)
{
    QString digits = text.trimmed();
    qint64 factor = 1;
    if (digits.endsWith(QLatin1Char('k'), Qt::CaseInsensitive)) {
        factor = 1000;
        digits.chop(1);
    } else if (digits.endsWith(QLatin1Char('M'), Qt::CaseInsensitive)) {
        factor = 1000000;
        digits.chop(1);
    }
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    if (!ok || value <= 0) {
        return std::nullopt;
    }
    return value * factor;
}

QString sizeLabel(qint64 appointments)
{
    if (appointments % 1000000 == 0) {
        return QString::number(appointments / 1000000) + QLatin1Char('M');
    }
    if (appointments % 1000 == 0) {
        return QString::number(appointments / 1000) + QLatin1Char('k');
    }
    return QString::number(appointments);
}

struct Settings
{
    QString dataFolder;
    QString appPath;
    QString bareWindowPath;
    int runs = 200;
    int startRuns = 10;
    int clients = 100000;
    bool json = false;
    bool regenerate = false;
    QStringList only; // figures to measure; empty: all
};

// What a generated database was made for, kept next to it.
struct Meta
{
    qint64 appointments = 0;
    int clients = 0;
    QDate today;
    QDate firstDay;
    QDate lastDay;
    double generateSeconds = 0;
};

std::optional<Meta> readMeta(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    if (object.value(QStringLiteral("generator")).toInt() != generatorVersion) {
        return std::nullopt;
    }
    Meta meta;
    meta.appointments = object.value(QStringLiteral("appointments")).toInteger();
    meta.clients = object.value(QStringLiteral("clients")).toInt();
    meta.today = QDate::fromString(object.value(QStringLiteral("today")).toString(), Qt::ISODate);
    meta.firstDay =
        QDate::fromString(object.value(QStringLiteral("firstDay")).toString(), Qt::ISODate);
    meta.lastDay =
        QDate::fromString(object.value(QStringLiteral("lastDay")).toString(), Qt::ISODate);
    meta.generateSeconds = object.value(QStringLiteral("generateSeconds")).toDouble();
    return meta;
}

bool writeMeta(const QString& path, const Meta& meta)
{
    QJsonObject object;
    object.insert(QStringLiteral("generator"), generatorVersion);
    object.insert(QStringLiteral("appointments"), meta.appointments);
    object.insert(QStringLiteral("clients"), meta.clients);
    object.insert(QStringLiteral("today"), meta.today.toString(Qt::ISODate));
    object.insert(QStringLiteral("firstDay"), meta.firstDay.toString(Qt::ISODate));
    object.insert(QStringLiteral("lastDay"), meta.lastDay.toString(Qt::ISODate));
    object.insert(QStringLiteral("generateSeconds"), meta.generateSeconds);
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(QJsonDocument(object).toJson()) > 0;
}

// The database of one size: reused while it was made by this generator, for the same number
// of clients, within the last 30 days (its "today" must still be near the real one).
std::optional<Meta> ensureDatabase(const Settings& settings, qint64 appointments,
                                   const QString& path)
{
    const QString metaPath = path + QStringLiteral(".json");
    const QDate today = QDate::currentDate();
    if (!settings.regenerate) {
        if (std::optional<Meta> meta = readMeta(metaPath);
            meta && meta->appointments == appointments && meta->clients == settings.clients &&
            meta->today.daysTo(today) < 30 && QFileInfo::exists(path)) {
            return meta;
        }
    }
    const QStringList stale{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm"),
                            metaPath};
    for (const QString& file : stale) {
        QFile::remove(file);
    }
    err() << "Generating " << sizeLabel(appointments) << " appointments into " << path << " …\n";
    err().flush();
    Result<std::unique_ptr<Database>> database =
        Database::open(path, Database::Mode::CreateIfMissing);
    if (!database) {
        err() << database.error().message << '\n';
        return std::nullopt;
    }
    // Bulk writing only: a large page cache keeps the indexes in memory while they grow.
    if (Status cached = (*database)->execute(QStringLiteral("PRAGMA cache_size = -1000000"));
        !cached) {
        err() << cached.error().message << '\n';
        return std::nullopt;
    }
    const auto started = std::chrono::steady_clock::now();
    GeneratorOptions options;
    options.appointments = appointments;
    options.clients = settings.clients;
    options.today = today;
    Result<GeneratedClinic> generated =
        generateClinic(**database, options, [appointments](qint64 done) {
            if (done % 200000 == 0 || done == appointments) {
                err() << "  " << done << " / " << appointments << '\n';
                err().flush();
            }
        });
    if (!generated) {
        err() << generated.error().message << '\n';
        return std::nullopt;
    }
    if (Status checkpointed =
            (*database)->execute(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        !checkpointed) {
        err() << checkpointed.error().message << '\n';
        return std::nullopt;
    }
    Meta meta;
    meta.appointments = generated->appointments;
    meta.clients = generated->clients;
    meta.today = today;
    meta.firstDay = generated->firstDay;
    meta.lastDay = generated->lastDay;
    meta.generateSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    writeMeta(metaPath, meta);
    return meta;
}

struct SizeResult
{
    Meta meta;
    qint64 fileBytes = 0;
    double dayRows = 0; // appointments on an average measured day
    Samples dayLoad;
    Samples dayLoadRaw;
    Samples conflictCheck;
    Samples book;
    Samples freeSlots;
    Samples searchName;
    Samples searchPhone;
    Samples paint;
    Samples panelPaint;
    Samples appStart;
    Samples bareStart;
    Samples bareTextStart;
    double appPeakMb = 0;
    double barePeakMb = 0;
};

// Starts a program, waits for it and returns its wall time (ms) and its own peak resident
// memory (MB): VmHWM of the program after its exec, not ru_maxrss, which in a run that has just
// generated a clinic would report this process's pages (bench/ChildProcess.h).
std::optional<std::pair<double, double>>
runProcess(const QString& program, const QStringList& arguments, const QString& home)
{
    // The program prints when it has painted, on the same steady clock; reading that moment
    // leaves out its shutdown, which is not part of a start.
    const std::optional<ChildRun> run =
        runChild(program, arguments,
                 {{"QT_QPA_PLATFORM", "offscreen"},
                  {"MASAHISTA_QUIT_AFTER_FIRST_PAINT", "1"},
                  {"XDG_CONFIG_HOME", (home + QStringLiteral("/config")).toLocal8Bit()},
                  {"XDG_DATA_HOME", (home + QStringLiteral("/data")).toLocal8Bit()}});
    if (!run || run->exitCode != 0 || run->peakKib <= 0) {
        return std::nullopt;
    }
    const QByteArray marker("first-paint-ns ");
    const qsizetype at = run->output.indexOf(marker);
    bool isNumber = false;
    const qint64 paintedNs = at < 0 ? 0
                                    : run->output.mid(at + marker.size())
                                          .split('\n')
                                          .constFirst()
                                          .trimmed()
                                          .toLongLong(&isNumber);
    if (!isNumber) {
        return std::nullopt;
    }
    const std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::time_point(std::chrono::nanoseconds(paintedNs)) - run->started;
    return std::pair{elapsed.count(), static_cast<double>(run->peakKib) / 1024.0};
}

Id typeIdNamed(const ClinicDirectory& directory, const QString& name)
{
    for (auto it = directory.serviceNames.cbegin(); it != directory.serviceNames.cend(); ++it) {
        if (it.value() == name) {
            return it.key();
        }
    }
    return 0;
}

// A schedule of 100 appointments across 10 therapists, for the paint figure.
DaySchedule paintSchedule(const ClinicDirectory& directory, QDate date, QList<Id>& shown)
{
    DaySchedule day;
    day.date = date;
    day.directory = directory;
    day.startUtc = ClinicTime::toUtc(date, 0, directory.zone);
    day.endUtc = ClinicTime::toUtc(date.addDays(1), 0, directory.zone);
    const Id typeId = directory.serviceNames.constBegin().key();
    for (int column = 0; column < 10 && column < directory.therapists.size(); ++column) {
        const Therapist& therapist = directory.therapists.at(column);
        shown.append(therapist.id);
        day.working.weeklyHours[therapist.id] = {{date.dayOfWeek(), 8 * 60, 18 * 60}};
        for (int slot = 0; slot < 10; ++slot) {
            CalendarEntry entry;
            Appointment& appointment = entry.appointment;
            appointment.id = column * 10 + slot + 1;
            appointment.therapistId = therapist.id;
            appointment.massageTypeId = typeId;
            appointment.durationMinutes = 45;
            appointment.startUtc = ClinicTime::toUtc(date, (8 + slot) * 60, directory.zone);
            appointment.endUtc = appointment.startUtc.addSecs(45 * 60);
            appointment.bufferEndUtc = appointment.endUtc.addSecs(15 * 60);
            appointment.status =
                slot % 4 == 0 ? AppointmentStatus::Completed : AppointmentStatus::Booked;
            entry.therapistName = therapist.displayName;
            entry.clientName = QStringLiteral("Client %1").arg(appointment.id);
            entry.clientPhone = QStringLiteral("(780) 555-%1").arg(1000 + appointment.id);
            entry.serviceName = directory.serviceNames.value(typeId);
            entry.serviceColor = directory.serviceColors.value(typeId);
            entry.roomName = QStringLiteral("Room %1").arg(1 + slot % 4);
            if (slot % 7 == 3) {
                entry.healthAlerts.append(
                    {0, HealthAlertKind::Allergy, QStringLiteral("Nut oils")});
            }
            day.entries.append(entry);
        }
    }
    return day;
}

// Reports an operation that failed or found nothing while being measured.
template <typename T>
bool failed(const QString& what, const Result<T>& result)
{
    err() << "The " << what << " went wrong: "
          << (result ? QStringLiteral("it found nothing") : result.error().message) << '\n';
    return false;
}

bool measureSize(const Settings& settings, qint64 appointments, SizeResult& result)
{
    const QString path =
        QDir(settings.dataFolder)
            .filePath(QStringLiteral("clinic-%1.sqlite").arg(sizeLabel(appointments)));
    std::optional<Meta> meta = ensureDatabase(settings, appointments, path);
    if (!meta) {
        return false;
    }
    result.meta = *meta;
    result.fileBytes = QFileInfo(path).size();

    Result<std::unique_ptr<Database>> opened = Database::open(path, Database::Mode::ExistingOnly);
    if (!opened) {
        err() << opened.error().message << '\n';
        return false;
    }
    Database& database = **opened;
    Result<ClinicDirectory> directory = loadClinicDirectory(database);
    if (!directory) {
        err() << directory.error().message << '\n';
        return false;
    }
    const QTimeZone zone = directory->zone;
    const FixedClock clock(ClinicTime::toUtc(meta->today, 7 * 60 + 30, zone));
    // Figures left out with --only run no times.
    const auto runsOf = [&settings](const char* figure, int count) {
        return settings.only.isEmpty() || settings.only.contains(QString::fromLatin1(figure))
                   ? count
                   : 0;
    };
    const int runs = settings.runs;
    quint64 seed = 7;
    const auto random = [&seed](int bound) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((seed >> 33U) % static_cast<quint64>(bound));
    };

    // 1. Day load, beside the same statements replayed through the bare C API.
    QList<QDate> days;
    for (int back = 0; back < 20; ++back) {
        const QDate day = meta->today.addDays(-3 * back);
        if (day >= meta->firstDay) {
            days.append(day);
        }
    }
    std::vector<RawReplay> replays;
    qint64 rowsSeen = 0;
    for (const QDate& day : days) {
        QList<Database::TracedStatement> trace;
        database.setStatementTrace(&trace);
        Result<DaySchedule> loaded = loadDaySchedule(database, day);
        database.setStatementTrace(nullptr);
        if (!loaded) {
            err() << loaded.error().message << '\n';
            return false;
        }
        rowsSeen += loaded->entries.size();
        QString problem;
        RawReplay replay = RawReplay::open(path, &problem);
        if (!replay.isOpen() || !replay.load(trace, &problem)) {
            err() << "Cannot replay the day's statements: " << problem << '\n';
            return false;
        }
        replays.push_back(std::move(replay));
    }
    result.dayRows = static_cast<double>(rowsSeen) / static_cast<double>(days.size());
    std::vector<std::vector<RawValue>> rawRows;
    for (int run = 0; run < runsOf("day", runs); ++run) {
        const auto index = static_cast<std::size_t>(run % days.size());
        const Result<DaySchedule> loaded = timed(
            result.dayLoad, [&] { return loadDaySchedule(database, days.at(run % days.size())); });
        const std::size_t rawCount =
            timed(result.dayLoadRaw, [&] { return replays.at(index).run(rawRows); });
        if (!loaded || rawCount == 0) {
            return failed(QStringLiteral("day load"), loaded);
        }
    }

    // 2. Conflict check: the live verdict on a proposed booking.
    const Id relaxation = typeIdNamed(*directory, QStringLiteral("Relaxation massage"));
    Result<WorkingTime> working =
        loadWorkingTime(database, 0, clock.nowUtc(), clock.nowUtc().addDays(1));
    if (!working || relaxation == 0) {
        err() << "The generated clinic lacks its hours or massage types.\n";
        return false;
    }
    const auto proposal = [&](QDate day, int choice) -> std::optional<BookingRequest> {
        QList<std::pair<Id, WeeklyInterval>> open;
        for (const Therapist& therapist : directory->therapists) {
            for (const WeeklyInterval& interval : working->weeklyHours.value(therapist.id)) {
                if (interval.weekday == day.dayOfWeek()) {
                    open.append({therapist.id, interval});
                }
            }
        }
        if (open.isEmpty()) {
            return std::nullopt;
        }
        const auto& [therapistId, interval] = open.at(choice % open.size());
        const int steps = std::max((interval.endMinute - interval.startMinute - 60) / 15, 1);
        BookingRequest request;
        request.clientId = 1 + random(meta->clients);
        request.therapistId = therapistId;
        request.massageTypeId = relaxation;
        request.minutes = 60;
        request.startUtc = ClinicTime::toUtc(day, interval.startMinute + 15 * random(steps), zone);
        return request;
    };
    BookingService bookings(database, clock);
    // The first pass over the coming month only warms the caches, as a desk's first minutes
    // would; the second is measured.
    Samples warmUp;
    const int checks = runsOf("conflict", runs * 5);
    for (int run = 0; run < 2 * checks; ++run) {
        const std::optional<BookingRequest> request =
            proposal(meta->today.addDays(1 + random(30)), random(1000));
        if (request) {
            if (const Result<Verdict> verdict = timed(run < checks ? warmUp : result.conflictCheck,
                                                      [&] { return bookings.check(*request); });
                !verdict) {
                return failed(QStringLiteral("conflict check"), verdict);
            }
        }
    }

    // 3. Book, committed with synchronous=FULL, on empty days past the generated ones; those
    // bookings are removed afterwards so the database stays as generated.
    const QDate firstEmpty = meta->lastDay.addDays(30);
    const QDateTime emptyFromUtc = ClinicTime::toUtc(firstEmpty, 0, zone);
    const Actor actor{QStringLiteral("benchmark")};
    for (int offset = 0; result.book.count() < runsOf("book", std::min(runs, 100)) && offset < 400;
         ++offset) {
        const QDate day = firstEmpty.addDays(offset);
        for (int choice = 0; choice < 6; ++choice) {
            std::optional<BookingRequest> request = proposal(day, choice);
            if (!request) {
                break;
            }
            Samples attempt;
            Result<Appointment> booked =
                timed(attempt, [&] { return bookings.book(*request, actor); });
            if (booked) {
                result.book.add(attempt.median());
            }
        }
    }
    QString cleanupProblem;
    if (!removeAppointmentsFrom(path, emptyFromUtc.toSecsSinceEpoch(), &cleanupProblem)) {
        err() << "Cannot remove the benchmark's bookings: " << cleanupProblem << '\n';
        return false;
    }

    // 4. The next ten free slots for a 60-minute massage, any qualified therapist, 60 days.
    Availability availability(database, clock);
    for (int run = 0; run < runsOf("slots", std::max(runs / 4, 10)); ++run) {
        SlotQuery query;
        query.massageTypeId = relaxation;
        query.minutes = 60;
        query.fromUtc = clock.nowUtc().addDays(run % 7);
        query.toUtc = query.fromUtc.addDays(60);
        query.limit = 10;
        if (const Result<QList<Slot>> free =
                timed(result.freeSlots, [&] { return availability.findSlots(query); });
            !free || free->size() != query.limit) {
            return failed(QStringLiteral("free slots"), free);
        }
    }

    // 5. Client search, by the start of a name and by a phone's digits.
    ClientService clients(database, clock);
    const QStringList namePrefixes{QStringLiteral("trem"),   QStringLiteral("nguy"),
                                   QStringLiteral("kowal"),  QStringLiteral("ava pa"),
                                   QStringLiteral("yuki z"), QStringLiteral("villen")};
    for (int run = 0; run < runsOf("search", runs); ++run) {
        const QString& text = namePrefixes.at(run % namePrefixes.size());
        if (const Result<QList<Client>> found =
                timed(result.searchName, [&] { return clients.find(text, 50); });
            !found || found->isEmpty()) {
            return failed(QStringLiteral("client search by name"), found);
        }
        const int number = random(meta->clients);
        const qint64 local = 2000000 + (qint64{number} * 1000003) % 7000000;
        const QString digits = QString::number(local);
        if (const Result<QList<Client>> found =
                timed(result.searchPhone, [&] { return clients.find(digits, 50); });
            !found || found->isEmpty()) {
            return failed(QStringLiteral("client search by phone"), found);
        }
    }

    // 6. Paint: the day view drawn into a 1920×1080 image, 100 appointments in 10 columns,
    // from 08:00; beside it the whole panel (the header of names and the scroll bars too).
    {
        QList<Id> shown;
        const DaySchedule day = paintSchedule(*directory, meta->today, shown);
        QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
        gui::DayView view;
        view.resize(1920, 1080);
        view.setSchedule(day, shown, clock.nowUtc());
        view.resize(1920, std::max(1080, view.minimumHeight()));
        view.show();
        const int top =
            static_cast<int>(view.dayLayout().yAt(ClinicTime::toUtc(meta->today, 8 * 60, zone)) -
                             gui::DayLayout::topMargin);
        const QRegion visible(QRect(0, std::max(top, 0), 1920, 1080));
        gui::DayPanel panel;
        panel.resize(1920, 1080);
        panel.setSchedule(day, shown, clock.nowUtc());
        panel.show();
        panel.scrollToTime(ClinicTime::toUtc(meta->today, 8 * 60, zone));
        for (int run = 0; run < runsOf("paint", std::max(runs / 2, 10)); ++run) {
            // As in the window: each paints all of itself, no background first.
            timed(result.paint, [&] {
                view.render(&image, QPoint(), visible, QWidget::DrawChildren);
                return image.pixel(960, 540);
            });
            timed(result.panelPaint, [&] {
                panel.render(&image, QPoint(), QRegion(), QWidget::DrawChildren);
                return image.pixel(960, 540);
            });
        }
    }

    // 7 and 8. Cold start to the first painted window, beside a bare Qt window; peak memory.
    QTemporaryDir home;
    for (int run = 0; run < runsOf("start", settings.startRuns); ++run) {
        const auto app = runProcess(settings.appPath, {QStringLiteral("--db"), path}, home.path());
        const auto bare = runProcess(settings.bareWindowPath, {}, home.path());
        const auto bareText =
            runProcess(settings.bareWindowPath, {QStringLiteral("--text")}, home.path());
        if (!app || !bare || !bareText) {
            err() << "The app or the bare window did not start and end cleanly.\n";
            return false;
        }
        result.appStart.add(app->first);
        result.bareStart.add(bare->first);
        result.bareTextStart.add(bareText->first);
        result.appPeakMb = std::max(result.appPeakMb, app->second);
        result.barePeakMb = std::max(result.barePeakMb, bare->second);
    }
    return true;
}

QString fixed(double value, int decimals = 2)
{
    return QString::number(value, 'f', decimals);
}

struct Target
{
    QString figure;
    QString goal;
    double measured = 0;
    double limit = 0;
    bool met() const { return measured <= limit; }
};

QList<Target> targets(const QList<SizeResult>& results)
{
    QList<Target> list;
    const SizeResult* million = nullptr;
    const SizeResult* smallest = nullptr;
    const SizeResult* largest = nullptr;
    for (const SizeResult& result : results) {
        if (result.meta.appointments == 1000000) {
            million = &result;
        }
        if (smallest == nullptr || result.meta.appointments < smallest->meta.appointments) {
            smallest = &result;
        }
        if (largest == nullptr || result.meta.appointments > largest->meta.appointments) {
            largest = &result;
        }
    }
    if (million != nullptr) {
        const SizeResult& m = *million;
        list.append({QStringLiteral("day load / raw sqlite3 (1M)"), QStringLiteral("≤ 1.5×"),
                     m.dayLoad.median() / m.dayLoadRaw.median(), 1.5});
        list.append({QStringLiteral("conflict check p99 (1M)"), QStringLiteral("≤ 0.1 ms"),
                     m.conflictCheck.p99(), 0.1});
        list.append({QStringLiteral("next 10 slots (1M)"), QStringLiteral("≤ 5 ms"),
                     m.freeSlots.median(), 5});
        list.append({QStringLiteral("client search by name (1M)"), QStringLiteral("≤ 5 ms"),
                     m.searchName.median(), 5});
        list.append({QStringLiteral("client search by phone (1M)"), QStringLiteral("≤ 5 ms"),
                     m.searchPhone.median(), 5});
        list.append(
            {QStringLiteral("day view paint (1M)"), QStringLiteral("≤ 4 ms"), m.paint.median(), 4});
        list.append({QStringLiteral("cold start / bare Qt window (1M)"), QStringLiteral("≤ 1.3×"),
                     m.appStart.median() / m.bareStart.median(), 1.3});
    }
    if (smallest != nullptr && largest != smallest) {
        list.append({QStringLiteral("day load %1 / day load %2")
                         .arg(sizeLabel(largest->meta.appointments),
                              sizeLabel(smallest->meta.appointments)),
                     QStringLiteral("≤ 1.5×"),
                     largest->dayLoad.median() / smallest->dayLoad.median(), 1.5});
    }
    return list;
}

QString machineText()
{
    QString cpu;
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : cpuinfo.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
                break;
            }
        }
    }
    return QStringLiteral("%1, %2 cores; %3 %4; Qt %5; SQLite %6")
        .arg(cpu.isEmpty() ? QStringLiteral("unknown CPU") : cpu)
        .arg(sysconf(_SC_NPROCESSORS_ONLN))
        .arg(QSysInfo::prettyProductName(), QSysInfo::kernelVersion(),
             QString::fromLatin1(qVersion()), QString::fromLatin1(sqlite3_libversion()));
}

void printTable(const QList<SizeResult>& results)
{
    const auto cell = [](const Samples& samples) -> QString {
        return fixed(samples.median(), 3) + QStringLiteral(" / ") + fixed(samples.p99(), 3);
    };
    QStringList header{QStringLiteral("figure (ms: median / p99)")};
    for (const SizeResult& result : results) {
        header.append(sizeLabel(result.meta.appointments));
    }
    QList<QStringList> rows;
    const auto row = [&](const QString& name, const auto& value) {
        QStringList line{name};
        for (const SizeResult& result : results) {
            line.append(value(result));
        }
        rows.append(line);
    };
    row(QStringLiteral("history (days)"), [](const SizeResult& r) {
        return QString::number(r.meta.firstDay.daysTo(r.meta.lastDay) + 1);
    });
    row(QStringLiteral("database size (MB)"),
        [](const SizeResult& r) { return fixed(static_cast<double>(r.fileBytes) / 1e6, 0); });
    row(QStringLiteral("appointments on a loaded day"),
        [](const SizeResult& r) { return fixed(r.dayRows, 1); });
    row(QStringLiteral("1 day load (repository)"),
        [&](const SizeResult& r) { return cell(r.dayLoad); });
    row(QStringLiteral("1 day load (bare sqlite3)"),
        [&](const SizeResult& r) { return cell(r.dayLoadRaw); });
    row(QStringLiteral("1 day load ratio (median)"), [](const SizeResult& r) -> QString {
        return fixed(r.dayLoad.median() / r.dayLoadRaw.median()) + QLatin1Char('x');
    });
    row(QStringLiteral("2 conflict check"),
        [&](const SizeResult& r) { return cell(r.conflictCheck); });
    row(QStringLiteral("3 book (synchronous=FULL)"),
        [&](const SizeResult& r) { return cell(r.book); });
    row(QStringLiteral("4 next 10 free slots"),
        [&](const SizeResult& r) { return cell(r.freeSlots); });
    row(QStringLiteral("5 client search, name"),
        [&](const SizeResult& r) { return cell(r.searchName); });
    row(QStringLiteral("5 client search, phone"),
        [&](const SizeResult& r) { return cell(r.searchPhone); });
    row(QStringLiteral("6 day view paint 1920x1080"),
        [&](const SizeResult& r) { return cell(r.paint); });
    row(QStringLiteral("6 day panel paint (header, scroll bars)"),
        [&](const SizeResult& r) { return cell(r.panelPaint); });
    row(QStringLiteral("7 cold start (app)"),
        [&](const SizeResult& r) { return cell(r.appStart); });
    row(QStringLiteral("7 cold start (bare Qt window)"),
        [&](const SizeResult& r) { return cell(r.bareStart); });
    row(QStringLiteral("7 cold start ratio (median)"), [](const SizeResult& r) -> QString {
        return fixed(r.appStart.median() / r.bareStart.median()) + QLatin1Char('x');
    });
    row(QStringLiteral("7 cold start (bare window, one line of text)"),
        [&](const SizeResult& r) { return cell(r.bareTextStart); });
    row(QStringLiteral("7 cold start ratio to it (median)"), [](const SizeResult& r) -> QString {
        return fixed(r.appStart.median() / r.bareTextStart.median()) + QLatin1Char('x');
    });
    row(QStringLiteral("8 app peak memory (MB)"),
        [](const SizeResult& r) { return fixed(r.appPeakMb, 0); });
    row(QStringLiteral("8 peak memory (bare Qt window, MB)"),
        [](const SizeResult& r) { return fixed(r.barePeakMb, 0); });

    QList<qsizetype> widths(header.size(), 0);
    rows.prepend(header);
    for (const QStringList& line : rows) {
        for (qsizetype column = 0; column < line.size(); ++column) {
            widths[column] = std::max(widths[column], line.at(column).size());
        }
    }
    out() << "Machine: " << machineText() << "\n\n";
    for (qsizetype index = 0; index < rows.size(); ++index) {
        const QStringList& line = rows.at(index);
        QStringList padded;
        for (qsizetype column = 0; column < line.size(); ++column) {
            padded.append(column == 0 ? line.at(column).leftJustified(widths[column])
                                      : line.at(column).rightJustified(widths[column]));
        }
        out() << "| " << padded.join(QStringLiteral(" | ")) << " |\n";
        if (index == 0) {
            // Markdown: the figure column left-aligned, the sizes right-aligned.
            QStringList rule;
            for (qsizetype column = 0; column < line.size(); ++column) {
                QString dashes(widths[column] + (column == 0 ? 2 : 1), QLatin1Char('-'));
                if (column > 0) {
                    dashes += QLatin1Char(':');
                }
                rule.append(dashes);
            }
            out() << '|' << rule.join(QLatin1Char('|')) << "|\n";
        }
    }
    const QList<Target> goals = targets(results);
    if (!goals.isEmpty()) {
        out() << "\nTargets:\n";
        for (const Target& target : goals) {
            out() << "  " << (target.met() ? "met    " : "MISSED ") << target.figure << ": "
                  << fixed(target.measured, 3) << " (goal " << target.goal << ")\n";
        }
    }
    out().flush();
}

QJsonObject samplesJson(const Samples& samples)
{
    return {{QStringLiteral("median_ms"), samples.median()},
            {QStringLiteral("p99_ms"), samples.p99()},
            {QStringLiteral("runs"), samples.count()}};
}

void printJson(const QList<SizeResult>& results)
{
    QJsonArray sizes;
    for (const SizeResult& r : results) {
        sizes.append(QJsonObject{
            {QStringLiteral("appointments"), r.meta.appointments},
            {QStringLiteral("clients"), r.meta.clients},
            {QStringLiteral("first_day"), r.meta.firstDay.toString(Qt::ISODate)},
            {QStringLiteral("last_day"), r.meta.lastDay.toString(Qt::ISODate)},
            {QStringLiteral("database_bytes"), r.fileBytes},
            {QStringLiteral("appointments_per_loaded_day"), r.dayRows},
            {QStringLiteral("day_load"), samplesJson(r.dayLoad)},
            {QStringLiteral("day_load_raw_sqlite3"), samplesJson(r.dayLoadRaw)},
            {QStringLiteral("conflict_check"), samplesJson(r.conflictCheck)},
            {QStringLiteral("book"), samplesJson(r.book)},
            {QStringLiteral("next_10_free_slots"), samplesJson(r.freeSlots)},
            {QStringLiteral("client_search_name"), samplesJson(r.searchName)},
            {QStringLiteral("client_search_phone"), samplesJson(r.searchPhone)},
            {QStringLiteral("day_view_paint"), samplesJson(r.paint)},
            {QStringLiteral("day_panel_paint"), samplesJson(r.panelPaint)},
            {QStringLiteral("cold_start_app"), samplesJson(r.appStart)},
            {QStringLiteral("cold_start_bare_qt"), samplesJson(r.bareStart)},
            {QStringLiteral("cold_start_bare_qt_text"), samplesJson(r.bareTextStart)},
            {QStringLiteral("app_peak_rss_mb"), r.appPeakMb},
            {QStringLiteral("bare_window_peak_rss_mb"), r.barePeakMb},
        });
    }
    QJsonArray goals;
    for (const Target& target : targets(results)) {
        goals.append(QJsonObject{{QStringLiteral("figure"), target.figure},
                                 {QStringLiteral("goal"), target.goal},
                                 {QStringLiteral("measured"), target.measured},
                                 {QStringLiteral("met"), target.met()}});
    }
    const QJsonObject report{{QStringLiteral("machine"), machineText()},
                             {QStringLiteral("sizes"), sizes},
                             {QStringLiteral("targets"), goals}};
    out() << QJsonDocument(report).toJson();
    out().flush();
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("masahista-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Generates clinics with long histories and measures Masahista on them."));
    parser.addHelpOption();
    const QCommandLineOption sizesOption(
        QStringLiteral("sizes"), QStringLiteral("Appointment counts, e.g. 10k,100k,1M,10M."),
        QStringLiteral("list"), QStringLiteral("10k,100k,1M"));
    const QCommandLineOption dataOption(QStringLiteral("data"),
                                        QStringLiteral("Folder for the generated databases."),
                                        QStringLiteral("folder"), QStringLiteral("bench-data"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Runs of each timed operation."),
                                        QStringLiteral("count"), QStringLiteral("200"));
    const QCommandLineOption startsOption(QStringLiteral("starts"),
                                          QStringLiteral("Cold starts of each program."),
                                          QStringLiteral("count"), QStringLiteral("10"));
    const QCommandLineOption clientsOption(QStringLiteral("clients"),
                                           QStringLiteral("Clients in each clinic."),
                                           QStringLiteral("count"), QStringLiteral("100000"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print JSON instead of a table."));
    const QCommandLineOption regenerateOption(
        QStringLiteral("regenerate"), QStringLiteral("Rebuild the databases even if they exist."));
    const QCommandLineOption onlyOption(
        QStringLiteral("only"),
        QStringLiteral("Measure only these figures: day, conflict, book, slots, search, paint, "
                       "start (comma-separated)."),
        QStringLiteral("figures"));
    parser.addOptions({sizesOption, dataOption, runsOption, startsOption, clientsOption, jsonOption,
                       regenerateOption, onlyOption});
    parser.process(app);

    Settings settings;
    settings.dataFolder = QDir(parser.value(dataOption)).absolutePath();
    settings.appPath = QStringLiteral(MASAHISTA_APP);
    settings.bareWindowPath = QStringLiteral(MASAHISTA_BARE_WINDOW);
    settings.runs = parser.value(runsOption).toInt();
    settings.startRuns = parser.value(startsOption).toInt();
    settings.clients = parser.value(clientsOption).toInt();
    settings.json = parser.isSet(jsonOption);
    settings.regenerate = parser.isSet(regenerateOption);
    if (parser.isSet(onlyOption)) {
        settings.only = parser.value(onlyOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    if (settings.runs < 1 || settings.startRuns < 1 || settings.clients < 1) {
        err() << "--runs, --starts and --clients take a positive number.\n";
        return 2;
    }
    QList<qint64> sizes;
    for (const QString& text : parser.value(sizesOption).split(QLatin1Char(','))) {
        const std::optional<qint64> size = parseSize(text);
        if (!size) {
            err() << "Not a size: " << text << " (use e.g. 10k, 100k, 1M, 10M)\n";
            return 2;
        }
        sizes.append(*size);
    }
    if (!QDir().mkpath(settings.dataFolder)) {
        err() << "Cannot create " << settings.dataFolder << '\n';
        return 2;
    }

    QList<SizeResult> results;
    for (qint64 size : sizes) {
        err() << "Measuring " << sizeLabel(size) << " …\n";
        err().flush();
        SizeResult result;
        if (!measureSize(settings, size, result)) {
            return 1;
        }
        results.append(result);
    }
    if (settings.json) {
        printJson(results);
    } else {
        printTable(results);
    }
    return 0;
}

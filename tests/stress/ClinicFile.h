#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <map>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace masahista::stress {

// One appointments row, every column, so that any change the harness did not ask for shows.
struct Row
{
    qint64 id = 0;
    qint64 clientId = 0;
    qint64 therapistId = 0;
    qint64 typeId = 0;
    qint64 optionId = 0;
    qint64 minutes = 0;
    qint64 priceCents = 0;
    qint64 roomId = 0; // 0: no room
    qint64 startUtc = 0;
    qint64 endUtc = 0;
    qint64 bufferEndUtc = 0;
    QString status;
    QString notes;
    QString cancelReason;
    qint64 cancelledLate = 0;
    QString overrideReason;
    qint64 seriesId = 0; // 0: not in a series
    qint64 createdUtc = 0;
    qint64 updatedUtc = 0;

    bool holdsTime() const { return status != u"cancelled"; }
    // What can still be moved or cancelled.
    bool active() const { return status == u"booked" || status == u"confirmed"; }
    friend bool operator==(const Row&, const Row&) = default;
};

// What the harness compares between two kills.
struct State
{
    std::map<qint64, Row> appointments;
    std::map<qint64, qint64> historyRows;     // appointment id -> its appointment_history rows
    std::map<qint64, qint64> seriesIntervals; // appointment_series id -> interval in weeks

    friend bool operator==(const State&, const State&) = default;
};

struct WeeklyInterval
{
    int weekday = 1; // 1 = Monday, as QDate::dayOfWeek()
    int startMinute = 0;
    int endMinute = 0;
};

struct Certification
{
    qint64 modalityId = 0;
    QDate certifiedOn; // invalid: no limit
    QDate expiresOn;   // invalid: no limit
};

struct Therapist
{
    qint64 id = 0;
    bool active = true;
    QList<WeeklyInterval> hours;
    QList<Certification> certifications;

    bool certifiedThroughout(qint64 modalityId, QDate from, QDate to) const;
};

struct MassageType
{
    qint64 id = 0;
    qint64 modalityId = 0; // 0: any therapist
    int bufferMinutes = 0;
    QString roomKind; // empty: any room
    bool active = true;
    QList<int> minutes; // the active duration options
};

struct Room
{
    qint64 id = 0;
    QString kind;
    bool active = true;
};

struct TimeOff
{
    qint64 therapistId = 0;
    qint64 startUtc = 0;
    qint64 endUtc = 0;
};

// The clinic as the demo made it; the harness never changes any of it.
struct Catalog
{
    QString timeZone;
    int gridMinutes = 15;
    int lateCancelHours = 24;
    QList<Therapist> therapists;
    QList<MassageType> types;
    QList<Room> rooms; // in the clinic's order
    QList<qint64> clients;
    QList<TimeOff> timeOff;

    const MassageType* type(qint64 id) const;
    const Room* room(qint64 id) const;
};

// The columns of the row a query stands on.
class Columns
{
public:
    explicit Columns(sqlite3_stmt* statement)
        : m_statement(statement)
    {}
    qint64 integer(int column) const; // 0 for null
    QString text(int column) const;   // empty for null
    QVariant value(int column) const; // qint64, QString or null
    int count() const;

private:
    sqlite3_stmt* m_statement;
};

// The database file opened by a connection of the harness's own, read-only, without
// `immutable`: SQLite replays whatever a killed writer left in the WAL, as the app would.
class ClinicFile
{
public:
    // Null, with `problem` set, when the file cannot be opened.
    static std::unique_ptr<ClinicFile> open(const QString& path, QString* problem);
    // Reads through a connection someone else keeps open (the property tests' Database).
    static std::unique_ptr<ClinicFile> borrow(sqlite3* handle);
    ~ClinicFile();
    ClinicFile(const ClinicFile&) = delete;
    ClinicFile& operator=(const ClinicFile&) = delete;

    // Runs a query and hands each row to `use`; false, with `problem` set, on any SQLite error.
    bool each(const QString& sql, const std::function<void(const Columns&)>& use,
              QString* problem) const;
    // Each row of a query as values.
    bool query(const QString& sql, QList<QVariantList>* rows, QString* problem) const;

    bool readState(State* state, QString* problem) const;
    bool readCatalog(Catalog* catalog, QString* problem) const;
    // PRAGMA integrity_check and foreign_key_check; each problem found is appended.
    void checkStructure(QStringList* problems) const;

private:
    ClinicFile(sqlite3* handle, bool owned)
        : m_handle(handle)
        , m_owned(owned)
    {}
    sqlite3* m_handle;
    bool m_owned;
};

// The invariants that hold whatever was killed when and whatever the service was asked: every
// appointment has its history, every series has all the appointments it was booked with
// (`seriesSize` of its id), and no two appointments holding time share a therapist or a room,
// cleanup included. Each problem found is appended.
void checkInvariants(const State& state, const std::function<int(qint64)>& seriesSize,
                     QStringList* problems);

} // namespace masahista::stress

#include "ClinicFile.h"

#include <QHash>

#include <algorithm>
#include <sqlite3.h>

namespace masahista::stress {

namespace {

QString sqliteMessage(sqlite3* handle)
{
    return QString::fromUtf8(sqlite3_errmsg(handle));
}

// Null (no limit) reads as an empty text and so as an invalid date.
QDate dateOf(const QString& text)
{
    return QDate::fromString(text, Qt::ISODate);
}

// Overlaps among the appointments holding time of one therapist or one room, found by sweeping
// them in order of start.
void checkNoOverlap(const QString& what, QHash<qint64, QList<const Row*>> byOwner,
                    QStringList* problems)
{
    for (auto it = byOwner.begin(); it != byOwner.end(); ++it) {
        QList<const Row*>& rows = it.value();
        std::sort(rows.begin(), rows.end(),
                  [](const Row* a, const Row* b) { return a->startUtc < b->startUtc; });
        const Row* longest = nullptr; // the one reaching furthest so far
        for (const Row* row : rows) {
            if (longest != nullptr && row->startUtc < longest->bufferEndUtc) {
                problems->append(QStringLiteral("appointments %1 and %2 overlap for %3 %4 "
                                                "(%5-%6 and %7-%8, cleanup included)")
                                     .arg(longest->id)
                                     .arg(row->id)
                                     .arg(what)
                                     .arg(it.key())
                                     .arg(longest->startUtc)
                                     .arg(longest->bufferEndUtc)
                                     .arg(row->startUtc)
                                     .arg(row->bufferEndUtc));
            }
            if (longest == nullptr || row->bufferEndUtc > longest->bufferEndUtc) {
                longest = row;
            }
        }
    }
}

} // namespace

bool Therapist::certifiedThroughout(qint64 modalityId, QDate from, QDate to) const
{
    return std::any_of(
        certifications.cbegin(), certifications.cend(), [&](const Certification& certification) {
            return certification.modalityId == modalityId &&
                   (!certification.certifiedOn.isValid() || certification.certifiedOn <= from) &&
                   (!certification.expiresOn.isValid() || certification.expiresOn >= to);
        });
}

const MassageType* Catalog::type(qint64 id) const
{
    for (const MassageType& each : types) {
        if (each.id == id) {
            return &each;
        }
    }
    return nullptr;
}

const Room* Catalog::room(qint64 id) const
{
    for (const Room& each : rooms) {
        if (each.id == id) {
            return &each;
        }
    }
    return nullptr;
}

std::unique_ptr<ClinicFile> ClinicFile::open(const QString& path, QString* problem)
{
    sqlite3* handle = nullptr;
    const int rc =
        sqlite3_open_v2(path.toUtf8().constData(), &handle, SQLITE_OPEN_READONLY, nullptr);
    if (rc != SQLITE_OK) {
        *problem = QStringLiteral("cannot open %1: %2")
                       .arg(path, handle != nullptr ? sqliteMessage(handle)
                                                    : QString::fromUtf8(sqlite3_errstr(rc)));
        sqlite3_close(handle);
        return nullptr;
    }
    // The app may be gone mid-write; a reader waits out nothing, but a recovering one might.
    sqlite3_busy_timeout(handle, 5000);
    return std::unique_ptr<ClinicFile>(new ClinicFile(handle, true));
}

std::unique_ptr<ClinicFile> ClinicFile::borrow(sqlite3* handle)
{
    return std::unique_ptr<ClinicFile>(new ClinicFile(handle, false));
}

ClinicFile::~ClinicFile()
{
    if (m_owned) {
        sqlite3_close(m_handle);
    }
}

qint64 Columns::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QString Columns::text(int column) const
{
    return QString::fromUtf8(
        reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column)),
        sqlite3_column_bytes(m_statement, column));
}

QVariant Columns::value(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_NULL:
        return {};
    case SQLITE_INTEGER:
        return QVariant::fromValue(integer(column));
    default:
        return text(column);
    }
}

int Columns::count() const
{
    return sqlite3_column_count(m_statement);
}

bool ClinicFile::each(const QString& sql, const std::function<void(const Columns&)>& use,
                      QString* problem) const
{
    sqlite3_stmt* statement = nullptr;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(m_handle, text.constData(), -1, &statement, nullptr) != SQLITE_OK) {
        *problem = QStringLiteral("%1: %2").arg(sql, sqliteMessage(m_handle));
        return false;
    }
    const Columns columns(statement);
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        use(columns);
    }
    if (rc != SQLITE_DONE) {
        *problem = QStringLiteral("%1: %2").arg(sql, sqliteMessage(m_handle));
    }
    sqlite3_finalize(statement);
    return rc == SQLITE_DONE;
}

bool ClinicFile::query(const QString& sql, QList<QVariantList>* rows, QString* problem) const
{
    rows->clear();
    return each(
        sql,
        [rows](const Columns& columns) {
            QVariantList row;
            for (int column = 0; column < columns.count(); ++column) {
                row.append(columns.value(column));
            }
            rows->append(row);
        },
        problem);
}

bool ClinicFile::readState(State* state, QString* problem) const
{
    *state = State();
    QList<QVariantList> ignored;
    // One read transaction, so that the three reads see the same commit.
    if (!query(QStringLiteral("BEGIN"), &ignored, problem)) {
        return false;
    }
    const bool ok =
        each(
            QStringLiteral("SELECT id, client_id, therapist_id, massage_type_id, option_id, "
                           "duration_minutes, price_cents, room_id, start_utc, end_utc, "
                           "buffer_end_utc, status, notes, cancel_reason, cancelled_late, "
                           "override_reason, series_id, created_at_utc, updated_at_utc "
                           "FROM appointments"),
            [state](const Columns& c) {
                const Row row{.id = c.integer(0),
                              .clientId = c.integer(1),
                              .therapistId = c.integer(2),
                              .typeId = c.integer(3),
                              .optionId = c.integer(4),
                              .minutes = c.integer(5),
                              .priceCents = c.integer(6),
                              .roomId = c.integer(7),
                              .startUtc = c.integer(8),
                              .endUtc = c.integer(9),
                              .bufferEndUtc = c.integer(10),
                              .status = c.text(11),
                              .notes = c.text(12),
                              .cancelReason = c.text(13),
                              .cancelledLate = c.integer(14),
                              .overrideReason = c.text(15),
                              .seriesId = c.integer(16),
                              .createdUtc = c.integer(17),
                              .updatedUtc = c.integer(18)};
                state->appointments[row.id] = row;
            },
            problem) &&
        each(
            QStringLiteral("SELECT appointment_id, count(*) FROM appointment_history "
                           "GROUP BY appointment_id"),
            [state](const Columns& c) { state->historyRows[c.integer(0)] = c.integer(1); },
            problem) &&
        each(
            QStringLiteral("SELECT id, interval_weeks FROM appointment_series"),
            [state](const Columns& c) { state->seriesIntervals[c.integer(0)] = c.integer(1); },
            problem);
    QString ignoredProblem;
    query(QStringLiteral("COMMIT"), &ignored, &ignoredProblem);
    return ok;
}

bool ClinicFile::readCatalog(Catalog* catalog, QString* problem) const
{
    *catalog = Catalog();
    int settingsRows = 0;
    const auto therapist = [catalog](qint64 id) -> Therapist* {
        for (Therapist& each : catalog->therapists) {
            if (each.id == id) {
                return &each;
            }
        }
        return nullptr;
    };
    const bool ok =
        each(
            QStringLiteral("SELECT time_zone, booking_step_minutes, late_cancel_hours "
                           "FROM clinic_settings"),
            [&](const Columns& c) {
                ++settingsRows;
                catalog->timeZone = c.text(0);
                catalog->gridMinutes = int(c.integer(1));
                catalog->lateCancelHours = int(c.integer(2));
            },
            problem) &&
        each(
            QStringLiteral("SELECT id, active FROM therapists ORDER BY sort_order, id"),
            [&](const Columns& c) {
                catalog->therapists.append({c.integer(0), int(c.integer(1)) == 1, {}, {}});
            },
            problem) &&
        each(
            QStringLiteral("SELECT therapist_id, weekday, start_minute, end_minute "
                           "FROM therapist_hours"),
            [&](const Columns& c) {
                if (Therapist* owner = therapist(c.integer(0))) {
                    owner->hours.append({int(c.integer(1)), int(c.integer(2)), int(c.integer(3))});
                }
            },
            problem) &&
        each(
            QStringLiteral("SELECT therapist_id, modality_id, certified_on, expires_on "
                           "FROM therapist_certifications"),
            [&](const Columns& c) {
                if (Therapist* owner = therapist(c.integer(0))) {
                    owner->certifications.append(
                        {c.integer(1), dateOf(c.text(2)), dateOf(c.text(3))});
                }
            },
            problem) &&
        each(
            QStringLiteral("SELECT id, required_modality_id, buffer_minutes, room_kind, active "
                           "FROM massage_types ORDER BY sort_order, id"),
            [&](const Columns& c) {
                catalog->types.append({c.integer(0),
                                       c.integer(1),
                                       int(c.integer(2)),
                                       c.text(3),
                                       int(c.integer(4)) == 1,
                                       {}});
            },
            problem) &&
        each(
            QStringLiteral("SELECT massage_type_id, duration_minutes "
                           "FROM massage_type_options WHERE active = 1 "
                           "ORDER BY duration_minutes"),
            [&](const Columns& c) {
                for (MassageType& type : catalog->types) {
                    if (type.id == c.integer(0)) {
                        type.minutes.append(int(c.integer(1)));
                    }
                }
            },
            problem) &&
        each(
            QStringLiteral("SELECT id, kind, active FROM rooms ORDER BY sort_order, id"),
            [&](const Columns& c) {
                catalog->rooms.append({c.integer(0), c.text(1), int(c.integer(2)) == 1});
            },
            problem) &&
        each(
            QStringLiteral("SELECT id FROM clients WHERE archived = 0 ORDER BY id"),
            [&](const Columns& c) { catalog->clients.append(c.integer(0)); }, problem) &&
        each(
            QStringLiteral("SELECT therapist_id, start_utc, end_utc FROM therapist_time_off"),
            [&](const Columns& c) {
                catalog->timeOff.append({c.integer(0), c.integer(1), c.integer(2)});
            },
            problem);
    if (ok && settingsRows != 1) {
        *problem = QStringLiteral("clinic_settings has %1 rows").arg(settingsRows);
        return false;
    }
    return ok;
}

void ClinicFile::checkStructure(QStringList* problems) const
{
    QList<QVariantList> rows;
    QString problem;
    if (!query(QStringLiteral("PRAGMA integrity_check"), &rows, &problem)) {
        problems->append(QStringLiteral("integrity_check failed to run: ") + problem);
    } else if (rows.size() != 1 || rows.at(0).at(0).toString() != u"ok") {
        QStringList lines;
        for (const QVariantList& row : rows) {
            lines.append(row.value(0).toString());
        }
        problems->append(QStringLiteral("integrity_check: ") + lines.join(QStringLiteral("; ")));
    }
    if (!query(QStringLiteral("PRAGMA foreign_key_check"), &rows, &problem)) {
        problems->append(QStringLiteral("foreign_key_check failed to run: ") + problem);
    } else {
        for (const QVariantList& row : rows) {
            problems->append(QStringLiteral("foreign_key_check: row %1 of %2 points to a "
                                            "missing row of %3")
                                 .arg(row.value(1).toString(), row.value(0).toString(),
                                      row.value(2).toString()));
        }
    }
}

void checkInvariants(const State& state, const std::function<int(qint64)>& seriesSize,
                     QStringList* problems)
{
    std::map<qint64, int> members;
    QHash<qint64, QList<const Row*>> byTherapist;
    QHash<qint64, QList<const Row*>> byRoom;
    for (const auto& [id, row] : state.appointments) {
        const auto history = state.historyRows.find(id);
        if (history == state.historyRows.end() || history->second < 1) {
            problems->append(QStringLiteral("appointment %1 has no history row").arg(id));
        }
        if (row.seriesId != 0) {
            ++members[row.seriesId];
            if (state.seriesIntervals.count(row.seriesId) == 0) {
                problems->append(QStringLiteral("appointment %1 belongs to series %2, which "
                                                "does not exist")
                                     .arg(id)
                                     .arg(row.seriesId));
            }
        }
        if (row.holdsTime()) {
            byTherapist[row.therapistId].append(&row);
            if (row.roomId != 0) {
                byRoom[row.roomId].append(&row);
            }
        }
    }
    for (const auto& [id, rows] : state.historyRows) {
        if (state.appointments.count(id) == 0) {
            problems->append(
                QStringLiteral("%1 history rows of appointment %2, which does not exist")
                    .arg(rows)
                    .arg(id));
        }
    }
    for (const auto& [id, interval] : state.seriesIntervals) {
        const int size = members.count(id) != 0 ? members.at(id) : 0;
        const int expected = seriesSize(id);
        if (size != expected || size == 0) {
            problems->append(QStringLiteral("series %1 has %2 appointments, booked with %3")
                                 .arg(id)
                                 .arg(size)
                                 .arg(expected));
        }
    }
    checkNoOverlap(QStringLiteral("therapist"), byTherapist, problems);
    checkNoOverlap(QStringLiteral("room"), byRoom, problems);
}

} // namespace masahista::stress

#include "CheckpointCut.h"

#include <QFile>
#include <QtEndian>

#include <sqlite3.h>

namespace masahista::stress {

namespace {

constexpr qint64 walHeaderSize = 32;
constexpr qint64 frameHeaderSize = 24;

quint32 bigEndian32(const QByteArray& bytes, qint64 offset)
{
    return qFromBigEndian<quint32>(reinterpret_cast<const uchar*>(bytes.constData()) + offset);
}

bool commitGrowth(const QString& path, int rows, QString* problem)
{
    sqlite3* handle = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &handle, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        *problem = QStringLiteral("cannot open %1: %2")
                       .arg(path, QString::fromUtf8(sqlite3_errmsg(handle)));
        sqlite3_close(handle);
        return false;
    }
    // The WAL stays as a killed process leaves it: not copied back when we close.
    sqlite3_db_config(handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    const QByteArray sql =
        QStringLiteral("PRAGMA wal_autocheckpoint = 0; BEGIN IMMEDIATE; "
                       "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                       "WHERE i < %1) "
                       "INSERT INTO appointment_history (appointment_id, changed_at_utc, actor, "
                       "action, details) SELECT (SELECT min(id) FROM appointments), 0, "
                       "'masahista-stress', 'changed', hex(randomblob(250)) FROM n; COMMIT;")
            .arg(rows)
            .toUtf8();
    char* message = nullptr;
    const bool ok = sqlite3_exec(handle, sql.constData(), nullptr, nullptr, &message) == SQLITE_OK;
    if (!ok) {
        *problem = QStringLiteral("cannot write to %1: %2").arg(path, QString::fromUtf8(message));
    }
    sqlite3_free(message);
    sqlite3_close(handle);
    return ok;
}

} // namespace

bool cutCheckpointShort(const QString& path, int rows, QString* problem)
{
    if (!commitGrowth(path, rows, problem)) {
        return false;
    }
    QFile walFile(path + QStringLiteral("-wal"));
    if (!walFile.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("no WAL beside %1 after a commit").arg(path);
        return false;
    }
    const QByteArray wal = walFile.readAll();
    if (wal.size() < walHeaderSize) {
        *problem = QStringLiteral("the WAL of %1 is empty").arg(path);
        return false;
    }
    const qint64 pageSize = bigEndian32(wal, 8);
    const quint32 salt1 = bigEndian32(wal, 16);
    const quint32 salt2 = bigEndian32(wal, 20);
    // The newest page 1 of a committed transaction: frames of this WAL's generation carry its
    // salts; the transaction's last frame carries the database's length in pages.
    QByteArray pageOne;
    QByteArray candidate;
    for (qint64 offset = walHeaderSize; offset + frameHeaderSize + pageSize <= wal.size();
         offset += frameHeaderSize + pageSize) {
        if (bigEndian32(wal, offset + 8) != salt1 || bigEndian32(wal, offset + 12) != salt2) {
            break;
        }
        if (bigEndian32(wal, offset) == 1) {
            candidate = wal.mid(offset + frameHeaderSize, pageSize);
        }
        if (bigEndian32(wal, offset + 4) != 0) {
            pageOne = candidate;
        }
    }
    QFile database(path);
    if (pageOne.size() != pageSize || !database.open(QIODevice::ReadWrite)) {
        *problem = QStringLiteral("no committed page 1 in the WAL of %1").arg(path);
        return false;
    }
    const qint64 promised = qint64{bigEndian32(pageOne, 28)} * pageSize;
    if (promised <= database.size()) {
        *problem = QStringLiteral("%1 rows did not make %2 grow; the state needs more")
                       .arg(rows)
                       .arg(path);
        return false;
    }
    if (database.write(pageOne) != pageSize || !database.flush()) {
        *problem = QStringLiteral("cannot write page 1 of %1").arg(path);
        return false;
    }
    return true;
}

} // namespace masahista::stress

// The check of a database file's SQLite header before SQLite opens it (DatabaseHeader).
// Input: the whole file.
#include "FuzzSupport.h"
#include "data/DatabaseHeader.h"

#include <QtEndian>

using namespace masahista;
using fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray file(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QString path = QStringLiteral("/clinic/masahista.sqlite");
    const Status checked =
        DatabaseHeader::check(file.left(DatabaseHeader::size), file.size(), path, false);
    // A log beside the file only ever lets more through: SQLite completes the file from it.
    const Status withLog =
        DatabaseHeader::check(file.left(DatabaseHeader::size), file.size(), path, true);
    require(!checked.ok() || withLog.ok(), "a log beside the file refuses nothing more");
    const bool sqlite = file.startsWith(QByteArray("SQLite format 3", 16));

    if (!checked) {
        const ErrorCode code = checked.error().code;
        require(code == (sqlite || file.isEmpty() ? ErrorCode::Corrupt : ErrorCode::NotMasahista),
                "a foreign file is not Masahista's, an empty or damaged one is corrupt");
        require(checked.error().message.contains(path), "the refusal names the file");
        return 0;
    }
    // What SQLite itself would need, worked out here from its file format's description.
    require(sqlite, "an accepted file is an SQLite file");
    require(file.size() >= DatabaseHeader::size, "an accepted file has a whole header");
    const auto* bytes = reinterpret_cast<const uchar*>(file.constData());
    const quint32 field = qFromBigEndian<quint16>(bytes + 16);
    const qint64 pageSize = field == 1 ? 65536 : field;
    require(pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) == 0,
            "an accepted file has a page size SQLite allows");
    require(file.size() % pageSize == 0, "an accepted file has whole pages");
    const quint32 pages = qFromBigEndian<quint32>(bytes + 28);
    if (qFromBigEndian<quint32>(bytes + 92) == qFromBigEndian<quint32>(bytes + 24)) {
        require(file.size() >= pages * pageSize, "an accepted file holds every page it counts");
    }
    return 0;
}

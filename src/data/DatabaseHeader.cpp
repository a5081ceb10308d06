#include "DatabaseHeader.h"

#include <QtEndian>

namespace masahista {

bool DatabaseHeader::isSqlite(const QByteArray& start)
{
    // The header starts with these 16 bytes, the terminating NUL included.
    static const QByteArray magic("SQLite format 3", 16);
    return start.startsWith(magic);
}

Status DatabaseHeader::check(const QByteArray& header, qint64 fileSize, const QString& path,
                             bool logBeside)
{
    if (fileSize == 0) {
        return makeError(ErrorCode::Corrupt,
                         tr("The database file %1 is empty (0 bytes), so it holds no clinic. It "
                            "was left untouched. If it should hold your clinic, restore it from "
                            "a backup; to start a new clinic there, delete the empty file "
                            "first.")
                             .arg(path));
    }
    if (!isSqlite(header)) {
        return makeError(ErrorCode::NotMasahista,
                         tr("%1 is not a Masahista database (it is not an SQLite "
                            "database at all). The file was left untouched; choose "
                            "the right file.")
                             .arg(path));
    }
    const auto truncated = [&path] {
        return makeError(ErrorCode::Corrupt,
                         tr("The database file %1 is damaged: it is shorter than its "
                            "own header says (truncated). The file was left "
                            "untouched; restore it from a backup.")
                             .arg(path));
    };
    if (header.size() < size) {
        return truncated();
    }
    const auto* bytes = reinterpret_cast<const uchar*>(header.constData());
    quint32 pageSize = qFromBigEndian<quint16>(bytes + 16);
    if (pageSize == 1) {
        pageSize = 65536;
    }
    const auto changeCounter = qFromBigEndian<quint32>(bytes + 24);
    const auto pageCount = qFromBigEndian<quint32>(bytes + 28);
    const auto validFor = qFromBigEndian<quint32>(bytes + 92);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0) {
        return makeError(ErrorCode::Corrupt,
                         tr("The database file %1 is damaged (its header is "
                            "invalid). The file was left untouched; restore it from "
                            "a backup.")
                             .arg(path));
    }
    // The page count is only trustworthy when written by the same change as the counter, and
    // a checkpoint killed between writing page 1 and the pages after it leaves the header
    // ahead of the file, with every page still in the log beside it.
    if (!logBeside && validFor == changeCounter && pageCount > 0 &&
        fileSize < static_cast<qint64>(pageCount) * pageSize) {
        return truncated();
    }
    if (fileSize % pageSize != 0) {
        return truncated();
    }
    return success();
}

} // namespace masahista

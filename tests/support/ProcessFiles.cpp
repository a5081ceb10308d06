#include "ProcessFiles.h"

#include <QDir>
#include <QFile>

#include <sys/stat.h>
#include <unistd.h>

namespace masahista::test::proc {

bool holdsLock(qint64 pid, const QString& path, QString* problem)
{
    struct stat file = {};
    if (::stat(QFile::encodeName(path).constData(), &file) != 0) {
        *problem = QStringLiteral("cannot stat ") + path;
        return false;
    }
    QFile locks(QStringLiteral("/proc/locks"));
    if (!locks.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("cannot read /proc/locks: ") + locks.errorString();
        return false;
    }
    // "1: POSIX  ADVISORY  READ 12069 fe:00:10952728 1073741826 1073742335"
    const QString expected = QStringLiteral(":%1").arg(file.st_ino);
    for (const QByteArray& line : locks.readAll().split('\n')) {
        const QStringList fields =
            QString::fromLatin1(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (fields.size() >= 6 && fields.at(1) == u"POSIX" && fields.at(4).toLongLong() == pid &&
            fields.at(5).endsWith(expected)) {
            return true;
        }
    }
    return false;
}

QStringList deletedFilesOpenIn(qint64 pid)
{
    QStringList deleted;
    const QDir descriptors(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QString& name : descriptors.entryList(QDir::AllEntries | QDir::System)) {
        // readlink itself: Qt's link resolution may tidy the " (deleted)" away.
        char buffer[4096];
        const ssize_t length = ::readlink(QFile::encodeName(descriptors.filePath(name)).constData(),
                                          buffer, sizeof buffer);
        const QString target =
            length > 0 ? QString::fromLocal8Bit(buffer, static_cast<qsizetype>(length)) : QString();
        if (target.endsWith(u" (deleted)")) {
            deleted.append(target);
        }
    }
    return deleted;
}

} // namespace masahista::test::proc

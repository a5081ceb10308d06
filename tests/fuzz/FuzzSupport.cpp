#include "FuzzSupport.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

namespace masahista::fuzz {

QString text(const std::uint8_t* data, std::size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

QStringList parts(const std::uint8_t* data, std::size_t size, char separator)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QStringList split;
    for (const QByteArray& part : bytes.split(separator)) {
        split.append(QString::fromUtf8(part));
    }
    return split;
}

void fail(const char* property, const QString& detail)
{
    std::fprintf(stderr, "\nProperty does not hold: %s\n%s\n", property,
                 detail.toUtf8().constData());
    std::abort();
}

} // namespace masahista::fuzz

// Qt's SQL drivers and time zones want an application object. It is never deleted: libFuzzer
// ends the process with exit(), and Qt objects destroyed after main() complain.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/)
{
    static int argc = 1;
    static char name[] = "masahista-fuzz";
    static char* argv[] = {name, nullptr};
    static QCoreApplication* application = new QCoreApplication(argc, argv);
    Q_UNUSED(application);
    return 0;
}

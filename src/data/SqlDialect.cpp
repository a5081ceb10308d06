#include "SqlDialect.h"

namespace masahista {

const SqlDialect& SqlDialect::sqlite()
{
    static const SqlDialect dialect{
        QStringLiteral("QSQLITE"),
        QStringLiteral(":/sql/sqlite"),
        QStringLiteral("BEGIN IMMEDIATE"),
    };
    return dialect;
}

} // namespace masahista

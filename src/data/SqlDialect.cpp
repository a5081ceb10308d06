#include "SqlDialect.h"

namespace masahista {

const SqlDialect& SqlDialect::sqlite()
{
    static const SqlDialect dialect{
        QStringLiteral("QSQLITE"),
        QStringLiteral(":/sql/sqlite"),
        QStringLiteral("BEGIN IMMEDIATE"),
        QStringLiteral("SELECT total_changes(), data_version FROM pragma_data_version"),
    };
    return dialect;
}

} // namespace masahista

#pragma once

#include <QString>
#include <QStringList>

namespace masahista {

// Splits an SQL script into single statements, because QSqlQuery runs one at a time.
// A ';' ends a statement only outside quotes, comments and BEGIN ... END / CASE ... END blocks
// (trigger bodies contain statements of their own). Comment-only pieces are dropped.
QStringList splitSqlStatements(const QString& script);

} // namespace masahista

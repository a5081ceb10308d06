#pragma once

#include <QString>

namespace masahista {
class Database;
}

namespace masahista::test {

// Every massage type (with its lengths), room and appointment as one text, so that a test can
// require that a refused change or a cancelled form wrote nothing at all.
QString catalogSnapshot(Database& database);

} // namespace masahista::test

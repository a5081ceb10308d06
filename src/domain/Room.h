#pragma once

#include "Id.h"

#include <QString>

namespace masahista {

struct Room
{
    Id id = 0;
    QString name;
    QString kind; // "table", "mat", ...: matched against MassageType::roomKind
    bool active = true;
    int sortOrder = 0;
};

} // namespace masahista

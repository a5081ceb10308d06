#pragma once

#include "Id.h"

#include <QString>

namespace masahista {

// A technique a therapist can be certified in (Swedish, deep tissue, hot stone, ...).
struct Modality
{
    Id id = 0;
    QString name;
    QString description;
};

} // namespace masahista

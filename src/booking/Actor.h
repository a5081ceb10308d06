#pragma once

#include <QString>

namespace masahista {

// Who performs an operation; written into the appointment history. A plain label for now;
// staff accounts with roles will give it an id and permissions.
struct Actor
{
    QString name;
};

} // namespace masahista

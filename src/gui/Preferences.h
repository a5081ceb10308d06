#pragma once

#include <QSettings>

#include <memory>

namespace masahista::gui {

// The user's remembered choices (the therapist of "My day", the window's layout, the theme).
// Named explicitly rather than through the application's organisation name, because setting
// that name would also move the default database folder of existing installations.
inline std::unique_ptr<QSettings> preferences()
{
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
                                       QStringLiteral("masahista"), QStringLiteral("masahista"));
}

} // namespace masahista::gui

#include "MassageType.h"

#include "EnumKeys.h"

namespace masahista {

namespace {
constexpr EnumKeys<Pressure, 4> pressureKeys{{{
    {Pressure::Light, u"light"},
    {Pressure::Medium, u"medium"},
    {Pressure::Firm, u"firm"},
    {Pressure::Deep, u"deep"},
}}};
} // namespace

QString pressureKey(Pressure pressure)
{
    return pressureKeys.key(pressure);
}

std::optional<Pressure> pressureFromKey(QStringView key)
{
    return pressureKeys.parse(key);
}

} // namespace masahista

#include "Client.h"

#include "EnumKeys.h"

namespace masahista {

namespace {
constexpr EnumKeys<HealthAlertKind, 5> alertKeys{{{
    {HealthAlertKind::Pregnancy, u"pregnancy"},
    {HealthAlertKind::Allergy, u"allergy"},
    {HealthAlertKind::Condition, u"condition"},
    {HealthAlertKind::AvoidArea, u"avoid_area"},
    {HealthAlertKind::Other, u"other"},
}}};
} // namespace

QString healthAlertKey(HealthAlertKind kind)
{
    return alertKeys.key(kind);
}

std::optional<HealthAlertKind> healthAlertFromKey(QStringView key)
{
    return alertKeys.parse(key);
}

} // namespace masahista

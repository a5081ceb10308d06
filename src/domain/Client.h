#pragma once

#include "Id.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace masahista {

enum class HealthAlertKind
{
    Pregnancy,
    Allergy,
    Condition,
    AvoidArea,
    Other
};

// Something a therapist must know before touching the client.
struct HealthAlert
{
    Id id = 0;
    HealthAlertKind kind = HealthAlertKind::Other;
    QString detail;
};

struct Client
{
    Id id = 0;
    QString fullName;
    QString phone; // stored normalized, e.g. "(780) 555-0142"
    QString email;
    QDate dateOfBirth; // null: unknown
    QString notes;
    bool archived = false;
    QList<HealthAlert> healthAlerts;
};

QString healthAlertKey(HealthAlertKind kind);
std::optional<HealthAlertKind> healthAlertFromKey(QStringView key);

} // namespace masahista

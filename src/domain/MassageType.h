#pragma once

#include "Id.h"

#include <QList>
#include <QString>

#include <optional>

namespace masahista {

enum class Pressure
{
    Light,
    Medium,
    Firm,
    Deep
};

// One bookable length of a massage type, with its own price.
struct DurationOption
{
    Id id = 0;
    int minutes = 0;
    qint64 priceCents = 0;
    bool active = true;
};

struct MassageType
{
    Id id = 0;
    QString name;
    QString description;
    Pressure pressure = Pressure::Medium;
    Id requiredModalityId = 0;    // 0: any therapist may perform it
    QString requiredModalityName; // filled when read
    int bufferMinutes = 0;        // cleanup after each appointment
    QString roomKind;             // kind of room needed; empty: any room
    QString color;                // "#rrggbb"
    bool active = true;
    int sortOrder = 0;
    QList<DurationOption> options;

    const DurationOption* option(int minutes) const
    {
        for (const DurationOption& candidate : options) {
            if (candidate.minutes == minutes) {
                return &candidate;
            }
        }
        return nullptr;
    }
};

QString pressureKey(Pressure pressure);
std::optional<Pressure> pressureFromKey(QStringView key);

} // namespace masahista

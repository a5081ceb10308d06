#pragma once

#include "domain/Client.h"
#include "domain/MassageType.h"
#include "domain/Room.h"
#include "domain/Therapist.h"
#include "domain/WorkingHours.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace masahista::cli {

// How the command line shows values: JSON for programs (stable keys, documented in
// docs/cli.md) and plain text for people.
class Output
{
    Q_DECLARE_TR_FUNCTIONS(Output)

public:
    static QJsonObject therapistJson(const Therapist& therapist,
                                     const QList<WeeklyInterval>& hours);
    static QJsonObject massageTypeJson(const MassageType& type);
    static QJsonObject roomJson(const Room& room);
    static QJsonObject clientJson(const Client& client);

    static QString therapistText(const Therapist& therapist, const QList<WeeklyInterval>& hours);
    static QString massageTypeText(const MassageType& type);
    static QString roomText(const Room& room);
    static QString clientText(const Client& client);

    // "Mon 10:00–14:00, 14:30–19:00; Tue ..." with days off left out.
    static QString weekText(const QList<WeeklyInterval>& hours);
};

} // namespace masahista::cli

#pragma once

#include "domain/Client.h"
#include "domain/ClinicSettings.h"
#include "domain/MassageType.h"
#include "domain/Result.h"
#include "domain/Room.h"
#include "domain/Therapist.h"
#include "domain/WorkingHours.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace masahista {

// A demo therapist and the weekly hours their shifts add up to. The certifications name their
// modality (Certification::modalityName); the loader resolves the ids from the database's list.
struct DemoTherapist
{
    Therapist therapist;
    QList<WeeklyInterval> weeklyHours;
};

// A demo massage type, naming its modality in MassageType::requiredModalityName for the loader
// to resolve, and how often clients book it relative to the others.
struct DemoMassageType
{
    MassageType type;
    int popularity = 1;
};

struct DemoCancellation
{
    QString reason;
    bool late = false;
};

// The demo clinic's facts, read from resources/demo/demo-clinic.json (resources/demo/README.md
// tells where the facts come from and how the file is laid out). What the demo does with them,
// placing the appointments, is DemoClinic's and DemoScheduler's business.
//
// The file is compiled into the library, so a file that does not read is a programming error:
// the tests read it, and reading stops at the first problem, naming where it is.
struct DemoClinicData
{
    Q_DECLARE_TR_FUNCTIONS(DemoClinicData)

public:
    ClinicSettings settings;
    // In the order the file gives them, which is also their sort order.
    QList<DemoTherapist> therapists;
    QList<DemoMassageType> massageTypes;
    QList<Room> rooms;
    QList<Client> clients;
    // Neither list is ever empty: the scheduler takes its cancellations and notes from them.
    QList<DemoCancellation> cancellations;
    QStringList appointmentNotes;

    // `today` (clinic-local) anchors the dates the file gives relative to it.
    static Result<DemoClinicData> fromJson(const QByteArray& json, QDate today);
    // The copy compiled in as :/demo/demo-clinic.json.
    static Result<DemoClinicData> fromResource(QDate today);
};

} // namespace masahista

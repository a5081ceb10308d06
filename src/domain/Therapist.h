#pragma once

#include "Id.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace masahista {

// A registration with a regulatory body or association; an RMT often holds several.
struct Credential
{
    Id id = 0;
    QString issuingBody;
    QString registrationNumber;
    QDate validFrom;
    QDate validTo; // null: no end date
    bool printedOnReceipts = true;
};

struct Education
{
    Id id = 0;
    QString school;
    QString programme;
    int programmeHours = 0; // 0: not stated
    QDate completedOn;      // null: not stated
};

struct Certification
{
    Id id = 0;
    Id modalityId = 0;
    QString modalityName; // filled when read, ignored when written
    QDate certifiedOn;
    QDate expiresOn; // null: does not expire

    bool isValidOn(QDate day) const
    {
        return (!certifiedOn.isValid() || certifiedOn <= day) &&
               (!expiresOn.isValid() || day <= expiresOn);
    }
};

struct Therapist
{
    Id id = 0;
    QString displayName;
    QString title;    // e.g. "Registered Massage Therapist"
    QString teamRole; // e.g. "Team Leader"; empty for none
    QString bio;
    QByteArray photo;      // encoded image (PNG/JPEG), empty for none
    QString calendarColor; // "#rrggbb"
    bool active = true;
    int sortOrder = 0;
    QList<Credential> credentials;
    QList<Education> education;
    QList<Certification> certifications;

    bool isCertifiedOn(Id modalityId, QDate day) const
    {
        for (const Certification& certification : certifications) {
            if (certification.modalityId == modalityId && certification.isValidOn(day)) {
                return true;
            }
        }
        return false;
    }
};

} // namespace masahista

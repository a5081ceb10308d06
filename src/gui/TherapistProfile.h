#pragma once

#include "domain/Therapist.h"
#include "domain/WorkingHours.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace masahista::gui {

// A therapist's read-only profile as HTML for a QTextBrowser: who they are, their
// registrations, training and certifications, bio and weekly hours. Every stored text is
// escaped, because names and bios are typed by people and may contain '<' or '&'.
class TherapistProfile
{
    Q_DECLARE_TR_FUNCTIONS(TherapistProfile)

public:
    static QString html(const Therapist& therapist, const QList<WeeklyInterval>& weeklyHours);
    // Shown when there is no therapist to describe.
    static QString placeholderHtml(const QString& text);
    // "Nov 25, 2026", in the user's language.
    static QString formatDate(QDate date);
    // "09:00–12:00, 13:00–17:00" for one weekday, or "Day off".
    static QString hoursOfDay(const QList<WeeklyInterval>& weeklyHours, int weekday);
};

} // namespace masahista::gui

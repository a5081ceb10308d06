#pragma once

#include "domain/Therapist.h"
#include "domain/WorkingHours.h"

#include <QCoreApplication>
#include <QList>
#include <QSize>
#include <QString>
#include <QUrl>

class QTextBrowser;

namespace masahista::gui {

// A therapist's read-only profile as HTML for a QTextBrowser: who they are, their
// registrations, training and certifications, bio and weekly hours. Every stored text is
// escaped, because names and bios are typed by people and may contain '<' or '&'.
class TherapistProfile
{
    Q_DECLARE_TR_FUNCTIONS(TherapistProfile)

public:
    // The photo's side in the profile, in pixels; a larger one is shown scaled down.
    static constexpr int photoSize = 180;

    // Without `photoUrl` the photo is left out; with it, the image the document holds under
    // that name is shown beside the name, `photoPixels` wide and high.
    static QString html(const Therapist& therapist, const QList<WeeklyInterval>& weeklyHours,
                        const QUrl& photoUrl = QUrl(), QSize photoPixels = QSize());
    // The name show() gives the therapist's photo in the browser's document. It changes with
    // the photo, so that no cached image of an older photo is ever shown.
    static QUrl photoUrl(const Therapist& therapist);
    // Shows the profile in the browser, photo included (handed to its document as an image
    // resource, since a QTextBrowser cannot read the database).
    static void show(QTextBrowser& browser, const Therapist& therapist,
                     const QList<WeeklyInterval>& weeklyHours);
    // Shown when there is no therapist to describe.
    static QString placeholderHtml(const QString& text);
    // "Nov 25, 2026", in the user's language.
    static QString formatDate(QDate date);
    // "09:00–12:00, 13:00–17:00" for one weekday, or "Day off".
    static QString hoursOfDay(const QList<WeeklyInterval>& weeklyHours, int weekday);
};

} // namespace masahista::gui

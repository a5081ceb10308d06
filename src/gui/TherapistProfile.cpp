#include "TherapistProfile.h"

#include "booking/engine/ClinicTime.h"

#include <QHashFunctions>
#include <QImage>
#include <QLocale>
#include <QStringList>
#include <QTextBrowser>
#include <QTextDocument>

namespace masahista::gui {

namespace {

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

// Keeps the line breaks a person typed into a bio.
QString paragraphs(const QString& text)
{
    return escaped(text.trimmed()).replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
}

QString heading(const QString& text)
{
    return QStringLiteral("<h3>") + escaped(text) + QStringLiteral("</h3>");
}

QString bulletList(const QStringList& itemsHtml, const QString& noneText)
{
    if (itemsHtml.isEmpty()) {
        return QStringLiteral("<p><i>") + escaped(noneText) + QStringLiteral("</i></p>");
    }
    return QStringLiteral("<ul><li>") + itemsHtml.join(QStringLiteral("</li><li>")) +
           QStringLiteral("</li></ul>");
}

} // namespace

QString TherapistProfile::formatDate(QDate date)
{
    //: Date format in therapist profiles (QDate::toString syntax).
    return QLocale().toString(date, tr("MMM d, yyyy"));
}

QString TherapistProfile::hoursOfDay(const QList<WeeklyInterval>& weeklyHours, int weekday)
{
    const QString hours = ClinicTime::formatDay(weeklyHours, weekday);
    return hours.isEmpty() ? tr("Day off") : hours;
}

QString TherapistProfile::placeholderHtml(const QString& text)
{
    return QStringLiteral("<p><i>") + escaped(text) + QStringLiteral("</i></p>");
}

QUrl TherapistProfile::photoUrl(const Therapist& therapist)
{
    return QUrl(
        QStringLiteral("therapist-photo:%1/%2").arg(therapist.id).arg(qHash(therapist.photo)));
}

void TherapistProfile::show(QTextBrowser& browser, const Therapist& therapist,
                            const QList<WeeklyInterval>& weeklyHours)
{
    QImage photo = QImage::fromData(therapist.photo);
    if (photo.isNull()) {
        browser.setHtml(html(therapist, weeklyHours));
        return;
    }
    if (photo.width() > photoSize || photo.height() > photoSize) {
        photo = photo.scaled(photoSize, photoSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    const QUrl url = photoUrl(therapist);
    browser.document()->addResource(QTextDocument::ImageResource, url, photo);
    browser.setHtml(html(therapist, weeklyHours, url, photo.size()));
}

QString TherapistProfile::html(const Therapist& therapist, const QList<WeeklyInterval>& weeklyHours,
                               const QUrl& photoUrl, QSize photoPixels)
{
    QString html =
        QStringLiteral("<h2>") + escaped(therapist.displayName) + QStringLiteral("</h2>");

    QStringList standing;
    if (!therapist.title.isEmpty()) {
        standing.append(QStringLiteral("<b>") + escaped(therapist.title) + QStringLiteral("</b>"));
    }
    if (!therapist.teamRole.isEmpty()) {
        standing.append(escaped(therapist.teamRole));
    }
    if (!therapist.active) {
        standing.append(QStringLiteral("<i>") + escaped(tr("Inactive: takes no new bookings")) +
                        QStringLiteral("</i>"));
    }
    if (!standing.isEmpty()) {
        html +=
            QStringLiteral("<p>") + standing.join(QStringLiteral("<br/>")) + QStringLiteral("</p>");
    }
    // Like the clinic's web page: the photo to the left of the name and standing.
    if (!photoUrl.isEmpty()) {
        html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\"><tr><td>"
                              "<img src=\"%1\" width=\"%2\" height=\"%3\"/></td>"
                              "<td>&nbsp;&nbsp;&nbsp;</td><td valign=\"middle\">")
                   .arg(escaped(photoUrl.toString()))
                   .arg(photoPixels.width())
                   .arg(photoPixels.height()) +
               html + QStringLiteral("</td></tr></table>");
    }

    QStringList credentials;
    for (const Credential& credential : therapist.credentials) {
        QString item =
            QStringLiteral("<b>") + escaped(credential.issuingBody) + QStringLiteral("</b>");
        if (!credential.registrationNumber.isEmpty()) {
            item += escaped(tr(", registration %1").arg(credential.registrationNumber));
        }
        if (credential.validFrom.isValid() && credential.validTo.isValid()) {
            item +=
                escaped(tr(", valid %1 to %2")
                            .arg(formatDate(credential.validFrom), formatDate(credential.validTo)));
        } else if (credential.validFrom.isValid()) {
            item += escaped(tr(", valid from %1").arg(formatDate(credential.validFrom)));
        } else if (credential.validTo.isValid()) {
            item += escaped(tr(", valid until %1").arg(formatDate(credential.validTo)));
        }
        credentials.append(item);
    }
    html += heading(tr("Credentials")) + bulletList(credentials, tr("None recorded"));

    QStringList education;
    for (const Education& entry : therapist.education) {
        QString item = QStringLiteral("<b>") + escaped(entry.school) + QStringLiteral("</b>");
        if (!entry.programme.isEmpty()) {
            item += QStringLiteral(": ") + escaped(entry.programme);
        }
        if (entry.programmeHours > 0) {
            item += escaped(tr(" (%n hours)", nullptr, entry.programmeHours));
        }
        if (entry.completedOn.isValid()) {
            item += escaped(tr(", completed %1").arg(formatDate(entry.completedOn)));
        }
        education.append(item);
    }
    html += heading(tr("Education")) + bulletList(education, tr("None recorded"));

    QStringList certifications;
    for (const Certification& certification : therapist.certifications) {
        QString item =
            QStringLiteral("<b>") + escaped(certification.modalityName) + QStringLiteral("</b>");
        if (certification.certifiedOn.isValid()) {
            item += escaped(tr(", certified %1").arg(formatDate(certification.certifiedOn)));
        }
        item += escaped(certification.expiresOn.isValid()
                            ? tr(", expires %1").arg(formatDate(certification.expiresOn))
                            : tr(", does not expire"));
        certifications.append(item);
    }
    html += heading(tr("Certifications")) + bulletList(certifications, tr("None recorded"));

    if (!therapist.bio.trimmed().isEmpty()) {
        html += heading(tr("About")) + QStringLiteral("<p>") + paragraphs(therapist.bio) +
                QStringLiteral("</p>");
    }

    html +=
        heading(tr("Weekly hours")) + QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
    const QLocale locale;
    for (int weekday = Qt::Monday; weekday <= Qt::Sunday; ++weekday) {
        html += QStringLiteral("<tr><td>") + escaped(locale.dayName(weekday)) +
                QStringLiteral("</td><td>&nbsp;&nbsp;</td><td>") +
                escaped(hoursOfDay(weeklyHours, weekday)) + QStringLiteral("</td></tr>");
    }
    html += QStringLiteral("</table>");
    return html;
}

} // namespace masahista::gui

#include "gui/TherapistProfile.h"
#include "support/TestSupport.h"

#include <QTextDocument>

#include <catch2/catch.hpp>

using masahista::Certification;
using masahista::Credential;
using masahista::Education;
using masahista::Therapist;
using masahista::WeeklyInterval;
using masahista::gui::TherapistProfile;

namespace {

QString plainText(const QString& html)
{
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText();
}

Therapist fullProfile()
{
    Therapist therapist;
    therapist.id = 4;
    therapist.displayName = QStringLiteral("Eden L");
    therapist.title = QStringLiteral("Registered Massage Therapist");
    therapist.teamRole = QStringLiteral("Team Leader");
    therapist.bio = QStringLiteral("Trained in Bangkok.\nLoves deep work.");
    therapist.credentials = {Credential{1, QStringLiteral("Natural Health Practitioners of Canada"),
                                        QStringLiteral("NHPC-1234"), QDate(2024, 1, 1),
                                        QDate(2026, 12, 31), true}};
    therapist.education = {Education{2, QStringLiteral("Makami College"),
                                     QStringLiteral("Massage Therapy Diploma"), 2200,
                                     QDate(2019, 6, 14)}};
    therapist.certifications = {
        Certification{3, 10, QStringLiteral("Thai oil on the mat"), QDate(2020, 3, 2), QDate()},
        Certification{4, 6, QStringLiteral("Hot stone"), QDate(2021, 5, 1), QDate(2027, 5, 1)}};
    return therapist;
}

} // namespace

TEST_CASE("A therapist profile shows standing, credentials, education, certifications, bio and "
          "hours",
          "[gui]")
{
    const QList<WeeklyInterval> hours{
        {1, 9 * 60, 12 * 60}, {1, 13 * 60, 17 * 60}, {3, 10 * 60, 18 * 60 + 30}};
    const QString text = plainText(TherapistProfile::html(fullProfile(), hours));

    CHECK(text.contains(QStringLiteral("Eden L")));
    CHECK(text.contains(QStringLiteral("Registered Massage Therapist")));
    CHECK(text.contains(QStringLiteral("Team Leader")));
    CHECK(text.contains(QStringLiteral("Natural Health Practitioners of Canada")));
    CHECK(text.contains(QStringLiteral("NHPC-1234")));
    CHECK(text.contains(QStringLiteral("valid Jan 1, 2024 to Dec 31, 2026")));
    CHECK(text.contains(QStringLiteral("Makami College: Massage Therapy Diploma (2200 hours)")));
    CHECK(text.contains(QStringLiteral("completed Jun 14, 2019")));
    CHECK(text.contains(QStringLiteral("Thai oil on the mat, certified Mar 2, 2020, does not "
                                       "expire")));
    CHECK(text.contains(QStringLiteral("Hot stone, certified May 1, 2021, expires May 1, 2027")));
    CHECK(text.contains(QStringLiteral("Trained in Bangkok.")));
    CHECK(text.contains(QStringLiteral("Loves deep work.")));
    CHECK(text.contains(QStringLiteral("Inactive")) == false);

    CHECK(TherapistProfile::hoursOfDay(hours, 1) == QStringLiteral("09:00–12:00, 13:00–17:00"));
    CHECK(TherapistProfile::hoursOfDay(hours, 3) == QStringLiteral("10:00–18:30"));
    CHECK(TherapistProfile::hoursOfDay(hours, 7) == QStringLiteral("Day off"));
    CHECK(text.contains(QStringLiteral("Monday")));
    CHECK(text.contains(QStringLiteral("09:00–12:00, 13:00–17:00")));
    CHECK(text.contains(QStringLiteral("Sunday")));
    CHECK(text.count(QStringLiteral("Day off")) == 5);
}

TEST_CASE("A therapist profile says what is missing and marks an inactive therapist", "[gui]")
{
    Therapist therapist;
    therapist.displayName = QStringLiteral("New Hire");
    therapist.active = false;
    const QString text = plainText(TherapistProfile::html(therapist, {}));

    CHECK(text.contains(QStringLiteral("Inactive")));
    CHECK(text.count(QStringLiteral("None recorded")) == 3);
    CHECK(text.count(QStringLiteral("Day off")) == 7);
    CHECK_FALSE(text.contains(QStringLiteral("About")));
}

TEST_CASE("A therapist profile escapes everything people typed", "[gui]")
{
    Therapist therapist = fullProfile();
    therapist.displayName = QStringLiteral("<b>Ann</b> & \"Bo\"");
    therapist.title = QStringLiteral("RMT <i>senior</i>");
    therapist.bio = QStringLiteral("<script>alert('x')</script><img src=x>");
    therapist.credentials[0].issuingBody = QStringLiteral("A&B <Association>");
    therapist.education[0].school = QStringLiteral("<u>School</u>");
    therapist.certifications[0].modalityName = QStringLiteral("Thai <oil>");

    const QString html = TherapistProfile::html(therapist, {});
    CHECK_FALSE(html.contains(QStringLiteral("<script")));
    CHECK_FALSE(html.contains(QStringLiteral("<img")));
    CHECK_FALSE(html.contains(QStringLiteral("<b>Ann")));
    CHECK_FALSE(html.contains(QStringLiteral("<u>")));
    CHECK(html.contains(QStringLiteral("&lt;script&gt;")));
    CHECK(html.contains(QStringLiteral("&lt;b&gt;Ann&lt;/b&gt; &amp; &quot;Bo&quot;")));

    // What the user sees is exactly what was typed.
    const QString text = plainText(html);
    CHECK(text.contains(QStringLiteral("<b>Ann</b> & \"Bo\"")));
    CHECK(text.contains(QStringLiteral("RMT <i>senior</i>")));
    CHECK(text.contains(QStringLiteral("<script>alert('x')</script><img src=x>")));
    CHECK(text.contains(QStringLiteral("A&B <Association>")));
    CHECK(text.contains(QStringLiteral("<u>School</u>")));
    CHECK(text.contains(QStringLiteral("Thai <oil>")));
}

#include "BookingFixture.h"
#include "booking/Translations.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/Schedule.h"
#include "cli/Output.h"
#include "data/AppointmentRepository.h"
#include "data/MassageTypeRepository.h"
#include "data/SettingsRepository.h"
#include "data/TherapistRepository.h"
#include "gui/MyDayPage.h"
#include "gui/print/DaySheet.h"
#include "support/TestSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace masahista;
using masahista::test::BookingFixture;
using masahista::test::ProcessResult;
using masahista::test::runMasahista;

namespace {

const QString tsPath =
    QStringLiteral(MASAHISTA_SOURCE_DIR) + QStringLiteral("/translations/masahista_en.ts");

struct NumerusMessage
{
    QString context;
    QString source;
    QStringList forms;
    bool unfinished = false;
};

QList<NumerusMessage> numerusMessages(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QList<NumerusMessage> messages;
    QString context;
    NumerusMessage current;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"message" && numerus) {
            messages.append(current);
        }
        if (!xml.isStartElement()) {
            continue;
        }
        const QStringView name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
            current = {context, {}, {}, false};
        } else if (name == u"source") {
            current.source = xml.readElementText();
        } else if (name == u"translation") {
            current.unfinished = xml.attributes().value(QLatin1String("type")) == u"unfinished";
        } else if (name == u"numerusform") {
            current.forms.append(xml.readElementText());
        }
    }
    INFO(xml.errorString());
    REQUIRE_FALSE(xml.hasError());
    return messages;
}

QSet<QString> keysOf(const QList<NumerusMessage>& messages)
{
    QSet<QString> keys;
    for (const NumerusMessage& message : messages) {
        keys.insert(message.context + QStringLiteral(" | ") + message.source);
    }
    return keys;
}

QString withCount(QString form, int count)
{
    return form.replace(QStringLiteral("%n"), QString::number(count));
}

QString plainText(const QString& html)
{
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText();
}

} // namespace

TEST_CASE("The English plural forms are built in and installed at start", "[i18n]")
{
    const QString qm = translationsDirectory() + QStringLiteral("/masahista_en.qm");
    CHECK(QFile::exists(qm));
    // tests/main.cpp installed it under the pinned en_CA locale, as the app does for users.
    const QString installed = installTranslations(*QCoreApplication::instance());
    CHECK(installed.endsWith(QStringLiteral("masahista_en.qm")));
    // Installing again keeps the one translator.
    CHECK(installTranslations(*QCoreApplication::instance()) == installed);
    CHECK(QCoreApplication::instance()
              ->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly)
              .size() == 1);
}

TEST_CASE("Every numerus message has its English singular and plural, and they are used", "[i18n]")
{
    const QList<NumerusMessage> messages = numerusMessages(tsPath);
    REQUIRE(messages.size() >= 10);
    for (const NumerusMessage& message : messages) {
        INFO(message.context << " | " << message.source);
        CHECK_FALSE(message.unfinished);
        REQUIRE(message.forms.size() == 2);
        for (const QString& form : message.forms) {
            CHECK(form.contains(QStringLiteral("%n")));
            CHECK_FALSE(form.contains(QStringLiteral("(s)")));
        }
        // "and %n more" rightly has one form for both; "(s)" never does.
        if (message.source.contains(QStringLiteral("(s)"))) {
            CHECK(message.forms.at(0) != message.forms.at(1));
        }
        const QByteArray context = message.context.toUtf8();
        const QByteArray source = message.source.toUtf8();
        // English: one is singular, zero and everything else plural.
        for (const int count : {0, 1, 2, 21}) {
            INFO(count);
            CHECK(QCoreApplication::translate(context.constData(), source.constData(), nullptr,
                                              count) ==
                  withCount(message.forms.at(count == 1 ? 0 : 1), count));
        }
    }
}

TEST_CASE("The translation covers every numerus message in the sources", "[i18n]")
{
    // The same lupdate run as the update_translations target, into a file of its own.
    const QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("masahista_en.ts"));
    const QString sources = QStringLiteral(MASAHISTA_SOURCE_DIR) + QStringLiteral("/src");
    QProcess lupdate;
    lupdate.start(QStringLiteral(MASAHISTA_LUPDATE),
                  {QStringLiteral("-silent"), QStringLiteral("-I"), sources, sources,
                   QStringLiteral("-pluralonly"), QStringLiteral("-locations"),
                   QStringLiteral("none"), QStringLiteral("-ts"), fresh});
    REQUIRE(lupdate.waitForFinished(120000));
    INFO(QString::fromUtf8(lupdate.readAllStandardError()));
    REQUIRE(lupdate.exitCode() == 0);

    const QSet<QString> inSources = keysOf(numerusMessages(fresh));
    const QSet<QString> translated = keysOf(numerusMessages(tsPath));
    const QStringList missing = QSet<QString>(inSources).subtract(translated).values();
    const QStringList stale = QSet<QString>(translated).subtract(inSources).values();
    INFO("Run cmake --build --preset test --target update_translations, then fill in the "
         "new forms in translations/masahista_en.ts.");
    INFO("Missing: " << missing.join(QStringLiteral("; ")));
    INFO("No longer in the sources: " << stale.join(QStringLiteral("; ")));
    CHECK(missing.isEmpty());
    CHECK(stale.isEmpty());
}

TEST_CASE("Each front end's own tr() picks the right English form", "[i18n]")
{
    // Through the classes themselves, so the contexts are the ones the code uses at run time.
    CHECK(BookingService::tr("Late cancellation (within %n hour(s)).", nullptr, 1) ==
          u"Late cancellation (within 1 hour).");
    CHECK(cli::Output::tr("%n hour(s)", nullptr, 0) == u"0 hours");
    CHECK(cli::Output::tr("%n hour(s)", nullptr, 1) == u"1 hour");
    CHECK(cli::Output::tr("%n hour(s)", nullptr, 2) == u"2 hours");
    CHECK(gui::DaySheet::tr("%n cancelled appointment(s) not shown.", nullptr, 1) ==
          u"1 cancelled appointment not shown.");
    CHECK(gui::MyDayPage::tr("%n appointment(s).", nullptr, 0) == u"0 appointments.");
    CHECK(gui::MyDayPage::tr("%n appointment(s).", nullptr, 1) == u"1 appointment.");
    CHECK(gui::MyDayPage::tr("%n appointment(s).", nullptr, 2) == u"2 appointments.");
}

TEST_CASE("The command line counts cleanup minutes and training hours in English", "[i18n][cli]")
{
    const QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    {
        const std::unique_ptr<Database> database = test::fileDatabase(path);
        int order = 0;
        for (const int buffer : {0, 1, 2}) {
            MassageType type;
            type.name = QStringLiteral("Cleanup %1").arg(buffer);
            type.bufferMinutes = buffer;
            type.sortOrder = order++;
            type.options.append({0, 60, 9000, true});
            REQUIRE(MassageTypeRepository(*database).add(type).ok());
        }
        Therapist therapist;
        therapist.displayName = QStringLiteral("Ana");
        therapist.education.append({0, QStringLiteral("One School"), {}, 1, {}});
        therapist.education.append({0, QStringLiteral("Two School"), {}, 2, {}});
        REQUIRE(TherapistRepository(*database).add(therapist).ok());
    }

    const ProcessResult services =
        runMasahista({QStringLiteral("--db"), path, QStringLiteral("services")});
    INFO(services.out << services.err);
    REQUIRE(services.exitCode == 0);
    const QStringList lines = services.out.split(QLatin1Char('\n'));
    CHECK(lines.contains(QStringLiteral("    Needs: any therapist; room: any; cleanup 0 minutes")));
    CHECK(lines.contains(QStringLiteral("    Needs: any therapist; room: any; cleanup 1 minute")));
    CHECK(lines.contains(QStringLiteral("    Needs: any therapist; room: any; cleanup 2 minutes")));
    CHECK_FALSE(services.out.contains(QStringLiteral("(s)")));

    const ProcessResult therapists =
        runMasahista({QStringLiteral("--db"), path, QStringLiteral("therapists")});
    INFO(therapists.out << therapists.err);
    REQUIRE(therapists.exitCode == 0);
    CHECK(therapists.out.contains(QStringLiteral("One School, 1 hour;")));
    CHECK(therapists.out.contains(QStringLiteral("Two School, 2 hours\n")));
    CHECK_FALSE(therapists.out.contains(QStringLiteral("(s)")));
}

TEST_CASE("A late cancellation's history names the window in English hours", "[i18n][booking]")
{
    BookingFixture clinic;
    const QDate friday(2026, 11, 27);
    const Appointment first =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10)));
    const Appointment second =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 13)));

    const auto cancelWithin = [&](int hours, const Appointment& appointment) {
        SettingsRepository settings(*clinic.database);
        ClinicSettings changed = settings.load().value();
        changed.lateCancelHours = hours;
        REQUIRE(settings.save(changed).ok());
        const Result<Appointment> cancelled =
            clinic.service.cancel(appointment.id, QString(), clinic.actor);
        REQUIRE(cancelled.ok());
        REQUIRE(cancelled->cancelledLate);
        return AppointmentRepository(*clinic.database).history(appointment.id).value().last();
    };
    clinic.clock.set(clinic.at(friday, 9, 30));
    CHECK(cancelWithin(1, first).details.contains(u"Late cancellation (within 1 hour)."));
    clinic.clock.set(clinic.at(friday, 11, 30));
    CHECK(cancelWithin(2, second).details.contains(u"Late cancellation (within 2 hours)."));
}

TEST_CASE("The day sheet counts the cancelled appointments it leaves out in English", "[i18n][gui]")
{
    BookingFixture clinic;
    const QDate friday(2026, 11, 27);
    const QDateTime printed = clinic.at(clinic.today, 9);
    const auto sheet = [&] {
        Result<DaySchedule> day = loadDaySchedule(*clinic.database, friday);
        REQUIRE(day.ok());
        return plainText(gui::DaySheet::html(*day, clinic.ana, printed));
    };
    const Appointment first =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10)));
    const Appointment second =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 13)));
    CHECK_FALSE(sheet().contains(u"cancelled appointment"));

    REQUIRE(clinic.service.cancel(first.id, QString(), clinic.actor).ok());
    CHECK(sheet().contains(u"1 cancelled appointment not shown."));

    REQUIRE(clinic.service.cancel(second.id, QString(), clinic.actor).ok());
    CHECK(sheet().contains(u"2 cancelled appointments not shown."));
}

#include "Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace masahista {

namespace {

const QString objectName = QStringLiteral("masahista-translations");

// Weekdays, month names and numbers written through QLocale() (day sheets, refusals, the
// window's calendars) must be in the language of the texts around them: "Wed 2026-11-25", not
// "mer. 2026-11-25" in an English sentence because LANG, LC_ALL or only LC_TIME is fr_CA. The
// system locale answers day names from LC_TIME, so the default becomes a locale of Qt's own
// data instead: the shown language with the system's territory (fr_CA -> en_CA), or C when
// there is no locale at all (C's names are English too).
void followShownLanguage(const QString& translationLanguage)
{
    // The texts themselves are English when no translation says otherwise.
    QLocale::Language shown = QLocale(translationLanguage).language();
    if (shown == QLocale::C || shown == QLocale::AnyLanguage) {
        shown = QLocale::English;
    }
    const QLocale current;
    QLocale::setDefault(current.language() == QLocale::C ? QLocale::c()
                                                         : QLocale(shown, current.territory()));
}

} // namespace

QString translationsDirectory()
{
    return QStringLiteral(":/i18n");
}

QString installTranslations(QCoreApplication& app)
{
    // A second, identical translator would only be searched in vain after the first.
    if (const auto* installed =
            app.findChild<QTranslator*>(objectName, Qt::FindDirectChildrenOnly)) {
        return installed->filePath();
    }
    // Owned by the application, so it lives exactly as long as the strings it translates.
    auto* translator = new QTranslator(&app);
    translator->setObjectName(objectName);
    // English holds only the plural forms, so it is the right fallback for any language the
    // app has no translation for yet: its texts are English anyway.
    const bool loaded = translator->load(QLocale(), QStringLiteral("masahista"),
                                         QStringLiteral("_"), translationsDirectory()) ||
                        translator->load(QStringLiteral("masahista_en"), translationsDirectory());
    const bool installed = loaded && QCoreApplication::installTranslator(translator);
    followShownLanguage(installed ? translator->language() : QString());
    if (!installed) {
        delete translator;
        return {};
    }
    return translator->filePath();
}

} // namespace masahista

#include "Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace masahista {

namespace {

const QString objectName = QStringLiteral("masahista-translations");

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
    if (!loaded || !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return {};
    }
    return translator->filePath();
}

} // namespace masahista

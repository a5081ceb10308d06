// The layers point one way: domain ← data ← booking ← gui | cli ← app. The build keeps the
// targets apart, but every folder sits under one include root, so this test reads what each
// source file includes and refuses a path into a layer above it, or into data/ from the front
// ends, which reach the clinic only through the booking layer's session (booking/Clinic.h).
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QStringList>

#include <catch2/catch.hpp>

namespace {

const QString sourceRoot = QStringLiteral(MASAHISTA_SOURCE_DIR) + QStringLiteral("/src/");

// The folders each layer may not reach.
const QHash<QString, QStringList>& forbidden()
{
    static const QHash<QString, QStringList> rules{
        {QStringLiteral("domain"),
         {QStringLiteral("data"), QStringLiteral("booking"), QStringLiteral("gui"),
          QStringLiteral("cli"), QStringLiteral("app")}},
        {QStringLiteral("data"),
         {QStringLiteral("booking"), QStringLiteral("gui"), QStringLiteral("cli"),
          QStringLiteral("app")}},
        {QStringLiteral("booking"),
         {QStringLiteral("gui"), QStringLiteral("cli"), QStringLiteral("app")}},
        {QStringLiteral("gui"),
         {QStringLiteral("data"), QStringLiteral("cli"), QStringLiteral("app")}},
        {QStringLiteral("cli"),
         {QStringLiteral("data"), QStringLiteral("gui"), QStringLiteral("app")}},
        {QStringLiteral("app"), {QStringLiteral("data")}},
    };
    return rules;
}

// "gui/dialogs/BookingDialog.cpp: data/Database.h" for every include that breaks a rule.
QStringList wrongIncludes()
{
    static const QRegularExpression include(QStringLiteral(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])"),
                                            QRegularExpression::MultilineOption);
    QStringList wrong;
    QDirIterator files(sourceRoot, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        const QString relative = path.mid(sourceRoot.size());
        const QString layer = relative.section(QLatin1Char('/'), 0, 0);
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString text = QString::fromUtf8(file.readAll());
        for (auto match = include.globalMatch(text); match.hasNext();) {
            const QString target = match.next().captured(1);
            const QStringList parts = QDir::cleanPath(target).split(QLatin1Char('/'));
            for (const QString& folder : forbidden().value(layer)) {
                if (parts.size() > 1 && parts.contains(folder) &&
                    parts.indexOf(folder) < parts.size() - 1) {
                    wrong.append(relative + QStringLiteral(": ") + target);
                }
            }
        }
    }
    return wrong;
}

} // namespace

TEST_CASE("No source file includes a header of a layer above its own, nor data/ from a front end",
          "[layers]")
{
    // The rule has something to check: every layer is there.
    for (const QString& layer : forbidden().keys()) {
        REQUIRE(QDir(sourceRoot + layer).exists());
    }
    const QStringList wrong = wrongIncludes();
    INFO(wrong.join(QLatin1Char('\n')).toStdString());
    CHECK(wrong.isEmpty());
}

TEST_CASE("The app folder holds main.cpp only", "[layers]")
{
    const QStringList entries = QDir(sourceRoot + QStringLiteral("app"))
                                    .entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
    CHECK(entries == QStringList{QStringLiteral("main.cpp")});
}

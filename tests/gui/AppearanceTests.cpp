#include "gui/Appearance.h"
#include "gui/Preferences.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QObject>
#include <QStyle>
#include <QTest>
#include <QWidget>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

using masahista::gui::Appearance;
using Theme = Appearance::Theme;

namespace {

// WCAG 2 contrast ratio: 1 (none) to 21 (black on white); 4.5 is the floor for body text.
double contrast(const QColor& a, const QColor& b)
{
    const auto luminance = [](const QColor& color) {
        const auto channel = [](double value) {
            return value <= 0.04045 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
               0.0722 * channel(color.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QApplication& application()
{
    return *static_cast<QApplication*>(QCoreApplication::instance());
}

// Sets or clears an environment variable for one test and puts the old value back.
class EnvironmentGuard
{
public:
    EnvironmentGuard(const char* name, const QByteArray& value)
        : m_name(name)
    {
        if (qEnvironmentVariableIsSet(name)) {
            m_old = qgetenv(name);
        }
        if (value.isNull()) {
            qunsetenv(name);
        } else {
            qputenv(name, value);
        }
    }
    ~EnvironmentGuard()
    {
        if (m_old) {
            qputenv(m_name, *m_old);
        } else {
            qunsetenv(m_name);
        }
    }
    EnvironmentGuard(const EnvironmentGuard&) = delete;
    EnvironmentGuard& operator=(const EnvironmentGuard&) = delete;

private:
    const char* m_name;
    std::optional<QByteArray> m_old;
};

// Leaves the application as the other tests expect it: no remembered theme and the
// platform's own palette, whatever the test did. The desktop hints are neutral meanwhile, so
// that the machine running the tests does not decide what System means.
class LooksGuard
{
public:
    LooksGuard() { masahista::gui::preferences()->remove(QStringLiteral("appearance/theme")); }
    ~LooksGuard()
    {
        masahista::gui::preferences()->remove(QStringLiteral("appearance/theme"));
        QApplication::setPalette(QPalette());
    }
    LooksGuard(const LooksGuard&) = delete;
    LooksGuard& operator=(const LooksGuard&) = delete;

private:
    EnvironmentGuard m_gtkTheme{"GTK_THEME", QByteArray()};
    EnvironmentGuard m_desktop{"XDG_CURRENT_DESKTOP", QByteArray()};
};

QColor applicationWindow()
{
    return QApplication::palette().color(QPalette::Window);
}

} // namespace

TEST_CASE("The dark palette sets every role and keeps text readable", "[appearance]")
{
    const QPalette dark = Appearance::darkPalette();
    CHECK(Appearance::isDark(dark));
    CHECK_FALSE(Appearance::isDark(Appearance::lightPalette()));

    for (const QPalette::ColorGroup group :
         {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        for (int role = 0; role < QPalette::NColorRoles; ++role) {
            if (role == QPalette::NoRole) {
                continue;
            }
            INFO("group " << group << " role " << role);
            CHECK(dark.isBrushSet(group, static_cast<QPalette::ColorRole>(role)));
        }
    }

    struct Pair
    {
        QPalette::ColorRole text;
        QPalette::ColorRole background;
        double minimum;
    };
    const Pair readable[] = {
        {QPalette::Text, QPalette::Base, 7.0},
        {QPalette::WindowText, QPalette::Window, 7.0},
        {QPalette::ButtonText, QPalette::Button, 7.0},
        {QPalette::HighlightedText, QPalette::Highlight, 4.5},
        {QPalette::ToolTipText, QPalette::ToolTipBase, 7.0},
        {QPalette::Link, QPalette::Base, 4.5},
        {QPalette::LinkVisited, QPalette::Base, 4.5},
        {QPalette::PlaceholderText, QPalette::Base, 4.5},
        {QPalette::BrightText, QPalette::Window, 3.0},
    };
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        for (const Pair& pair : readable) {
            const double ratio =
                contrast(dark.color(group, pair.text), dark.color(group, pair.background));
            INFO("group " << group << " text " << pair.text << " on " << pair.background
                          << ": contrast " << ratio);
            CHECK(ratio >= pair.minimum);
        }
    }

    // Disabled text is visibly dimmer than enabled text, yet still legible.
    for (const Pair& pair :
         {Pair{QPalette::Text, QPalette::Base, 0}, Pair{QPalette::WindowText, QPalette::Window, 0},
          Pair{QPalette::ButtonText, QPalette::Button, 0}}) {
        const double disabled = contrast(dark.color(QPalette::Disabled, pair.text),
                                         dark.color(QPalette::Disabled, pair.background));
        const double enabled = contrast(dark.color(QPalette::Active, pair.text),
                                        dark.color(QPalette::Active, pair.background));
        INFO("text " << pair.text << ": disabled " << disabled << ", enabled " << enabled);
        CHECK(disabled >= 2.5);
        CHECK(disabled < enabled / 2);
    }
    // The selection still shows against the text fields it selects in.
    CHECK(contrast(dark.color(QPalette::Highlight), dark.color(QPalette::Base)) >= 2.0);
}

TEST_CASE("System follows a dark platform palette and the desktop's dark hints", "[appearance]")
{
    const QPalette light = Appearance::lightPalette();
    const QPalette dark = Appearance::darkPalette();
    QPalette platformDark(QColor(0x31, 0x36, 0x3b)); // KDE's Breeze Dark window colour
    REQUIRE(Appearance::isDark(platformDark));

    CHECK(Appearance::effectiveTheme(Theme::System, light, {}) == Theme::Light);
    CHECK(Appearance::effectiveTheme(Theme::System, dark, {}) == Theme::Dark);
    CHECK(Appearance::effectiveTheme(Theme::System, platformDark, {}) == Theme::Dark);

    // A light palette is often the platform's plain default: the desktop's hints decide.
    CHECK(Appearance::effectiveTheme(Theme::System, light, "Adwaita:dark") == Theme::Dark);
    CHECK(Appearance::effectiveTheme(Theme::System, light, "Adwaita-dark") == Theme::Dark);
    CHECK(Appearance::effectiveTheme(Theme::System, light, "Breeze-Dark") == Theme::Dark);
    CHECK(Appearance::effectiveTheme(Theme::System, light, "Adwaita") == Theme::Light);
    CHECK(Appearance::effectiveTheme(Theme::System, light, "Adwaita:light") == Theme::Light);
    CHECK(Appearance::effectiveTheme(Theme::System, light, "Darkish") == Theme::Light);
    CHECK(Appearance::effectiveTheme(Theme::System, light, {}, "'prefer-dark'") == Theme::Dark);
    CHECK(Appearance::effectiveTheme(Theme::System, light, {}, "'default'") == Theme::Light);

    // An explicit choice is kept whatever the desktop says.
    CHECK(Appearance::effectiveTheme(Theme::Light, platformDark, "Adwaita:dark") == Theme::Light);
    CHECK(Appearance::effectiveTheme(Theme::Dark, light, {}) == Theme::Dark);
}

TEST_CASE("Applying Dark then Light really changes the application palette", "[appearance]")
{
    const LooksGuard guard;
    Appearance appearance(application());
    CHECK(Appearance::theme() == Theme::System);
    CHECK(appearance.appliedTheme() == Theme::Light);
    CHECK(QApplication::style()->name().compare(QStringLiteral("Fusion"), Qt::CaseInsensitive) ==
          0);

    Appearance::setTheme(Theme::Dark);
    CHECK(appearance.appliedTheme() == Theme::Dark);
    CHECK(Appearance::isDark(QApplication::palette()));
    CHECK(applicationWindow() == Appearance::darkPalette().color(QPalette::Window));
    CHECK(QApplication::palette().color(QPalette::Disabled, QPalette::Text) ==
          Appearance::darkPalette().color(QPalette::Disabled, QPalette::Text));

    // Widgets take the new palette on the next turn of the event loop.
    QWidget widget;
    const QColor darkBase = Appearance::darkPalette().color(QPalette::Base);
    CHECK(QTest::qWaitFor([&] { return widget.palette().color(QPalette::Base) == darkBase; }));

    Appearance::setTheme(Theme::Light);
    CHECK(appearance.appliedTheme() == Theme::Light);
    CHECK_FALSE(Appearance::isDark(QApplication::palette()));
    CHECK(applicationWindow() == Appearance::lightPalette().color(QPalette::Window));
    const QColor lightBase = Appearance::lightPalette().color(QPalette::Base);
    CHECK(QTest::qWaitFor([&] { return widget.palette().color(QPalette::Base) == lightBase; }));
}

TEST_CASE("The theme choice is remembered and restored at the next start", "[appearance]")
{
    const LooksGuard guard;
    Appearance::setTheme(Theme::Dark);
    CHECK(Appearance::theme() == Theme::Dark);
    CHECK(masahista::gui::preferences()->value(QStringLiteral("appearance/theme")).toString() ==
          QStringLiteral("dark"));

    {
        // The next start: a new Appearance applies the remembered choice by itself.
        Appearance appearance(application());
        CHECK(appearance.appliedTheme() == Theme::Dark);
        CHECK(Appearance::isDark(QApplication::palette()));
    }

    Appearance::setTheme(Theme::Light);
    CHECK(Appearance::theme() == Theme::Light);
    Appearance::setTheme(Theme::System);
    CHECK(Appearance::theme() == Theme::System);

    // Something this version does not know (a newer one's theme) falls back to System.
    masahista::gui::preferences()->setValue(QStringLiteral("appearance/theme"),
                                            QStringLiteral("sepia"));
    CHECK(Appearance::theme() == Theme::System);
}

TEST_CASE("System follows the platform when its palette changes", "[appearance]")
{
    const LooksGuard guard;
    Appearance appearance(application());
    REQUIRE(appearance.appliedTheme() == Theme::Light);

    // The platform integration sets a dark palette of its own: ours replaces it, dark too.
    const QPalette platformDark(QColor(0x31, 0x36, 0x3b));
    QApplication::setPalette(platformDark);
    REQUIRE(QTest::qWaitFor([&] { return appearance.appliedTheme() == Theme::Dark; }, 2000));
    CHECK(Appearance::isDark(appearance.platformPalette()));
    CHECK(applicationWindow() == Appearance::darkPalette().color(QPalette::Window));

    // And back to light.
    QApplication::setPalette(Appearance::lightPalette());
    REQUIRE(QTest::qWaitFor([&] { return appearance.appliedTheme() == Theme::Light; }, 2000));
    CHECK(applicationWindow() == Appearance::lightPalette().color(QPalette::Window));

    // A chosen theme stays put whatever the platform does.
    Appearance::setTheme(Theme::Light);
    QApplication::setPalette(platformDark);
    QTest::qWait(50);
    CHECK(appearance.appliedTheme() == Theme::Light);
    CHECK(applicationWindow() == Appearance::lightPalette().color(QPalette::Window));
}

TEST_CASE("System follows the desktop when its theme changes", "[appearance]")
{
    const LooksGuard guard;
    Appearance appearance(application());
    REQUIRE(appearance.appliedTheme() == Theme::Light);

    // The desktop switches to a dark GTK theme and tells every window; one re-evaluation.
    {
        const EnvironmentGuard darkGtk("GTK_THEME", "Adwaita:dark");
        QWidget first;
        QWidget second;
        QEvent themeChange(QEvent::ThemeChange);
        QCoreApplication::sendEvent(&first, &themeChange);
        QCoreApplication::sendEvent(&second, &themeChange);
        REQUIRE(QTest::qWaitFor([&] { return appearance.appliedTheme() == Theme::Dark; }, 2000));
        CHECK(Appearance::isDark(QApplication::palette()));
        // The platform's own palette (light under the offscreen platform) was read afresh,
        // rather than taken from our dark one.
        CHECK_FALSE(Appearance::isDark(appearance.platformPalette()));
    }

    QEvent themeChange(QEvent::ThemeChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &themeChange);
    REQUIRE(QTest::qWaitFor([&] { return appearance.appliedTheme() == Theme::Light; }, 2000));
    CHECK_FALSE(Appearance::isDark(QApplication::palette()));
}

TEST_CASE("The theme actions offer the three choices and apply the one triggered", "[appearance]")
{
    const LooksGuard guard;
    Appearance::setTheme(Theme::Light);
    Appearance appearance(application());

    QWidget window;
    QMenu* menu = Appearance::createThemeMenu(&window);
    CHECK_FALSE(menu->title().isEmpty());
    CHECK_FALSE(menu->icon().isNull());
    const QList<QAction*> actions = menu->actions();
    const auto choices = Appearance::themeChoices();
    REQUIRE(actions.size() == 3);
    REQUIRE(choices.size() == 3);
    for (qsizetype i = 0; i < actions.size(); ++i) {
        CHECK(actions.at(i)->text() == choices.at(i).second);
        CHECK(actions.at(i)->isCheckable());
        CHECK(actions.at(i)->isChecked() == (choices.at(i).first == Theme::Light));
        CHECK(actions.at(i)->actionGroup() != nullptr);
        CHECK(actions.at(i)->actionGroup()->isExclusive());
    }

    QAction* dark = actions.at(2);
    REQUIRE(choices.at(2).first == Theme::Dark);
    dark->trigger();
    CHECK(dark->isChecked());
    CHECK_FALSE(actions.at(1)->isChecked());
    CHECK(Appearance::theme() == Theme::Dark);
    CHECK(appearance.appliedTheme() == Theme::Dark);
    CHECK(Appearance::isDark(QApplication::palette()));
}

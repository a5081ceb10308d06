#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPalette>
#include <QString>

#include <utility>

class QActionGroup;
class QApplication;
class QEvent;
class QMenu;
class QWidget;

namespace masahista::gui {

// The application's looks: Qt's Fusion style with a light or a dark palette, the one the user
// chose (View ▸ Theme, remembered in the preferences) or the one the desktop uses ("System").
//
// Qt 6.4 cannot say whether the desktop is dark (QStyleHints::colorScheme came in 6.5), so
// System decides from the platform theme's palette (a dark window means a dark desktop) and,
// where that is the platform's plain light default, from the desktop's own hints: GTK_THEME
// ("Adwaita:dark") and GNOME's colour-scheme setting. It decides again whenever the platform
// changes its palette or theme.
class Appearance : public QObject
{
    Q_OBJECT

public:
    enum class Theme
    {
        System,
        Light,
        Dark,
    };

    // Sets Fusion and the remembered theme on `app` now, and follows the platform's palette
    // and theme changes for as long as it lives. While one lives, setTheme() applies through
    // it; there should be one at a time.
    explicit Appearance(QApplication& app, QObject* parent = nullptr);
    ~Appearance() override;

    // Start-up: creates the application's Appearance, owned by `app`.
    static void apply(QApplication& app);

    // The remembered choice; System when nothing (or something unknown) was remembered.
    static Theme theme();
    // Remembers the choice and, when an Appearance lives, applies it at once.
    static void setTheme(Theme theme);

    // What `choice` comes to (Light or Dark) on a desktop whose platform theme offers
    // `platform`, with the GTK_THEME environment variable `gtkThemeEnv` and GNOME's
    // org.gnome.desktop.interface color-scheme `gnomeColorScheme` ("'prefer-dark'").
    static Theme effectiveTheme(Theme choice, const QPalette& platform,
                                const QByteArray& gtkThemeEnv,
                                const QByteArray& gnomeColorScheme = {});
    // True when the palette's windows are darker than their text.
    static bool isDark(const QPalette& palette);

    // Fusion's standard palette.
    static QPalette lightPalette();
    // A complete dark palette: every role of every colour group set, text readable on its
    // background.
    static QPalette darkPalette();

    // The choices in menu order, with their labels ("&System", ...).
    static QList<std::pair<Theme, QString>> themeChoices();
    // Three checkable, mutually exclusive actions, one per choice, the remembered one
    // checked; triggering one calls setTheme().
    static QActionGroup* createThemeActions(QObject* parent);
    // A "Theme" submenu holding those actions, for the View menu.
    static QMenu* createThemeMenu(QWidget* parent);

    // What the live Appearance applies now (Light or Dark), and the platform's palette it
    // last saw (the one ours replaced).
    Theme appliedTheme() const { return m_applied; }
    QPalette platformPalette() const { return m_platform; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void readPlatformPalette();
    void scheduleReapply();
    void reapply();

    QPalette m_platform;
    Theme m_applied = Theme::Light;
    // Set while we change the application's palette or style ourselves, so that the events
    // that causes are not taken for the platform's doing.
    bool m_applying = false;
    bool m_reapplyPending = false;
    bool m_platformStale = false;
};

} // namespace masahista::gui

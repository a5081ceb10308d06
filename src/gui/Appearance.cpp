#include "Appearance.h"

#include "Icons.h"
#include "Preferences.h"
#include "domain/EnumKeys.h"

#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QProcess>
#include <QScopedValueRollback>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

namespace masahista::gui {

namespace {

using Theme = Appearance::Theme;

// The preference's values are stored text: never rename one.
constexpr EnumKeys<Theme, 3> themeKeys{{{
    {Theme::System, u"system"},
    {Theme::Light, u"light"},
    {Theme::Dark, u"dark"},
}}};

const QString themePreference = QStringLiteral("appearance/theme");

// The live Appearance that setTheme() applies through.
Appearance* current = nullptr;

// GTK_THEME is "Name" or "Name:variant"; dark themes are either the ":dark" variant or named
// so ("Adwaita-dark", "Yaru-dark", "Breeze-Dark").
bool gtkThemeIsDark(const QByteArray& gtkTheme)
{
    const QByteArray lower = gtkTheme.trimmed().toLower();
    const qsizetype colon = lower.indexOf(':');
    if (colon >= 0) {
        return lower.mid(colon + 1) == "dark" || lower.left(colon).endsWith("-dark");
    }
    return lower.endsWith("-dark");
}

// GNOME 42 and later keep the dark style in a setting rather than in the GTK theme, and the
// Qt 6.4 GNOME platform theme does not pass it on; asking gsettings is the portable way.
// Only asked on GNOME, so that no other desktop (and no test run) starts a process for it.
QByteArray gnomeColorScheme()
{
    if (!qgetenv("XDG_CURRENT_DESKTOP").toLower().contains("gnome")) {
        return {};
    }
    QProcess gsettings;
    gsettings.start(QStringLiteral("gsettings"),
                    {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.interface"),
                     QStringLiteral("color-scheme")});
    if (!gsettings.waitForFinished(1000)) {
        gsettings.kill();
        gsettings.waitForFinished(100);
        return {};
    }
    return gsettings.readAllStandardOutput().trimmed();
}

} // namespace

Appearance::Appearance(QApplication& app, QObject* parent)
    : QObject(parent)
{
    current = this;
    {
        const QScopedValueRollback guard(m_applying, true);
        QApplication::setStyle(QStringLiteral("Fusion"));
    }
    readPlatformPalette();
    app.installEventFilter(this);
    reapply();
}

Appearance::~Appearance()
{
    if (current == this) {
        current = nullptr;
    }
}

void Appearance::apply(QApplication& app)
{
    if (current == nullptr) {
        new Appearance(app, &app);
    }
}

Appearance::Theme Appearance::theme()
{
    const QString stored = preferences()->value(themePreference).toString();
    return themeKeys.parse(stored).value_or(Theme::System);
}

void Appearance::setTheme(Theme theme)
{
    preferences()->setValue(themePreference, themeKeys.key(theme));
    if (current != nullptr) {
        current->reapply();
    }
}

Appearance::Theme Appearance::effectiveTheme(Theme choice, const QPalette& platform,
                                             const QByteArray& gtkThemeEnv,
                                             const QByteArray& gnomeColorScheme)
{
    if (choice != Theme::System) {
        return choice;
    }
    // A light platform palette may only be the platform's default that knows nothing of the
    // desktop, so a dark hint outweighs it; a dark one is always meant.
    if (isDark(platform) || gtkThemeIsDark(gtkThemeEnv) ||
        gnomeColorScheme.contains("prefer-dark")) {
        return Theme::Dark;
    }
    return Theme::Light;
}

bool Appearance::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() <
           palette.color(QPalette::WindowText).lightness();
}

QPalette Appearance::lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

QPalette Appearance::darkPalette()
{
    QPalette palette;
    // Active and Inactive windows look the same, as in Fusion's light palette.
    const auto set = [&palette](QPalette::ColorRole role, QRgb enabled, QRgb disabled) {
        palette.setColor(QPalette::Active, role, QColor(enabled));
        palette.setColor(QPalette::Inactive, role, QColor(enabled));
        palette.setColor(QPalette::Disabled, role, QColor(disabled));
    };
    set(QPalette::Window, 0x2d2f33, 0x2d2f33);
    set(QPalette::WindowText, 0xe8e8ea, 0x7d8087);
    set(QPalette::Base, 0x1e1f22, 0x26282b);
    set(QPalette::AlternateBase, 0x26282b, 0x2a2c2f);
    set(QPalette::Text, 0xe8e8ea, 0x7d8087);
    set(QPalette::PlaceholderText, 0x9a9ea6, 0x62656b);
    set(QPalette::Button, 0x383b40, 0x313338);
    set(QPalette::ButtonText, 0xe8e8ea, 0x7d8087);
    set(QPalette::BrightText, 0xff7070, 0xa05a5a);
    // Fusion draws bevels and frames from these: lighter and darker than Button, in order.
    set(QPalette::Light, 0x4b4f55, 0x3c3f44);
    set(QPalette::Midlight, 0x41444a, 0x36393d);
    set(QPalette::Mid, 0x2c2e32, 0x2a2c2f);
    set(QPalette::Dark, 0x1f2023, 0x1f2023);
    set(QPalette::Shadow, 0x0b0b0c, 0x0b0b0c);
    set(QPalette::Highlight, 0x2f6bc0, 0x45484e);
    set(QPalette::HighlightedText, 0xffffff, 0x9a9da3);
    set(QPalette::Link, 0x8ab4f8, 0x5f7aa8);
    set(QPalette::LinkVisited, 0xc58af9, 0x84679e);
    set(QPalette::ToolTipBase, 0x3b3f45, 0x3b3f45);
    set(QPalette::ToolTipText, 0xf2f2f2, 0x9a9da3);
    return palette;
}

QList<std::pair<Appearance::Theme, QString>> Appearance::themeChoices()
{
    return {
        {Theme::System, tr("&System")},
        {Theme::Light, tr("&Light")},
        {Theme::Dark, tr("&Dark")},
    };
}

QActionGroup* Appearance::createThemeActions(QObject* parent)
{
    auto* group = new QActionGroup(parent);
    group->setExclusive(true);
    const Theme remembered = theme();
    for (const auto& [choice, label] : themeChoices()) {
        QAction* action = group->addAction(label);
        action->setCheckable(true);
        action->setChecked(choice == remembered);
        const Theme chosen = choice;
        connect(action, &QAction::triggered, group, [chosen] { setTheme(chosen); });
    }
    return group;
}

QMenu* Appearance::createThemeMenu(QWidget* parent)
{
    auto* menu = new QMenu(tr("&Theme"), parent);
    menu->setIcon(Icons::icon(Icon::Theme));
    menu->addActions(createThemeActions(menu)->actions());
    return menu;
}

bool Appearance::eventFilter(QObject* watched, QEvent* event)
{
    if (!m_applying) {
        if (event->type() == QEvent::ThemeChange) {
            // Arrives once per window and widget; the platform palette is read once, later.
            m_platformStale = true;
            scheduleReapply();
        } else if (event->type() == QEvent::ApplicationPaletteChange &&
                   watched == QCoreApplication::instance()) {
            // Someone else (a platform integration) set the application's palette: that is
            // the platform's word on it now.
            m_platform = QApplication::palette();
            m_platformStale = false;
            scheduleReapply();
        }
    }
    return QObject::eventFilter(watched, event);
}

void Appearance::readPlatformPalette()
{
    // Our palette hides the platform theme's, and Qt 6.4 offers no public way to read the
    // latter: dropping ours for a moment is it. Widgets only repaint later, so nothing flickers.
    const QScopedValueRollback guard(m_applying, true);
    QApplication::setPalette(QPalette());
    m_platform = QApplication::palette();
    m_platformStale = false;
}

void Appearance::scheduleReapply()
{
    // Not from inside the event: changing the palette while Qt delivers a palette change
    // would start another delivery within it.
    if (!m_reapplyPending) {
        m_reapplyPending = true;
        QMetaObject::invokeMethod(this, &Appearance::reapply, Qt::QueuedConnection);
    }
}

void Appearance::reapply()
{
    m_reapplyPending = false;
    if (m_platformStale) {
        readPlatformPalette();
    }
    const Theme choice = theme();
    const bool askDesktop = choice == Theme::System && !isDark(m_platform);
    m_applied = effectiveTheme(choice, m_platform, qgetenv("GTK_THEME"),
                               askDesktop ? gnomeColorScheme() : QByteArray());
    const QScopedValueRollback guard(m_applying, true);
    QApplication::setPalette(m_applied == Theme::Dark ? darkPalette() : lightPalette());
}

} // namespace masahista::gui

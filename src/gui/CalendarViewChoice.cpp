#include "CalendarViewChoice.h"

#include "Preferences.h"
#include "calendar/DayView.h"

#include <QAction>
#include <QActionGroup>
#include <QGuiApplication>
#include <QKeySequence>
#include <QScreen>
#include <QWidget>

namespace masahista::gui {

namespace {

const QString viewKey = QStringLiteral("calendar/view");
const QString compactKey = QStringLiteral("calendar/compactDay");

QString viewName(CalendarView view)
{
    switch (view) {
    case CalendarView::Week:
        return QStringLiteral("week");
    case CalendarView::ClinicWeek:
        return QStringLiteral("clinicWeek");
    case CalendarView::Day:
        break;
    }
    return QStringLiteral("day");
}

bool screenSuitsCompact()
{
    const QScreen* screen = QGuiApplication::primaryScreen();
    return screen != nullptr && DayView::compactSuits(screen->availableGeometry().height());
}

} // namespace

CalendarViewChoice::CalendarViewChoice(QWidget* owner)
    : QObject(owner)
{
    auto* group = new QActionGroup(this);
    const auto viewAction = [&](const QString& text, const QKeySequence& key, CalendarView view) {
        auto* action = new QAction(text, group);
        action->setCheckable(true);
        action->setShortcut(key);
        action->setToolTip(QString(text).remove(QLatin1Char('&')) + QStringLiteral(" (") +
                           key.toString(QKeySequence::NativeText) + QLatin1Char(')'));
        connect(action, &QAction::triggered, this, [this, view] { setView(view); });
        owner->addAction(action);
        return action;
    };
    m_dayView = viewAction(tr("&Day"), QKeySequence(Qt::CTRL | Qt::Key_1), CalendarView::Day);
    m_weekView = viewAction(tr("&Week of one therapist"), QKeySequence(Qt::CTRL | Qt::Key_2),
                            CalendarView::Week);
    m_clinicWeek = viewAction(tr("&Clinic week"), QKeySequence(Qt::CTRL | Qt::Key_3),
                              CalendarView::ClinicWeek);

    const QString remembered = preferences()->value(viewKey).toString();
    for (const CalendarView view : {CalendarView::Week, CalendarView::ClinicWeek}) {
        if (remembered == viewName(view)) {
            m_view = view;
        }
    }
    m_dayView->setChecked(m_view == CalendarView::Day);
    m_weekView->setChecked(m_view == CalendarView::Week);
    m_clinicWeek->setChecked(m_view == CalendarView::ClinicWeek);

    m_compactDay = new QAction(tr("Co&mpact day"), this);
    m_compactDay->setCheckable(true);
    m_compactDay->setToolTip(tr("Show more of the day at once, with shorter cards"));
    m_compactDay->setChecked(preferences()->value(compactKey, screenSuitsCompact()).toBool());
    connect(m_compactDay, &QAction::toggled, this, [this](bool compact) {
        preferences()->setValue(compactKey, compact);
        Q_EMIT compactChosen(compact);
    });
}

void CalendarViewChoice::setView(CalendarView view)
{
    m_dayView->setChecked(view == CalendarView::Day);
    m_weekView->setChecked(view == CalendarView::Week);
    m_clinicWeek->setChecked(view == CalendarView::ClinicWeek);
    if (view == m_view) {
        return;
    }
    m_view = view;
    preferences()->setValue(viewKey, viewName(view));
    Q_EMIT viewChosen(view);
}

bool CalendarViewChoice::isCompact() const
{
    return m_compactDay->isChecked();
}

} // namespace masahista::gui

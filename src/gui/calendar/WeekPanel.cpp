#include "WeekPanel.h"

#include "CardStyle.h"
#include "WeekLayout.h"
#include "WeekOverviewLayout.h"
#include "WeekView.h"
#include "gui/Preferences.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace masahista::gui {

using CardStyle::mix;

namespace {

constexpr int headerHeight = static_cast<int>(WeekLayout::headerHeight);

} // namespace

WeekPanel::WeekPanel(QWidget* parent)
    : QWidget(parent)
    , m_picker(new QComboBox(this))
    , m_scrollArea(new QScrollArea(this))
    , m_canvas(new QWidget)
    , m_view(new WeekView(m_canvas))
{
    m_picker->setObjectName(QStringLiteral("weekTherapistPicker"));
    m_scrollArea->setObjectName(QStringLiteral("weekScrollArea"));
    m_view->setObjectName(QStringLiteral("weekView"));
    m_picker->setAccessibleName(tr("Therapist of the week"));
    m_picker->setToolTip(tr("Whose week to show"));
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_picker->setEnabled(false);
    auto* label = new QLabel(tr("&Therapist:"), this);
    label->setBuddy(m_picker);

    // The week view paints its own header of days, which would scroll away with the hours.
    // It sits inside the canvas shifted up by the header's height, so that the canvas clips
    // that header off, and the panel paints one that stays above the scroll area instead.
    m_canvas->installEventFilter(this);
    m_scrollArea->setFrameShape(QFrame::NoFrame);
    m_scrollArea->setWidgetResizable(true);
    m_scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // Always there, so that the columns keep their width whether the week fits or not.
    m_scrollArea->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_scrollArea->setWidget(m_canvas);

    auto* pickerRow = new QHBoxLayout;
    pickerRow->setContentsMargins(6, 4, 6, 4);
    pickerRow->addWidget(label);
    pickerRow->addWidget(m_picker);
    pickerRow->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(pickerRow);
    layout->addSpacing(headerHeight);
    layout->addWidget(m_scrollArea, 1);

    connect(m_picker, &QComboBox::currentIndexChanged, this,
            [this](int index) { showTherapist(m_picker->itemData(index).value<Id>()); });
    // Only a pick by the user is remembered: activated() is not emitted for changes made in
    // code, such as a fallback when the remembered therapist has left.
    connect(m_picker, &QComboBox::activated, this,
            [this](int index) { rememberTherapist(m_picker->itemData(index).value<Id>()); });
    connect(m_view, &WeekView::dayActivated, this, &WeekPanel::dayActivated);
    connect(m_view, &WeekView::appointmentActivated, this, &WeekPanel::appointmentActivated);
    connect(m_scrollArea->horizontalScrollBar(), &QScrollBar::valueChanged, this,
            [this] { update(headerArea()); });
}

void WeekPanel::setWeek(const WeekSchedule& week, const QDateTime& nowUtc)
{
    m_week = week;
    m_now = nowUtc;
    const QList<Id> listed = WeekOverviewLayout::therapistsIn(m_week);
    const Id remembered = rememberedTherapist();
    Id chosen = listed.value(0);
    if (listed.contains(m_therapistId)) {
        chosen = m_therapistId;
    } else if (listed.contains(remembered)) {
        chosen = remembered;
    }
    fillPicker(listed);
    {
        const QSignalBlocker blocker(m_picker);
        m_picker->setCurrentIndex(m_picker->findData(QVariant::fromValue(chosen)));
    }
    const Id previous = m_therapistId;
    showWeekOf(chosen);
    if (chosen != previous) {
        Q_EMIT therapistChanged(chosen);
    }
}

void WeekPanel::setNow(const QDateTime& nowUtc)
{
    m_now = nowUtc;
    m_view->setNow(nowUtc);
    update(headerArea());
}

void WeekPanel::setTherapist(Id therapistId)
{
    if (m_week.days.isEmpty()) {
        m_therapistId = therapistId;
        return;
    }
    const int index = m_picker->findData(QVariant::fromValue(therapistId));
    if (index >= 0) {
        // Shown through currentIndexChanged, like a pick in the list.
        m_picker->setCurrentIndex(index);
    }
}

void WeekPanel::fillPicker(const QList<Id>& therapists)
{
    const QSignalBlocker blocker(m_picker);
    m_picker->clear();
    if (m_week.days.isEmpty()) {
        m_picker->setEnabled(false);
        return;
    }
    const ClinicDirectory& directory = m_week.days.constFirst().directory;
    for (const Id id : therapists) {
        const Therapist* therapist = directory.therapist(id);
        if (therapist == nullptr) {
            continue;
        }
        QColor colour = QColor::fromString(therapist->calendarColor);
        if (!colour.isValid()) {
            colour = palette().color(QPalette::Highlight);
        }
        QPixmap swatch(12, 12);
        swatch.fill(colour);
        const QString name = therapist->active ? therapist->displayName
                                               : tr("%1 (inactive)").arg(therapist->displayName);
        m_picker->addItem(QIcon(swatch), name, QVariant::fromValue(id));
    }
    m_picker->setEnabled(m_picker->count() > 0);
}

void WeekPanel::showTherapist(Id therapistId)
{
    if (therapistId == m_therapistId) {
        return;
    }
    showWeekOf(therapistId);
    Q_EMIT therapistChanged(therapistId);
}

void WeekPanel::showWeekOf(Id therapistId)
{
    // By minute, not by pixel: the new week may span other hours.
    const bool atTop = verticalScroll() == 0;
    const int top = topMinute();
    m_therapistId = therapistId;
    m_view->setWeek(m_week, m_therapistId, m_now);
    syncViewHeight();
    if (atTop) {
        setVerticalScroll(0);
    } else {
        scrollToMinute(top);
    }
    update(headerArea());
}

void WeekPanel::rememberTherapist(Id therapistId)
{
    m_remembered = therapistId;
    m_preferencesRead = true;
    preferences()->setValue(therapistPreferenceKey(), therapistId);
}

Id WeekPanel::rememberedTherapist()
{
    // Read once: afterwards the panel itself knows what the user picked last.
    if (!m_preferencesRead) {
        m_remembered = preferences()->value(therapistPreferenceKey()).toLongLong();
        m_preferencesRead = true;
    }
    return m_remembered;
}

void WeekPanel::syncViewHeight()
{
    m_canvas->setMinimumSize(m_view->minimumSizeHint().width(),
                             std::max(0, m_view->minimumHeight() - headerHeight));
    // The scroll area learns of a new minimum height only on its next layout pass; resizing
    // now gives the scroll bar its range at once, so that scrolling right after works.
    layout()->activate();
    m_canvas->resize(std::max(m_scrollArea->viewport()->width(), m_canvas->minimumWidth()),
                     std::max(m_scrollArea->viewport()->height(), m_canvas->minimumHeight()));
    placeView();
}

void WeekPanel::placeView()
{
    m_view->setGeometry(0, -headerHeight, m_canvas->width(), m_canvas->height() + headerHeight);
}

bool WeekPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_canvas && event->type() == QEvent::Resize) {
        placeView();
    }
    return QWidget::eventFilter(watched, event);
}

void WeekPanel::scrollToMinute(int minuteOfDay)
{
    syncViewHeight();
    const qreal y = m_view->weekLayout().yAtMinute(minuteOfDay) - WeekLayout::headerHeight -
                    WeekLayout::topMargin;
    setVerticalScroll(static_cast<int>(std::floor(y)));
}

int WeekPanel::topMinute() const
{
    const WeekLayout& layout = m_view->weekLayout();
    return layout.firstHour() * 60 +
           static_cast<int>(std::lround(verticalScroll() / layout.pixelsPerMinute()));
}

int WeekPanel::verticalScroll() const
{
    return m_scrollArea->verticalScrollBar()->value();
}

void WeekPanel::setVerticalScroll(int value)
{
    m_scrollArea->verticalScrollBar()->setValue(value);
}

QRect WeekPanel::headerArea() const
{
    return {0, m_scrollArea->y() - headerHeight, width(), headerHeight};
}

int WeekPanel::horizontalOffset() const
{
    return m_scrollArea->x() - m_scrollArea->horizontalScrollBar()->value();
}

void WeekPanel::mouseDoubleClickEvent(QMouseEvent* event)
{
    // The header stands in for the view's own, so it answers a double-click as that would.
    if (event->button() == Qt::LeftButton && headerArea().contains(event->position().toPoint())) {
        const QDate date = m_view->weekLayout().dateAt(event->position().x() - horizontalOffset());
        if (date.isValid()) {
            Q_EMIT dayActivated(date);
            return;
        }
    }
    QWidget::mouseDoubleClickEvent(event);
}

void WeekPanel::paintEvent(QPaintEvent* /*event*/)
{
    const QRect area = headerArea();
    const WeekLayout& layout = m_view->weekLayout();
    if (area.height() <= 0 || layout.monday().isNull()) {
        return;
    }
    QPainter painter(this);
    const QColor window = palette().color(QPalette::Window);
    const QColor text = palette().color(QPalette::WindowText);
    painter.fillRect(area, window);
    painter.setClipRect(area.adjusted(static_cast<int>(WeekLayout::rulerWidth), 0, 0, 0));
    // The same header as the week view paints, so that it reads the same on screen and grabbed.
    const QDate todayDate = m_view->today();
    for (int day = 0; day < WeekLayout::dayCount; ++day) {
        const QDate date = layout.dateOf(day);
        CardStyle::paintDayHeader(painter,
                                  layout.headerRect(day).translated(horizontalOffset(), area.top()),
                                  date, date == todayDate, palette(), font());
    }
    painter.setClipping(false);
    painter.setPen(QPen(mix(window, text, 0.28), 1));
    const qreal y = area.bottom() + 0.5;
    painter.drawLine(QPointF(0, y), QPointF(width(), y));
}

} // namespace masahista::gui

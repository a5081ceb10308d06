#pragma once

#include "booking/engine/WeekSchedule.h"
#include "domain/Id.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QRect>
#include <QString>
#include <QWidget>

class QComboBox;
class QScrollArea;

namespace masahista::gui {

class WeekView;

// One therapist's week, ready for the calendar page: a picker of whose week it is, a header
// row of days that stays put, and below it the week view, which scrolls vertically and fills
// the width. The page drives the dates; the panel keeps the therapist and the part of the day
// in view across reloads, and remembers the therapist the user last picked for the next start.
class WeekPanel final : public QWidget
{
    Q_OBJECT

public:
    // Where the last picked therapist is kept in preferences().
    static QString therapistPreferenceKey() { return QStringLiteral("calendar/weekTherapist"); }

    explicit WeekPanel(QWidget* parent = nullptr);

    // Keeps the therapist while the picker lists them (WeekOverviewLayout::therapistsIn()),
    // otherwise falls back to the one remembered in preferences, then to the first listed.
    void setWeek(const WeekSchedule& week, const QDateTime& nowUtc);
    void setNow(const QDateTime& nowUtc);

    Id therapistId() const { return m_therapistId; }
    // Shows the therapist's week when the picker lists them; before the first setWeek(), the
    // wish is kept for it. Not remembered in preferences: only the user's own pick is.
    void setTherapist(Id therapistId);

    WeekView* weekView() const { return m_view; }
    // Brings the wall-clock minute near the top of the visible part.
    void scrollToMinute(int minuteOfDay);
    // The wall-clock minute at the top of the visible part of the day.
    int topMinute() const;
    int verticalScroll() const;
    void setVerticalScroll(int value);

Q_SIGNALS:
    void therapistChanged(masahista::Id therapistId);
    void dayActivated(const QDate& date);
    void appointmentActivated(masahista::Id appointmentId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    void fillPicker(const QList<Id>& therapists);
    void showTherapist(Id therapistId);
    // Shows the therapist's week with the same time of day at the top as before.
    void showWeekOf(Id therapistId);
    // Where the fixed header of days is painted, in the panel's coordinates.
    QRect headerArea() const;
    int horizontalOffset() const;
    void placeView();
    void rememberTherapist(Id therapistId);
    Id rememberedTherapist();
    void syncViewHeight();

    QComboBox* m_picker = nullptr;
    QScrollArea* m_scrollArea = nullptr;
    QWidget* m_canvas = nullptr; // what scrolls: the view less its own header
    WeekView* m_view = nullptr;
    WeekSchedule m_week;
    QDateTime m_now;
    Id m_therapistId = 0;
    Id m_remembered = 0;
    bool m_preferencesRead = false;
};

} // namespace masahista::gui

#pragma once

#include "booking/engine/Schedule.h"
#include "domain/Id.h"

#include <QDateTime>
#include <QList>
#include <QPixmap>
#include <QStringList>
#include <QWidget>

class QFontMetricsF;

class QScrollArea;

class QPainter;

namespace masahista::gui {

class DayView;

// The day view with a header row that stays put while the day scrolls: each therapist's name,
// colour and hours above their column. The header is painted here from the view's own
// layout, so the two can never disagree about where a column is.
class DayPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit DayPanel(QWidget* parent = nullptr);

    DayView* dayView() const { return m_view; }
    void setSchedule(const DaySchedule& day, const QList<Id>& shownTherapists,
                     const QDateTime& nowUtc);
    // Brings the instant near the top of the visible part.
    void scrollToTime(const QDateTime& utc);
    // Scrolls as little as needed to show the appointment's card whole, if it is shown.
    void bringIntoView(Id appointmentId);
    int verticalScroll() const;
    void setVerticalScroll(int value);
    // The compact density shows more of the day at once (about seven hours on a laptop's
    // 768-pixel screen, where the comfortable one shows under five); the time at the top of
    // the visible part stays there.
    void setCompact(bool compact);
    bool isCompact() const;
    // How many minutes of the day the visible part shows at its present size.
    int visibleMinutes() const;
    // A therapist's hours as the header shows them: the intervals, as many to a line as fit
    // in the column, on at most maxHoursLines lines; only an interval wider than the column
    // is shortened.
    static constexpr int maxHoursLines = 3;
    static QStringList hoursLines(const QString& hours, const QFontMetricsF& metrics, qreal width);
    // The lines of the header's hours for each shown column, as last laid out.
    QList<QStringList> headerHours() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    int headerHeight() const;
    void updateHeaderHeight();
    qreal hoursWidth(int column) const;
    QString hoursText(Id therapistId) const;
    void showCard(const QRect& cardRect);
    void paintHeader(QPainter& painter) const;
    void syncViewHeight();

    QScrollArea* m_scrollArea = nullptr;
    DayView* m_view = nullptr;
    int m_headerHeight = 0; // a name line and as many hours lines as the widest column needs
    QPixmap m_header;       // the header as last drawn; null: draw again
};

} // namespace masahista::gui

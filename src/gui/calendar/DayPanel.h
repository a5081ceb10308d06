#pragma once

#include "booking/Schedule.h"
#include "domain/Id.h"

#include <QDateTime>
#include <QList>
#include <QPixmap>
#include <QWidget>

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

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    int headerHeight() const;
    void showCard(const QRect& cardRect);
    void paintHeader(QPainter& painter) const;
    void syncViewHeight();

    QScrollArea* m_scrollArea = nullptr;
    DayView* m_view = nullptr;
    mutable int m_headerHeight = -1; // from the font, when first needed
    QPixmap m_header;                // the header as last drawn; null: draw again
};

} // namespace masahista::gui

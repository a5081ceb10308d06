#pragma once

#include "CardPainter.h"
#include "DayLayout.h"
#include "booking/engine/Schedule.h"
#include "domain/Id.h"

#include <QDateTime>
#include <QFont>
#include <QList>
#include <QPixmap>
#include <QPoint>
#include <QStaticText>
#include <QWidget>

namespace masahista::gui {

// One day painted: a time ruler on the left, a column per shown therapist, the appointments
// as cards. It draws only the DaySchedule it was given and never reads the database; what the
// user does (click, drag, double-click) comes out as requests that the caller carries out and
// answers with a fresh schedule.
class DayView final : public QWidget
{
    Q_OBJECT

public:
    // Thirty minutes are three lines of a card in the comfortable density, two in the compact.
    static constexpr qreal comfortablePixelsPerMinute = 1.8;
    static constexpr qreal compactPixelsPerMinute = 1.2;
    // The compact density suits a screen no taller than a laptop's (768 pixels, less a task
    // bar), where the comfortable one would show under five hours of the day.
    static bool compactSuits(int availableScreenHeight) { return availableScreenHeight < 900; }
    static constexpr int gridLineMinutes = 15;

    explicit DayView(QWidget* parent = nullptr);

    // Keeps the selection if the appointment is still shown.
    void setSchedule(const DaySchedule& day, const QList<Id>& shownTherapists,
                     const QDateTime& nowUtc);
    void setNow(const QDateTime& nowUtc);
    void setShowCancelled(bool show);
    void setPixelsPerMinute(qreal pixelsPerMinute);
    qreal pixelsPerMinute() const { return m_pixelsPerMinute; }
    bool showCancelled() const { return m_showCancelled; }

    const DaySchedule& schedule() const { return m_day; }
    const QList<Id>& shownTherapists() const { return m_shown; }
    const DayLayout& dayLayout() const { return m_layout; }
    // The booking step of the clinic: what clicks and drags snap to.
    int gridMinutes() const;

    Id selectedAppointment() const { return m_selected; }
    void selectAppointment(Id id);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void emptySlotActivated(masahista::Id therapistId, const QDateTime& startUtc, int minutes);
    void appointmentActivated(masahista::Id appointmentId);
    void appointmentSelected(masahista::Id appointmentId);
    void appointmentContextMenuRequested(masahista::Id appointmentId, const QPoint& globalPos);
    void appointmentMoveRequested(masahista::Id appointmentId, masahista::Id therapistId,
                                  const QDateTime& startUtc);
    void appointmentResizeRequested(masahista::Id appointmentId, int minutes);
    // A card chosen with the keyboard, so that the scroll area can bring it into view.
    void cardFocused(const QRect& cardRect);
    // The columns or the scale were laid out again (a new day, width or density).
    void layoutChanged();

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    enum class Drag
    {
        None,
        EmptySlot,
        Move,
        Resize
    };

    void relayout();
    const CalendarEntry* entryOf(Id appointmentId) const;
    QString toolTipFor(Id appointmentId) const;
    void updateDrag(QPointF position);
    void finishDrag();

    void paintRuler(QPainter& painter) const;
    void paintColumns(QPainter& painter) const;
    void layOutTexts();
    void paintDragPreview(QPainter& painter) const;
    void paintNowLine(QPainter& painter) const;

    DaySchedule m_day;
    QList<Id> m_shown;
    QDateTime m_now;
    bool m_showCancelled = false;
    qreal m_pixelsPerMinute = comfortablePixelsPerMinute;
    DayLayout m_layout;
    CardPainter m_cardPainter;
    QList<CardPainter::Text> m_cardTexts; // one for each of m_layout.cards()
    bool m_textsLaidOut = false;
    QPixmap m_background; // columns, hours and ruler as last drawn; null: draw again
    // The grid's lines: their y and the local minute of day they stand for.
    QList<std::pair<qreal, int>> m_gridLines;
    Id m_selected = 0;

    Drag m_drag = Drag::None;
    bool m_dragging = false; // past the start distance
    QPointF m_pressPosition;
    Id m_dragAppointment = 0;
    Id m_dragTherapist = 0;
    QDateTime m_dragAnchor; // the slot first pressed, for a drag over empty time
    QDateTime m_dragStart;
    int m_dragMinutes = 0;
};

} // namespace masahista::gui

#pragma once

#include "booking/engine/FutureBookings.h"
#include "domain/Error.h"

#include <QObject>
#include <QString>
#include <QStringList>

class QGroupBox;
class QTreeWidget;

namespace masahista::gui {

class PageMessageLine;

// The bookings to come that stand in the way of retiring an item of the catalogue (a massage
// type, a room), listed on its page under the refusal so that they can be moved or cancelled
// first. Columns: date, time, client, therapist, and what else tells them apart.
class BlockingList final : public QObject
{
    Q_OBJECT

public:
    // What the fifth column names: the room (for a massage type) or the massage (for a room).
    enum class LastColumn
    {
        Room,
        Massage
    };

    // `title` takes the number of bookings as %1.
    BlockingList(QGroupBox* box, QTreeWidget* table, LastColumn last, QString title);

    void show(const FutureBookings& bookings);
    void hide();
    // The rows shown, their cells joined by " | "; none while the list is hidden.
    QStringList lines() const;

    // After a refused retirement: the refusal's first line on `message` and the bookings in the
    // list when they are what refused it, or the whole refusal alone.
    void showRefusal(PageMessageLine& message, const Error& refusal,
                     const Result<FutureBookings>& blocking);

private:
    QGroupBox* m_box = nullptr;
    QTreeWidget* m_table = nullptr;
    LastColumn m_last;
    QString m_title;
};

} // namespace masahista::gui

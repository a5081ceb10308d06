#include "BlockingList.h"

#include "PageMessageLine.h"
#include "booking/engine/ClinicTime.h"

#include <QGroupBox>
#include <QHeaderView>
#include <QTreeWidget>

namespace masahista::gui {

namespace {

enum Column
{
    DateColumn,
    TimeColumn,
    ClientColumn,
    TherapistColumn,
    DistinguishingColumn
};

} // namespace

BlockingList::BlockingList(QGroupBox* box, QTreeWidget* table, LastColumn last, QString title)
    : QObject(box)
    , m_box(box)
    , m_table(table)
    , m_last(last)
    , m_title(std::move(title))
{
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_box->hide();
}

void BlockingList::show(const FutureBookings& bookings)
{
    m_table->clear();
    for (const CalendarEntry& entry : bookings.entries()) {
        const QDateTime start = bookings.localStart(entry);
        auto* item = new QTreeWidgetItem(m_table);
        item->setText(DateColumn, start.date().toString(Qt::ISODate));
        item->setText(TimeColumn, ClinicTime::formatMinute(ClinicTime::minuteOfDay(start)));
        item->setText(ClientColumn, entry.clientName);
        item->setText(TherapistColumn, entry.therapistName);
        item->setText(DistinguishingColumn,
                      m_last == LastColumn::Room ? entry.roomName : entry.serviceName);
    }
    m_box->setTitle(m_title.arg(bookings.size()));
    m_box->show();
}

void BlockingList::hide()
{
    m_table->clear();
    m_box->hide();
}

QStringList BlockingList::lines() const
{
    QStringList lines;
    if (m_box->isHidden()) {
        return lines;
    }
    for (int row = 0; row < m_table->topLevelItemCount(); ++row) {
        const QTreeWidgetItem* item = m_table->topLevelItem(row);
        QStringList cells;
        for (int column = DateColumn; column <= DistinguishingColumn; ++column) {
            cells.append(item->text(column));
        }
        lines.append(cells.join(QStringLiteral(" | ")));
    }
    return lines;
}

void BlockingList::showRefusal(PageMessageLine& message, const Error& refusal,
                               const Result<FutureBookings>& blocking)
{
    if (blocking && !blocking->isEmpty()) {
        // The list below says what the message would spell out line by line.
        message.show(refusal.message.section(QLatin1Char('\n'), 0, 0),
                     PageMessageLine::Kind::Refusal);
        show(*blocking);
    } else {
        message.show(refusal.message, PageMessageLine::Kind::Refusal);
        hide();
    }
}

} // namespace masahista::gui

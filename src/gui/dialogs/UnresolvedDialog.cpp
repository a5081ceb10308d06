#include "UnresolvedDialog.h"

#include "booking/Clinic.h"
#include "booking/engine/BookingRules.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/Schedule.h"
#include "ui_UnresolvedDialog.h"

#include <QPushButton>

namespace masahista::gui {

UnresolvedDialog::UnresolvedDialog(Clinic& clinic, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::UnresolvedDialog>())
    , m_clinic(clinic)
{
    m_ui->setupUi(this);
    m_ui->messageLabel->hide();
    connect(m_ui->completedButton, &QPushButton::clicked, this,
            [this] { settleSelected(AppointmentStatus::Completed); });
    connect(m_ui->noShowButton, &QPushButton::clicked, this,
            [this] { settleSelected(AppointmentStatus::NoShow); });
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reload();
}

UnresolvedDialog::~UnresolvedDialog() = default;

int UnresolvedDialog::reload()
{
    m_ui->appointmentList->clear();
    m_ui->emptyLabel->hide();
    const Result<QList<Appointment>> unresolved = m_clinic.bookings().unresolved();
    Result<ClinicDirectory> directory = m_clinic.directory();
    if (!unresolved || !directory) {
        m_ui->messageLabel->setText(!unresolved ? unresolved.error().message
                                                : directory.error().message);
        m_ui->messageLabel->show();
        return 0;
    }
    const Result<QList<CalendarEntry>> entries = m_clinic.calendarEntries(*directory, *unresolved);
    if (!entries) {
        m_ui->messageLabel->setText(entries.error().message);
        m_ui->messageLabel->show();
        return 0;
    }
    for (const CalendarEntry& entry : *entries) {
        auto* item = new QListWidgetItem(
            tr("%1  %2 — %3, %4 min, with %5")
                .arg(BookingRules::localText(entry.appointment.startUtc, directory->zone),
                     entry.clientName, entry.serviceName)
                .arg(entry.appointment.durationMinutes)
                .arg(entry.therapistName),
            m_ui->appointmentList);
        item->setData(Qt::UserRole, entry.appointment.id);
    }
    const bool any = !entries->isEmpty();
    if (any) {
        m_ui->appointmentList->setCurrentRow(0);
    }
    // An empty list says why it is empty, rather than looking broken.
    m_ui->appointmentList->setVisible(any);
    m_ui->emptyLabel->setVisible(!any);
    m_ui->completedButton->setEnabled(any);
    m_ui->noShowButton->setEnabled(any);
    setWindowTitle(tr("Unresolved appointments (%1)").arg(entries->size()));
    return static_cast<int>(entries->size());
}

void UnresolvedDialog::settleSelected(AppointmentStatus outcome)
{
    const QListWidgetItem* item = m_ui->appointmentList->currentItem();
    if (item == nullptr) {
        return;
    }
    const Result<Appointment> settled = m_clinic.bookings().setStatus(
        item->data(Qt::UserRole).toLongLong(), outcome, m_clinic.actor());
    m_ui->messageLabel->setVisible(!settled);
    if (!settled) {
        m_ui->messageLabel->setText(settled.error().message);
        return;
    }
    const int row = m_ui->appointmentList->currentRow();
    reload();
    m_ui->appointmentList->setCurrentRow(qMin(row, m_ui->appointmentList->count() - 1));
}

} // namespace masahista::gui

#include "CancelDialog.h"

#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/engine/BookingService.h"
#include "gui/FormErrorLine.h"
#include "gui/ProblemColour.h"
#include "ui_CancelDialog.h"

#include <QPushButton>

namespace masahista::gui {

CancelDialog::CancelDialog(Clinic& clinic, const CalendarEntry& entry, int lateCancelHours,
                           QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CancelDialog>())
    , m_clinic(clinic)
    , m_appointmentId(entry.appointment.id)
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    m_ui->summaryLabel->setText(tr("%1, %2 min with %3, for %4.")
                                    .arg(entry.serviceName)
                                    .arg(entry.appointment.durationMinutes)
                                    .arg(entry.therapistName, entry.clientName));
    const qint64 secondsAhead = m_clinic.clock().nowUtc().secsTo(entry.appointment.startUtc);
    const bool late = secondsAhead < qint64{lateCancelHours} * 3600;
    m_ui->lateLabel->setText(
        late ? tr("This is a late cancellation: it is less than %n hour(s) before the start.",
                  nullptr, lateCancelHours)
             : tr("This is not a late cancellation."));
    m_ui->errorLabel->hide();
    m_errorLine = new FormErrorLine(m_ui->errorLabel, this);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("Cancel &appointment"));
    m_ui->buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Keep it"));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &CancelDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

CancelDialog::~CancelDialog() = default;

QString CancelDialog::reason() const
{
    return m_ui->reasonEdit->text().trimmed();
}

void CancelDialog::accept()
{
    const Result<Appointment> cancelled =
        m_clinic.bookings().cancel(m_appointmentId, m_ui->reasonEdit->text(), m_clinic.actor());
    if (!cancelled) {
        m_errorLine->show(cancelled.error().message);
        return;
    }
    QDialog::accept();
}

} // namespace masahista::gui

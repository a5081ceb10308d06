#include "ClientDialog.h"

#include "booking/Clinic.h"
#include "booking/clients/ClientService.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/IcsCalendar.h"
#include "gui/ProblemColour.h"
#include "gui/dialogs/ClientEditDialog.h"
#include "ui_ClientDialog.h"

#include <QHeaderView>
#include <QLocale>
#include <QPushButton>

namespace masahista::gui {

namespace {

// Where a row keeps what activating it needs, so nothing is looked up again by row number.
constexpr int appointmentIdRole = Qt::UserRole;
constexpr int localDateRole = Qt::UserRole + 1;

enum Column
{
    DateColumn,
    TimeColumn,
    MassageColumn,
    TherapistColumn,
    RoomColumn,
    StatusColumn
};

QString statusText(const Appointment& appointment)
{
    if (appointment.status != AppointmentStatus::Cancelled) {
        return IcsCalendar::statusText(appointment.status);
    }
    // A late cancellation may carry a fee, so the desk needs to see it without opening it.
    const QString cancelled = appointment.cancelledLate
                                  ? ClientDialog::tr("cancelled (late)")
                                  : IcsCalendar::statusText(appointment.status);
    return appointment.cancelReason.isEmpty()
               ? cancelled
               : ClientDialog::tr("%1: %2").arg(cancelled, appointment.cancelReason);
}

// Whole years, the birthday itself included.
int ageOn(QDate birth, QDate today)
{
    int years = today.year() - birth.year();
    if (today.month() < birth.month() ||
        (today.month() == birth.month() && today.day() < birth.day())) {
        --years;
    }
    return years;
}

} // namespace

ClientDialog::ClientDialog(Clinic& clinic, Id clientId, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ClientDialog>())
    , m_clinic(clinic)
    , m_clientId(clientId)
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    // Relative to the user's own font, so the name stands out at any font size.
    QFont nameFont = m_ui->nameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.4);
    nameFont.setBold(true);
    m_ui->nameLabel->setFont(nameFont);
    for (QTreeWidget* table : {m_ui->upcomingTable, m_ui->pastTable}) {
        table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        table->header()->setStretchLastSection(true);
        // Activation is a double-click, or Enter for those who keep to the keyboard.
        connect(table, &QTreeWidget::itemActivated, this,
                [this](const QTreeWidgetItem* item) { activate(item); });
    }
    connect(m_ui->bookButton, &QPushButton::clicked, this, [this] {
        Q_EMIT bookRequested(m_clientId);
        accept();
    });
    connect(m_ui->editButton, &QPushButton::clicked, this, [this] {
        const Result<Client> client = m_clinic.clients().byId(m_clientId);
        if (!client) {
            showError(client.error().message);
            return;
        }
        ClientEditDialog editor(m_clinic, *client, this);
        if (editor.exec() == QDialog::Accepted) {
            reload();
        }
    });
    connect(m_ui->archiveButton, &QPushButton::clicked, this, [this] {
        const Status changed = m_clinic.clients().setArchived(m_clientId, !m_archived);
        if (!changed) {
            showError(changed.error().message);
            return;
        }
        reload();
    });
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reload();
}

ClientDialog::~ClientDialog() = default;

bool ClientDialog::reload()
{
    m_ui->upcomingTable->clear();
    m_ui->pastTable->clear();
    const Result<ClientRecord> record = m_clinic.clients().record(m_clientId);
    if (!record) {
        showError(record.error().message);
        return false;
    }
    m_ui->errorLabel->hide();
    m_ui->recordWidget->show();
    showClient(record->client, ClinicTime::toLocal(m_clinic.clock().nowUtc(), record->zone).date());
    showCounts(*record);
    fillTable(m_ui->upcomingTable, record->upcoming, *record);
    fillTable(m_ui->pastTable, record->past, *record);
    m_ui->upcomingBox->setTitle(tr("Upcoming (%1)").arg(record->upcoming.size()));
    m_ui->pastBox->setTitle(tr("Past and cancelled (%1)").arg(record->past.size()));
    // The booking rules refuse archived clients; saying so here saves a refusal later.
    m_archived = record->client.archived;
    m_ui->editButton->setEnabled(true);
    m_ui->archiveButton->setEnabled(true);
    // Archiving keeps the history; the client is no longer found by searches nor booked.
    m_ui->archiveButton->setText(m_archived ? tr("&Restore") : tr("&Archive"));
    m_ui->archiveButton->setToolTip(
        m_archived ? tr("Find and book this client again.")
                   : tr("Keep the history, but stop finding and booking this client."));
    const bool bookable = !record->client.archived;
    m_ui->bookButton->setEnabled(bookable);
    m_ui->bookButton->setToolTip(bookable ? QString() : tr("An archived client cannot be booked."));
    return true;
}

void ClientDialog::showClient(const Client& client, QDate today)
{
    setWindowTitle(tr("Client: %1").arg(client.fullName));
    m_ui->nameLabel->setText(client.fullName);
    m_ui->archivedLabel->setVisible(client.archived);
    QStringList alerts;
    for (const HealthAlert& alert : client.healthAlerts) {
        alerts.append(IcsCalendar::alertText(alert));
    }
    m_ui->alertsLabel->setText(alerts.join(QLatin1Char('\n')));
    m_ui->alertsLabel->setVisible(!alerts.isEmpty());
    m_ui->phoneLabel->setText(client.phone.isEmpty() ? tr("none") : client.phone);
    m_ui->emailLabel->setText(client.email.isEmpty() ? tr("none") : client.email);
    m_ui->birthLabel->setText(client.dateOfBirth.isValid()
                                  ? tr("%1 (age %2)")
                                        .arg(client.dateOfBirth.toString(Qt::ISODate))
                                        .arg(ageOn(client.dateOfBirth, today))
                                  : tr("not recorded"));
    m_ui->notesLabel->setText(client.notes.isEmpty() ? tr("none") : client.notes);
}

void ClientDialog::showCounts(const ClientRecord& record)
{
    m_ui->completedLabel->setText(QString::number(record.completed));
    m_ui->noShowLabel->setText(QString::number(record.noShows));
    m_ui->lateCancelLabel->setText(QString::number(record.lateCancellations));
}

void ClientDialog::fillTable(QTreeWidget* table, const QList<CalendarEntry>& entries,
                             const ClientRecord& record)
{
    const QLocale locale;
    for (const CalendarEntry& entry : entries) {
        const Appointment& appointment = entry.appointment;
        const QDateTime start = ClinicTime::toLocal(appointment.startUtc, record.zone);
        const QDateTime end = ClinicTime::toLocal(appointment.endUtc, record.zone);
        auto* item = new QTreeWidgetItem(table);
        item->setText(DateColumn,
                      tr("%1 %2", "weekday and date")
                          .arg(locale.dayName(start.date().dayOfWeek(), QLocale::ShortFormat),
                               start.date().toString(Qt::ISODate)));
        item->setText(TimeColumn,
                      tr("%1–%2").arg(ClinicTime::formatMinute(ClinicTime::minuteOfDay(start)),
                                      ClinicTime::formatMinute(ClinicTime::minuteOfDay(end))));
        item->setText(MassageColumn,
                      tr("%1, %2 min").arg(entry.serviceName).arg(appointment.durationMinutes));
        item->setText(TherapistColumn, entry.therapistName);
        item->setText(RoomColumn, entry.roomName);
        item->setText(StatusColumn, statusText(appointment));
        // A long cancellation reason may be cut off by a narrow window.
        item->setToolTip(StatusColumn, item->text(StatusColumn));
        item->setData(DateColumn, appointmentIdRole, appointment.id);
        item->setData(DateColumn, localDateRole, start.date());
        if (!appointment.holdsTime()) {
            for (int column = DateColumn; column <= StatusColumn; ++column) {
                item->setForeground(column,
                                    table->palette().brush(QPalette::Disabled, QPalette::Text));
            }
        }
    }
}

void ClientDialog::showError(const QString& message)
{
    setWindowTitle(tr("Client"));
    m_ui->recordWidget->hide();
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
    m_ui->bookButton->setEnabled(false);
    m_ui->editButton->setEnabled(false);
    m_ui->archiveButton->setEnabled(false);
}

void ClientDialog::activate(const QTreeWidgetItem* item)
{
    if (item == nullptr) {
        return;
    }
    Q_EMIT appointmentActivated(item->data(DateColumn, appointmentIdRole).toLongLong(),
                                item->data(DateColumn, localDateRole).toDate());
    accept();
}

} // namespace masahista::gui

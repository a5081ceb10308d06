#include "ClientEditDialog.h"

#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/clients/ClientService.h"
#include "booking/engine/IcsCalendar.h"
#include "gui/FormErrorLine.h"
#include "gui/ProblemColour.h"
#include "ui_ClientEditDialog.h"

#include <QComboBox>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>

namespace masahista::gui {

namespace {

constexpr int kindColumn = 0;
constexpr int detailColumn = 1;

const HealthAlertKind alertKinds[] = {HealthAlertKind::Allergy, HealthAlertKind::Pregnancy,
                                      HealthAlertKind::Condition, HealthAlertKind::AvoidArea,
                                      HealthAlertKind::Other};

} // namespace

ClientEditDialog::ClientEditDialog(Clinic& clinic, const Client& client, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ClientEditDialog>())
    , m_clinic(clinic)
    , m_original(client)
{
    m_ui->setupUi(this);
    setWindowTitle(client.id == 0 ? tr("New client") : tr("Client: %1").arg(client.fullName));
    for (QLabel* error : {m_ui->nameError, m_ui->phoneError, m_ui->emailError, m_ui->birthError,
                          m_ui->alertsError, m_ui->errorLabel}) {
        error->setStyleSheet(ProblemColour::styleSheet());
        error->hide();
    }
    m_errorLine = new FormErrorLine(m_ui->errorLabel, this);
    m_ui->alertsTable->horizontalHeader()->setSectionResizeMode(kindColumn,
                                                                QHeaderView::ResizeToContents);

    m_ui->nameEdit->setText(client.fullName);
    m_ui->phoneEdit->setText(client.phone);
    m_ui->emailEdit->setText(client.email);
    m_ui->birthKnownCheck->setChecked(client.dateOfBirth.isValid());
    m_ui->birthEdit->setMaximumDate(m_clinic.clock().nowUtc().date());
    m_ui->birthEdit->setDate(client.dateOfBirth.isValid() ? client.dateOfBirth : QDate(1980, 1, 1));
    m_ui->birthEdit->setEnabled(client.dateOfBirth.isValid());
    m_ui->notesEdit->setPlainText(client.notes);
    for (const HealthAlert& alert : client.healthAlerts) {
        addAlertRow(alert);
    }

    for (QLineEdit* edit : {m_ui->nameEdit, m_ui->phoneEdit, m_ui->emailEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &ClientEditDialog::refresh);
    }
    connect(m_ui->birthKnownCheck, &QCheckBox::toggled, this, [this](bool known) {
        m_ui->birthEdit->setEnabled(known);
        refresh();
    });
    connect(m_ui->birthEdit, &QDateEdit::dateChanged, this, &ClientEditDialog::refresh);
    connect(m_ui->notesEdit, &QPlainTextEdit::textChanged, this, &ClientEditDialog::refresh);
    connect(m_ui->alertsTable, &QTableWidget::itemChanged, this, &ClientEditDialog::refresh);
    connect(m_ui->addAlertButton, &QPushButton::clicked, this, [this] {
        addAlertRow(HealthAlert{});
        const int row = m_ui->alertsTable->rowCount() - 1;
        m_ui->alertsTable->setCurrentCell(row, detailColumn);
        m_ui->alertsTable->editItem(m_ui->alertsTable->item(row, detailColumn));
        refresh();
    });
    connect(m_ui->removeAlertButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->alertsTable->currentRow();
        if (row >= 0) {
            m_ui->alertsTable->removeRow(row);
            refresh();
        }
    });
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &ClientEditDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &ClientEditDialog::reject);
    refresh();
}

ClientEditDialog::~ClientEditDialog() = default;

void ClientEditDialog::addAlertRow(const HealthAlert& alert)
{
    const int row = m_ui->alertsTable->rowCount();
    m_ui->alertsTable->insertRow(row);
    auto* kinds = new QComboBox(m_ui->alertsTable);
    for (const HealthAlertKind kind : alertKinds) {
        kinds->addItem(IcsCalendar::alertKindText(kind), static_cast<int>(kind));
    }
    kinds->setCurrentIndex(kinds->findData(static_cast<int>(alert.kind)));
    connect(kinds, &QComboBox::currentIndexChanged, this, &ClientEditDialog::refresh);
    m_ui->alertsTable->setCellWidget(row, kindColumn, kinds);
    m_ui->alertsTable->setItem(row, detailColumn, new QTableWidgetItem(alert.detail));
}

Client ClientEditDialog::currentClient() const
{
    Client client = m_original;
    client.fullName = m_ui->nameEdit->text();
    client.phone = m_ui->phoneEdit->text();
    client.email = m_ui->emailEdit->text();
    client.dateOfBirth = m_ui->birthKnownCheck->isChecked() ? m_ui->birthEdit->date() : QDate();
    client.notes = m_ui->notesEdit->toPlainText();
    client.healthAlerts.clear();
    for (int row = 0; row < m_ui->alertsTable->rowCount(); ++row) {
        const auto* kinds =
            qobject_cast<QComboBox*>(m_ui->alertsTable->cellWidget(row, kindColumn));
        const QTableWidgetItem* detail = m_ui->alertsTable->item(row, detailColumn);
        HealthAlert alert;
        alert.kind = static_cast<HealthAlertKind>(kinds->currentData().toInt());
        alert.detail = detail != nullptr ? detail->text() : QString();
        client.healthAlerts.append(alert);
    }
    return client;
}

bool ClientEditDialog::hasChanges() const
{
    const Client now = currentClient();
    if (now.fullName != m_original.fullName || now.phone != m_original.phone ||
        now.email != m_original.email || now.dateOfBirth != m_original.dateOfBirth ||
        now.notes != m_original.notes ||
        now.healthAlerts.size() != m_original.healthAlerts.size()) {
        return true;
    }
    for (qsizetype i = 0; i < now.healthAlerts.size(); ++i) {
        const HealthAlert& a = now.healthAlerts.at(i);
        const HealthAlert& b = m_original.healthAlerts.at(i);
        if (a.kind != b.kind || a.detail != b.detail) {
            return true;
        }
    }
    return false;
}

void ClientEditDialog::refresh()
{
    const FieldProblems problems =
        ClientService::problems(currentClient(), m_clinic.clock().nowUtc().date());
    showProblems(problems);
    m_ui->buttons->button(QDialogButtonBox::Save)->setEnabled(problems.isEmpty());
}

void ClientEditDialog::showProblems(const FieldProblems& problems)
{
    const std::pair<QLabel*, QString> labels[] = {
        {m_ui->nameError, QStringLiteral("name")},
        {m_ui->phoneError, QStringLiteral("phone")},
        {m_ui->emailError, QStringLiteral("email")},
        {m_ui->birthError, QStringLiteral("dateOfBirth")},
        {m_ui->alertsError, QStringLiteral("alerts")},
    };
    for (const auto& [label, field] : labels) {
        QString message = problemOf(problems, field);
        // A new client's empty name and phone are not mistakes yet, only unfinished.
        if (m_original.id == 0 && !hasChanges()) {
            message.clear();
        }
        label->setText(message);
        label->setVisible(!message.isEmpty());
    }
}

void ClientEditDialog::accept()
{
    ClientService clients = m_clinic.clients();
    const Client client = currentClient();
    if (client.id == 0) {
        const Result<Id> added = clients.add(client);
        if (!added) {
            m_errorLine->show(added.error().message);
            return;
        }
        m_savedId = *added;
    } else {
        const Status saved = clients.update(client);
        if (!saved) {
            m_errorLine->show(saved.error().message);
            return;
        }
        m_savedId = client.id;
    }
    QDialog::accept();
}

void ClientEditDialog::reject()
{
    if (hasChanges() &&
        QMessageBox::question(this, tr("Discard changes?"),
                              tr("The changes to this client have not been saved. Discard them?"),
                              QMessageBox::Discard | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Discard) {
        return;
    }
    QDialog::reject();
}

} // namespace masahista::gui

#include "ClientsPage.h"

#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/clients/ClientService.h"
#include "gui/dialogs/ClientDialog.h"
#include "gui/dialogs/ClientEditDialog.h"
#include "gui/models/ClientTableModel.h"
#include "ui_ClientsPage.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QRegularExpression>
#include <QTimer>

namespace masahista::gui {

namespace {

// Short enough to feel instant, long enough not to search on every keystroke of a fast typist.
constexpr int debounceMs = 150;

} // namespace

ClientsPage::ClientsPage(Clinic& clinic, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ClientsPage>())
    , m_clinic(clinic)
    , m_model(new ClientTableModel(this))
    , m_searchTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->resultsTable->setModel(m_model);
    m_ui->resultsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->resultsTable->horizontalHeader()->setStretchLastSection(true);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(debounceMs);

    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &ClientsPage::search);
    connect(m_ui->showArchivedCheck, &QCheckBox::toggled, this, &ClientsPage::search);
    // Down from the search box goes to the results, Enter there opens the card.
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, [this] {
        search();
        if (m_model->rowCount() > 0) {
            m_ui->resultsTable->setFocus();
            m_ui->resultsTable->selectRow(0);
        }
    });
    connect(m_ui->resultsTable, &QTableView::activated, this,
            [this] { openClient(currentClientId()); });
    connect(m_ui->openButton, &QPushButton::clicked, this,
            [this] { openClient(currentClientId()); });
    connect(m_ui->newButton, &QPushButton::clicked, this, &ClientsPage::newClient);
    m_ui->statusLabel->setText(tr("Type part of a name, phone number or e-mail address."));
    m_ui->openButton->setEnabled(false);
    connect(m_ui->resultsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { m_ui->openButton->setEnabled(currentClientId() != 0); });
}

ClientsPage::~ClientsPage() = default;

void ClientsPage::search()
{
    m_searchTimer->stop();
    const QString text = m_ui->searchEdit->text().trimmed();
    if (text.isEmpty()) {
        m_model->setClients({});
        m_ui->statusLabel->setText(tr("Type part of a name, phone number or e-mail address."));
        return;
    }
    const Result<QList<Client>> found =
        m_clinic.clients().find(text, resultLimit + 1, m_ui->showArchivedCheck->isChecked());
    if (!found) {
        m_model->setClients({});
        m_ui->statusLabel->setText(found.error().message);
        return;
    }
    QList<Client> clients = *found;
    const bool more = clients.size() > resultLimit;
    clients.resize(qMin<qsizetype>(clients.size(), resultLimit));
    m_model->setClients(std::move(clients));
    m_ui->openButton->setEnabled(false);
    m_ui->statusLabel->setText(
        more ? tr("The first %1 clients found; type more to narrow the search.").arg(resultLimit)
             : tr("%n client(s) found.", nullptr, m_model->rowCount()));
}

QString ClientsPage::status() const
{
    return m_ui->statusLabel->text();
}

Id ClientsPage::currentClientId() const
{
    const Client* client = m_model->clientAt(m_ui->resultsTable->currentIndex());
    return client != nullptr ? client->id : 0;
}

void ClientsPage::openClient(Id clientId)
{
    if (clientId == 0) {
        return;
    }
    ClientDialog dialog(m_clinic, clientId, this);
    Id chosenAppointment = 0;
    QDate chosenDate;
    bool book = false;
    connect(&dialog, &ClientDialog::appointmentActivated, this, [&](Id appointmentId, QDate date) {
        chosenAppointment = appointmentId;
        chosenDate = date;
    });
    connect(&dialog, &ClientDialog::bookRequested, this, [&] { book = true; });
    dialog.exec();
    // The card may have changed or archived the client.
    search();
    // Passed on once the card is closed, so that no dialog opens on top of another.
    if (book) {
        Q_EMIT bookRequested(clientId);
    } else if (chosenAppointment != 0) {
        Q_EMIT appointmentActivated(chosenAppointment, chosenDate);
    }
}

void ClientsPage::newClient()
{
    Client client;
    // What was searched for is usually the new client's name or number.
    const QString text = m_ui->searchEdit->text().trimmed();
    if (text.contains(QRegularExpression(QStringLiteral("\\d")))) {
        client.phone = text;
    } else {
        client.fullName = text;
    }
    ClientEditDialog dialog(m_clinic, client, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    openClient(dialog.savedId());
}

} // namespace masahista::gui

#include "ClientPicker.h"

#include "booking/Clinic.h"
#include "booking/clients/ClientService.h"
#include "booking/engine/IcsCalendar.h"
#include "gui/Keys.h"
#include "ui_ClientPicker.h"

#include <QKeyEvent>
#include <QTimer>

namespace masahista::gui {

namespace {

// Short enough to feel instant, long enough not to query on every keystroke of a fast typist.
constexpr int debounceMs = 150;
constexpr int searchLimit = 20;

QString clientLine(const Client& client)
{
    return client.phone.isEmpty() ? client.fullName
                                  : ClientPicker::tr("%1 — %2").arg(client.fullName, client.phone);
}

} // namespace

ClientPicker::ClientPicker(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ClientPicker>())
    , m_searchTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    setFocusProxy(m_ui->clientSearchEdit);
    m_ui->clientResultsList->hide();
    m_ui->clientAlertLabel->hide();
    m_ui->newClientWidget->hide();

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(debounceMs);
    connect(m_searchTimer, &QTimer::timeout, this, &ClientPicker::search);

    // The search box keeps the focus while arrows move through the results below it.
    m_ui->clientSearchEdit->installEventFilter(this);
    connect(m_ui->clientSearchEdit, &QLineEdit::textEdited, this, &ClientPicker::textEdited);
    connect(m_ui->clientResultsList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { pickResult(m_ui->clientResultsList->row(item)); });
    connect(m_ui->clientResultsList, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { pickResult(m_ui->clientResultsList->row(item)); });
    connect(m_ui->newClientCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->newClientWidget->setVisible(on);
        if (on) {
            if (m_ui->newNameEdit->text().isEmpty() && m_client.id == 0) {
                m_ui->newNameEdit->setText(m_ui->clientSearchEdit->text().trimmed());
            }
            m_ui->newNameEdit->setFocus();
        }
        Q_EMIT clientChanged();
    });
    connect(m_ui->newNameEdit, &QLineEdit::textChanged, this, &ClientPicker::clientChanged);
}

ClientPicker::~ClientPicker() = default;

void ClientPicker::setClinic(Clinic& clinic)
{
    m_clinic = &clinic;
}

bool ClientPicker::addingNew() const
{
    return m_client.id == 0 && m_ui->newClientCheck->isChecked();
}

bool ClientPicker::hasClient() const
{
    return m_client.id != 0 || (addingNew() && !m_ui->newNameEdit->text().trimmed().isEmpty());
}

void ClientPicker::pick(const Client& client)
{
    m_client = client;
    m_searchTimer->stop();
    m_ui->clientSearchEdit->setText(clientLine(client));
    m_ui->clientSearchEdit->setCursorPosition(0);
    m_ui->clientResultsList->clear();
    m_ui->clientResultsList->hide();
    m_results.clear();
    m_ui->newClientCheck->setChecked(false);
    showHealthAlerts();
    Q_EMIT clientChanged();
}

bool ClientPicker::pick(Id clientId)
{
    Result<Client> client = m_clinic->clients().byId(clientId);
    if (!client) {
        Q_EMIT problem(client.error().message);
        return false;
    }
    pick(*client);
    return true;
}

void ClientPicker::setFixed()
{
    m_ui->newClientCheck->hide();
    m_ui->clientSearchEdit->setReadOnly(true);
}

bool ClientPicker::ensureClient()
{
    if (!addingNew()) {
        return m_client.id != 0;
    }
    Client client;
    client.fullName = m_ui->newNameEdit->text();
    client.phone = m_ui->newPhoneEdit->text();
    client.email = m_ui->newEmailEdit->text();
    Result<Id> added = m_clinic->clients().add(client);
    if (!added) {
        Q_EMIT problem(added.error().message);
        m_ui->newNameEdit->setFocus();
        return false;
    }
    // As stored: the service tidies the name and phone the same way when it validates.
    Result<Client> stored = ClientService::validated(client);
    Client picked = stored ? *stored : client;
    picked.id = *added;
    pick(picked);
    m_ui->newNameEdit->clear();
    m_ui->newPhoneEdit->clear();
    m_ui->newEmailEdit->clear();
    return true;
}

void ClientPicker::textEdited()
{
    // Typing again means looking for someone else.
    if (m_client.id != 0) {
        m_client = Client{};
        showHealthAlerts();
        Q_EMIT clientChanged();
    }
    m_searchTimer->start();
}

void ClientPicker::search()
{
    m_searchTimer->stop();
    const QString text = m_ui->clientSearchEdit->text().trimmed();
    m_ui->clientResultsList->clear();
    m_results.clear();
    if (text.isEmpty()) {
        m_ui->clientResultsList->hide();
        return;
    }
    Result<QList<Client>> found = m_clinic->clients().find(text, searchLimit);
    if (!found) {
        Q_EMIT problem(found.error().message);
        return;
    }
    m_results = *found;
    for (const Client& client : std::as_const(m_results)) {
        m_ui->clientResultsList->addItem(clientLine(client));
    }
    if (m_results.isEmpty()) {
        m_ui->clientResultsList->addItem(tr("No client found; tick \"New client\" to add one."));
        m_ui->clientResultsList->item(0)->setFlags(Qt::NoItemFlags);
    } else {
        m_ui->clientResultsList->setCurrentRow(0);
    }
    m_ui->clientResultsList->show();
}

void ClientPicker::pickResult(int row)
{
    if (row >= 0 && row < m_results.size()) {
        pick(m_results.at(row));
        Q_EMIT chosen();
    }
}

void ClientPicker::showHealthAlerts()
{
    QStringList lines;
    for (const HealthAlert& alert : std::as_const(m_client.healthAlerts)) {
        lines.append(IcsCalendar::alertText(alert));
    }
    m_ui->clientAlertLabel->setText(lines.join(QLatin1Char('\n')));
    m_ui->clientAlertLabel->setVisible(!lines.isEmpty());
}

bool ClientPicker::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_ui->clientSearchEdit || event->type() != QEvent::KeyPress) {
        return QWidget::eventFilter(watched, event);
    }
    auto* key = static_cast<QKeyEvent*>(event);
    const bool arrow = key->key() == Qt::Key_Down || key->key() == Qt::Key_Up;
    if (m_searchTimer->isActive() && (arrow || isReturnKey(key))) {
        search();
    }
    QListWidget* list = m_ui->clientResultsList;
    const bool listed = list->isVisible() && !m_results.isEmpty();
    if (listed && arrow) {
        const int step = key->key() == Qt::Key_Down ? 1 : -1;
        list->setCurrentRow(qBound(0, list->currentRow() + step, list->count() - 1));
        return true;
    }
    // Ctrl+Enter is the form's: it saves.
    if (listed && isReturnKey(key) && !key->modifiers().testFlag(Qt::ControlModifier)) {
        pickResult(list->currentRow());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace masahista::gui

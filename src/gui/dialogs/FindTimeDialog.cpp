#include "FindTimeDialog.h"

#include "DayPhrase.h"
#include "booking/BookingRules.h"
#include "booking/BookingService.h"
#include "booking/ClientService.h"
#include "booking/ClinicTime.h"
#include "booking/Clock.h"
#include "booking/IcsCalendar.h"
#include "data/MassageTypeRepository.h"
#include "data/RoomRepository.h"
#include "data/SettingsRepository.h"
#include "data/TherapistRepository.h"
#include "ui_FindTimeDialog.h"

#include <QKeyEvent>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>

#include <cstdlib>
#include <utility>

namespace masahista::gui {

namespace {

// Short enough to feel instant, long enough not to query on every keystroke of a fast typist.
constexpr int debounceMs = 150;
constexpr int searchLimit = 20;
constexpr int slotLimit = 40;
// The length most often booked: offered first when the massage has it, or the nearest one.
constexpr int usualMinutes = 60;

const QString okStyle = QStringLiteral("QLabel { color: #1d5e20; background-color: #e8f5e9; "
                                       "border: 1px solid #a5d6a7; border-radius: 4px; "
                                       "padding: 6px; }");
const QString refusedStyle = QStringLiteral("QLabel { color: #8a1c1c; background-color: #fdecea; "
                                            "border: 1px solid #f1b0ac; border-radius: 4px; "
                                            "padding: 6px; }");

bool isReturn(const QKeyEvent* event)
{
    return event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
}

QString clientLine(const Client& client)
{
    return client.phone.isEmpty()
               ? client.fullName
               : FindTimeDialog::tr("%1 — %2").arg(client.fullName, client.phone);
}

} // namespace

FindTimeDialog::FindTimeDialog(Database& database, const Clock& clock, Actor actor, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::FindTimeDialog>())
    , m_database(database)
    , m_clock(clock)
    , m_actor(std::move(actor))
    , m_searchTimer(new QTimer(this))
    , m_refreshTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    m_ui->clientResultsList->hide();
    m_ui->clientAlertLabel->hide();
    m_ui->newClientWidget->hide();
    m_ui->dayPartCombo->addItem(tr("any time"), static_cast<int>(DayPart::Any));
    m_ui->dayPartCombo->addItem(tr("morning"), static_cast<int>(DayPart::Morning));
    m_ui->dayPartCombo->addItem(tr("afternoon"), static_cast<int>(DayPart::Afternoon));
    m_ui->dayPartCombo->addItem(tr("evening"), static_cast<int>(DayPart::Evening));

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(debounceMs);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(debounceMs);
    connect(m_searchTimer, &QTimer::timeout, this, &FindTimeDialog::searchClients);
    connect(m_refreshTimer, &QTimer::timeout, this, &FindTimeDialog::refresh);

    // The search box keeps the focus while arrows move through the results below it.
    m_ui->clientSearchEdit->installEventFilter(this);
    connect(m_ui->clientSearchEdit, &QLineEdit::textEdited, this,
            &FindTimeDialog::clientTextEdited);
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
    });

    connect(m_ui->typeCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) {
            fillDurations();
            fillTherapists();
            scheduleRefresh();
        }
    });
    for (QComboBox* combo : {m_ui->durationCombo, m_ui->dayPartCombo, m_ui->therapistCombo}) {
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling) {
                scheduleRefresh();
            }
        });
    }
    connect(m_ui->dayEdit, &QLineEdit::textEdited, this, &FindTimeDialog::scheduleRefresh);
    connect(m_ui->slotList, &QListWidget::currentRowChanged, this, &FindTimeDialog::showVerdict);
    connect(m_ui->slotList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { bookSlot(m_ui->slotList->row(item)); });
    connect(m_ui->bookButton, &QPushButton::clicked, this,
            [this] { bookSlot(m_ui->slotList->currentRow()); });
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);

    loadClinic();
    m_ui->clientSearchEdit->setFocus();
    refresh();
}

FindTimeDialog::~FindTimeDialog() = default;

void FindTimeDialog::loadClinic()
{
    Result<ClinicSettings> settings = SettingsRepository(m_database).load();
    m_zone = ClinicTime::zone(settings ? settings->timeZoneId : QString());
    if (!settings) {
        showError(settings.error().message);
    }
    Result<QList<Therapist>> therapists = TherapistRepository(m_database).all(false);
    Result<QList<MassageType>> types = MassageTypeRepository(m_database).all(false);
    Result<QList<Room>> rooms = RoomRepository(m_database).all(false);
    for (const Error* error :
         {therapists ? nullptr : &therapists.error(), types ? nullptr : &types.error(),
          rooms ? nullptr : &rooms.error()}) {
        if (error != nullptr) {
            showError(error->message);
        }
    }
    if (therapists) {
        m_therapists = *therapists;
    }
    if (types) {
        m_types = *types;
    }
    if (rooms) {
        m_rooms = *rooms;
    }
    fillTypes();
}

void FindTimeDialog::fillTypes()
{
    m_filling = true;
    m_ui->typeCombo->clear();
    for (const MassageType& type : std::as_const(m_types)) {
        if (type.active) {
            m_ui->typeCombo->addItem(type.name, type.id);
        }
    }
    m_filling = false;
    fillDurations();
    fillTherapists();
}

void FindTimeDialog::fillDurations()
{
    m_filling = true;
    m_ui->durationCombo->clear();
    int usual = 0;
    if (const MassageType* type = currentType()) {
        for (const DurationOption& option : type->options) {
            if (!option.active) {
                continue;
            }
            m_ui->durationCombo->addItem(tr("%1 min").arg(option.minutes), option.minutes);
            const int row = m_ui->durationCombo->count() - 1;
            const int best = m_ui->durationCombo->itemData(usual).toInt();
            if (std::abs(option.minutes - usualMinutes) < std::abs(best - usualMinutes)) {
                usual = row;
            }
        }
    }
    m_ui->durationCombo->setCurrentIndex(m_ui->durationCombo->count() > 0 ? usual : -1);
    m_filling = false;
}

// Only the therapists who can give the massage are offered, so that a preferred one is never a
// name that will be refused.
void FindTimeDialog::fillTherapists()
{
    const Id previous = m_ui->therapistCombo->currentData().toLongLong();
    const MassageType* type = currentType();
    const QDate today = ClinicTime::toLocal(m_clock.nowUtc(), m_zone).date();
    m_filling = true;
    m_ui->therapistCombo->clear();
    m_ui->therapistCombo->addItem(tr("Any qualified therapist"), Id{0});
    for (const Therapist& therapist : std::as_const(m_therapists)) {
        const bool qualified = type == nullptr || type->requiredModalityId == 0 ||
                               therapist.isCertifiedOn(type->requiredModalityId, today);
        if (therapist.active && qualified) {
            m_ui->therapistCombo->addItem(therapist.displayName, therapist.id);
        }
    }
    m_ui->therapistCombo->setCurrentIndex(qMax(0, m_ui->therapistCombo->findData(previous)));
    m_filling = false;
}

// --- the client ---

void FindTimeDialog::prefillClient(Id clientId)
{
    Result<Client> client = ClientService(m_database, m_clock).byId(clientId);
    if (!client) {
        showError(client.error().message);
        return;
    }
    pickClient(*client);
    m_ui->typeCombo->setFocus();
}

void FindTimeDialog::clientTextEdited()
{
    // Typing again means looking for someone else.
    if (m_client.id != 0) {
        m_client = Client();
        m_ui->clientAlertLabel->hide();
        scheduleRefresh();
    }
    m_searchTimer->start();
}

void FindTimeDialog::searchClients()
{
    m_searchTimer->stop();
    const QString text = m_ui->clientSearchEdit->text().trimmed();
    m_ui->clientResultsList->clear();
    m_results.clear();
    if (text.isEmpty()) {
        m_ui->clientResultsList->hide();
        return;
    }
    Result<QList<Client>> found = ClientService(m_database, m_clock).find(text, searchLimit);
    if (!found) {
        showError(found.error().message);
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

void FindTimeDialog::pickResult(int row)
{
    if (row >= 0 && row < m_results.size()) {
        pickClient(m_results.at(row));
        m_ui->typeCombo->setFocus();
    }
}

void FindTimeDialog::pickClient(const Client& client)
{
    m_client = client;
    m_searchTimer->stop();
    m_ui->clientSearchEdit->setText(clientLine(client));
    m_ui->clientSearchEdit->setCursorPosition(0);
    m_ui->clientResultsList->clear();
    m_ui->clientResultsList->hide();
    m_results.clear();
    m_ui->newClientCheck->setChecked(false);
    QStringList alerts;
    for (const HealthAlert& alert : std::as_const(m_client.healthAlerts)) {
        alerts.append(IcsCalendar::alertText(alert));
    }
    m_ui->clientAlertLabel->setText(alerts.join(QLatin1Char('\n')));
    m_ui->clientAlertLabel->setVisible(!alerts.isEmpty());
    m_ui->errorLabel->hide();
    // The client's own appointments change which times are free.
    scheduleRefresh();
}

bool FindTimeDialog::ensureClient()
{
    if (m_client.id != 0 || !m_ui->newClientCheck->isChecked()) {
        return m_client.id != 0;
    }
    Client client;
    client.fullName = m_ui->newNameEdit->text();
    client.phone = m_ui->newPhoneEdit->text();
    ClientService clients(m_database, m_clock);
    Result<Id> added = clients.add(client);
    if (!added) {
        showError(added.error().message);
        m_ui->newNameEdit->setFocus();
        return false;
    }
    // Picked at once, so that a refused booking tried again does not add the client twice.
    Result<Client> stored = clients.byId(*added);
    if (stored) {
        pickClient(*stored);
    } else {
        client.id = *added;
        pickClient(client);
    }
    m_ui->newNameEdit->clear();
    m_ui->newPhoneEdit->clear();
    return true;
}

// --- the free times ---

void FindTimeDialog::scheduleRefresh()
{
    if (!m_filling) {
        m_refreshTimer->start();
    }
}

void FindTimeDialog::refresh()
{
    m_refreshTimer->stop();
    m_ui->slotList->clear();
    m_freeSlots.clear();
    const MassageType* type = currentType();
    const int minutes = m_ui->durationCombo->currentData().toInt();
    const QDate today = ClinicTime::toLocal(m_clock.nowUtc(), m_zone).date();
    const DayPhrase day = DayPhrase::parse(m_ui->dayEdit->text(), today);
    m_ui->dayMeaningLabel->setText(day.isValid() ? day.text() : DayPhrase::hint());
    if (type == nullptr || minutes == 0 || !day.isValid()) {
        showVerdict();
        return;
    }
    SlotQuery query;
    query.massageTypeId = type->id;
    query.minutes = minutes;
    query.fromUtc = ClinicTime::toUtc(day.first, 0, m_zone);
    query.toUtc = ClinicTime::toUtc(day.first.addDays(day.days), 0, m_zone);
    query.therapistId = m_ui->therapistCombo->currentData().toLongLong();
    query.clientId = m_client.id;
    query.setDayPart(static_cast<DayPart>(m_ui->dayPartCombo->currentData().toInt()));
    query.limit = slotLimit;
    Result<QList<Slot>> found = Availability(m_database, m_clock).findSlots(query);
    if (!found) {
        m_ui->slotList->addItem(found.error().message);
        m_ui->slotList->item(0)->setFlags(Qt::NoItemFlags);
        showVerdict();
        return;
    }
    m_freeSlots = *found;
    for (const Slot& slot : std::as_const(m_freeSlots)) {
        const QString text = tr("%1 — %2, %3")
                                 .arg(BookingRules::localText(slot.startUtc, m_zone),
                                      therapistName(slot.therapistId), roomName(slot.roomId));
        m_ui->slotList->addItem(text);
    }
    if (m_freeSlots.isEmpty()) {
        m_ui->slotList->addItem(tr("Nothing free then; try another day or part of the day."));
        m_ui->slotList->item(0)->setFlags(Qt::NoItemFlags);
    } else {
        m_ui->slotList->setCurrentRow(0);
    }
    showVerdict();
}

// The live verdict on the time chosen, as booking it now would see it.
void FindTimeDialog::showVerdict()
{
    const int row = m_ui->slotList->currentRow();
    m_ui->bookButton->setEnabled(row >= 0 && row < m_freeSlots.size());
    if (row < 0 || row >= m_freeSlots.size()) {
        m_ui->verdictLabel->hide();
        return;
    }
    const Slot& slot = m_freeSlots.at(row);
    BookingRequest request;
    request.clientId = m_client.id;
    request.therapistId = slot.therapistId;
    request.massageTypeId = m_ui->typeCombo->currentData().toLongLong();
    request.minutes = m_ui->durationCombo->currentData().toInt();
    request.startUtc = slot.startUtc;
    request.roomId = slot.roomId;
    const Result<Verdict> verdict = BookingService(m_database, m_clock).check(request);
    const Violation* first = verdict ? verdict->first() : nullptr;
    if (verdict && first == nullptr) {
        m_ui->verdictLabel->setText(
            tr("✓ Free — %1, %2").arg(therapistName(slot.therapistId), roomName(slot.roomId)));
        m_ui->verdictLabel->setStyleSheet(okStyle);
    } else {
        m_ui->verdictLabel->setText(verdict ? first->message : verdict.error().message);
        m_ui->verdictLabel->setStyleSheet(refusedStyle);
    }
    m_ui->verdictLabel->show();
}

void FindTimeDialog::goToSlots()
{
    if (m_refreshTimer->isActive()) {
        refresh();
    }
    m_ui->slotList->setFocus();
}

void FindTimeDialog::bookSlot(int row)
{
    if (row < 0 || row >= m_freeSlots.size()) {
        return;
    }
    if (m_client.id == 0 && !m_ui->newClientCheck->isChecked()) {
        showError(tr("Choose a client first, or tick \"New client\"."));
        m_ui->clientSearchEdit->setFocus();
        return;
    }
    if (!ensureClient()) {
        return;
    }
    const Slot slot = m_freeSlots.at(row);
    BookingRequest request;
    request.clientId = m_client.id;
    request.therapistId = slot.therapistId;
    request.massageTypeId = m_ui->typeCombo->currentData().toLongLong();
    request.minutes = m_ui->durationCombo->currentData().toInt();
    request.startUtc = slot.startUtc;
    request.roomId = slot.roomId;
    Result<Appointment> appointment = BookingService(m_database, m_clock).book(request, m_actor);
    if (!appointment) {
        // Someone took it meanwhile: say why, and show what is free now.
        const QString refusal = appointment.error().message;
        refresh();
        showError(refusal);
        m_ui->slotList->setFocus();
        return;
    }
    m_booked = *appointment;
    m_ui->errorLabel->hide();
    accept();
}

void FindTimeDialog::showError(const QString& message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
}

// --- keyboard ---

void FindTimeDialog::keyPressEvent(QKeyEvent* event)
{
    if (isReturn(event)) {
        // Enter in the question goes to the answers; Enter on a free time has booked it.
        if (focusWidget() != m_ui->slotList && focusWidget() != m_ui->cancelButton) {
            goToSlots();
        }
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

bool FindTimeDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_ui->clientSearchEdit || event->type() != QEvent::KeyPress) {
        return QDialog::eventFilter(watched, event);
    }
    auto* key = static_cast<QKeyEvent*>(event);
    const bool arrow = key->key() == Qt::Key_Down || key->key() == Qt::Key_Up;
    if (m_searchTimer->isActive() && (arrow || isReturn(key))) {
        searchClients();
    }
    QListWidget* list = m_ui->clientResultsList;
    const bool listed = list->isVisible() && !m_results.isEmpty();
    if (listed && arrow) {
        const int step = key->key() == Qt::Key_Down ? 1 : -1;
        list->setCurrentRow(qBound(0, list->currentRow() + step, list->count() - 1));
        return true;
    }
    if (listed && isReturn(key)) {
        pickResult(list->currentRow());
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

// --- current choices ---

const MassageType* FindTimeDialog::currentType() const
{
    const Id id = m_ui->typeCombo->currentData().toLongLong();
    for (const MassageType& type : m_types) {
        if (type.id == id) {
            return &type;
        }
    }
    return nullptr;
}

QString FindTimeDialog::therapistName(Id therapistId) const
{
    for (const Therapist& therapist : m_therapists) {
        if (therapist.id == therapistId) {
            return therapist.displayName;
        }
    }
    return QString::number(therapistId);
}

QString FindTimeDialog::roomName(Id roomId) const
{
    for (const Room& room : m_rooms) {
        if (room.id == roomId) {
            return room.name;
        }
    }
    return roomId == 0 ? tr("no room") : QString::number(roomId);
}

} // namespace masahista::gui

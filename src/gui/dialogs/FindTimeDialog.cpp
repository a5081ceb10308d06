#include "FindTimeDialog.h"

#include "DayPhrase.h"
#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/engine/BookingChoices.h"
#include "booking/engine/BookingRules.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/ClinicTime.h"
#include "gui/FormErrorLine.h"
#include "gui/Keys.h"
#include "gui/ProblemColour.h"
#include "gui/dialogs/ClientPicker.h"
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
constexpr int slotLimit = 40;
// The length most often booked: offered first when the massage has it, or the nearest one.
constexpr int usualMinutes = 60;

} // namespace

FindTimeDialog::FindTimeDialog(Clinic& clinic, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::FindTimeDialog>())
    , m_clinic(clinic)
    , m_refreshTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    m_ui->errorLabel->hide();
    m_errorLine = new FormErrorLine(m_ui->errorLabel, this);
    m_ui->clientPicker->setClinic(m_clinic);
    m_ui->dayPartCombo->addItem(tr("any time"), static_cast<int>(DayPart::Any));
    m_ui->dayPartCombo->addItem(tr("morning"), static_cast<int>(DayPart::Morning));
    m_ui->dayPartCombo->addItem(tr("afternoon"), static_cast<int>(DayPart::Afternoon));
    m_ui->dayPartCombo->addItem(tr("evening"), static_cast<int>(DayPart::Evening));

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(debounceMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &FindTimeDialog::refresh);

    connect(m_ui->clientPicker, &ClientPicker::clientChanged, this, [this] {
        // The client's own appointments change which times are free.
        if (m_ui->clientPicker->client().id != 0) {
            m_errorLine->clear();
        }
        scheduleRefresh();
    });
    connect(m_ui->clientPicker, &ClientPicker::chosen, this,
            [this] { m_ui->typeCombo->setFocus(); });
    connect(m_ui->clientPicker, &ClientPicker::problem, this, &FindTimeDialog::showError);

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
    m_ui->clientPicker->setFocus();
    refresh();
}

FindTimeDialog::~FindTimeDialog() = default;

void FindTimeDialog::loadClinic()
{
    Result<BookingChoices> choices = m_clinic.bookingChoices();
    if (choices) {
        m_choices = std::move(choices).value();
    } else {
        m_choices.zone = ClinicTime::zone(QString());
        m_errorLine->show(choices.error().message, FormErrorLine::Until::Replaced);
    }
    fillTypes();
}

void FindTimeDialog::fillTypes()
{
    m_filling = true;
    m_ui->typeCombo->clear();
    for (const MassageType& type : std::as_const(m_choices.types)) {
        m_ui->typeCombo->addItem(type.name, type.id);
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
    const QDate today = ClinicTime::toLocal(m_clinic.clock().nowUtc(), m_choices.zone).date();
    m_filling = true;
    m_ui->therapistCombo->clear();
    m_ui->therapistCombo->addItem(tr("Any qualified therapist"), Id{0});
    for (const Therapist& therapist : std::as_const(m_choices.therapists)) {
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
    if (m_ui->clientPicker->pick(clientId)) {
        m_ui->typeCombo->setFocus();
    }
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
    const QDate today = ClinicTime::toLocal(m_clinic.clock().nowUtc(), m_choices.zone).date();
    const DayPhrase day = DayPhrase::parse(m_ui->dayEdit->text(), today);
    m_ui->dayMeaningLabel->setText(day.isValid() ? day.text() : DayPhrase::hint());
    if (type == nullptr || minutes == 0 || !day.isValid()) {
        showVerdict();
        return;
    }
    SlotQuery query;
    query.massageTypeId = type->id;
    query.minutes = minutes;
    query.fromUtc = ClinicTime::toUtc(day.first, 0, m_choices.zone);
    query.toUtc = ClinicTime::toUtc(day.first.addDays(day.days), 0, m_choices.zone);
    query.therapistId = m_ui->therapistCombo->currentData().toLongLong();
    query.clientId = m_ui->clientPicker->client().id;
    query.setDayPart(static_cast<DayPart>(m_ui->dayPartCombo->currentData().toInt()));
    query.limit = slotLimit;
    Result<QList<Slot>> found = m_clinic.availability().findSlots(query);
    if (!found) {
        m_ui->slotList->addItem(found.error().message);
        m_ui->slotList->item(0)->setFlags(Qt::NoItemFlags);
        showVerdict();
        return;
    }
    m_freeSlots = *found;
    for (const Slot& slot : std::as_const(m_freeSlots)) {
        const QString text =
            tr("%1 — %2, %3")
                .arg(BookingRules::localText(slot.startUtc, m_choices.zone),
                     m_choices.therapistName(slot.therapistId), m_choices.roomName(slot.roomId));
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

// The time chosen, said in full. It was free when listed; booking checks it again in its write
// transaction, so walking the list with the arrows asks the database nothing.
void FindTimeDialog::showVerdict()
{
    const int row = m_ui->slotList->currentRow();
    m_ui->bookButton->setEnabled(row >= 0 && row < m_freeSlots.size());
    if (row < 0 || row >= m_freeSlots.size()) {
        m_ui->verdictLabel->hide();
        return;
    }
    const Slot& slot = m_freeSlots.at(row);
    m_ui->verdictLabel->setText(
        tr("✓ Free — %1, %2")
            .arg(m_choices.therapistName(slot.therapistId), m_choices.roomName(slot.roomId)));
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
    ClientPicker& picker = *m_ui->clientPicker;
    if (picker.client().id == 0 && !picker.addingNew()) {
        showError(tr("Choose a client first, or tick \"New client\"."));
        picker.setFocus();
        return;
    }
    if (!picker.ensureClient()) {
        return;
    }
    const Slot slot = m_freeSlots.at(row);
    BookingRequest request;
    request.clientId = picker.client().id;
    request.therapistId = slot.therapistId;
    request.massageTypeId = m_ui->typeCombo->currentData().toLongLong();
    request.minutes = m_ui->durationCombo->currentData().toInt();
    request.startUtc = slot.startUtc;
    request.roomId = slot.roomId;
    Result<Appointment> appointment = m_clinic.bookings().book(request, m_clinic.actor());
    if (!appointment) {
        // Someone took it meanwhile: say why, and show what is free now.
        const QString refusal = appointment.error().message;
        refresh();
        showError(refusal);
        m_ui->slotList->setFocus();
        return;
    }
    m_booked = *appointment;
    m_errorLine->clear();
    accept();
}

void FindTimeDialog::showError(const QString& message)
{
    m_errorLine->show(message);
}

// --- keyboard ---

void FindTimeDialog::keyPressEvent(QKeyEvent* event)
{
    if (isReturnKey(event)) {
        // Enter in the question goes to the answers; Enter on a free time has booked it.
        if (focusWidget() != m_ui->slotList && focusWidget() != m_ui->cancelButton) {
            goToSlots();
        }
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

// --- current choices ---

const MassageType* FindTimeDialog::currentType() const
{
    return m_choices.type(m_ui->typeCombo->currentData().toLongLong());
}

} // namespace masahista::gui

#include "BookingDialog.h"

#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/engine/BookingChoices.h"
#include "booking/engine/BookingRules.h"
#include "booking/engine/ClinicTime.h"
#include "domain/Money.h"
#include "gui/FormErrorLine.h"
#include "gui/Keys.h"
#include "gui/dialogs/ClientPicker.h"
#include "ui_BookingDialog.h"

#include <QKeyEvent>
#include <QListWidget>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTimer>

#include <utility>

namespace masahista::gui {

namespace {

// Short enough to feel instant, long enough not to query on every keystroke of a fast typist.
constexpr int debounceMs = 150;
constexpr int slotLimit = 8;
// How far ahead "Next available" looks; a fully booked fortnight is worth saying so.
constexpr int slotSearchDays = 14;

const QString okStyle = QStringLiteral("QLabel { color: #1d5e20; background-color: #e8f5e9; "
                                       "border: 1px solid #a5d6a7; border-radius: 4px; "
                                       "padding: 6px; }");
const QString refusedStyle = QStringLiteral("QLabel { color: #8a1c1c; background-color: #fdecea; "
                                            "border: 1px solid #f1b0ac; border-radius: 4px; "
                                            "padding: 6px; }");
const QString softStyle = QStringLiteral("QLabel { color: #7a4b00; background-color: #fff4d6; "
                                         "border: 1px solid #f0d48a; border-radius: 4px; "
                                         "padding: 6px; }");

} // namespace

BookingDialog::BookingDialog(Clinic& clinic, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::BookingDialog>())
    , m_clinic(clinic)
    , m_refreshTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    m_errorLine = new FormErrorLine(m_ui->errorLabel, this);
    m_ui->clientPicker->setClinic(m_clinic);
    m_ui->overrideLabel->hide();
    m_ui->overrideEdit->hide();
    m_ui->seriesLabel->hide();
    m_ui->seriesList->hide();
    m_ui->skipConflictsCheck->hide();
    m_ui->intervalSpin->setEnabled(false);
    m_ui->countSpin->setEnabled(false);
    m_ui->countSpin->setMaximum(BookingService::maxOccurrences);
    m_ui->saveButton->setEnabled(false);
    m_ui->bookSlotButton->setEnabled(false);

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(debounceMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &BookingDialog::refresh);

    connect(m_ui->clientPicker, &ClientPicker::clientChanged, this, [this] {
        scheduleRefresh();
        updateSaveButton();
    });
    connect(m_ui->clientPicker, &ClientPicker::chosen, this,
            [this] { m_ui->typeCombo->setFocus(); });
    connect(m_ui->clientPicker, &ClientPicker::problem, this, &BookingDialog::showError);

    connect(m_ui->therapistCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) {
            fillTypes();
            scheduleRefresh();
        }
    });
    connect(m_ui->typeCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) {
            fillDurations();
            fillRooms();
            scheduleRefresh();
        }
    });
    connect(m_ui->durationCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) {
            m_preferredMinutes = currentMinutes();
            scheduleRefresh();
        }
    });
    connect(m_ui->roomCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) {
            scheduleRefresh();
        }
    });
    connect(m_ui->dateEdit, &QDateEdit::dateChanged, this, &BookingDialog::scheduleRefresh);
    connect(m_ui->timeEdit, &QTimeEdit::timeChanged, this, &BookingDialog::scheduleRefresh);
    connect(m_ui->timeEdit, &QTimeEdit::editingFinished, this, [this] {
        // Typed minutes land on the clinic's grid, the nearest step earlier.
        const QTime time = m_ui->timeEdit->time();
        const int minute = time.hour() * 60 + time.minute();
        const int snapped = minute - minute % m_stepMinutes;
        if (snapped != minute) {
            m_ui->timeEdit->setTime(QTime(snapped / 60, snapped % 60));
        }
    });
    connect(m_ui->overrideEdit, &QLineEdit::textChanged, this, &BookingDialog::updateSaveButton);
    connect(m_ui->anyTherapistCheck, &QCheckBox::toggled, this, &BookingDialog::scheduleRefresh);
    connect(m_ui->repeatCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->intervalSpin->setEnabled(on);
        m_ui->countSpin->setEnabled(on);
        m_ui->skipConflictsCheck->setVisible(on);
        m_ui->seriesLabel->setVisible(on);
        m_ui->seriesList->setVisible(on);
        scheduleRefresh();
    });
    connect(m_ui->intervalSpin, &QSpinBox::valueChanged, this, &BookingDialog::scheduleRefresh);
    connect(m_ui->countSpin, &QSpinBox::valueChanged, this, &BookingDialog::scheduleRefresh);
    connect(m_ui->skipConflictsCheck, &QCheckBox::toggled, this, &BookingDialog::updateSaveButton);

    connect(m_ui->slotList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { bookSlot(m_ui->slotList->row(item)); });
    connect(m_ui->slotList, &QListWidget::currentRowChanged, this,
            [this](int row) { m_ui->bookSlotButton->setEnabled(row >= 0); });
    connect(m_ui->bookSlotButton, &QPushButton::clicked, this,
            [this] { bookSlot(m_ui->slotList->currentRow()); });
    connect(m_ui->saveButton, &QPushButton::clicked, this, &BookingDialog::save);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);

    loadClinic();
    m_ui->clientPicker->setFocus();
    refresh();
}

BookingDialog::~BookingDialog()
{
    // QDialog's destructor hides the dialog, which moves the focus: a time field losing it then
    // reports editingFinished when the form is already gone.
    m_ui->timeEdit->disconnect(this);
}

void BookingDialog::loadClinic()
{
    m_filling = true;
    Result<BookingChoices> choices = m_clinic.bookingChoices();
    if (choices) {
        m_choices = std::move(choices).value();
        m_stepMinutes = qMax(1, m_choices.settings.bookingStepMinutes);
        // Arrows move the minutes by the clinic's booking step rather than by one.
        m_ui->timeEdit->setGridMinutes(m_stepMinutes);
    } else {
        m_choices.zone = ClinicTime::zone(QString());
        m_errorLine->show(choices.error().message, FormErrorLine::Until::Replaced);
    }

    // A new booking starts at the next step on the grid from now.
    const QDateTime local = ClinicTime::toLocal(m_clinic.clock().nowUtc(), m_choices.zone);
    // A minute already begun is past: 09:00:30 books from 09:15, not from 09:00.
    const bool minuteBegun = local.time().second() > 0 || local.time().msec() > 0;
    const int minute = ClinicTime::minuteOfDay(local) + (minuteBegun ? 1 : 0);
    const int next = (minute + m_stepMinutes - 1) / m_stepMinutes * m_stepMinutes;
    m_ui->dateEdit->setDate(local.date().addDays(next / (24 * 60)));
    m_ui->timeEdit->setTime(QTime((next % (24 * 60)) / 60, next % 60));
    m_filling = false;

    fillTherapists();
    fillTypes();
}

void BookingDialog::fillTherapists()
{
    m_filling = true;
    m_ui->therapistCombo->clear();
    for (const Therapist& therapist : std::as_const(m_choices.therapists)) {
        m_ui->therapistCombo->addItem(therapist.displayName, therapist.id);
    }
    m_filling = false;
}

// Types the therapist is not certified for stay listed, greyed out, so that the receptionist
// sees why a type cannot be chosen instead of wondering where it went.
void BookingDialog::fillTypes()
{
    const Id previous = m_ui->typeCombo->currentData().toLongLong();
    const Id therapistId = currentTherapistId();
    const Therapist* therapist = nullptr;
    for (const Therapist& candidate : std::as_const(m_choices.therapists)) {
        if (candidate.id == therapistId) {
            therapist = &candidate;
        }
    }
    const QDate day = m_ui->dateEdit->date();

    m_filling = true;
    m_ui->typeCombo->clear();
    auto* model = qobject_cast<QStandardItemModel*>(m_ui->typeCombo->model());
    int keep = -1;
    int firstCertified = -1;
    for (const MassageType& type : std::as_const(m_choices.types)) {
        const bool certified = type.requiredModalityId == 0 || therapist == nullptr ||
                               therapist->isCertifiedOn(type.requiredModalityId, day);
        const QString name = certified ? type.name : tr("%1 (not certified)").arg(type.name);
        m_ui->typeCombo->addItem(name, type.id);
        const int row = m_ui->typeCombo->count() - 1;
        if (!certified && model != nullptr) {
            model->item(row)->setEnabled(false);
        }
        if (certified && firstCertified < 0) {
            firstCertified = row;
        }
        if (certified && type.id == previous) {
            keep = row;
        }
    }
    m_ui->typeCombo->setCurrentIndex(keep >= 0 ? keep : qMax(firstCertified, 0));
    m_filling = false;
    fillDurations();
    fillRooms();
}

void BookingDialog::fillDurations()
{
    m_filling = true;
    m_ui->durationCombo->clear();
    int chosen = 0;
    if (const MassageType* type = currentType()) {
        for (const DurationOption& option : type->options) {
            if (!option.active) {
                continue;
            }
            m_ui->durationCombo->addItem(
                tr("%1 min — %2").arg(option.minutes).arg(Money(option.priceCents).toString()),
                option.minutes);
            if (option.minutes == m_preferredMinutes) {
                chosen = m_ui->durationCombo->count() - 1;
            }
        }
    }
    m_ui->durationCombo->setCurrentIndex(m_ui->durationCombo->count() > 0 ? chosen : -1);
    m_filling = false;
}

void BookingDialog::fillRooms()
{
    const Id previous = m_ui->roomCombo->currentData().toLongLong();
    const MassageType* type = currentType();
    m_filling = true;
    m_ui->roomCombo->clear();
    m_ui->roomCombo->addItem(tr("Automatic"), Id{0});
    int keep = 0;
    for (const Room& room : std::as_const(m_choices.rooms)) {
        if (type != nullptr && !type->roomKind.isEmpty() && room.kind != type->roomKind) {
            continue;
        }
        m_ui->roomCombo->addItem(room.name, room.id);
        if (room.id == previous) {
            keep = m_ui->roomCombo->count() - 1;
        }
    }
    m_ui->roomCombo->setCurrentIndex(keep);
    m_filling = false;
}

void BookingDialog::prefill(Id therapistId, const QDateTime& startUtc, int minutes)
{
    if (therapistId != 0) {
        const int row = m_ui->therapistCombo->findData(therapistId);
        if (row >= 0) {
            m_filling = true;
            m_ui->therapistCombo->setCurrentIndex(row);
            m_filling = false;
        }
    }
    if (startUtc.isValid()) {
        const QDateTime local = ClinicTime::toLocal(startUtc, m_choices.zone);
        m_ui->dateEdit->setDate(local.date());
        m_ui->timeEdit->setTime(local.time());
    }
    m_preferredMinutes = minutes;
    fillTypes();
    refresh();
}

void BookingDialog::editAppointment(const Appointment& appointment)
{
    m_editing = appointment;
    setWindowTitle(tr("Change appointment"));
    m_ui->saveButton->setText(tr("&Save changes"));
    m_ui->bookSlotButton->setText(tr("&Move there"));
    // One appointment changes here; a series is moved from the calendar.
    m_ui->repeatCheck->setChecked(false);
    m_ui->repeatCheck->hide();
    m_ui->intervalSpin->hide();
    m_ui->weeksLabel->hide();
    m_ui->countSpin->hide();
    m_ui->timesLabel->hide();
    prefillClient(appointment.clientId);
    m_ui->clientPicker->setFixed();

    m_filling = true;
    const int therapistRow = m_ui->therapistCombo->findData(appointment.therapistId);
    if (therapistRow >= 0) {
        m_ui->therapistCombo->setCurrentIndex(therapistRow);
    }
    const QDateTime local = ClinicTime::toLocal(appointment.startUtc, m_choices.zone);
    m_ui->dateEdit->setDate(local.date());
    m_ui->timeEdit->setTime(local.time());
    m_ui->notesEdit->setText(appointment.notes);
    m_filling = false;
    m_preferredMinutes = appointment.durationMinutes;
    fillTypes();
    m_filling = true;
    const int typeRow = m_ui->typeCombo->findData(appointment.massageTypeId);
    if (typeRow >= 0) {
        m_ui->typeCombo->setCurrentIndex(typeRow);
    }
    m_filling = false;
    fillDurations();
    fillRooms();
    m_filling = true;
    const int roomRow = m_ui->roomCombo->findData(appointment.roomId);
    m_ui->roomCombo->setCurrentIndex(qMax(roomRow, 0));
    m_filling = false;
    refresh();
    m_ui->timeEdit->setFocus();
}

void BookingDialog::prefillClient(Id clientId)
{
    m_ui->clientPicker->pick(clientId);
}

// --- live feedback ---

void BookingDialog::scheduleRefresh()
{
    if (!m_filling) {
        m_refreshTimer->start();
    }
}

void BookingDialog::refresh()
{
    m_refreshTimer->stop();
    refreshVerdict();
    refreshSlots();
    refreshSeries();
}

void BookingDialog::refreshVerdict()
{
    m_allowed = false;
    m_overridable = false;
    // A time the clocks skip or show twice is read as RFC 5545 reads it; the desk is told
    // which instant that is under whatever the check says.
    const QTime typed = m_ui->timeEdit->time();
    const QString clockNote = ClinicTime::wallTimeNote(
        m_ui->dateEdit->date(), typed.hour() * 60 + typed.minute(), m_choices.zone);
    const auto say = [this, &clockNote](const QString& text, const QString& style) {
        m_ui->verdictLabel->setText(clockNote.isEmpty() ? text
                                                        : text + QLatin1Char('\n') + clockNote);
        m_ui->verdictLabel->setStyleSheet(style);
    };
    const BookingRequest request = currentRequest();
    if (request.massageTypeId == 0 || request.therapistId == 0 || request.minutes == 0) {
        say(tr("Choose a therapist, a massage type and its length."), softStyle);
        updateSaveButton();
        return;
    }
    Result<Verdict> verdict = currentVerdict();
    if (!verdict) {
        say(verdict.error().message, refusedStyle);
        updateSaveButton();
        return;
    }
    m_allowed = verdict->allows(false);
    m_overridable = verdict->allows(true) && !m_allowed;
    if (m_allowed) {
        say(tr("✓ Free — %1").arg(m_choices.roomName(verdict->roomId)), okStyle);
    } else {
        const Violation* first = verdict->first();
        say(first != nullptr ? first->message : QString(),
            m_overridable ? softStyle : refusedStyle);
    }
    updateSaveButton();
}

void BookingDialog::refreshSlots()
{
    m_ui->slotList->clear();
    m_freeSlots.clear();
    m_ui->bookSlotButton->setEnabled(false);
    const MassageType* type = currentType();
    const int minutes = currentMinutes();
    if (type == nullptr || minutes == 0) {
        return;
    }
    SlotQuery query;
    query.massageTypeId = type->id;
    query.minutes = minutes;
    query.fromUtc = currentStartUtc();
    query.toUtc = query.fromUtc.addDays(slotSearchDays);
    query.therapistId = m_ui->anyTherapistCheck->isChecked() ? 0 : currentTherapistId();
    query.roomId = m_ui->roomCombo->currentData().toLongLong();
    query.limit = slotLimit;
    Result<QList<Slot>> found = m_clinic.availability().findSlots(query);
    if (!found) {
        m_ui->slotList->addItem(found.error().message);
        m_ui->slotList->item(0)->setFlags(Qt::NoItemFlags);
        return;
    }
    m_freeSlots = *found;
    // The therapist is named only when the list mixes therapists.
    for (const Slot& slot : std::as_const(m_freeSlots)) {
        const QString when = BookingRules::localText(slot.startUtc, m_choices.zone);
        const QString text = query.therapistId != 0
                                 ? tr("%1 — %2").arg(when, m_choices.roomName(slot.roomId))
                                 : tr("%1 — %2, %3")
                                       .arg(when, m_choices.therapistName(slot.therapistId),
                                            m_choices.roomName(slot.roomId));
        m_ui->slotList->addItem(text);
        m_ui->slotList->item(m_ui->slotList->count() - 1)->setToolTip(text);
    }
    if (m_freeSlots.isEmpty()) {
        m_ui->slotList->addItem(tr("Nothing free in the next %1 days.").arg(slotSearchDays));
        m_ui->slotList->item(0)->setFlags(Qt::NoItemFlags);
    }
}

void BookingDialog::refreshSeries()
{
    m_ui->seriesList->clear();
    if (!m_ui->repeatCheck->isChecked()) {
        return;
    }
    SeriesRequest request;
    request.first = currentRequest();
    request.intervalWeeks = m_ui->intervalSpin->value();
    request.count = m_ui->countSpin->value();
    Result<QList<Occurrence>> preview = m_clinic.bookings().previewSeries(request);
    if (!preview) {
        m_ui->seriesList->addItem(preview.error().message);
        return;
    }
    for (const Occurrence& occurrence : std::as_const(*preview)) {
        const QString when = BookingRules::localText(occurrence.startUtc, m_choices.zone);
        const Violation* problem = occurrence.verdict.first();
        m_ui->seriesList->addItem(problem == nullptr ? tr("✓ %1").arg(when)
                                                     : tr("✗ %1 — %2").arg(when, problem->message));
    }
}

void BookingDialog::updateSaveButton()
{
    const bool overriding = !m_ui->overrideEdit->text().trimmed().isEmpty();
    m_ui->overrideLabel->setVisible(m_overridable);
    m_ui->overrideEdit->setVisible(m_overridable);
    const bool hasClient = m_ui->clientPicker->hasClient();
    // A series whose conflicting dates are skipped may be booked even if the first one clashes.
    const bool skipping = m_ui->repeatCheck->isChecked() && m_ui->skipConflictsCheck->isChecked();
    const bool slotOk = m_allowed || (m_overridable && overriding) || skipping;
    m_ui->saveButton->setEnabled(hasClient && slotOk);
}

// --- booking ---

void BookingDialog::save()
{
    // The verdict may be a keystroke old; Ctrl+Enter must act on what the form shows now.
    if (m_refreshTimer->isActive()) {
        refresh();
    }
    updateSaveButton();
    if (!m_ui->saveButton->isEnabled()) {
        if (m_ui->clientPicker->client().id == 0 && !m_ui->clientPicker->addingNew()) {
            showError(tr("Choose a client first, or tick \"New client\"."));
        }
        return;
    }
    if (!m_ui->clientPicker->ensureClient()) {
        return;
    }
    BookingService service = m_clinic.bookings();
    if (isEditing()) {
        Result<Appointment> changed = service.change(currentChange(), m_clinic.actor());
        if (!changed) {
            showError(changed.error().message);
            refresh();
            return;
        }
        m_changed = *changed;
        m_errorLine->clear();
        accept();
        return;
    }
    if (m_ui->repeatCheck->isChecked()) {
        SeriesRequest request;
        request.first = currentRequest();
        request.intervalWeeks = m_ui->intervalSpin->value();
        request.count = m_ui->countSpin->value();
        Result<QList<Appointment>> series =
            service.bookSeries(request, m_ui->skipConflictsCheck->isChecked(), m_clinic.actor());
        if (!series) {
            showError(series.error().message);
            refresh();
            return;
        }
        finish(*series);
        return;
    }
    Result<Appointment> appointment = service.book(currentRequest(), m_clinic.actor());
    if (!appointment) {
        showError(appointment.error().message);
        refresh();
        return;
    }
    finish({*appointment});
}

void BookingDialog::bookSlot(int row)
{
    if (row < 0 || row >= m_freeSlots.size()) {
        return;
    }
    if (m_ui->clientPicker->client().id == 0 && !m_ui->clientPicker->addingNew()) {
        showError(tr("Choose a client first, or tick \"New client\"."));
        m_ui->clientPicker->setFocus();
        return;
    }
    if (!m_ui->clientPicker->ensureClient()) {
        return;
    }
    const Slot slot = m_freeSlots.at(row);
    if (isEditing()) {
        ChangeRequest change = currentChange();
        change.therapistId = slot.therapistId;
        change.roomId = slot.roomId;
        change.startUtc = slot.startUtc;
        change.overrideReason.clear();
        Result<Appointment> moved = m_clinic.bookings().change(change, m_clinic.actor());
        if (!moved) {
            showError(moved.error().message);
            refresh();
            return;
        }
        m_changed = *moved;
        m_ui->errorLabel->hide();
        accept();
        return;
    }
    BookingRequest request = currentRequest();
    request.therapistId = slot.therapistId;
    request.roomId = slot.roomId;
    request.startUtc = slot.startUtc;
    request.overrideReason.clear();
    Result<Appointment> appointment = m_clinic.bookings().book(request, m_clinic.actor());
    if (!appointment) {
        showError(appointment.error().message);
        refresh();
        return;
    }
    finish({*appointment});
}

void BookingDialog::finish(QList<Appointment> appointments)
{
    m_booked = std::move(appointments);
    m_errorLine->clear();
    accept();
}

void BookingDialog::showError(const QString& message)
{
    m_errorLine->show(message);
}

// --- keyboard ---

void BookingDialog::keyPressEvent(QKeyEvent* event)
{
    if (isReturnKey(event)) {
        if (event->modifiers().testFlag(Qt::ControlModifier)) {
            save();
        }
        // A plain Enter never saves: it would book half a form while the client still talks.
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

// --- current choices ---

const MassageType* BookingDialog::currentType() const
{
    return m_choices.type(m_ui->typeCombo->currentData().toLongLong());
}

Id BookingDialog::currentTherapistId() const
{
    return m_ui->therapistCombo->currentData().toLongLong();
}

int BookingDialog::currentMinutes() const
{
    return m_ui->durationCombo->currentData().toInt();
}

QDateTime BookingDialog::currentStartUtc() const
{
    const QTime time = m_ui->timeEdit->time();
    return ClinicTime::toUtc(m_ui->dateEdit->date(), time.hour() * 60 + time.minute(),
                             m_choices.zone);
}

BookingRequest BookingDialog::currentRequest() const
{
    BookingRequest request;
    request.clientId = m_ui->clientPicker->client().id;
    request.therapistId = currentTherapistId();
    const MassageType* type = currentType();
    request.massageTypeId = type != nullptr ? type->id : 0;
    request.minutes = currentMinutes();
    request.startUtc = currentStartUtc();
    request.roomId = m_ui->roomCombo->currentData().toLongLong();
    request.notes = m_ui->notesEdit->text();
    request.overrideReason = m_overridable ? m_ui->overrideEdit->text().trimmed() : QString();
    return request;
}

ChangeRequest BookingDialog::currentChange() const
{
    const BookingRequest wanted = currentRequest();
    ChangeRequest change;
    change.appointmentId = m_editing.id;
    change.startUtc = wanted.startUtc;
    change.therapistId = wanted.therapistId;
    change.massageTypeId = wanted.massageTypeId;
    change.minutes = wanted.minutes;
    // A room is insisted on only when the receptionist picked another one; otherwise the
    // service keeps the current room if it still suits, or finds one that does.
    if (wanted.roomId != m_editing.roomId) {
        change.roomId = wanted.roomId;
    }
    change.notes = wanted.notes;
    change.overrideReason = wanted.overrideReason;
    return change;
}

Result<Verdict> BookingDialog::currentVerdict()
{
    BookingService service = m_clinic.bookings();
    return isEditing() ? service.checkChange(currentChange()) : service.check(currentRequest());
}

} // namespace masahista::gui

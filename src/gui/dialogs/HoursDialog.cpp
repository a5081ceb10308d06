#include "HoursDialog.h"

#include "UnsavedChanges.h"
#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/engine/BookingRules.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/IcsCalendar.h"
#include "gui/DateInputs.h"
#include "gui/ProblemColour.h"
#include "gui/WeekHoursEditor.h"
#include "ui_HoursDialog.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QTimeZone>

#include <algorithm>

namespace masahista::gui {

namespace {

// Where a stranded appointment's row keeps what activating it needs.
constexpr int appointmentIdRole = Qt::UserRole;
constexpr int localDateRole = Qt::UserRole + 1;

enum TimeOffColumn
{
    FromColumn,
    ToColumn,
    ReasonColumn
};

enum StrandedColumn
{
    DateColumn,
    TimeColumn,
    ClientColumn,
    MassageColumn,
    StatusColumn
};

int minuteOf(QTime time)
{
    return time.hour() * 60 + time.minute();
}

bool sameTimeOff(const TimeOff& a, const TimeOff& b)
{
    // The reason is stored trimmed, so spaces typed around it change nothing.
    return a.startUtc == b.startUtc && a.endUtc == b.endUtc &&
           a.reason.trimmed() == b.reason.trimmed();
}

} // namespace

HoursDialog::HoursDialog(Clinic& clinic, Id therapistId, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::HoursDialog>())
    , m_clinic(clinic)
    , m_therapistId(therapistId)
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    m_ui->errorLabel->hide();
    m_ui->strandedBox->hide();
    m_ui->timeOffFromError->hide();
    m_ui->timeOffToError->hide();
    m_ui->timeOffReasonError->hide();
    // The editors show the clinic's wall clock, whatever the computer's own zone: UTC is
    // only the carrier, so that no local daylight-saving gap shifts what is typed.
    for (QDateTimeEdit* edit : {m_ui->timeOffFromEdit, m_ui->timeOffToEdit}) {
        edit->setTimeSpec(Qt::UTC);
        DateInputs::bound(edit);
        DateInputs::selectPartOnClick(edit);
    }
    m_ui->timeOffReasonEdit->setMaxLength(static_cast<int>(HoursService::maxReasonLength));
    m_ui->timeOffTable->horizontalHeader()->setSectionResizeMode(FromColumn,
                                                                 QHeaderView::ResizeToContents);
    m_ui->timeOffTable->horizontalHeader()->setSectionResizeMode(ToColumn,
                                                                 QHeaderView::ResizeToContents);
    m_ui->strandedTable->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->strandedTable->header()->setStretchLastSection(true);
    m_ui->timeOffEditor->hide();
    m_ui->removeTimeOffButton->setEnabled(false);
    m_ui->buttons->button(QDialogButtonBox::Save)->setEnabled(false);

    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &HoursDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &HoursDialog::reject);
    connect(m_ui->copyButton, &QPushButton::clicked, this, &HoursDialog::copyDay);
    connect(m_ui->addTimeOffButton, &QPushButton::clicked, this, &HoursDialog::addTimeOff);
    connect(m_ui->removeTimeOffButton, &QPushButton::clicked, this, &HoursDialog::removeTimeOff);
    connect(m_ui->timeOffTable, &QTableWidget::currentCellChanged, this,
            [this](int row) { selectTimeOff(row); });
    connect(m_ui->timeOffFromEdit, &QDateTimeEdit::dateTimeChanged, this,
            [this](const QDateTime& shown) {
                editTimeOff([this, &shown](TimeOff& off) { off.startUtc = fromEditor(shown); });
            });
    connect(m_ui->timeOffToEdit, &QDateTimeEdit::dateTimeChanged, this,
            [this](const QDateTime& shown) {
                editTimeOff([this, &shown](TimeOff& off) { off.endUtc = fromEditor(shown); });
            });
    connect(m_ui->timeOffReasonEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        editTimeOff([&text](TimeOff& off) { off.reason = text; });
    });
    // Activation is a double-click, or Enter for those who keep to the keyboard.
    connect(m_ui->strandedTable, &QTreeWidget::itemActivated, this,
            [this](const QTreeWidgetItem* item) {
                if (item != nullptr) {
                    Q_EMIT appointmentActivated(
                        item->data(DateColumn, appointmentIdRole).toLongLong(),
                        item->data(DateColumn, localDateRole).toDate());
                }
            });

    buildHoursTab();
    const Result<TherapistSchedule> schedule = m_clinic.hours().schedule(m_therapistId);
    if (!schedule) {
        showError(schedule.error().message);
        // Nothing to compare with: saving could overwrite hours that were never shown.
        m_ui->tabs->setEnabled(false);
        return;
    }
    m_loaded = *schedule;
    m_loadedOk = true;
    setWindowTitle(tr("Working hours: %1").arg(m_loaded.therapistName));
    m_ui->timeOffNote->setText(
        tr("Time off that is not over yet, in the clinic's time (%1). The therapist takes no "
           "bookings from its start up to its end.")
            .arg(QString::fromUtf8(m_loaded.zone.id())));
    m_hours->setGridMinutes(m_loaded.gridMinutes);
    showSchedule();
}

HoursDialog::~HoursDialog() = default;

void HoursDialog::buildHoursTab()
{
    m_hours = new WeekHoursEditor(
        m_ui->hoursGrid, m_ui->hoursContents, WeekHoursEditor::EmptyDay::DayOff,
        {QStringLiteral("startEdit"), QStringLiteral("endEdit"), tr("%1: starts at"),
         tr("%1: ends at"), tr("Another stretch of working hours on this day, after a break.")});
    connect(m_hours, &WeekHoursEditor::changed, this, &HoursDialog::revalidate);

    const QLocale locale;
    for (int weekday = 1; weekday <= 7; ++weekday) {
        const QString dayName = locale.dayName(weekday, QLocale::LongFormat);
        m_ui->copyFromCombo->addItem(dayName, weekday);
        QCheckBox* copyTo =
            new QCheckBox(locale.dayName(weekday, QLocale::ShortFormat), m_ui->copyBox);
        copyTo->setObjectName(QStringLiteral("copyTo%1").arg(weekday));
        copyTo->setAccessibleName(tr("Copy to %1").arg(dayName));
        m_ui->copyDaysLayout->addWidget(copyTo);
        m_copyTo.at(weekday - 1) = copyTo;
    }

    // A day is not copied onto itself.
    const auto sourceChanged = [this] {
        const int source = m_ui->copyFromCombo->currentData().toInt();
        for (int weekday = 1; weekday <= 7; ++weekday) {
            QCheckBox* box = m_copyTo.at(weekday - 1);
            if (weekday == source) {
                box->setChecked(false);
            }
            box->setEnabled(weekday != source);
        }
    };
    connect(m_ui->copyFromCombo, &QComboBox::currentIndexChanged, this, sourceChanged);
    sourceChanged();
}

void HoursDialog::copyDay()
{
    const int source = m_ui->copyFromCombo->currentData().toInt();
    QList<WeeklyInterval> intervals;
    for (const WeeklyInterval& interval : formHours()) {
        if (interval.weekday == source) {
            intervals.append(interval);
        }
    }
    for (int weekday = 1; weekday <= 7; ++weekday) {
        if (weekday == source || !m_copyTo.at(weekday - 1)->isChecked()) {
            continue;
        }
        m_hours->setDay(weekday, intervals);
    }
    revalidate();
}

void HoursDialog::addTimeOff()
{
    // The whole of the clinic's next day: the usual request, easily narrowed.
    const QDate today = ClinicTime::toLocal(m_clinic.clock().nowUtc(), m_loaded.zone).date();
    m_timeOff.append({0, m_therapistId, ClinicTime::toUtc(today.addDays(1), 0, m_loaded.zone),
                      ClinicTime::toUtc(today.addDays(2), 0, m_loaded.zone), QString()});
    const int row = m_ui->timeOffTable->rowCount();
    m_ui->timeOffTable->insertRow(row);
    showTimeOffRow(row);
    m_ui->timeOffTable->setCurrentCell(row, FromColumn);
    m_ui->timeOffFromEdit->setFocus();
    revalidate();
}

void HoursDialog::removeTimeOff()
{
    const int row = m_ui->timeOffTable->currentRow();
    if (row < 0 || row >= m_timeOff.size()) {
        return;
    }
    m_timeOff.removeAt(row);
    m_ui->timeOffTable->removeRow(row);
    selectTimeOff(m_ui->timeOffTable->currentRow());
    revalidate();
}

void HoursDialog::showTimeOffRow(int row)
{
    const TimeOff& off = m_timeOff.at(row);
    const auto text = [this](const QDateTime& instant) {
        return instant.isValid() ? BookingRules::localText(instant, m_loaded.zone) : QString();
    };
    QTableWidget* table = m_ui->timeOffTable;
    const std::pair<int, QString> cells[] = {
        {FromColumn, text(off.startUtc)}, {ToColumn, text(off.endUtc)}, {ReasonColumn, off.reason}};
    for (const auto& [column, value] : cells) {
        QTableWidgetItem* item = table->item(row, column);
        if (item == nullptr) {
            item = new QTableWidgetItem;
            table->setItem(row, column, item);
        }
        item->setText(value);
    }
}

void HoursDialog::selectTimeOff(int row)
{
    const bool selected = row >= 0 && row < m_timeOff.size();
    // Hidden rather than disabled, so that no made-up date is shown for nothing selected.
    m_ui->timeOffEditor->setVisible(selected);
    m_ui->removeTimeOffButton->setEnabled(selected);
    if (!selected) {
        return;
    }
    const TimeOff& off = m_timeOff.at(row);
    const bool filling = m_filling;
    m_filling = true;
    showInEditor(m_ui->timeOffFromEdit, off.startUtc);
    showInEditor(m_ui->timeOffToEdit, off.endUtc);
    m_ui->timeOffReasonEdit->setText(off.reason);
    m_filling = filling;
    revalidate();
}

void HoursDialog::editTimeOff(const std::function<void(TimeOff&)>& edit)
{
    const int row = m_ui->timeOffTable->currentRow();
    if (m_filling || row < 0 || row >= m_timeOff.size()) {
        return;
    }
    edit(m_timeOff[row]);
    showTimeOffRow(row);
    revalidate();
}

QDateTime HoursDialog::fromEditor(const QDateTime& shown) const
{
    return ClinicTime::toUtc(shown.date(), minuteOf(shown.time()), m_loaded.zone);
}

void HoursDialog::showInEditor(QDateTimeEdit* edit, const QDateTime& instant) const
{
    const QDateTime local = ClinicTime::toLocal(instant, m_loaded.zone);
    edit->setDateTime(QDateTime(local.date(), local.time(), QTimeZone::utc()));
}

void HoursDialog::showSchedule()
{
    m_filling = true;
    m_hours->setWeek(m_loaded.hours);
    m_timeOff = m_loaded.timeOff;
    m_ui->timeOffTable->setRowCount(static_cast<int>(m_timeOff.size()));
    for (int row = 0; row < m_timeOff.size(); ++row) {
        showTimeOffRow(row);
    }
    if (!m_timeOff.isEmpty()) {
        m_ui->timeOffTable->setCurrentCell(0, FromColumn);
    }
    m_filling = false;
    revalidate();
}

QList<WeeklyInterval> HoursDialog::formHours() const
{
    return m_hours->week();
}

ScheduleChange HoursDialog::formChange() const
{
    ScheduleChange change;
    change.therapistId = m_therapistId;
    const QList<WeeklyInterval> hours = HoursService::normalized(formHours());
    if (hours != HoursService::normalized(m_loaded.hours)) {
        change.hours = hours;
    }
    QSet<Id> kept;
    for (const TimeOff& off : m_timeOff) {
        if (off.id == 0) {
            change.addedTimeOff.append(off);
            continue;
        }
        kept.insert(off.id);
        const auto loaded = std::find_if(m_loaded.timeOff.cbegin(), m_loaded.timeOff.cend(),
                                         [&off](const TimeOff& each) { return each.id == off.id; });
        if (loaded == m_loaded.timeOff.cend() || !sameTimeOff(*loaded, off)) {
            change.changedTimeOff.append(off);
        }
    }
    for (const TimeOff& off : m_loaded.timeOff) {
        if (!kept.contains(off.id)) {
            change.removedTimeOff.append(off.id);
        }
    }
    return change;
}

bool HoursDialog::hasUnsavedChanges() const
{
    if (!m_loadedOk) {
        return false;
    }
    const ScheduleChange change = formChange();
    return change.hours.has_value() || !change.addedTimeOff.isEmpty() ||
           !change.changedTimeOff.isEmpty() || !change.removedTimeOff.isEmpty();
}

void HoursDialog::revalidate()
{
    if (m_filling || !m_loadedOk) {
        return;
    }
    const FieldProblems hoursProblems =
        HoursService::weekProblems(formHours(), m_loaded.gridMinutes);
    bool timeOffValid = true;
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int row = 0; row < m_timeOff.size(); ++row) {
        const FieldProblems problems = HoursService::timeOffProblems(m_timeOff.at(row));
        timeOffValid = timeOffValid && problems.isEmpty();
        // Rows other than the selected one show their problem as an icon and a tooltip.
        if (QTableWidgetItem* item = m_ui->timeOffTable->item(row, FromColumn)) {
            item->setIcon(problems.isEmpty() ? QIcon() : warning);
            QStringList messages;
            for (const FieldProblem& problem : problems) {
                messages.append(problem.message);
            }
            item->setToolTip(messages.join(QLatin1Char(' ')));
        }
    }
    showProblems(hoursProblems, timeOffValid);

    const bool changed = hasUnsavedChanges();
    const bool valid = hoursProblems.isEmpty() && timeOffValid;
    bool checked = true;
    QList<CalendarEntry> stranded;
    m_ui->errorLabel->hide();
    if (valid && changed) {
        // Asked again at every change, so the list is there before Save is even tried.
        const Result<QList<CalendarEntry>> found = m_clinic.hours().strandedBy(formChange());
        if (found) {
            stranded = *found;
        } else {
            checked = false;
            showError(found.error().message);
        }
    }
    showStranded(stranded);
    m_ui->buttons->button(QDialogButtonBox::Save)
        ->setEnabled(valid && changed && checked && stranded.isEmpty());
}

void HoursDialog::showProblems(const FieldProblems& hoursProblems, bool timeOffValid)
{
    const bool hoursTab = m_hours->showProblems(hoursProblems, &HoursService::dayField);

    const int row = m_ui->timeOffTable->currentRow();
    const FieldProblems selected = row >= 0 && row < m_timeOff.size()
                                       ? HoursService::timeOffProblems(m_timeOff.at(row))
                                       : FieldProblems();
    const std::pair<QLabel*, QString> fields[] = {
        {m_ui->timeOffFromError, QStringLiteral("timeOff.start")},
        {m_ui->timeOffToError, QStringLiteral("timeOff.end")},
        {m_ui->timeOffReasonError, QStringLiteral("timeOff.reason")}};
    for (const auto& [label, field] : fields) {
        const QString message = problemOf(selected, field);
        label->setText(message);
        label->setVisible(!message.isEmpty());
    }

    // A problem on the other tab would otherwise keep Save disabled with no visible reason.
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    m_ui->tabs->setTabIcon(m_ui->tabs->indexOf(m_ui->hoursTab), hoursTab ? warning : QIcon());
    m_ui->tabs->setTabIcon(m_ui->tabs->indexOf(m_ui->timeOffTab), timeOffValid ? QIcon() : warning);
}

void HoursDialog::showStranded(const QList<CalendarEntry>& stranded)
{
    QTreeWidget* table = m_ui->strandedTable;
    table->clear();
    m_ui->strandedBox->setVisible(!stranded.isEmpty());
    if (stranded.isEmpty()) {
        return;
    }
    m_ui->strandedLabel->setText(
        tr("%n booked appointment(s) would be left outside these hours or in time off. Move or "
           "cancel them first, then save; double-click one to find it in the calendar.",
           nullptr, static_cast<int>(stranded.size())));
    const QLocale locale;
    for (const CalendarEntry& entry : stranded) {
        const Appointment& appointment = entry.appointment;
        const QDateTime start = ClinicTime::toLocal(appointment.startUtc, m_loaded.zone);
        const QDateTime end = ClinicTime::toLocal(appointment.endUtc, m_loaded.zone);
        auto* item = new QTreeWidgetItem(table);
        item->setText(DateColumn,
                      tr("%1 %2", "weekday and date")
                          .arg(locale.dayName(start.date().dayOfWeek(), QLocale::ShortFormat),
                               start.date().toString(Qt::ISODate)));
        item->setText(TimeColumn,
                      tr("%1–%2").arg(ClinicTime::formatMinute(ClinicTime::minuteOfDay(start)),
                                      ClinicTime::formatMinute(ClinicTime::minuteOfDay(end))));
        item->setText(ClientColumn, entry.clientName);
        item->setText(MassageColumn,
                      tr("%1, %2 min").arg(entry.serviceName).arg(appointment.durationMinutes));
        item->setText(StatusColumn, IcsCalendar::statusText(appointment.status));
        item->setData(DateColumn, appointmentIdRole, appointment.id);
        item->setData(DateColumn, localDateRole, start.date());
    }
}

void HoursDialog::showError(const QString& message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
}

void HoursDialog::accept()
{
    if (!m_loadedOk) {
        return;
    }
    if (!hasUnsavedChanges()) {
        QDialog::accept();
        return;
    }
    const Status saved = m_clinic.hours().apply(formChange(), m_clinic.actor());
    if (!saved) {
        // Another desk may have booked in the meantime: the list shows what is in the way now.
        revalidate();
        const bool listed =
            saved.error().code == ErrorCode::Conflict && m_ui->strandedBox->isVisibleTo(this);
        showError(listed ? tr("Not saved: the appointments listed below are in the way.")
                         : saved.error().message);
        return;
    }
    Q_EMIT hoursSaved(m_therapistId);
    QDialog::accept();
}

void HoursDialog::reject()
{
    rejectAfterAsking(this, hasUnsavedChanges(),
                      tr("The working hours or time off of %1 have changes that are not saved.")
                          .arg(m_loaded.therapistName),
                      m_ui->buttons->button(QDialogButtonBox::Save)->isEnabled());
}

} // namespace masahista::gui

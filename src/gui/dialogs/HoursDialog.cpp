#include "HoursDialog.h"

#include "booking/BookingRules.h"
#include "booking/ClinicTime.h"
#include "booking/Clock.h"
#include "booking/IcsCalendar.h"
#include "gui/DateInputs.h"
#include "gui/GridTimeEdit.h"
#include "gui/ProblemColour.h"
#include "ui_HoursDialog.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QTimeZone>

#include <algorithm>

namespace masahista::gui {

namespace {

constexpr int minutesPerDay = 24 * 60;
constexpr int defaultStart = 9 * 60;
constexpr int defaultEnd = 17 * 60;

// Where a stranded appointment's row keeps what activating it needs.
constexpr int appointmentIdRole = Qt::UserRole;
constexpr int localDateRole = Qt::UserRole + 1;

// The same red as the inline messages drawn by the form file.

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

QTime timeOf(int minute)
{
    // A time edit stops at 23:59, so the end of the day is shown as 00:00.
    return QTime(0, 0).addSecs(qint64{minute % minutesPerDay} * 60);
}

bool sameTimeOff(const TimeOff& a, const TimeOff& b)
{
    // The reason is stored trimmed, so spaces typed around it change nothing.
    return a.startUtc == b.startUtc && a.endUtc == b.endUtc &&
           a.reason.trimmed() == b.reason.trimmed();
}

} // namespace

HoursDialog::HoursDialog(Database& database, const Clock& clock, Actor actor, Id therapistId,
                         QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::HoursDialog>())
    , m_database(database)
    , m_clock(clock)
    , m_actor(std::move(actor))
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
    const Result<TherapistSchedule> schedule =
        HoursService(m_database, m_clock).schedule(m_therapistId);
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
    showSchedule();
}

HoursDialog::~HoursDialog() = default;

void HoursDialog::buildHoursTab()
{
    const QLocale locale;
    for (int weekday = 1; weekday <= 7; ++weekday) {
        DayRow& day = m_days.at(weekday - 1);
        const int gridRow = (weekday - 1) * 2;
        const QString dayName = locale.dayName(weekday, QLocale::LongFormat);
        auto* name = new QLabel(dayName, m_ui->hoursContents);
        m_ui->hoursGrid->addWidget(name, gridRow, 0, Qt::AlignTop);

        day.intervalsWidget = new QWidget(m_ui->hoursContents);
        day.intervalsWidget->setObjectName(QStringLiteral("hoursDay%1").arg(weekday));
        day.intervals = new QVBoxLayout(day.intervalsWidget);
        day.intervals->setContentsMargins(0, 0, 0, 0);
        day.dayOff = new QLabel(tr("Day off"), day.intervalsWidget);
        day.dayOff->setObjectName(QStringLiteral("dayOffLabel"));
        day.dayOff->setEnabled(false);
        day.intervals->addWidget(day.dayOff);
        m_ui->hoursGrid->addWidget(day.intervalsWidget, gridRow, 1);

        day.add = new QPushButton(tr("Add hours"), m_ui->hoursContents);
        day.add->setObjectName(QStringLiteral("addHoursButton%1").arg(weekday));
        day.add->setAccessibleName(tr("Add hours on %1").arg(dayName));
        day.add->setToolTip(tr("Another stretch of working hours on this day, after a break."));
        day.add->setAutoDefault(false);
        m_ui->hoursGrid->addWidget(day.add, gridRow, 2, Qt::AlignTop);

        day.error = new QLabel(m_ui->hoursContents);
        day.error->setObjectName(QStringLiteral("hoursError%1").arg(weekday));
        day.error->setWordWrap(true);
        day.error->setTextFormat(Qt::PlainText);
        day.error->setStyleSheet(ProblemColour::styleSheet());
        day.error->hide();
        m_ui->hoursGrid->addWidget(day.error, gridRow + 1, 1, 1, 2);

        m_ui->copyFromCombo->addItem(dayName, weekday);
        day.copyTo = new QCheckBox(locale.dayName(weekday, QLocale::ShortFormat), m_ui->copyBox);
        day.copyTo->setObjectName(QStringLiteral("copyTo%1").arg(weekday));
        day.copyTo->setAccessibleName(tr("Copy to %1").arg(dayName));
        m_ui->copyDaysLayout->addWidget(day.copyTo);

        connect(day.add, &QPushButton::clicked, this, [this, weekday] {
            addIntervalAfterLast(weekday);
            revalidate();
        });
    }
    m_ui->hoursGrid->setColumnStretch(1, 1);
    m_ui->hoursGrid->setRowStretch(14, 1);

    // A day is not copied onto itself.
    const auto sourceChanged = [this] {
        const int source = m_ui->copyFromCombo->currentData().toInt();
        for (int weekday = 1; weekday <= 7; ++weekday) {
            QCheckBox* box = m_days.at(weekday - 1).copyTo;
            if (weekday == source) {
                box->setChecked(false);
            }
            box->setEnabled(weekday != source);
        }
    };
    connect(m_ui->copyFromCombo, &QComboBox::currentIndexChanged, this, sourceChanged);
    sourceChanged();
}

void HoursDialog::addInterval(int weekday, int startMinute, int endMinute)
{
    DayRow& day = m_days.at(weekday - 1);
    const QString dayName = QLocale().dayName(weekday, QLocale::LongFormat);
    IntervalRow interval;
    interval.row = new QWidget(day.intervalsWidget);
    auto* layout = new QHBoxLayout(interval.row);
    layout->setContentsMargins(0, 0, 0, 0);
    interval.start = new GridTimeEdit(interval.row);
    interval.start->setObjectName(QStringLiteral("startEdit"));
    interval.start->setAccessibleName(tr("%1: starts at").arg(dayName));
    interval.end = new GridTimeEdit(interval.row);
    interval.end->setObjectName(QStringLiteral("endEdit"));
    interval.end->setAccessibleName(tr("%1: ends at").arg(dayName));
    interval.end->setEndOfDay(true);
    for (GridTimeEdit* edit : {interval.start, interval.end}) {
        edit->setGridMinutes(m_loaded.gridMinutes);
    }
    interval.start->setTime(timeOf(startMinute));
    interval.end->setTime(timeOf(endMinute));
    auto* remove = new QPushButton(tr("Remove"), interval.row);
    remove->setObjectName(QStringLiteral("removeHoursButton"));
    remove->setAccessibleName(tr("Remove these hours on %1").arg(dayName));
    remove->setAutoDefault(false);
    layout->addWidget(interval.start);
    layout->addWidget(new QLabel(QStringLiteral("–"), interval.row));
    layout->addWidget(interval.end);
    layout->addWidget(remove);
    layout->addStretch(1);
    day.intervals->addWidget(interval.row);
    day.rows.append(interval);

    connect(interval.start, &QTimeEdit::timeChanged, this, &HoursDialog::revalidate);
    connect(interval.end, &QTimeEdit::timeChanged, this, &HoursDialog::revalidate);
    QWidget* row = interval.row;
    connect(remove, &QPushButton::clicked, this, [this, weekday, row] {
        removeInterval(weekday, row);
        revalidate();
    });
    updateDay(weekday);
}

void HoursDialog::addIntervalAfterLast(int weekday)
{
    const DayRow& day = m_days.at(weekday - 1);
    if (day.rows.isEmpty()) {
        addInterval(weekday, defaultStart, defaultEnd);
        return;
    }
    int lastEnd = minuteOf(day.rows.last().end->time());
    if (lastEnd == 0) {
        lastEnd = minutesPerDay;
    }
    // An hour's break, then a few hours more; the checks say so if the day has no room left.
    const int start = std::min(lastEnd + 60, minutesPerDay - 60);
    addInterval(weekday, start, std::min(start + 3 * 60, minutesPerDay));
}

void HoursDialog::removeInterval(int weekday, QWidget* row)
{
    DayRow& day = m_days.at(weekday - 1);
    const auto found = std::find_if(day.rows.begin(), day.rows.end(),
                                    [row](const IntervalRow& each) { return each.row == row; });
    if (found == day.rows.end()) {
        return;
    }
    day.rows.erase(found);
    // Out of the form at once, deleted later: this may run inside the row's own button's signal.
    row->hide();
    row->setParent(nullptr);
    row->deleteLater();
    updateDay(weekday);
}

void HoursDialog::setDay(int weekday, const QList<WeeklyInterval>& intervals)
{
    DayRow& day = m_days.at(weekday - 1);
    while (!day.rows.isEmpty()) {
        removeInterval(weekday, day.rows.last().row);
    }
    for (const WeeklyInterval& interval : intervals) {
        addInterval(weekday, interval.startMinute, interval.endMinute);
    }
    updateDay(weekday);
}

void HoursDialog::updateDay(int weekday)
{
    const DayRow& day = m_days.at(weekday - 1);
    day.dayOff->setVisible(day.rows.isEmpty());
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
        if (weekday == source || !m_days.at(weekday - 1).copyTo->isChecked()) {
            continue;
        }
        setDay(weekday, intervals);
    }
    revalidate();
}

void HoursDialog::addTimeOff()
{
    // The whole of the clinic's next day: the usual request, easily narrowed.
    const QDate today = ClinicTime::toLocal(m_clock.nowUtc(), m_loaded.zone).date();
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
    for (int weekday = 1; weekday <= 7; ++weekday) {
        QList<WeeklyInterval> intervals;
        for (const WeeklyInterval& interval : m_loaded.hours) {
            if (interval.weekday == weekday) {
                intervals.append(interval);
            }
        }
        setDay(weekday, intervals);
    }
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
    QList<WeeklyInterval> hours;
    for (int weekday = 1; weekday <= 7; ++weekday) {
        for (const IntervalRow& interval : m_days.at(weekday - 1).rows) {
            const int end = minuteOf(interval.end->time());
            hours.append(
                {weekday, minuteOf(interval.start->time()), end == 0 ? minutesPerDay : end});
        }
    }
    return hours;
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
        const Result<QList<CalendarEntry>> found =
            HoursService(m_database, m_clock).strandedBy(formChange());
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
    bool hoursTab = false;
    for (int weekday = 1; weekday <= 7; ++weekday) {
        QLabel* label = m_days.at(weekday - 1).error;
        const QString message = problemOf(hoursProblems, HoursService::dayField(weekday));
        label->setText(message);
        label->setVisible(!message.isEmpty());
        hoursTab = hoursTab || !message.isEmpty();
    }

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
    const Status saved = HoursService(m_database, m_clock).apply(formChange(), m_actor);
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
    if (hasUnsavedChanges()) {
        const bool canSave = m_ui->buttons->button(QDialogButtonBox::Save)->isEnabled();
        const QMessageBox::StandardButtons choices =
            canSave ? QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel
                    : QMessageBox::Discard | QMessageBox::Cancel;
        const QMessageBox::StandardButton choice = QMessageBox::question(
            this, tr("Unsaved changes"),
            tr("The working hours or time off of %1 have changes that are not saved.")
                .arg(m_loaded.therapistName),
            choices, QMessageBox::Cancel);
        if (choice == QMessageBox::Save) {
            accept();
            return;
        }
        if (choice != QMessageBox::Discard) {
            return;
        }
    }
    QDialog::reject();
}

} // namespace masahista::gui

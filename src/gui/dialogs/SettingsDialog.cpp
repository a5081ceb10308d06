#include "SettingsDialog.h"

#include "booking/AlbertaHolidays.h"
#include "booking/BackupService.h"
#include "booking/ClientService.h"
#include "booking/ClinicTime.h"
#include "booking/Clock.h"
#include "booking/SettingsService.h"
#include "data/Database.h"
#include "gui/DateEdit.h"
#include "gui/ProblemColour.h"
#include "ui_SettingsDialog.h"

#include <QCheckBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QTimeEdit>
#include <QTimeZone>

#include <algorithm>

namespace masahista::gui {

namespace {

constexpr int minutesPerDay = 24 * 60;
constexpr int defaultOpen = 9 * 60;
constexpr int defaultClose = 17 * 60;
// What Database::openInMemory() gives as its path.
constexpr QStringView inMemoryPath = u":memory:";

// The same red as the inline messages drawn by the form file.

enum ClosedColumn
{
    DateColumn,
    ReasonColumn
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

bool sameClosedDays(const QList<ClosedDay>& a, const QList<ClosedDay>& b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                      [](const ClosedDay& x, const ClosedDay& y) {
                          return x.date == y.date && x.reason == y.reason;
                      });
}

bool sameSettings(const ClinicSettings& a, const ClinicSettings& b)
{
    return a.name == b.name && a.address == b.address && a.phone == b.phone &&
           a.timeZoneId == b.timeZoneId && a.bookingStepMinutes == b.bookingStepMinutes &&
           a.lateCancelHours == b.lateCancelHours && a.openingHours == b.openingHours &&
           sameClosedDays(a.closedDays, b.closedDays) && a.backupFolder == b.backupFolder;
}

QTimeEdit* timeEdit(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* edit = new QTimeEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setDisplayFormat(QStringLiteral("HH:mm"));
    return edit;
}

} // namespace

SettingsDialog::SettingsDialog(Database& database, const Clock& clock, Actor actor, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_database(database)
    , m_clock(clock)
    , m_actor(std::move(actor))
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    m_ui->errorLabel->hide();
    m_ui->zoneWarning->hide();
    m_ui->zoneConfirmBox->hide();

    QStringList zones;
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds()) {
        zones.append(QString::fromUtf8(id));
    }
    m_ui->zoneCombo->addItems(zones);
    // Hundreds of zones: typing any part of the name ("edmonton") finds it.
    auto* completer = new QCompleter(m_ui->zoneCombo->model(), m_ui->zoneCombo);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_ui->zoneCombo->setCompleter(completer);
    for (const int step : SettingsService::gridSteps()) {
        m_ui->stepCombo->addItem(tr("%1 min").arg(step), step);
    }
    m_ui->lateCancelSpin->setSuffix(tr(" h"));
    buildHoursTab();
    m_ui->closedTable->horizontalHeader()->setSectionResizeMode(DateColumn,
                                                                QHeaderView::ResizeToContents);
    showDatabase();

    m_ui->buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &SettingsDialog::revalidate);
    connect(m_ui->addressEdit, &QPlainTextEdit::textChanged, this, &SettingsDialog::revalidate);
    connect(m_ui->phoneEdit, &QLineEdit::textChanged, this, &SettingsDialog::revalidate);
    // Shown in the one format it will be stored in once the desk moves on.
    connect(m_ui->phoneEdit, &QLineEdit::editingFinished, this, [this] {
        if (m_ui->phoneEdit->text().trimmed().isEmpty()) {
            return;
        }
        if (const Result<QString> phone = ClientService::normalizePhone(m_ui->phoneEdit->text());
            phone && *phone != m_ui->phoneEdit->text()) {
            m_ui->phoneEdit->setText(*phone);
        }
    });
    connect(m_ui->zoneCombo, &QComboBox::editTextChanged, this, &SettingsDialog::revalidate);
    connect(m_ui->zoneConfirmBox, &QCheckBox::toggled, this, &SettingsDialog::revalidate);
    connect(m_ui->stepCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::revalidate);
    connect(m_ui->lateCancelSpin, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    connect(m_ui->closedTable, &QTableWidget::itemChanged, this, &SettingsDialog::revalidate);
    connect(m_ui->addClosedButton, &QPushButton::clicked, this, [this] {
        // The clinic's today, or the first day after it that is not listed yet.
        const QTimeZone zone = ClinicTime::zone(m_ui->zoneCombo->currentText().trimmed());
        QDate date = ClinicTime::toLocal(m_clock.nowUtc(), zone).date();
        QSet<QDate> listed;
        for (const ClosedDay& day : formSettings().closedDays) {
            listed.insert(day.date);
        }
        while (listed.contains(date)) {
            date = date.addDays(1);
        }
        addClosedDay({date, QString()});
        const int row = m_ui->closedTable->rowCount() - 1;
        m_ui->closedTable->setCurrentCell(row, ReasonColumn);
        m_ui->closedTable->cellWidget(row, DateColumn)->setFocus();
        revalidate();
    });
    connect(m_ui->addHolidaysButton, &QPushButton::clicked, this,
            &SettingsDialog::addAlbertaHolidays);
    connect(m_ui->removeClosedButton, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex& index : m_ui->closedTable->selectionModel()->selectedRows()) {
            rows.append(index.row());
        }
        if (rows.isEmpty() && m_ui->closedTable->currentRow() >= 0) {
            rows.append(m_ui->closedTable->currentRow());
        }
        // From the bottom up, so the rows still to remove keep their numbers.
        std::sort(rows.begin(), rows.end(), std::greater<>());
        for (const int row : rows) {
            m_ui->closedTable->removeRow(row);
        }
        revalidate();
    });
    connect(m_ui->showFolderButton, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(databaseFolderUrl()); });
    connect(m_ui->backupFolderEdit, &QLineEdit::textChanged, this, &SettingsDialog::revalidate);
    connect(m_ui->chooseBackupFolderButton, &QPushButton::clicked, this, [this] {
        const QString start = m_ui->backupFolderEdit->text().trimmed().isEmpty()
                                  ? m_ui->backupFolderEdit->placeholderText()
                                  : m_ui->backupFolderEdit->text().trimmed();
        const QString chosen =
            QFileDialog::getExistingDirectory(this, tr("Folder for backups"), start);
        if (!chosen.isEmpty()) {
            m_ui->backupFolderEdit->setText(QDir::toNativeSeparators(chosen));
        }
    });

    const Result<ClinicSettings> loaded = SettingsService(m_database, m_clock).load();
    if (!loaded) {
        showError(loaded.error().message);
        // Nothing to compare with: saving could overwrite settings that were never shown.
        m_ui->tabs->setEnabled(false);
        return;
    }
    m_loaded = *loaded;
    showSettings(m_loaded);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::buildHoursTab()
{
    const QLocale locale;
    // The day's name and "Closed" line up with its first row of hours rather than float above.
    const int rowHeight = QTimeEdit().sizeHint().height();
    // The list reads as part of the tab, not as a box of its own.
    m_ui->hoursScroll->viewport()->setAutoFillBackground(false);
    m_ui->hoursContents->setAutoFillBackground(false);
    for (int weekday = 1; weekday <= 7; ++weekday) {
        DayRow& day = m_days.at(weekday - 1);
        const int gridRow = (weekday - 1) * 2;
        auto* name = new QLabel(locale.dayName(weekday, QLocale::LongFormat), m_ui->hoursContents);
        name->setMinimumHeight(rowHeight);
        m_ui->hoursGrid->addWidget(name, gridRow, 0, Qt::AlignTop);

        day.closed = new QCheckBox(tr("Closed"), m_ui->hoursContents);
        day.closed->setObjectName(QStringLiteral("closedBox%1").arg(weekday));
        day.closed->setMinimumHeight(rowHeight);
        m_ui->hoursGrid->addWidget(day.closed, gridRow, 1, Qt::AlignTop);

        day.intervalsWidget = new QWidget(m_ui->hoursContents);
        day.intervalsWidget->setObjectName(QStringLiteral("hoursDay%1").arg(weekday));
        day.intervals = new QVBoxLayout(day.intervalsWidget);
        day.intervals->setContentsMargins(0, 0, 0, 0);
        m_ui->hoursGrid->addWidget(day.intervalsWidget, gridRow, 2);

        day.add = new QPushButton(tr("Add hours"), m_ui->hoursContents);
        day.add->setObjectName(QStringLiteral("addHoursButton%1").arg(weekday));
        day.add->setToolTip(tr("Another stretch of opening hours on this day, after a break."));
        m_ui->hoursGrid->addWidget(day.add, gridRow, 3, Qt::AlignTop);

        day.error = new QLabel(m_ui->hoursContents);
        day.error->setObjectName(QStringLiteral("hoursError%1").arg(weekday));
        day.error->setWordWrap(true);
        day.error->setTextFormat(Qt::PlainText);
        day.error->setStyleSheet(ProblemColour::styleSheet());
        day.error->hide();
        m_ui->hoursGrid->addWidget(day.error, gridRow + 1, 2, 1, 2);

        connect(day.closed, &QCheckBox::toggled, this, [this, weekday](bool closed) {
            DayRow& changed = m_days.at(weekday - 1);
            // Opening a closed day starts from ordinary hours rather than an empty row.
            if (!closed && changed.rows.isEmpty()) {
                addInterval(weekday, defaultOpen, defaultClose);
            }
            updateDay(weekday);
            revalidate();
        });
        connect(day.add, &QPushButton::clicked, this, [this, weekday] {
            addIntervalAfterLast(weekday);
            revalidate();
        });
    }
    m_ui->hoursGrid->setColumnStretch(2, 1);
    m_ui->hoursGrid->setRowStretch(14, 1);
}

void SettingsDialog::addInterval(int weekday, int startMinute, int endMinute)
{
    DayRow& day = m_days.at(weekday - 1);
    const QString dayName = QLocale().dayName(weekday, QLocale::LongFormat);
    IntervalRow interval;
    interval.row = new QWidget(day.intervalsWidget);
    auto* layout = new QHBoxLayout(interval.row);
    layout->setContentsMargins(0, 0, 0, 0);
    interval.open =
        timeEdit(QStringLiteral("openEdit"), tr("%1 opens at").arg(dayName), interval.row);
    interval.close =
        timeEdit(QStringLiteral("closeEdit"), tr("%1 closes at").arg(dayName), interval.row);
    interval.open->setTime(timeOf(startMinute));
    interval.close->setTime(timeOf(endMinute));
    interval.remove = new QPushButton(tr("Remove"), interval.row);
    interval.remove->setObjectName(QStringLiteral("removeHoursButton"));
    layout->addWidget(interval.open);
    layout->addWidget(new QLabel(QStringLiteral("–"), interval.row));
    layout->addWidget(interval.close);
    layout->addWidget(interval.remove);
    layout->addStretch(1);
    day.intervals->addWidget(interval.row);
    day.rows.append(interval);

    connect(interval.open, &QTimeEdit::timeChanged, this, &SettingsDialog::revalidate);
    connect(interval.close, &QTimeEdit::timeChanged, this, &SettingsDialog::revalidate);
    QWidget* row = interval.row;
    connect(interval.remove, &QPushButton::clicked, this, [this, weekday, row] {
        removeInterval(weekday, row);
        revalidate();
    });
    updateDay(weekday);
}

void SettingsDialog::addIntervalAfterLast(int weekday)
{
    const DayRow& day = m_days.at(weekday - 1);
    if (day.rows.isEmpty()) {
        addInterval(weekday, defaultOpen, defaultClose);
        return;
    }
    int lastEnd = minuteOf(day.rows.last().close->time());
    if (lastEnd == 0) {
        lastEnd = minutesPerDay;
    }
    // An hour's break, then a few hours more; the checks say so if the day has no room left.
    const int start = std::min(lastEnd + 60, minutesPerDay - 60);
    addInterval(weekday, start, std::min(start + 3 * 60, minutesPerDay));
}

void SettingsDialog::removeInterval(int weekday, QWidget* row)
{
    DayRow& day = m_days.at(weekday - 1);
    const auto found = std::find_if(day.rows.begin(), day.rows.end(),
                                    [row](const IntervalRow& each) { return each.row == row; });
    if (found == day.rows.end()) {
        return;
    }
    day.rows.erase(found);
    // Out of the form at once, deleted later: this runs inside the row's own button's signal.
    row->hide();
    row->setParent(nullptr);
    row->deleteLater();
    updateDay(weekday);
}

void SettingsDialog::updateDay(int weekday)
{
    DayRow& day = m_days.at(weekday - 1);
    const bool open = !day.closed->isChecked();
    day.intervalsWidget->setVisible(open);
    day.add->setVisible(open);
    // An open day keeps at least one stretch of hours; "Closed" is how a day has none.
    for (const IntervalRow& interval : day.rows) {
        interval.remove->setEnabled(day.rows.size() > 1);
    }
}

void SettingsDialog::addAlbertaHolidays()
{
    QSet<QDate> listed;
    for (const ClosedDay& day : formSettings().closedDays) {
        listed.insert(day.date);
    }
    int added = 0;
    int already = 0;
    for (const AlbertaHolidays::Holiday& holiday :
         AlbertaHolidays::of(m_ui->holidayYearSpin->value())) {
        if (listed.contains(holiday.date)) {
            ++already;
            continue;
        }
        addClosedDay({holiday.date, holiday.name});
        ++added;
    }
    // Each added day is an ordinary row: the clinic removes those it stays open on.
    QString note = tr("Added %n holiday(s).", nullptr, added);
    if (already > 0) {
        note += QLatin1Char(' ') + tr("%n already listed.", nullptr, already);
    }
    m_ui->holidaysNote->setText(note);
    revalidate();
}

void SettingsDialog::addClosedDay(const ClosedDay& day)
{
    QTableWidget* table = m_ui->closedTable;
    const int row = table->rowCount();
    table->insertRow(row);
    auto* date = new DateEdit(day.date, table);
    date->setObjectName(QStringLiteral("closedDateEdit"));
    date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    date->setCalendarPopup(true);
    table->setCellWidget(row, DateColumn, date);
    table->setItem(row, ReasonColumn, new QTableWidgetItem(day.reason));
    connect(date, &QDateEdit::dateChanged, this, &SettingsDialog::revalidate);
}

void SettingsDialog::showSettings(const ClinicSettings& settings)
{
    m_filling = true;
    m_ui->nameEdit->setText(settings.name);
    m_ui->addressEdit->setPlainText(settings.address);
    m_ui->phoneEdit->setText(settings.phone);
    const int zoneIndex = m_ui->zoneCombo->findText(settings.timeZoneId);
    if (zoneIndex >= 0) {
        m_ui->zoneCombo->setCurrentIndex(zoneIndex);
    } else {
        m_ui->zoneCombo->setEditText(settings.timeZoneId);
    }
    // The holidays offered are the clinic's current year's until the user picks another.
    m_ui->holidayYearSpin->setValue(
        ClinicTime::toLocal(m_clock.nowUtc(), ClinicTime::zone(settings.timeZoneId)).date().year());
    int stepIndex = m_ui->stepCombo->findData(settings.bookingStepMinutes);
    if (stepIndex < 0) {
        // A step no longer offered is still shown as it is stored; the check then says so.
        m_ui->stepCombo->addItem(tr("%1 min").arg(settings.bookingStepMinutes),
                                 settings.bookingStepMinutes);
        stepIndex = m_ui->stepCombo->count() - 1;
    }
    m_ui->stepCombo->setCurrentIndex(stepIndex);
    m_ui->lateCancelSpin->setValue(settings.lateCancelHours);
    m_ui->backupFolderEdit->setText(QDir::toNativeSeparators(settings.backupFolder));

    for (int weekday = 1; weekday <= 7; ++weekday) {
        DayRow& day = m_days.at(weekday - 1);
        while (!day.rows.isEmpty()) {
            removeInterval(weekday, day.rows.last().row);
        }
        bool closed = true;
        for (const WeeklyInterval& interval : settings.openingHours) {
            if (interval.weekday == weekday) {
                addInterval(weekday, interval.startMinute, interval.endMinute);
                closed = false;
            }
        }
        day.closed->setChecked(closed);
        updateDay(weekday);
    }

    m_ui->closedTable->setRowCount(0);
    for (const ClosedDay& day : settings.closedDays) {
        addClosedDay(day);
    }
    m_ui->zoneConfirmBox->setChecked(false);
    m_filling = false;
    revalidate();
}

void SettingsDialog::showDatabase()
{
    const QString path = m_database.path();
    const bool inMemory = path == inMemoryPath;
    m_ui->pathEdit->setText(inMemory ? tr("None: kept in memory") : QDir::toNativeSeparators(path));
    m_ui->showFolderButton->setEnabled(!inMemory);
    m_ui->databaseNote->setText(
        inMemory ? tr("This database lives in memory only: nothing is kept when the app closes.")
                 : tr("Copy it only while Masahista is closed; a backup (below) can be made "
                      "at any time."));
    m_ui->backupFolderEdit->setEnabled(!inMemory);
    m_ui->chooseBackupFolderButton->setEnabled(!inMemory);
    // Empty means the default, which is shown rather than described.
    m_ui->backupFolderEdit->setPlaceholderText(
        inMemory ? QString() : QDir::toNativeSeparators(BackupService::defaultFolder(path)));
}

ClinicSettings SettingsDialog::formSettings() const
{
    ClinicSettings settings;
    settings.name = m_ui->nameEdit->text();
    settings.address = m_ui->addressEdit->toPlainText();
    settings.phone = m_ui->phoneEdit->text();
    settings.timeZoneId = m_ui->zoneCombo->currentText();
    settings.bookingStepMinutes = m_ui->stepCombo->currentData().toInt();
    settings.lateCancelHours = m_ui->lateCancelSpin->value();
    settings.backupFolder = m_ui->backupFolderEdit->text();
    for (int weekday = 1; weekday <= 7; ++weekday) {
        const DayRow& day = m_days.at(weekday - 1);
        if (day.closed->isChecked()) {
            continue;
        }
        for (const IntervalRow& interval : day.rows) {
            const int end = minuteOf(interval.close->time());
            settings.openingHours.append(
                {weekday, minuteOf(interval.open->time()), end == 0 ? minutesPerDay : end});
        }
    }
    const QTableWidget* table = m_ui->closedTable;
    for (int row = 0; row < table->rowCount(); ++row) {
        const auto* date = qobject_cast<const QDateEdit*>(table->cellWidget(row, DateColumn));
        const QTableWidgetItem* reason = table->item(row, ReasonColumn);
        settings.closedDays.append({date != nullptr ? date->date() : QDate(),
                                    reason != nullptr ? reason->text() : QString()});
    }
    return settings;
}

bool SettingsDialog::hasUnsavedChanges() const
{
    return !sameSettings(SettingsService::normalized(formSettings()),
                         SettingsService::normalized(m_loaded));
}

QUrl SettingsDialog::databaseFolderUrl() const
{
    if (m_database.path() == inMemoryPath) {
        return {};
    }
    return QUrl::fromLocalFile(QFileInfo(m_database.path()).absolutePath());
}

void SettingsDialog::revalidate()
{
    if (m_filling) {
        return;
    }
    const ClinicSettings settings = formSettings();
    FieldProblems problems;
    QString zoneWarning;
    const Result<SettingsReview> review = SettingsService(m_database, m_clock).review(settings);
    if (review) {
        problems = review->problems;
        zoneWarning = review->zoneChangeWarning;
        m_ui->errorLabel->hide();
    } else {
        // The stored data could not be read: the fields can still be checked on their own.
        problems = SettingsService::validate(settings);
        showError(review.error().message);
    }
    showProblems(problems);

    m_ui->zoneWarning->setText(zoneWarning);
    m_ui->zoneWarning->setVisible(!zoneWarning.isEmpty());
    if (zoneWarning.isEmpty()) {
        // A confirmation belongs to one warning; it is not carried over to the next.
        const QSignalBlocker blocker(m_ui->zoneConfirmBox);
        m_ui->zoneConfirmBox->setChecked(false);
    }
    m_ui->zoneConfirmBox->setVisible(!zoneWarning.isEmpty());

    const bool zoneAccepted = zoneWarning.isEmpty() || m_ui->zoneConfirmBox->isChecked();
    m_ui->buttons->button(QDialogButtonBox::Save)
        ->setEnabled(review.ok() && problems.isEmpty() && zoneAccepted && hasUnsavedChanges());
}

void SettingsDialog::showProblems(const FieldProblems& problems)
{
    const auto show = [&problems](QLabel* label, const QString& field) {
        const QString message = problemOf(problems, field);
        label->setText(message);
        label->setVisible(!message.isEmpty());
        return !message.isEmpty();
    };
    bool clinicTab = false;
    clinicTab |= show(m_ui->nameError, QStringLiteral("name"));
    clinicTab |= show(m_ui->addressError, QStringLiteral("address"));
    clinicTab |= show(m_ui->phoneError, QStringLiteral("phone"));
    clinicTab |= show(m_ui->zoneError, QStringLiteral("timeZone"));
    clinicTab |= show(m_ui->stepError, QStringLiteral("bookingStep"));
    clinicTab |= show(m_ui->lateCancelError, QStringLiteral("lateCancel"));
    bool hoursTab = show(m_ui->openingHoursError, QStringLiteral("openingHours"));
    for (int weekday = 1; weekday <= 7; ++weekday) {
        hoursTab |= show(m_days.at(weekday - 1).error, SettingsService::hoursField(weekday));
    }
    const bool closedTab = show(m_ui->closedDaysError, QStringLiteral("closedDays"));
    const bool databaseTab = show(m_ui->backupFolderError, QStringLiteral("backupFolder"));

    // A change on one tab can make another wrong (a new grid step and the opening hours), so
    // the tabs with a problem are marked where the user can see them.
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const std::pair<QWidget*, bool> tabs[] = {{m_ui->clinicTab, clinicTab},
                                              {m_ui->hoursTab, hoursTab},
                                              {m_ui->closedTab, closedTab},
                                              {m_ui->databaseTab, databaseTab}};
    for (const auto& [tab, hasProblem] : tabs) {
        m_ui->tabs->setTabIcon(m_ui->tabs->indexOf(tab), hasProblem ? warning : QIcon());
    }
}

void SettingsDialog::showError(const QString& message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
}

void SettingsDialog::accept()
{
    if (!hasUnsavedChanges()) {
        QDialog::accept();
        return;
    }
    const ZoneChange zoneChange =
        m_ui->zoneConfirmBox->isChecked() ? ZoneChange::Accept : ZoneChange::Refuse;
    const Result<ClinicSettings> saved =
        SettingsService(m_database, m_clock).save(formSettings(), m_actor, zoneChange);
    if (!saved) {
        // Another desk may have booked in the meantime: the fields say what stands in the way.
        revalidate();
        showError(saved.error().message);
        return;
    }
    m_loaded = *saved;
    Q_EMIT settingsSaved();
    QDialog::accept();
}

void SettingsDialog::reject()
{
    if (hasUnsavedChanges()) {
        const bool canSave = m_ui->buttons->button(QDialogButtonBox::Save)->isEnabled();
        const QMessageBox::StandardButtons choices =
            canSave ? QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel
                    : QMessageBox::Discard | QMessageBox::Cancel;
        const QMessageBox::StandardButton choice = QMessageBox::question(
            this, tr("Unsaved changes"), tr("The clinic settings have changes that are not saved."),
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

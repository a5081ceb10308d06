#include "SettingsDialog.h"

#include "UnsavedChanges.h"
#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/backup/BackupService.h"
#include "booking/catalogue/AlbertaHolidays.h"
#include "booking/catalogue/SettingsService.h"
#include "booking/clients/ClientService.h"
#include "booking/engine/ClinicTime.h"
#include "gui/DateEdit.h"
#include "gui/ProblemColour.h"
#include "gui/WeekHoursEditor.h"
#include "ui_SettingsDialog.h"

#include <QCheckBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
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

enum ClosedColumn
{
    DateColumn,
    ReasonColumn
};

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

} // namespace

SettingsDialog::SettingsDialog(Clinic& clinic, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_clinic(clinic)
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
        QDate date = ClinicTime::toLocal(m_clinic.clock().nowUtc(), zone).date();
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

    const Result<ClinicSettings> loaded = m_clinic.settings().load();
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
    // The list reads as part of the tab, not as a box of its own.
    m_ui->hoursScroll->viewport()->setAutoFillBackground(false);
    m_ui->hoursContents->setAutoFillBackground(false);
    m_hours = new WeekHoursEditor(
        m_ui->hoursGrid, m_ui->hoursContents, WeekHoursEditor::EmptyDay::ClosedBox,
        {QStringLiteral("openEdit"), QStringLiteral("closeEdit"), tr("%1 opens at"),
         tr("%1 closes at"), tr("Another stretch of opening hours on this day, after a break.")});
    connect(m_hours, &WeekHoursEditor::changed, this, &SettingsDialog::revalidate);
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
        ClinicTime::toLocal(m_clinic.clock().nowUtc(), ClinicTime::zone(settings.timeZoneId))
            .date()
            .year());
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

    m_hours->setWeek(settings.openingHours);

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
    const QString path = m_clinic.path();
    const bool inMemory = m_clinic.isInMemory();
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
    settings.openingHours = m_hours->week();
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
    if (m_clinic.isInMemory()) {
        return {};
    }
    return QUrl::fromLocalFile(QFileInfo(m_clinic.path()).absolutePath());
}

void SettingsDialog::revalidate()
{
    if (m_filling) {
        return;
    }
    const ClinicSettings settings = formSettings();
    FieldProblems problems;
    QString zoneWarning;
    const Result<SettingsReview> review = m_clinic.settings().review(settings);
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
    hoursTab |= m_hours->showProblems(problems, &SettingsService::hoursField);
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
        m_clinic.settings().save(formSettings(), m_clinic.actor(), zoneChange);
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
    rejectAfterAsking(this, hasUnsavedChanges(),
                      tr("The clinic settings have changes that are not saved."),
                      m_ui->buttons->button(QDialogButtonBox::Save)->isEnabled());
}

} // namespace masahista::gui

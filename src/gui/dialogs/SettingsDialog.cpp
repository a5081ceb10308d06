#include "SettingsDialog.h"

#include "UnsavedChanges.h"
#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/catalogue/SettingsService.h"
#include "booking/engine/ClinicTime.h"
#include "gui/ProblemColour.h"
#include "gui/dialogs/SettingsClinicTab.h"
#include "gui/dialogs/SettingsClosedDaysTab.h"
#include "gui/dialogs/SettingsDatabaseTab.h"
#include "gui/dialogs/SettingsHoursTab.h"
#include "ui_SettingsDialog.h"

#include <QPushButton>
#include <QStyle>

#include <algorithm>

namespace masahista::gui {

namespace {

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
    // Each tab's .ui orders its own fields for Tab, and setupUi() makes the tabs before the
    // buttons. The opening hours' days are built only now, so that they keep their place after
    // the buttons in the Tab order, where they were before the tabs were classes of their own.
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    m_ui->errorLabel->hide();
    m_ui->hoursTab->buildDays();

    // A new closed day starts at the clinic's today, in the time zone as typed on the Clinic tab.
    m_ui->closedTab->setClinicToday([this] {
        const QTimeZone zone = ClinicTime::zone(m_ui->clinicTab->timeZoneId().trimmed());
        return ClinicTime::toLocal(m_clinic.clock().nowUtc(), zone).date();
    });
    m_ui->databaseTab->showDatabaseFile(m_clinic.path(), m_clinic.isInMemory());

    m_ui->buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->clinicTab, &SettingsClinicTab::changed, this, &SettingsDialog::revalidate);
    connect(m_ui->hoursTab, &SettingsHoursTab::changed, this, &SettingsDialog::revalidate);
    connect(m_ui->closedTab, &SettingsClosedDaysTab::changed, this, &SettingsDialog::revalidate);
    connect(m_ui->databaseTab, &SettingsDatabaseTab::changed, this, &SettingsDialog::revalidate);

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

void SettingsDialog::showSettings(const ClinicSettings& settings)
{
    m_ui->clinicTab->fill(settings);
    m_ui->hoursTab->fill(settings);
    // The holidays offered are the clinic's current year's until the user picks another.
    const int holidayYear =
        ClinicTime::toLocal(m_clinic.clock().nowUtc(), ClinicTime::zone(settings.timeZoneId))
            .date()
            .year();
    m_ui->closedTab->fill(settings, holidayYear);
    m_ui->databaseTab->fill(settings);
    revalidate();
}

ClinicSettings SettingsDialog::formSettings() const
{
    ClinicSettings settings;
    m_ui->clinicTab->writeInto(settings);
    m_ui->hoursTab->writeInto(settings);
    m_ui->closedTab->writeInto(settings);
    m_ui->databaseTab->writeInto(settings);
    return settings;
}

bool SettingsDialog::hasUnsavedChanges() const
{
    return !sameSettings(SettingsService::normalized(formSettings()),
                         SettingsService::normalized(m_loaded));
}

QUrl SettingsDialog::databaseFolderUrl() const
{
    return m_ui->databaseTab->databaseFolderUrl();
}

void SettingsDialog::revalidate()
{
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
    m_ui->clinicTab->showZoneWarning(zoneWarning);

    const bool zoneAccepted = zoneWarning.isEmpty() || m_ui->clinicTab->zoneChangeAccepted();
    m_ui->buttons->button(QDialogButtonBox::Save)
        ->setEnabled(review.ok() && problems.isEmpty() && zoneAccepted && hasUnsavedChanges());
}

void SettingsDialog::showProblems(const FieldProblems& problems)
{
    const bool clinicTab = m_ui->clinicTab->showProblems(problems);
    const bool hoursTab = m_ui->hoursTab->showProblems(problems);
    const bool closedTab = m_ui->closedTab->showProblems(problems);
    const bool databaseTab = m_ui->databaseTab->showProblems(problems);

    // A change on one tab can make another wrong (a new grid step and the opening hours), so the
    // tabs with a problem are marked where the user can see them.
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
        m_ui->clinicTab->zoneChangeAccepted() ? ZoneChange::Accept : ZoneChange::Refuse;
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

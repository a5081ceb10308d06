#include "TherapistDialog.h"

#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/catalogue/TherapistService.h"
#include "booking/engine/ClinicTime.h"
#include "gui/FormErrorLine.h"
#include "gui/ProblemColour.h"
#include "gui/dialogs/TherapistCertificationsTab.h"
#include "gui/dialogs/TherapistCredentialsTab.h"
#include "gui/dialogs/TherapistEducationTab.h"
#include "gui/dialogs/TherapistProfileTab.h"
#include "ui_TherapistDialog.h"

#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QTabBar>

#include <algorithm>
#include <memory>

namespace masahista::gui {

namespace {

// Calendar colours for new therapists, distinct at a glance; the first one nobody uses yet is
// offered, so a new column does not look like a colleague's.
const QStringList newColors{QStringLiteral("#5b8def"), QStringLiteral("#e91e63"),
                            QStringLiteral("#43a047"), QStringLiteral("#fb8c00"),
                            QStringLiteral("#8e24aa"), QStringLiteral("#00897b"),
                            QStringLiteral("#6d4c41"), QStringLiteral("#3949ab"),
                            QStringLiteral("#c0ca33"), QStringLiteral("#f4511e")};

// Everything a person can change in the form; ids and names filled on reading are left out.
bool sameContent(const Therapist& a, const Therapist& b)
{
    const auto sameCredentials = [](const Credential& x, const Credential& y) {
        return x.issuingBody == y.issuingBody && x.registrationNumber == y.registrationNumber &&
               x.validFrom == y.validFrom && x.validTo == y.validTo &&
               x.printedOnReceipts == y.printedOnReceipts;
    };
    const auto sameEducation = [](const Education& x, const Education& y) {
        return x.school == y.school && x.programme == y.programme &&
               x.programmeHours == y.programmeHours && x.completedOn == y.completedOn;
    };
    const auto sameCertification = [](const Certification& x, const Certification& y) {
        return x.modalityId == y.modalityId && x.certifiedOn == y.certifiedOn &&
               x.expiresOn == y.expiresOn;
    };
    return a.displayName == b.displayName && a.title == b.title && a.teamRole == b.teamRole &&
           a.bio == b.bio && a.photo == b.photo && a.calendarColor == b.calendarColor &&
           a.active == b.active && a.sortOrder == b.sortOrder &&
           std::equal(a.credentials.cbegin(), a.credentials.cend(), b.credentials.cbegin(),
                      b.credentials.cend(), sameCredentials) &&
           std::equal(a.education.cbegin(), a.education.cend(), b.education.cbegin(),
                      b.education.cend(), sameEducation) &&
           std::equal(a.certifications.cbegin(), a.certifications.cend(), b.certifications.cbegin(),
                      b.certifications.cend(), sameCertification);
}

} // namespace

TherapistDialog::TherapistDialog(Clinic& clinic, Id therapistId, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TherapistDialog>())
    , m_clinic(clinic)
    , m_therapistId(therapistId)
{
    // Tab goes through the tabs' fields in the order of the tabs, then to the buttons: each tab's
    // .ui orders its own fields, and setupUi() makes the tabs before the buttons.
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    m_ui->errorLabel->hide();
    m_errorLine = new FormErrorLine(m_ui->errorLabel, this);

    connect(m_ui->profileTab, &TherapistProfileTab::changed, this, &TherapistDialog::refresh);
    connect(m_ui->credentialsTab, &TherapistCredentialsTab::changed, this,
            &TherapistDialog::refresh);
    connect(m_ui->educationTab, &TherapistEducationTab::changed, this, &TherapistDialog::refresh);
    connect(m_ui->certificationsTab, &TherapistCertificationsTab::changed, this,
            &TherapistDialog::refresh);

    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &TherapistDialog::save);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &TherapistDialog::reject);

    loadClinic(therapistId);
    m_ui->profileTab->focusName();
}

TherapistDialog::~TherapistDialog() = default;

void TherapistDialog::loadClinic(Id therapistId)
{
    m_ui->buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    Result<QList<Therapist>> all = m_clinic.therapistList();
    Result<QList<Modality>> modalities = m_clinic.modalities();
    Result<QList<MassageType>> types = m_clinic.massageTypeList(false);
    Result<ClinicSettings> settings = m_clinic.clinicSettings();
    for (const Error* problem :
         {all ? nullptr : &all.error(), modalities ? nullptr : &modalities.error(),
          types ? nullptr : &types.error(), settings ? nullptr : &settings.error()}) {
        if (problem != nullptr) {
            showError(problem->message);
            m_ui->tabs->setEnabled(false);
            return;
        }
    }
    m_others = std::move(all).value();
    m_modalities = std::move(modalities).value();
    m_ui->certificationsTab->setChoices(
        m_modalities, std::move(types).value(),
        ClinicTime::toLocal(m_clinic.clock().nowUtc(), ClinicTime::zone(settings->timeZoneId))
            .date());

    Therapist therapist;
    if (therapistId != 0) {
        const auto found = std::find_if(
            m_others.cbegin(), m_others.cend(),
            [therapistId](const Therapist& candidate) { return candidate.id == therapistId; });
        if (found == m_others.cend()) {
            showError(tr("There is no therapist with id %1; someone may have removed it.")
                          .arg(therapistId));
            m_ui->tabs->setEnabled(false);
            return;
        }
        therapist = *found;
    } else {
        QStringList used;
        int lastSortOrder = -1;
        for (const Therapist& other : std::as_const(m_others)) {
            used.append(other.calendarColor.toLower());
            lastSortOrder = std::max(lastSortOrder, other.sortOrder);
        }
        therapist.calendarColor = newColors.constFirst();
        for (const QString& color : newColors) {
            if (!used.contains(color)) {
                therapist.calendarColor = color;
                break;
            }
        }
        // After everyone else, as a new colleague joins the end of the calendar.
        therapist.sortOrder = std::min(lastSortOrder + 1, m_ui->profileTab->maxSortOrder());
    }
    m_ui->profileTab->fill(therapist);
    m_ui->credentialsTab->fill(therapist);
    m_ui->educationTab->fill(therapist);
    m_ui->certificationsTab->fill(therapist);
    m_opened = enteredTherapist();
    m_loaded = true;
    refresh();
}

Therapist TherapistDialog::enteredTherapist() const
{
    Therapist therapist;
    therapist.id = m_therapistId;
    m_ui->profileTab->writeInto(therapist);
    m_ui->credentialsTab->writeInto(therapist);
    m_ui->educationTab->writeInto(therapist);
    m_ui->certificationsTab->writeInto(therapist);
    return therapist;
}

bool TherapistDialog::hasChanges() const
{
    return m_loaded && !sameContent(enteredTherapist(), m_opened);
}

bool TherapistDialog::loadPhoto(const QString& path)
{
    return m_ui->profileTab->loadPhoto(path);
}

void TherapistDialog::refresh()
{
    if (!m_loaded || m_refreshing) {
        return;
    }
    const QScopedValueRollback refreshing(m_refreshing, true);
    const Therapist therapist = enteredTherapist();
    m_problems = TherapistService::problemsIn(therapist, m_others, m_modalities);
    m_ui->profileTab->showProblems(m_problems);
    m_ui->credentialsTab->showProblems(m_problems);
    m_ui->educationTab->showProblems(m_problems);
    m_ui->certificationsTab->showProblems(m_problems);
    m_ui->certificationsTab->showNotes(therapist);

    // A problem on a tab not in front would otherwise leave Save disabled without a reason.
    const QColor problemText = QColor::fromString(ProblemColour::name());
    const auto markTab = [this, &problemText](QWidget* tab, bool hasProblem) {
        m_ui->tabs->tabBar()->setTabTextColor(m_ui->tabs->indexOf(tab),
                                              hasProblem ? problemText : QColor());
    };
    markTab(m_ui->profileTab, m_ui->profileTab->hasProblems(m_problems));
    markTab(m_ui->credentialsTab, m_ui->credentialsTab->hasProblems(m_problems));
    markTab(m_ui->educationTab, m_ui->educationTab->hasProblems(m_problems));
    markTab(m_ui->certificationsTab, m_ui->certificationsTab->hasProblems(m_problems));

    const QString name = TherapistService::normalized(therapist).displayName;
    if (m_therapistId == 0) {
        setWindowTitle(name.isEmpty() ? tr("New therapist") : tr("New therapist: %1").arg(name));
    } else {
        setWindowTitle(tr("Therapist: %1").arg(name));
    }
    m_ui->buttons->button(QDialogButtonBox::Save)->setEnabled(m_problems.isEmpty());
}

void TherapistDialog::save()
{
    refresh();
    if (!m_loaded || !m_problems.isEmpty()) {
        return;
    }
    const Result<Id> saved = m_clinic.therapists().save(enteredTherapist(), m_clinic.actor());
    if (!saved) {
        m_errorLine->show(saved.error().message);
        return;
    }
    m_savedId = *saved;
    QDialog::accept();
}

void TherapistDialog::reject()
{
    if (hasChanges()) {
        const QString name = TherapistService::normalized(enteredTherapist()).displayName;
        const auto answer =
            QMessageBox::question(this, tr("Unsaved changes"),
                                  name.isEmpty() ? tr("Discard the new therapist?")
                                                 : tr("Discard your changes to %1?").arg(name),
                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            return;
        }
    }
    QDialog::reject();
}

void TherapistDialog::showError(const QString& message)
{
    m_errorLine->show(message, FormErrorLine::Until::Replaced);
}

} // namespace masahista::gui

#include "TherapistsPage.h"

#include "DatabaseWatcher.h"
#include "PageMessageLine.h"
#include "TherapistProfile.h"
#include "booking/Clinic.h"
#include "booking/catalogue/TherapistService.h"
#include "gui/dialogs/TherapistDialog.h"
#include "gui/models/TherapistListModel.h"
#include "ui_TherapistsPage.h"

#include <QItemSelectionModel>
#include <QSignalBlocker>

#include <algorithm>

namespace masahista::gui {

TherapistsPage::TherapistsPage(Clinic& clinic, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TherapistsPage>())
    , m_clinic(clinic)
    , m_model(new TherapistListModel(this))
    , m_watcher(new DatabaseWatcher(clinic, 500, this))
{
    m_ui->setupUi(this);
    m_messageLine = new PageMessageLine(m_ui->messageLabel);
    m_model->setShowDetails(true);
    m_ui->therapistList->setModel(m_model);
    m_ui->therapistList->setAccessibleName(tr("Therapists"));
    m_ui->profileBrowser->setAccessibleName(tr("Therapist profile"));
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 3);
    m_ui->splitter->setSizes({300, 700});
    m_ui->editButton->setToolTip(tr("Edit the selected therapist (Enter or double-click)"));

    connect(m_ui->therapistList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] {
                m_messageLine->currentIs(currentTherapistId());
                showCurrent();
            });
    // Enter or a double-click, whichever the platform uses to open an item.
    connect(m_ui->therapistList, &QListView::activated, this, [this](const QModelIndex& index) {
        if (const Therapist* therapist = m_model->therapistAt(index)) {
            openEditor(therapist->id);
        }
    });
    connect(m_ui->showRetiredCheck, &QCheckBox::toggled, this,
            [this] { showList(currentTherapistId()); });
    connect(m_ui->newButton, &QPushButton::clicked, this, &TherapistsPage::newTherapist);
    connect(m_ui->editButton, &QPushButton::clicked, this, &TherapistsPage::editCurrentTherapist);
    connect(m_ui->retireButton, &QPushButton::clicked, this, &TherapistsPage::toggleRetired);
    connect(m_ui->hoursButton, &QPushButton::clicked, this, [this] {
        if (const Id therapistId = currentTherapistId(); therapistId != 0) {
            Q_EMIT hoursRequested(therapistId);
        }
    });
    // A hidden page catches up in showEvent instead of reading what nobody looks at.
    connect(m_watcher, &DatabaseWatcher::changedElsewhere, this, [this] {
        if (isVisible()) {
            reload();
        }
    });
    reload();
}

TherapistsPage::~TherapistsPage() = default;

void TherapistsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload();
}

void TherapistsPage::reload()
{
    const Id keep = currentTherapistId();
    Result<QList<Therapist>> therapists = m_clinic.therapistList();
    Result<QHash<Id, QList<WeeklyInterval>>> hours = m_clinic.weeklyHours();
    if (!therapists || !hours) {
        // What was read before stays on screen, with the reason it could not be refreshed.
        m_messageLine->show(therapists ? hours.error().message : therapists.error().message,
                            PageMessageLine::Kind::ReadProblem);
        return;
    }
    m_messageLine->readSucceeded();
    m_weeklyHours = std::move(hours).value();
    m_all = std::move(therapists).value();
    showList(keep);
}

void TherapistsPage::showList(Id keepTherapistId)
{
    const bool showRetired = m_ui->showRetiredCheck->isChecked();
    QList<Therapist> shown;
    for (const Therapist& therapist : std::as_const(m_all)) {
        if (therapist.active || showRetired) {
            shown.append(therapist);
        }
    }
    m_model->setTherapists(std::move(shown));
    QModelIndex current = m_model->indexOf(keepTherapistId);
    if (!current.isValid() && m_model->rowCount() > 0) {
        current = m_model->index(0, 0);
    }
    m_ui->therapistList->setCurrentIndex(current);
    // The same row may now hold changed data, which currentChanged does not report.
    showCurrent();
}

Id TherapistsPage::currentTherapistId() const
{
    const Therapist* therapist = m_model->therapistAt(m_ui->therapistList->currentIndex());
    return therapist == nullptr ? 0 : therapist->id;
}

bool TherapistsPage::selectTherapist(Id therapistId)
{
    const bool known = std::any_of(m_all.cbegin(), m_all.cend(), [therapistId](const Therapist& t) {
        return t.id == therapistId;
    });
    if (!known) {
        return false;
    }
    if (!m_model->indexOf(therapistId).isValid()) {
        const QSignalBlocker blocker(m_ui->showRetiredCheck);
        m_ui->showRetiredCheck->setChecked(true);
    }
    showList(therapistId);
    return currentTherapistId() == therapistId;
}

QString TherapistsPage::message() const
{
    return m_messageLine->text();
}

void TherapistsPage::showCurrent()
{
    const Therapist* therapist = m_model->therapistAt(m_ui->therapistList->currentIndex());
    for (QPushButton* button : {m_ui->editButton, m_ui->retireButton, m_ui->hoursButton}) {
        button->setEnabled(therapist != nullptr);
    }
    if (therapist == nullptr) {
        m_ui->retireButton->setText(tr("Ret&ire"));
        m_ui->profileBrowser->setHtml(TherapistProfile::placeholderHtml(
            m_model->rowCount() == 0 ? tr("The clinic has no therapists yet: add one with New….")
                                     : tr("Choose a therapist to see their profile.")));
        return;
    }
    m_ui->retireButton->setText(therapist->active ? tr("Ret&ire") : tr("Re&activate"));
    m_ui->retireButton->setToolTip(
        therapist->active
            ? tr("Take %1 out of service: kept with their history, offered for no new bookings.")
                  .arg(therapist->displayName)
            : tr("Let %1 take bookings again.").arg(therapist->displayName));
    TherapistProfile::show(*m_ui->profileBrowser, *therapist, m_weeklyHours.value(therapist->id));
}

void TherapistsPage::newTherapist()
{
    openEditor(0);
}

void TherapistsPage::editCurrentTherapist()
{
    if (const Id therapistId = currentTherapistId(); therapistId != 0) {
        openEditor(therapistId);
    }
}

void TherapistsPage::openEditor(Id therapistId)
{
    TherapistDialog dialog(m_clinic, therapistId, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    showMessage(QString(), false);
    reload();
    selectTherapist(dialog.savedId());
    Q_EMIT therapistsChanged();
}

void TherapistsPage::toggleRetired()
{
    const Therapist* therapist = m_model->therapistAt(m_ui->therapistList->currentIndex());
    if (therapist == nullptr) {
        return;
    }
    // Copied: the reload below replaces what the pointer points into.
    const Id therapistId = therapist->id;
    const QString name = therapist->displayName;
    const bool retiring = therapist->active;
    TherapistService service = m_clinic.therapists();
    // No question first: Reactivate undoes a retirement completely.
    const Status done = retiring ? service.retire(therapistId, m_clinic.actor())
                                 : service.reactivate(therapistId, m_clinic.actor());
    if (!done) {
        showMessage(done.error().message, true);
        return;
    }
    reload();
    if (retiring) {
        showMessage(m_ui->showRetiredCheck->isChecked()
                        ? tr("%1 is retired: kept with their history, offered for no new "
                             "bookings.")
                              .arg(name)
                        : tr("%1 is retired: kept with their history, offered for no new "
                             "bookings. Tick \"Show retired therapists\" to see them.")
                              .arg(name),
                    false);
    } else {
        showMessage(tr("%1 is active again and can be booked.").arg(name), false);
    }
    Q_EMIT therapistsChanged();
}

void TherapistsPage::showMessage(const QString& text, bool isProblem)
{
    m_messageLine->show(text,
                        isProblem ? PageMessageLine::Kind::Refusal : PageMessageLine::Kind::Report);
}

} // namespace masahista::gui

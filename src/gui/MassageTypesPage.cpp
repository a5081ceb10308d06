#include "MassageTypesPage.h"

#include "BlockingList.h"
#include "DatabaseWatcher.h"
#include "PageMessageLine.h"
#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/catalogue/MassageTypeService.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/FutureBookings.h"
#include "booking/engine/Schedule.h"
#include "domain/Money.h"
#include "gui/dialogs/MassageTypeDialog.h"
#include "gui/models/MassageTypeTableModel.h"
#include "ui_MassageTypesPage.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QStringList>

namespace masahista::gui {

namespace {

QString html(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

MassageTypesPage::MassageTypesPage(Clinic& clinic, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::MassageTypesPage>())
    , m_clinic(clinic)
    , m_model(new MassageTypeTableModel(this))
    , m_watcher(new DatabaseWatcher(clinic, 500, this))
{
    m_ui->setupUi(this);
    m_messageLine = new PageMessageLine(m_ui->messageLabel);
    m_blocking =
        new BlockingList(m_ui->blockingBox, m_ui->blockingTable, BlockingList::LastColumn::Room,
                         tr("Bookings to change or cancel first (%1)"));
    m_ui->massageTypeTable->setModel(m_model);
    QHeaderView* header = m_ui->massageTypeTable->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The lengths and prices are the longest text: they take what room is left.
    header->setSectionResizeMode(MassageTypeTableModel::DurationsColumn, QHeaderView::Stretch);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->retireButton->setToolTip(
        tr("Stop offering the type for new bookings; it keeps its history and can be "
           "reactivated."));

    connect(m_ui->newButton, &QPushButton::clicked, this, [this] { addType(); });
    connect(m_ui->editButton, &QPushButton::clicked, this, [this] { editSelectedType(); });
    connect(m_ui->retireButton, &QPushButton::clicked, this,
            &MassageTypesPage::toggleSelectedActive);
    connect(m_ui->showRetiredCheck, &QCheckBox::toggled, this, &MassageTypesPage::reload);
    // Enter and a double-click both activate a row.
    connect(m_ui->massageTypeTable, &QTableView::activated, this, [this] { editSelectedType(); });
    connect(m_ui->massageTypeTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] {
                m_messageLine->currentIs(selectedTypeId());
                showDetails();
                updateButtons();
            });
    // Rows change under the selection when a reload brings other data.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        showDetails();
        updateButtons();
    });
    // A hidden page catches up in showEvent instead of reading what nobody looks at.
    connect(m_watcher, &DatabaseWatcher::changedElsewhere, this, [this] {
        if (isVisible()) {
            reload();
        }
    });

    reload();
}

MassageTypesPage::~MassageTypesPage() = default;

void MassageTypesPage::showEvent(QShowEvent* event)
{
    // Changes made through this same connection (another tab, a dialog) do not reach the
    // watcher, which only sees other connections' writes.
    reload();
    QWidget::showEvent(event);
}

void MassageTypesPage::reload()
{
    QStringList problems;
    Result<ClinicSettings> settings = m_clinic.clinicSettings();
    if (settings) {
        m_zone = ClinicTime::zone(settings->timeZoneId);
    } else {
        problems.append(settings.error().message);
    }
    Result<QList<Therapist>> therapists = m_clinic.therapistList(false);
    if (therapists) {
        m_therapists = std::move(therapists).value();
    } else {
        problems.append(therapists.error().message);
    }
    Result<QSet<Id>> working = m_clinic.workingOn(today());
    if (working) {
        m_workingToday = std::move(working).value();
    } else {
        problems.append(working.error().message);
    }
    Result<QList<MassageType>> types =
        m_clinic.massageTypeList(m_ui->showRetiredCheck->isChecked());
    if (types) {
        m_model->setMassageTypes(std::move(types).value());
    } else {
        problems.append(types.error().message);
    }
    if (!problems.isEmpty()) {
        m_messageLine->show(
            tr("The massage types could not be read: %1").arg(problems.join(QLatin1Char(' '))),
            PageMessageLine::Kind::ReadProblem);
    } else {
        m_messageLine->readSucceeded();
    }
    QTableView* table = m_ui->massageTypeTable;
    if (!table->currentIndex().isValid() && m_model->rowCount() > 0) {
        table->setCurrentIndex(m_model->index(0, 0));
    }
    showDetails();
    updateButtons();
}

Id MassageTypesPage::selectedTypeId() const
{
    const MassageType* type = m_model->typeAt(m_ui->massageTypeTable->currentIndex());
    return type != nullptr ? type->id : 0;
}

bool MassageTypesPage::selectType(Id typeId)
{
    const QModelIndex index = m_model->indexOf(typeId);
    if (!index.isValid()) {
        return false;
    }
    m_ui->massageTypeTable->setCurrentIndex(index);
    m_ui->massageTypeTable->scrollTo(index);
    return true;
}

QDate MassageTypesPage::today() const
{
    return ClinicTime::toLocal(m_clinic.clock().nowUtc(), m_zone).date();
}

void MassageTypesPage::showDetails()
{
    const MassageType* type = m_model->typeAt(m_ui->massageTypeTable->currentIndex());
    if (type == nullptr) {
        m_ui->detailsLabel->setText(
            html(m_model->rowCount() == 0
                     ? tr("The clinic offers no massage types yet: add one with New.")
                     : tr("Choose a massage type to see its details.")));
        m_ui->therapistsLabel->clear();
        return;
    }
    QString text = QStringLiteral("<h3>") + html(type->name) + QStringLiteral("</h3>");
    if (!type->active) {
        text += QStringLiteral("<p><i>") +
                html(tr("Retired: kept with its history, not offered for booking.")) +
                QStringLiteral("</i></p>");
    }
    if (!type->description.isEmpty()) {
        text += QStringLiteral("<p>") + html(type->description) + QStringLiteral("</p>");
    }
    const auto row = [](const QString& caption, const QString& value) -> QString {
        return QStringLiteral("<tr><td style=\"padding-right: 8px\">") + html(caption) +
               QStringLiteral("</td><td>") + html(value) + QStringLiteral("</td></tr>");
    };
    QStringList lengths;
    for (const DurationOption& option : type->options) {
        if (option.active) {
            lengths.append(
                tr("%1 min %2").arg(option.minutes).arg(Money(option.priceCents).toString()));
        }
    }
    text += QStringLiteral("<table>");
    text += row(tr("Pressure:"), MassageTypeTableModel::pressureText(type->pressure));
    text += row(tr("Requires:"), type->requiredModalityId == 0
                                     ? tr("no certification")
                                     : tr("%1 certification").arg(type->requiredModalityName));
    text += row(tr("Room:"),
                type->roomKind.isEmpty() ? tr("any room") : tr("a %1 room").arg(type->roomKind));
    text += row(tr("Cleanup:"), tr("%1 min after each visit").arg(type->bufferMinutes));
    text += row(tr("Lengths:"),
                lengths.isEmpty() ? tr("none offered") : lengths.join(QStringLiteral(", ")));
    text += QStringLiteral("</table>");
    m_ui->detailsLabel->setText(text);

    const QList<Therapist> able = MassageTypeService::therapistsFor(*type, m_therapists, today());
    QStringList names;
    QStringList working;
    for (const Therapist& therapist : able) {
        names.append(therapist.displayName);
        if (m_workingToday.contains(therapist.id)) {
            working.append(therapist.displayName);
        }
    }
    // Who may give it, and of them who is here today: a qualified therapist on a day off or
    // away cannot take today's booking.
    if (!names.isEmpty()) {
        m_ui->therapistsLabel->setText(
            tr("Qualified: %1. %2")
                .arg(names.join(QStringLiteral(", ")),
                     working.isEmpty()
                         ? tr("None of them works today.")
                         : tr("Working today: %1.").arg(working.join(QStringLiteral(", ")))));
    } else if (type->requiredModalityId != 0) {
        m_ui->therapistsLabel->setText(
            tr("Nobody can perform it today: no active therapist holds a valid %1 "
               "certification.")
                .arg(type->requiredModalityName));
    } else {
        m_ui->therapistsLabel->setText(
            tr("Nobody can perform it today: the clinic has no active therapists."));
    }
}

QString MassageTypesPage::therapistsText() const
{
    return m_ui->therapistsLabel->text();
}

void MassageTypesPage::updateButtons()
{
    const MassageType* type = m_model->typeAt(m_ui->massageTypeTable->currentIndex());
    m_ui->editButton->setEnabled(type != nullptr);
    m_ui->retireButton->setEnabled(type != nullptr);
    const bool retired = type != nullptr && !type->active;
    m_ui->retireButton->setText(retired ? tr("Re&activate") : tr("&Retire"));
}

bool MassageTypesPage::addType()
{
    MassageTypeDialog dialog(m_clinic, 0, this);
    if (dialog.exec() != QDialog::Accepted) {
        return false;
    }
    m_blocking->hide();
    reload();
    selectType(dialog.savedId());
    showMessage(tr("Added %1.").arg(MassageTypeService::normalized(dialog.enteredType()).name),
                false);
    Q_EMIT catalogChanged();
    return true;
}

bool MassageTypesPage::editSelectedType()
{
    const Id typeId = selectedTypeId();
    if (typeId == 0) {
        return false;
    }
    MassageTypeDialog dialog(m_clinic, typeId, this);
    if (dialog.exec() != QDialog::Accepted || dialog.savedId() == 0) {
        return false;
    }
    m_blocking->hide();
    reload();
    selectType(typeId);
    showMessage(tr("Saved %1.").arg(MassageTypeService::normalized(dialog.enteredType()).name),
                false);
    Q_EMIT catalogChanged();
    return true;
}

void MassageTypesPage::toggleSelectedActive()
{
    const MassageType* selected = m_model->typeAt(m_ui->massageTypeTable->currentIndex());
    if (selected == nullptr) {
        return;
    }
    const Id typeId = selected->id;
    const QString name = selected->name;
    const bool retiring = selected->active;
    MassageTypeService service = m_clinic.massageTypes();
    const Status done = retiring ? service.retire(typeId, m_clinic.actor())
                                 : service.reactivate(typeId, m_clinic.actor());
    if (!done) {
        const Result<FutureBookings> blocking = done.error().code == ErrorCode::Conflict
                                                    ? service.futureBookings(typeId)
                                                    : Result<FutureBookings>(done.error());
        m_blocking->showRefusal(*m_messageLine, done.error(), blocking);
        return;
    }
    m_blocking->hide();
    showMessage(retiring ? tr("%1 is retired: it keeps its history and is no longer offered for "
                              "booking.")
                               .arg(name)
                         : tr("%1 is offered for booking again.").arg(name),
                false);
    reload();
    selectType(typeId);
    Q_EMIT catalogChanged();
}

QString MassageTypesPage::message() const
{
    return m_messageLine->text();
}

QStringList MassageTypesPage::blockingLines() const
{
    return m_blocking->lines();
}

void MassageTypesPage::showMessage(const QString& text, bool problem)
{
    m_messageLine->show(text,
                        problem ? PageMessageLine::Kind::Refusal : PageMessageLine::Kind::Report);
}

} // namespace masahista::gui

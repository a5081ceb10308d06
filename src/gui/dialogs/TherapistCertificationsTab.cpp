#include "TherapistCertificationsTab.h"

#include "booking/catalogue/TherapistService.h"
#include "gui/ProblemColour.h"
#include "gui/TherapistProfile.h"
#include "ui_TherapistCertificationsTab.h"

#include <QComboBox>
#include <QLabel>
#include <QTableWidget>

#include <algorithm>

namespace masahista::gui {

namespace {

enum CertificationColumn
{
    ModalityColumn,
    CertifiedOnColumn,
    ExpiresOnColumn,
    BookableColumn
};

} // namespace

TherapistCertificationsTab::TherapistCertificationsTab(QWidget* parent)
    : TherapistTableTab(QStringLiteral("certifications"), parent)
    , m_ui(std::make_unique<Ui::TherapistCertificationsTab>())
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    setUpTable(m_ui->certificationsTable, m_ui->addCertificationButton,
               m_ui->removeCertificationButton, m_ui->certificationsError, BookableColumn,
               {CertifiedOnColumn, ExpiresOnColumn},
               {{ModalityColumn, QStringLiteral("modality")},
                {ExpiresOnColumn, QStringLiteral("expiresOn")}});
}

TherapistCertificationsTab::~TherapistCertificationsTab() = default;

void TherapistCertificationsTab::setChoices(QList<Modality> modalities,
                                            QList<MassageType> activeTypes, QDate today)
{
    m_modalities = std::move(modalities);
    m_activeTypes = std::move(activeTypes);
    m_today = today;
}

void TherapistCertificationsTab::fill(const Therapist& therapist)
{
    table()->setRowCount(0);
    for (const Certification& certification : therapist.certifications) {
        appendCertification(certification);
    }
}

void TherapistCertificationsTab::writeInto(Therapist& therapist) const
{
    therapist.certifications.clear();
    for (int row = 0; row < table()->rowCount(); ++row) {
        const auto* modality =
            qobject_cast<const QComboBox*>(table()->cellWidget(row, ModalityColumn));
        const Id modalityId = modality == nullptr ? 0 : modality->currentData().toLongLong();
        therapist.certifications.append({rowId(row), modalityId, modalityName(modalityId),
                                         dateIn(row, CertifiedOnColumn),
                                         dateIn(row, ExpiresOnColumn)});
    }
}

void TherapistCertificationsTab::appendEmptyRow()
{
    appendCertification(Certification{});
}

void TherapistCertificationsTab::appendCertification(const Certification& certification)
{
    const auto byCode = changesByCode();
    const int row = appendRow();
    auto* modality = new QComboBox;
    modality->addItem(tr("Choose…"), Id{0});
    for (const Modality& each : std::as_const(m_modalities)) {
        modality->addItem(each.name, each.id);
    }
    modality->setCurrentIndex(std::max(modality->findData(certification.modalityId), 0));
    modality->setFrame(false);
    connect(modality, &QComboBox::currentIndexChanged, this, &TherapistTableTab::changed);
    setCellInput(row, ModalityColumn, modality);
    // The id lives on an item under the combo box, like the other tables' first cells.
    setFirstCell(row, certification.id)->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    setDateCell(row, CertifiedOnColumn, certification.certifiedOn);
    setDateCell(row, ExpiresOnColumn, certification.expiresOn);
    auto* bookable = new QTableWidgetItem;
    bookable->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    table()->setItem(row, BookableColumn, bookable);
}

QString TherapistCertificationsTab::modalityName(Id modalityId) const
{
    for (const Modality& modality : m_modalities) {
        if (modality.id == modalityId) {
            return modality.name;
        }
    }
    return {};
}

void TherapistCertificationsTab::showNotes(const Therapist& entered)
{
    const auto byCode = changesByCode();
    QTableWidget* rows = table();
    for (int row = 0; row < rows->rowCount() && row < entered.certifications.size(); ++row) {
        const Id modalityId = entered.certifications.at(row).modalityId;
        QStringList types;
        for (const MassageType& type : std::as_const(m_activeTypes)) {
            if (modalityId != 0 && type.requiredModalityId == modalityId) {
                types.append(type.name);
            }
        }
        QString text;
        if (modalityId != 0) {
            text = types.isEmpty() ? tr("no massage type needs it") : types.join(tr(", "));
        }
        if (QTableWidgetItem* item = rows->item(row, BookableColumn)) {
            item->setText(text);
            item->setToolTip(text);
        }
    }

    QStringList warnings;
    for (const Certification& certification : entered.certifications) {
        if (certification.modalityId != 0 && certification.expiresOn.isValid() &&
            certification.expiresOn < m_today) {
            warnings.append(tr("%1 expired on %2: its massage types cannot be booked with this "
                               "therapist.")
                                .arg(certification.modalityName,
                                     TherapistProfile::formatDate(certification.expiresOn)));
        }
    }
    for (const Certification& certification :
         TherapistService::expiringCertifications(entered, m_today)) {
        if (certification.modalityId == 0) {
            continue;
        }
        const auto days = static_cast<int>(m_today.daysTo(certification.expiresOn));
        warnings.append(
            tr("%1 expires on %2, in %n day(s): renew it, or its massage types can no longer be "
               "booked with this therapist.",
               nullptr, days)
                .arg(certification.modalityName,
                     TherapistProfile::formatDate(certification.expiresOn)));
    }
    showLine(m_ui->expiryWarningLabel, warnings.join(QLatin1Char('\n')));

    QStringList bookable;
    for (const MassageType& type :
         TherapistService::bookableTypes(entered, m_activeTypes, m_today)) {
        bookable.append(type.name);
    }
    m_ui->bookableLabel->setText(
        bookable.isEmpty() ? tr("No massage type can be booked with these certifications today.")
                           : tr("Bookable today: %1.").arg(bookable.join(tr(", "))));
}

} // namespace masahista::gui

#include "TherapistCredentialsTab.h"

#include "gui/ProblemColour.h"
#include "ui_TherapistCredentialsTab.h"

#include <QTableWidget>

namespace masahista::gui {

namespace {

enum CredentialColumn
{
    IssuingBodyColumn,
    NumberColumn,
    ValidFromColumn,
    ValidToColumn,
    OnReceiptsColumn
};

} // namespace

TherapistCredentialsTab::TherapistCredentialsTab(QWidget* parent)
    : TherapistTableTab(QStringLiteral("credentials"), parent)
    , m_ui(std::make_unique<Ui::TherapistCredentialsTab>())
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    setUpTable(m_ui->credentialsTable, m_ui->addCredentialButton, m_ui->removeCredentialButton,
               m_ui->credentialsError, IssuingBodyColumn, {ValidFromColumn, ValidToColumn},
               {{IssuingBodyColumn, QStringLiteral("issuingBody")},
                {NumberColumn, QStringLiteral("registrationNumber")},
                {ValidToColumn, QStringLiteral("validTo")}});
}

TherapistCredentialsTab::~TherapistCredentialsTab() = default;

void TherapistCredentialsTab::fill(const Therapist& therapist)
{
    table()->setRowCount(0);
    for (const Credential& credential : therapist.credentials) {
        appendCredential(credential);
    }
}

void TherapistCredentialsTab::writeInto(Therapist& therapist) const
{
    therapist.credentials.clear();
    for (int row = 0; row < table()->rowCount(); ++row) {
        const QTableWidgetItem* printed = table()->item(row, OnReceiptsColumn);
        therapist.credentials.append({rowId(row), textIn(row, IssuingBodyColumn),
                                      textIn(row, NumberColumn), dateIn(row, ValidFromColumn),
                                      dateIn(row, ValidToColumn),
                                      printed != nullptr && printed->checkState() == Qt::Checked});
    }
}

void TherapistCredentialsTab::appendEmptyRow()
{
    appendCredential(Credential{});
}

void TherapistCredentialsTab::appendCredential(const Credential& credential)
{
    const auto byCode = changesByCode();
    const int row = appendRow();
    setFirstCell(row, credential.id, credential.issuingBody);
    table()->setItem(row, NumberColumn, new QTableWidgetItem(credential.registrationNumber));
    setDateCell(row, ValidFromColumn, credential.validFrom);
    setDateCell(row, ValidToColumn, credential.validTo);
    auto* printed = new QTableWidgetItem;
    printed->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    printed->setCheckState(credential.printedOnReceipts ? Qt::Checked : Qt::Unchecked);
    table()->setItem(row, OnReceiptsColumn, printed);
}

} // namespace masahista::gui

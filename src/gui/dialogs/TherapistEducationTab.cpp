#include "TherapistEducationTab.h"

#include "booking/catalogue/TherapistService.h"
#include "gui/ProblemColour.h"
#include "ui_TherapistEducationTab.h"

#include <QSpinBox>
#include <QTableWidget>

namespace masahista::gui {

namespace {

enum EducationColumn
{
    SchoolColumn,
    ProgrammeColumn,
    HoursColumn,
    CompletedColumn
};

} // namespace

TherapistEducationTab::TherapistEducationTab(QWidget* parent)
    : TherapistTableTab(QStringLiteral("education"), parent)
    , m_ui(std::make_unique<Ui::TherapistEducationTab>())
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    setUpTable(m_ui->educationTable, m_ui->addEducationButton, m_ui->removeEducationButton,
               m_ui->educationError, SchoolColumn, {CompletedColumn},
               {{SchoolColumn, QStringLiteral("school")},
                {HoursColumn, QStringLiteral("programmeHours")}});
}

TherapistEducationTab::~TherapistEducationTab() = default;

void TherapistEducationTab::fill(const Therapist& therapist)
{
    table()->setRowCount(0);
    for (const Education& education : therapist.education) {
        appendEducation(education);
    }
}

void TherapistEducationTab::writeInto(Therapist& therapist) const
{
    therapist.education.clear();
    for (int row = 0; row < table()->rowCount(); ++row) {
        const auto* hours = qobject_cast<const QSpinBox*>(table()->cellWidget(row, HoursColumn));
        therapist.education.append(
            {rowId(row), textIn(row, SchoolColumn), textIn(row, ProgrammeColumn),
             hours == nullptr ? 0 : hours->value(), dateIn(row, CompletedColumn)});
    }
}

void TherapistEducationTab::appendEmptyRow()
{
    appendEducation(Education{});
}

void TherapistEducationTab::appendEducation(const Education& education)
{
    const auto byCode = changesByCode();
    const int row = appendRow();
    setFirstCell(row, education.id, education.school);
    table()->setItem(row, ProgrammeColumn, new QTableWidgetItem(education.programme));
    auto* hours = new QSpinBox;
    // Bounded as the service's rule is, so that no number it would refuse can be typed.
    hours->setRange(0, TherapistService::maxProgrammeHours);
    hours->setSpecialValueText(tr("not stated"));
    hours->setValue(education.programmeHours);
    hours->setFrame(false);
    connect(hours, &QSpinBox::valueChanged, this, &TherapistTableTab::changed);
    setCellInput(row, HoursColumn, hours);
    setDateCell(row, CompletedColumn, education.completedOn);
}

} // namespace masahista::gui

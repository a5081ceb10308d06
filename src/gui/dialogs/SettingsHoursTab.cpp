#include "SettingsHoursTab.h"

#include "booking/catalogue/SettingsService.h"
#include "gui/ProblemColour.h"
#include "gui/WeekHoursEditor.h"
#include "ui_SettingsHoursTab.h"

#include <QScopedValueRollback>

namespace masahista::gui {

SettingsHoursTab::SettingsHoursTab(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SettingsHoursTab>())
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    // The list reads as part of the tab, not as a box of its own.
    m_ui->hoursScroll->viewport()->setAutoFillBackground(false);
    m_ui->hoursContents->setAutoFillBackground(false);
}

SettingsHoursTab::~SettingsHoursTab() = default;

void SettingsHoursTab::buildDays()
{
    m_hours = new WeekHoursEditor(
        m_ui->hoursGrid, m_ui->hoursContents, WeekHoursEditor::EmptyDay::ClosedBox,
        {QStringLiteral("openEdit"), QStringLiteral("closeEdit"), tr("%1 opens at"),
         tr("%1 closes at"), tr("Another stretch of opening hours on this day, after a break.")});
    connect(m_hours, &WeekHoursEditor::changed, this, [this] {
        if (!m_filling) {
            Q_EMIT changed();
        }
    });
}

void SettingsHoursTab::fill(const ClinicSettings& settings)
{
    const QScopedValueRollback filling(m_filling, true);
    m_hours->setWeek(settings.openingHours);
}

void SettingsHoursTab::writeInto(ClinicSettings& settings) const
{
    settings.openingHours = m_hours->week();
}

bool SettingsHoursTab::showProblems(const FieldProblems& problems)
{
    const QString message = problemOf(problems, QStringLiteral("openingHours"));
    m_ui->openingHoursError->setText(message);
    m_ui->openingHoursError->setVisible(!message.isEmpty());
    const bool dayProblems = m_hours->showProblems(problems, &SettingsService::hoursField);
    return !message.isEmpty() || dayProblems;
}

} // namespace masahista::gui

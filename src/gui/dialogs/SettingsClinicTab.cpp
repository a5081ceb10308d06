#include "SettingsClinicTab.h"

#include "booking/catalogue/SettingsService.h"
#include "booking/clients/ClientService.h"
#include "gui/ProblemColour.h"
#include "ui_SettingsClinicTab.h"

#include <QCheckBox>
#include <QCompleter>
#include <QScopedValueRollback>
#include <QSignalBlocker>
#include <QTimeZone>

namespace masahista::gui {

namespace {

// Shows `field`'s problem in `label`, or hides the label; true if there is one.
bool showProblem(const FieldProblems& problems, QLabel* label, const QString& field)
{
    const QString message = problemOf(problems, field);
    label->setText(message);
    label->setVisible(!message.isEmpty());
    return !message.isEmpty();
}

} // namespace

SettingsClinicTab::SettingsClinicTab(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SettingsClinicTab>())
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
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

    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &SettingsClinicTab::reportChange);
    connect(m_ui->addressEdit, &QPlainTextEdit::textChanged, this,
            &SettingsClinicTab::reportChange);
    connect(m_ui->phoneEdit, &QLineEdit::textChanged, this, &SettingsClinicTab::reportChange);
    connect(m_ui->phoneEdit, &QLineEdit::editingFinished, this, &SettingsClinicTab::tidyPhone);
    connect(m_ui->zoneCombo, &QComboBox::editTextChanged, this, &SettingsClinicTab::reportChange);
    connect(m_ui->zoneConfirmBox, &QCheckBox::toggled, this, &SettingsClinicTab::reportChange);
    connect(m_ui->stepCombo, &QComboBox::currentIndexChanged, this,
            &SettingsClinicTab::reportChange);
    connect(m_ui->lateCancelSpin, &QSpinBox::valueChanged, this, &SettingsClinicTab::reportChange);
}

SettingsClinicTab::~SettingsClinicTab() = default;

void SettingsClinicTab::fill(const ClinicSettings& settings)
{
    const QScopedValueRollback filling(m_filling, true);
    m_ui->nameEdit->setText(settings.name);
    m_ui->addressEdit->setPlainText(settings.address);
    m_ui->phoneEdit->setText(settings.phone);
    const int zoneIndex = m_ui->zoneCombo->findText(settings.timeZoneId);
    if (zoneIndex >= 0) {
        m_ui->zoneCombo->setCurrentIndex(zoneIndex);
    } else {
        m_ui->zoneCombo->setEditText(settings.timeZoneId);
    }
    int stepIndex = m_ui->stepCombo->findData(settings.bookingStepMinutes);
    if (stepIndex < 0) {
        // A step no longer offered is still shown as it is stored; the check then says so.
        m_ui->stepCombo->addItem(tr("%1 min").arg(settings.bookingStepMinutes),
                                 settings.bookingStepMinutes);
        stepIndex = m_ui->stepCombo->count() - 1;
    }
    m_ui->stepCombo->setCurrentIndex(stepIndex);
    m_ui->lateCancelSpin->setValue(settings.lateCancelHours);
    m_ui->zoneConfirmBox->setChecked(false);
}

void SettingsClinicTab::writeInto(ClinicSettings& settings) const
{
    settings.name = m_ui->nameEdit->text();
    settings.address = m_ui->addressEdit->toPlainText();
    settings.phone = m_ui->phoneEdit->text();
    settings.timeZoneId = m_ui->zoneCombo->currentText();
    settings.bookingStepMinutes = m_ui->stepCombo->currentData().toInt();
    settings.lateCancelHours = m_ui->lateCancelSpin->value();
}

QString SettingsClinicTab::timeZoneId() const
{
    return m_ui->zoneCombo->currentText();
}

bool SettingsClinicTab::showProblems(const FieldProblems& problems)
{
    bool any = false;
    any |= showProblem(problems, m_ui->nameError, QStringLiteral("name"));
    any |= showProblem(problems, m_ui->addressError, QStringLiteral("address"));
    any |= showProblem(problems, m_ui->phoneError, QStringLiteral("phone"));
    any |= showProblem(problems, m_ui->zoneError, QStringLiteral("timeZone"));
    any |= showProblem(problems, m_ui->stepError, QStringLiteral("bookingStep"));
    any |= showProblem(problems, m_ui->lateCancelError, QStringLiteral("lateCancel"));
    return any;
}

void SettingsClinicTab::showZoneWarning(const QString& warning)
{
    m_ui->zoneWarning->setText(warning);
    m_ui->zoneWarning->setVisible(!warning.isEmpty());
    if (warning.isEmpty()) {
        // An acceptance belongs to one warning; it is not carried over to the next. Taking it
        // back is no edit of the user's.
        const QSignalBlocker blocker(m_ui->zoneConfirmBox);
        m_ui->zoneConfirmBox->setChecked(false);
    }
    m_ui->zoneConfirmBox->setVisible(!warning.isEmpty());
}

bool SettingsClinicTab::zoneChangeAccepted() const
{
    return m_ui->zoneConfirmBox->isChecked();
}

void SettingsClinicTab::reportChange()
{
    if (!m_filling) {
        Q_EMIT changed();
    }
}

void SettingsClinicTab::tidyPhone()
{
    if (m_ui->phoneEdit->text().trimmed().isEmpty()) {
        return;
    }
    if (const Result<QString> phone = ClientService::normalizePhone(m_ui->phoneEdit->text());
        phone && *phone != m_ui->phoneEdit->text()) {
        m_ui->phoneEdit->setText(*phone);
    }
}

} // namespace masahista::gui

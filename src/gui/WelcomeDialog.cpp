#include "WelcomeDialog.h"

#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/demo/DemoClinic.h"
#include "ui_WelcomeDialog.h"

#include <QGuiApplication>
#include <QPushButton>

namespace masahista::gui {

namespace {

// Loading the demo takes a moment on a slow disk; the cursor says that something is happening.
class WaitCursor
{
public:
    WaitCursor() { QGuiApplication::setOverrideCursor(Qt::WaitCursor); }
    ~WaitCursor() { QGuiApplication::restoreOverrideCursor(); }
    WaitCursor(const WaitCursor&) = delete;
    WaitCursor& operator=(const WaitCursor&) = delete;
};

} // namespace

WelcomeDialog::WelcomeDialog(Clinic& clinic, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::WelcomeDialog>())
    , m_clinic(clinic)
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    connect(m_ui->loadDemoButton, &QPushButton::clicked, this, &WelcomeDialog::loadDemo);
    connect(m_ui->startEmptyButton, &QPushButton::clicked, this, &WelcomeDialog::startEmpty);
}

WelcomeDialog::~WelcomeDialog() = default;

void WelcomeDialog::loadDemo()
{
    m_ui->errorLabel->hide();
    const WaitCursor waiting;
    const Result<DemoSummary> loaded = m_clinic.loadDemo();
    if (!loaded) {
        showError(loaded.error().message);
        return;
    }
    m_choice = Choice::DemoLoaded;
    accept();
}

void WelcomeDialog::startEmpty()
{
    m_choice = Choice::StartedEmpty;
    accept();
}

void WelcomeDialog::showError(const QString& message)
{
    m_ui->errorLabel->setText(tr("The demo clinic could not be loaded: %1").arg(message));
    m_ui->errorLabel->show();
}

} // namespace masahista::gui

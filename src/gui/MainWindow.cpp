#include "MainWindow.h"

#include "Appearance.h"
#include "BackupController.h"
#include "CalendarPage.h"
#include "ClientsPage.h"
#include "Icons.h"
#include "MassageTypesPage.h"
#include "MyDayPage.h"
#include "PageHolder.h"
#include "Preferences.h"
#include "ProblemColour.h"
#include "RoomsPage.h"
#include "TherapistsPage.h"
#include "booking/Actor.h"
#include "booking/Clinic.h"
#include "gui/dialogs/DatabaseProblemDialog.h"
#include "gui/dialogs/HoursDialog.h"
#include "gui/dialogs/RestoreDialog.h"
#include "gui/dialogs/SettingsDialog.h"
#include "gui/help/ShortcutsDialog.h"
#include "gui/help/UserGuideDialog.h"
#include "ui_MainWindow.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QStringList>
#include <QUndoStack>
#include <QUrl>

#include <type_traits>

namespace masahista::gui {

MainWindow::MainWindow(Clinic& clinic, QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_clinic(clinic)
{
    m_ui->setupUi(this);
    m_ui->loadErrorLabel->hide();
    m_ui->noticeLabel->hide();
    setUpActions();
    setUpViews();
    loadClinic();
    setUpPages();
    setUpMenus();
    setUpBackups();
}

MainWindow::~MainWindow() = default;

MyDayPage* MainWindow::myDayPage()
{
    return static_cast<MyDayPage*>(m_myDayHolder->page());
}

ClientsPage* MainWindow::clientsPage()
{
    return static_cast<ClientsPage*>(m_clientsHolder->page());
}

TherapistsPage* MainWindow::therapistsPage()
{
    return static_cast<TherapistsPage*>(m_therapistsHolder->page());
}

MassageTypesPage* MainWindow::massageTypesPage()
{
    return static_cast<MassageTypesPage*>(m_massageTypesHolder->page());
}

RoomsPage* MainWindow::roomsPage()
{
    return static_cast<RoomsPage*>(m_roomsHolder->page());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Restored by the next start (gui/GuiApplication.cpp).
    preferences()->setValue(QStringLiteral("window/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

void MainWindow::setUpActions()
{
    // Some platforms (Windows) define no standard Quit key; Ctrl+Q is what users expect there.
    QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    if (quitKeys.isEmpty()) {
        quitKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Q));
    }
    m_ui->actionQuit->setShortcuts(quitKeys);
    m_ui->actionQuit->setShortcutVisibleInContextMenu(true);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    m_ui->actionUserGuide->setShortcut(QKeySequence::HelpContents);
    connect(m_ui->actionUserGuide, &QAction::triggered, this,
            [this] { UserGuideDialog::showFor(this); });
    m_ui->actionKeyboardShortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(m_ui->actionKeyboardShortcuts, &QAction::triggered, this,
            &MainWindow::showKeyboardShortcuts);
}

void MainWindow::setUpPages()
{
    m_calendarPage = new CalendarPage(m_clinic, this);
    m_ui->tabs->addTab(m_calendarPage, Icons::icon(Icon::DayView), tr("&Calendar"));
    // The window opens with the keyboard on the day, not on the row of tabs.
    m_calendarPage->focusView();

    m_myDayHolder = new PageHolder(
        [this](QWidget* parent) {
            auto* page = new MyDayPage(m_clinic, parent);
            page->printAction()->setIcon(Icons::icon(Icon::Print));
            page->exportPdfAction()->setIcon(Icons::icon(Icon::ExportPdf));
            return page;
        },
        this);
    m_ui->tabs->addTab(m_myDayHolder, Icons::icon(Icon::MyDay), tr("M&y day"));

    m_clientsHolder = new PageHolder(
        [this](QWidget* parent) {
            auto* page = new ClientsPage(m_clinic, parent);
            connect(page, &ClientsPage::bookRequested, this, [this](Id clientId) {
                m_ui->tabs->setCurrentWidget(m_calendarPage);
                m_calendarPage->bookForClient(clientId);
            });
            connect(page, &ClientsPage::appointmentActivated, this,
                    [this](Id appointmentId, QDate date) {
                        m_ui->tabs->setCurrentWidget(m_calendarPage);
                        m_calendarPage->goToAppointment(date, appointmentId);
                    });
            return page;
        },
        this);
    m_ui->tabs->addTab(m_clientsHolder, Icons::icon(Icon::OpenClient), tr("C&lients"));

    m_therapistsHolder = new PageHolder(
        [this](QWidget* parent) {
            auto* page = new TherapistsPage(m_clinic, parent);
            connect(page, &TherapistsPage::hoursRequested, this, &MainWindow::editHours);
            connect(page, &TherapistsPage::therapistsChanged, m_calendarPage,
                    &CalendarPage::reload);
            return page;
        },
        this);
    m_ui->tabs->addTab(m_therapistsHolder, tr("&Therapists"));

    // The pages write through this window's own connection, which the calendar's watcher of
    // other processes' changes does not see.
    m_massageTypesHolder = new PageHolder(
        [this](QWidget* parent) {
            auto* page = new MassageTypesPage(m_clinic, parent);
            connect(page, &MassageTypesPage::catalogChanged, m_calendarPage, &CalendarPage::reload);
            return page;
        },
        this);
    m_ui->tabs->addTab(m_massageTypesHolder, tr("&Massage types"));
    m_roomsHolder = new PageHolder(
        [this](QWidget* parent) {
            auto* page = new RoomsPage(m_clinic, parent);
            connect(page, &RoomsPage::catalogChanged, m_calendarPage, &CalendarPage::reload);
            return page;
        },
        this);
    m_ui->tabs->addTab(m_roomsHolder, tr("&Rooms"));
    m_ui->tabs->setCurrentIndex(0);
}

void MainWindow::editHours(Id therapistId)
{
    HoursDialog dialog(m_clinic, therapistId, this);
    // An appointment in the way is shown in the calendar once the dialog is closed.
    Id chosen = 0;
    QDate chosenDate;
    connect(&dialog, &HoursDialog::appointmentActivated, this, [&](Id appointmentId, QDate date) {
        chosen = appointmentId;
        chosenDate = date;
        dialog.reject();
    });
    dialog.exec();
    therapistsPage()->reload();
    m_calendarPage->reload();
    if (chosen != 0 && !dialog.isVisible()) {
        m_ui->tabs->setCurrentWidget(m_calendarPage);
        m_calendarPage->goToAppointment(chosenDate, chosen);
    }
}

void MainWindow::setUpMenus()
{
    m_settingsAction = new QAction(tr("Clinic &settings…"), this);
    m_ui->fileMenu->insertAction(m_ui->actionQuit, m_settingsAction);
    m_ui->fileMenu->insertSeparator(m_ui->actionQuit);
    connect(m_settingsAction, &QAction::triggered, this, [this] {
        SettingsDialog dialog(m_clinic, this);
        connect(&dialog, &SettingsDialog::settingsSaved, this, [this] {
            // Name, zone, grid and opening hours shape every page; one not built yet reads
            // them when it is.
            loadClinic();
            m_backups->refresh();
            m_calendarPage->reload();
            if (m_myDayHolder->isBuilt()) {
                myDayPage()->reload();
            }
        });
        dialog.exec();
    });

    QMenu* dayMenu = new QMenu(tr("&Day"), this);
    dayMenu->addAction(m_calendarPage->newBookingAction());
    dayMenu->addAction(m_calendarPage->findClientAction());
    dayMenu->addAction(m_calendarPage->openClientAction());
    dayMenu->addAction(m_calendarPage->cancelAction());
    dayMenu->addAction(m_calendarPage->unresolvedAction());
    dayMenu->addSeparator();
    dayMenu->addAction(m_calendarPage->printAction());
    dayMenu->addAction(m_calendarPage->exportPdfAction());
    dayMenu->addSeparator();
    dayMenu->addAction(m_calendarPage->previousDayAction());
    dayMenu->addAction(m_calendarPage->nextDayAction());
    dayMenu->addAction(m_calendarPage->todayAction());
    QMenu* editMenu = new QMenu(tr("&Edit"), this);
    QAction* undo = m_calendarPage->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_calendarPage->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    QMenu* viewMenu = new QMenu(tr("&View"), this);
    viewMenu->addAction(m_calendarPage->dayViewAction());
    viewMenu->addAction(m_calendarPage->weekViewAction());
    viewMenu->addAction(m_calendarPage->clinicWeekAction());
    viewMenu->addSeparator();
    viewMenu->addAction(m_calendarPage->compactDayAction());
    viewMenu->addMenu(Appearance::createThemeMenu(viewMenu));
    menuBar()->insertMenu(m_ui->helpMenu->menuAction(), editMenu);
    menuBar()->insertMenu(m_ui->helpMenu->menuAction(), dayMenu);
    menuBar()->insertMenu(m_ui->helpMenu->menuAction(), viewMenu);

    const std::pair<QAction*, Icon> icons[] = {
        {m_calendarPage->newBookingAction(), Icon::NewBooking},
        {m_calendarPage->findClientAction(), Icon::FindClient},
        {m_calendarPage->openClientAction(), Icon::OpenClient},
        {m_calendarPage->cancelAction(), Icon::CancelAppointment},
        {m_calendarPage->unresolvedAction(), Icon::Unresolved},
        {m_calendarPage->printAction(), Icon::Print},
        {m_calendarPage->exportPdfAction(), Icon::ExportPdf},
        {m_calendarPage->previousDayAction(), Icon::PreviousDay},
        {m_calendarPage->nextDayAction(), Icon::NextDay},
        {m_calendarPage->todayAction(), Icon::Today},
        {m_calendarPage->dayViewAction(), Icon::DayView},
        {m_calendarPage->weekViewAction(), Icon::WeekView},
        {m_calendarPage->clinicWeekAction(), Icon::ClinicWeek},
        {undo, Icon::Undo},
        {redo, Icon::Redo},
    };
    for (const auto& [action, icon] : icons) {
        action->setIcon(Icons::icon(icon));
    }
    // Menus show each action's shortcut; tooltips repeat it for the toolbar-less window.
    for (QAction* action : dayMenu->actions() + editMenu->actions()) {
        if (!action->shortcut().isEmpty()) {
            action->setToolTip(action->text().remove(QLatin1Char('&')) + QStringLiteral(" (") +
                               action->shortcut().toString(QKeySequence::NativeText) +
                               QLatin1Char(')'));
        }
    }
}

void MainWindow::setUpViews()
{
    const QString path = m_clinic.isInMemory()
                             ? tr("Database: in memory (nothing is kept)")
                             : tr("Database: %1").arg(QDir::toNativeSeparators(m_clinic.path()));
    m_databasePathLabel = new QLabel(path, this);
    m_databasePathLabel->setObjectName(QStringLiteral("databasePathLabel"));
    m_databasePathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_databasePathLabel, 1);
}

void MainWindow::loadClinic()
{
    // Each page reads and reports its own part of the clinic; the window only its settings.
    const Result<ClinicSettings> settings = m_clinic.clinicSettings();
    if (settings && !settings->name.trimmed().isEmpty()) {
        // Nobody should take the demo's clients and bookings for a real clinic's.
        setWindowTitle(
            settings->madeUp
                ? tr("Masahista — %1 (demo clinic, made-up data)").arg(settings->name.trimmed())
                : tr("Masahista — %1").arg(settings->name.trimmed()));
    } else if (settings && settings->madeUp) {
        setWindowTitle(tr("Masahista — demo clinic (made-up data)"));
    } else {
        setWindowTitle(tr("Masahista"));
    }
    if (settings) {
        m_ui->loadErrorLabel->hide();
    } else {
        m_ui->loadErrorLabel->setText(tr("The clinic's settings could not be read:") +
                                      QLatin1Char('\n') + settings.error().message);
        m_ui->loadErrorLabel->show();
    }
}

void MainWindow::setUpBackups()
{
    m_backups = new BackupController(m_clinic, this);
    m_backUpAction = new QAction(tr("&Back Up Now"), this);
    m_restoreAction = new QAction(tr("&Restore from a Backup…"), this);
    m_ui->fileMenu->insertAction(m_settingsAction, m_backUpAction);
    m_ui->fileMenu->insertAction(m_settingsAction, m_restoreAction);
    m_ui->fileMenu->insertSeparator(m_settingsAction);
    const bool hasFile = !m_clinic.isInMemory();
    m_backUpAction->setEnabled(hasFile);
    m_restoreAction->setEnabled(hasFile);
    connect(m_backUpAction, &QAction::triggered, m_backups, &BackupController::backUpNow);
    connect(m_restoreAction, &QAction::triggered, this, &MainWindow::chooseBackupToRestore);

    m_backupLabel = new QLabel(this);
    m_backupLabel->setObjectName(QStringLiteral("backupLabel"));
    m_backupLabel->setTextFormat(Qt::RichText);
    connect(m_backupLabel, &QLabel::linkActivated, this, [this] {
        QDir().mkpath(m_backups->folderPath());
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_backups->folderPath()));
    });
    statusBar()->addPermanentWidget(m_backupLabel);
    connect(m_backups, &BackupController::statusChanged, this, &MainWindow::showBackupStatus);
    connect(m_backups, &BackupController::backupFinished, this,
            [this](bool ok, const QString& message) {
                if (ok) {
                    statusBar()->showMessage(message, 10000);
                } else {
                    showNotice(message, true);
                }
            });
    connect(m_backups, &BackupController::damageFound, this, &MainWindow::showDamage);
    connect(m_ui->noticeLabel, &QLabel::linkActivated, m_ui->noticeLabel, &QWidget::hide);
}

void MainWindow::startBackgroundWork()
{
    m_backups->start();
}

void MainWindow::showBackupStatus()
{
    m_backUpAction->setEnabled(!m_backups->isBusy() && !m_clinic.isInMemory());
    const QString text = m_backups->statusText().toHtmlEscaped();
    const QString folderLink =
        m_backups->folderPath().isEmpty()
            ? QString()
            : QStringLiteral(" <a href=\"folder\">%1</a>").arg(tr("Show folder").toHtmlEscaped());
    m_backupLabel->setText(m_backups->needsAttention()
                               ? QStringLiteral("<span style=\"color:%1\">%2</span>%3")
                                     .arg(ProblemColour::name(), text, folderLink)
                               : text + folderLink);
    m_backupLabel->setToolTip(m_backups->statusDetails());
}

void MainWindow::chooseBackupToRestore()
{
    const Result<BackupFolder> folder = m_clinic.backups().folder();
    const BackupFolder place =
        folder ? *folder : BackupController::rememberedFolder(m_clinic.path());
    RestoreDialog dialog(place.list(), place.path(), place.zone(), this);
    if (dialog.exec() == QDialog::Accepted && !dialog.chosenPath().isEmpty()) {
        Q_EMIT restoreRequested(dialog.chosenPath());
    }
}

void MainWindow::showDamage(const QString& message)
{
    DatabaseProblemDialog dialog(makeError(ErrorCode::Corrupt, message), m_clinic.path(),
                                 DatabaseProblemDialog::Situation::Open, this);
    dialog.exec();
    if (dialog.choice() == DatabaseProblemDialog::Choice::Restore) {
        Q_EMIT restoreRequested(dialog.backupPath());
    } else {
        showNotice(message, true);
    }
}

void MainWindow::showRestored(const QString& backupPath, const QString& asidePath)
{
    QString text = tr("The clinic was restored from %1.").arg(QDir::toNativeSeparators(backupPath));
    if (!asidePath.isEmpty()) {
        text +=
            QLatin1Char(' ') +
            tr("The database it replaced is kept as %1.").arg(QDir::toNativeSeparators(asidePath));
    }
    showNotice(text, false);
}

void MainWindow::showRestoreRefused(const QString& reason)
{
    showNotice(tr("The restore was refused: %1").arg(reason), true);
}

void MainWindow::showNotice(const QString& text, bool problem)
{
    m_ui->noticeLabel->setStyleSheet(
        problem ? QStringLiteral("QLabel { color: #8a1c1c; background-color: #fdecea; border: "
                                 "1px solid #f1b0ac; border-radius: 4px; padding: 6px; }")
                : QStringLiteral("QLabel { color: #1b4d2b; background-color: #e8f5ec; border: "
                                 "1px solid #a9d5b5; border-radius: 4px; padding: 6px; }"));
    m_ui->noticeLabel->setText(
        text.toHtmlEscaped() +
        QStringLiteral(" <a href=\"dismiss\">%1</a>").arg(tr("Dismiss").toHtmlEscaped()));
    m_ui->noticeLabel->show();
}

void MainWindow::showKeyboardShortcuts()
{
    // A page's own keys are actions of the page, which is built only when first needed.
    m_myDayHolder->page();
    ShortcutsDialog::showFor(this);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Masahista"),
                       tr("<h3>Masahista %1</h3>"
                          "<p>Appointment booking for massage-therapy clinics.</p>"
                          "<p>Built with Qt %2.</p>")
                           .arg(QCoreApplication::applicationVersion().toHtmlEscaped(),
                                QString::fromLatin1(qVersion())));
}

} // namespace masahista::gui

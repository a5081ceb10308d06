#include "MyDayPage.h"

#include "DatabaseWatcher.h"
#include "Preferences.h"
#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/IcsCalendar.h"
#include "gui/ProblemColour.h"
#include "gui/print/DaySheet.h"
#include "gui/print/PrintActions.h"
#include "ui_MyDayPage.h"

#include <QAction>
#include <QColor>
#include <QFontMetrics>
#include <QIcon>
#include <QLocale>
#include <QPixmap>
#include <QScrollBar>

#include <algorithm>

namespace masahista::gui {

namespace {

const QString therapistKey = QStringLiteral("myDay/therapist");

QString html(const QString& text)
{
    return text.toHtmlEscaped();
}

// "45 min", "2 h", "1 h 45 min".
QString lengthText(qint64 minutes)
{
    if (minutes < 60) {
        return MyDayPage::tr("%1 min").arg(minutes);
    }
    if (minutes % 60 == 0) {
        return MyDayPage::tr("%1 h").arg(minutes / 60);
    }
    return MyDayPage::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

// One piece of the day (an appointment, time off, a free stretch), sorted by when it starts.
struct Block
{
    QDateTime start;
    QString html;
};

} // namespace

MyDayPage::MyDayPage(Clinic& clinic, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::MyDayPage>())
    , m_clinic(clinic)
    , m_watcher(new DatabaseWatcher(clinic, 500, this))
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    m_ui->messageLabel->hide();
    // The weekday first: a therapist thinks of "Thursday" before the date.
    const QString dateFormat = QStringLiteral("dddd ") + QLocale().dateFormat(QLocale::ShortFormat);
    m_ui->dateEdit->setDisplayFormat(dateFormat);
    // The edit sizes itself for its first and last dates only, which cuts a longer weekday
    // ("Wednesday") short: make room for the widest of the week.
    const QFontMetrics metrics(m_ui->dateEdit->font());
    const auto advance = [&metrics, &dateFormat](QDate date) {
        return metrics.horizontalAdvance(QLocale().toString(date, dateFormat));
    };
    int widest = 0;
    for (int day = 0; day < 7; ++day) {
        widest = std::max(widest, advance(QDate(2026, 12, 30).addDays(day)));
    }
    const int sized =
        std::max(advance(m_ui->dateEdit->minimumDate()), advance(m_ui->dateEdit->maximumDate()));
    m_ui->dateEdit->setMinimumWidth(m_ui->dateEdit->sizeHint().width() + widest - sized);
    m_ui->previousDayButton->setToolTip(tr("Previous day (PgUp)"));
    m_ui->previousDayButton->setAccessibleName(tr("Previous day"));
    m_ui->nextDayButton->setToolTip(tr("Next day (PgDn)"));
    m_ui->nextDayButton->setAccessibleName(tr("Next day"));
    setUpActions();

    connect(m_ui->previousDayButton, &QToolButton::clicked, m_previousDay, &QAction::trigger);
    connect(m_ui->nextDayButton, &QToolButton::clicked, m_nextDay, &QAction::trigger);
    connect(m_ui->todayButton, &QPushButton::clicked, m_today, &QAction::trigger);
    connect(m_ui->printButton, &QPushButton::clicked, m_print, &QAction::trigger);
    connect(m_ui->exportPdfButton, &QPushButton::clicked, m_exportPdf, &QAction::trigger);
    connect(m_ui->dateEdit, &QDateEdit::dateChanged, this, &MyDayPage::showDate);
    connect(m_ui->therapistCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0) {
            chooseTherapist(m_ui->therapistCombo->itemData(index).toLongLong(), true);
        }
    });
    connect(m_ui->showCancelledCheck, &QCheckBox::toggled, this, [this] { render(true); });
    // A hidden page catches up in showEvent instead of reading a day nobody looks at.
    connect(m_watcher, &DatabaseWatcher::changedElsewhere, this, [this] {
        if (isVisible()) {
            reload();
        }
    });

    m_therapistId = preferences()->value(therapistKey).toLongLong();
    m_date = today();
    {
        const QSignalBlocker blocker(m_ui->dateEdit);
        m_ui->dateEdit->setDate(m_date);
    }
    reload();
}

MyDayPage::~MyDayPage() = default;

void MyDayPage::setUpActions()
{
    // Scoped to the page, so these keys never fire while another tab has the focus. PgUp and
    // PgDn change the day even inside the browser: Space and Shift+Space still page through it.
    const auto pageAction = [this](const QString& text, const QKeySequence& key) {
        auto* action = new QAction(text, this);
        if (!key.isEmpty()) {
            action->setShortcut(key);
        }
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    m_previousDay = pageAction(tr("&Previous day"), QKeySequence(Qt::Key_PageUp));
    m_nextDay = pageAction(tr("&Next day"), QKeySequence(Qt::Key_PageDown));
    m_today = pageAction(tr("&Today"), QKeySequence());
    m_print = pageAction(tr("&Print my day…"), QKeySequence::Print);
    m_exportPdf = pageAction(tr("E&xport my day as PDF…"), QKeySequence());
    connect(m_previousDay, &QAction::triggered, this, [this] { showDate(m_date.addDays(-1)); });
    connect(m_nextDay, &QAction::triggered, this, [this] { showDate(m_date.addDays(1)); });
    connect(m_today, &QAction::triggered, this, [this] { showDate(today()); });
    connect(m_print, &QAction::triggered, this,
            [this] { PrintActions::printWithPreview(this, daySheetHtml()); });
    connect(m_exportPdf, &QAction::triggered, this, [this] {
        QString name = m_ui->therapistCombo->currentText();
        // A name goes into a file name: keep letters and digits only.
        for (QChar& character : name) {
            if (!character.isLetterOrNumber()) {
                character = QLatin1Char('-');
            }
        }
        PrintActions::exportPdf(this, daySheetHtml(),
                                tr("day-sheet-%1-%2.pdf").arg(m_date.toString(Qt::ISODate), name));
    });
}

QDate MyDayPage::today() const
{
    if (m_loaded) {
        return ClinicTime::toLocal(m_clinic.clock().nowUtc(), m_schedule.directory.zone).date();
    }
    const Result<ClinicSettings> settings = m_clinic.clinicSettings();
    const QTimeZone zone = ClinicTime::zone(settings ? settings->timeZoneId : QString());
    return ClinicTime::toLocal(m_clinic.clock().nowUtc(), zone).date();
}

void MyDayPage::showDate(QDate date)
{
    if (!date.isValid()) {
        return;
    }
    m_date = date;
    if (m_ui->dateEdit->date() != date) {
        const QSignalBlocker blocker(m_ui->dateEdit);
        m_ui->dateEdit->setDate(date);
    }
    reload();
}

void MyDayPage::setTherapist(Id therapistId)
{
    const int index = m_ui->therapistCombo->findData(therapistId);
    if (index < 0) {
        return;
    }
    {
        const QSignalBlocker blocker(m_ui->therapistCombo);
        m_ui->therapistCombo->setCurrentIndex(index);
    }
    chooseTherapist(therapistId, true);
}

void MyDayPage::chooseTherapist(Id therapistId, bool remember)
{
    if (remember) {
        preferences()->setValue(therapistKey, therapistId);
    }
    if (therapistId != m_therapistId) {
        m_therapistId = therapistId;
        reload();
    }
}

void MyDayPage::reload()
{
    Result<DaySchedule> loaded = m_clinic.daySchedule(m_date);
    if (!loaded) {
        // Nothing stale stays on screen: the day shown could be another date's or therapist's.
        m_loaded = false;
        m_schedule = DaySchedule{};
        showMessage(loaded.error().message);
        render(false);
        return;
    }
    m_schedule = std::move(loaded).value();
    m_loaded = true;
    fillTherapistCombo();

    showMessage(QString());
    render(m_renderedDate == m_date && m_renderedTherapist == m_therapistId);
}

void MyDayPage::fillTherapistCombo()
{
    QList<const Therapist*> active;
    for (const Therapist& therapist : m_schedule.directory.therapists) {
        if (therapist.active) {
            active.append(&therapist);
        }
    }
    QComboBox* combo = m_ui->therapistCombo;
    const bool same =
        combo->count() == active.size() &&
        std::all_of(active.cbegin(), active.cend(), [combo](const Therapist* each) {
            const int index = combo->findData(each->id);
            return index >= 0 && combo->itemText(index) == each->displayName &&
                   combo->itemData(index, Qt::UserRole + 1).toString() == each->calendarColor;
        });
    const QSignalBlocker blocker(combo);
    // Rebuilt only when something changed, so that a refresh never closes an open popup.
    if (!same) {
        combo->clear();
        for (const Therapist* therapist : active) {
            QPixmap swatch(12, 12);
            swatch.fill(QColor::fromString(therapist->calendarColor));
            combo->addItem(QIcon(swatch), therapist->displayName, therapist->id);
            combo->setItemData(combo->count() - 1, therapist->calendarColor, Qt::UserRole + 1);
        }
    }
    // The first start, or a remembered therapist who left: the first in the clinic's order,
    // not written back, so the remembered one returns if they become active again.
    if (combo->findData(m_therapistId) < 0) {
        m_therapistId = active.isEmpty() ? 0 : active.constFirst()->id;
    }
    combo->setCurrentIndex(combo->findData(m_therapistId));
}

void MyDayPage::showEvent(QShowEvent* event)
{
    // Changes made through this same connection (the calendar tab, a dialog) do not reach the
    // watcher, which only sees other connections' writes.
    reload();
    QWidget::showEvent(event);
}

QString MyDayPage::dayText() const
{
    return m_ui->dayBrowser->toPlainText();
}

QString MyDayPage::dayHtml() const
{
    return m_ui->dayBrowser->toHtml();
}

QString MyDayPage::daySheetHtml() const
{
    return DaySheet::html(m_schedule, m_therapistId, m_clinic.clock().nowUtc());
}

QString MyDayPage::message() const
{
    return m_ui->messageLabel->isHidden() ? QString() : m_ui->messageLabel->text();
}

void MyDayPage::showMessage(const QString& text)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setVisible(!text.isEmpty());
}

QString MyDayPage::appointmentBlock(const CalendarEntry& entry) const
{
    const Appointment& appointment = entry.appointment;
    const QTimeZone& zone = m_schedule.directory.zone;
    const bool cancelled = !appointment.holdsTime();
    // Struck through, so that a cancelled visit never reads as one still to come.
    const auto strike = [cancelled](const QString& text) {
        return cancelled ? QStringLiteral("<s>%1</s>").arg(text) : text;
    };
    const QString times = ClinicTime::formatRange(appointment.startUtc, appointment.endUtc, zone);
    QString status = IcsCalendar::statusText(appointment.status);
    if (cancelled && appointment.cancelledLate) {
        status = tr("%1 (late)").arg(status);
    }

    QString who = QStringLiteral("<b>%1</b>").arg(html(entry.clientName));
    const QString& phone = entry.clientPhone;
    if (!phone.isEmpty()) {
        who += QStringLiteral(" · ") + html(phone);
    }
    const QString room =
        entry.roomName.isEmpty() ? tr("no room") : tr("Room: %1").arg(entry.roomName);
    QString details =
        strike(who) + QStringLiteral("<br>") +
        strike(html(
            tr("%1, %2 min").arg(entry.serviceName, QString::number(appointment.durationMinutes)) +
            QStringLiteral(" · ") + room));
    for (const HealthAlert& alert : entry.healthAlerts) {
        details += QStringLiteral("<br><span style=\"color:%1; font-weight:bold\">%2</span>")
                       .arg(ProblemColour::name(), html(IcsCalendar::alertText(alert)));
    }
    if (!appointment.notes.isEmpty()) {
        details += QStringLiteral("<br>") + html(tr("Notes: %1").arg(appointment.notes));
    }
    if (cancelled && !appointment.cancelReason.isEmpty()) {
        details += QStringLiteral("<br>") + html(tr("Cancelled: %1").arg(appointment.cancelReason));
    }

    const QColor serviceColor = QColor::fromString(entry.serviceColor);
    const QString swatch =
        serviceColor.isValid() ? serviceColor.name() : palette().mid().color().name();
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" "
                          "bgcolor=\"%1\" style=\"margin-top: 4px; margin-bottom: 4px\"><tr>"
                          "<td width=\"6\" bgcolor=\"%2\"></td>"
                          "<td width=\"120\" valign=\"top\"><span style=\"font-size: large; "
                          "font-weight: bold\">%3</span><br>%4</td>"
                          "<td valign=\"top\">%5</td></tr></table>")
        .arg(palette().alternateBase().color().name(), swatch, strike(html(times)), html(status),
             details);
}

void MyDayPage::render(bool keepScroll)
{
    const bool printable = m_loaded && m_therapistId != 0;
    m_print->setEnabled(printable);
    m_exportPdf->setEnabled(printable);
    m_ui->printButton->setEnabled(printable);
    m_ui->exportPdfButton->setEnabled(printable);

    QScrollBar* scroll = m_ui->dayBrowser->verticalScrollBar();
    const int scrollValue = scroll->value();
    const auto show = [&](const QString& text) {
        m_ui->dayBrowser->setHtml(text);
        if (keepScroll) {
            scroll->setValue(scrollValue);
        }
        m_renderedDate = m_date;
        m_renderedTherapist = m_therapistId;
    };
    if (!m_loaded) {
        show(QString());
        return;
    }
    const Therapist* therapist = m_schedule.directory.therapist(m_therapistId);
    if (therapist == nullptr) {
        show(QStringLiteral("<p>%1</p>")
                 .arg(html(tr("There are no active therapists yet. Add one to see their day."))));
        return;
    }

    const QTimeZone& zone = m_schedule.directory.zone;
    const auto clock = [this, &zone](const QDateTime& instant) {
        // A stretch running to midnight ends at 24:00, not at the 00:00 it started from.
        return instant >= m_schedule.endUtc ? ClinicTime::formatMinute(24 * 60)
                                            : ClinicTime::formatTime(instant, zone);
    };
    const bool showCancelled = m_ui->showCancelledCheck->isChecked();

    QList<Block> blocks;
    int appointments = 0;
    int hiddenCancelled = 0;
    for (const CalendarEntry& entry : m_schedule.entries) {
        if (entry.appointment.therapistId != m_therapistId) {
            continue;
        }
        if (!entry.appointment.holdsTime() && !showCancelled) {
            ++hiddenCancelled;
            continue;
        }
        if (entry.appointment.holdsTime()) {
            ++appointments;
        }
        blocks.append({entry.appointment.startUtc, appointmentBlock(entry)});
    }
    for (const TimeOff& off : m_schedule.working.timeOff) {
        if (off.therapistId != m_therapistId || off.endUtc <= m_schedule.startUtc ||
            m_schedule.endUtc <= off.startUtc) {
            continue;
        }
        const QDateTime start = std::max(off.startUtc, m_schedule.startUtc);
        const QDateTime end = std::min(off.endUtc, m_schedule.endUtc);
        const QString span = clock(start) + QStringLiteral("–") + clock(end);
        const QString text = off.reason.isEmpty()
                                 ? tr("Time off %1").arg(span)
                                 : tr("Time off %1: %2").arg(span, off.reason.simplified());
        blocks.append({start, QStringLiteral("<p><b>%1</b></p>").arg(html(text))});
    }
    for (const TimeSpan& span : freeTime(m_date, m_schedule.directory, m_therapistId,
                                         m_schedule.entries, m_schedule.working)) {
        const QString text = tr("Free %1–%2, %3")
                                 .arg(clock(span.start), clock(span.end),
                                      lengthText(span.start.secsTo(span.end) / 60));
        blocks.append({span.start, QStringLiteral("<p><i>%1</i></p>").arg(html(text))});
    }
    std::stable_sort(blocks.begin(), blocks.end(),
                     [](const Block& a, const Block& b) { return a.start < b.start; });

    const QString hours =
        ClinicTime::formatDay(m_schedule.hoursOf(m_therapistId), m_date.dayOfWeek());
    QString text = QStringLiteral("<h2>%1</h2>").arg(html(therapist->displayName));
    text += QStringLiteral("<p><b>%1</b><br>%2</p>")
                .arg(html(QLocale().toString(m_date, QLocale::LongFormat)),
                     html(hours.isEmpty() ? tr("Day off: not scheduled to work.")
                                          : tr("Hours: %1").arg(hours)));
    text += QStringLiteral("<p>%1</p>")
                .arg(html(appointments == 0 ? tr("No appointments.")
                                            : tr("%n appointment(s).", nullptr, appointments)));
    for (const Block& block : blocks) {
        text += block.html;
    }
    if (hiddenCancelled > 0) {
        text +=
            QStringLiteral("<p>%1</p>")
                .arg(html(tr("%n cancelled appointment(s) not shown.", nullptr, hiddenCancelled)));
    }
    show(text);
}

} // namespace masahista::gui

#include "SettingsClosedDaysTab.h"

#include "booking/catalogue/AlbertaHolidays.h"
#include "gui/DateEdit.h"
#include "gui/ProblemColour.h"
#include "ui_SettingsClosedDaysTab.h"

#include <QHeaderView>
#include <QScopedValueRollback>
#include <QSet>

#include <algorithm>

namespace masahista::gui {

namespace {

enum ClosedColumn
{
    DateColumn,
    ReasonColumn
};

} // namespace

SettingsClosedDaysTab::SettingsClosedDaysTab(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SettingsClosedDaysTab>())
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    m_ui->closedTable->horizontalHeader()->setSectionResizeMode(DateColumn,
                                                                QHeaderView::ResizeToContents);

    connect(m_ui->closedTable, &QTableWidget::itemChanged, this,
            &SettingsClosedDaysTab::reportChange);
    connect(m_ui->addClosedButton, &QPushButton::clicked, this,
            &SettingsClosedDaysTab::addNextFreeDay);
    connect(m_ui->addHolidaysButton, &QPushButton::clicked, this,
            &SettingsClosedDaysTab::addAlbertaHolidays);
    connect(m_ui->removeClosedButton, &QPushButton::clicked, this,
            &SettingsClosedDaysTab::removeChosenRows);
}

SettingsClosedDaysTab::~SettingsClosedDaysTab() = default;

void SettingsClosedDaysTab::setClinicToday(std::function<QDate()> clinicToday)
{
    m_clinicToday = std::move(clinicToday);
}

void SettingsClosedDaysTab::fill(const ClinicSettings& settings, int holidayYear)
{
    const QScopedValueRollback filling(m_filling, true);
    m_ui->holidayYearSpin->setValue(holidayYear);
    m_ui->closedTable->setRowCount(0);
    for (const ClosedDay& day : settings.closedDays) {
        addClosedDay(day);
    }
}

void SettingsClosedDaysTab::writeInto(ClinicSettings& settings) const
{
    settings.closedDays.clear();
    const QTableWidget* table = m_ui->closedTable;
    for (int row = 0; row < table->rowCount(); ++row) {
        const auto* date = qobject_cast<const QDateEdit*>(table->cellWidget(row, DateColumn));
        const QTableWidgetItem* reason = table->item(row, ReasonColumn);
        settings.closedDays.append({date != nullptr ? date->date() : QDate(),
                                    reason != nullptr ? reason->text() : QString()});
    }
}

bool SettingsClosedDaysTab::showProblems(const FieldProblems& problems)
{
    const QString message = problemOf(problems, QStringLiteral("closedDays"));
    m_ui->closedDaysError->setText(message);
    m_ui->closedDaysError->setVisible(!message.isEmpty());
    return !message.isEmpty();
}

void SettingsClosedDaysTab::reportChange()
{
    if (!m_filling) {
        Q_EMIT changed();
    }
}

QSet<QDate> SettingsClosedDaysTab::listedDates() const
{
    ClinicSettings shown;
    writeInto(shown);
    QSet<QDate> listed;
    for (const ClosedDay& day : std::as_const(shown.closedDays)) {
        listed.insert(day.date);
    }
    return listed;
}

void SettingsClosedDaysTab::addClosedDay(const ClosedDay& day)
{
    QTableWidget* table = m_ui->closedTable;
    const int row = table->rowCount();
    table->insertRow(row);
    auto* date = new DateEdit(day.date, table);
    date->setObjectName(QStringLiteral("closedDateEdit"));
    date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    date->setCalendarPopup(true);
    table->setCellWidget(row, DateColumn, date);
    table->setItem(row, ReasonColumn, new QTableWidgetItem(day.reason));
    connect(date, &QDateEdit::dateChanged, this, &SettingsClosedDaysTab::reportChange);
}

void SettingsClosedDaysTab::addNextFreeDay()
{
    // The dialog always says where the clinic's today comes from; this computer's date is only
    // the fallback of a tab used on its own.
    QDate date = m_clinicToday ? m_clinicToday() : QDate::currentDate();
    const QSet<QDate> listed = listedDates();
    while (listed.contains(date)) {
        date = date.addDays(1);
    }
    addClosedDay({date, QString()});
    const int row = m_ui->closedTable->rowCount() - 1;
    m_ui->closedTable->setCurrentCell(row, ReasonColumn);
    m_ui->closedTable->cellWidget(row, DateColumn)->setFocus();
    reportChange();
}

void SettingsClosedDaysTab::addAlbertaHolidays()
{
    const QSet<QDate> listed = listedDates();
    int added = 0;
    int already = 0;
    for (const AlbertaHolidays::Holiday& holiday :
         AlbertaHolidays::of(m_ui->holidayYearSpin->value())) {
        if (listed.contains(holiday.date)) {
            ++already;
            continue;
        }
        addClosedDay({holiday.date, holiday.name});
        ++added;
    }
    // Each added day is an ordinary row: the clinic removes those it stays open on.
    QString note = tr("Added %n holiday(s).", nullptr, added);
    if (already > 0) {
        note += QLatin1Char(' ') + tr("%n already listed.", nullptr, already);
    }
    m_ui->holidaysNote->setText(note);
    reportChange();
}

void SettingsClosedDaysTab::removeChosenRows()
{
    QList<int> rows;
    for (const QModelIndex& index : m_ui->closedTable->selectionModel()->selectedRows()) {
        rows.append(index.row());
    }
    if (rows.isEmpty() && m_ui->closedTable->currentRow() >= 0) {
        rows.append(m_ui->closedTable->currentRow());
    }
    // From the bottom up, so the rows still to remove keep their numbers.
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : rows) {
        m_ui->closedTable->removeRow(row);
    }
    reportChange();
}

} // namespace masahista::gui

#include "TherapistTableTab.h"

#include "booking/catalogue/TherapistService.h"
#include "gui/DateEdit.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>

#include <algorithm>
#include <memory>

namespace masahista::gui {

namespace {

// The row's stored id, kept on its first cell.
constexpr int rowIdRole = Qt::UserRole;

// A date edit cannot be empty: its minimum stands for "no date" and shows as "none".
const QDate noDate(1900, 1, 1);

// A cell with a problem: a translucent red that reads in the light and the dark palette.
const QColor problemColor(198, 40, 40, 70);

QDateEdit* dateCell(QDate date)
{
    auto* edit = new DateEdit;
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(noDate);
    edit->setSpecialValueText(TherapistTableTab::tr("none"));
    edit->setDate(date.isValid() ? date : noDate);
    edit->setFrame(false);
    return edit;
}

} // namespace

TherapistTableTab::TherapistTableTab(QString list, QWidget* parent)
    : QWidget(parent)
    , m_list(std::move(list))
{}

void TherapistTableTab::setUpTable(QTableWidget* table, QPushButton* addButton,
                                   QPushButton* removeButton, QLabel* problemLabel,
                                   int stretchedColumn, const QList<int>& dateColumns,
                                   QList<CheckedColumn> checkedColumns)
{
    m_table = table;
    m_problemLabel = problemLabel;
    m_checkedColumns = std::move(checkedColumns);

    table->verticalHeader()->hide();
    QHeaderView* header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(stretchedColumn, QHeaderView::Stretch);
    // Sizing to contents looks at the items, not at the date edits over them.
    const std::unique_ptr<QDateEdit> sample(dateCell(QDate(2000, 12, 28)));
    const int dateWidth = std::max(sample->sizeHint().width() + 8, header->sectionSizeHint(0));
    for (int column : dateColumns) {
        header->setSectionResizeMode(column, QHeaderView::Fixed);
        table->setColumnWidth(column, dateWidth);
    }

    connect(table, &QTableWidget::itemChanged, this, [this] {
        if (!m_changingByCode) {
            Q_EMIT changed();
        }
    });
    connect(addButton, &QPushButton::clicked, this, &TherapistTableTab::addRow);
    connect(removeButton, &QPushButton::clicked, this, &TherapistTableTab::removeCurrentRow);
}

QScopedValueRollback<bool> TherapistTableTab::changesByCode()
{
    return QScopedValueRollback<bool>(m_changingByCode, true);
}

void TherapistTableTab::showLine(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

int TherapistTableTab::appendRow()
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    return row;
}

QTableWidgetItem* TherapistTableTab::setFirstCell(int row, Id id, const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setData(rowIdRole, id);
    m_table->setItem(row, 0, item);
    return item;
}

void TherapistTableTab::setCellInput(int row, int column, QWidget* input)
{
    input->installEventFilter(this);
    m_table->setCellWidget(row, column, input);
}

void TherapistTableTab::setDateCell(int row, int column, QDate date)
{
    QDateEdit* edit = dateCell(date);
    connect(edit, &QDateEdit::dateChanged, this, &TherapistTableTab::changed);
    setCellInput(row, column, edit);
}

Id TherapistTableTab::rowId(int row) const
{
    const QTableWidgetItem* item = m_table->item(row, 0);
    return item == nullptr ? 0 : item->data(rowIdRole).toLongLong();
}

QString TherapistTableTab::textIn(int row, int column) const
{
    const QTableWidgetItem* item = m_table->item(row, column);
    return item == nullptr ? QString() : item->text();
}

QDate TherapistTableTab::dateIn(int row, int column) const
{
    const auto* edit = qobject_cast<const QDateEdit*>(m_table->cellWidget(row, column));
    return edit == nullptr || edit->date() <= noDate ? QDate() : edit->date();
}

bool TherapistTableTab::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::FocusIn) {
        auto* widget = qobject_cast<QWidget*>(watched);
        if (widget != nullptr && widget->parentWidget() == m_table->viewport()) {
            const QModelIndex cell = m_table->indexAt(widget->geometry().center());
            if (cell.isValid()) {
                m_table->setCurrentCell(cell.row(), cell.column());
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TherapistTableTab::addRow()
{
    appendEmptyRow();
    const int row = m_table->rowCount() - 1;
    m_table->setCurrentCell(row, 0);
    // A first cell with an input of its own (the modality) takes the focus; a text cell opens
    // for typing.
    if (QWidget* input = m_table->cellWidget(row, 0)) {
        input->setFocus();
    } else {
        m_table->editItem(m_table->item(row, 0));
    }
    Q_EMIT changed();
}

void TherapistTableTab::removeCurrentRow()
{
    const int row = m_table->currentRow();
    if (row < 0) {
        return;
    }
    m_table->removeRow(row);
    Q_EMIT changed();
}

void TherapistTableTab::showProblems(const FieldProblems& problems)
{
    const auto byCode = changesByCode();
    QStringList messages;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        for (const auto& [column, part] : std::as_const(m_checkedColumns)) {
            const QString problem =
                problemOf(problems, TherapistService::listField(m_list, row, part));
            markCell(row, column, problem);
            if (!problem.isEmpty()) {
                messages.append(problem);
            }
        }
    }
    showLine(m_problemLabel, messages.join(QLatin1Char('\n')));
}

bool TherapistTableTab::hasProblems(const FieldProblems& problems) const
{
    const QString prefix = m_list + QLatin1Char('[');
    return std::any_of(problems.cbegin(), problems.cend(), [&prefix](const FieldProblem& problem) {
        return problem.field.startsWith(prefix);
    });
}

void TherapistTableTab::markCell(int row, int column, const QString& problem)
{
    if (QTableWidgetItem* item = m_table->item(row, column)) {
        item->setToolTip(problem);
        item->setBackground(problem.isEmpty() ? QBrush() : QBrush(problemColor));
    }
    // Only the form's own cell widgets: an item's open editor is reported here too, and goes
    // away with its marks when the edit ends.
    QWidget* widget = m_table->cellWidget(row, column);
    if (qobject_cast<QAbstractSpinBox*>(widget) != nullptr ||
        qobject_cast<QComboBox*>(widget) != nullptr) {
        widget->setToolTip(problem);
        widget->setStyleSheet(problem.isEmpty()
                                  ? QString()
                                  : QStringLiteral("background-color: rgba(198, 40, 40, 70);"));
    }
}

} // namespace masahista::gui

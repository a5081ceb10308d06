#pragma once

#include "booking/catalogue/FieldProblem.h"
#include "domain/Therapist.h"

#include <QDate>
#include <QList>
#include <QScopedValueRollback>
#include <QString>
#include <QWidget>

#include <utility>

class QLabel;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace masahista::gui {

// What the therapist editor's list tabs (credentials, education, certifications) share: a
// table of rows with Add and Remove buttons and a problem line under it. Each row keeps its
// stored id on its first cell, so that an edit keeps what it does not change; dates are date
// edits in their cells. Focusing a cell's input makes its row the current one, so that Remove
// takes the row the user is working on. The cells TherapistService's rules find fault with
// are marked and their messages listed under the table. Every edit by the user emits
// changed(); what code puts into the table does not.
class TherapistTableTab : public QWidget
{
    Q_OBJECT

public:
    // A column the rules check, with its part of the field key (e.g. "issuingBody").
    using CheckedColumn = std::pair<int, QString>;

    // Marks each cell of the table that has one of `problems` and lists the messages under it.
    void showProblems(const FieldProblems& problems);
    // Whether any of `problems` is about a row of this tab's list.
    bool hasProblems(const FieldProblems& problems) const;

Q_SIGNALS:
    void changed();

protected:
    // `list` is the list's part of the field keys, e.g. "credentials".
    TherapistTableTab(QString list, QWidget* parent);

    // Called once after setupUi(): sizes the columns (the stretched one takes the room left,
    // the date ones are wide enough for a date), takes the buttons and the problem line, and
    // remembers the columns the rules check.
    void setUpTable(QTableWidget* table, QPushButton* addButton, QPushButton* removeButton,
                    QLabel* problemLabel, int stretchedColumn, const QList<int>& dateColumns,
                    QList<CheckedColumn> checkedColumns);

    // What Add puts at the end of the table; the user starts in its first cell.
    virtual void appendEmptyRow() = 0;

    // While the returned guard lives, changes to the table's items are made by code, and not
    // reported as the user's.
    [[nodiscard]] QScopedValueRollback<bool> changesByCode();
    // Adds a row at the end and returns its index.
    int appendRow();
    // The row's first cell, holding its stored id.
    QTableWidgetItem* setFirstCell(int row, Id id, const QString& text = {});
    // An input in a cell; the caller reports its edits with changed().
    void setCellInput(int row, int column, QWidget* input);
    // A date edit in a cell, "none" for no date.
    void setDateCell(int row, int column, QDate date);

    // A line under the table: the text, hidden while there is none.
    static void showLine(QLabel* label, const QString& text);

    QTableWidget* table() const { return m_table; }
    Id rowId(int row) const;
    QString textIn(int row, int column) const;
    QDate dateIn(int row, int column) const;

    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void addRow();
    void removeCurrentRow();
    void markCell(int row, int column, const QString& problem);

    QString m_list;
    QTableWidget* m_table = nullptr;
    QLabel* m_problemLabel = nullptr;
    QList<CheckedColumn> m_checkedColumns;
    bool m_changingByCode = false;
};

} // namespace masahista::gui

#include "FormErrorLine.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTextEdit>

namespace masahista::gui {

FormErrorLine::FormErrorLine(QLabel* line, QWidget* form)
    : QObject(line)
    , m_line(line)
{
    // Signals of the user's edits only where Qt has them (textEdited, activated), so a form
    // that refills itself after a failure does not wipe the reason away at once.
    for (auto* edit : form->findChildren<QLineEdit*>()) {
        connect(edit, &QLineEdit::textEdited, this, &FormErrorLine::edited);
    }
    for (auto* edit : form->findChildren<QPlainTextEdit*>()) {
        connect(edit, &QPlainTextEdit::textChanged, this, &FormErrorLine::edited);
    }
    for (auto* edit : form->findChildren<QTextEdit*>()) {
        connect(edit, &QTextEdit::textChanged, this, &FormErrorLine::edited);
    }
    for (auto* combo : form->findChildren<QComboBox*>()) {
        connect(combo, &QComboBox::activated, this, &FormErrorLine::edited);
    }
    for (auto* spin : form->findChildren<QSpinBox*>()) {
        connect(spin, &QSpinBox::valueChanged, this, &FormErrorLine::edited);
    }
    for (auto* spin : form->findChildren<QDoubleSpinBox*>()) {
        connect(spin, &QDoubleSpinBox::valueChanged, this, &FormErrorLine::edited);
    }
    for (auto* edit : form->findChildren<QDateTimeEdit*>()) {
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &FormErrorLine::edited);
    }
    for (auto* table : form->findChildren<QTableWidget*>()) {
        connect(table, &QTableWidget::itemChanged, this, &FormErrorLine::edited);
    }
    for (auto* button : form->findChildren<QAbstractButton*>()) {
        // Pressing Save again is a new try, not an edit: it replaces the line itself.
        if (button->isCheckable() && qobject_cast<QPushButton*>(button) == nullptr) {
            connect(button, &QAbstractButton::toggled, this, &FormErrorLine::edited);
        }
    }
}

void FormErrorLine::show(const QString& message, Until until)
{
    m_until = until;
    m_line->setText(message);
    m_line->setVisible(!message.isEmpty());
}

void FormErrorLine::clear()
{
    m_line->clear();
    m_line->hide();
}

bool FormErrorLine::isShown() const
{
    return !m_line->isHidden() && !m_line->text().isEmpty();
}

void FormErrorLine::edited()
{
    if (m_until == Until::NextEdit && isShown()) {
        clear();
    }
}

} // namespace masahista::gui

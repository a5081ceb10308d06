#pragma once

#include <QObject>
#include <QString>

class QLabel;
class QWidget;

namespace masahista::gui {

// The red line under a form that says why the last Save (or another try) failed. Such a
// failure is about the form as it was: the first change the user makes to any field afterwards
// takes the line away, so it never stays to contradict what the form shows now. A problem that
// no edit can cure (the record is gone, the database cannot be read) is shown as lasting and
// stays until replaced.
class FormErrorLine final : public QObject
{
    Q_OBJECT

public:
    enum class Until
    {
        NextEdit,
        Replaced
    };

    // Watches every field inside `form` (line and text edits, combo and spin boxes, date and
    // time edits, check boxes and radio buttons, table cells) as they are when this is made.
    FormErrorLine(QLabel* line, QWidget* form);

    void show(const QString& message, Until until = Until::NextEdit);
    void clear();
    bool isShown() const;

private:
    void edited();

    QLabel* m_line = nullptr;
    Until m_until = Until::Replaced;
};

} // namespace masahista::gui

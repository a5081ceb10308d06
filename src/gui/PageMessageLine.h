#pragma once

#include <QObject>
#include <QString>

class QLabel;

namespace masahista::gui {

// The line above a page's list or day that reports the last action: what was done, or in
// red why it was refused; or why the page could not be read. Each kind lasts as long as what it
// is about: a problem reading goes once a read succeeds, a refusal once the user turns to
// another row or day, a report when the next message replaces it.
class PageMessageLine final : public QObject
{
    Q_OBJECT

public:
    enum class Kind
    {
        Report,
        Refusal,
        ReadProblem
    };

    explicit PageMessageLine(QLabel* line);

    void show(const QString& text, Kind kind);
    void clear();
    // The visible text, or an empty one.
    QString text() const;

    // The page was read again without trouble.
    void readSucceeded();
    // The user turned to another row or day than the one a refusal was about.
    void movedOn();
    // The row shown as current is the item `id`: a refusal goes once that is another item.
    // A list read again after another desk's change keeps the refusal with the same item.
    void currentIs(qint64 id);

private:
    QLabel* m_line = nullptr;
    Kind m_kind = Kind::Report;
    qint64 m_currentId = 0;
};

} // namespace masahista::gui

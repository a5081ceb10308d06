#include "PageMessageLine.h"

#include "ProblemColour.h"

#include <QLabel>

namespace masahista::gui {

PageMessageLine::PageMessageLine(QLabel* line)
    : QObject(line)
    , m_line(line)
{
    m_line->hide();
}

void PageMessageLine::show(const QString& text, Kind kind)
{
    m_kind = kind;
    m_line->setText(text);
    // The same red as the forms' problems, so a refusal reads as one.
    m_line->setStyleSheet(kind == Kind::Report ? QString() : ProblemColour::styleSheet());
    m_line->setVisible(!text.isEmpty());
}

void PageMessageLine::clear()
{
    show(QString(), Kind::Report);
}

QString PageMessageLine::text() const
{
    return m_line->isHidden() ? QString() : m_line->text();
}

void PageMessageLine::readSucceeded()
{
    if (m_kind == Kind::ReadProblem) {
        clear();
    }
}

void PageMessageLine::movedOn()
{
    if (m_kind == Kind::Refusal) {
        clear();
    }
}

void PageMessageLine::currentIs(qint64 id)
{
    if (id != m_currentId) {
        m_currentId = id;
        movedOn();
    }
}

} // namespace masahista::gui

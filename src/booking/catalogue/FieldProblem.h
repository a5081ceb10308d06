#pragma once

#include <QList>
#include <QString>

namespace masahista {

// What is wrong with one field of a form, so that the form can say it next to that field
// instead of in one message about the whole form.
struct FieldProblem
{
    QString field; // the service's key for the field, e.g. "phone"
    QString message;
};

using FieldProblems = QList<FieldProblem>;

// The message for `field`, or an empty string when it has none.
inline QString problemOf(const FieldProblems& problems, const QString& field)
{
    for (const FieldProblem& problem : problems) {
        if (problem.field == field) {
            return problem.message;
        }
    }
    return {};
}

// Collects a form's problems one field at a time: a second problem of a field joins the first
// in the same message, so the form shows each field's problems together beside it.
class FieldProblemList
{
public:
    void add(const QString& field, const QString& message)
    {
        for (FieldProblem& problem : m_problems) {
            if (problem.field == field) {
                problem.message += QLatin1Char(' ') + message;
                return;
            }
        }
        m_problems.append({field, message});
    }
    FieldProblems take() { return std::move(m_problems); }

private:
    FieldProblems m_problems;
};

} // namespace masahista

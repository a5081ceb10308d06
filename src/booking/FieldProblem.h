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

} // namespace masahista

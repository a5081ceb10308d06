#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace masahista::gui {

// The day a caller names on the phone, as the front desk types it: "today", "tomorrow",
// "tue" or "next tuesday" (the next one after today), "next week" (Monday to Sunday), "this
// week", or a date (2026-12-08, or the short form of the language shown).
class DayPhrase
{
    Q_DECLARE_TR_FUNCTIONS(DayPhrase)

public:
    // Days [first, first + days); invalid first when the words are not understood.
    QDate first;
    int days = 0;

    bool isValid() const { return first.isValid() && days > 0; }
    // "Tuesday 1 December 2026", or "1 December 2026 to 7 December 2026" for a week.
    QString text() const;

    // An empty phrase means the coming week, from today.
    static DayPhrase parse(const QString& words, QDate today);
    // What to type, for a phrase that was not understood.
    static QString hint();
};

} // namespace masahista::gui

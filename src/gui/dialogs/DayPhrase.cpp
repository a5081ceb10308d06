#include "DayPhrase.h"

#include <QLocale>
#include <QStringList>

namespace masahista::gui {

namespace {

constexpr int daysPerWeek = 7;

// 1-7 for a weekday named in full or in short, in the language shown or in English; 0 if none.
int weekdayNamed(const QString& word)
{
    if (word.isEmpty()) {
        return 0;
    }
    const QLocale shown;
    const QLocale english(QLocale::English);
    for (int weekday = 1; weekday <= daysPerWeek; ++weekday) {
        for (const QLocale& locale : {shown, english}) {
            const QString full = locale.dayName(weekday, QLocale::LongFormat).toLower();
            const QString brief = locale.dayName(weekday, QLocale::ShortFormat).toLower();
            // "tue", "tues" and "tuesday" all name Tuesday; two letters are too few to be sure.
            if (word == full || word == brief || (word.size() >= 3 && full.startsWith(word))) {
                return weekday;
            }
        }
    }
    return 0;
}

} // namespace

QString DayPhrase::text() const
{
    const QLocale locale;
    if (!isValid()) {
        return QString();
    }
    if (days == 1) {
        return locale.toString(first, QLocale::LongFormat);
    }
    return tr("%1 to %2")
        .arg(locale.toString(first, QLocale::ShortFormat),
             locale.toString(first.addDays(days - 1), QLocale::ShortFormat));
}

DayPhrase DayPhrase::parse(const QString& words, QDate today)
{
    const QString said = words.simplified().toLower();
    DayPhrase phrase;
    const auto days = [&phrase](QDate first, int count) {
        phrase.first = first;
        phrase.days = count;
        return phrase;
    };
    if (said.isEmpty()) {
        return days(today, daysPerWeek);
    }
    if (said == tr("today") || said == u"today") {
        return days(today, 1);
    }
    if (said == tr("tomorrow") || said == u"tomorrow") {
        return days(today.addDays(1), 1);
    }
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    if (said == tr("next week") || said == u"next week") {
        return days(monday.addDays(daysPerWeek), daysPerWeek);
    }
    if (said == tr("this week") || said == u"this week") {
        return days(today, daysPerWeek - today.dayOfWeek() + 1);
    }
    QString dayWord = said;
    for (const QString& next : {tr("next"), QStringLiteral("next")}) {
        if (dayWord.startsWith(next + QLatin1Char(' '))) {
            dayWord = dayWord.mid(next.size() + 1);
        }
    }
    if (const int weekday = weekdayNamed(dayWord)) {
        // The next one after today: on a Tuesday, "Tuesday" is a week away.
        const int ahead = (weekday - today.dayOfWeek() + daysPerWeek - 1) % daysPerWeek + 1;
        return days(today.addDays(ahead), 1);
    }
    QDate date = QDate::fromString(said, Qt::ISODate);
    if (!date.isValid()) {
        date = QLocale().toDate(words.simplified(), QLocale::ShortFormat);
    }
    // Years outside these are typing slips, not appointments.
    if (date.isValid() && date.year() >= 1900 && date.year() <= 2200) {
        return days(date, 1);
    }
    return DayPhrase();
}

QString DayPhrase::hint()
{
    return tr("Type a day: today, tomorrow, a weekday, next week, or a date such as 2026-12-08.");
}

} // namespace masahista::gui

#pragma once

#include <QDate>

class QCalendarWidget;
class QDateTimeEdit;

namespace masahista::gui::DateInputs {

// The dates any input of the window accepts: a client's birth in the 1900s to bookings two
// centuries on. Without bounds, digits typed into a month calendar can reach the year -4714.
QDate earliest();
QDate latest();
void bound(QDateTimeEdit* edit);
void bound(QCalendarWidget* calendar);

// A click in a date or time selects the part under it ("09" of "09:30"), so that typing
// replaces that part instead of being refused after its last digit. Keys are not changed.
void selectPartOnClick(QDateTimeEdit* edit);

// Whether the text cursor of the edit is in a part written in letters (the weekday of
// "Wed 2026-11-25"), which Qt steps within its own week or not at all.
bool cursorInWords(const QDateTimeEdit* edit);

} // namespace masahista::gui::DateInputs

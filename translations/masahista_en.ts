<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BookingService</name>
    <message numerus="yes">
        <source>Late cancellation (within %n hour(s)).</source>
        <translation>
            <numerusform>Late cancellation (within %n hour).</numerusform>
            <numerusform>Late cancellation (within %n hours).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DaySheet</name>
    <message numerus="yes">
        <source>%n cancelled appointment(s) not shown.</source>
        <translation>
            <numerusform>%n cancelled appointment not shown.</numerusform>
            <numerusform>%n cancelled appointments not shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FutureBookings</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HoursService</name>
    <message numerus="yes">
        <source>%n appointment(s) would be left outside %1&apos;s working hours or in time off; move or cancel them first:</source>
        <translation>
            <numerusform>%n appointment would be left outside %1&apos;s working hours or in time off; move or cancel it first:</numerusform>
            <numerusform>%n appointments would be left outside %1&apos;s working hours or in time off; move or cancel them first:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MassageTypeService</name>
    <message numerus="yes">
        <source>%1 still has %n booked appointment(s) to come; change them to another massage type or cancel them first:</source>
        <translation>
            <numerusform>%1 still has %n booked appointment to come; change it to another massage type or cancel it first:</numerusform>
            <numerusform>%1 still has %n booked appointments to come; change them to another massage type or cancel them first:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booked appointment(s) to come use a length of %1 that would no longer be offered; change their length or cancel them first:</source>
        <translation>
            <numerusform>%n booked appointment to come uses a length of %1 that would no longer be offered; change its length or cancel it first:</numerusform>
            <numerusform>%n booked appointments to come use a length of %1 that would no longer be offered; change their length or cancel them first:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booked appointment(s) of %1 to come are in rooms that are not %2 rooms; move them first:</source>
        <translation>
            <numerusform>%n booked appointment of %1 to come is not in one of the %2 rooms; move it first:</numerusform>
            <numerusform>%n booked appointments of %1 to come are in rooms that are not %2 rooms; move them first:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booked appointment(s) of %1 to come are with therapists who would not be certified for it; move them to a certified therapist first:</source>
        <translation>
            <numerusform>%n booked appointment of %1 to come is with a therapist who would not be certified for it; move it to a certified therapist first:</numerusform>
            <numerusform>%n booked appointments of %1 to come are with therapists who would not be certified for it; move them to a certified therapist first:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Output</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Needs: %1; room: %2; cleanup %n minute(s)</source>
        <translation>
            <numerusform>Needs: %1; room: %2; cleanup %n minute</numerusform>
            <numerusform>Needs: %1; room: %2; cleanup %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomService</name>
    <message numerus="yes">
        <source>%1 still has %n booked appointment(s) to come; move them to another room or cancel them first:</source>
        <translation>
            <numerusform>%1 still has %n booked appointment to come; move it to another room or cancel it first:</numerusform>
            <numerusform>%1 still has %n booked appointments to come; move them to another room or cancel them first:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booked appointment(s) to come in %1 need another kind of room than %2; move them to another room first:</source>
        <translation>
            <numerusform>%n booked appointment to come in %1 needs another kind of room than %2; move it to another room first:</numerusform>
            <numerusform>%n booked appointments to come in %1 need another kind of room than %2; move them to another room first:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsService</name>
    <message numerus="yes">
        <source>%n upcoming appointment(s) would start off the grid: %1</source>
        <translation>
            <numerusform>%n upcoming appointment would start off the grid: %1</numerusform>
            <numerusform>%n upcoming appointments would start off the grid: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n other(s)</source>
        <translation>
            <numerusform> and %n other</numerusform>
            <numerusform> and %n others</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n offered length(s) not a multiple of %1 minutes: %2.</source>
        <translation>
            <numerusform>%n offered length not a multiple of %1 minutes: %2.</numerusform>
            <numerusform>%n offered lengths not a multiple of %1 minutes: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changing the time zone from %1 to %2 changes the clock time of the %n stored appointment(s): each keeps its exact moment, so it shows at another hour.</source>
        <translation>
            <numerusform>Changing the time zone from %1 to %2 changes the clock time of the %n stored appointment: it keeps its exact moment, so it shows at another hour.</numerusform>
            <numerusform>Changing the time zone from %1 to %2 changes the clock time of the %n stored appointments: each keeps its exact moment, so it shows at another hour.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TherapistProfile</name>
    <message numerus="yes">
        <source> (%n hours)</source>
        <translation>
            <numerusform> (%n hour)</numerusform>
            <numerusform> (%n hours)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TherapistService</name>
    <message numerus="yes">
        <source>%1 still has %n booked appointment(s); move them to another therapist or cancel them first:</source>
        <translation>
            <numerusform>%1 still has %n booked appointment; move it to another therapist or cancel it first:</numerusform>
            <numerusform>%1 still has %n booked appointments; move them to another therapist or cancel them first:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masahista::gui::CalendarPage</name>
    <message numerus="yes">
        <source>Book %n appointment(s)</source>
        <translation>
            <numerusform>Book %n appointment</numerusform>
            <numerusform>Book %n appointments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Booked %n appointment(s) (Ctrl+Z undoes it).</source>
        <translation>
            <numerusform>Booked %n appointment (Ctrl+Z undoes it).</numerusform>
            <numerusform>Booked %n appointments (Ctrl+Z undoes it).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masahista::gui::CancelDialog</name>
    <message numerus="yes">
        <source>This is a late cancellation: it is less than %n hour(s) before the start.</source>
        <translation>
            <numerusform>This is a late cancellation: it is less than %n hour before the start.</numerusform>
            <numerusform>This is a late cancellation: it is less than %n hours before the start.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masahista::gui::ClientsPage</name>
    <message numerus="yes">
        <source>%n client(s) found.</source>
        <translation>
            <numerusform>%n client found.</numerusform>
            <numerusform>%n clients found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masahista::gui::HoursDialog</name>
    <message numerus="yes">
        <source>%n booked appointment(s) would be left outside these hours or in time off. Move or cancel them first, then save; double-click one to find it in the calendar.</source>
        <translation>
            <numerusform>%n booked appointment would be left outside these hours or in time off. Move or cancel it first, then save; double-click it to find it in the calendar.</numerusform>
            <numerusform>%n booked appointments would be left outside these hours or in time off. Move or cancel them first, then save; double-click one to find it in the calendar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masahista::gui::MyDayPage</name>
    <message numerus="yes">
        <source>%n appointment(s).</source>
        <translation>
            <numerusform>%n appointment.</numerusform>
            <numerusform>%n appointments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled appointment(s) not shown.</source>
        <translation>
            <numerusform>%n cancelled appointment not shown.</numerusform>
            <numerusform>%n cancelled appointments not shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masahista::gui::SettingsClosedDaysTab</name>
    <message numerus="yes">
        <source>Added %n holiday(s).</source>
        <translation>
            <numerusform>Added %n holiday.</numerusform>
            <numerusform>Added %n holidays.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already listed.</source>
        <translation>
            <numerusform>%n already listed.</numerusform>
            <numerusform>%n already listed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masahista::gui::TherapistCertificationsTab</name>
    <message numerus="yes">
        <source>%1 expires on %2, in %n day(s): renew it, or its massage types can no longer be booked with this therapist.</source>
        <translation>
            <numerusform>%1 expires on %2, in %n day: renew it, or its massage types can no longer be booked with this therapist.</numerusform>
            <numerusform>%1 expires on %2, in %n days: renew it, or its massage types can no longer be booked with this therapist.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masahista::gui::WeekOverview</name>
    <message numerus="yes">
        <source>%n appointment(s), %1 booked</source>
        <translation>
            <numerusform>%n appointment, %1 booked</numerusform>
            <numerusform>%n appointments, %1 booked</numerusform>
        </translation>
    </message>
</context>
</TS>

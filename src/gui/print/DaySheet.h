#pragma once

#include "booking/engine/Schedule.h"
#include "domain/Id.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QPageLayout>
#include <QString>

class QPagedPaintDevice;
class QPrinter;

namespace masahista::gui {

// The printed day sheet a therapist takes into the treatment room: their appointments in
// order with the health alerts they must read before starting, their time off and the free
// stretches left. Built as HTML from an already loaded DaySchedule, so printing never reads
// the database, and laid out for paper that is often printed in black and white: nothing is
// told by colour alone.
class DaySheet
{
    Q_DECLARE_TR_FUNCTIONS(DaySheet)

public:
    // One therapist's sheet, or with `therapistId` 0 the clinic's: a page for each therapist
    // who works or is booked that day. `printedUtc` goes into the header.
    static QString html(const DaySchedule& day, Id therapistId, const QDateTime& printedUtc);

    // US Letter, portrait, half-inch margins.
    static QPageLayout pageLayout();

    // Lays the sheet out for the device's own page and resolution and paints every page;
    // returns how many pages it took (0: the device could not be painted on).
    static int paint(const QString& html, QPagedPaintDevice& device);
    static Result<int> writePdf(const QString& html, const QString& path);
    static int print(const QString& html, QPrinter& printer);

    // One page on white paper at `dotsPerInch`, margins included, as the PDF shows it; a null
    // image for a page the sheet does not have.
    static QImage renderPage(const QString& html, int page = 0, int dotsPerInch = 100);
};

} // namespace masahista::gui

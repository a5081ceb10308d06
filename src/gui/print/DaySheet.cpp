#include "DaySheet.h"

#include "booking/engine/ClinicTime.h"
#include "booking/engine/IcsCalendar.h"

#include <QAbstractTextDocumentLayout>
#include <QLocale>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

namespace masahista::gui {

namespace {

// Print sizes are in points, so that they are the same on every device.
const QString styleSheet = QStringLiteral("body { font-size: 10pt; }"
                                          ".clinic { font-size: 16pt; font-weight: bold; }"
                                          ".therapist { font-size: 14pt; font-weight: bold; }"
                                          "th { text-align: left; font-weight: bold; }"
                                          ".alert { font-weight: bold; }"
                                          ".free { font-style: italic; }"
                                          ".off { font-weight: bold; }"
                                          // A status or a phone number is never broken.
                                          ".status { white-space: nowrap; }"
                                          ".phone { white-space: nowrap; }");

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QString spanText(const TimeSpan& span, const QTimeZone& zone)
{
    return ClinicTime::formatRange(span.start, span.end, zone);
}

// One table row of a therapist's day, sorted by when it starts.
struct Row
{
    QDateTime start;
    QString html;
};

QString cell(const QString& html, int columns = 1)
{
    return columns > 1
               ? QStringLiteral("<td colspan=\"%1\">%2</td>").arg(QString::number(columns), html)
               : QStringLiteral("<td>%1</td>").arg(html);
}

// What every therapist's section needs: the day, and the header each page repeats so that a
// page handed to one therapist still says which clinic and day it is.
struct Sheet
{
    const DaySchedule& day;
    QString header;

    QString therapistSection(const Therapist& therapist, bool newPage) const;
    QString appointmentRow(const CalendarEntry& entry) const;
};

QString Sheet::appointmentRow(const CalendarEntry& entry) const
{
    const Appointment& appointment = entry.appointment;
    QString client = QStringLiteral("<b>%1</b>").arg(escaped(entry.clientName));
    // For the therapist to call a client who is late, as My day shows it.
    if (!entry.clientPhone.isEmpty()) {
        client +=
            QStringLiteral(" · <span class=\"phone\">%1</span>").arg(escaped(entry.clientPhone));
    }
    for (const HealthAlert& alert : entry.healthAlerts) {
        client += QStringLiteral("<br><span class=\"alert\">%1</span>")
                      .arg(escaped(DaySheet::tr("ALERT: %1").arg(IcsCalendar::alertText(alert))));
    }
    if (!appointment.notes.isEmpty()) {
        client += QStringLiteral("<br>") +
                  escaped(DaySheet::tr("Notes: %1").arg(appointment.notes.simplified()));
    }
    const QString massage =
        DaySheet::tr("%1, %2 min")
            .arg(entry.serviceName, QString::number(appointment.durationMinutes));
    const QString room = entry.roomName.isEmpty() ? DaySheet::tr("no room") : entry.roomName;
    return QStringLiteral("<tr>") +
           cell(escaped(spanText({appointment.startUtc, appointment.endUtc}, day.directory.zone))) +
           cell(client) + cell(escaped(massage)) + cell(escaped(room)) +
           QStringLiteral("<td class=\"status\">%1</td>")
               .arg(escaped(IcsCalendar::statusText(appointment.status))) +
           QStringLiteral("</tr>");
}

QString Sheet::therapistSection(const Therapist& therapist, bool newPage) const
{
    const QTimeZone& zone = day.directory.zone;
    const QList<WeeklyInterval> hours = day.hoursOf(therapist.id);
    const QString hoursText = ClinicTime::formatDay(hours, day.date.dayOfWeek());

    QList<Row> rows;
    int cancelled = 0;
    for (const CalendarEntry& entry : day.entries) {
        const Appointment& appointment = entry.appointment;
        if (appointment.therapistId != therapist.id) {
            continue;
        }
        if (!appointment.holdsTime()) {
            ++cancelled;
            continue;
        }
        rows.append({appointment.startUtc, appointmentRow(entry)});
    }
    for (const TimeOff& off : day.working.timeOff) {
        if (off.therapistId != therapist.id || off.endUtc <= day.startUtc ||
            day.endUtc <= off.startUtc) {
            continue;
        }
        const TimeSpan span{std::max(off.startUtc, day.startUtc), std::min(off.endUtc, day.endUtc)};
        const QString text = off.reason.isEmpty()
                                 ? DaySheet::tr("Time off")
                                 : DaySheet::tr("Time off: %1").arg(off.reason.simplified());
        rows.append(
            {span.start,
             QStringLiteral("<tr>") + cell(escaped(spanText(span, zone))) +
                 cell(QStringLiteral("<span class=\"off\">%1</span>").arg(escaped(text)), 4) +
                 QStringLiteral("</tr>")});
    }
    for (const TimeSpan& span :
         freeTime(day.date, day.directory, therapist.id, day.entries, day.working)) {
        const qint64 seconds = span.start.secsTo(span.end);
        const QString text = DaySheet::tr("Free (%1 min)").arg(seconds / 60);
        rows.append(
            {span.start,
             QStringLiteral("<tr>") + cell(escaped(spanText(span, zone))) +
                 cell(QStringLiteral("<span class=\"free\">%1</span>").arg(escaped(text)), 4) +
                 QStringLiteral("</tr>")});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.start < b.start; });

    QString html =
        newPage ? QStringLiteral("<div style=\"page-break-before: always\">%1</div>").arg(header)
                : header;
    html += QStringLiteral("<p class=\"therapist\">%1</p>").arg(escaped(therapist.displayName));
    html += QStringLiteral("<p>%1</p>")
                .arg(escaped(hoursText.isEmpty() ? DaySheet::tr("Not scheduled to work")
                                                 : DaySheet::tr("Hours: %1").arg(hoursText)));
    if (rows.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(escaped(DaySheet::tr("No appointments.")));
    } else {
        html += QStringLiteral(
            "<table width=\"100%\" border=\"1\" cellspacing=\"0\" "
            "cellpadding=\"4\" style=\"border-collapse: collapse; border-color: black\">");
        // Wide enough for "01:30 MDT–01:30 MST" and "completed" at the sheet's 10 points.
        html += QStringLiteral("<tr><th width=\"16%\">%1</th><th width=\"37%\">%2</th>"
                               "<th width=\"20%\">%3</th><th width=\"13%\">%4</th>"
                               "<th width=\"14%\">%5</th></tr>")
                    .arg(escaped(DaySheet::tr("Time")), escaped(DaySheet::tr("Client")),
                         escaped(DaySheet::tr("Massage")), escaped(DaySheet::tr("Room")),
                         escaped(DaySheet::tr("Status")));
        for (const Row& row : rows) {
            html += row.html;
        }
        html += QStringLiteral("</table>");
    }
    if (cancelled > 0) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(escaped(DaySheet::tr("%n cancelled appointment(s) not shown.", nullptr,
                                              cancelled)));
    }
    return html;
}

// The document laid out in pages of `pageSize` device pixels for `device`'s resolution.
void layOut(QTextDocument& document, const QString& html, QPaintDevice* device, QSizeF pageSize)
{
    document.documentLayout()->setPaintDevice(device);
    document.setDefaultStyleSheet(styleSheet);
    document.setDocumentMargin(0); // the page layout has the margins
    document.setHtml(html);
    document.setPageSize(pageSize);
}

void paintPage(QPainter& painter, QTextDocument& document, int page, QSizeF pageSize)
{
    painter.save();
    painter.translate(0, -page * pageSize.height());
    document.drawContents(&painter, QRectF(QPointF(0, page * pageSize.height()), pageSize));
    painter.restore();
}

} // namespace

QString DaySheet::html(const DaySchedule& day, Id therapistId, const QDateTime& printedUtc)
{
    const QLocale locale;
    const QString clinic =
        day.directory.settings.name.isEmpty() ? tr("Day sheet") : day.directory.settings.name;
    const QString header =
        QStringLiteral("<p class=\"clinic\">%1</p><p>%2<br>%3</p>")
            .arg(escaped(clinic), escaped(locale.toString(day.date, QLocale::LongFormat)),
                 escaped(tr("printed %1")
                             .arg(locale.toString(printedUtc.toTimeZone(day.directory.zone),
                                                  QLocale::ShortFormat))));
    const Sheet sheet{day, header};

    QString body;
    bool first = true;
    for (const Therapist& therapist : day.directory.therapists) {
        const bool wanted = therapistId != 0 ? therapist.id == therapistId : day.isOn(therapist.id);
        if (!wanted) {
            continue;
        }
        body += sheet.therapistSection(therapist, !first);
        first = false;
    }
    if (first) {
        body = header + QStringLiteral("<p>%1</p>").arg(escaped(tr("Nobody works this day.")));
    }
    return QStringLiteral("<html><body>%1</body></html>").arg(body);
}

QPageLayout DaySheet::pageLayout()
{
    return QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Portrait,
                       QMarginsF(0.5, 0.5, 0.5, 0.5), QPageLayout::Inch);
}

int DaySheet::paint(const QString& html, QPagedPaintDevice& device)
{
    // The device's width and height are its printable area, inside the margins.
    const QSizeF pageSize(device.width(), device.height());
    QTextDocument document;
    layOut(document, html, &device, pageSize);
    QPainter painter;
    if (!painter.begin(&device)) {
        return 0;
    }
    const int pages = document.pageCount();
    for (int page = 0; page < pages; ++page) {
        if (page > 0) {
            device.newPage();
        }
        paintPage(painter, document, page, pageSize);
    }
    painter.end();
    return pages;
}

Result<int> DaySheet::writePdf(const QString& html, const QString& path)
{
    QPdfWriter writer(path);
    writer.setPageLayout(pageLayout());
    writer.setTitle(tr("Day sheet"));
    writer.setCreator(QStringLiteral("Masahista"));
    const int pages = paint(html, writer);
    if (pages == 0) {
        return makeError(ErrorCode::CannotOpen,
                         tr("The PDF file %1 could not be written.").arg(path));
    }
    return pages;
}

int DaySheet::print(const QString& html, QPrinter& printer)
{
    return paint(html, printer);
}

QImage DaySheet::renderPage(const QString& html, int page, int dotsPerInch)
{
    const QPageLayout layout = pageLayout();
    const QRect full = layout.fullRectPixels(dotsPerInch);
    const QRect inner = layout.paintRectPixels(dotsPerInch);
    QImage image(full.size(), QImage::Format_RGB32);
    const int dotsPerMeter = static_cast<int>(std::lround(dotsPerInch / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    image.fill(Qt::white);

    QTextDocument document;
    layOut(document, html, &image, inner.size());
    if (page < 0 || page >= document.pageCount()) {
        return {};
    }
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.translate(inner.topLeft());
    paintPage(painter, document, page, inner.size());
    painter.end();
    return image;
}

} // namespace masahista::gui

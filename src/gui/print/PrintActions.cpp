#include "PrintActions.h"

#include "DaySheet.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>

namespace masahista::gui {

bool PrintActions::printWithPreview(QWidget* parent, const QString& html)
{
    QPrinter printer(QPrinter::HighResolution);
    // A starting point only: the print dialog may pick the paper the printer really has.
    printer.setPageLayout(DaySheet::pageLayout());
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(tr("Print day sheet"));
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                     [&html](QPrinter* target) { DaySheet::print(html, *target); });
    return dialog.exec() == QDialog::Accepted;
}

bool PrintActions::exportPdf(QWidget* parent, const QString& html, const QString& suggestedPath)
{
    QString path = QFileDialog::getSaveFileName(parent, tr("Save day sheet as PDF"), suggestedPath,
                                                tr("PDF files (*.pdf)"));
    if (path.isEmpty()) {
        return false;
    }
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive)) {
        path += QStringLiteral(".pdf");
    }
    const Result<int> written = DaySheet::writePdf(html, path);
    if (!written) {
        QMessageBox::warning(parent, tr("Day sheet"), written.error().message);
        return false;
    }
    return true;
}

} // namespace masahista::gui

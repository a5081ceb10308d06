#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace masahista::gui {

// The interactive ends of printing a day sheet: the preview before paper, and saving a PDF
// where the user chooses. The sheet itself comes from DaySheet.
class PrintActions
{
    Q_DECLARE_TR_FUNCTIONS(PrintActions)

public:
    // True when the user printed.
    static bool printWithPreview(QWidget* parent, const QString& html);
    // True when the file was written; a failure is reported to the user here.
    static bool exportPdf(QWidget* parent, const QString& html, const QString& suggestedPath);
};

} // namespace masahista::gui

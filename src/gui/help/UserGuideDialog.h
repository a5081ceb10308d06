#pragma once

#include <QDialog>

class QTextBrowser;

namespace masahista::gui {

// Help ▸ User Guide: docs/user-guide.md, compiled into the program, shown read-only beside the
// window (not modal, so the guide stays open while the user follows it). Needs no browser and
// no network.
class UserGuideDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit UserGuideDialog(QWidget* parent = nullptr);

    // The guide's Markdown, as compiled into the program.
    static QString guideMarkdown();

    // Shows the guide of `window`, opening it first if it is not open yet.
    static UserGuideDialog* showFor(QWidget* window);

private:
    QTextBrowser* m_browser = nullptr;
};

} // namespace masahista::gui

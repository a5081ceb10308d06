#include "UserGuideDialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace masahista::gui {

namespace {

const QString dialogName = QStringLiteral("userGuideDialog");

} // namespace

UserGuideDialog::UserGuideDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(dialogName);
    setWindowTitle(tr("Masahista User Guide"));
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("guideBrowser"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setMarkdown(guideMarkdown());

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(720, 760);
}

QString UserGuideDialog::guideMarkdown()
{
    QFile file(QStringLiteral(":/help/user-guide.md"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        // Only a broken build lacks the resource; say so rather than show an empty window.
        return tr("The user guide is missing from this build of Masahista.");
    }
    return QString::fromUtf8(file.readAll());
}

UserGuideDialog* UserGuideDialog::showFor(QWidget* window)
{
    auto* dialog = window->findChild<UserGuideDialog*>(dialogName, Qt::FindDirectChildrenOnly);
    if (dialog == nullptr) {
        dialog = new UserGuideDialog(window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

} // namespace masahista::gui

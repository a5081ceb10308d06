#include "PageHolder.h"

#include <QVBoxLayout>

namespace masahista::gui {

PageHolder::PageHolder(Build build, QWidget* parent)
    : QWidget(parent)
    , m_build(std::move(build))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

QWidget* PageHolder::page()
{
    if (m_page == nullptr) {
        m_page = m_build(this);
        layout()->addWidget(m_page);
        // Keyboard focus given to the tab goes on into the page.
        setFocusProxy(m_page);
        // A child added to a shown widget stays hidden until shown itself; added to a hidden
        // one it then appears with it.
        m_page->show();
    }
    return m_page;
}

void PageHolder::showEvent(QShowEvent* event)
{
    page();
    QWidget::showEvent(event);
}

} // namespace masahista::gui

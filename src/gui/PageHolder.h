#pragma once

#include <QWidget>

#include <functional>

namespace masahista::gui {

// Stands in a tab for a page that is built the first time it is asked for: when its tab is
// first shown, or when code needs the page. Most tabs are never opened in a session, and
// building them all (forms, models, their data) was a large part of the time to a first window.
class PageHolder final : public QWidget
{
    Q_OBJECT

public:
    using Build = std::function<QWidget*(QWidget* parent)>;

    explicit PageHolder(Build build, QWidget* parent = nullptr);

    // The page, built now if it was not yet.
    QWidget* page();
    bool isBuilt() const { return m_page != nullptr; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    Build m_build;
    QWidget* m_page = nullptr;
};

} // namespace masahista::gui

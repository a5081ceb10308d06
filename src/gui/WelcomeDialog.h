#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class WelcomeDialog;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

// Shown on first start, while the clinic is still empty: load the demo clinic to try
// Masahista out, or start with nothing. A demo that cannot be loaded is explained in the
// dialog itself, which stays open so the user can choose again.
class WelcomeDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Choice
    {
        Undecided,
        DemoLoaded,
        StartedEmpty,
    };

    WelcomeDialog(Clinic& clinic, QWidget* parent = nullptr);
    ~WelcomeDialog() override;

    Choice choice() const { return m_choice; }

private:
    void loadDemo();
    void startEmpty();
    void showError(const QString& message);

    std::unique_ptr<Ui::WelcomeDialog> m_ui;
    Clinic& m_clinic;
    Choice m_choice = Choice::Undecided;
};

} // namespace masahista::gui

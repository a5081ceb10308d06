#pragma once

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QTimer>

#include <functional>
#include <memory>

namespace masahista::test {

// Runs `action` on the next modal dialog of type Dialog once it is open, for code under test
// that opens it with exec() and waits. Gives up after `timeoutMs` by rejecting whatever modal
// dialog is open, so that a dialog that never comes fails the test instead of hanging it.
// The action must not throw: Catch's CHECK is fine there, REQUIRE is not.
template <typename Dialog>
void whenModal(std::function<void(Dialog&)> action, int timeoutMs = 10000)
{
    auto* timer = new QTimer(QApplication::instance());
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, elapsed, action, timeoutMs] {
        auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
        if (dialog != nullptr && dialog->isVisible()) {
            timer->stop();
            timer->deleteLater();
            action(*dialog);
            return;
        }
        if (elapsed->elapsed() > timeoutMs) {
            timer->stop();
            timer->deleteLater();
            if (auto* stuck = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
                stuck->done(QDialog::Rejected);
            }
        }
    });
    timer->start();
}

} // namespace masahista::test

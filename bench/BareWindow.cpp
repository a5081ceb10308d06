// The baseline of the cold-start figure: a bare Qt Widgets program that opens one empty
// window and ends once it has painted, as `masahista` does under
// MASAHISTA_QUIT_AFTER_FIRST_PAINT. With `--text` the window shows one line of text: the
// first text of any program loads the font database and shapes and rasterizes glyphs, which
// the empty window never does (docs/BENCHMARKS.md).
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

#include <chrono>
#include <cstdio>

namespace {

class QuitAfterFirstPaint final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            QMetaObject::invokeMethod(
                this,
                [] {
                    const std::chrono::nanoseconds now =
                        std::chrono::steady_clock::now().time_since_epoch();
                    std::printf("first-paint-ns %lld\n", static_cast<long long>(now.count()));
                    std::fflush(stdout);
                    QCoreApplication::quit();
                },
                Qt::QueuedConnection);
        }
        return false;
    }
};

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QWidget window;
    window.resize(1280, 800);
    if (QCoreApplication::arguments().contains(QStringLiteral("--text"))) {
        auto* layout = new QVBoxLayout(&window);
        layout->addWidget(new QLabel(QStringLiteral("Masahista Healing Hands"), &window));
    }
    QuitAfterFirstPaint quitter;
    window.installEventFilter(&quitter);
    window.show();
    return QApplication::exec();
}

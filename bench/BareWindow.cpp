// The baseline of the cold-start figure: a bare Qt Widgets program that opens one empty
// window and ends once it has painted, as `masahista` does under
// MASAHISTA_QUIT_AFTER_FIRST_PAINT.
#include <QApplication>
#include <QEvent>
#include <QWidget>

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
            QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
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
    QuitAfterFirstPaint quitter;
    window.installEventFilter(&quitter);
    window.show();
    return QApplication::exec();
}

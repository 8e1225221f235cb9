#include "app/screenshotdriver.h"

#include "app/appcontext.h"
#include "core/workerpool.h"
#include "platform/livediff.h"
#include "ui/main/mainwindow.h"

#include <QApplication>
#include <QDesktopServices>
#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QThreadPool>

#include <cstdio>

namespace kanri::app {

namespace {

// QDesktopServices' handler for the links a view would open: none are.
class LinkSink : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

public Q_SLOTS:
    void open(const QUrl &) {}
};

} // namespace

ScreenshotDriver::ScreenshotDriver(AppContext *context)
    : m_context(context)
    , m_unreachable(std::make_unique<QTcpServer>())
{
    m_context->setErrorReporter([](const QString &, const QString &message) {
        std::fprintf(stderr, "kanri: %s\n", qPrintable(message));
    });
    m_context->setRemembersWorkspace(false);
    m_context->setKeepsJournal(false); // a picture locks nothing and leaves no journal
    m_context->setWorkingOffline(true);
    auto *links = new LinkSink(context);
    for (const char *scheme : {"http", "https", "file", "mailto"})
        QDesktopServices::setUrlHandler(QString::fromLatin1(scheme), links, "open");
    // Every HTTP(S) request goes through a proxy on loopback that hangs up at once: the
    // request fails as "offline" without waiting for a timeout, and nothing leaves the machine.
    if (m_unreachable->listen(QHostAddress::LocalHost)) {
        QObject::connect(m_unreachable.get(), &QTcpServer::newConnection, m_unreachable.get(),
                         [server = m_unreachable.get()] {
                             while (QTcpSocket *socket = server->nextPendingConnection()) {
                                 socket->abort();
                                 socket->deleteLater();
                             }
                         });
        QNetworkProxy::setApplicationProxy(QNetworkProxy(
            QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_unreachable->serverPort()));
    }
}

ScreenshotDriver::~ScreenshotDriver()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    for (const char *scheme : {"http", "https", "file", "mailto"})
        QDesktopServices::unsetUrlHandler(QString::fromLatin1(scheme));
}

bool ScreenshotDriver::settle(std::chrono::milliseconds limit)
{
    QElapsedTimer clock;
    clock.start();
    int quietRounds = 0;
    // Results arrive as queued calls after a worker finishes: quiet means several rounds in a
    // row with nothing running and nothing left to deliver.
    while (quietRounds < 3) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QApplication::sendPostedEvents();
        const bool busy =
            m_context->isBusy() || QThreadPool::globalInstance()->activeThreadCount() > 0 ||
            workerPool()->activeThreadCount() > 0 || scanPool()->activeThreadCount() > 0 ||
            taskPool()->activeThreadCount() > 0;
        quietRounds = busy ? 0 : quietRounds + 1;
        if (clock.elapsed() > limit.count())
            return false;
        if (busy)
            QThread::msleep(5);
    }
    return true;
}

int ScreenshotDriver::take(const QString &file, QSize size, const QString &view)
{
    ui::MainWindow *window = m_context->window();
    window->resize(size);
    window->show();
    if (window->liveDiff())
        window->liveDiff()->computeNow();
    if (!settle())
        std::fprintf(stderr, "kanri: warning: the window was still busy after two minutes\n");
    QWidget *shown = window;
    if (!view.isEmpty()) {
        shown = m_context->openView(view);
        if (!shown) {
            std::fprintf(stderr, "kanri: error: the view '%s' cannot be shown here\n",
                         qPrintable(view));
            return 1;
        }
        shown->show();
        if (!settle())
            std::fprintf(stderr, "kanri: warning: the view was still busy after two minutes\n");
    }
    if (!shown->grab().save(file, "PNG")) {
        std::fprintf(stderr, "kanri: error: cannot write %s\n", qPrintable(file));
        return 1;
    }
    return 0;
}

} // namespace kanri::app

#include "screenshotdriver.moc"

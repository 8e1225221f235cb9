#pragma once

#include <QSize>
#include <QString>

#include <chrono>
#include <memory>

class QTcpServer;

namespace kanri::app {

class AppContext;

// Takes the picture of `kanri --screenshot FILE [--view NAME]`: drives the real window and its
// dialogs from outside, as a user would, and waits until the background work they start has
// shown its results. Nobody is there to answer a question, so while the driver lives errors go
// to stderr, links are not opened, the window works offline (and any HTTP request that would
// still be made fails at once), and the workspace is not remembered as the one to open next time.
// The controllers do not know they are being photographed.
class ScreenshotDriver
{
public:
    explicit ScreenshotDriver(AppContext *context);
    ~ScreenshotDriver();
    ScreenshotDriver(const ScreenshotDriver &) = delete;
    ScreenshotDriver &operator=(const ScreenshotDriver &) = delete;

    // Runs the event loop until nothing is busy (AppContext::isBusy, the thread pool) for a
    // few rounds in a row. False when `limit` passed first.
    bool settle(std::chrono::milliseconds limit = std::chrono::seconds(120));

    // Shows the window at `size` (or the view `view` over it), waits for it to settle and
    // writes the PNG. Returns the process's exit status; says why on stderr when it fails.
    int take(const QString &file, QSize size, const QString &view);

private:
    AppContext *m_context;
    std::unique_ptr<QTcpServer> m_unreachable; // where every HTTP request goes (and is closed)
};

} // namespace kanri::app

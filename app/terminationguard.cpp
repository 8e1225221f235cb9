#include "app/terminationguard.h"

#include "app/appcontext.h"

#include <QGuiApplication>
#include <QSessionManager>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace kanri::app {

namespace {

int signalPipe[2] = {-1, -1};
constexpr int handledSignals[] = {SIGTERM, SIGHUP, SIGINT};

// Async-signal-safe: one byte, the signal's number, to the GUI thread's notifier.
void onSignal(int number)
{
    const char byte = char(number);
    [[maybe_unused]] const ssize_t n = ::write(signalPipe[1], &byte, 1);
}

} // namespace

TerminationGuard::TerminationGuard(AppContext *context)
    : m_context(context)
{
    if (signalPipe[0] < 0 &&
        ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalPipe) != 0) {
        signalPipe[0] = signalPipe[1] = -1;
        return;
    }
    m_notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TerminationGuard::signalled);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int number : handledSignals)
        ::sigaction(number, &action, nullptr);
    connect(qGuiApp, &QGuiApplication::commitDataRequest, this,
            [this](QSessionManager &) { m_context->flushJournal(); });
}

TerminationGuard::~TerminationGuard()
{
    for (int number : handledSignals)
        ::signal(number, SIG_DFL);
}

void TerminationGuard::signalled()
{
    char number = 0;
    if (::read(signalPipe[0], &number, 1) != 1)
        return;
    m_context->flushJournal();
    QCoreApplication::exit(128 + number);
}

} // namespace kanri::app

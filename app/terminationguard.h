#pragma once

#include <QObject>

class QSocketNotifier;

namespace kanri::app {

class AppContext;

// Ends the window cleanly when the system asks it to: on SIGTERM, SIGHUP or SIGINT the journal
// of unsaved edits is flushed and the event loop quits (with 128 + the signal), without a
// question nobody is there to answer; the journal stays, so the next start offers the edits
// back. At session logout (QGuiApplication::commitDataRequest) the journal is flushed too.
// One per process: the handlers are the process's.
class TerminationGuard : public QObject
{
    Q_OBJECT

public:
    explicit TerminationGuard(AppContext *context);
    ~TerminationGuard() override;

private:
    void signalled();

    AppContext *m_context;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace kanri::app

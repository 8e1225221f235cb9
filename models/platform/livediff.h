#pragma once

#include "diff/renderdiff.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace kanri::platform {

class Session;

// The rendered diff of one service's environments: HEAD against the working buffers, kept up
// to date as the user edits. Edits are debounced; rendering runs on a worker thread; a newer
// edit cancels the render in flight, and a result that is no longer current is dropped.
class LiveDiff : public QObject
{
    Q_OBJECT

public:
    struct EnvironmentDiff
    {
        QString environment;
        QString overlay; // relative to the manifests repository
        diff::RenderDiff diff;
        QString error; // the working side does not render: "file:line:col: error: ..."
    };

    // A text diff of one accounts (Terraform) file: HEAD against the working buffers.
    struct FileDiff
    {
        QString file; // relative to the accounts repository
        QList<diff::Hunk> hunks;
    };

    // What one computation produced (cancelled: a newer edit superseded it).
    struct Outcome
    {
        QList<EnvironmentDiff> environments;
        QList<FileDiff> accounts;
        bool cancelled = false;
    };

    // HEAD of one repository as the computations keep it between edits (livediff.cpp).
    struct RepositoryHead;

    explicit LiveDiff(Session *session, QObject *parent = nullptr);
    ~LiveDiff() override;

    // The service whose environments are followed (-1: none).
    void setService(int service);
    int service() const { return m_service; }
    void setDebounce(int milliseconds) { m_timer.setInterval(milliseconds); }

    const QList<EnvironmentDiff> &results() const { return m_results; }
    // Every accounts file that differs from HEAD (saved or not), whatever the service.
    const QList<FileDiff> &accountsDiffs() const { return m_accounts; }
    bool isBusy() const { return m_watcher.isRunning() || m_timer.isActive(); }

    // Schedules a new computation (edits call this through the session's signals).
    void schedule();
    // Computes now and waits (for the command line and tests; not on a busy GUI).
    void computeNow();

Q_SIGNALS:
    void updated();
    void failed(const QString &message);

private:
    void start();
    void finished();

    Session *m_session;
    int m_service = -1;
    QTimer m_timer;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_generation = 0;
    quint64 m_runningGeneration = 0;
    quint64 m_diskEpoch = 0; // saves so far: the files that differ from HEAD are read again
    std::shared_ptr<RepositoryHead> m_accountsHead, m_manifestsHead;
    QList<EnvironmentDiff> m_results;
    QList<FileDiff> m_accounts;
};

} // namespace kanri::platform

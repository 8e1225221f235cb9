#pragma once

#include "core/latestresult.h"
#include "diff/renderdiff.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace kanri::platform {

class Session;

// The rendered diff of one service's environments: HEAD against the working buffers, kept up
// to date as the user edits. Edits are debounced; rendering runs on a worker thread through
// the session's render pipeline (so overlays the tree or the linter rendered are not rendered
// again); a newer edit supersedes the computation in flight (LatestResult).
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

    // What one computation produced.
    struct Outcome
    {
        QList<EnvironmentDiff> environments;
        QList<FileDiff> accounts;
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
    bool isBusy() const { return m_run.isPending() || m_timer.isActive(); }

    // Schedules a new computation (edits call this through the session's signals).
    void schedule();
    // Computes now and waits (for the command line and tests; not on a busy GUI).
    void computeNow();

Q_SIGNALS:
    void updated();
    void failed(const QString &message);

private:
    void start();
    void finished(Outcome outcome);

    Session *m_session;
    int m_service = -1;
    QTimer m_timer;
    // One computation at a time touches the HEAD caches: a new one starts only when the one
    // it superseded has wound down.
    LatestResult<Outcome> m_run;
    quint64 m_diskEpoch = 0; // saves so far: the files that differ from HEAD are read again
    std::shared_ptr<RepositoryHead> m_accountsHead, m_manifestsHead;
    QList<EnvironmentDiff> m_results;
    QList<FileDiff> m_accounts;
};

} // namespace kanri::platform

#pragma once

#include "core/result.h"
#include "github/githubclient.h"
#include "github/githuberror.h"
#include "github/githubpullstore.h"
#include "github/githubtypes.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace kanri::credentials {
class TokenStore;
}

namespace kanri::review {

// GitHub could not be reached (no answer, or none in time): every call after it would fail the
// same way, so work that needs GitHub stops there.
bool isOfflineError(const github::ApiError &error);

// One pull request to make available offline: the GitHub repository and the client it is read
// through, and the local clone of that repository whose origin receives its commits.
struct PullTarget
{
    github::Client *client = nullptr;
    github::RepoRef repo;
    QString clonePath;
    int number = 0;
};

struct PullSyncFailure
{
    int number = 0; // 0: listing the open pull requests failed
    Error error;    // as the command line prints it (Error::toString: "error: ...")
    QString text;   // as the Review Queue panel lists it ("#7: ...")
};

struct PullSyncReport
{
    int total = 0; // pull requests asked for (or listed)
    int done = 0;  // fetched and stored
    QList<PullSyncFailure> failures;
    // Set when GitHub could not be reached: the pull requests after it were not tried.
    std::optional<github::ApiError> offline;
    bool cancelled = false;

    bool ok() const { return !cancelled && failures.isEmpty(); }
    // "2 pull requests available offline." or "1 of 2 available offline; #8: ...".
    QString summary() const;
};

// Makes pull requests available offline, one after the other, for the command line and the
// GUI. Per pull request: its metadata, files, commits, reviews, comments and diff from GitHub
// (fetchOfflinePull), then refs/pull/N/head and its base branch into refs/kanri/pull/N/{head,base}
// of the clone (fetchPullRefs, on a worker thread, cancellable, with transfer progress), and only
// then the PullStore entry: a stored pull request whose commits are missing would render nothing,
// so a failed fetch leaves nothing stored. A failure of one pull request is reported and the next
// one is tried, except when GitHub cannot be reached (isOfflineError): the rest would fail the
// same way, so the sync ends there.
//
// Signals are emitted on the thread the sync lives on; progress of a git fetch arrives there at
// most ~10 times a second. One sync runs at a time per object.
class PullSync : public QObject
{
    Q_OBJECT

public:
    explicit PullSync(github::PullStore store, QObject *parent = nullptr);
    // A running git fetch stops at its next progress step; nothing is emitted any more.
    ~PullSync() override;

    // Starts on `pulls`, in order; false (and nothing happens) while a sync is running.
    bool start(QList<PullTarget> pulls);
    // Lists the open pull requests of `repo` first, then starts on all of them. A failed
    // listing ends the sync with that failure (number 0).
    bool startAllOpen(github::Client *client, const github::RepoRef &repo,
                      const QString &clonePath);
    // Drops the answers still on their way, asks a running git fetch to stop, and emits
    // finished() with `cancelled` set before it returns. Nothing more is stored.
    void cancel();

    // Where the git fetches' HTTPS tokens come from (the window's one store, so that typed
    // tokens and the token settings count); null: a default store (the environment, then the
    // keychain), as the command line has.
    void setTokens(std::shared_ptr<credentials::TokenStore> tokens)
    {
        m_tokens = std::move(tokens);
    }

    bool isRunning() const { return m_run != nullptr; }
    int index() const; // of the pull request being made available offline
    int total() const; // how many were asked for
    const github::PullStore &store() const { return m_store; }

Q_SIGNALS:
    void progress(const QString &text, int index, int total);
    void pullStored(const kanri::review::PullTarget &target,
                    const kanri::github::OfflinePull &pull);
    void pullFailed(const kanri::review::PullSyncFailure &failure);
    void finished(const kanri::review::PullSyncReport &report);

private:
    struct Run;
    class Relay;

    bool begin();
    void next();
    void fetchRefs(const PullTarget &target, const github::OfflinePull &pull);
    void fail(PullSyncFailure failure);
    void finish();
    bool isCurrent(quint64 id) const;

    github::PullStore m_store;
    std::shared_ptr<credentials::TokenStore> m_tokens;
    std::unique_ptr<Run> m_run;
    quint64 m_lastId = 0;
};

} // namespace kanri::review

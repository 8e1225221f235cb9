#pragma once

#include "githubclient.h"
#include "gitrepository.h"
#include "wizardplan.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>
#include <stop_token>

namespace kanri::git {
class TokenSource;
}

namespace kanri::platform {
class Session;
struct Workspace;
} // namespace kanri::platform

namespace kanri::app {

// One repository's share of a wizard's change: its files, then the branch, the commit and the
// pull request that carry them.
struct FlowStep
{
    QString repository; // the workspace's name for it ("accounts")
    QString path;       // the working tree
    QString baseBranch; // what the pull request targets
    QStringList files;  // absolute paths, all inside `path`
    QStringList displayFiles;
    QString branch;
    QString commitMessage;
    QString title, body; // the pull request
};

struct FlowRequest
{
    QList<FlowStep> steps; // in order; each later pull request's body links to the earlier ones
    bool openPullRequests = true;
    std::optional<git::Signature> author; // empty: the repository's / global git config
};

// What happened in one repository.
struct FlowStepOutcome
{
    QString repository, branch;
    QString commit; // empty: nothing committed
    bool pushed = false;
    int pullNumber = 0;
    QString pullUrl;
    bool pullExisted = false; // GitHub said one was open already: that one is shown
};

struct FlowOutcome
{
    bool ok = false;
    bool cancelled = false;
    bool saved = false;           // the wizard's files were written
    QList<FlowStepOutcome> steps; // one per step that got as far as a commit
    QString message;              // plain words: what was done and, on failure, what failed
    bool anythingCommitted() const;
};

// The wizard plan's files split by repository, with generated branch, commit message and pull
// request text left empty (the caller fills them). Files outside both repositories are
// refused.
Result<QList<FlowStep>> splitPlan(const platform::WizardPlan &plan,
                                  const platform::Workspace &workspace);

// "" when `name` can be a new branch name, else why not (git check-ref-format's rules).
QString checkBranchName(const QString &name);

// "- `path` (new, 42 lines)" lines for a pull request body.
QString fileSummary(const platform::WizardPlan &plan, const QStringList &files);

// After a wizard: save exactly its files, then in each repository create and switch to the
// branch, stage those files, commit, push to origin with upstream, and open the pull request
// on GitHub (an existing one for the branch is shown instead). Git work runs on a worker with
// progress and Cancel; GitHub calls are asynchronous on this thread. When there are two
// repositories, the second pull request's body links to the first, and the first one's body
// is then edited (PATCH) to link back. Every failure says what was already done.
class WizardFlow : public QObject
{
    Q_OBJECT

public:
    explicit WizardFlow(platform::Session *session, QObject *parent = nullptr);
    ~WizardFlow() override;

    // Where tokens come from (default: the environment, then the keychain, as the Repository
    // and Pull Requests menus do).
    void setGitTokens(std::shared_ptr<git::TokenSource> tokens) { m_gitTokens = std::move(tokens); }
    void setGitHubTokens(std::shared_ptr<github::TokenProvider> tokens)
    {
        m_githubTokens = std::move(tokens);
    }
    // The REST base when configured (the setting github/apiUrl); KANRI_GITHUB_API_URL wins.
    void setConfiguredApiBase(const QUrl &base) { m_configuredApiBase = base; }

    void start(FlowRequest request);
    void cancel();
    bool isRunning() const { return m_running; }
    const FlowOutcome &outcome() const { return m_outcome; }

Q_SIGNALS:
    // `percent` < 0: no measure (a busy bar).
    void progress(const QString &text, int percent);
    void finished(const kanri::app::FlowOutcome &outcome);

private:
    // What a worker did in one repository (or, for the preflight, in all of them).
    struct GitResult
    {
        QStringList remoteUrls;
        QString commit;
        bool switched = false, pushed = false;
        std::optional<Error> error;
        QString failedStep; // "push", ...
    };
    void preflightDone();
    void nextGitStep();
    void gitStepDone();
    void nextPull();
    void linkBack();
    void finish(bool ok, const QString &failure = {});
    github::Client *clientFor(const QString &remoteUrl);
    QString doneSoFar() const;

    QPointer<platform::Session> m_session;
    std::shared_ptr<git::TokenSource> m_gitTokens;
    std::shared_ptr<github::TokenProvider> m_githubTokens;
    QUrl m_configuredApiBase;

    FlowRequest m_request;
    FlowOutcome m_outcome;
    QStringList m_remoteUrls; // per step, read on the worker
    bool m_running = false;
    int m_index = 0;
    std::stop_source m_stop;
    std::unique_ptr<QFutureWatcher<GitResult>> m_watcher;
    QPointer<QObject> m_pullContext;
    github::Client *m_client = nullptr;
};

} // namespace kanri::app

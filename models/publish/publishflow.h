#pragma once

#include "credentials/tokenstore.h"
#include "git/gitrepository.h"
#include "github/githubclient.h"
#include "publish/wizardplan.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <stop_token>

namespace kanri::platform {

class Session;
struct Workspace;

// Where one repository's branch starts (found before anything is saved).
struct PublishStepPlan
{
    QString defaultBranch; // "main"
    QString baseCommit;
    bool carry = false; // HEAD is elsewhere: commit `change` on the base
    git::CarriedChange change;
};

// One repository's share of a wizard's change: its files, then the branch, the commit and the
// pull request that carry them.
struct PublishStep
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

struct PublishRequest
{
    QList<PublishStep> steps; // in order; each later pull request's body links to the earlier ones
    bool openPullRequests = true;
    std::optional<git::Signature> author; // empty: the repository's / global git config
};

// What happened in one repository.
struct PublishStepOutcome
{
    QString repository, branch;
    QString baseBranch;   // the remote's default branch the new one starts from ("main")
    QString baseCommit;   // its commit
    bool carried = false; // HEAD was elsewhere: the files were carried over to the base
    QString commit;       // empty: nothing committed
    bool pushed = false;
    int pullNumber = 0;
    QString pullUrl;
    bool pullExisted = false; // GitHub said one was open already: that one is shown
};

struct PublishOutcome
{
    bool ok = false;
    bool cancelled = false;
    bool saved = false;              // the wizard's files were written
    QList<PublishStepOutcome> steps; // one per step that got as far as a commit
    QString message;                 // plain words: what was done and, on failure, what failed
    bool anythingCommitted() const;
};

// The wizard plan's files split by repository, with generated branch, commit message and pull
// request text left empty (the caller fills them). Files outside both repositories are
// refused.
Result<QList<PublishStep>> splitPlan(const WizardPlan &plan, const Workspace &workspace);

// "" when `name` can be a new branch name, else why not (git check-ref-format's rules).
QString checkBranchName(const QString &name);

// After a wizard: fetch origin in each repository and find its default branch (what origin's
// HEAD names, else main or master), check that the change can start from there, save exactly
// the wizard's files, then in each repository create and switch to the branch, commit those
// files, push to origin with upstream, and open the pull request against the default branch
// on GitHub (an existing one for the branch is shown instead). When HEAD is the default
// branch's commit, the branch starts at HEAD; else (a feature branch, local commits, behind)
// the wizard's changes are merged into the default branch's files and committed on top of
// it, so the pull request carries nothing else, while other local changes stay in the working
// tree. Anything in the way (other uncommitted changes to the same files, local changes the
// switch would overwrite, a fetch that fails) stops the flow before anything is saved. Git work
// runs on a worker with progress and Cancel; GitHub calls are asynchronous on this thread. When
// there are two repositories, the second pull request's body links to the first, and the first
// one's body is then edited (PATCH) to link back. Every failure says what was already done.
class PublishFlow : public QObject
{
    Q_OBJECT

public:
    explicit PublishFlow(Session *session, QObject *parent = nullptr);
    ~PublishFlow() override;

    // Where git's and GitHub's tokens come from, and who is asked for one after a 401 (the
    // store's prompt); a token that worked is reported to it, the tokens typed in this session
    // are scrubbed from every text. Null (the default): the environment, then the keychain,
    // nobody asked.
    void setTokens(std::shared_ptr<credentials::TokenStore> tokens);
    // The REST base when configured (the setting github/apiUrl); KANRI_GITHUB_API_URL wins.
    void setConfiguredApiBase(const QUrl &base) { m_configuredApiBase = base; }

    void start(PublishRequest request);
    void cancel();
    bool isRunning() const { return m_running; }
    const PublishOutcome &outcome() const { return m_outcome; }

Q_SIGNALS:
    // `percent` < 0: no measure (a busy bar).
    void progress(const QString &text, int percent);
    void finished(const kanri::platform::PublishOutcome &outcome);

private:
    // What a worker did in one repository (or, for the preflight, in all of them).
    struct GitResult
    {
        QStringList remoteUrls;
        QString commit;
        bool switched = false, pushed = false;
        std::optional<Error> error;
        QString failedStep;       // "push", ...
        QString failedRepository; // the preflight's
        QString failedUrl;        // the address that refused (for a sign-in)
        enum class Stage { Check, Fetch, Plan } stage = Stage::Check;
        QList<PublishStepPlan> plans; // the preflight's, one per step
    };
    void runPreflight();
    void preflightDone();
    void runGitStep(bool pushOnly);
    // Asks for a token after a 401, when someone can be asked.
    bool askToSignIn(const QString &url, const Error &error, std::function<void()> retry,
                     std::function<void()> giveUp);
    QString scrub(const QString &text) const;
    QString signInHint(const QString &url) const;
    git::NetworkOptions networkOptions(const QString &repository, const QString &doing);
    void nextGitStep();
    void gitStepDone();
    void nextPull();
    void linkBack();
    void finish(bool ok, const QString &failure = {});
    github::Client *clientFor(const QString &remoteUrl);
    QString doneSoFar() const;

    QPointer<Session> m_session;
    std::shared_ptr<credentials::TokenStore> m_tokens;
    QUrl m_configuredApiBase;

    PublishRequest m_request;
    PublishOutcome m_outcome;
    QStringList m_remoteUrls; // per step, read on the worker
    // Per step: the wizard's files (relative path → content, std::nullopt: deleted) as the
    // buffers hold them when the flow starts, and where the branch starts.
    QList<QHash<QString, std::optional<QByteArray>>> m_contents;
    QList<PublishStepPlan> m_plans;
    bool m_running = false;
    int m_index = 0;
    std::stop_source m_stop;
    std::unique_ptr<QFutureWatcher<GitResult>> m_watcher;
    QPointer<QObject> m_pullContext;
    github::Client *m_client = nullptr;
};

} // namespace kanri::platform

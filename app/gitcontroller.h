#pragma once

#include "core/result.h"
#include "git/gitnetwork.h"
#include "git/gitrepository.h"
#include "ui/git/gitchangespanel.h"
#include "ui/git/gitfilediffview.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>
#include <stop_token>

class QAction;
class QDialog;
class QMessageBox;
class QDockWidget;
class QTimer;

namespace kanri::git {
class TokenSource;
}

namespace kanri::ui {
class GitAuthorDialog;
class GitPushDialog;
class GitSettingsDialog;
class GitBranchDialog;
class GitChangesPanel;
class GitCloneDialog;
class GitCommitDialog;
class GitProgressDialog;
class GitSignInDialog;
} // namespace kanri::ui

namespace kanri::app {

class AppContext;
class CommitAuthor;

// Wires the Repository menu: clone, the Changes panel, commit, branches, push and pull over
// the workspace's repositories. Network work runs on a worker (gitasync.h) with progress and
// Cancel; a 401 asks for a token (kept in memory, and in the keychain once it has worked
// when the user wants). Every message shown goes through git::scrubSecrets with the tokens
// typed in this session.
class GitController : public QObject
{
    Q_OBJECT

public:
    explicit GitController(AppContext *context);
    ~GitController() override;

    // Where tokens come from before the user is asked (default: the environment, then the
    // keychain). Tests hand in their own.
    void setTokenSource(std::shared_ptr<git::TokenSource> tokens);
    // The tokens this controller uses: those typed into its sign-in prompt in this run, then
    // the ones set above. The object is a GitTokenPrompt (gittokenprompt.h): others (the
    // wizards' flow) ask through the same prompt after a 401. It stays valid, and follows
    // setTokenSource(), for the controller's life; asking stops when the controller is gone.
    std::shared_ptr<git::TokenSource> tokenSource() const;

    // The actions (Repository menu and toolbar). Without a repository: Commit takes the one
    // the user worked with last when it has changes (else the first with changes), Pull and
    // Branches the one the user worked with last (committed to, pushed, pulled, switched or
    // selected in the Changes panel); Push reads the status again and pushes the one
    // repository whose branch has commits its remote lacks, asks which when several have, and
    // says so when none has. The actions' texts name their repository and branch.
    void openClone();
    void openCommit(int repository = -1);
    void openBranches(int repository = -1);
    void push(int repository = -1);
    void pull(int repository = -1);
    void openSettings();
    // Reads the working trees again on a worker; the panel shows the result when it arrives
    // (changesRefreshed), a newer refresh replacing an older one.
    void refreshChanges();
    bool isBusy() const { return m_busy; }
    // A refresh is scheduled or its result has not arrived yet.
    bool isRefreshing() const;

    // For tests and screenshots.
    ui::GitChangesPanel *changesPanel() const { return m_changes; }
    QDockWidget *changesDock() const { return m_dock; }
    ui::GitCloneDialog *cloneDialog() const;
    ui::GitCommitDialog *commitDialog() const;
    ui::GitBranchDialog *branchDialog() const;
    ui::GitProgressDialog *progressDialog() const;
    ui::GitSignInDialog *signInDialog() const;
    ui::GitSettingsDialog *settingsDialog() const;
    ui::GitPushDialog *pushDialog() const;
    QMessageBox *hostKeyDialog() const;
    // Who commits are by (asks on a computer where git knows no author); the wizards' flow
    // asks through it too.
    CommitAuthor *commitAuthor() const { return m_author; }

Q_SIGNALS:
    // A clone, push or pull ended (after its dialog shows the outcome).
    void operationFinished(bool succeeded);
    // The sign-in prompt is up (a server answered 401).
    void signInRequested();
    // The question about an unknown SSH host key is up.
    void hostKeyQuestionAsked();
    // The Changes panel shows the status read by the latest refresh.
    void changesRefreshed();
    // The diff view shows the selected file's diff.
    void fileDiffShown();
    // A commit from the dialog ended.
    void commitFinished(bool succeeded);
    // Push found several repositories with something to push and asks which.
    void pushQuestionAsked();

private:
    struct RepositoryRef
    {
        QString name, path, url;
    };
    class MemoryTokens;
    class SessionTokens;
    // SSH host keys the user trusted in this session (by fingerprint), and the last one
    // refused on a worker, so the GUI can ask about it.
    struct HostKeys
    {
        QMutex mutex;
        QSet<QString> trusted;
        std::optional<git::HostKeyInfo> refused;
    };

    // What the diff worker needs (copied: it runs off the GUI thread).
    struct DiffRequest
    {
        QString repositoryName, repositoryPath, path, absolutePath;
        std::optional<QByteArray> unsaved; // the editor's content, when it has unsaved edits
        QStringList secrets;
    };

    QList<RepositoryRef> repositories() const;
    static QList<ui::GitRepositoryChanges> readChanges(const QList<RepositoryRef> &repositories,
                                                       const QSet<QString> &unsaved,
                                                       const QStringList &secrets);
    void refreshChangesThen(std::function<void()> then);
    void applyChanges(quint64 generation, const QList<ui::GitRepositoryChanges> &all);
    void finishRefreshNow(); // screenshots: wait for the pending refresh and show it
    static ui::GitFileDiff computeDiff(const DiffRequest &request);
    void requestDiff();
    void finishDiffNow();
    void saveSettings();
    int focusRepository() const;
    int commitTarget() const;
    QList<int> pushCandidates() const;
    void createActions();
    void registerViews();
    void sessionChanged();
    void scheduleRefresh();
    void updateActions();
    void showDialog(QDialog *dialog);

    // Network work: one at a time. `start` gets options wired to progress and Cancel;
    // `done` gets the result on the GUI thread.
    template<typename T>
    void runNetwork(std::function<QFuture<Result<T>>(git::NetworkOptions)> start,
                    std::function<void(const Result<T> &)> done,
                    std::function<void(const git::TransferProgress &)> progress);
    void cancelNetwork();
    // A failure the user can fix on the spot (an unknown SSH host key, a 401): asks, then calls
    // retry or giveUp; false when there is nothing to ask.
    bool offerRecovery(const QString &url, const Error &error, std::function<void()> retry,
                       std::function<void()> giveUp);
    void askHostKey(const git::HostKeyInfo &key, std::function<void()> retry,
                    std::function<void()> giveUp);
    // A 401: ask for a token for the URL's host, then call retry (or giveUp with the error).
    void askForToken(const QString &url, const Error &error, std::function<void()> retry,
                     std::function<void()> giveUp);
    void rememberWorkingToken(const QString &url);
    QString explain(const Error &error) const;
    QString scrub(const QString &text) const;

    void startClone(const QString &url, const QString &destination);
    void cloneFinished(const QString &destination, const Result<void> &result);
    void fillCommitDialog(int repository);
    void commitRequested();
    void commitAs(int repository, const git::Signature &author);
    void choosePush();
    void pushOne(int repository);
    void failPush(const QString &message, int pullRepository = -1);
    ui::GitProgressDialog *ensureProgressDialog();
    void fillBranchDialog(int repository);
    void checkout(int repository, const QString &branch, bool remote);
    void createBranch(int repository, const QString &name);
    void stage(int repository, const QStringList &paths, bool add);

    AppContext *m_context;
    std::shared_ptr<git::TokenSource> m_baseTokens;
    std::shared_ptr<MemoryTokens> m_typedTokens;
    std::shared_ptr<SessionTokens> m_sessionTokens; // typed, then base
    QStringList m_secrets; // every token typed in this session, for scrubbing messages
    // A token typed at the prompt that has not worked yet: stored in the keychain (when the
    // user asked) only after the operation it was typed for succeeded.
    struct PendingToken
    {
        QString host, token;
        bool remember = false;
    };
    std::optional<PendingToken> m_pendingToken;

    QDockWidget *m_dock = nullptr;
    ui::GitChangesPanel *m_changes = nullptr;
    QPointer<ui::GitCloneDialog> m_cloneDialog;
    QPointer<ui::GitCommitDialog> m_commitDialog;
    QPointer<ui::GitBranchDialog> m_branchDialog;
    QPointer<ui::GitProgressDialog> m_progressDialog;
    QPointer<ui::GitSignInDialog> m_signInDialog;
    QPointer<QMessageBox> m_hostKeyDialog;
    QPointer<ui::GitSettingsDialog> m_settingsDialog;
    QPointer<ui::GitPushDialog> m_pushDialog;
    CommitAuthor *m_author = nullptr;
    int m_focus = -1;       // the repository the user worked with last, -1: none yet
    QList<int> m_pushQueue; // repositories still to push after the current one
    QStringList m_pushed;   // what the pushes so far in this round did
    std::shared_ptr<HostKeys> m_hostKeys;
    QTimer *m_refreshTimer = nullptr;

    QAction *m_cloneAction = nullptr;
    QAction *m_commitAction = nullptr;
    QAction *m_branchesAction = nullptr;
    QAction *m_pushAction = nullptr;
    QAction *m_pullAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_settingsAction = nullptr;

    bool m_busy = false;
    std::stop_source m_stop;
    quint64 m_generation = 0; // progress from an older operation is dropped
    std::function<void()> m_waitForWorker;
    QList<QFuture<void>> m_keychainWrites;

    // Status and diff workers: results of an older request are dropped.
    quint64 m_changesGeneration = 0;
    quint64 m_appliedChangesGeneration = 0;
    QFuture<QList<ui::GitRepositoryChanges>> m_changesFuture;
    QList<std::function<void()>> m_afterRefresh;
    quint64 m_diffGeneration = 0;
    quint64 m_appliedDiffGeneration = 0;
    QFuture<ui::GitFileDiff> m_diffFuture;
    bool m_committing = false;
    QFuture<void> m_commitFuture;
};

} // namespace kanri::app

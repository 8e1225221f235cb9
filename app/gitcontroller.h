#pragma once

#include "gitnetwork.h"
#include "result.h"

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
class GitBranchDialog;
class GitChangesPanel;
class GitCloneDialog;
class GitCommitDialog;
class GitProgressDialog;
class GitSignInDialog;
} // namespace kanri::ui

namespace kanri::app {

class AppContext;

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

    // The actions (Repository menu and toolbar).
    void openClone();
    void openCommit(int repository = -1);
    void openBranches(int repository = -1);
    void push(int repository = -1);
    void pull(int repository = -1);
    void refreshChanges();
    bool isBusy() const { return m_busy; }

    // For tests and screenshots.
    ui::GitChangesPanel *changesPanel() const { return m_changes; }
    QDockWidget *changesDock() const { return m_dock; }
    ui::GitCloneDialog *cloneDialog() const;
    ui::GitCommitDialog *commitDialog() const;
    ui::GitBranchDialog *branchDialog() const;
    ui::GitProgressDialog *progressDialog() const;
    ui::GitSignInDialog *signInDialog() const;
    QMessageBox *hostKeyDialog() const;

Q_SIGNALS:
    // A clone, push or pull ended (after its dialog shows the outcome).
    void operationFinished(bool succeeded);
    // The sign-in prompt is up (a server answered 401).
    void signInRequested();
    // The question about an unknown SSH host key is up.
    void hostKeyQuestionAsked();

private:
    struct RepositoryRef
    {
        QString name, path, url;
    };
    class MemoryTokens;
    // SSH host keys the user trusted in this session (by fingerprint), and the last one
    // refused on a worker, so the GUI can ask about it.
    struct HostKeys
    {
        QMutex mutex;
        QSet<QString> trusted;
        std::optional<git::HostKeyInfo> refused;
    };

    QList<RepositoryRef> repositories() const;
    int defaultRepository() const;
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
    void fillBranchDialog(int repository);
    void checkout(int repository, const QString &branch, bool remote);
    void createBranch(int repository, const QString &name);
    void stage(int repository, const QStringList &paths, bool add);

    AppContext *m_context;
    std::shared_ptr<git::TokenSource> m_baseTokens;
    std::shared_ptr<MemoryTokens> m_typedTokens;
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
    std::shared_ptr<HostKeys> m_hostKeys;
    QTimer *m_refreshTimer = nullptr;

    QAction *m_cloneAction = nullptr;
    QAction *m_commitAction = nullptr;
    QAction *m_branchesAction = nullptr;
    QAction *m_pushAction = nullptr;
    QAction *m_pullAction = nullptr;
    QAction *m_refreshAction = nullptr;

    bool m_busy = false;
    std::stop_source m_stop;
    quint64 m_generation = 0; // progress from an older operation is dropped
    std::function<void()> m_waitForWorker;
    QList<QFuture<void>> m_keychainWrites;
};

} // namespace kanri::app

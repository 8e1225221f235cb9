#pragma once

#include "core/result.h"
#include "git/gitnetwork.h"
#include "git/gitrepository.h"
#include "ui/git/gitchangespanel.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QDialog;
class QMessageBox;
class QDockWidget;

namespace kanri::credentials {
class TokenStore;
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
class GitActions;
class GitBranchController;
class GitChangesController;
class GitCloneController;
class GitCommitController;
class GitNetworkRunner;
class GitPullController;
class GitPushController;
class GitSettingsController;

// Wires the Repository menu: clone, the Changes panel, commit, branches, push and pull over
// the workspace's repositories. Network work runs on a worker (gitasync.h) with progress and
// Cancel; a 401 asks for a token (kept in the token store for the session, and in the keychain
// once it has worked when the user wants). Every message shown goes through git::scrubSecrets
// with the tokens typed in this session. The work is split over one controller per dialog
// (app/git*.h); this one holds what they share: the tokens, the repository the user works with, the
// messages. Their texts keep this class's translation context (GitController::tr).
class GitController : public QObject
{
    Q_OBJECT

public:
    explicit GitController(AppContext *context);
    ~GitController() override;

    // The token store this controller uses (default: a store over the environment and the
    // system keychain); the controller installs its sign-in prompt in it, so that others
    // sharing it (GitHub, the wizards' flow) ask through the same prompt after a 401. Asking
    // stops when the controller is gone. Tests hand in their own.
    void setTokens(std::shared_ptr<credentials::TokenStore> tokens);
    std::shared_ptr<credentials::TokenStore> tokens() const { return m_tokens; }

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
    bool isBusy() const;
    // A refresh is scheduled or its result has not arrived yet.
    bool isRefreshing() const;

    // For tests and screenshots.
    ui::GitChangesPanel *changesPanel() const;
    QDockWidget *changesDock() const;
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
    // A switch to another branch from the Branches dialog ended.
    void branchSwitched(bool succeeded);

public:
    // Shared with the Repository menu's controllers (app/git*.h).
    struct RepositoryRef
    {
        QString name, path, url;
    };
    QList<RepositoryRef> repositories() const;
    // The status the Changes panel shows (one entry per repository once read).
    const QList<ui::GitRepositoryChanges> &statuses() const;
    int focusRepository() const;
    void setFocusRepository(int repository) { m_focus = repository; }
    int commitTarget() const;
    QList<int> pushCandidates() const;
    void updateActions();
    // refreshChanges(), then `then` once the panel shows the result.
    void refreshChanges(std::function<void()> then);
    static void showDialog(QDialog *dialog);
    QString explain(const Error &error) const;
    QString scrub(const QString &text) const;
    QStringList secrets() const;
    // A failure the user can fix on the spot (an unknown SSH host key, a 401): asks, then calls
    // retry or giveUp; false when there is nothing to ask.
    bool offerRecovery(const QString &url, const Error &error, std::function<void()> retry,
                       std::function<void()> giveUp);
    void rememberWorkingToken(const QString &url);
    // Options for a network operation, with this controller's tokens.
    git::NetworkOptions networkOptions() const;
    GitNetworkRunner *network() const { return m_network; }
    AppContext *context() const { return m_context; }

private:
    void registerViews();
    // A 401: ask for a token for the URL's host, then call retry (or giveUp with the error).
    void askForToken(const QString &url, const Error &error, std::function<void()> retry,
                     std::function<void()> giveUp);

    AppContext *m_context;
    // Typed tokens live here for the session, and in the keychain once they worked when the
    // user asked (credentials/tokenstore.h).
    std::shared_ptr<credentials::TokenStore> m_tokens;
    QPointer<ui::GitSignInDialog> m_signInDialog;

    CommitAuthor *m_author = nullptr;
    int m_focus = -1; // the repository the user worked with last, -1: none yet

    GitNetworkRunner *m_network = nullptr;
    GitChangesController *m_changes = nullptr;
    GitActions *m_actions = nullptr;
    GitCloneController *m_clone = nullptr;
    GitSettingsController *m_settings = nullptr;
    GitCommitController *m_commit = nullptr;
    GitBranchController *m_branches = nullptr;
    GitPushController *m_push = nullptr;
    GitPullController *m_pull = nullptr;
};

} // namespace kanri::app

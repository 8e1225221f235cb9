#pragma once

#include "github/githubclient.h"
#include "ui/github/prqueuepanel.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

class QAction;
class QDockWidget;

namespace kanri::platform {
class Session;
}

namespace kanri::ui {
class PrCreateDialog;
class PrReviewWidget;
class SignInDialog;
} // namespace kanri::ui

namespace kanri::app {

class AppContext;
class GitHubCreateController;
class GitHubQueueController;
class GitHubReviewController;
class GitHubSignInController;

// Wires the Pull Requests menu: signing in to GitHub (device flow), the review queue panel,
// making pull requests available offline, reviewing them (rendered diff, queued reviews) and
// creating one for the current branch. The GitHub API base comes from KANRI_GITHUB_API_URL,
// then the setting github/apiUrl, then each repository's remote (as `kanri pr` does); the
// OAuth client id from KANRI_GITHUB_CLIENT_ID or the setting github/clientId. The work is split
// over one controller per part (app/github*controller.h); this one holds what they share: the
// repositories, the clients and their tokens, the menu. Their texts keep this class's
// translation context (GitHubController::tr).
class GitHubController : public QObject
{
    Q_OBJECT

public:
    explicit GitHubController(AppContext *context);
    ~GitHubController() override;

    void signIn();
    void signOut();
    void showQueue();
    void refresh();
    void makeOffline(const QList<ui::PrQueuePanel::PullKey> &pulls);
    void cancel();
    void openPull(const QString &repository, int number);
    void createPullRequest();
    void syncQueue();

    // The token store this controller's clients use (default: a store over the environment
    // and the system keychain; the application shares the Repository menu's): the device
    // flow's token goes there for the session, and into the keychain once GitHub accepted it;
    // signing out removes it from both. Clients made from now on use the store set here.
    void setTokens(std::shared_ptr<credentials::TokenStore> tokens);
    std::shared_ptr<credentials::TokenStore> tokens() const { return m_tokens; }

    // For tests and screenshots.
    ui::PrQueuePanel *queuePanel() const;
    QDockWidget *queueDock() const;
    ui::SignInDialog *signInDialog() const;
    ui::PrCreateDialog *createDialog() const;
    ui::PrReviewWidget *reviewWindow(const QString &repository, int number) const;
    QString login() const;
    bool isSyncing() const;

Q_SIGNALS:
    // Emitted when asynchronous work settles (for tests).
    void queueRefreshed();
    void offlineFinished(bool ok);
    void reviewReady(const QString &repository, int number);
    void draftReady();
    void createFinished();
    void signInFinished(bool ok);
    void syncFinished();

public:
    // Shared with the Pull Requests menu's controllers (app/github*controller.h).
    struct RepoInfo
    {
        QString name;
        QString path;
        QString url;
        QString defaultBranch;
        github::RepoRef ref;
    };
    // The workspace's repositories whose remote is on GitHub.
    QList<RepoInfo> repositories() const;
    std::optional<RepoInfo> repository(const QString &name) const;
    // One client per API base, made on first use with this controller's tokens.
    github::Client *clientFor(const QString &remoteUrl);
    QString tokenHost(const QUrl &apiBase) const;
    // The token hosts of the clients made so far.
    QStringList clientHosts() const;
    void applyTokenToClients(const QString &host, const QString &token);
    void openUrl(const QUrl &url);
    AppContext *context() const { return m_context; }
    GitHubSignInController *signInController() const { return m_signIn; }
    GitHubQueueController *queueController() const { return m_queue; }
    GitHubReviewController *reviewController() const { return m_review; }

private:
    void createActions();
    void registerViews();
    void sessionChanged(platform::Session *session);

    AppContext *m_context;
    std::shared_ptr<credentials::TokenStore> m_tokens;
    QHash<QString, github::Client *> m_clients; // by API base
    QAction *m_offlineAction = nullptr;

    GitHubSignInController *m_signIn = nullptr;
    GitHubQueueController *m_queue = nullptr;
    GitHubReviewController *m_review = nullptr;
    GitHubCreateController *m_create = nullptr;
};

} // namespace kanri::app

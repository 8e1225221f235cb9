#pragma once

#include "github/githubclient.h"
#include "github/githubreviewqueue.h"
#include "ui/github/prqueuepanel.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <memory>

class QAction;
class QDockWidget;

namespace kanri::github {
class DeviceFlow;
struct OfflinePull;
} // namespace kanri::github

namespace kanri::platform {
class Session;
}

namespace kanri::review {
class PullSync;
struct PullSyncReport;
} // namespace kanri::review

namespace kanri::ui {
class PrCreateDialog;
class PrReviewWidget;
class SignInDialog;
} // namespace kanri::ui

namespace kanri::app {

class AppContext;

// Wires the Pull Requests menu: signing in to GitHub (device flow), the review queue panel,
// making pull requests available offline, reviewing them (rendered diff, queued reviews) and
// creating one for the current branch. The GitHub API base comes from KANRI_GITHUB_API_URL,
// then the setting github/apiUrl, then each repository's remote (as `kanri pr` does); the
// OAuth client id from KANRI_GITHUB_CLIENT_ID or the setting github/clientId.
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
    ui::PrQueuePanel *queuePanel() const { return m_panel; }
    QDockWidget *queueDock() const { return m_dock; }
    ui::SignInDialog *signInDialog() const;
    ui::PrCreateDialog *createDialog() const;
    ui::PrReviewWidget *reviewWindow(const QString &repository, int number) const;
    QString login() const { return m_login; }
    bool isSyncing() const { return m_syncing; }

Q_SIGNALS:
    // Emitted when asynchronous work settles (for tests).
    void queueRefreshed();
    void offlineFinished(bool ok);
    void reviewReady(const QString &repository, int number);
    void draftReady();
    void createFinished();
    void signInFinished(bool ok);
    void syncFinished();

private:
    struct RepoInfo
    {
        QString name;
        QString path;
        QString url;
        QString defaultBranch;
        github::RepoRef ref;
    };
    struct OfflineJob;

    void createActions();
    void sessionChanged(platform::Session *session);
    QList<RepoInfo> repositories() const;
    std::optional<RepoInfo> repository(const QString &name) const;
    github::Client *clientFor(const QString &remoteUrl);
    QString tokenHost(const QUrl &apiBase) const;
    void applyTokenToClients(const QString &host, const QString &token);

    void startDeviceFlow();
    void deviceFlowSucceeded(const QString &token);
    void fetchLogin();

    void rebuildRows();
    void offlineSynced(review::PullSyncReport report);
    void finishOffline(const QString &message, bool ok);
    void showReview(const RepoInfo &info, const github::OfflinePull &pull);
    void updatePending(const QString &syncMessage = {});
    void draftFor(const QString &repositoryName);
    void sendCreate();
    void openUrl(const QUrl &url);

    AppContext *m_context;
    std::shared_ptr<credentials::TokenStore> m_tokens;
    QHash<QString, github::Client *> m_clients; // by API base
    QString m_login;

    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_offlineAction = nullptr;
    QAction *m_queueAction = nullptr;
    QDockWidget *m_dock = nullptr;
    ui::PrQueuePanel *m_panel = nullptr;
    QPointer<ui::SignInDialog> m_signIn;
    QPointer<ui::PrCreateDialog> m_create;
    QPointer<github::DeviceFlow> m_flow;
    QHash<QString, QPointer<ui::PrReviewWidget>> m_reviews; // "repository#number"

    // The last answer of the queue, per repository name.
    QHash<QString, QList<github::PullRequest>> m_online;
    bool m_onlineValid = false;
    QPointer<QObject> m_refreshContext;
    review::PullSync *m_offline = nullptr; // made on first use
    std::unique_ptr<OfflineJob> m_job;
    QPointer<QObject> m_syncContext;
    bool m_syncing = false;
    QString m_syncMessage;
    QTimer m_syncTimer;
    QPointer<QObject> m_createContext;
};

} // namespace kanri::app

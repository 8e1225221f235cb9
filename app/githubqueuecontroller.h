#pragma once

#include "github/githubclient.h"
#include "ui/github/prqueuepanel.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

class QDockWidget;

namespace kanri::review {
class PullSync;
struct PullSyncReport;
} // namespace kanri::review

namespace kanri::app {

class AppContext;
class GitHubController;

// Pull Requests ▸ Review Queue: the dock listing the open pull requests of the workspace's
// repositories (GitHub's answer, or the ones available offline when there is none), and making
// pull requests available offline (review::PullSync) with progress and Cancel.
class GitHubQueueController : public QObject
{
    Q_OBJECT

public:
    explicit GitHubQueueController(GitHubController *github);
    ~GitHubQueueController() override;

    void show();
    void refresh();
    void rebuildRows();
    void makeOffline(const QList<ui::PrQueuePanel::PullKey> &pulls);
    // The pull requests being made available offline open once they are (when all are).
    void openWhenDone();
    void cancel();
    // Stops making pull requests available offline at once (a running git fetch stops at its
    // next progress step), without a word: the application is going.
    void stopOffline();
    // A new session: forget GitHub's answer and stop what runs for the old one; then, with a
    // session, reload() shows the new one's rows.
    void reset();
    void reload();

    bool isRefreshing() const { return !m_refreshContext.isNull(); }
    bool isMakingOffline() const { return m_job != nullptr; }
    ui::PrQueuePanel *panel() const { return m_panel; }
    QDockWidget *dock() const { return m_dock; }

private:
    struct OfflineJob;

    void offlineSynced(review::PullSyncReport report);
    void finishOffline(const QString &message, bool ok);

    GitHubController *m_github;
    AppContext *m_context;
    QDockWidget *m_dock = nullptr;
    ui::PrQueuePanel *m_panel = nullptr;

    // The last answer of the queue, per repository name.
    QHash<QString, QList<github::PullRequest>> m_online;
    bool m_onlineValid = false;
    QPointer<QObject> m_refreshContext;
    review::PullSync *m_offline = nullptr; // made on first use
    std::unique_ptr<OfflineJob> m_job;
};

} // namespace kanri::app

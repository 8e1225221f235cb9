#pragma once

#include "app/githubcontroller.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace kanri::github {
struct OfflinePull;
}

namespace kanri::ui {
class PrReviewWidget;
}

namespace kanri::app {

class AppContext;

// Reviewing a pull request available offline: one window per pull request with the rendered
// diff of both sides, reviews queued on disk (github::ReviewQueue) and posted when GitHub can be
// reached (Post Queued Reviews, and by themselves every two minutes while some wait).
class GitHubReviewController : public QObject
{
    Q_OBJECT

public:
    explicit GitHubReviewController(GitHubController *github);

    // Opens the review window; a pull request not available offline is made so first.
    void openPull(const QString &repository, int number);
    // The window of the first pull request available offline, or an empty one that says how
    // to make one available (for screenshots).
    ui::PrReviewWidget *openAny();
    void syncQueue();
    // Shows the queued reviews in the windows, with the last sync's message.
    void showPending() { updatePending(m_syncMessage); }
    void closeAll();
    bool isSyncing() const { return m_syncing; }
    ui::PrReviewWidget *window(const QString &repository, int number) const;

private:
    void showReview(const GitHubController::RepoInfo &info, const github::OfflinePull &pull);
    void updatePending(const QString &syncMessage = {});

    GitHubController *m_github;
    AppContext *m_context;
    QHash<QString, QPointer<ui::PrReviewWidget>> m_reviews; // "repository#number"
    QPointer<QObject> m_syncContext;
    bool m_syncing = false;
    QString m_syncMessage;
    QTimer m_syncTimer;
};

} // namespace kanri::app

#pragma once

#include "app/githubcontroller.h"
#include "review/reviewchange.h"
#include "review/reviewdraft.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

namespace kanri::github {
struct OfflinePull;
}

namespace kanri::ui {
class PrReviewWidget;
struct DiffLineActivation;
} // namespace kanri::ui

namespace kanri::app {

class AppContext;

// Reviewing a pull request available offline: one window per pull request with the rendered
// diff of both sides, reviews queued on disk (github::ReviewQueue) and posted when GitHub can be
// reached: Post Queued Reviews, and by themselves while some wait — again 2 s after a sync that
// found GitHub unreachable, then 4, 8, … up to 60 s; at once when the system says the network
// is back (QNetworkInformation, where a backend is available) and when the application becomes
// active. A notice says what was posted.
//
// What is typed in a window and not sent (the review's text, the drafted line comments) is kept
// as a review::ReviewDraft in review::ReviewDrafts::defaultFolder(): written on a worker
// draftDelayMs after the last change, at once when the window closes or the controller goes,
// restored when the pull request's window opens again (also after a restart), and removed once
// the review is queued.
class GitHubReviewController : public QObject
{
    Q_OBJECT

public:
    explicit GitHubReviewController(GitHubController *github);
    // Writes the drafts not written yet and waits for the writes.
    ~GitHubReviewController() override;

    static constexpr int draftDelayMs = 250;

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
    // What the last sync posted ("Posted 1 queued review: #7 … (approval).").
    QString lastNotice() const { return m_lastNotice; }
    ui::PrReviewWidget *window(const QString &repository, int number) const;

    static constexpr int firstRetryMs = 2000, maxRetryMs = 60000;
    bool isRetryScheduled() const { return m_syncTimer.isActive(); }
    int retryIntervalMs() const { return m_syncTimer.interval(); }

private:
    void showReview(const GitHubController::RepoInfo &info, const github::OfflinePull &pull);
    void updatePending(const QString &syncMessage = {});
    // After a sync that could not reach GitHub: try again after the next backoff step.
    void scheduleRetry();
    // Something says GitHub may be reachable again: try now, and start the backoff over.
    void retryNow();
    // A window's draft changed: kept in memory now, written after draftDelayMs.
    void keepDraft(const QString &key, const github::RepoRef &repo, ui::PrReviewWidget *w);
    // Writes the drafts kept in memory (on the writer thread, in order).
    void writeDrafts();
    void forgetDraft(const QString &key, const github::RepoRef &repo, int number);
    void restoreDraft(const github::RepoRef &repo, ui::PrReviewWidget *w);
    void placeRenderedComment(ui::PrReviewWidget *w, const ui::DiffLineActivation &activation,
                              const QString &where, const QString &line, const QString &text);

    GitHubController *m_github;
    AppContext *m_context;
    QHash<QString, QPointer<ui::PrReviewWidget>> m_reviews; // "repository#number"
    QPointer<QObject> m_syncContext;
    bool m_syncing = false;
    QString m_syncMessage;
    QString m_lastNotice;
    QTimer m_syncTimer;     // single shot: the next retry
    int m_retryDelayMs = 0; // the next retry's delay; 0: none scheduled
    QHash<QString, review::ReviewDraft> m_unsavedDrafts; // "repository#number"
    QTimer m_draftTimer;       // single shot: the debounce of draft writes
    QThreadPool m_draftWriter; // one thread: draft writes and removals land in order
};

// Fills the review window's Terraform impact for `review` (a pull request of `repository`):
// when it changes .tf or .tfvars files, its base against its head, evaluated off the GUI thread.
void showTerraformImpact(ui::PrReviewWidget *w, const QString &repository,
                         const platform::ChangeReview &review);

} // namespace kanri::app

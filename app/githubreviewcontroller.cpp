#include "app/githubreviewcontroller.h"

#include "app/appcontext.h"
#include "app/githubqueuecontroller.h"
#include "app/runoffthread.h"
#include "core/fileio.h"
#include "github/githubpullstore.h"
#include "github/githubreviewqueue.h"
#include "platform/sourcelocator.h"
#include "platform/tfimpactlive.h"
#include "review/pullsync.h"
#include "review/reviewchange.h"
#include "review/reviewcomment.h"
#include "review/reviewdraft.h"
#include "ui/diff/tfimpactview.h"
#include "ui/github/prreviewwidget.h"
#include "ui/main/mainwindow.h"

#include <QDir>
#include <QGuiApplication>
#include <QNetworkInformation>
#include <QPointer>

#include <algorithm>

namespace kanri::app {

using github::ApiResult;
using github::OfflinePull;
using github::PullStore;
using github::ReviewQueue;
using review::isOfflineError;

void showTerraformImpact(ui::PrReviewWidget *w, const QString &repository,
                         const platform::ChangeReview &review)
{
    if (!std::ranges::any_of(review.changedFiles, platform::isTerraformFile))
        return;
    w->tfImpactView()->setBusy(repository);
    const QString path = review.repositoryPath, base = review.baseCommit, head = review.headCommit;
    QPointer<ui::PrReviewWidget> widget = w;
    runOffThread<Result<std::optional<terraform::Impact>>>(
        w, [path, base, head] { return platform::revisionImpact(path, base, head); },
        [widget, repository](Result<std::optional<terraform::Impact>> impact) {
            if (widget)
                widget->tfImpactView()->setOutcome(repository, impact);
        });
}

namespace {

QString pullKey(const QString &repository, int number)
{
    return repository + QLatin1Char('#') + QString::number(number);
}

QString eventName(github::ReviewEvent e)
{
    switch (e) {
    case github::ReviewEvent::Approve:
        return GitHubController::tr("approval");
    case github::ReviewEvent::RequestChanges:
        return GitHubController::tr("change request");
    case github::ReviewEvent::Comment:
        return GitHubController::tr("comment");
    case github::ReviewEvent::Pending:
        break;
    }
    return GitHubController::tr("pending review");
}

// "Posted 2 queued reviews: #7 Scale payment-api (approval), #9 … (comment)."
QString postedNotice(const QList<github::QueuedPost> &posts)
{
    const PullStore store(PullStore::defaultFolder());
    QStringList items;
    for (const github::QueuedPost &p : posts) {
        QString title;
        if (auto pull = store.load(p.repo, p.number))
            title = QLatin1Char(' ') + pull->pull.title;
        items << GitHubController::tr("#%1%2 (%3)")
                     .arg(p.number)
                     .arg(title, p.kind == github::QueuedPost::Kind::Review
                                     ? eventName(p.review.event)
                                     : GitHubController::tr("comment"));
    }
    return GitHubController::tr("Posted %n queued review(s): %1.", nullptr, int(posts.size()))
        .arg(items.join(QStringLiteral(", ")));
}

} // namespace

GitHubReviewController::GitHubReviewController(GitHubController *github)
    : QObject(github)
    , m_github(github)
    , m_context(github->context())
{
    // Queued reviews go out by themselves once GitHub can be reached again: a retry with a
    // growing delay after each failed sync, and at once on the signs that the network is back.
    m_syncTimer.setSingleShot(true);
    connect(&m_syncTimer, &QTimer::timeout, this, &GitHubReviewController::syncQueue);
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability == QNetworkInformation::Reachability::Online)
                        retryNow();
                });
    }
    connect(qGuiApp, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState state) {
                if (state == Qt::ApplicationActive && isRetryScheduled())
                    retryNow();
            });
    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(draftDelayMs);
    connect(&m_draftTimer, &QTimer::timeout, this, &GitHubReviewController::writeDrafts);
    m_draftWriter.setMaxThreadCount(1);
}

GitHubReviewController::~GitHubReviewController()
{
    writeDrafts();
    m_draftWriter.waitForDone();
}

void GitHubReviewController::keepDraft(const QString &key, const github::RepoRef &repo,
                                       ui::PrReviewWidget *w)
{
    review::ReviewDraft draft = w->draft();
    draft.repo = repo;
    m_unsavedDrafts.insert(key, std::move(draft));
    m_draftTimer.start();
}

void GitHubReviewController::writeDrafts()
{
    m_draftTimer.stop();
    if (m_unsavedDrafts.isEmpty())
        return;
    const QString folder = review::ReviewDrafts::defaultFolder();
    QPointer<GitHubReviewController> self(this);
    for (const review::ReviewDraft &draft : std::as_const(m_unsavedDrafts)) {
        m_draftWriter.start([folder, draft, self] {
            const Result<void> saved = review::ReviewDrafts(folder).save(draft);
            if (!saved)
                QMetaObject::invokeMethod(self, [self, error = saved.error()] {
                    if (self)
                        self->m_context->window()->showStatusMessage(
                            GitHubController::tr("Cannot keep your draft review: %1")
                                .arg(error.toString()),
                            15000);
                });
        });
    }
    m_unsavedDrafts.clear();
}

void GitHubReviewController::forgetDraft(const QString &key, const github::RepoRef &repo,
                                         int number)
{
    m_unsavedDrafts.remove(key);
    const QString folder = review::ReviewDrafts::defaultFolder();
    m_draftWriter.start(
        [folder, repo, number] { (void)review::ReviewDrafts(folder).remove(repo, number); });
}

void GitHubReviewController::restoreDraft(const github::RepoRef &repo, ui::PrReviewWidget *w)
{
    // Writes still on their way land first: the file then holds the last draft.
    m_draftWriter.waitForDone();
    const auto draft =
        review::ReviewDrafts(review::ReviewDrafts::defaultFolder()).load(repo, w->number());
    if (!draft) {
        m_context->window()->showStatusMessage(
            GitHubController::tr("Cannot read your draft review: %1").arg(draft.error().toString()),
            15000);
        return;
    }
    if (*draft && !(*draft)->isEmpty())
        w->restoreDraft(**draft);
}

void GitHubReviewController::scheduleRetry()
{
    if (m_context->isWorkingOffline())
        return;
    m_retryDelayMs = m_retryDelayMs == 0 ? firstRetryMs : std::min(m_retryDelayMs * 2, maxRetryMs);
    m_syncTimer.start(m_retryDelayMs);
}

void GitHubReviewController::retryNow()
{
    m_syncTimer.stop();
    m_retryDelayMs = 0;
    if (!m_syncing && !ReviewQueue(ReviewQueue::defaultFolder()).unsent().isEmpty())
        syncQueue();
}

ui::PrReviewWidget *GitHubReviewController::window(const QString &repository, int number) const
{
    return m_reviews.value(pullKey(repository, number));
}

void GitHubReviewController::closeAll()
{
    for (const auto &review : std::as_const(m_reviews))
        if (review)
            review->close();
    m_reviews.clear();
}

void GitHubReviewController::openPull(const QString &repositoryName, int number)
{
    const auto info = m_github->repository(repositoryName);
    if (!info)
        return;
    const PullStore store(PullStore::defaultFolder());
    if (store.contains(info->ref, number) && platform::hasPullHead(info->path, number)) {
        auto pull = store.load(info->ref, number);
        if (pull) {
            showReview(*info, *pull);
            return;
        }
        m_context->reportError(GitHubController::tr("Cannot open the pull request"),
                               pull.error().toString());
        return;
    }
    if (m_context->isWorkingOffline()) {
        m_context->window()->showStatusMessage(
            GitHubController::tr(
                "#%1 is not available offline; turn off Pull Requests ▸ Work Offline to fetch it")
                .arg(number));
        return;
    }
    // Not here yet: make it available offline first (needs the network), then open it.
    GitHubQueueController *queue = m_github->queueController();
    if (queue->isMakingOffline()) {
        m_context->window()->showStatusMessage(GitHubController::tr(
            "Wait until the pull requests being made available offline are done"));
        return;
    }
    queue->makeOffline({{repositoryName, number}});
    queue->openWhenDone();
}

ui::PrReviewWidget *GitHubReviewController::openAny()
{
    for (const GitHubController::RepoInfo &info : m_github->repositories()) {
        const PullStore store(PullStore::defaultFolder());
        for (int number : store.numbers(info.ref)) {
            openPull(info.name, number);
            if (auto *w = window(info.name, number)) {
                w->resize(m_context->window()->size()); // a screenshot's --size
                return w;
            }
        }
    }
    auto *w = new ui::PrReviewWidget(m_context->window());
    w->setWindowFlag(Qt::Window);
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->setEmpty(GitHubController::tr("No pull request is available offline yet. Open Pull "
                                     "Requests ▸ Review Queue, select pull requests and choose "
                                     "Make available offline."));
    w->resize(m_context->window()->size());
    return w;
}

void GitHubReviewController::showReview(const GitHubController::RepoInfo &info,
                                        const OfflinePull &pull)
{
    const QString key = pullKey(info.name, pull.pull.number);
    QPointer<ui::PrReviewWidget> w = m_reviews.value(key);
    const bool isNew = !w;
    if (!w) {
        w = new ui::PrReviewWidget(m_context->window());
        w->setWindowFlag(Qt::Window);
        w->setAttribute(Qt::WA_DeleteOnClose);
        w->resize(1100, 780);
        m_reviews.insert(key, w);
        connect(w, &ui::PrReviewWidget::openUrlRequested, m_github, &GitHubController::openUrl);
        connect(w, &ui::PrReviewWidget::syncRequested, this, &GitHubReviewController::syncQueue);
        const int number = pull.pull.number;
        const QString headSha = pull.pull.headSha;
        connect(w, &ui::PrReviewWidget::renderedLineCommentRequested, this,
                [this, w](const ui::DiffLineActivation &a, const QString &where,
                          const QString &line,
                          const QString &text) { placeRenderedComment(w, a, where, line, text); });
        connect(
            w, &ui::PrReviewWidget::reviewSubmitted, this,
            [this, info, number, headSha, w, key](github::ReviewEvent event, const QString &body,
                                                  const QList<github::ReviewComment> &comments) {
                github::NewReview review;
                review.event = event;
                review.body = body;
                // The head that was reviewed, the comments' too: the window's pull request may
                // have been synced to a newer head since the window opened.
                review.commitId = w ? w->pull().pull.headSha : headSha;
                // Comments on lines GitHub's diff does not show go into the body.
                for (const github::ReviewComment &c : comments) {
                    if (c.line > 0)
                        review.comments.append(c);
                    else
                        review.body +=
                            (review.body.isEmpty() ? QString() : QStringLiteral("\n\n")) +
                            c.body; // unplacedCommentText already
                }
                auto queued = ReviewQueue(ReviewQueue::defaultFolder())
                                  .enqueueReview(info.ref, number, review);
                if (!queued) {
                    m_context->reportError(GitHubController::tr("Cannot keep the review"),
                                           queued.error().toString());
                    return;
                }
                // The queue holds it now.
                forgetDraft(key, info.ref, number);
                if (w)
                    w->clearReviewText();
                updatePending(GitHubController::tr("Posting…"));
                m_github->queueController()->rebuildRows();
                syncQueue();
            });
    }
    w->setPull(info.name, pull, true);
    if (isNew) {
        restoreDraft(info.ref, w);
        const github::RepoRef repo = info.ref;
        ui::PrReviewWidget *widget = w;
        connect(w, &ui::PrReviewWidget::draftChanged, this,
                [this, key, repo, widget] { keepDraft(key, repo, widget); });
        // Closing the window (or the window going with the application) writes at once.
        connect(w, &QObject::destroyed, this, [this, key] {
            if (m_unsavedDrafts.contains(key))
                writeDrafts();
        });
    }
    updatePending(m_syncMessage);
    w->setReviewBusy(GitHubController::tr("Rendering both sides of #%1…").arg(pull.pull.number));
    w->show();
    w->raise();
    const QString path = info.path, baseSha = pull.pull.baseSha;
    const int number = pull.pull.number;
    const QString name = info.name;
    runOffThread<Result<platform::ChangeReview>>(
        w, [path, number, baseSha] { return platform::reviewFetchedPull(path, number, baseSha); },
        [this, w, name, number](Result<platform::ChangeReview> review) {
            if (!w)
                return;
            if (review) {
                w->setReview(*review);
                showTerraformImpact(w, name, *review);
            } else {
                w->setReviewError(review.error().toString());
            }
            Q_EMIT m_github->reviewReady(name, number);
        });
}

void GitHubReviewController::updatePending(const QString &syncMessage)
{
    const QList<github::QueuedPost> unsent = ReviewQueue(ReviewQueue::defaultFolder()).unsent();
    const QList<GitHubController::RepoInfo> repos = m_github->repositories();
    for (auto it = m_reviews.cbegin(); it != m_reviews.cend(); ++it) {
        ui::PrReviewWidget *w = it.value();
        if (!w)
            continue;
        QStringList lines;
        for (const GitHubController::RepoInfo &info : repos) {
            if (info.name != w->repository())
                continue;
            for (const github::QueuedPost &post : unsent)
                if (post.repo == info.ref && post.number == w->number())
                    lines << GitHubController::tr("%1: %2").arg(
                                 post.kind == github::QueuedPost::Kind::Review
                                     ? eventName(post.review.event)
                                     : GitHubController::tr("comment"),
                                 post.kind == github::QueuedPost::Kind::Review ? post.review.body
                                                                               : post.comment) +
                                 (post.review.comments.isEmpty()
                                      ? QString()
                                      : QLatin1Char(' ') +
                                            GitHubController::tr("(+%n line comment(s))", nullptr,
                                                                 int(post.review.comments.size())));
        }
        w->setPending(lines, lines.isEmpty() ? QString() : syncMessage);
    }
    if (unsent.isEmpty() || m_context->isWorkingOffline()) {
        m_syncTimer.stop();
        m_retryDelayMs = 0;
    }
}

void GitHubReviewController::syncQueue()
{
    if (m_syncing || m_context->isWorkingOffline())
        return;
    ReviewQueue queue(ReviewQueue::defaultFolder());
    const QList<github::QueuedPost> unsent = queue.unsent();
    if (unsent.isEmpty()) {
        updatePending();
        Q_EMIT m_github->syncFinished();
        return;
    }
    // The client of the repository the oldest post belongs to (one GitHub per workspace).
    QString remoteUrl;
    for (const GitHubController::RepoInfo &info : m_github->repositories())
        if (info.ref == unsent.first().repo)
            remoteUrl = info.url;
    m_syncing = true;
    auto *context = new QObject(this);
    m_syncContext = context;
    queue.sync(
        m_github->clientFor(remoteUrl), context, [this, context](ApiResult<github::SyncReport> r) {
            context->deleteLater();
            m_syncing = false;
            ReviewQueue(ReviewQueue::defaultFolder()).removePosted();
            bool retry = false;
            if (!r) {
                m_syncMessage = r.error().toString();
            } else if (r->stoppedBy) {
                retry = isOfflineError(*r->stoppedBy) ||
                        r->stoppedBy->kind == github::ApiError::Kind::Server ||
                        r->stoppedBy->kind == github::ApiError::Kind::RateLimited;
                m_syncMessage = isOfflineError(*r->stoppedBy)
                                    ? GitHubController::tr("Offline: posted when GitHub "
                                                           "can be reached again.")
                                    : r->stoppedBy->toString();
            } else {
                m_syncMessage.clear();
            }
            if (r) {
                QStringList parts;
                if (!r->postedPosts.isEmpty())
                    parts << postedNotice(r->postedPosts);
                if (r->failed > 0)
                    parts << GitHubController::tr("%n refused by GitHub: %1", nullptr, r->failed)
                                 .arg(r->messages.join(QStringLiteral("; ")));
                if (!parts.isEmpty()) {
                    m_lastNotice = parts.join(QLatin1Char(' '));
                    m_context->window()->showStatusMessage(m_lastNotice, 15000);
                }
            }
            if (retry) {
                scheduleRetry();
            } else {
                m_syncTimer.stop();
                m_retryDelayMs = 0;
            }
            updatePending(m_syncMessage);
            m_github->queueController()->rebuildRows();
            Q_EMIT m_github->syncFinished();
        });
}

void GitHubReviewController::placeRenderedComment(ui::PrReviewWidget *w,
                                                  const ui::DiffLineActivation &a,
                                                  const QString &where, const QString &line,
                                                  const QString &text)
{
    // The rendered line's source, as click-to-source finds it, in the side's extracted tree.
    const platform::ChangeReview &review = w->review();
    const QString tree = a.side == 0 ? review.baseTree : review.headTree;
    if (tree.isEmpty() || !a.resource || a.overlay.isEmpty()) {
        m_context->window()->showStatusMessage(
            GitHubController::tr("This line of the rendered diff has no source to comment on"));
        return;
    }
    const diff::ResourceText &r = *a.resource;
    const platform::SourceLocator locator(
        [](const QString &path) { return kanri::readFile(path); });
    const auto found =
        locator.locateLine(QDir(tree).filePath(a.overlay),
                           {r.kind, r.nameSpace, r.name, r.originFile, r.yaml}, a.line);
    if (!found) {
        m_context->window()->showStatusMessage(found.error().toString());
        return;
    }
    github::ReviewComment comment;
    comment.path = QDir(tree).relativeFilePath(found->file);
    comment.side = a.side == 0 ? QStringLiteral("LEFT") : QStringLiteral("RIGHT");
    comment.line = found->line;
    comment.body = review::renderedLineCommentBody(where, line, text);
    // GitHub takes a line comment only on a line its diff shows; others go into the body.
    bool covered = false;
    for (const github::PullFile &f : w->pull().files)
        if (f.filename == comment.path)
            covered = review::patchCovers(f.patch, comment.line, comment.side);
    if (!covered) {
        comment.body = review::unplacedCommentText(comment);
        comment.line = 0;
    }
    w->addLineComment(comment, line);
}

} // namespace kanri::app

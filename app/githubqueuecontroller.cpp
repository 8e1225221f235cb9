#include "app/githubqueuecontroller.h"

#include "app/appcontext.h"
#include "app/githubcontroller.h"
#include "app/githubsignincontroller.h"
#include "github/githubpullstore.h"
#include "github/githubreviewqueue.h"
#include "review/pullsync.h"
#include "ui/main/mainwindow.h"

#include <QDockWidget>
#include <QJsonArray>

namespace kanri::app {

using github::ApiError;
using github::ApiResult;
using github::PullStore;
using github::ReviewQueue;
using review::isOfflineError;

// The pull requests being made available offline (by m_offline), while it runs.
struct GitHubQueueController::OfflineJob
{
    QList<ui::PrQueuePanel::PullKey> keys;
    QList<review::PullSyncFailure> unresolved; // keys whose repository is not in the workspace
    bool openWhenDone = false;
};

GitHubQueueController::GitHubQueueController(GitHubController *github)
    : QObject(github)
    , m_github(github)
    , m_context(github->context())
{
    m_panel = new ui::PrQueuePanel;
    m_dock = new QDockWidget(GitHubController::tr("Review Queue"));
    m_dock->setObjectName(QStringLiteral("PullRequestQueueDock"));
    m_dock->setWidget(m_panel);
    m_context->window()->addPanel(m_dock, Qt::RightDockWidgetArea);
    m_dock->hide();
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !m_onlineValid && !m_refreshContext)
            refresh();
    });
    connect(m_panel, &ui::PrQueuePanel::refreshRequested, this, &GitHubQueueController::refresh);
    connect(m_panel, &ui::PrQueuePanel::openRequested, m_github, &GitHubController::openPull);
    connect(m_panel, &ui::PrQueuePanel::makeOfflineRequested, this,
            &GitHubQueueController::makeOffline);
    connect(m_panel, &ui::PrQueuePanel::cancelRequested, this, &GitHubQueueController::cancel);
}

GitHubQueueController::~GitHubQueueController() = default;

void GitHubQueueController::show()
{
    m_dock->show();
    m_dock->raise();
    if (!m_refreshContext) // showing the dock may have started one already
        refresh();
}

void GitHubQueueController::reset()
{
    cancel();
    delete m_refreshContext;
    m_online.clear();
    m_onlineValid = false;
}

void GitHubQueueController::reload()
{
    rebuildRows();
    if (m_dock->isVisible())
        refresh();
}

void GitHubQueueController::rebuildRows()
{
    const PullStore store(PullStore::defaultFolder());
    const QList<github::QueuedPost> unsent = ReviewQueue(ReviewQueue::defaultFolder()).unsent();
    const QString login = m_github->login();
    QList<ui::PrQueueRow> rows;
    auto add = [&](const GitHubController::RepoInfo &info, const github::PullRequest &pull) {
        ui::PrQueueRow row;
        row.repository = info.name;
        row.pull = pull;
        row.offline = store.contains(info.ref, pull.number);
        row.authored = !login.isEmpty() && pull.author == login;
        const QJsonArray requested =
            pull.json.value(QLatin1String("requested_reviewers")).toArray();
        for (const QJsonValue &r : requested)
            if (!login.isEmpty() && r.toObject().value(QLatin1String("login")).toString() == login)
                row.reviewRequested = true;
        for (const github::QueuedPost &post : unsent)
            if (post.repo == info.ref && post.number == pull.number)
                ++row.pending;
        rows.append(row);
    };
    for (const GitHubController::RepoInfo &info : m_github->repositories()) {
        if (m_onlineValid)
            for (const github::PullRequest &pull : m_online.value(info.name))
                add(info, pull);
        else
            for (int number : store.numbers(info.ref))
                if (auto offline = store.load(info.ref, number))
                    add(info, offline->pull);
    }
    m_panel->setRows(rows);
}

void GitHubQueueController::refresh()
{
    delete m_refreshContext;
    const QList<GitHubController::RepoInfo> repos = m_github->repositories();
    m_onlineValid = false;
    rebuildRows();
    if (repos.isEmpty()) {
        m_panel->setConnection(ui::PrQueuePanel::Connection::Unknown,
                               m_context->workspace()
                                   ? GitHubController::tr("No repository of this workspace is on "
                                                          "GitHub.")
                                   : GitHubController::tr("No workspace is open."));
        Q_EMIT m_github->queueRefreshed();
        return;
    }
    if (m_context->isWorkingOffline()) {
        m_panel->setConnection(ui::PrQueuePanel::Connection::Offline,
                               GitHubController::tr("(working offline)"));
        Q_EMIT m_github->queueRefreshed();
        return;
    }
    m_panel->setConnection(ui::PrQueuePanel::Connection::Loading, {});
    auto *context = new QObject(this);
    m_refreshContext = context;
    struct Gather
    {
        int waiting = 0;
        QHash<QString, QList<github::PullRequest>> pulls;
        std::optional<ApiError> offline, refused;
    };
    auto gather = std::make_shared<Gather>();
    gather->waiting = int(repos.size());
    for (const GitHubController::RepoInfo &info : repos) {
        m_github->clientFor(info.url)->listOpenPulls(
            info.ref, context,
            [this, context, gather, name = info.name](ApiResult<QList<github::PullRequest>> r) {
                if (r)
                    gather->pulls.insert(name, *r);
                else if (isOfflineError(r.error()))
                    gather->offline = r.error();
                else
                    gather->refused = r.error();
                if (--gather->waiting > 0)
                    return;
                context->deleteLater();
                int count = 0;
                for (const auto &list : std::as_const(gather->pulls))
                    count += int(list.size());
                if (gather->refused) {
                    m_panel->setConnection(
                        ui::PrQueuePanel::Connection::Error,
                        gather->refused->kind == ApiError::Kind::Auth
                            ? GitHubController::tr("%1. Sign in again (Pull Requests ▸ Sign in "
                                                   "to GitHub…).")
                                  .arg(gather->refused->toString())
                            : gather->refused->toString());
                } else if (gather->pulls.isEmpty() && gather->offline) {
                    m_panel->setConnection(ui::PrQueuePanel::Connection::Offline,
                                           gather->offline->toString());
                } else {
                    m_panel->setConnection(
                        ui::PrQueuePanel::Connection::Online,
                        GitHubController::tr("%n open pull request(s)", nullptr, count));
                }
                if (!gather->pulls.isEmpty()) {
                    m_online = gather->pulls;
                    m_onlineValid = true;
                }
                rebuildRows();
                Q_EMIT m_github->queueRefreshed();
                if (m_onlineValid) {
                    if (m_github->login().isEmpty())
                        m_github->signInController()->fetchLogin();
                    if (!ReviewQueue(ReviewQueue::defaultFolder()).unsent().isEmpty())
                        m_github->syncQueue();
                }
            });
    }
}

// --- making pull requests available offline --------------------------------------------------

void GitHubQueueController::makeOffline(const QList<ui::PrQueuePanel::PullKey> &pulls)
{
    if (m_job || pulls.isEmpty())
        return;
    if (!m_offline) {
        m_offline = new review::PullSync(PullStore(PullStore::defaultFolder()), this);
        connect(m_offline, &review::PullSync::progress, m_panel, &ui::PrQueuePanel::setProgress);
        connect(m_offline, &review::PullSync::finished, this,
                &GitHubQueueController::offlineSynced);
    }
    m_offline->setTokens(m_github->tokens()); // the one store, as configured now
    m_job = std::make_unique<OfflineJob>();
    m_job->keys = pulls;
    QList<review::PullTarget> targets;
    for (const auto &[name, number] : pulls) {
        if (const auto info = m_github->repository(name)) {
            targets.append({m_github->clientFor(info->url), info->ref, info->path, number});
            continue;
        }
        const QString text = GitHubController::tr("#%1: the repository %2 is not in the workspace")
                                 .arg(number)
                                 .arg(name);
        m_job->unresolved.append({number, kanri::fail(Error::Code::NotFound, text).error(), text});
    }
    if (targets.isEmpty())
        offlineSynced({});
    else
        m_offline->start(targets);
}

void GitHubQueueController::openWhenDone()
{
    if (m_job)
        m_job->openWhenDone = true;
}

void GitHubQueueController::cancel()
{
    if (!m_job)
        return;
    m_panel->setProgress(GitHubController::tr("Cancelling…"), m_offline->index(),
                         m_offline->total());
    // Drops the GitHub answers still on their way; a running git fetch stops at its next
    // progress step. Finishes through offlineSynced().
    m_offline->cancel();
    if (m_job)
        finishOffline(GitHubController::tr("Cancelled."), false);
}

void GitHubQueueController::stopOffline()
{
    delete m_offline;
    m_offline = nullptr;
}

void GitHubQueueController::finishOffline(const QString &message, bool ok)
{
    std::unique_ptr<OfflineJob> job = std::move(m_job);
    m_panel->clearProgress(message);
    rebuildRows();
    Q_EMIT m_github->offlineFinished(ok);
    if (ok && job && job->openWhenDone && !job->keys.isEmpty())
        m_github->openPull(job->keys.first().first, job->keys.first().second);
}

void GitHubQueueController::offlineSynced(review::PullSyncReport report)
{
    if (!m_job)
        return;
    if (report.cancelled) {
        finishOffline(GitHubController::tr("Cancelled."), false);
        return;
    }
    if (report.offline)
        m_panel->setConnection(ui::PrQueuePanel::Connection::Offline, report.offline->toString());
    report.total += int(m_job->unresolved.size());
    report.failures = m_job->unresolved + report.failures;
    finishOffline(report.summary(), report.failures.isEmpty());
}

} // namespace kanri::app

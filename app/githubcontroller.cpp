#include "app/githubcontroller.h"

#include "app/appcontext.h"
#include "git/gitrepository.h"
#include "github/githubdeviceflow.h"
#include "github/githubpullstore.h"
#include "github/githubremote.h"
#include "platform/session.h"
#include "platform/workspace.h"
#include "review/pullsync.h"
#include "review/reviewchange.h"
#include "ui/github/prcreatedialog.h"
#include "ui/github/prreviewwidget.h"
#include "ui/github/signindialog.h"
#include "ui/main/mainwindow.h"

#include <QAction>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QMenu>
#include <QMutex>
#include <QSettings>
#include <QThreadPool>
#include <QToolBar>
#include <QtConcurrentRun>

namespace kanri::app {

using github::ApiError;
using github::ApiResult;
using github::Client;
using github::OfflinePull;
using github::PullStore;
using github::ReviewQueue;
using review::isOfflineError;

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

// Runs `work` on a worker (the global pool, which a screenshot waits for) and `done` with its
// result on `context`'s thread; `synchronous` runs both at once.
template<typename T, typename Work, typename Done>
void runOffThread(bool synchronous, QObject *context, Work work, Done done)
{
    if (synchronous) {
        done(work());
        return;
    }
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

struct DraftOutcome
{
    Result<platform::PullDraft> draft;
    QString branch;
};

} // namespace

// The pull requests being made available offline (by m_offline), while it runs.
struct GitHubController::OfflineJob
{
    QList<ui::PrQueuePanel::PullKey> keys;
    QList<review::PullSyncFailure> unresolved; // keys whose repository is not in the workspace
    bool openWhenDone = false;
};

GitHubController::GitHubController(AppContext *context)
    : QObject(context)
    , m_context(context)
    , m_tokens(std::make_shared<credentials::TokenStore>())
{
    m_login = m_context->settings().value(QStringLiteral("github/login")).toString();
    createActions();
    connect(m_context, &AppContext::sessionChanged, this, &GitHubController::sessionChanged);
    // Queued reviews go out by themselves once GitHub can be reached again.
    m_syncTimer.setInterval(120000);
    connect(&m_syncTimer, &QTimer::timeout, this, &GitHubController::syncQueue);
    m_context->addBusyProbe(
        this, [this] { return !m_refreshContext.isNull() || m_syncing || m_job != nullptr; });

    m_context->addView(QStringLiteral("signin"), [this]() -> QWidget * {
        signIn();
        return m_signIn;
    });
    m_context->addView(QStringLiteral("pulls"), [this]() -> QWidget * {
        showQueue();
        m_dock->setFloating(true);
        m_dock->resize(1000, 520);
        return m_dock;
    });
    m_context->addView(QStringLiteral("review"), [this]() -> QWidget * {
        for (const RepoInfo &info : repositories()) {
            const PullStore store(PullStore::defaultFolder());
            for (int number : store.numbers(info.ref)) {
                openPull(info.name, number);
                if (auto *w = reviewWindow(info.name, number)) {
                    w->resize(1100, 780);
                    return w;
                }
            }
        }
        auto *w = new ui::PrReviewWidget(m_context->window());
        w->setWindowFlag(Qt::Window);
        w->setAttribute(Qt::WA_DeleteOnClose);
        w->setEmpty(tr("No pull request is available offline yet. Open Pull Requests ▸ Review "
                       "Queue, select pull requests and choose Make available offline."));
        w->resize(1100, 780);
        return w;
    });
    m_context->addView(QStringLiteral("create-pr"), [this]() -> QWidget * {
        createPullRequest();
        return m_create;
    });
}

GitHubController::~GitHubController()
{
    delete m_offline; // a running git fetch stops at its next progress step
    // Workers only touch their own copies and the repository; let the running ones finish.
    QThreadPool::globalInstance()->waitForDone();
}

void GitHubController::createActions()
{
    ui::MainWindow *window = m_context->window();
    QMenu *menu = window->menu(ui::MainWindow::Menu::PullRequests);

    m_signInAction = menu->addAction(tr("Sign in to GitHub…"), this, &GitHubController::signIn);
    m_signOutAction = menu->addAction(tr("Sign Out of GitHub"), this, &GitHubController::signOut);
    menu->addSeparator();

    m_panel = new ui::PrQueuePanel;
    m_dock = new QDockWidget(tr("Review Queue"));
    m_dock->setObjectName(QStringLiteral("PullRequestQueueDock"));
    m_dock->setWidget(m_panel);
    window->addPanel(m_dock, Qt::RightDockWidgetArea);
    m_dock->hide();
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !m_onlineValid && !m_refreshContext)
            refresh();
    });

    m_queueAction = menu->addAction(tr("Review Queue"), this, &GitHubController::showQueue);
    m_queueAction->setToolTip(tr("Open pull requests of the workspace's repositories"));
    menu->addAction(tr("Refresh Pull Requests"), QKeySequence(Qt::CTRL | Qt::Key_F5), this,
                    &GitHubController::refresh);
    menu->addAction(tr("Post Queued Reviews"), this, &GitHubController::syncQueue);
    // Nothing is asked of GitHub until it is turned off (kept across runs); back online, the
    // queue is refreshed and queued reviews go out.
    m_offlineAction = menu->addAction(tr("Work Offline"));
    m_offlineAction->setCheckable(true);
    m_offlineAction->setToolTip(
        tr("Ask nothing of GitHub: pull requests made available offline stay readable and "
           "reviews are queued"));
    if (m_context->settings().value(QStringLiteral("github/workOffline")).toBool())
        m_context->setWorkingOffline(true);
    m_offlineAction->setChecked(m_context->isWorkingOffline());
    connect(m_offlineAction, &QAction::triggered, this, [this](bool offline) { // the user's choice
        m_context->settings().setValue(QStringLiteral("github/workOffline"), offline);
        m_context->setWorkingOffline(offline);
    });
    connect(m_context, &AppContext::workingOfflineChanged, this, [this](bool offline) {
        m_offlineAction->setChecked(offline);
        updatePending(m_syncMessage);
        if (offline)
            return;
        if (m_dock->isVisible())
            refresh();
        syncQueue();
    });
    menu->addSeparator();
    QAction *create =
        menu->addAction(tr("Create Pull Request…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                        this, &GitHubController::createPullRequest);
    window->mainToolBar()->addAction(create);
    window->mainToolBar()->addAction(m_queueAction);

    connect(m_panel, &ui::PrQueuePanel::refreshRequested, this, &GitHubController::refresh);
    connect(m_panel, &ui::PrQueuePanel::openRequested, this, &GitHubController::openPull);
    connect(m_panel, &ui::PrQueuePanel::makeOfflineRequested, this, &GitHubController::makeOffline);
    connect(m_panel, &ui::PrQueuePanel::cancelRequested, this, &GitHubController::cancel);
    m_panel->setUser(m_login);
}

void GitHubController::sessionChanged(platform::Session *session)
{
    cancel();
    delete m_refreshContext;
    m_online.clear();
    m_onlineValid = false;
    for (const auto &review : std::as_const(m_reviews))
        if (review)
            review->close();
    m_reviews.clear();
    if (!session)
        return;
    rebuildRows();
    if (m_dock->isVisible())
        refresh();
}

// --- repositories and clients ----------------------------------------------------------------

QList<GitHubController::RepoInfo> GitHubController::repositories() const
{
    QList<RepoInfo> list;
    const platform::Workspace *ws = m_context->workspace();
    if (!ws)
        return list;
    for (const platform::RepositorySpec &spec : ws->repositories) {
        RepoInfo info{spec.name, ws->repositoryPath(spec), spec.url, spec.defaultBranch, {}};
        // The remote the working tree really has wins over the workspace file's url.
        if (auto repo = git::Repository::open(info.path))
            if (auto url = repo->remoteUrl(QStringLiteral("origin")))
                info.url = *url;
        if (auto ref = github::repoForRemote(info.url)) {
            info.ref = *ref;
            list.append(info);
        }
    }
    return list;
}

std::optional<GitHubController::RepoInfo> GitHubController::repository(const QString &name) const
{
    for (const RepoInfo &info : repositories())
        if (info.name == name)
            return info;
    return std::nullopt;
}

QString GitHubController::tokenHost(const QUrl &apiBase) const
{
    return github::tokenHostForApiBase(apiBase);
}

Client *GitHubController::clientFor(const QString &remoteUrl)
{
    const github::ClientOptions options = github::ClientOptions::forRemote(
        remoteUrl,
        QUrl(m_context->settings().value(QStringLiteral("github/apiUrl")).toString().trimmed()));
    const QString key = options.apiBase.toString();
    if (Client *client = m_clients.value(key))
        return client;
    auto *client = new Client(options, m_tokens, this);
    connect(client, &Client::waitingForRateLimit, this,
            [this](int seconds, const QString &message) {
                m_context->window()->showStatusMessage(
                    tr("GitHub rate limit: waiting %1 s (%2)").arg(seconds).arg(message));
            });
    connect(client, &Client::retrying, this,
            [this](int attempt, int delayMs, const QString &reason) {
                m_context->window()->showStatusMessage(tr("GitHub: %1; trying again in %2 s "
                                                          "(attempt %3)")
                                                           .arg(reason)
                                                           .arg(delayMs / 1000)
                                                           .arg(attempt));
            });
    m_clients.insert(key, client);
    return client;
}

void GitHubController::setTokens(std::shared_ptr<credentials::TokenStore> tokens)
{
    m_tokens = std::move(tokens);
}

void GitHubController::applyTokenToClients(const QString &host, const QString &token)
{
    for (Client *client : std::as_const(m_clients))
        if (tokenHost(client->options().apiBase) == host)
            client->setToken(token);
}

void GitHubController::openUrl(const QUrl &url)
{
    if (url.isValid())
        QDesktopServices::openUrl(url);
}

// --- sign in ---------------------------------------------------------------------------------

void GitHubController::signIn()
{
    if (!m_signIn) {
        m_signIn = new ui::SignInDialog(m_context->window());
        connect(m_signIn, &ui::SignInDialog::openUrlRequested, this, &GitHubController::openUrl);
        connect(m_signIn, &ui::SignInDialog::cancelRequested, this, [this] {
            if (m_flow)
                m_flow->cancel();
        });
        connect(m_signIn, &ui::SignInDialog::retryRequested, this,
                &GitHubController::startDeviceFlow);
    }
    m_signIn->show();
    m_signIn->raise();
    startDeviceFlow();
}

void GitHubController::startDeviceFlow()
{
    const QList<RepoInfo> repos = repositories();
    Client *client = clientFor(repos.isEmpty() ? QString() : repos.first().url);
    const QString host = tokenHost(client->options().apiBase);
    if (m_context->isWorkingOffline()) {
        m_signIn->showIntro(host, tr("Working offline: no code is requested. Turn off Pull "
                                     "Requests ▸ Work Offline to sign in."));
        return;
    }
    QString clientId = github::DeviceFlow::configuredClientId();
    if (clientId.isEmpty())
        clientId = m_context->settings().value(QStringLiteral("github/clientId")).toString();
    m_signIn->showIntro(host, tr("Asking %1 for a code…").arg(host));
    if (clientId.isEmpty()) {
        m_signIn->showError(
            tr("no OAuth app is configured. Set KANRI_GITHUB_CLIENT_ID (or github/clientId in "
               "Kanri's settings) to the client id of an OAuth app with the device flow "
               "enabled, or give a token in KANRI_GITHUB_TOKEN."));
        return;
    }
    if (m_flow) {
        m_flow->cancel();
        m_flow->deleteLater();
    }
    m_flow = new github::DeviceFlow(client, clientId,
                                    {QStringLiteral("repo"), QStringLiteral("read:org")}, this);
    connect(m_flow, &github::DeviceFlow::codeReady, this,
            [this](const QString &code, const QString &uri, int expiresIn) {
                if (m_signIn)
                    m_signIn->showCode(code, QUrl(uri), expiresIn);
            });
    connect(m_flow, &github::DeviceFlow::polling, this, [this](int interval) {
        if (m_signIn)
            m_signIn->showPolling(interval);
    });
    connect(m_flow, &github::DeviceFlow::failed, this, [this](const ApiError &error) {
        if (m_signIn)
            m_signIn->showError(error.toString());
        Q_EMIT signInFinished(false);
    });
    connect(m_flow, &github::DeviceFlow::succeeded, this,
            [this](const QString &token, const QString &) { deviceFlowSucceeded(token); });
    m_flow->start();
}

void GitHubController::deviceFlowSucceeded(const QString &token)
{
    const QList<RepoInfo> repos = repositories();
    Client *api = clientFor(repos.isEmpty() ? QString() : repos.first().url);
    const QString host = tokenHost(api->options().apiBase);
    // Kept in memory for this run; in the keychain only once GitHub has accepted it.
    m_tokens->setSessionToken(host, token, credentials::TokenStore::Remember::Yes);
    applyTokenToClients(host, token);
    api->currentUser(this, [this, host](ApiResult<github::User> user) {
        if (!user) {
            m_tokens->tokenRefused(host);
            applyTokenToClients(host, {});
            if (m_signIn)
                m_signIn->showError(user.error().toString());
            Q_EMIT signInFinished(false);
            return;
        }
        m_login = user->login;
        m_context->settings().setValue(QStringLiteral("github/login"), m_login);
        m_panel->setUser(m_login);
        const QString login = user->login;
        auto *stored = new QFutureWatcher<Result<void>>(this);
        connect(stored, &QFutureWatcherBase::finished, this, [this, login, stored] {
            stored->deleteLater();
            const Result<void> kept = stored->result();
            const QString note =
                kept ? tr("The token is kept in the system keychain.")
                     : tr("The system keychain is not available (%1): you stay signed in "
                          "until Kanri quits.")
                           .arg(kept.error().message);
            if (m_signIn)
                m_signIn->showSignedIn(login, note);
            m_context->window()->showStatusMessage(tr("Signed in to GitHub as %1").arg(login));
            Q_EMIT signInFinished(true);
            refresh();
        });
        stored->setFuture(m_tokens->tokenWorked(host));
    });
}

void GitHubController::signOut()
{
    if (m_flow)
        m_flow->cancel();
    QStringList hosts;
    for (Client *client : std::as_const(m_clients))
        hosts << tokenHost(client->options().apiBase);
    if (hosts.isEmpty())
        hosts << QStringLiteral("github.com");
    hosts.removeDuplicates();
    for (const QString &host : std::as_const(hosts)) {
        applyTokenToClients(host, {});
        (void)m_tokens->forget(host);
    }
    m_login.clear();
    m_context->settings().remove(QStringLiteral("github/login"));
    m_panel->setUser({});
    rebuildRows();
    m_context->window()->showStatusMessage(
        credentials::TokenStore::environmentToken()
            ? tr("Signed out for this session; KANRI_GITHUB_TOKEN or GITHUB_TOKEN is still set in "
                 "the environment")
            : tr("Signed out of GitHub"));
}

void GitHubController::fetchLogin()
{
    const QList<RepoInfo> repos = repositories();
    if (repos.isEmpty())
        return;
    clientFor(repos.first().url)->currentUser(this, [this](ApiResult<github::User> user) {
        if (!user || user->login == m_login)
            return;
        m_login = user->login;
        m_context->settings().setValue(QStringLiteral("github/login"), m_login);
        m_panel->setUser(m_login);
        rebuildRows();
    });
}

// --- the review queue ------------------------------------------------------------------------

void GitHubController::showQueue()
{
    m_dock->show();
    m_dock->raise();
    if (!m_refreshContext) // showing the dock may have started one already
        refresh();
}

void GitHubController::rebuildRows()
{
    const PullStore store(PullStore::defaultFolder());
    const QList<github::QueuedPost> unsent = ReviewQueue(ReviewQueue::defaultFolder()).unsent();
    QList<ui::PrQueueRow> rows;
    auto add = [&](const RepoInfo &info, const github::PullRequest &pull) {
        ui::PrQueueRow row;
        row.repository = info.name;
        row.pull = pull;
        row.offline = store.contains(info.ref, pull.number);
        row.authored = !m_login.isEmpty() && pull.author == m_login;
        const QJsonArray requested =
            pull.json.value(QLatin1String("requested_reviewers")).toArray();
        for (const QJsonValue &r : requested)
            if (!m_login.isEmpty() &&
                r.toObject().value(QLatin1String("login")).toString() == m_login)
                row.reviewRequested = true;
        for (const github::QueuedPost &post : unsent)
            if (post.repo == info.ref && post.number == pull.number)
                ++row.pending;
        rows.append(row);
    };
    for (const RepoInfo &info : repositories()) {
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

void GitHubController::refresh()
{
    delete m_refreshContext;
    const QList<RepoInfo> repos = repositories();
    m_onlineValid = false;
    rebuildRows();
    if (repos.isEmpty()) {
        m_panel->setConnection(ui::PrQueuePanel::Connection::Unknown,
                               m_context->workspace()
                                   ? tr("No repository of this workspace is on GitHub.")
                                   : tr("No workspace is open."));
        Q_EMIT queueRefreshed();
        return;
    }
    if (m_context->isWorkingOffline()) {
        m_panel->setConnection(ui::PrQueuePanel::Connection::Offline, tr("(working offline)"));
        Q_EMIT queueRefreshed();
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
    for (const RepoInfo &info : repos) {
        clientFor(info.url)->listOpenPulls(
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
                            ? tr("%1. Sign in again (Pull Requests ▸ Sign in to GitHub…).")
                                  .arg(gather->refused->toString())
                            : gather->refused->toString());
                } else if (gather->pulls.isEmpty() && gather->offline) {
                    m_panel->setConnection(ui::PrQueuePanel::Connection::Offline,
                                           gather->offline->toString());
                } else {
                    m_panel->setConnection(ui::PrQueuePanel::Connection::Online,
                                           tr("%n open pull request(s)", nullptr, count));
                }
                if (!gather->pulls.isEmpty()) {
                    m_online = gather->pulls;
                    m_onlineValid = true;
                }
                rebuildRows();
                Q_EMIT queueRefreshed();
                if (m_onlineValid) {
                    if (m_login.isEmpty())
                        fetchLogin();
                    if (!ReviewQueue(ReviewQueue::defaultFolder()).unsent().isEmpty())
                        syncQueue();
                }
            });
    }
}

// --- making pull requests available offline --------------------------------------------------

void GitHubController::makeOffline(const QList<ui::PrQueuePanel::PullKey> &pulls)
{
    if (m_job || pulls.isEmpty())
        return;
    if (!m_offline) {
        m_offline = new review::PullSync(PullStore(PullStore::defaultFolder()), this);
        connect(m_offline, &review::PullSync::progress, m_panel, &ui::PrQueuePanel::setProgress);
        connect(m_offline, &review::PullSync::finished, this, &GitHubController::offlineSynced);
    }
    m_job = std::make_unique<OfflineJob>();
    m_job->keys = pulls;
    QList<review::PullTarget> targets;
    for (const auto &[name, number] : pulls) {
        if (const auto info = repository(name)) {
            targets.append({clientFor(info->url), info->ref, info->path, number});
            continue;
        }
        const QString text =
            tr("#%1: the repository %2 is not in the workspace").arg(number).arg(name);
        m_job->unresolved.append({number, kanri::fail(Error::Code::NotFound, text).error(), text});
    }
    if (targets.isEmpty())
        offlineSynced({});
    else
        m_offline->start(targets);
}

void GitHubController::cancel()
{
    if (!m_job)
        return;
    m_panel->setProgress(tr("Cancelling…"), m_offline->index(), m_offline->total());
    // Drops the GitHub answers still on their way; a running git fetch stops at its next
    // progress step. Finishes through offlineSynced().
    m_offline->cancel();
    if (m_job)
        finishOffline(tr("Cancelled."), false);
}

void GitHubController::finishOffline(const QString &message, bool ok)
{
    std::unique_ptr<OfflineJob> job = std::move(m_job);
    m_panel->clearProgress(message);
    rebuildRows();
    Q_EMIT offlineFinished(ok);
    if (ok && job && job->openWhenDone && !job->keys.isEmpty())
        openPull(job->keys.first().first, job->keys.first().second);
}

void GitHubController::offlineSynced(review::PullSyncReport report)
{
    if (!m_job)
        return;
    if (report.cancelled) {
        finishOffline(tr("Cancelled."), false);
        return;
    }
    if (report.offline)
        m_panel->setConnection(ui::PrQueuePanel::Connection::Offline, report.offline->toString());
    report.total += int(m_job->unresolved.size());
    report.failures = m_job->unresolved + report.failures;
    finishOffline(report.summary(), report.failures.isEmpty());
}

// --- reviewing -------------------------------------------------------------------------------

ui::SignInDialog *GitHubController::signInDialog() const
{
    return m_signIn;
}

ui::PrCreateDialog *GitHubController::createDialog() const
{
    return m_create;
}

ui::PrReviewWidget *GitHubController::reviewWindow(const QString &repository, int number) const
{
    return m_reviews.value(pullKey(repository, number));
}

void GitHubController::openPull(const QString &repositoryName, int number)
{
    const auto info = repository(repositoryName);
    if (!info)
        return;
    const PullStore store(PullStore::defaultFolder());
    if (store.contains(info->ref, number) && platform::hasPullHead(info->path, number)) {
        auto pull = store.load(info->ref, number);
        if (pull) {
            showReview(*info, *pull);
            return;
        }
        m_context->reportError(tr("Cannot open the pull request"), pull.error().toString());
        return;
    }
    if (m_context->isWorkingOffline()) {
        m_context->window()->showStatusMessage(
            tr("#%1 is not available offline; turn off Pull Requests ▸ Work Offline to fetch it")
                .arg(number));
        return;
    }
    // Not here yet: make it available offline first (needs the network), then open it.
    if (m_job) {
        m_context->window()->showStatusMessage(
            tr("Wait until the pull requests being made available offline are done"));
        return;
    }
    makeOffline({{repositoryName, number}});
    if (m_job)
        m_job->openWhenDone = true;
}

void GitHubController::showReview(const RepoInfo &info, const OfflinePull &pull)
{
    const QString key = pullKey(info.name, pull.pull.number);
    QPointer<ui::PrReviewWidget> w = m_reviews.value(key);
    if (!w) {
        w = new ui::PrReviewWidget(m_context->window());
        w->setWindowFlag(Qt::Window);
        w->setAttribute(Qt::WA_DeleteOnClose);
        w->resize(1100, 780);
        m_reviews.insert(key, w);
        connect(w, &ui::PrReviewWidget::openUrlRequested, this, &GitHubController::openUrl);
        connect(w, &ui::PrReviewWidget::syncRequested, this, &GitHubController::syncQueue);
        const int number = pull.pull.number;
        const QString headSha = pull.pull.headSha;
        connect(w, &ui::PrReviewWidget::reviewSubmitted, this,
                [this, info, number, headSha, w](github::ReviewEvent event, const QString &body) {
                    github::NewReview review;
                    review.event = event;
                    review.body = body;
                    review.commitId = headSha; // the head that was reviewed
                    auto queued = ReviewQueue(ReviewQueue::defaultFolder())
                                      .enqueueReview(info.ref, number, review);
                    if (!queued) {
                        m_context->reportError(tr("Cannot keep the review"),
                                               queued.error().toString());
                        return;
                    }
                    if (w)
                        w->clearReviewText();
                    updatePending(tr("Posting…"));
                    rebuildRows();
                    syncQueue();
                });
    }
    w->setPull(info.name, pull, true);
    updatePending(m_syncMessage);
    w->setReviewBusy(tr("Rendering both sides of #%1…").arg(pull.pull.number));
    w->show();
    w->raise();
    const QString path = info.path, baseSha = pull.pull.baseSha;
    const int number = pull.pull.number;
    const QString name = info.name;
    runOffThread<Result<platform::ChangeReview>>(
        false, w,
        [path, number, baseSha] { return platform::reviewFetchedPull(path, number, baseSha); },
        [this, w, name, number](Result<platform::ChangeReview> review) {
            if (!w)
                return;
            if (review)
                w->setReview(*review);
            else
                w->setReviewError(review.error().toString());
            Q_EMIT reviewReady(name, number);
        });
}

void GitHubController::updatePending(const QString &syncMessage)
{
    const QList<github::QueuedPost> unsent = ReviewQueue(ReviewQueue::defaultFolder()).unsent();
    const QList<RepoInfo> repos = repositories();
    for (auto it = m_reviews.cbegin(); it != m_reviews.cend(); ++it) {
        ui::PrReviewWidget *w = it.value();
        if (!w)
            continue;
        QStringList lines;
        for (const RepoInfo &info : repos) {
            if (info.name != w->repository())
                continue;
            for (const github::QueuedPost &post : unsent)
                if (post.repo == info.ref && post.number == w->number())
                    lines << tr("%1: %2").arg(
                        post.kind == github::QueuedPost::Kind::Review ? eventName(post.review.event)
                                                                      : tr("comment"),
                        post.kind == github::QueuedPost::Kind::Review ? post.review.body
                                                                      : post.comment);
        }
        w->setPending(lines, lines.isEmpty() ? QString() : syncMessage);
    }
    if (unsent.isEmpty())
        m_syncTimer.stop();
    else if (!m_context->isWorkingOffline())
        m_syncTimer.start();
}

void GitHubController::syncQueue()
{
    if (m_syncing || m_context->isWorkingOffline())
        return;
    ReviewQueue queue(ReviewQueue::defaultFolder());
    const QList<github::QueuedPost> unsent = queue.unsent();
    if (unsent.isEmpty()) {
        updatePending();
        Q_EMIT syncFinished();
        return;
    }
    // The client of the repository the oldest post belongs to (one GitHub per workspace).
    QString remoteUrl;
    for (const RepoInfo &info : repositories())
        if (info.ref == unsent.first().repo)
            remoteUrl = info.url;
    m_syncing = true;
    auto *context = new QObject(this);
    m_syncContext = context;
    queue.sync(clientFor(remoteUrl), context, [this, context](ApiResult<github::SyncReport> r) {
        context->deleteLater();
        m_syncing = false;
        ReviewQueue(ReviewQueue::defaultFolder()).removePosted();
        if (!r) {
            m_syncMessage = r.error().toString();
        } else if (r->stoppedBy) {
            m_syncMessage = isOfflineError(*r->stoppedBy)
                                ? tr("Offline: posted when GitHub can be reached again.")
                                : r->stoppedBy->toString();
        } else {
            m_syncMessage.clear();
            QStringList parts;
            if (r->posted + r->alreadyPosted > 0)
                parts << tr("%n review(s) posted.", nullptr, r->posted + r->alreadyPosted);
            if (r->failed > 0)
                parts << tr("%n refused by GitHub: %1", nullptr, r->failed)
                             .arg(r->messages.join(QStringLiteral("; ")));
            if (!parts.isEmpty())
                m_context->window()->showStatusMessage(parts.join(QLatin1Char(' ')));
        }
        updatePending(m_syncMessage);
        rebuildRows();
        Q_EMIT syncFinished();
    });
}

// --- creating a pull request -----------------------------------------------------------------

void GitHubController::createPullRequest()
{
    const QList<RepoInfo> repos = repositories();
    if (!m_create) {
        m_create = new ui::PrCreateDialog(m_context->window());
        connect(m_create, &ui::PrCreateDialog::repositoryChanged, this,
                &GitHubController::draftFor);
        connect(m_create, &ui::PrCreateDialog::createRequested, this,
                &GitHubController::sendCreate);
        connect(m_create, &ui::PrCreateDialog::openUrlRequested, this, &GitHubController::openUrl);
    }
    QStringList names;
    QString current;
    for (const RepoInfo &info : repos) {
        names << info.name;
        // Propose the repository whose branch is not the default one: that is the change.
        if (current.isEmpty())
            if (auto repo = git::Repository::open(info.path);
                repo && repo->currentBranch() != info.defaultBranch)
                current = info.name;
    }
    if (current.isEmpty() && !names.isEmpty())
        current = names.first();
    m_create->setRepositories(names, current);
    m_create->show();
    m_create->raise();
    if (names.isEmpty()) {
        m_create->showError(tr("No repository of this workspace is on GitHub."));
        return;
    }
    draftFor(current);
}

void GitHubController::draftFor(const QString &repositoryName)
{
    const auto info = repository(repositoryName);
    if (!info || !m_create)
        return;
    m_create->setBusy(tr("Reading the change to describe it…"));
    const QString path = info->path, base = info->defaultBranch;
    runOffThread<DraftOutcome>(
        false, m_create,
        [path, base] {
            DraftOutcome out{platform::draftPull(path, base), {}};
            if (auto repo = git::Repository::open(path))
                out.branch = repo->currentBranch();
            return out;
        },
        [this, repositoryName, base](DraftOutcome outcome) {
            if (!m_create || m_create->repository() != repositoryName)
                return;
            if (!outcome.draft) {
                if (outcome.draft.error().code == Error::Code::NotFound)
                    m_create->showNotPushed(outcome.branch, outcome.draft.error().message);
                else
                    m_create->showError(outcome.draft.error().message);
            } else {
                QStringList warnings;
                if (outcome.draft->hasUnpushedCommits)
                    warnings << tr("%1 has commits that are not pushed; the pull request shows "
                                   "what is on the remote.")
                                    .arg(outcome.draft->branch);
                if (outcome.draft->branch == base)
                    warnings
                        << tr("%1 is the base branch: switch to the branch to propose.").arg(base);
                if (!outcome.draft->note.isEmpty())
                    warnings << tr("No generated description: %1").arg(outcome.draft->note);
                m_create->setDraft(outcome.draft->branch, base, outcome.draft->title,
                                   outcome.draft->body, warnings.join(QLatin1Char(' ')));
            }
            Q_EMIT draftReady();
        });
}

void GitHubController::sendCreate()
{
    const auto info = m_create ? repository(m_create->repository()) : std::nullopt;
    if (!info)
        return;
    github::NewPullRequest request;
    request.title = m_create->title();
    request.body = m_create->body();
    request.head = m_create->head();
    request.base = m_create->base();
    request.draft = m_create->isDraft();
    m_create->setBusy(tr("Creating the pull request…"));
    delete m_createContext;
    auto *context = new QObject(m_create);
    m_createContext = context;
    clientFor(info->url)->createPull(
        info->ref, request, context,
        [this, context](ApiResult<github::CreatedPullRequest> created) {
            context->deleteLater();
            if (!m_create)
                return;
            if (!created) {
                m_create->showError(created.error().toString());
            } else if (created->origin == github::CreatedPullRequest::Origin::AlreadyExisted) {
                m_create->showExisting(created->pull.number, QUrl(created->pull.htmlUrl));
            } else {
                m_create->showCreated(created->pull.number, QUrl(created->pull.htmlUrl));
                m_context->window()->showStatusMessage(
                    tr("Created pull request #%1").arg(created->pull.number));
                if (m_dock->isVisible())
                    refresh();
            }
            Q_EMIT createFinished();
        });
}

} // namespace kanri::app

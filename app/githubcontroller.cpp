#include "app/githubcontroller.h"

#include "app/appcontext.h"
#include "app/githubcreatecontroller.h"
#include "app/githubqueuecontroller.h"
#include "app/githubreviewcontroller.h"
#include "app/githubsignincontroller.h"
#include "app/tokensettings.h"
#include "core/workerpool.h"
#include "git/gitrepository.h"
#include "github/githubremote.h"
#include "platform/session.h"
#include "platform/workspace.h"
#include "ui/github/prcreatedialog.h"
#include "ui/github/prreviewwidget.h"
#include "ui/github/signindialog.h"
#include "ui/main/mainwindow.h"

#include <QAction>
#include <QDesktopServices>
#include <QDockWidget>
#include <QMenu>
#include <QSettings>
#include <QThreadPool>
#include <QToolBar>

namespace kanri::app {

using github::Client;

GitHubController::GitHubController(AppContext *context)
    : QObject(context)
    , m_context(context)
    , m_tokens(std::make_shared<credentials::TokenStore>())
{
    configureTokens(*m_tokens, m_context);
    m_signIn = new GitHubSignInController(this);
    m_queue = new GitHubQueueController(this);
    m_review = new GitHubReviewController(this);
    m_create = new GitHubCreateController(this);
    createActions();
    connect(m_context, &AppContext::sessionChanged, this, &GitHubController::sessionChanged);
    m_context->addBusyProbe(this, [this] {
        return m_queue->isRefreshing() || m_review->isSyncing() || m_queue->isMakingOffline();
    });
    registerViews();
}

GitHubController::~GitHubController()
{
    m_queue->stopOffline(); // a running git fetch stops at its next progress step
    // Workers only touch their own copies and the repository; let the running ones finish.
    taskPool()->waitForDone();
}

void GitHubController::registerViews()
{
    m_context->addView(QStringLiteral("signin"), [this]() -> QWidget * {
        signIn();
        return signInDialog();
    });
    m_context->addView(QStringLiteral("pulls"), [this]() -> QWidget * {
        showQueue();
        queueDock()->setFloating(true);
        queueDock()->resize(1000, 520);
        return queueDock();
    });
    m_context->addView(QStringLiteral("review"),
                       [this]() -> QWidget * { return m_review->openAny(); });
    m_context->addView(QStringLiteral("create-pr"), [this]() -> QWidget * {
        createPullRequest();
        return createDialog();
    });
}

void GitHubController::createActions()
{
    ui::MainWindow *window = m_context->window();
    QMenu *menu = window->menu(ui::MainWindow::Menu::PullRequests);

    menu->addAction(tr("Sign in to GitHub…"), this, &GitHubController::signIn);
    menu->addAction(tr("Sign Out of GitHub"), this, &GitHubController::signOut);
    menu->addSeparator();

    QAction *queue = menu->addAction(tr("Review Queue"), this, &GitHubController::showQueue);
    queue->setToolTip(tr("Open pull requests of the workspace's repositories"));
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
        m_review->showPending();
        if (offline)
            return;
        if (queueDock()->isVisible())
            refresh();
        syncQueue();
    });
    menu->addSeparator();
    QAction *create =
        menu->addAction(tr("Create Pull Request…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                        this, &GitHubController::createPullRequest);
    window->mainToolBar()->addAction(create);
    window->mainToolBar()->addAction(queue);
    queuePanel()->setUser(login());
}

void GitHubController::sessionChanged(platform::Session *session)
{
    m_queue->reset();
    m_review->closeAll();
    if (!session)
        return;
    m_queue->reload();
}

// --- the sub-controllers' work, for the menu, the panel and tests -------------------------

void GitHubController::signIn()
{
    m_signIn->signIn();
}

void GitHubController::signOut()
{
    m_signIn->signOut();
}

void GitHubController::showQueue()
{
    m_queue->show();
}

void GitHubController::refresh()
{
    m_queue->refresh();
}

void GitHubController::makeOffline(const QList<ui::PrQueuePanel::PullKey> &pulls)
{
    m_queue->makeOffline(pulls);
}

void GitHubController::cancel()
{
    m_queue->cancel();
}

void GitHubController::openPull(const QString &repository, int number)
{
    m_review->openPull(repository, number);
}

void GitHubController::createPullRequest()
{
    m_create->open();
}

void GitHubController::syncQueue()
{
    m_review->syncQueue();
}

ui::PrQueuePanel *GitHubController::queuePanel() const
{
    return m_queue->panel();
}

QDockWidget *GitHubController::queueDock() const
{
    return m_queue->dock();
}

ui::SignInDialog *GitHubController::signInDialog() const
{
    return m_signIn->dialog();
}

ui::PrCreateDialog *GitHubController::createDialog() const
{
    return m_create->dialog();
}

ui::PrReviewWidget *GitHubController::reviewWindow(const QString &repository, int number) const
{
    return m_review->window(repository, number);
}

QString GitHubController::login() const
{
    return m_signIn->login();
}

bool GitHubController::isSyncing() const
{
    return m_review->isSyncing();
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
    configureTokens(*m_tokens, m_context); // the settings as they are now
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

QStringList GitHubController::clientHosts() const
{
    QStringList hosts;
    for (Client *client : std::as_const(m_clients))
        hosts << tokenHost(client->options().apiBase);
    return hosts;
}

void GitHubController::setTokens(std::shared_ptr<credentials::TokenStore> tokens)
{
    m_tokens = std::move(tokens);
    configureTokens(*m_tokens, m_context);
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

} // namespace kanri::app

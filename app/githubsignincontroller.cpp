#include "app/githubsignincontroller.h"

#include "app/appcontext.h"
#include "app/githubcontroller.h"
#include "app/githubqueuecontroller.h"
#include "credentials/tokenstore.h"
#include "github/githubdeviceflow.h"
#include "ui/github/signindialog.h"
#include "ui/main/mainwindow.h"

#include <QFutureWatcher>
#include <QSettings>

namespace kanri::app {

using github::ApiError;
using github::ApiResult;
using github::Client;

GitHubSignInController::GitHubSignInController(GitHubController *github)
    : QObject(github)
    , m_github(github)
    , m_context(github->context())
    , m_login(m_context->settings().value(QStringLiteral("github/login")).toString())
{}

ui::SignInDialog *GitHubSignInController::dialog() const
{
    return m_dialog;
}

void GitHubSignInController::signIn()
{
    if (!m_dialog) {
        m_dialog = new ui::SignInDialog(m_context->window());
        connect(m_dialog, &ui::SignInDialog::openUrlRequested, m_github,
                &GitHubController::openUrl);
        connect(m_dialog, &ui::SignInDialog::cancelRequested, this, [this] {
            if (m_flow)
                m_flow->cancel();
        });
        connect(m_dialog, &ui::SignInDialog::retryRequested, this,
                &GitHubSignInController::startDeviceFlow);
    }
    m_dialog->show();
    m_dialog->raise();
    startDeviceFlow();
}

void GitHubSignInController::startDeviceFlow()
{
    const QList<GitHubController::RepoInfo> repos = m_github->repositories();
    Client *client = m_github->clientFor(repos.isEmpty() ? QString() : repos.first().url);
    const QString host = m_github->tokenHost(client->options().apiBase);
    if (m_context->isWorkingOffline()) {
        m_dialog->showIntro(host,
                            GitHubController::tr("Working offline: no code is requested. Turn off "
                                                 "Pull Requests ▸ Work Offline to sign in."));
        return;
    }
    QString clientId = github::DeviceFlow::configuredClientId();
    if (clientId.isEmpty())
        clientId = m_context->settings().value(QStringLiteral("github/clientId")).toString();
    m_dialog->showIntro(host, GitHubController::tr("Asking %1 for a code…").arg(host));
    if (clientId.isEmpty()) {
        m_dialog->showError(GitHubController::tr(
            "no OAuth app is configured. Set KANRI_GITHUB_CLIENT_ID (or github/clientId in "
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
                if (m_dialog)
                    m_dialog->showCode(code, QUrl(uri), expiresIn);
            });
    connect(m_flow, &github::DeviceFlow::polling, this, [this](int interval) {
        if (m_dialog)
            m_dialog->showPolling(interval);
    });
    connect(m_flow, &github::DeviceFlow::failed, this, [this](const ApiError &error) {
        if (m_dialog)
            m_dialog->showError(error.toString());
        Q_EMIT m_github->signInFinished(false);
    });
    connect(m_flow, &github::DeviceFlow::succeeded, this,
            [this](const QString &token, const QString &) { deviceFlowSucceeded(token); });
    m_flow->start();
}

void GitHubSignInController::deviceFlowSucceeded(const QString &token)
{
    const QList<GitHubController::RepoInfo> repos = m_github->repositories();
    Client *api = m_github->clientFor(repos.isEmpty() ? QString() : repos.first().url);
    const QString host = m_github->tokenHost(api->options().apiBase);
    // Kept in memory for this run; in the keychain only once GitHub has accepted it.
    m_github->tokens()->setSessionToken(host, token, credentials::TokenStore::Remember::Yes);
    m_github->applyTokenToClients(host, token);
    api->currentUser(this, [this, host](ApiResult<github::User> user) {
        if (!user) {
            m_github->tokens()->tokenRefused(host);
            m_github->applyTokenToClients(host, {});
            if (m_dialog)
                m_dialog->showError(user.error().toString());
            Q_EMIT m_github->signInFinished(false);
            return;
        }
        setLogin(user->login);
        const QString login = user->login;
        auto *stored = new QFutureWatcher<Result<void>>(this);
        connect(stored, &QFutureWatcherBase::finished, this, [this, login, stored] {
            stored->deleteLater();
            const Result<void> kept = stored->result();
            const QString note =
                kept ? GitHubController::tr("The token is kept in the system keychain.")
                     : GitHubController::tr("The system keychain is not available (%1): you stay "
                                            "signed in until Kanri quits.")
                           .arg(kept.error().message);
            if (m_dialog)
                m_dialog->showSignedIn(login, note);
            m_context->window()->showStatusMessage(
                GitHubController::tr("Signed in to GitHub as %1").arg(login));
            Q_EMIT m_github->signInFinished(true);
            m_github->refresh();
        });
        stored->setFuture(m_github->tokens()->tokenWorked(host));
    });
}

void GitHubSignInController::signOut()
{
    if (m_flow)
        m_flow->cancel();
    QStringList hosts = m_github->clientHosts();
    if (hosts.isEmpty())
        hosts << QStringLiteral("github.com");
    hosts.removeDuplicates();
    for (const QString &host : std::as_const(hosts)) {
        m_github->applyTokenToClients(host, {});
        (void)m_github->tokens()->forget(host);
    }
    m_login.clear();
    m_context->settings().remove(QStringLiteral("github/login"));
    m_github->queuePanel()->setUser({});
    m_github->queueController()->rebuildRows();
    m_context->window()->showStatusMessage(
        credentials::TokenStore::environmentToken()
            ? GitHubController::tr("Signed out for this session; KANRI_GITHUB_TOKEN or "
                                   "GITHUB_TOKEN is still set in the environment")
            : GitHubController::tr("Signed out of GitHub"));
}

void GitHubSignInController::fetchLogin()
{
    const QList<GitHubController::RepoInfo> repos = m_github->repositories();
    if (repos.isEmpty())
        return;
    m_github->clientFor(repos.first().url)->currentUser(this, [this](ApiResult<github::User> user) {
        if (!user || user->login == m_login)
            return;
        setLogin(user->login);
        m_github->queueController()->rebuildRows();
    });
}

void GitHubSignInController::setLogin(const QString &login)
{
    m_login = login;
    m_context->settings().setValue(QStringLiteral("github/login"), m_login);
    m_github->queuePanel()->setUser(m_login);
}

} // namespace kanri::app

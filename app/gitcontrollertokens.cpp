// GitController's side of the token store: its sign-in prompt, which it installs in the store
// for others to ask through, and the recovery from a failure the user can fix on the spot; the
// constructor, which sets them up with the controllers of the Repository menu.

#include "app/gitcontroller.h"

#include "app/appcontext.h"
#include "app/commitauthor.h"
#include "app/gitactions.h"
#include "app/gitbranchcontroller.h"
#include "app/gitchangescontroller.h"
#include "app/gitclonecontroller.h"
#include "app/gitcommitcontroller.h"
#include "app/gitnetworkrunner.h"
#include "app/gitpullcontroller.h"
#include "app/gitpushcontroller.h"
#include "app/gitsettingscontroller.h"
#include "app/tokensettings.h"
#include "credentials/tokenstore.h"
#include "ui/git/gitsignindialog.h"
#include "ui/main/mainwindow.h"

#include <QUrl>

namespace kanri::app {

namespace {

// The host the sign-in prompt names: HTTPS (and plain HTTP) only; SSH uses keys.
QString hostOf(const QString &url)
{
    const QUrl parsed(url);
    const QString scheme = parsed.scheme().toLower();
    return scheme == QLatin1String("https") || scheme == QLatin1String("http") ? parsed.host()
                                                                               : QString();
}

} // namespace

GitController::GitController(AppContext *context)
    : QObject(context)
    , m_context(context)
{
    setTokens(std::make_shared<credentials::TokenStore>());
    m_author = new CommitAuthor(context, this);
    m_network = new GitNetworkRunner(this);
    m_changes = new GitChangesController(this);
    m_actions = new GitActions(this);
    m_clone = new GitCloneController(this);
    m_settings = new GitSettingsController(this);
    m_commit = new GitCommitController(this);
    m_branches = new GitBranchController(this);
    m_push = new GitPushController(this);
    m_pull = new GitPullController(this);
    registerViews();
    updateActions();
}

ui::GitSignInDialog *GitController::signInDialog() const
{
    return m_signInDialog;
}

void GitController::setTokens(std::shared_ptr<credentials::TokenStore> tokens)
{
    m_tokens = std::move(tokens);
    configureTokens(*m_tokens, m_context);
    m_tokens->setPrompt([controller = QPointer<GitController>(this)](
                            const QString &url, const Error &error, std::function<void()> retry,
                            std::function<void()> giveUp) {
        if (!controller || hostOf(url).isEmpty())
            return false;
        controller->askForToken(url, error, std::move(retry), std::move(giveUp));
        return true;
    });
}

QStringList GitController::secrets() const
{
    return m_tokens->secrets();
}

git::NetworkOptions GitController::networkOptions() const
{
    git::NetworkOptions options;
    configureTokens(*m_tokens, m_context); // the settings as they are now
    options.tokens = m_tokens; // typed ones first: they were asked for because the others failed
    return options;
}

bool GitController::offerRecovery(const QString &url, const Error &error,
                                  std::function<void()> retry, std::function<void()> giveUp)
{
    const std::optional<git::HostKeyInfo> refused = m_network->takeRefusedHostKey();
    if (refused && !refused->fingerprint.isEmpty()) {
        m_network->askHostKey(*refused, std::move(retry), std::move(giveUp));
        return true;
    }
    if (error.code == Error::Code::Auth)
        return m_tokens->askForToken(url, error, std::move(retry), std::move(giveUp));
    return false;
}

void GitController::askForToken(const QString &url, const Error &error, std::function<void()> retry,
                                std::function<void()> giveUp)
{
    const QString host = hostOf(url);
    if (!m_signInDialog)
        m_signInDialog = new ui::GitSignInDialog(m_context->window());
    m_signInDialog->ask(host, scrub(error.message));
    connect(
        m_signInDialog, &QDialog::finished, this,
        [this, url, retry, giveUp](int result) {
            const QString token = m_signInDialog ? m_signInDialog->token() : QString();
            const bool remember = m_signInDialog && m_signInDialog->remember();
            if (m_signInDialog)
                m_signInDialog->clearToken();
            if (result != QDialog::Accepted || token.isEmpty()) {
                giveUp();
                return;
            }
            // For the host the prompt named, whatever the port: fetch and push URLs may differ.
            m_tokens->setSessionToken(hostOf(url), token,
                                      remember ? credentials::TokenStore::Remember::Yes
                                               : credentials::TokenStore::Remember::No);
            retry();
        },
        Qt::SingleShotConnection);
    m_signInDialog->open();
    Q_EMIT signInRequested();
}

void GitController::rememberWorkingToken(const QString &url)
{
    // Written off the GUI thread; the store waits for it before it goes.
    (void)m_tokens->tokenWorked(credentials::hostOfUrl(QUrl(url)));
}

} // namespace kanri::app

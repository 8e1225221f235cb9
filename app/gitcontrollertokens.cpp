// GitController's tokens: the ones typed into its sign-in prompt, the prompt others ask
// through, and the recovery from a failure the user can fix on the spot; the constructor, which
// sets them up with the controllers of the Repository menu. Kept together here (the credential
// stack is replaced as one piece).

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
#include "app/gittokenprompt.h"
#include "git/gittokensource.h"
#include "ui/git/gitsignindialog.h"
#include "ui/main/mainwindow.h"

#include <QHash>
#include <QMutex>
#include <QUrl>
#include <QtConcurrentRun>

#include <optional>

namespace kanri::app {

// Tokens typed into the sign-in prompt in this session, by host. token() runs on workers.
class GitController::MemoryTokens : public git::TokenSource
{
public:
    std::optional<QString> token(const QString &url) override
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_tokens.constFind(QUrl(url).host());
        if (it == m_tokens.constEnd())
            return std::nullopt;
        return *it;
    }
    void set(const QString &host, const QString &token)
    {
        QMutexLocker lock(&m_mutex);
        m_tokens.insert(host, token);
    }
    void forget(const QString &host)
    {
        QMutexLocker lock(&m_mutex);
        m_tokens.remove(host);
    }

private:
    QMutex m_mutex;
    QHash<QString, QString> m_tokens;
};

// What tokenSource() hands out: the typed tokens over the base ones, and the controller's
// prompt for others to ask through.
class GitController::SessionTokens : public GitTokenPrompt
{
public:
    SessionTokens(GitController *controller, std::shared_ptr<MemoryTokens> typed,
                  std::shared_ptr<git::TokenSource> base)
        : m_controller(controller)
        , m_typed(std::move(typed))
        , m_base(std::move(base))
    {}
    void setBase(std::shared_ptr<git::TokenSource> base)
    {
        QMutexLocker lock(&m_mutex);
        m_base = std::move(base);
    }
    std::optional<QString> token(const QString &url) override
    {
        if (auto typed = m_typed->token(url))
            return typed;
        std::shared_ptr<git::TokenSource> base;
        {
            QMutexLocker lock(&m_mutex);
            base = m_base;
        }
        return base ? base->token(url) : std::nullopt;
    }
    bool askForToken(const QString &url, const Error &error, std::function<void()> retry,
                     std::function<void()> giveUp) override
    {
        if (!m_controller || hostOf(url).isEmpty())
            return false;
        m_controller->askForToken(url, error, std::move(retry), std::move(giveUp));
        return true;
    }
    void tokenWorked(const QString &url) override
    {
        if (m_controller)
            m_controller->rememberWorkingToken(url);
    }
    QStringList secrets() const override
    {
        return m_controller ? m_controller->m_secrets : QStringList();
    }

private:
    static QString hostOf(const QString &url)
    {
        const QUrl parsed(url);
        const QString scheme = parsed.scheme().toLower();
        return scheme == QLatin1String("https") || scheme == QLatin1String("http") ? parsed.host()
                                                                                   : QString();
    }
    QPointer<GitController> m_controller;
    std::shared_ptr<MemoryTokens> m_typed;
    QMutex m_mutex;
    std::shared_ptr<git::TokenSource> m_base;
};

namespace {

// The host a token is for: HTTPS (and plain HTTP) only; SSH uses keys.
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
    , m_baseTokens(git::defaultTokenSource())
    , m_typedTokens(std::make_shared<MemoryTokens>())
    , m_sessionTokens(std::make_shared<SessionTokens>(this, m_typedTokens, m_baseTokens))
{
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

void GitController::setTokenSource(std::shared_ptr<git::TokenSource> tokens)
{
    m_baseTokens = std::move(tokens);
    m_sessionTokens->setBase(m_baseTokens);
}

std::shared_ptr<git::TokenSource> GitController::tokenSource() const
{
    return m_sessionTokens;
}

git::NetworkOptions GitController::networkOptions() const
{
    git::NetworkOptions options;
    // Typed tokens first: they were asked for because the others failed.
    options.tokens = m_sessionTokens;
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
    if (error.code == Error::Code::Auth && !hostOf(url).isEmpty()) {
        askForToken(url, error, std::move(retry), std::move(giveUp));
        return true;
    }
    return false;
}

void GitController::askForToken(const QString &url, const Error &error, std::function<void()> retry,
                                std::function<void()> giveUp)
{
    const QString host = hostOf(url);
    m_typedTokens->forget(host); // it failed (or there was none): never offer it again
    if (!m_signInDialog)
        m_signInDialog = new ui::GitSignInDialog(m_context->window());
    m_signInDialog->ask(host, scrub(error.message));
    connect(
        m_signInDialog, &QDialog::finished, this,
        [this, host, retry, giveUp](int result) {
            const QString token = m_signInDialog ? m_signInDialog->token() : QString();
            const bool remember = m_signInDialog && m_signInDialog->remember();
            if (m_signInDialog)
                m_signInDialog->clearToken();
            if (result != QDialog::Accepted || token.isEmpty()) {
                giveUp();
                return;
            }
            m_secrets << token;
            m_typedTokens->set(host, token);
            m_pendingToken = PendingToken{host, token, remember};
            retry();
        },
        Qt::SingleShotConnection);
    m_signInDialog->open();
    Q_EMIT signInRequested();
}

void GitController::rememberWorkingToken(const QString &url)
{
    if (!m_pendingToken || m_pendingToken->host != hostOf(url))
        return;
    const PendingToken typed = *m_pendingToken;
    m_pendingToken.reset();
    if (!typed.remember)
        return;
    // The keychain runs its own event loop: keep it off the GUI thread.
    m_keychainWrites << QtConcurrent::run(
        [typed] { (void)git::KeychainTokenSource::store(typed.host, typed.token); });
}

} // namespace kanri::app

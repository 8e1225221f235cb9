#include "app/gitcontroller.h"

#include "diff/linediff.h"
#include "git/gitknownhosts.h"
#include "ui/git/gitfilediffview.h"
#include "ui/git/gitsettingsdialog.h"

#include "app/appcontext.h"
#include "app/commitauthor.h"
#include "app/gittokenprompt.h"
#include "git/gitasync.h"
#include "git/gitrepository.h"
#include "git/gittokensource.h"
#include "platform/session.h"
#include "platform/workspace.h"
#include "ui/git/gitbranchdialog.h"
#include "ui/git/gitchangespanel.h"
#include "ui/git/gitclonedialog.h"
#include "ui/git/gitcommitdialog.h"
#include "ui/git/gitprogressdialog.h"
#include "ui/git/gitpushdialog.h"
#include "ui/git/gitsignindialog.h"
#include "ui/main/mainwindow.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUrl>
#include <QtConcurrentRun>

#include <optional>

namespace kanri::app {

using ui::GitProgressDialog;

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
        if (!m_controller || m_controller->m_context->isScreenshot() || hostOf(url).isEmpty())
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
    , m_hostKeys(std::make_shared<HostKeys>())
    , m_refreshTimer(new QTimer(this))
{
    m_author = new CommitAuthor(context, this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(250);
    connect(m_refreshTimer, &QTimer::timeout, this, &GitController::refreshChanges);

    m_changes = new ui::GitChangesPanel;
    m_dock = new QDockWidget(tr("Changes"));
    m_dock->setObjectName(QStringLiteral("gitChangesDock"));
    m_dock->setWidget(m_changes);
    context->window()->addPanel(m_dock, Qt::RightDockWidgetArea);

    connect(m_changes, &ui::GitChangesPanel::fileActivated, this,
            [this](const QString &path) { m_context->window()->revealLocation(path, 1, 1); });
    connect(m_changes, &ui::GitChangesPanel::refreshRequested, this,
            &GitController::refreshChanges);
    connect(m_changes, &ui::GitChangesPanel::stageRequested, this,
            [this](int repository, const QStringList &paths) { stage(repository, paths, true); });
    connect(m_changes, &ui::GitChangesPanel::unstageRequested, this,
            [this](int repository, const QStringList &paths) { stage(repository, paths, false); });
    connect(m_changes, &ui::GitChangesPanel::commitRequested, this,
            [this](int repository) { openCommit(repository); });
    connect(m_changes, &ui::GitChangesPanel::currentRepositoryChanged, this, [this](int r) {
        if (r >= 0)
            m_focus = r;
        updateActions();
    });
    connect(m_changes, &ui::GitChangesPanel::currentFileChanged, this, &GitController::requestDiff);
    connect(context, &AppContext::sessionChanged, this, &GitController::sessionChanged);

    createActions();
    registerViews();
    updateActions();
}

GitController::~GitController()
{
    // Workers post progress to this object: stop them and wait before it goes.
    cancelNetwork();
    if (m_waitForWorker)
        m_waitForWorker();
    for (QFuture<void> &write : m_keychainWrites)
        write.waitForFinished();
    // Status, diff and commit workers touch only their own data; let a commit finish.
    m_commitFuture.waitForFinished();
    m_changesFuture.waitForFinished();
    m_diffFuture.waitForFinished();
}

ui::GitCloneDialog *GitController::cloneDialog() const
{
    return m_cloneDialog;
}

ui::GitCommitDialog *GitController::commitDialog() const
{
    return m_commitDialog;
}

ui::GitBranchDialog *GitController::branchDialog() const
{
    return m_branchDialog;
}

ui::GitProgressDialog *GitController::progressDialog() const
{
    return m_progressDialog;
}

ui::GitSignInDialog *GitController::signInDialog() const
{
    return m_signInDialog;
}

QMessageBox *GitController::hostKeyDialog() const
{
    return m_hostKeyDialog;
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

void GitController::createActions()
{
    ui::MainWindow *window = m_context->window();
    QMenu *menu = window->menu(ui::MainWindow::Menu::Repository);

    m_cloneAction = menu->addAction(tr("&Clone…"), this, &GitController::openClone);
    m_cloneAction->setObjectName(QStringLiteral("gitCloneAction"));
    menu->addSeparator();
    // The texts name the repository each one acts on (updateActions).
    m_commitAction = menu->addAction(tr("C&ommit…"), this, [this] { openCommit(); });
    m_commitAction->setObjectName(QStringLiteral("gitCommitAction"));
    m_commitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_branchesAction = menu->addAction(tr("&Branches…"), this, [this] { openBranches(); });
    m_branchesAction->setObjectName(QStringLiteral("gitBranchesAction"));
    m_branchesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_pushAction = menu->addAction(tr("&Push"), this, [this] { push(); });
    m_pushAction->setObjectName(QStringLiteral("gitPushAction"));
    m_pushAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_pullAction = menu->addAction(tr("P&ull"), this, [this] { pull(); });
    m_pullAction->setObjectName(QStringLiteral("gitPullAction"));
    m_pullAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    menu->addSeparator();
    m_refreshAction = menu->addAction(tr("&Refresh Changes"), this, &GitController::refreshChanges);
    m_refreshAction->setObjectName(QStringLiteral("gitRefreshAction"));
    m_refreshAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5)); // F5 reloads everything
    menu->addAction(m_dock->toggleViewAction());
    menu->addSeparator();
    m_settingsAction = menu->addAction(tr("Git &Settings…"), this, &GitController::openSettings);
    m_settingsAction->setObjectName(QStringLiteral("gitSettingsAction"));
    m_settingsAction->setMenuRole(QAction::NoRole);

    QToolBar *toolBar = window->mainToolBar();
    toolBar->addSeparator();
    for (QAction *action : {m_commitAction, m_pushAction, m_pullAction, m_branchesAction})
        toolBar->addAction(action);
}

void GitController::registerViews()
{
    m_context->addView(QStringLiteral("clone"), [this]() -> QWidget * {
        openClone();
        return m_cloneDialog;
    });
    m_context->addView(QStringLiteral("changes"), [this]() -> QWidget * {
        // A screenshot is taken at once: wait for the workers here (they never wait for the
        // GUI), then show the first changed file's diff.
        refreshChanges();
        finishRefreshNow();
        // The first file with both a staged and an unstaged part, else the first file.
        const auto &changes = m_changes->changes();
        std::optional<std::pair<int, QString>> first, both;
        for (int r = 0; r < changes.size(); ++r) {
            for (const ui::GitFileChange &file : changes[r].files) {
                if (!first)
                    first = std::pair{r, file.path};
                if (!both && file.staged() && file.unstaged())
                    both = std::pair{r, file.path};
            }
        }
        const auto pick = both ? both : first;
        if (pick)
            m_changes->selectFile(pick->first, pick->second);
        requestDiff();
        finishDiffNow();
        m_dock->setFloating(true);
        m_dock->resize(820, 640);
        return m_dock;
    });
    m_context->addView(QStringLiteral("git-settings"), [this]() -> QWidget * {
        openSettings();
        return m_settingsDialog;
    });
    m_context->addView(QStringLiteral("commit"), [this]() -> QWidget * {
        openCommit();
        return m_commitDialog;
    });
    m_context->addView(QStringLiteral("branches"), [this]() -> QWidget * {
        openBranches();
        return m_branchDialog;
    });
}

QList<GitController::RepositoryRef> GitController::repositories() const
{
    QList<RepositoryRef> list;
    if (const platform::Workspace *ws = m_context->workspace()) {
        for (const platform::RepositorySpec &spec : ws->repositories)
            list << RepositoryRef{spec.name, QDir::cleanPath(ws->repositoryPath(spec)), spec.url};
    }
    return list;
}

// The repository the user worked with last: committed to, pushed, pulled, switched or
// selected in the Changes panel; else the first one with changes; else the first.
int GitController::focusRepository() const
{
    const auto &changes = m_changes->changes();
    const int count = int(repositories().size());
    if (m_focus >= 0 && m_focus < count)
        return m_focus;
    for (int i = 0; i < changes.size(); ++i) {
        if (!changes[i].files.isEmpty())
            return i;
    }
    return 0;
}

// What Commit commits: the focus repository when it has changes, else the first one that
// has some.
int GitController::commitTarget() const
{
    const auto &changes = m_changes->changes();
    const int focus = focusRepository();
    if (focus < changes.size() && !changes[focus].files.isEmpty())
        return focus;
    for (int i = 0; i < changes.size(); ++i) {
        if (!changes[i].files.isEmpty())
            return i;
    }
    return focus;
}

void GitController::sessionChanged()
{
    if (platform::Session *session = m_context->session()) {
        QUndoStack *stack = session->buffers()->undoStack();
        connect(stack, &QUndoStack::indexChanged, this, &GitController::scheduleRefresh);
        connect(stack, &QUndoStack::cleanChanged, this, &GitController::scheduleRefresh);
        refreshChanges();
        if (m_context->isScreenshot())
            finishRefreshNow(); // the picture shows the actions named after their repository
    } else {
        m_changes->setChanges({});
    }
    updateActions();
}

void GitController::scheduleRefresh()
{
    if (m_context->isScreenshot()) { // nothing waits for a timer: the picture is taken next
        refreshChanges();
        finishRefreshNow();
        return;
    }
    m_refreshTimer->start();
}

void GitController::updateActions()
{
    const QList<RepositoryRef> repos = repositories();
    const bool haveRepositories = !repos.isEmpty();
    m_cloneAction->setEnabled(!m_busy);
    m_commitAction->setEnabled(haveRepositories);
    m_branchesAction->setEnabled(haveRepositories);
    m_pushAction->setEnabled(haveRepositories && !m_busy);
    m_pullAction->setEnabled(haveRepositories && !m_busy);
    m_refreshAction->setEnabled(haveRepositories);

    // "Push accounts (kanri/add-lgarcia)": what each action would act on, from the last status.
    const auto &changes = m_changes->changes();
    auto named = [&changes](int r) {
        const ui::GitRepositoryChanges &c = changes.at(r);
        return c.branch.isEmpty() ? c.name : tr("%1 (%2)").arg(c.name, c.branch);
    };
    const bool known = haveRepositories && changes.size() == repos.size();
    m_commitAction->setText(known ? tr("C&ommit %1…").arg(named(commitTarget())) : tr("C&ommit…"));
    m_pullAction->setText(known ? tr("P&ull %1").arg(named(focusRepository())) : tr("P&ull"));
    const QList<int> push = known ? pushCandidates() : QList<int>();
    if (push.size() == 1) {
        m_pushAction->setText(tr("&Push %1").arg(named(push.first())));
    } else if (push.size() > 1) {
        QStringList names;
        for (int r : push)
            names << changes.at(r).name;
        m_pushAction->setText(tr("&Push %1…").arg(QLocale().createSeparatedList(names)));
    } else {
        m_pushAction->setText(tr("&Push"));
    }
    for (QAction *action : {m_commitAction, m_pushAction, m_pullAction, m_branchesAction}) {
        QString tip = action->text().remove(QLatin1Char('&'));
        if (!action->shortcut().isEmpty())
            tip +=
                QStringLiteral(" (%1)").arg(action->shortcut().toString(QKeySequence::NativeText));
        action->setToolTip(tip);
    }
    if (push.isEmpty())
        m_pushAction->setToolTip(
            tr("Nothing to push yet: commit first (%1)")
                .arg(m_pushAction->shortcut().toString(QKeySequence::NativeText)));
}

void GitController::showDialog(QDialog *dialog)
{
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

QString GitController::scrub(const QString &text) const
{
    return git::scrubSecrets(text, m_secrets);
}

// The engine's message (already free of secrets) and, for the failures people meet, what
// to do next.
QString GitController::explain(const Error &error) const
{
    QString next;
    switch (error.code) {
    case Error::Code::Auth:
        if (error.message.contains(QLatin1String("host key")))
            break; // the message says what to check
        next = error.message.contains(QLatin1String("SSH"))
                   ? tr("Load a key the server knows into ssh-agent (ssh-add), or put it in "
                        "~/.ssh, then try again.")
                   : tr("Sign in with a token that has access to the repository (or set "
                        "KANRI_GITHUB_TOKEN), then try again.");
        break;
    case Error::Code::Network:
        next = tr("Check the network connection and the address, then try again. Nothing was "
                  "changed.");
        break;
    case Error::Code::NotFound:
        next = tr("Check the address: there is no repository there, or your token cannot see "
                  "it.");
        break;
    case Error::Code::Rejected:
        next = tr("Pull first to bring in the commits from the remote, then push again. Your "
                  "commits are safe in your local branch.");
        break;
    case Error::Code::Conflict:
        next = tr("Commit or discard those changes first, then try again. Nothing was changed.");
        break;
    case Error::Code::Cancelled:
        return tr("Cancelled. Nothing was changed.");
    default:
        break;
    }
    QString text = error.file.isEmpty() ? error.message : error.toString();
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    if (!next.isEmpty())
        text += QLatin1Char('\n') + next;
    return scrub(text);
}

template<typename T>
void GitController::runNetwork(std::function<QFuture<Result<T>>(git::NetworkOptions)> start,
                               std::function<void(const Result<T> &)> done,
                               std::function<void(const git::TransferProgress &)> progress)
{
    m_busy = true;
    updateActions();
    m_stop = std::stop_source();
    const quint64 generation = ++m_generation;

    git::NetworkOptions options;
    options.stop = m_stop.get_token();
    // Typed tokens first: they were asked for because the others failed.
    options.tokens = m_sessionTokens;
    options.sshKeyDirectory =
        m_context->settings().value(QStringLiteral("git/sshKeyDirectory")).toString();
    {
        QMutexLocker lock(&m_hostKeys->mutex);
        m_hostKeys->refused.reset();
    }
    // Runs on the worker: never waits for the GUI. A refused key is asked about afterwards
    // (offerRecovery) and the operation retried.
    options.unknownHostKey = [keys = m_hostKeys](const git::HostKeyInfo &key) {
        QMutexLocker lock(&keys->mutex);
        if (keys->trusted.contains(key.fingerprint))
            return git::HostKeyDecision::AcceptOnce;
        keys->refused = key;
        return git::HostKeyDecision::Refuse;
    };
    options.progress = [this, generation, progress](const git::TransferProgress &p) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, progress, p] {
                if (generation == m_generation && progress)
                    progress(p);
            },
            Qt::QueuedConnection);
    };

    QFuture<Result<T>> future = start(std::move(options));
    m_waitForWorker = [future]() mutable { future.waitForFinished(); };
    auto *watcher = new QFutureWatcher<Result<T>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done] {
        watcher->deleteLater();
        m_waitForWorker = {};
        m_busy = false;
        updateActions();
        const QFuture<Result<T>> f = watcher->future();
        const Result<T> result = f.resultCount() > 0
                                     ? f.result()
                                     : Result<T>(fail(Error::Code::Cancelled, tr("cancelled")));
        done(result);
    });
    watcher->setFuture(future);
}

void GitController::cancelNetwork()
{
    m_stop.request_stop();
}

bool GitController::offerRecovery(const QString &url, const Error &error,
                                  std::function<void()> retry, std::function<void()> giveUp)
{
    if (m_context->isScreenshot())
        return false;
    std::optional<git::HostKeyInfo> refused;
    {
        QMutexLocker lock(&m_hostKeys->mutex);
        refused = std::exchange(m_hostKeys->refused, std::nullopt);
    }
    if (refused && !refused->fingerprint.isEmpty()) {
        askHostKey(*refused, std::move(retry), std::move(giveUp));
        return true;
    }
    if (error.code == Error::Code::Auth && !hostOf(url).isEmpty()) {
        askForToken(url, error, std::move(retry), std::move(giveUp));
        return true;
    }
    return false;
}

void GitController::askHostKey(const git::HostKeyInfo &key, std::function<void()> retry,
                               std::function<void()> giveUp)
{
    const QString host = git::knownHostsName(key.host, key.port);
    const QString file = git::writableKnownHostsFile();
    QString text =
        tr("The SSH server %1 presented a host key that no known_hosts file records:\n\n%2%3\n\n"
           "Trust it only if this fingerprint is the one the server's administrators publish.")
            .arg(host, key.fingerprint,
                 key.keyType.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(key.keyType));
    if (!key.otherKeyTypes.isEmpty())
        text +=
            QLatin1Char(' ') + tr("Keys of another type (%1) are recorded for this host already.")
                                   .arg(key.otherKeyTypes.join(QStringLiteral(", ")));
    text += QStringLiteral("\n\n") +
            (key.key.isEmpty() ? tr("Trusting it lasts until Kanri quits.")
                               : tr("Trusting it adds it to %1, where ssh and Kanri find it next "
                                    "time.")
                                     .arg(QDir::toNativeSeparators(file)));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Unknown SSH Host Key"), text,
                                QMessageBox::NoButton, m_context->window());
    box->setObjectName(QStringLiteral("gitHostKeyDialog"));
    box->addButton(tr("Trust and Connect"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_hostKeyDialog = box;
    connect(
        box, &QMessageBox::finished, this,
        [this, box, key, file, retry, giveUp] {
            const bool trusted = box->buttonRole(box->clickedButton()) == QMessageBox::AcceptRole;
            if (!trusted) {
                giveUp();
                return;
            }
            {
                QMutexLocker lock(&m_hostKeys->mutex);
                m_hostKeys->trusted.insert(key.fingerprint);
            }
            if (!key.key.isEmpty()) {
                if (auto added = git::addKnownHost(file, key.host, key.port, key.key); !added)
                    m_context->reportError(
                        tr("SSH Host Key"),
                        tr("The key is trusted until Kanri quits, but it could not be written "
                           "to %1:\n%2")
                            .arg(file, added.error().message));
                else
                    m_context->window()->showStatusMessage(
                        tr("Added the host key of %1 to %2")
                            .arg(git::knownHostsName(key.host, key.port), file));
            }
            retry();
        },
        Qt::SingleShotConnection);
    box->open();
    Q_EMIT hostKeyQuestionAsked();
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

// Settings.

void GitController::openSettings()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new ui::GitSettingsDialog(m_context->window());
        connect(m_settingsDialog, &QDialog::accepted, this, &GitController::saveSettings);
    }
    QSettings &settings = m_context->settings();
    ui::GitSettingsValues values;
    values.authorName = settings.value(QStringLiteral("git/authorName")).toString();
    values.authorEmail = settings.value(QStringLiteral("git/authorEmail")).toString();
    values.pullStrategy =
        settings.value(QStringLiteral("git/pullStrategy"), QStringLiteral("merge")).toString();
    values.sshKeyDirectory = settings.value(QStringLiteral("git/sshKeyDirectory")).toString();
    m_settingsDialog->setValues(values);
    // What git config says, from the first repository that can be opened (repository config,
    // then global).
    QString name, email;
    for (const RepositoryRef &ref : repositories()) {
        auto repo = git::Repository::open(ref.path);
        if (!repo)
            continue;
        if (auto signature = repo->defaultSignature()) {
            name = signature->name;
            email = signature->email;
            break;
        }
    }
    m_settingsDialog->setConfiguredAuthor(name, email);
    m_settingsDialog->setDefaultSshKeyDirectory(QDir::homePath() + QStringLiteral("/.ssh"));
    showDialog(m_settingsDialog);
}

void GitController::saveSettings()
{
    if (!m_settingsDialog)
        return;
    const ui::GitSettingsValues values = m_settingsDialog->values();
    QSettings &settings = m_context->settings();
    auto store = [&settings](const QString &key, const QString &value) {
        if (value.isEmpty())
            settings.remove(key);
        else
            settings.setValue(key, value);
    };
    store(QStringLiteral("git/authorName"), values.authorName);
    store(QStringLiteral("git/authorEmail"), values.authorEmail);
    store(QStringLiteral("git/pullStrategy"), values.pullStrategy);
    store(QStringLiteral("git/sshKeyDirectory"), values.sshKeyDirectory);
    settings.sync();
    m_context->window()->showStatusMessage(tr("Saved the git settings"));
}

ui::GitSettingsDialog *GitController::settingsDialog() const
{
    return m_settingsDialog;
}

ui::GitPushDialog *GitController::pushDialog() const
{
    return m_pushDialog;
}

// Clone.

void GitController::openClone()
{
    if (!m_cloneDialog) {
        m_cloneDialog = new ui::GitCloneDialog(m_context->window());
        connect(m_cloneDialog, &ui::GitCloneDialog::cloneRequested, this,
                &GitController::startClone);
        connect(m_cloneDialog, &ui::GitCloneDialog::cancelRequested, this,
                &GitController::cancelNetwork);
    }
    if (!m_cloneDialog->isBusy()) {
        QList<ui::GitCloneTarget> targets;
        for (const RepositoryRef &ref : repositories())
            targets << ui::GitCloneTarget{ref.name, ref.url, ref.path,
                                          QFileInfo::exists(ref.path + QStringLiteral("/.git"))};
        m_cloneDialog->setTargets(targets);
    }
    showDialog(m_cloneDialog);
}

void GitController::startClone(const QString &url, const QString &destination)
{
    if (m_busy || !m_cloneDialog)
        return;
    const QString target = QDir::cleanPath(QDir(destination).absolutePath());
    m_cloneDialog->setBusy(true);
    runNetwork<void>(
        [url, target](git::NetworkOptions options) {
            return git::cloneAsync(url, target, std::move(options));
        },
        [this, url, target](const Result<void> &result) {
            if (!result) {
                if (m_cloneDialog)
                    m_cloneDialog->setBusy(false);
                if (offerRecovery(
                        url, result.error(), [this, url, target] { startClone(url, target); },
                        [this, target, result] { cloneFinished(target, result); }))
                    return;
            }
            if (result)
                rememberWorkingToken(url);
            cloneFinished(target, result);
        },
        [this](const git::TransferProgress &p) {
            if (m_cloneDialog)
                m_cloneDialog->setProgress(p);
        });
}

void GitController::cloneFinished(const QString &destination, const Result<void> &result)
{
    if (m_cloneDialog)
        m_cloneDialog->setBusy(false);
    if (!result) {
        QString message = explain(result.error());
        if (result.error().code == Error::Code::Io)
            message += QLatin1Char('\n') + tr("Choose a new or empty folder.");
        else if (result.error().code == Error::Code::Cancelled)
            message = tr("Cancelled. Nothing was left in %1.").arg(destination);
        if (m_cloneDialog)
            m_cloneDialog->showError(message);
        Q_EMIT operationFinished(false);
        return;
    }
    if (m_cloneDialog) {
        git::TransferProgress done;
        done.stage = git::TransferProgress::Stage::Done;
        m_cloneDialog->setProgress(done);
        m_cloneDialog->showMessage(tr("Cloned into %1.").arg(destination));
    }
    m_context->window()->showStatusMessage(tr("Cloned into %1").arg(destination));
    // A repository of the workspace: open the workspace again over it.
    bool inWorkspace = false;
    for (const RepositoryRef &ref : repositories())
        inWorkspace = inWorkspace || ref.path == destination;
    if (inWorkspace)
        m_context->reload();
    refreshChanges();
    Q_EMIT operationFinished(true);
}

// Changes.

// Reads every repository's branch, ahead/behind and status on a worker (each opens its own
// Repository there): nothing here touches the controller.
QList<ui::GitRepositoryChanges> GitController::readChanges(const QList<RepositoryRef> &repositories,
                                                           const QSet<QString> &unsaved,
                                                           const QStringList &secrets)
{
    QList<ui::GitRepositoryChanges> all;
    for (const RepositoryRef &ref : repositories) {
        ui::GitRepositoryChanges changes;
        changes.name = ref.name;
        changes.path = ref.path;
        auto repo = git::Repository::open(ref.path);
        if (!repo) {
            changes.error = repo.error().code == Error::Code::NotFound
                                ? tr("not cloned yet (Repository ▸ Clone…)")
                                : git::scrubSecrets(repo.error().message, secrets);
            all << changes;
            continue;
        }
        changes.branch = repo->currentBranch();
        if (auto counts = repo->aheadBehind(changes.branch)) {
            changes.ahead = int(counts->ahead);
            changes.behind = int(counts->behind);
            changes.unpushed = changes.ahead;
        } else if (!changes.branch.isEmpty()) {
            changes.unpushed = int(repo->commitsOnNoRemote(changes.branch).value_or(0));
        }
        const QDir root(ref.path);
        QSet<QString> listed;
        if (auto status = repo->status()) {
            for (const git::StatusEntry &entry : *status) {
                ui::GitFileChange file;
                file.path = entry.path;
                file.oldPath = entry.oldPath;
                file.absolutePath = QDir::cleanPath(root.filePath(entry.path));
                file.index = entry.index;
                file.worktree = entry.worktree;
                file.unsaved = unsaved.contains(file.absolutePath);
                listed.insert(file.absolutePath);
                changes.files << file;
            }
        } else {
            changes.error = git::scrubSecrets(status.error().message, secrets);
        }
        for (const QString &path : unsaved) {
            if (listed.contains(path) || !path.startsWith(ref.path + QLatin1Char('/')))
                continue;
            ui::GitFileChange file;
            file.path = root.relativeFilePath(path);
            file.absolutePath = path;
            file.unsaved = true;
            changes.files << file;
        }
        std::sort(
            changes.files.begin(), changes.files.end(),
            [](const ui::GitFileChange &a, const ui::GitFileChange &b) { return a.path < b.path; });
        all << changes;
    }
    return all;
}

bool GitController::isRefreshing() const
{
    return m_refreshTimer->isActive() || m_changesGeneration != m_appliedChangesGeneration;
}

void GitController::refreshChanges()
{
    refreshChangesThen({});
}

void GitController::refreshChangesThen(std::function<void()> then)
{
    m_refreshTimer->stop();
    if (then)
        m_afterRefresh << std::move(then);
    QSet<QString> unsaved;
    if (platform::Session *session = m_context->session()) {
        for (const QString &path : session->buffers()->modifiedFiles())
            unsaved.insert(QDir::cleanPath(path));
    }
    const quint64 generation = ++m_changesGeneration;
    m_changesFuture =
        QtConcurrent::run(&GitController::readChanges, repositories(), unsaved, m_secrets);
    auto *watcher = new QFutureWatcher<QList<ui::GitRepositoryChanges>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        // A newer refresh started meanwhile (or this one was applied already): drop it.
        if (generation != m_changesGeneration || generation == m_appliedChangesGeneration)
            return;
        applyChanges(generation, watcher->future().result());
    });
    watcher->setFuture(m_changesFuture);
}

void GitController::applyChanges(quint64 generation, const QList<ui::GitRepositoryChanges> &all)
{
    m_appliedChangesGeneration = generation;
    m_changes->setChanges(all);
    updateActions();
    requestDiff();
    const QList<std::function<void()>> then = std::exchange(m_afterRefresh, {});
    for (const std::function<void()> &f : then)
        f();
    Q_EMIT changesRefreshed();
}

void GitController::finishRefreshNow()
{
    if (m_changesGeneration == m_appliedChangesGeneration || !m_changesFuture.isValid())
        return;
    m_changesFuture.waitForFinished(); // the worker never waits for the GUI
    applyChanges(m_changesGeneration, m_changesFuture.result());
}

// The diff of the file selected in the Changes panel, computed on a worker.
ui::GitFileDiff GitController::computeDiff(const DiffRequest &request)
{
    constexpr qint64 cap = 1024 * 1024;
    ui::GitFileDiff diff;
    diff.repository = request.repositoryName;
    diff.path = request.path;
    diff.unsaved = request.unsaved.has_value();
    auto megabytes = [](qint64 bytes) {
        return QString::number(double(bytes) / 1048576.0, 'f', 1);
    };
    auto repo = git::Repository::open(request.repositoryPath);
    if (!repo) {
        diff.error = git::scrubSecrets(repo.error().message, request.secrets);
        return diff;
    }
    for (const bool staged : {true, false}) {
        auto side = repo->diffFile(request.path, staged, cap);
        if (!side) {
            diff.error = git::scrubSecrets(side.error().message, request.secrets);
            continue;
        }
        ui::GitDiffPart part;
        part.side = staged ? ui::GitDiffPart::Side::Staged : ui::GitDiffPart::Side::Unstaged;
        switch (side->kind) {
        case git::FileDiff::Kind::Unchanged:
            continue;
        case git::FileDiff::Kind::Binary:
            part.note = tr("binary file differs");
            break;
        case git::FileDiff::Kind::TooLarge:
            part.note = tr("the file is too large to show (%1 MB; the limit is %2 MB)")
                            .arg(megabytes(side->size), megabytes(cap));
            break;
        case git::FileDiff::Kind::Text:
            part.text = QString::fromUtf8(side->text);
            if (side->truncated)
                part.note = tr("the diff is longer than %1 MB: cut here").arg(megabytes(cap));
            break;
        }
        diff.parts << part;
    }
    if (request.unsaved) {
        // What saving would change: the file on disk against the editor's content.
        ui::GitDiffPart part;
        part.side = ui::GitDiffPart::Side::Unsaved;
        QFile file(request.absolutePath);
        QByteArray disk;
        if (file.open(QIODevice::ReadOnly) && file.size() <= cap)
            disk = file.readAll();
        const QByteArray &edited = *request.unsaved;
        if (file.size() > cap || edited.size() > cap) {
            part.note =
                tr("the file is too large to show (%1 MB; the limit is %2 MB)")
                    .arg(megabytes(std::max<qint64>(file.size(), edited.size())), megabytes(cap));
        } else if (disk.contains('\0') || edited.contains('\0')) {
            part.note = tr("binary file differs");
        } else {
            const QList<diff::Hunk> hunks = diff::diffLines({disk, edited});
            QByteArray text = "--- a/" + request.path.toUtf8() + "\n+++ b/" +
                              request.path.toUtf8() + "\n" + diff::formatHunks(hunks);
            part.text = QString::fromUtf8(text);
            if (hunks.isEmpty())
                part.note = tr("the unsaved content is the same as the file on disk");
        }
        diff.parts << part;
    }
    return diff;
}

void GitController::requestDiff()
{
    const int repository = m_changes->currentRepository();
    const QString path = m_changes->currentFile();
    const quint64 generation = ++m_diffGeneration;
    const QList<RepositoryRef> repos = repositories();
    if (path.isEmpty() || repository < 0 || repository >= repos.size()) {
        m_changes->diffView()->clearDiff();
        return;
    }
    DiffRequest request;
    request.repositoryName = repos[repository].name;
    request.repositoryPath = repos[repository].path;
    request.path = path;
    request.absolutePath = QDir::cleanPath(QDir(request.repositoryPath).filePath(path));
    request.secrets = m_secrets;
    if (platform::Session *session = m_context->session()) {
        platform::EditBuffers *buffers = session->buffers();
        if (buffers->isModified(request.absolutePath)) {
            if (auto content = buffers->read(request.absolutePath))
                request.unsaved = *content;
        }
    }
    m_changes->diffView()->showLoading(path);
    m_diffFuture = QtConcurrent::run(&GitController::computeDiff, request);
    auto *watcher = new QFutureWatcher<ui::GitFileDiff>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_diffGeneration || generation == m_appliedDiffGeneration)
            return; // another file was selected meanwhile
        m_appliedDiffGeneration = generation;
        m_changes->diffView()->setDiff(watcher->future().result());
        Q_EMIT fileDiffShown();
    });
    watcher->setFuture(m_diffFuture);
}

void GitController::finishDiffNow()
{
    if (m_diffGeneration == m_appliedDiffGeneration || !m_diffFuture.isValid())
        return;
    m_diffFuture.waitForFinished();
    m_appliedDiffGeneration = m_diffGeneration;
    m_changes->diffView()->setDiff(m_diffFuture.result());
}

void GitController::stage(int repository, const QStringList &paths, bool add)
{
    const RepositoryRef ref = repositories().value(repository);
    auto repo = git::Repository::open(ref.path);
    Result<void> done = repo ? (add ? repo->stagePaths(paths) : repo->unstagePaths(paths))
                             : Result<void>(std::unexpected(repo.error()));
    if (!done)
        m_context->reportError(add ? tr("Stage") : tr("Unstage"), explain(done.error()));
    refreshChanges();
}

// Commit.

void GitController::openCommit(int repository)
{
    if (repositories().isEmpty())
        return;
    if (!m_commitDialog) {
        m_commitDialog = new ui::GitCommitDialog(m_context->window());
        connect(m_commitDialog, &ui::GitCommitDialog::repositoryChanged, this,
                &GitController::fillCommitDialog);
        connect(m_commitDialog, &ui::GitCommitDialog::commitRequested, this,
                &GitController::commitRequested);
    }
    // Filled from the last list at once, then again from the fresh status when it arrives.
    const int target = repository >= 0 ? repository : commitTarget();
    fillCommitDialog(target);
    refreshChangesThen([this, target] {
        if (m_commitDialog && !m_committing)
            fillCommitDialog(target);
    });
    m_commitDialog->clearMessage();
    showDialog(m_commitDialog);
    m_commitDialog->summaryEdit()->setFocus();
}

void GitController::fillCommitDialog(int repository)
{
    const QList<RepositoryRef> repos = repositories();
    QStringList names;
    for (const RepositoryRef &ref : repos)
        names << ref.name;
    repository = qBound(0, repository, int(repos.size()) - 1);
    m_commitDialog->setRepositories(names, repository);

    auto repo = git::Repository::open(repos.value(repository).path);
    if (!repo) {
        m_commitDialog->setBranch({});
        m_commitDialog->setFiles({});
        m_commitDialog->showError(explain(repo.error()));
        return;
    }
    m_commitDialog->setBranch(repo->currentBranch());
    const CommitAuthor::Known author = m_author->known(repos.value(repository).path);
    if (author.author.name.isEmpty() || author.author.email.isEmpty())
        m_commitDialog->setAuthor(tr("not configured yet: you will be asked when you commit"));
    else if (author.fromSettings)
        m_commitDialog->setAuthor(
            tr("%1 <%2> (from the settings)").arg(author.author.name, author.author.email));
    else
        m_commitDialog->setAuthor(
            QStringLiteral("%1 <%2>").arg(author.author.name, author.author.email));

    QList<ui::GitCommitFile> files;
    int unsaved = 0;
    for (const ui::GitRepositoryChanges &changes : m_changes->changes()) {
        if (changes.path != repos.value(repository).path)
            continue;
        for (const ui::GitFileChange &change : changes.files) {
            files << ui::GitCommitFile{change.path, ui::GitChangesPanel::describe(change), true};
            unsaved += change.unsaved ? 1 : 0;
        }
    }
    m_commitDialog->setFiles(files);
    m_commitDialog->setUnsavedEdits(unsaved);
}

void GitController::commitRequested()
{
    ui::GitCommitDialog *dialog = m_commitDialog;
    if (!dialog || m_committing)
        return;
    const int repository = dialog->repository();
    const RepositoryRef ref = repositories().value(repository);
    // Who is committing first (a new computer: asked once, window-modal over this dialog),
    // so that a cancelled question leaves everything, the unsaved edits too, as it was.
    m_committing = true;
    m_author->ensure(
        ref.path, ref.name,
        [this, repository](std::optional<git::Signature> author) {
            m_committing = false;
            if (!author) {
                if (m_commitDialog)
                    m_commitDialog->showError(
                        tr("Nothing was committed: a commit needs the name and "
                           "e-mail address of its author."));
                Q_EMIT commitFinished(false);
                return;
            }
            commitAs(repository, *author);
        },
        dialog);
}

void GitController::commitAs(int repository, const git::Signature &author)
{
    ui::GitCommitDialog *dialog = m_commitDialog;
    if (!dialog || m_committing)
        return;
    const RepositoryRef ref = repositories().value(repository);
    if (dialog->saveFirst()) {
        if (platform::Session *session = m_context->session()) {
            if (auto saved = session->save(); !saved) {
                dialog->showError(
                    tr("Nothing was committed: saving failed.\n%1").arg(saved.error().toString()));
                Q_EMIT commitFinished(false);
                return;
            }
        }
    }
    // Status, staging and the commit itself run on a worker (a big working tree takes a while
    // to read); the dialog waits, disabled.
    struct Committed
    {
        QString id, branch;
    };
    const QStringList checked = dialog->checkedPaths();
    const QString message = dialog->message();
    m_committing = true;
    dialog->setEnabled(false);
    const QFuture<Result<Committed>> future =
        QtConcurrent::run([path = ref.path, checked, message, author]() -> Result<Committed> {
            auto repo = git::Repository::open(path);
            if (!repo)
                return std::unexpected(repo.error());
            auto status = repo->status();
            if (!status)
                return std::unexpected(status.error());
            // Exactly the checked files go into the commit: stage them, unstage the others.
            // Both happen with the commit, in memory: when it fails the index is as it was.
            git::CommitContent content;
            for (const git::StatusEntry &entry : *status) {
                if (checked.contains(entry.path)) {
                    if (entry.worktree != ' ')
                        content.stage << entry.path;
                } else if (entry.index != ' ' && entry.index != '?') {
                    content.unstage << entry.path;
                }
            }
            auto commit = repo->commit(message, content, author);
            if (!commit)
                return std::unexpected(commit.error());
            return Committed{*commit, repo->currentBranch()};
        });
    auto *watcher = new QFutureWatcher<Result<Committed>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, repository, name = ref.name] {
                watcher->deleteLater();
                m_committing = false;
                const Result<Committed> result = watcher->future().result();
                ui::GitCommitDialog *dialog = m_commitDialog;
                if (dialog)
                    dialog->setEnabled(true);
                refreshChanges();
                if (!result) {
                    if (dialog)
                        dialog->showError(
                            tr("Nothing was committed.\n%1").arg(explain(result.error())));
                    Q_EMIT commitFinished(false);
                    return;
                }
                m_focus = repository; // Push and Pull name it now
                if (dialog) {
                    dialog->summaryEdit()->clear();
                    dialog->bodyEdit()->clear();
                    dialog->accept();
                }
                m_context->window()->showStatusMessage(
                    tr("Committed %1 on %2 in %3").arg(result->id.left(8), result->branch, name));
                m_context->refreshRepositoryStatus();
                updateActions();
                Q_EMIT commitFinished(true);
            });
    m_commitFuture = QFuture<void>(future);
    watcher->setFuture(future);
}

// Branches.

void GitController::openBranches(int repository)
{
    if (repositories().isEmpty())
        return;
    if (!m_branchDialog) {
        m_branchDialog = new ui::GitBranchDialog(m_context->window());
        connect(m_branchDialog, &ui::GitBranchDialog::repositoryChanged, this,
                &GitController::fillBranchDialog);
        connect(m_branchDialog, &ui::GitBranchDialog::checkoutRequested, this,
                &GitController::checkout);
        connect(m_branchDialog, &ui::GitBranchDialog::createRequested, this,
                &GitController::createBranch);
    }
    fillBranchDialog(repository >= 0 ? repository : focusRepository());
    m_branchDialog->messageLabel()->hide();
    showDialog(m_branchDialog);
}

void GitController::fillBranchDialog(int repository)
{
    const QList<RepositoryRef> repos = repositories();
    QStringList names;
    for (const RepositoryRef &ref : repos)
        names << ref.name;
    repository = qBound(0, repository, int(repos.size()) - 1);
    m_branchDialog->setRepositories(names, repository);
    ui::GitBranches branches;
    auto repo = git::Repository::open(repos.value(repository).path);
    if (!repo) {
        branches.error = explain(repo.error());
        m_branchDialog->setBranches(branches);
        return;
    }
    branches.current = repo->currentBranch();
    if (auto local = repo->branches()) {
        for (const git::BranchInfo &info : *local)
            branches.local << info.name;
    } else {
        branches.error = explain(local.error());
    }
    if (auto remote = repo->remoteBranches())
        branches.remote = *remote;
    m_branchDialog->setBranches(branches);
    m_branchDialog->selectBranch(branches.current);
}

void GitController::checkout(int repository, const QString &branch, bool remote)
{
    // Checking out rewrites the working tree under the open session: unsaved edits first.
    if (!m_context->window()->maybeSave()) {
        m_branchDialog->showMessage(
            tr("Nothing was switched: save or discard your unsaved edits first."));
        return;
    }
    const RepositoryRef ref = repositories().value(repository);
    auto repo = git::Repository::open(ref.path);
    Result<void> switched = !repo    ? Result<void>(std::unexpected(repo.error()))
                            : remote ? repo->switchToRemoteBranch(branch)
                                     : repo->switchBranch(branch);
    if (!switched) {
        m_branchDialog->showError(explain(switched.error()));
        return;
    }
    const QString now = repo->currentBranch();
    m_focus = repository;
    m_context->reload();
    fillBranchDialog(repository);
    m_branchDialog->showMessage(tr("%1 is now on %2.").arg(ref.name, now));
    m_context->window()->showStatusMessage(tr("Switched %1 to %2").arg(ref.name, now));
    refreshChanges();
}

void GitController::createBranch(int repository, const QString &name)
{
    const RepositoryRef ref = repositories().value(repository);
    auto repo = git::Repository::open(ref.path);
    // A new branch starts at the current commit: the files stay as they are, edits too.
    Result<void> created = repo ? repo->createBranch(name, git::SwitchTo::Yes)
                                : Result<void>(std::unexpected(repo.error()));
    if (!created) {
        m_branchDialog->showError(explain(created.error()));
        return;
    }
    m_focus = repository;
    fillBranchDialog(repository);
    m_branchDialog->newBranchEdit()->clear();
    m_branchDialog->showMessage(tr("Created %1 and switched %2 to it.").arg(name, ref.name));
    m_context->refreshRepositoryStatus();
    refreshChanges();
}

// Push and pull.

void GitController::push(int repository)
{
    if (m_busy || repositories().isEmpty())
        return;
    if (repository >= 0) {
        m_pushQueue.clear();
        m_pushed.clear();
        pushOne(repository);
        return;
    }
    // Which repository has something to push is decided on a fresh status (a commit made a
    // moment ago counts).
    refreshChangesThen([this] { choosePush(); });
}

QList<int> GitController::pushCandidates() const
{
    QList<int> out;
    const auto &changes = m_changes->changes();
    for (int i = 0; i < changes.size(); ++i) {
        if (changes[i].error.isEmpty() && !changes[i].branch.isEmpty() && changes[i].unpushed > 0)
            out << i;
    }
    return out;
}

GitProgressDialog *GitController::ensureProgressDialog()
{
    if (!m_progressDialog) {
        m_progressDialog = new GitProgressDialog(m_context->window());
        connect(m_progressDialog, &GitProgressDialog::cancelRequested, this,
                &GitController::cancelNetwork);
    }
    return m_progressDialog;
}

void GitController::choosePush()
{
    if (m_busy)
        return;
    const QList<int> candidates = pushCandidates();
    m_pushQueue.clear();
    m_pushed.clear();
    if (candidates.size() == 1) {
        pushOne(candidates.first());
        return;
    }
    const auto &changes = m_changes->changes();
    if (candidates.isEmpty()) {
        GitProgressDialog *dialog = ensureProgressDialog();
        dialog->start(tr("Push"), tr("Looking for commits to push…"));
        showDialog(dialog);
        QStringList branches;
        for (const ui::GitRepositoryChanges &c : changes) {
            if (c.error.isEmpty() && !c.branch.isEmpty())
                branches << tr("%1 (%2)").arg(c.name, c.branch);
        }
        dialog->finish(GitProgressDialog::Outcome::Succeeded,
                       tr("Nothing to push: %1 hold no commits that the remote lacks.")
                           .arg(QLocale().createSeparatedList(branches)));
        Q_EMIT operationFinished(true);
        return;
    }
    // Several: ask which (all of them checked).
    if (!m_pushDialog) {
        m_pushDialog = new ui::GitPushDialog(m_context->window());
        connect(m_pushDialog, &QDialog::accepted, this, [this] {
            if (!m_pushDialog || m_busy)
                return;
            m_pushQueue.clear();
            m_pushed.clear();
            for (int index : m_pushDialog->chosen())
                m_pushQueue << m_pushDialog->candidates().at(index).repository;
            if (!m_pushQueue.isEmpty())
                pushOne(m_pushQueue.takeFirst());
        });
    }
    QList<ui::GitPushCandidate> list;
    for (int i : candidates) {
        const ui::GitRepositoryChanges &c = changes[i];
        list << ui::GitPushCandidate{i, c.name, c.branch, c.unpushed, c.ahead < 0};
    }
    m_pushDialog->setCandidates(list);
    showDialog(m_pushDialog);
    Q_EMIT pushQuestionAsked();
}

// Pushes the current branch of one repository; then the next one of m_pushQueue, if any.
void GitController::pushOne(int repository)
{
    const RepositoryRef ref = repositories().value(repository);
    m_focus = repository;
    updateActions();
    GitProgressDialog *dialog = ensureProgressDialog();
    auto repo = git::Repository::open(ref.path);
    QString branch = repo ? repo->currentBranch() : QString();
    dialog->start(tr("Push"), tr("Pushing %1 of %2…").arg(branch, ref.name));
    showDialog(dialog);
    if (!repo || branch.isEmpty()) {
        failPush(repo ? tr("%1: HEAD is detached: switch to a branch first (Repository ▸ "
                           "Branches…).")
                            .arg(ref.name)
                      : explain(repo.error()));
        return;
    }
    QString remote = QStringLiteral("origin");
    git::SetUpstream setUpstream = git::SetUpstream::Yes;
    if (auto upstream = repo->upstreamOf(branch)) {
        remote = upstream->section(QLatin1Char('/'), 0, 0);
        setUpstream = git::SetUpstream::No;
    }
    auto url = repo->remoteUrl(remote);
    if (!url) {
        failPush(tr("%1 has no remote named %2 to push to.").arg(ref.name, remote));
        return;
    }
    const QString path = ref.path, remoteUrl = *url, name = ref.name;
    runNetwork<void>(
        [path, remote, branch, setUpstream](git::NetworkOptions options) {
            return git::pushAsync(path, remote, branch, setUpstream, std::move(options));
        },
        [this, repository, remoteUrl, remote, branch, name](const Result<void> &result) {
            if (!result &&
                offerRecovery(
                    remoteUrl, result.error(), [this, repository] { pushOne(repository); },
                    [this, result] { failPush(explain(result.error())); }))
                return;
            m_context->refreshRepositoryStatus();
            refreshChanges();
            if (!result) {
                const bool rejected = result.error().code == Error::Code::Rejected;
                failPush(explain(result.error()), rejected ? repository : -1);
                return;
            }
            rememberWorkingToken(remoteUrl);
            const QString done = tr("Pushed %1 of %2 to %3.").arg(branch, name, remote);
            m_pushed << done;
            m_context->window()->showStatusMessage(done);
            if (!m_pushQueue.isEmpty()) {
                pushOne(m_pushQueue.takeFirst());
                return;
            }
            if (m_progressDialog)
                m_progressDialog->finish(GitProgressDialog::Outcome::Succeeded,
                                         m_pushed.join(QLatin1Char('\n')));
            m_pushed.clear();
            Q_EMIT operationFinished(true);
        },
        [this](const git::TransferProgress &p) {
            if (m_progressDialog)
                m_progressDialog->setProgress(p);
        });
}

// A push failed: says so, with what was pushed before it and what was left out; a rejected
// push (pullRepository >= 0) offers to pull.
void GitController::failPush(const QString &message, int pullRepository)
{
    QString text = message;
    if (!m_pushed.isEmpty())
        text = m_pushed.join(QLatin1Char('\n')) + QLatin1Char('\n') + text;
    if (!m_pushQueue.isEmpty()) {
        QStringList left;
        const QList<RepositoryRef> repos = repositories();
        for (int r : std::as_const(m_pushQueue))
            left << repos.value(r).name;
        text += QLatin1Char('\n') + tr("Not pushed: %1.").arg(QLocale().createSeparatedList(left));
    }
    m_pushQueue.clear();
    m_pushed.clear();
    if (GitProgressDialog *dialog = m_progressDialog) {
        dialog->finish(GitProgressDialog::Outcome::Failed, text,
                       pullRepository >= 0 ? tr("Pull Now") : QString());
        disconnect(dialog, &GitProgressDialog::nextStepRequested, this, nullptr);
        if (pullRepository >= 0)
            connect(
                dialog, &GitProgressDialog::nextStepRequested, this,
                [this, pullRepository] { pull(pullRepository); }, Qt::SingleShotConnection);
    }
    Q_EMIT operationFinished(false);
}

void GitController::pull(int repository)
{
    if (m_busy || repositories().isEmpty())
        return;
    if (repository < 0)
        repository = focusRepository();
    // A pull rewrites the working tree under the open session: unsaved edits first.
    if (!m_context->window()->maybeSave())
        return;
    const RepositoryRef ref = repositories().value(repository);
    m_focus = repository;
    updateActions();
    GitProgressDialog *dialog = ensureProgressDialog();
    auto repo = git::Repository::open(ref.path);
    const QString branch = repo ? repo->currentBranch() : QString();
    dialog->start(tr("Pull"), tr("Pulling %1 of %2…").arg(branch, ref.name));
    showDialog(dialog);
    auto upstream = repo ? repo->upstreamOf(branch) : Result<QString>(QString());
    if (!repo || branch.isEmpty() || !upstream) {
        dialog->finish(GitProgressDialog::Outcome::Failed,
                       !repo              ? explain(repo.error())
                       : branch.isEmpty() ? tr("HEAD is detached: switch to a branch first "
                                               "(Repository ▸ Branches…).")
                                          : tr("%1 has no upstream branch to pull from: push it "
                                               "first (Repository ▸ Push).")
                                                .arg(branch));
        Q_EMIT operationFinished(false);
        return;
    }
    const QString remote = upstream->section(QLatin1Char('/'), 0, 0);
    const QString remoteUrl = repo->remoteUrl(remote).value_or(QString());
    const git::PullStrategy strategy =
        m_context->settings().value(QStringLiteral("git/pullStrategy")).toString() ==
                QLatin1String("rebase")
            ? git::PullStrategy::Rebase
            : git::PullStrategy::Merge;
    const QString path = ref.path;
    runNetwork<git::PullResult>(
        [path, strategy](git::NetworkOptions options) {
            return git::pullAsync(path, strategy, std::move(options));
        },
        [this, repository, remoteUrl, branch](const Result<git::PullResult> &result) {
            if (!result && offerRecovery(
                               remoteUrl, result.error(), [this, repository] { pull(repository); },
                               [this, result] {
                                   if (m_progressDialog)
                                       m_progressDialog->finish(GitProgressDialog::Outcome::Failed,
                                                                explain(result.error()));
                                   Q_EMIT operationFinished(false);
                               }))
                return;
            GitProgressDialog *dialog = m_progressDialog;
            auto finish = [dialog](GitProgressDialog::Outcome outcome, const QString &text) {
                if (dialog)
                    dialog->finish(outcome, text);
            };
            if (!result) {
                finish(GitProgressDialog::Outcome::Failed, explain(result.error()));
                m_context->refreshRepositoryStatus();
                Q_EMIT operationFinished(false);
                return;
            }
            rememberWorkingToken(remoteUrl);
            using Outcome = git::PullResult::Outcome;
            switch (result->outcome) {
            case Outcome::UpToDate:
                finish(GitProgressDialog::Outcome::Succeeded,
                       tr("%1 is already up to date.").arg(branch));
                break;
            case Outcome::FastForwarded:
                finish(GitProgressDialog::Outcome::Succeeded,
                       tr("%1 now has the remote's commits (fast-forward).").arg(branch));
                break;
            case Outcome::Merged:
                finish(GitProgressDialog::Outcome::Succeeded,
                       tr("Merged the remote's commits into %1.").arg(branch));
                break;
            case Outcome::Rebased:
                finish(GitProgressDialog::Outcome::Succeeded,
                       tr("Put your commits on top of the remote's (rebase)."));
                break;
            case Outcome::Conflicts:
                finish(GitProgressDialog::Outcome::Failed,
                       tr("Your commits and the remote's change the same lines in:\n  %1\n"
                          "Nothing was changed: your files, branch and commits are as they "
                          "were. Resolve it in a terminal (git pull, fix the files, git "
                          "commit), or ask the author of the other commits.")
                           .arg(scrub(result->conflicts.join(QStringLiteral("\n  ")))));
                m_context->refreshRepositoryStatus();
                Q_EMIT operationFinished(false);
                return;
            }
            if (result->outcome != Outcome::UpToDate)
                m_context->reload();
            m_context->refreshRepositoryStatus();
            refreshChanges();
            Q_EMIT operationFinished(true);
        },
        [this](const git::TransferProgress &p) {
            if (m_progressDialog)
                m_progressDialog->setProgress(p);
        });
}

} // namespace kanri::app

#include "publish/publishflow.h"

#include "core/workerpool.h"
#include "github/githubremote.h"
#include "platform/session.h"
#include "platform/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtConcurrentRun>

namespace kanri::platform {

namespace {

// The free functions' texts: lupdate files an unqualified tr() outside a class under the
// namespace.
QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::platform", text);
}

bool isUnder(const QString &path, const QString &root)
{
    return !root.isEmpty() && path.startsWith(QDir::cleanPath(root) + QLatin1Char('/'));
}

QString shortId(const QString &commit)
{
    return commit.left(8);
}

} // namespace

bool PublishOutcome::anythingCommitted() const
{
    return std::any_of(steps.begin(), steps.end(),
                       [](const PublishStepOutcome &s) { return !s.commit.isEmpty(); });
}

Result<QList<PublishStep>> splitPlan(const WizardPlan &plan, const Workspace &workspace)
{
    QList<PublishStep> steps;
    for (const RepositorySpec &spec : workspace.repositories) {
        PublishStep step;
        step.repository = spec.name;
        step.path = QDir::cleanPath(workspace.repositoryPath(spec));
        step.baseBranch = spec.defaultBranch;
        for (const PlannedFile &f : plan.files) {
            if (isUnder(QDir::cleanPath(f.path), step.path)) {
                step.files << QDir::cleanPath(f.path);
                step.displayFiles << QDir(step.path).relativeFilePath(QDir::cleanPath(f.path));
            }
        }
        if (!step.files.isEmpty())
            steps << step;
    }
    // The accounts repository first: its pull request is the one the others link to.
    std::stable_sort(steps.begin(), steps.end(), [&](const PublishStep &a, const PublishStep &b) {
        const RepositorySpec *accounts = workspace.repository(RepositoryRole::Accounts);
        const QString name = accounts ? accounts->name : QString();
        return (a.repository == name) > (b.repository == name);
    });
    qsizetype covered = 0;
    for (const PublishStep &s : std::as_const(steps))
        covered += s.files.size();
    if (covered != plan.files.size())
        return fail(Error::Code::Usage,
                    tr("the change has files outside the workspace's repositories"));
    return steps;
}

QString checkBranchName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return tr("The branch needs a name.");
    static const QRegularExpression bad(QStringLiteral(R"([\s~^:?*\[\\]|\.\.|@\{|//)"));
    if (bad.match(name).hasMatch())
        return tr("A branch name cannot contain spaces, \"..\", \"//\", \"@{\" or any of ~ ^ : ? "
                  "* [ \\.");
    if (name.startsWith(QLatin1Char('-')) || name.startsWith(QLatin1Char('/')) ||
        name.endsWith(QLatin1Char('/')) || name.endsWith(QLatin1Char('.')) ||
        name.endsWith(QLatin1String(".lock")) || name == QLatin1String("@"))
        return tr("A branch name cannot start with - or /, nor end with /, . or .lock.");
    for (const QString &part : name.split(QLatin1Char('/')))
        if (part.startsWith(QLatin1Char('.')))
            return tr("No part of a branch name can start with a dot.");
    return {};
}

// --- the flow ---------------------------------------------------------------------------------

PublishFlow::PublishFlow(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_tokens(std::make_shared<credentials::TokenStore>())
{}

void PublishFlow::setTokens(std::shared_ptr<credentials::TokenStore> tokens)
{
    m_tokens = tokens ? std::move(tokens) : std::make_shared<credentials::TokenStore>();
    if (!m_running) { // a running flow finishes with the tokens it started with
        delete m_client;
        m_client = nullptr;
    }
}

PublishFlow::~PublishFlow()
{
    m_stop.request_stop();
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->waitForFinished();
    }
    delete m_pullContext;
}

QString PublishFlow::doneSoFar() const
{
    QStringList done;
    for (const PublishStepOutcome &s : m_outcome.steps) {
        if (s.commit.isEmpty())
            continue;
        QString line = s.pushed ? tr("%1: committed %2 on branch %3 and pushed it")
                                      .arg(s.repository, shortId(s.commit), s.branch)
                                : tr("%1: committed %2 on branch %3 (not pushed)")
                                      .arg(s.repository, shortId(s.commit), s.branch);
        if (s.carried)
            line += tr(", starting from origin/%1 (%2), not from the branch you were on")
                        .arg(s.baseBranch, shortId(s.baseCommit));
        if (s.pullNumber > 0)
            line +=
                s.pullExisted
                    ? tr("; pull request #%1 was already open: %2").arg(s.pullNumber).arg(s.pullUrl)
                    : tr("; opened pull request #%1: %2").arg(s.pullNumber).arg(s.pullUrl);
        done << line + QLatin1Char('.');
    }
    return done.join(QLatin1Char('\n'));
}

QString PublishFlow::scrub(const QString &text) const
{
    return git::scrubSecrets(text, m_tokens->secrets());
}

QString PublishFlow::signInHint(const QString &url) const
{
    const QString host = QUrl(url).host();
    return tr("%1 refused the credentials: sign in from Repository ▸ Push first (it asks for a "
              "token for %1), then try again.")
        .arg(host.isEmpty() ? git::scrubSecrets(url) : host);
}

bool PublishFlow::askToSignIn(const QString &url, const Error &error, std::function<void()> retry,
                              std::function<void()> giveUp)
{
    if (!m_tokens->hasPrompt() || error.code != Error::Code::Auth || m_stop.stop_requested())
        return false;
    Q_EMIT progress(tr("Waiting for a token for %1…").arg(QUrl(url).host()), -1);
    return m_tokens->askForToken(url, error, std::move(retry), std::move(giveUp));
}

git::NetworkOptions PublishFlow::networkOptions(const QString &repository, const QString &doing)
{
    git::NetworkOptions options;
    options.stop = m_stop.get_token();
    options.tokens = m_tokens;
    QPointer<PublishFlow> self(this);
    options.progress = [self, repository, doing](const git::TransferProgress &p) {
        const int percent = p.totalObjects ? int(100.0 * p.receivedObjects / p.totalObjects) : -1;
        QMetaObject::invokeMethod(
            self.get(),
            [self, repository, doing, percent] {
                if (self)
                    Q_EMIT self->progress(tr("%1: %2…").arg(repository, doing), percent);
            },
            Qt::QueuedConnection);
    };
    return options;
}

void PublishFlow::start(PublishRequest request)
{
    if (m_running || !m_session)
        return;
    m_request = std::move(request);
    m_outcome = {};
    m_remoteUrls.clear();
    m_contents.clear();
    m_plans.clear();
    m_index = 0;
    m_stop = std::stop_source();
    m_running = true;
    for (const PublishStep &s : std::as_const(m_request.steps)) {
        if (const QString why = checkBranchName(s.branch); !why.isEmpty()) {
            finish(false, tr("%1: %2").arg(s.repository, why));
            return;
        }
        if (s.commitMessage.trimmed().isEmpty()) {
            finish(false, tr("%1: the commit needs a message.").arg(s.repository));
            return;
        }
    }
    // What the change is: the wizard's files as the buffers hold them now.
    const QHash<QString, std::optional<QByteArray>> edited = m_session->buffers()->overlay();
    for (const PublishStep &s : std::as_const(m_request.steps)) {
        QHash<QString, std::optional<QByteArray>> files;
        for (const QString &f : s.files) {
            std::optional<QByteArray> content;
            if (edited.contains(f))
                content = edited.value(f);
            else if (auto bytes = m_session->buffers()->read(f))
                content = *bytes;
            files.insert(QDir(s.path).relativeFilePath(f), content);
        }
        m_contents << files;
    }
    runPreflight();
}

void PublishFlow::runPreflight()
{
    Q_EMIT progress(tr("Checking the repositories…"), -1);
    // Before anything changes: every repository has an origin, no branch of that name, and
    // nothing else staged (the commit must hold the wizard's files only); then origin is
    // fetched, its default branch found, and the change checked against it.
    const QList<PublishStep> steps = m_request.steps;
    const QList<QHash<QString, std::optional<QByteArray>>> contents = m_contents;
    QList<git::NetworkOptions> options;
    for (const PublishStep &step : steps)
        options << networkOptions(step.repository, tr("fetching origin"));
    m_watcher = std::make_unique<QFutureWatcher<GitResult>>();
    connect(m_watcher.get(), &QFutureWatcherBase::finished, this, &PublishFlow::preflightDone);
    m_watcher->setFuture(QtConcurrent::run(taskPool(), [steps, contents, options] {
        GitResult out;
        const auto failAt = [&out](const PublishStep &step, Error error, GitResult::Stage stage) {
            out.error = std::move(error);
            out.failedRepository = step.repository;
            out.stage = stage;
        };
        for (const PublishStep &step : steps) {
            auto repo = git::Repository::open(step.path);
            if (!repo) {
                failAt(step, repo.error(), GitResult::Stage::Check);
                return out;
            }
            auto url = repo->remoteUrl(QStringLiteral("origin"));
            if (!url) {
                failAt(step,
                       Error{tr("%1 has no remote called origin to push to").arg(step.repository),
                             {},
                             0,
                             0,
                             Error::Code::NotFound},
                       GitResult::Stage::Check);
                return out;
            }
            out.remoteUrls << *url;
            if (repo->hasLocalBranch(step.branch)) {
                failAt(step,
                       Error{tr("%1 already has a branch %2: choose another name")
                                 .arg(step.repository, step.branch),
                             {},
                             0,
                             0,
                             Error::Code::Rejected},
                       GitResult::Stage::Check);
                return out;
            }
            auto status = repo->status();
            if (!status) {
                failAt(step, status.error(), GitResult::Stage::Check);
                return out;
            }
            QStringList others;
            for (const git::StatusEntry &e : *status) {
                const QString abs = QDir::cleanPath(QDir(step.path).filePath(e.path));
                if (e.index != ' ' && e.index != '?' && !step.files.contains(abs))
                    others << e.path;
            }
            if (!others.isEmpty()) {
                failAt(step,
                       Error{tr("%1 has other staged changes (%2): commit or unstage them "
                                "first, so that the commit holds only this change")
                                 .arg(step.repository, others.join(QStringLiteral(", "))),
                             {},
                             0,
                             0,
                             Error::Code::Rejected},
                       GitResult::Stage::Check);
                return out;
            }
        }
        // Network and planning: still nothing changes but the remote-tracking branches.
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const PublishStep &step = steps.at(i);
            auto repo = git::Repository::open(step.path);
            if (!repo) {
                failAt(step, repo.error(), GitResult::Stage::Check);
                return out;
            }
            auto branch =
                repo->fetchDefaultBranch(QStringLiteral("origin"), options.at(i), step.baseBranch);
            if (!branch) {
                out.failedUrl = out.remoteUrls.value(i);
                failAt(step, branch.error(), GitResult::Stage::Fetch);
                return out;
            }
            PublishStepPlan plan;
            plan.defaultBranch = *branch;
            auto base = repo->resolveCommit(QStringLiteral("refs/remotes/origin/") + *branch);
            if (!base) {
                failAt(step, base.error(), GitResult::Stage::Fetch);
                return out;
            }
            plan.baseCommit = *base;
            auto head = repo->headCommit();
            if (!head || *head != *base) {
                auto carried = repo->planCarry(*base, contents.at(i));
                if (!carried) {
                    out.plans << plan;
                    failAt(step, carried.error(), GitResult::Stage::Plan);
                    return out;
                }
                plan.carry = true;
                plan.change = *carried;
            }
            out.plans << plan;
        }
        return out;
    }));
}

void PublishFlow::preflightDone()
{
    const GitResult result = m_watcher->result();
    m_watcher.reset();
    if (result.error && result.error->code == Error::Code::Cancelled) {
        m_outcome.cancelled = true;
        finish(false, tr("Cancelled: nothing was saved or committed."));
        return;
    }
    if (result.error) {
        const Error &error = *result.error;
        QString message;
        switch (result.stage) {
        case GitResult::Stage::Check:
            message = scrub(error.toString());
            break;
        case GitResult::Stage::Fetch:
            message = tr("%1: the default branch could not be fetched from origin: %2. Nothing "
                         "was saved or committed.")
                          .arg(result.failedRepository, scrub(error.message));
            if (error.code == Error::Code::Auth) {
                if (askToSignIn(
                        result.failedUrl, error, [this] { runPreflight(); },
                        [this, message] { finish(false, message); }))
                    return;
                if (!result.failedUrl.isEmpty())
                    message += QLatin1Char(' ') + signInHint(result.failedUrl);
            }
            break;
        case GitResult::Stage::Plan:
            message =
                tr("%1: the branch cannot start from origin/%2: %3. Nothing was saved or "
                   "committed; your files and edits are as they were.")
                    .arg(result.failedRepository,
                         result.plans.isEmpty() ? QString() : result.plans.last().defaultBranch,
                         scrub(error.message));
            break;
        }
        finish(false, message);
        return;
    }
    if (m_stop.stop_requested()) {
        m_outcome.cancelled = true;
        finish(false, tr("Cancelled: nothing was saved or committed."));
        return;
    }
    m_remoteUrls = result.remoteUrls;
    m_plans = result.plans;
    for (const QString &url : std::as_const(m_remoteUrls))
        (void)m_tokens->tokenWorked(credentials::hostOfUrl(QUrl(url)));
    // The pull requests target the default branch the remote names.
    for (qsizetype i = 0; i < m_request.steps.size() && i < m_plans.size(); ++i)
        m_request.steps[i].baseBranch = m_plans.at(i).defaultBranch;
    // Save exactly the wizard's files (other unsaved edits stay unsaved).
    Q_EMIT progress(tr("Saving the files…"), -1);
    QStringList files;
    for (const PublishStep &s : std::as_const(m_request.steps))
        files << s.files;
    if (!m_session) {
        finish(false, tr("The workspace was closed: nothing was saved or committed."));
        return;
    }
    if (auto saved = m_session->buffers()->save(files); !saved) {
        finish(false, tr("Saving failed, nothing was committed: %1").arg(saved.error().toString()));
        return;
    }
    m_outcome.saved = true;
    nextGitStep();
}

void PublishFlow::nextGitStep()
{
    if (m_index >= m_request.steps.size()) {
        m_index = 0;
        if (!m_request.openPullRequests) {
            finish(true);
            return;
        }
        nextPull();
        return;
    }
    if (m_stop.stop_requested()) {
        m_outcome.cancelled = true;
        finish(false, tr("Cancelled."));
        return;
    }
    runGitStep(false);
}

void PublishFlow::runGitStep(bool pushOnly)
{
    const PublishStep step = m_request.steps.at(m_index);
    const PublishStepPlan plan = m_plans.value(m_index);
    const std::optional<git::Signature> author = m_request.author;
    const QString committed = pushOnly && m_index < m_outcome.steps.size()
                                  ? m_outcome.steps.at(m_index).commit
                                  : QString();
    Q_EMIT progress(pushOnly ? tr("%1: pushing…").arg(step.repository)
                             : tr("%1: committing on branch %2…").arg(step.repository, step.branch),
                    -1);
    const git::NetworkOptions options = networkOptions(step.repository, tr("pushing"));
    m_watcher = std::make_unique<QFutureWatcher<GitResult>>();
    connect(m_watcher.get(), &QFutureWatcherBase::finished, this, &PublishFlow::gitStepDone);
    m_watcher->setFuture(QtConcurrent::run(taskPool(), [step, plan, author, options, pushOnly,
                                                        committed] {
        GitResult out;
        auto repo = git::Repository::open(step.path);
        if (!repo) {
            out.error = repo.error();
            out.failedStep = tr("opening the repository");
            out.commit = committed;
            out.switched = pushOnly;
            return out;
        }
        if (pushOnly) {
            out.commit = committed;
            out.switched = true;
        } else if (plan.carry) {
            // One step: the commit on the default branch, then the switch to it (a conflict
            // stops it before anything is written).
            auto commit = repo->commitCarried(step.branch, plan.change, step.commitMessage, author);
            if (!commit) {
                out.error = commit.error();
                out.failedStep = tr("creating the branch from origin/%1").arg(plan.defaultBranch);
                return out;
            }
            out.switched = true;
            out.commit = *commit;
        } else {
            if (auto r = repo->createBranch(step.branch, git::SwitchTo::Yes); !r) {
                out.error = r.error();
                out.failedStep = tr("creating the branch");
                return out;
            }
            out.switched = true;
            git::CommitContent content;
            for (const QString &f : step.files)
                content.stage << QDir(step.path).relativeFilePath(f);
            // Staged with the commit: when it fails, the index is as it was.
            auto commit = repo->commit(step.commitMessage, content, author);
            if (!commit) {
                out.error = commit.error();
                out.failedStep = tr("committing");
                return out;
            }
            out.commit = *commit;
        }
        if (auto r = repo->push(QStringLiteral("origin"), step.branch, true, options); !r) {
            out.error = r.error();
            out.failedStep = tr("pushing");
            return out;
        }
        out.pushed = true;
        return out;
    }));
}

void PublishFlow::gitStepDone()
{
    const GitResult result = m_watcher->result();
    m_watcher.reset();
    const PublishStep &step = m_request.steps.at(m_index);
    const PublishStepPlan plan = m_plans.value(m_index);
    PublishStepOutcome done;
    done.repository = step.repository;
    done.branch = step.branch;
    done.baseBranch = plan.defaultBranch;
    done.baseCommit = plan.baseCommit;
    done.carried = plan.carry;
    done.commit = result.commit;
    done.pushed = result.pushed;
    if (m_index < m_outcome.steps.size())
        m_outcome.steps[m_index] = done;
    else
        m_outcome.steps << done;
    if (result.error) {
        const bool cancelled = result.error->code == Error::Code::Cancelled;
        m_outcome.cancelled = cancelled;
        QString what = scrub(result.error->message);
        QString failure;
        if (!result.commit.isEmpty())
            failure = cancelled
                          ? tr("%1: committed %2 on branch %3; the push was cancelled. Push "
                               "it from Repository ▸ Push.")
                                .arg(step.repository, shortId(result.commit), step.branch)
                          : tr("%1: committed %2 on branch %3, push failed: %4. Push again "
                               "from Repository ▸ Push.")
                                .arg(step.repository, shortId(result.commit), step.branch, what);
        else if (result.switched)
            failure = tr("%1: switched to the new branch %2, %3 failed: %4. The files are saved; "
                         "commit them from Repository ▸ Commit.")
                          .arg(step.repository, step.branch, result.failedStep, what);
        else
            failure = tr("%1: %2 failed: %3. The files are saved but not committed.")
                          .arg(step.repository, result.failedStep, what);
        // A refused push: ask for a token like Repository ▸ Push does, then push again.
        const QString url = m_remoteUrls.value(m_index);
        if (result.pushed == false && !result.commit.isEmpty() &&
            result.error->code == Error::Code::Auth) {
            if (askToSignIn(
                    url, *result.error, [this] { runGitStep(true); },
                    [this, failure] { finish(false, failure); }))
                return;
            failure += QLatin1Char(' ') + signInHint(url);
        }
        finish(false, failure);
        return;
    }
    (void)m_tokens->tokenWorked(credentials::hostOfUrl(QUrl(m_remoteUrls.value(m_index))));
    ++m_index;
    nextGitStep();
}

github::Client *PublishFlow::clientFor(const QString &remoteUrl)
{
    const github::ClientOptions options =
        github::ClientOptions::forRemote(remoteUrl, m_configuredApiBase);
    if (m_client && m_client->options().apiBase == options.apiBase)
        return m_client;
    delete m_client;
    m_client = new github::Client(options, m_tokens, this);
    return m_client;
}

void PublishFlow::nextPull()
{
    if (m_index >= m_request.steps.size()) {
        linkBack();
        return;
    }
    if (m_stop.stop_requested()) {
        m_outcome.cancelled = true;
        finish(false, tr("Cancelled before every pull request was opened."));
        return;
    }
    const PublishStep &step = m_request.steps.at(m_index);
    const QString url = m_remoteUrls.value(m_index);
    const auto ref = github::repoForRemote(url);
    if (!ref) {
        finish(false, tr("%1: the remote %2 is not a GitHub repository; open the pull request "
                         "there by hand.")
                          .arg(step.repository, git::scrubSecrets(url)));
        return;
    }
    github::NewPullRequest pull;
    pull.title = step.title;
    pull.body = step.body;
    // The earlier pull requests of the same change.
    QStringList links;
    for (int i = 0; i < m_index; ++i)
        if (m_outcome.steps.value(i).pullNumber > 0)
            links << tr("- %1: %2")
                         .arg(m_outcome.steps.at(i).repository, m_outcome.steps.at(i).pullUrl);
    if (!links.isEmpty())
        pull.body += QStringLiteral("\n\n") + tr("Part of the same change:") + QLatin1Char('\n') +
                     links.join(QLatin1Char('\n'));
    pull.head = step.branch;
    pull.base = step.baseBranch;
    Q_EMIT progress(tr("%1: opening the pull request…").arg(step.repository), -1);
    delete m_pullContext;
    auto *context = new QObject(this);
    m_pullContext = context;
    clientFor(url)->createPull(
        *ref, pull, context, [this, context](github::ApiResult<github::CreatedPullRequest> r) {
            context->deleteLater();
            const PublishStep &s = m_request.steps.at(m_index);
            if (!r) {
                finish(false, tr("%1: the pull request could not be opened: %2. Open it from "
                                 "Pull Requests ▸ Create Pull Request.")
                                  .arg(s.repository, r.error().toString()));
                return;
            }
            PublishStepOutcome &o = m_outcome.steps[m_index];
            o.pullNumber = r->pull.number;
            o.pullUrl = r->pull.htmlUrl;
            o.pullExisted = r->origin == github::CreatedPullRequest::Origin::AlreadyExisted;
            ++m_index;
            nextPull();
        });
}

void PublishFlow::linkBack()
{
    // The first pull request learns the others' addresses (GitHub has no link between pull
    // requests of different repositories: an edit of its body).
    if (m_outcome.steps.size() < 2 || m_outcome.steps.first().pullExisted) {
        finish(true);
        return;
    }
    const PublishStepOutcome &first = m_outcome.steps.first();
    const auto ref = github::repoForRemote(m_remoteUrls.value(0));
    if (!ref) {
        finish(true);
        return;
    }
    QStringList links;
    for (int i = 1; i < m_outcome.steps.size(); ++i)
        links
            << tr("- %1: %2").arg(m_outcome.steps.at(i).repository, m_outcome.steps.at(i).pullUrl);
    const QString body = m_request.steps.first().body + QStringLiteral("\n\n") +
                         tr("Part of the same change:") + QLatin1Char('\n') +
                         links.join(QLatin1Char('\n'));
    github::Client::Request request;
    request.method = "PATCH";
    request.path = QStringLiteral("/repos/%1/%2/pulls/%3")
                       .arg(github::pathSegment(ref->owner), github::pathSegment(ref->name))
                       .arg(first.pullNumber);
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("body"), body}}).toJson();
    Q_EMIT progress(tr("%1: linking the pull requests…").arg(first.repository), -1);
    delete m_pullContext;
    auto *context = new QObject(this);
    m_pullContext = context;
    clientFor(m_remoteUrls.value(0))
        ->send(request, context, [this, context](github::ApiResult<github::Client::Response> r) {
            context->deleteLater();
            if (!r) {
                finish(true, tr("The first pull request does not link to the others yet (%1): "
                                "add the link by hand.")
                                 .arg(r.error().toString()));
                return;
            }
            finish(true);
        });
}

void PublishFlow::finish(bool ok, const QString &failure)
{
    m_outcome.ok = ok;
    QStringList text;
    if (const QString done = doneSoFar(); !done.isEmpty())
        text << done;
    else if (m_outcome.saved && !ok)
        text << tr("The wizard's files are saved.");
    if (!failure.isEmpty())
        text << failure;
    if (ok && text.isEmpty())
        text << tr("Done.");
    m_outcome.message = text.join(QLatin1Char('\n'));
    m_running = false;
    Q_EMIT progress(ok ? tr("Done") : tr("Stopped"), ok ? 100 : 0);
    Q_EMIT finished(m_outcome);
}

void PublishFlow::cancel()
{
    if (!m_running)
        return;
    m_stop.request_stop();
    if (m_pullContext) {
        // A GitHub call in flight: its answer is dropped. Whether GitHub opened it is unknown.
        delete m_pullContext;
        m_outcome.cancelled = true;
        finish(false, tr("Cancelled while opening the pull requests; check GitHub for what was "
                         "opened."));
    }
}

} // namespace kanri::platform

#include "app/githubcreatecontroller.h"

#include "app/appcontext.h"
#include "app/githubcontroller.h"
#include "app/runoffthread.h"
#include "git/gitrepository.h"
#include "git/gitsnapshot.h"
#include "platform/deploymentsmodel.h"
#include "platform/session.h"
#include "publish/publishimpact.h"
#include "publish/publishtext.h"
#include "review/reviewchange.h"
#include "ui/github/prcreatedialog.h"
#include "ui/main/mainwindow.h"

#include <QDir>
#include <QDockWidget>

namespace kanri::app {

using github::ApiResult;

namespace {

struct DraftOutcome
{
    Result<platform::PullDraft> draft;
    QString branch;
};

} // namespace

GitHubCreateController::GitHubCreateController(GitHubController *github)
    : QObject(github)
    , m_github(github)
    , m_context(github->context())
{}

ui::PrCreateDialog *GitHubCreateController::dialog() const
{
    return m_dialog;
}

void GitHubCreateController::open()
{
    const QList<GitHubController::RepoInfo> repos = m_github->repositories();
    if (!m_dialog) {
        m_dialog = new ui::PrCreateDialog(m_context->window());
        connect(m_dialog, &ui::PrCreateDialog::repositoryChanged, this,
                &GitHubCreateController::draftFor);
        connect(m_dialog, &ui::PrCreateDialog::createRequested, this,
                &GitHubCreateController::sendCreate);
        connect(m_dialog, &ui::PrCreateDialog::openUrlRequested, m_github,
                &GitHubController::openUrl);
    }
    QStringList names;
    QString current;
    for (const GitHubController::RepoInfo &info : repos) {
        names << info.name;
        // Propose the repository whose branch is not the default one: that is the change.
        if (current.isEmpty())
            if (auto repo = git::Repository::open(info.path);
                repo && repo->currentBranch() != info.defaultBranch)
                current = info.name;
    }
    if (current.isEmpty() && !names.isEmpty())
        current = names.first();
    m_dialog->setRepositories(names, current);
    m_dialog->show();
    m_dialog->raise();
    if (names.isEmpty()) {
        m_dialog->showError(GitHubController::tr("No repository of this workspace is on GitHub."));
        return;
    }
    draftFor(current);
}

void GitHubCreateController::draftFor(const QString &repositoryName)
{
    const auto info = m_github->repository(repositoryName);
    if (!info || !m_dialog)
        return;
    m_dialog->setBusy(GitHubController::tr("Reading the change to describe it…"));
    const QString path = info->path, base = info->defaultBranch;
    runOffThread<DraftOutcome>(
        m_dialog,
        [path, base, repositoryName] {
            DraftOutcome out{platform::draftPull(path, base), {}};
            // What the pushed commits do to the Terraform instances, after the rendered diff.
            if (out.draft && !out.draft->body.isEmpty())
                if (auto mergeBase = git::Snapshot::mergeBase(
                        path, QStringLiteral("refs/remotes/origin/") + base, out.draft->pushedRef))
                    if (const QString impact = platform::revisionImpactSection(
                            path, repositoryName, *mergeBase, out.draft->pushedRef);
                        !impact.isEmpty())
                        out.draft->body += QStringLiteral("\n\n") + impact;
            if (auto repo = git::Repository::open(path))
                out.branch = repo->currentBranch();
            return out;
        },
        [this, repositoryName, base, path](DraftOutcome outcome) {
            if (!m_dialog || m_dialog->repository() != repositoryName)
                return;
            if (!outcome.draft) {
                if (outcome.draft.error().code == Error::Code::NotFound)
                    m_dialog->showNotPushed(outcome.branch, outcome.draft.error().message);
                else
                    m_dialog->showError(outcome.draft.error().message);
            } else {
                QStringList warnings;
                if (outcome.draft->hasUnpushedCommits)
                    warnings << GitHubController::tr("%1 has commits that are not pushed; the "
                                                     "pull request shows what is on the remote.")
                                    .arg(outcome.draft->branch);
                if (outcome.draft->branch == base)
                    warnings << GitHubController::tr(
                                    "%1 is the base branch: switch to the branch to propose.")
                                    .arg(base);
                if (!outcome.draft->note.isEmpty())
                    warnings << GitHubController::tr("No generated description: %1")
                                    .arg(outcome.draft->note);
                // The manifests pull request names the clusters its overlays reach (Argo CD).
                QString body = outcome.draft->body;
                const platform::Session *session = m_context->session();
                const platform::DeploymentsModel *deployments = m_context->window()->deployments();
                if (session && deployments &&
                    QDir::cleanPath(path) == QDir::cleanPath(session->catalog().manifestsRoot)) {
                    const QString deploys = platform::deploysToText(
                        platform::reachedBy(deployments->map(), outcome.draft->overlays));
                    if (!deploys.isEmpty())
                        body += QStringLiteral("\n\n") + deploys;
                }
                m_dialog->setDraft(outcome.draft->branch, base, outcome.draft->title, body,
                                   warnings.join(QLatin1Char(' ')));
            }
            Q_EMIT m_github->draftReady();
        });
}

void GitHubCreateController::sendCreate()
{
    const auto info = m_dialog ? m_github->repository(m_dialog->repository()) : std::nullopt;
    if (!info)
        return;
    github::NewPullRequest request;
    request.title = m_dialog->title();
    request.body = m_dialog->body();
    request.head = m_dialog->head();
    request.base = m_dialog->base();
    request.draft = m_dialog->isDraft();
    m_dialog->setBusy(GitHubController::tr("Creating the pull request…"));
    delete m_createContext;
    auto *context = new QObject(m_dialog);
    m_createContext = context;
    m_github->clientFor(info->url)->createPull(
        info->ref, request, context,
        [this, context](ApiResult<github::CreatedPullRequest> created) {
            context->deleteLater();
            if (!m_dialog)
                return;
            if (!created) {
                m_dialog->showError(created.error().toString());
            } else if (created->origin == github::CreatedPullRequest::Origin::AlreadyExisted) {
                m_dialog->showExisting(created->pull.number, QUrl(created->pull.htmlUrl));
            } else {
                m_dialog->showCreated(created->pull.number, QUrl(created->pull.htmlUrl));
                m_context->window()->showStatusMessage(
                    GitHubController::tr("Created pull request #%1").arg(created->pull.number));
                if (m_github->queueDock()->isVisible())
                    m_github->refresh();
            }
            Q_EMIT m_github->createFinished();
        });
}

} // namespace kanri::app

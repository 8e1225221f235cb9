#include "app/publishcontroller.h"

#include "app/appcontext.h"
#include "app/commitauthor.h"
#include "git/gitrepository.h"
#include "platform/deploymentsmodel.h"
#include "platform/session.h"
#include "platform/workspace.h"
#include "publish/publishimpact.h"
#include "ui/main/mainwindow.h"

#include <QDir>
#include <QSettings>

namespace kanri::app {

PublishController::PublishController(AppContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

PublishController::~PublishController()
{
    if (m_flow)
        m_flow->cancel();
}

void PublishController::setTokens(std::shared_ptr<credentials::TokenStore> tokens)
{
    m_tokens = std::move(tokens);
}

void PublishController::setCommitAuthor(CommitAuthor *author)
{
    m_commitAuthor = author;
}

void PublishController::offer(const QString &what, const platform::WizardPlan &plan,
                              const TextFor &text)
{
    const platform::Workspace *ws = m_context->workspace();
    if (!ws || (m_flow && m_flow->isRunning()))
        return;
    auto steps = platform::splitPlan(plan, *ws);
    if (!steps) {
        m_context->reportError(what, steps.error().toString());
        return;
    }
    m_publishSteps = *steps;
    QList<ui::PublishFields> fields;
    for (const platform::PublishStep &step : std::as_const(m_publishSteps)) {
        platform::PublishText t = text(step.repository, step.files);
        // The accounts repository's pull request says which Terraform instances it changes.
        if (platform::Session *s = m_context->session())
            if (const QString impact =
                    platform::planImpactSection(*s, plan, step.repository, step.path);
                !impact.isEmpty())
                t.body += QStringLiteral("\n\n") + impact;
        appendDeploysTo(step, t);
        fields << ui::PublishFields{step.repository, step.displayFiles, t.branch,
                                    t.commitMessage, t.title,           t.body};
    }
    if (m_publish)
        m_publish->close();
    m_publish =
        new ui::WizardPublishDialog(what, fields, &platform::checkBranchName, m_context->window());
    m_publish->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_publish, &ui::WizardPublishDialog::runRequested, this,
            &PublishController::runPublish);
    connect(m_publish, &ui::WizardPublishDialog::cancelRequested, this, [this] {
        if (m_flow)
            m_flow->cancel();
    });
    m_publish->open();
    Q_EMIT publishOffered();
}

// The manifests pull request names the clusters its overlays reach (Argo CD), from the map with
// the wizard's unsaved files in it.
void PublishController::appendDeploysTo(const platform::PublishStep &step,
                                        platform::PublishText &text)
{
    platform::Session *session = m_context->session();
    platform::DeploymentsModel *deployments = m_context->window()->deployments();
    if (!session || !deployments ||
        QDir::cleanPath(step.path) != QDir::cleanPath(session->catalog().manifestsRoot))
        return;
    if (deployments->isBusy() || !deployments->isReady())
        deployments->refreshNow(); // the wizard's files were just added: read them
    const QString deploys = platform::deploysToText(platform::reachedBy(
        deployments->map(), platform::affectedOverlays(session->catalog(), step.files)));
    if (!deploys.isEmpty())
        text.body += QStringLiteral("\n\n") + deploys;
}

void PublishController::runPublish()
{
    platform::Session *session = m_context->session();
    if (!session || !m_publish)
        return;
    platform::PublishRequest request;
    const QList<ui::PublishFields> fields = m_publish->fields();
    for (const ui::PublishFields &f : fields) {
        for (platform::PublishStep step : std::as_const(m_publishSteps)) {
            if (step.repository != f.repository)
                continue;
            step.branch = f.branch;
            step.commitMessage = f.commitMessage;
            step.title = f.title;
            step.body = f.body;
            request.steps << step;
        }
    }
    request.openPullRequests = m_publish->openPullRequests();
    if (!m_commitAuthor || request.steps.isEmpty()) {
        startFlow(std::move(request));
        return;
    }
    // Who the commits are by: asked first on a computer where git knows no author.
    const platform::PublishStep first = request.steps.first();
    m_publish->setRunning(true);
    m_commitAuthor->ensure(
        first.path, first.repository,
        [this, request](std::optional<git::Signature> author) mutable {
            if (!m_publish)
                return;
            if (!author) {
                m_publish->setRunning(false);
                m_publish->showOutcome(false,
                                       tr("Nothing was done: the commits need the name and "
                                          "e-mail address of their author."),
                                       true);
                return;
            }
            request.author = *author;
            startFlow(std::move(request));
        },
        m_publish);
}

void PublishController::startFlow(platform::PublishRequest request)
{
    platform::Session *session = m_context->session();
    if (!session || !m_publish)
        return;
    if (!request.author) {
        const QString name =
            m_context->settings().value(QStringLiteral("git/authorName")).toString();
        const QString email =
            m_context->settings().value(QStringLiteral("git/authorEmail")).toString();
        if (!name.isEmpty() && !email.isEmpty())
            request.author = git::Signature{name, email};
    }
    delete m_flow;
    m_flow = new platform::PublishFlow(session, this);
    m_flow->setTokens(m_tokens);
    if (const QString api =
            m_context->settings().value(QStringLiteral("github/apiUrl")).toString().trimmed();
        !api.isEmpty())
        m_flow->setConfiguredApiBase(QUrl(api));
    connect(m_flow, &platform::PublishFlow::progress, m_publish,
            &ui::WizardPublishDialog::setProgress);
    connect(m_flow, &platform::PublishFlow::finished, this, &PublishController::publishDone);
    m_publish->setRunning(true);
    // The branch each repository is on now: the flow switches to its new branch, and the
    // checkout goes back here when it ends, whatever the outcome.
    m_branchesBefore.clear();
    for (const platform::PublishStep &step : std::as_const(request.steps)) {
        if (auto repo = git::Repository::open(step.path))
            m_branchesBefore.append({step.repository, step.path, repo->currentBranch()});
    }
    m_flow->start(std::move(request));
}

QString PublishController::returnToBranches()
{
    QStringList lines;
    for (const BranchBefore &before : std::as_const(m_branchesBefore)) {
        if (before.branch.isEmpty())
            continue; // HEAD was detached: nothing to go back to by name
        auto repo = git::Repository::open(before.path);
        if (!repo || repo->currentBranch() == before.branch)
            continue;
        const QString now = repo->currentBranch();
        if (auto switched = repo->switchBranch(before.branch); !switched)
            lines << tr("%1: still on branch %2; going back to %3 failed: %4")
                         .arg(before.repository, now, before.branch, switched.error().toString());
        else
            lines << tr("%1: back on branch %2 (the change is on %3)")
                         .arg(before.repository, before.branch, now);
    }
    m_branchesBefore.clear();
    return lines.join(QLatin1Char('\n'));
}

void PublishController::publishDone(const platform::PublishOutcome &outcome)
{
    const QString returned = returnToBranches();
    const QString message =
        returned.isEmpty() ? outcome.message : outcome.message + QLatin1Char('\n') + returned;
    if (m_publish)
        m_publish->showOutcome(outcome.ok, message, !outcome.anythingCommitted());
    m_context->window()->showStatusMessage(
        outcome.message.section(QLatin1Char('\n'), 0, 0) +
        (returned.isEmpty() ? QString()
                            : QStringLiteral(" — ") + returned.section(QLatin1Char('\n'), 0, 0)));
    m_context->refreshRepositoryStatus();
    // HEAD moved (a new branch, a commit): the session's picture of HEAD is stale. Reopen the
    // workspace when that asks nothing (no other unsaved edits).
    if (outcome.anythingCommitted() && m_context->session() &&
        !m_context->session()->buffers()->isModified())
        QMetaObject::invokeMethod(
            m_context, [context = m_context] { context->reload(); }, Qt::QueuedConnection);
    Q_EMIT publishFinished(outcome.ok);
}

} // namespace kanri::app

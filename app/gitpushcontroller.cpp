#include "app/gitpushcontroller.h"

#include "app/appcontext.h"
#include "app/gitcontroller.h"
#include "app/gitnetworkrunner.h"
#include "git/gitasync.h"
#include "git/gitrepository.h"
#include "ui/git/gitchangespanel.h"
#include "ui/git/gitprogressdialog.h"
#include "ui/git/gitpushdialog.h"
#include "ui/main/mainwindow.h"

#include <QLocale>

namespace kanri::app {

using ui::GitProgressDialog;

GitPushController::GitPushController(GitController *git)
    : QObject(git)
    , m_git(git)
    , m_context(git->context())
{}

ui::GitPushDialog *GitPushController::dialog() const
{
    return m_pushDialog;
}

void GitPushController::push(int repository)
{
    if (m_git->isBusy() || m_git->repositories().isEmpty())
        return;
    if (repository >= 0) {
        m_pushQueue.clear();
        m_pushed.clear();
        pushOne(repository);
        return;
    }
    // Which repository has something to push is decided on a fresh status (a commit made a
    // moment ago counts).
    m_git->refreshChanges([this] { choosePush(); });
}

void GitPushController::choosePush()
{
    if (m_git->isBusy())
        return;
    const QList<int> candidates = m_git->pushCandidates();
    m_pushQueue.clear();
    m_pushed.clear();
    if (candidates.size() == 1) {
        pushOne(candidates.first());
        return;
    }
    const auto &changes = m_git->statuses();
    if (candidates.isEmpty()) {
        GitProgressDialog *dialog = m_git->network()->ensureProgressDialog();
        dialog->start(GitController::tr("Push"), GitController::tr("Looking for commits to push…"));
        GitController::showDialog(dialog);
        QStringList branches;
        for (const ui::GitRepositoryChanges &c : changes) {
            if (c.error.isEmpty() && !c.branch.isEmpty())
                branches << GitController::tr("%1 (%2)").arg(c.name, c.branch);
        }
        dialog->finish(
            GitProgressDialog::Outcome::Succeeded,
            GitController::tr("Nothing to push: %1 hold no commits that the remote lacks.")
                .arg(QLocale().createSeparatedList(branches)));
        Q_EMIT m_git->operationFinished(true);
        return;
    }
    // Several: ask which (all of them checked).
    if (!m_pushDialog) {
        m_pushDialog = new ui::GitPushDialog(m_context->window());
        connect(m_pushDialog, &QDialog::accepted, this, [this] {
            if (!m_pushDialog || m_git->isBusy())
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
    GitController::showDialog(m_pushDialog);
    Q_EMIT m_git->pushQuestionAsked();
}

// Pushes the current branch of one repository; then the next one of m_pushQueue, if any.
void GitPushController::pushOne(int repository)
{
    const GitController::RepositoryRef ref = m_git->repositories().value(repository);
    m_git->setFocusRepository(repository);
    m_git->updateActions();
    GitProgressDialog *dialog = m_git->network()->ensureProgressDialog();
    auto repo = git::Repository::open(ref.path);
    QString branch = repo ? repo->currentBranch() : QString();
    dialog->start(GitController::tr("Push"),
                  GitController::tr("Pushing %1 of %2…").arg(branch, ref.name));
    GitController::showDialog(dialog);
    if (!repo || branch.isEmpty()) {
        failPush(
            repo ? GitController::tr("%1: HEAD is detached: switch to a branch first (Repository ▸ "
                                     "Branches…).")
                       .arg(ref.name)
                 : m_git->explain(repo.error()));
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
        failPush(GitController::tr("%1 has no remote named %2 to push to.").arg(ref.name, remote));
        return;
    }
    const QString path = ref.path, remoteUrl = *url, name = ref.name;
    m_git->network()->run<void>(
        m_git->networkOptions(),
        [path, remote, branch, setUpstream](git::NetworkOptions options) {
            return git::pushAsync(path, remote, branch, setUpstream, std::move(options));
        },
        [this, repository, remoteUrl, remote, branch, name](const Result<void> &result) {
            if (!result &&
                m_git->offerRecovery(
                    remoteUrl, result.error(), [this, repository] { pushOne(repository); },
                    [this, result] { failPush(m_git->explain(result.error())); }))
                return;
            m_context->refreshRepositoryStatus();
            m_git->refreshChanges();
            if (!result) {
                const bool rejected = result.error().code == Error::Code::Rejected;
                failPush(m_git->explain(result.error()), rejected ? repository : -1);
                return;
            }
            m_git->rememberWorkingToken(remoteUrl);
            const QString done =
                GitController::tr("Pushed %1 of %2 to %3.").arg(branch, name, remote);
            m_pushed << done;
            m_context->window()->showStatusMessage(done);
            if (!m_pushQueue.isEmpty()) {
                pushOne(m_pushQueue.takeFirst());
                return;
            }
            if (m_git->progressDialog())
                m_git->progressDialog()->finish(GitProgressDialog::Outcome::Succeeded,
                                                m_pushed.join(QLatin1Char('\n')));
            m_pushed.clear();
            Q_EMIT m_git->operationFinished(true);
        },
        [this](const git::TransferProgress &p) {
            if (m_git->progressDialog())
                m_git->progressDialog()->setProgress(p);
        });
}

void GitPushController::failPush(const QString &message, int pullRepository)
{
    QString text = message;
    if (!m_pushed.isEmpty())
        text = m_pushed.join(QLatin1Char('\n')) + QLatin1Char('\n') + text;
    if (!m_pushQueue.isEmpty()) {
        QStringList left;
        const QList<GitController::RepositoryRef> repos = m_git->repositories();
        for (int r : std::as_const(m_pushQueue))
            left << repos.value(r).name;
        text += QLatin1Char('\n') +
                GitController::tr("Not pushed: %1.").arg(QLocale().createSeparatedList(left));
    }
    m_pushQueue.clear();
    m_pushed.clear();
    if (GitProgressDialog *dialog = m_git->progressDialog()) {
        dialog->finish(GitProgressDialog::Outcome::Failed, text,
                       pullRepository >= 0 ? GitController::tr("Pull Now") : QString());
        disconnect(dialog, &GitProgressDialog::nextStepRequested, this, nullptr);
        if (pullRepository >= 0)
            connect(
                dialog, &GitProgressDialog::nextStepRequested, this,
                [this, pullRepository] { m_git->pull(pullRepository); }, Qt::SingleShotConnection);
    }
    Q_EMIT m_git->operationFinished(false);
}

} // namespace kanri::app

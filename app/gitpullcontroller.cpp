#include "app/gitpullcontroller.h"

#include "app/appcontext.h"
#include "app/gitcontroller.h"
#include "app/gitnetworkrunner.h"
#include "git/gitasync.h"
#include "git/gitrepository.h"
#include "ui/git/gitprogressdialog.h"
#include "ui/main/mainwindow.h"

#include <QSettings>

namespace kanri::app {

using ui::GitProgressDialog;

GitPullController::GitPullController(GitController *git)
    : QObject(git)
    , m_git(git)
    , m_context(git->context())
{}

void GitPullController::pull(int repository)
{
    if (m_git->isBusy() || m_git->repositories().isEmpty())
        return;
    if (repository < 0)
        repository = m_git->focusRepository();
    // A pull rewrites the working tree under the open session: unsaved edits first.
    if (!m_context->window()->maybeSave())
        return;
    const GitController::RepositoryRef ref = m_git->repositories().value(repository);
    m_git->setFocusRepository(repository);
    m_git->updateActions();
    GitProgressDialog *dialog = m_git->network()->ensureProgressDialog();
    auto repo = git::Repository::open(ref.path);
    const QString branch = repo ? repo->currentBranch() : QString();
    dialog->start(GitController::tr("Pull"),
                  GitController::tr("Pulling %1 of %2…").arg(branch, ref.name));
    GitController::showDialog(dialog);
    auto upstream = repo ? repo->upstreamOf(branch) : Result<QString>(QString());
    if (!repo || branch.isEmpty() || !upstream) {
        dialog->finish(GitProgressDialog::Outcome::Failed,
                       !repo ? m_git->explain(repo.error())
                       : branch.isEmpty()
                           ? GitController::tr("HEAD is detached: switch to a branch first "
                                               "(Repository ▸ Branches…).")
                           : GitController::tr("%1 has no upstream branch to pull from: push it "
                                               "first (Repository ▸ Push).")
                                 .arg(branch));
        Q_EMIT m_git->operationFinished(false);
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
    m_git->network()->run<git::PullResult>(
        m_git->networkOptions(),
        [path, strategy](git::NetworkOptions options) {
            return git::pullAsync(path, strategy, std::move(options));
        },
        [this, repository, remoteUrl, branch](const Result<git::PullResult> &result) {
            if (!result &&
                m_git->offerRecovery(
                    remoteUrl, result.error(), [this, repository] { pull(repository); },
                    [this, result] {
                        if (m_git->progressDialog())
                            m_git->progressDialog()->finish(GitProgressDialog::Outcome::Failed,
                                                            m_git->explain(result.error()));
                        Q_EMIT m_git->operationFinished(false);
                    }))
                return;
            GitProgressDialog *dialog = m_git->progressDialog();
            auto finish = [dialog](GitProgressDialog::Outcome outcome, const QString &text) {
                if (dialog)
                    dialog->finish(outcome, text);
            };
            if (!result) {
                finish(GitProgressDialog::Outcome::Failed, m_git->explain(result.error()));
                m_context->refreshRepositoryStatus();
                Q_EMIT m_git->operationFinished(false);
                return;
            }
            m_git->rememberWorkingToken(remoteUrl);
            using Outcome = git::PullResult::Outcome;
            switch (result->outcome) {
            case Outcome::UpToDate:
                finish(GitProgressDialog::Outcome::Succeeded,
                       GitController::tr("%1 is already up to date.").arg(branch));
                break;
            case Outcome::FastForwarded:
                finish(GitProgressDialog::Outcome::Succeeded,
                       GitController::tr("%1 now has the remote's commits (fast-forward).")
                           .arg(branch));
                break;
            case Outcome::Merged:
                finish(GitProgressDialog::Outcome::Succeeded,
                       GitController::tr("Merged the remote's commits into %1.").arg(branch));
                break;
            case Outcome::Rebased:
                finish(GitProgressDialog::Outcome::Succeeded,
                       GitController::tr("Put your commits on top of the remote's (rebase)."));
                break;
            case Outcome::Conflicts:
                finish(GitProgressDialog::Outcome::Failed,
                       GitController::tr(
                           "Your commits and the remote's change the same lines in:\n  %1\n"
                           "Nothing was changed: your files, branch and commits are as they "
                           "were. Resolve it in a terminal (git pull, fix the files, git "
                           "commit), or ask the author of the other commits.")
                           .arg(m_git->scrub(result->conflicts.join(QStringLiteral("\n  ")))));
                m_context->refreshRepositoryStatus();
                Q_EMIT m_git->operationFinished(false);
                return;
            }
            if (result->outcome != Outcome::UpToDate)
                m_context->reload();
            m_context->refreshRepositoryStatus();
            m_git->refreshChanges();
            Q_EMIT m_git->operationFinished(true);
        },
        [this](const git::TransferProgress &p) {
            if (m_git->progressDialog())
                m_git->progressDialog()->setProgress(p);
        });
}

} // namespace kanri::app

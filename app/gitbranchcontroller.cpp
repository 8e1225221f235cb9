#include "app/gitbranchcontroller.h"

#include "app/appcontext.h"
#include "app/gitcontroller.h"
#include "git/gitrepository.h"
#include "git/gitworktree.h"
#include "ui/git/gitbranchdialog.h"
#include "ui/main/mainwindow.h"

#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>

namespace kanri::app {

GitBranchController::GitBranchController(GitController *git)
    : QObject(git)
    , m_git(git)
    , m_context(git->context())
{}

GitBranchController::~GitBranchController()
{
    m_switchFuture.waitForFinished(); // the worker touches only its own data
}

ui::GitBranchDialog *GitBranchController::dialog() const
{
    return m_branchDialog;
}

void GitBranchController::open(int repository)
{
    if (m_git->repositories().isEmpty())
        return;
    if (!m_branchDialog) {
        m_branchDialog = new ui::GitBranchDialog(m_context->window());
        connect(m_branchDialog, &ui::GitBranchDialog::repositoryChanged, this,
                &GitBranchController::fillBranchDialog);
        connect(m_branchDialog, &ui::GitBranchDialog::checkoutRequested, this,
                &GitBranchController::checkout);
        connect(m_branchDialog, &ui::GitBranchDialog::createRequested, this,
                &GitBranchController::createBranch);
    }
    fillBranchDialog(repository >= 0 ? repository : m_git->focusRepository());
    m_branchDialog->messageLabel()->hide();
    GitController::showDialog(m_branchDialog);
}

void GitBranchController::fillBranchDialog(int repository)
{
    const QList<GitController::RepositoryRef> repos = m_git->repositories();
    QStringList names;
    for (const GitController::RepositoryRef &ref : repos)
        names << ref.name;
    repository = qBound(0, repository, int(repos.size()) - 1);
    m_branchDialog->setRepositories(names, repository);
    ui::GitBranches branches;
    auto repo = git::Repository::open(repos.value(repository).path);
    if (!repo) {
        branches.error = m_git->explain(repo.error());
        m_branchDialog->setBranches(branches);
        return;
    }
    branches.current = repo->currentBranch();
    if (auto local = repo->branches()) {
        for (const git::BranchInfo &info : *local)
            branches.local << info.name;
    } else {
        branches.error = m_git->explain(local.error());
    }
    if (auto remote = repo->remoteBranches())
        branches.remote = *remote;
    m_branchDialog->setBranches(branches);
    m_branchDialog->selectBranch(branches.current);
}

void GitBranchController::checkout(int repository, const QString &branch, bool remote)
{
    if (m_switching)
        return;
    // Checking out rewrites the working tree under the open session: unsaved edits first.
    if (!m_context->window()->maybeSave()) {
        m_branchDialog->showMessage(
            GitController::tr("Nothing was switched: save or discard your unsaved edits first."));
        return;
    }
    const GitController::RepositoryRef ref = m_git->repositories().value(repository);
    // The checkout rewrites files: on a worker, the dialog disabled meanwhile.
    m_switching = true;
    m_branchDialog->setEnabled(false);
    const QFuture<Result<QString>> future = git::switchBranchAsync(
        ref.path, branch, remote ? git::BranchSource::RemoteTracking : git::BranchSource::Local);
    m_switchFuture = QFuture<void>(future);
    auto *watcher = new QFutureWatcher<Result<QString>>(this);
    connect(
        watcher, &QFutureWatcherBase::finished, this, [this, watcher, repository, name = ref.name] {
            watcher->deleteLater();
            m_switching = false;
            const Result<QString> now = watcher->future().result();
            if (m_branchDialog)
                m_branchDialog->setEnabled(true);
            if (!now) {
                if (m_branchDialog)
                    m_branchDialog->showError(m_git->explain(now.error()));
                Q_EMIT m_git->branchSwitched(false);
                return;
            }
            m_git->setFocusRepository(repository);
            m_context->reload();
            if (m_branchDialog) {
                fillBranchDialog(repository);
                m_branchDialog->showMessage(GitController::tr("%1 is now on %2.").arg(name, *now));
            }
            m_context->window()->showStatusMessage(
                GitController::tr("Switched %1 to %2").arg(name, *now));
            m_git->refreshChanges();
            Q_EMIT m_git->branchSwitched(true);
        });
    watcher->setFuture(future);
}

void GitBranchController::createBranch(int repository, const QString &name)
{
    const GitController::RepositoryRef ref = m_git->repositories().value(repository);
    auto repo = git::Repository::open(ref.path);
    // A new branch starts at the current commit: the files stay as they are, edits too.
    Result<void> created = repo ? repo->createBranch(name, git::SwitchTo::Yes)
                                : Result<void>(std::unexpected(repo.error()));
    if (!created) {
        m_branchDialog->showError(m_git->explain(created.error()));
        return;
    }
    m_git->setFocusRepository(repository);
    fillBranchDialog(repository);
    m_branchDialog->newBranchEdit()->clear();
    m_branchDialog->showMessage(
        GitController::tr("Created %1 and switched %2 to it.").arg(name, ref.name));
    m_context->refreshRepositoryStatus();
    m_git->refreshChanges();
}

} // namespace kanri::app

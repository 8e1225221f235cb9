#include "app/gitcontroller.h"

#include "app/appcontext.h"
#include "app/gitactions.h"
#include "app/gitbranchcontroller.h"
#include "app/gitchangescontroller.h"
#include "app/gitclonecontroller.h"
#include "app/gitcommitcontroller.h"
#include "app/giterrortext.h"
#include "app/gitnetworkrunner.h"
#include "app/gitpullcontroller.h"
#include "app/gitpushcontroller.h"
#include "app/gitsettingscontroller.h"
#include "platform/workspace.h"
#include "ui/git/gitbranchdialog.h"
#include "ui/git/gitchangespanel.h"
#include "ui/git/gitclonedialog.h"
#include "ui/git/gitcommitdialog.h"
#include "ui/git/gitsettingsdialog.h"

#include <QDialog>
#include <QDir>

namespace kanri::app {

GitController::~GitController()
{
    // Workers post to the controllers: stop and wait for them before they go.
    delete m_network;
    m_network = nullptr;
    delete m_commit; // lets a commit finish
    m_commit = nullptr;
    delete m_changes;
    m_changes = nullptr;
}

bool GitController::isBusy() const
{
    return m_network && m_network->isBusy();
}

bool GitController::isRefreshing() const
{
    return m_changes->isRefreshing();
}

void GitController::refreshChanges()
{
    m_changes->refresh();
}

void GitController::refreshChanges(std::function<void()> then)
{
    m_changes->refresh(std::move(then));
}

ui::GitChangesPanel *GitController::changesPanel() const
{
    return m_changes->panel();
}

QDockWidget *GitController::changesDock() const
{
    return m_changes->dock();
}

const QList<ui::GitRepositoryChanges> &GitController::statuses() const
{
    return m_changes->panel()->changes();
}

void GitController::openClone()
{
    m_clone->open();
}

void GitController::openSettings()
{
    m_settings->open();
}

void GitController::openCommit(int repository)
{
    m_commit->open(repository);
}

void GitController::openBranches(int repository)
{
    m_branches->open(repository);
}

void GitController::push(int repository)
{
    m_push->push(repository);
}

void GitController::pull(int repository)
{
    m_pull->pull(repository);
}

ui::GitCloneDialog *GitController::cloneDialog() const
{
    return m_clone->dialog();
}

ui::GitCommitDialog *GitController::commitDialog() const
{
    return m_commit->dialog();
}

ui::GitBranchDialog *GitController::branchDialog() const
{
    return m_branches->dialog();
}

ui::GitProgressDialog *GitController::progressDialog() const
{
    return m_network->progressDialog();
}

QMessageBox *GitController::hostKeyDialog() const
{
    return m_network->hostKeyDialog();
}

ui::GitSettingsDialog *GitController::settingsDialog() const
{
    return m_settings->dialog();
}

ui::GitPushDialog *GitController::pushDialog() const
{
    return m_push->dialog();
}

void GitController::registerViews()
{
    m_context->addView(QStringLiteral("clone"), [this]() -> QWidget * {
        openClone();
        return cloneDialog();
    });
    m_context->addView(QStringLiteral("changes"),
                       [this]() -> QWidget * { return m_changes->showForScreenshot(); });
    m_context->addView(QStringLiteral("git-settings"), [this]() -> QWidget * {
        openSettings();
        return settingsDialog();
    });
    m_context->addView(QStringLiteral("commit"), [this]() -> QWidget * {
        openCommit();
        return commitDialog();
    });
    m_context->addView(QStringLiteral("branches"), [this]() -> QWidget * {
        openBranches();
        return branchDialog();
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
    const auto &changes = statuses();
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
    const auto &changes = statuses();
    const int focus = focusRepository();
    if (focus < changes.size() && !changes[focus].files.isEmpty())
        return focus;
    for (int i = 0; i < changes.size(); ++i) {
        if (!changes[i].files.isEmpty())
            return i;
    }
    return focus;
}

// Repositories whose branch has commits its remote lacks.
QList<int> GitController::pushCandidates() const
{
    QList<int> out;
    const auto &changes = statuses();
    for (int i = 0; i < changes.size(); ++i) {
        if (changes[i].error.isEmpty() && !changes[i].branch.isEmpty() && changes[i].unpushed > 0)
            out << i;
    }
    return out;
}

void GitController::updateActions()
{
    if (m_actions)
        m_actions->update();
}

void GitController::showDialog(QDialog *dialog)
{
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

QString GitController::scrub(const QString &text) const
{
    return git::scrubSecrets(text, secrets());
}

QString GitController::explain(const Error &error) const
{
    return scrub(explainGitError(error));
}

} // namespace kanri::app

#include "app/gitactions.h"

#include "app/appcontext.h"
#include "app/gitcontroller.h"
#include "ui/main/mainwindow.h"

#include <QAction>
#include <QDockWidget>
#include <QLocale>
#include <QMenu>
#include <QToolBar>

namespace kanri::app {

GitActions::GitActions(GitController *git)
    : QObject(git)
    , m_git(git)
{
    ui::MainWindow *window = git->context()->window();
    QMenu *menu = window->menu(ui::MainWindow::Menu::Repository);

    m_cloneAction = menu->addAction(GitController::tr("&Clone…"), git, &GitController::openClone);
    m_cloneAction->setObjectName(QStringLiteral("gitCloneAction"));
    menu->addSeparator();
    // The texts name the repository each one acts on (update).
    m_commitAction =
        menu->addAction(GitController::tr("C&ommit…"), git, [git] { git->openCommit(); });
    m_commitAction->setObjectName(QStringLiteral("gitCommitAction"));
    m_commitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_branchesAction =
        menu->addAction(GitController::tr("&Branches…"), git, [git] { git->openBranches(); });
    m_branchesAction->setObjectName(QStringLiteral("gitBranchesAction"));
    m_branchesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_pushAction = menu->addAction(GitController::tr("&Push"), git, [git] { git->push(); });
    m_pushAction->setObjectName(QStringLiteral("gitPushAction"));
    m_pushAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_pullAction = menu->addAction(GitController::tr("P&ull"), git, [git] { git->pull(); });
    m_pullAction->setObjectName(QStringLiteral("gitPullAction"));
    m_pullAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    menu->addSeparator();
    m_refreshAction = menu->addAction(GitController::tr("&Refresh Changes"), git,
                                      [git] { git->refreshChanges(); });
    m_refreshAction->setObjectName(QStringLiteral("gitRefreshAction"));
    m_refreshAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5)); // F5 reloads everything
    menu->addAction(git->changesDock()->toggleViewAction());
    menu->addSeparator();
    m_settingsAction =
        menu->addAction(GitController::tr("Git &Settings…"), git, &GitController::openSettings);
    m_settingsAction->setObjectName(QStringLiteral("gitSettingsAction"));
    m_settingsAction->setMenuRole(QAction::NoRole);

    QToolBar *toolBar = window->mainToolBar();
    toolBar->addSeparator();
    for (QAction *action : {m_commitAction, m_pushAction, m_pullAction, m_branchesAction})
        toolBar->addAction(action);
}

void GitActions::update()
{
    const QList<GitController::RepositoryRef> repos = m_git->repositories();
    const bool haveRepositories = !repos.isEmpty();
    const bool busy = m_git->isBusy();
    m_cloneAction->setEnabled(!busy);
    m_commitAction->setEnabled(haveRepositories);
    m_branchesAction->setEnabled(haveRepositories);
    m_pushAction->setEnabled(haveRepositories && !busy);
    m_pullAction->setEnabled(haveRepositories && !busy);
    m_refreshAction->setEnabled(haveRepositories);

    // "Push accounts (kanri/add-lgarcia)": what each action would act on, from the last status.
    const auto &changes = m_git->statuses();
    auto named = [&changes](int r) {
        const ui::GitRepositoryChanges &c = changes.at(r);
        return c.branch.isEmpty() ? c.name : GitController::tr("%1 (%2)").arg(c.name, c.branch);
    };
    const bool known = haveRepositories && changes.size() == repos.size();
    m_commitAction->setText(known
                                ? GitController::tr("C&ommit %1…").arg(named(m_git->commitTarget()))
                                : GitController::tr("C&ommit…"));
    m_pullAction->setText(known ? GitController::tr("P&ull %1").arg(named(m_git->focusRepository()))
                                : GitController::tr("P&ull"));
    const QList<int> push = known ? m_git->pushCandidates() : QList<int>();
    if (push.size() == 1) {
        m_pushAction->setText(GitController::tr("&Push %1").arg(named(push.first())));
    } else if (push.size() > 1) {
        QStringList names;
        for (int r : push)
            names << changes.at(r).name;
        m_pushAction->setText(
            GitController::tr("&Push %1…").arg(QLocale().createSeparatedList(names)));
    } else {
        m_pushAction->setText(GitController::tr("&Push"));
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
            GitController::tr("Nothing to push yet: commit first (%1)")
                .arg(m_pushAction->shortcut().toString(QKeySequence::NativeText)));
}

} // namespace kanri::app

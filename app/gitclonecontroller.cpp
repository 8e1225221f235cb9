#include "app/gitclonecontroller.h"

#include "app/appcontext.h"
#include "app/gitcontroller.h"
#include "app/gitnetworkrunner.h"
#include "git/gitasync.h"
#include "ui/git/gitclonedialog.h"
#include "ui/main/mainwindow.h"

#include <QDir>
#include <QFileInfo>

namespace kanri::app {

GitCloneController::GitCloneController(GitController *git)
    : QObject(git)
    , m_git(git)
    , m_context(git->context())
{}

ui::GitCloneDialog *GitCloneController::dialog() const
{
    return m_cloneDialog;
}

void GitCloneController::open()
{
    if (!m_cloneDialog) {
        m_cloneDialog = new ui::GitCloneDialog(m_context->window());
        connect(m_cloneDialog, &ui::GitCloneDialog::cloneRequested, this,
                &GitCloneController::startClone);
        connect(m_cloneDialog, &ui::GitCloneDialog::cancelRequested, this,
                [this] { m_git->network()->cancel(); });
    }
    if (!m_cloneDialog->isBusy()) {
        QList<ui::GitCloneTarget> targets;
        for (const GitController::RepositoryRef &ref : m_git->repositories())
            targets << ui::GitCloneTarget{ref.name, ref.url, ref.path,
                                          QFileInfo::exists(ref.path + QStringLiteral("/.git"))};
        m_cloneDialog->setTargets(targets);
    }
    GitController::showDialog(m_cloneDialog);
}

void GitCloneController::startClone(const QString &url, const QString &destination)
{
    if (m_git->isBusy() || !m_cloneDialog)
        return;
    const QString target = QDir::cleanPath(QDir(destination).absolutePath());
    m_cloneDialog->setBusy(true);
    m_git->network()->run<void>(
        m_git->networkOptions(),
        [url, target](git::NetworkOptions options) {
            return git::cloneAsync(url, target, std::move(options));
        },
        [this, url, target](const Result<void> &result) {
            if (!result) {
                if (m_cloneDialog)
                    m_cloneDialog->setBusy(false);
                if (m_git->offerRecovery(
                        url, result.error(), [this, url, target] { startClone(url, target); },
                        [this, target, result] { cloneFinished(target, result); }))
                    return;
            }
            if (result)
                m_git->rememberWorkingToken(url);
            cloneFinished(target, result);
        },
        [this](const git::TransferProgress &p) {
            if (m_cloneDialog)
                m_cloneDialog->setProgress(p);
        });
}

void GitCloneController::cloneFinished(const QString &destination, const Result<void> &result)
{
    if (m_cloneDialog)
        m_cloneDialog->setBusy(false);
    if (!result) {
        QString message = m_git->explain(result.error());
        if (result.error().code == Error::Code::Io)
            message += QLatin1Char('\n') + GitController::tr("Choose a new or empty folder.");
        else if (result.error().code == Error::Code::Cancelled)
            message = GitController::tr("Cancelled. Nothing was left in %1.").arg(destination);
        if (m_cloneDialog)
            m_cloneDialog->showError(message);
        Q_EMIT m_git->operationFinished(false);
        return;
    }
    if (m_cloneDialog) {
        git::TransferProgress done;
        done.stage = git::TransferProgress::Stage::Done;
        m_cloneDialog->setProgress(done);
        m_cloneDialog->showMessage(GitController::tr("Cloned into %1.").arg(destination));
    }
    m_context->window()->showStatusMessage(GitController::tr("Cloned into %1").arg(destination));
    // A repository of the workspace: open the workspace again over it.
    bool inWorkspace = false;
    for (const GitController::RepositoryRef &ref : m_git->repositories())
        inWorkspace = inWorkspace || ref.path == destination;
    if (inWorkspace)
        m_context->reload();
    m_git->refreshChanges();
    Q_EMIT m_git->operationFinished(true);
}

} // namespace kanri::app

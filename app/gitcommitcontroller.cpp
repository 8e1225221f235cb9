#include "app/gitcommitcontroller.h"

#include "app/appcontext.h"
#include "app/commitauthor.h"
#include "app/gitcontroller.h"
#include "git/gitworktree.h"
#include "platform/session.h"
#include "ui/git/gitchangespanel.h"
#include "ui/git/gitcommitdialog.h"
#include "ui/main/mainwindow.h"

#include <QFutureWatcher>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace kanri::app {

GitCommitController::GitCommitController(GitController *git)
    : QObject(git)
    , m_git(git)
    , m_context(git->context())
{}

GitCommitController::~GitCommitController()
{
    m_commitFuture.waitForFinished(); // the worker touches only its own data
}

ui::GitCommitDialog *GitCommitController::dialog() const
{
    return m_commitDialog;
}

void GitCommitController::open(int repository)
{
    if (m_git->repositories().isEmpty())
        return;
    if (!m_commitDialog) {
        m_commitDialog = new ui::GitCommitDialog(m_context->window());
        connect(m_commitDialog, &ui::GitCommitDialog::repositoryChanged, this,
                &GitCommitController::fillCommitDialog);
        connect(m_commitDialog, &ui::GitCommitDialog::commitRequested, this,
                &GitCommitController::commitRequested);
    }
    // Filled from the last list at once, then again from the fresh status when it arrives.
    const int target = repository >= 0 ? repository : m_git->commitTarget();
    fillCommitDialog(target);
    m_git->refreshChanges([this, target] {
        if (m_commitDialog && !m_committing)
            fillCommitDialog(target);
    });
    m_commitDialog->clearMessage();
    GitController::showDialog(m_commitDialog);
    m_commitDialog->summaryEdit()->setFocus();
}

void GitCommitController::fillCommitDialog(int repository)
{
    const QList<GitController::RepositoryRef> repos = m_git->repositories();
    QStringList names;
    for (const GitController::RepositoryRef &ref : repos)
        names << ref.name;
    repository = qBound(0, repository, int(repos.size()) - 1);
    m_commitDialog->setRepositories(names, repository);

    auto repo = git::Repository::open(repos.value(repository).path);
    if (!repo) {
        m_commitDialog->setBranch({});
        m_commitDialog->setFiles({});
        m_commitDialog->showError(m_git->explain(repo.error()));
        return;
    }
    m_commitDialog->setBranch(repo->currentBranch());
    const CommitAuthor::Known author = m_git->commitAuthor()->known(repos.value(repository).path);
    if (author.author.name.isEmpty() || author.author.email.isEmpty())
        m_commitDialog->setAuthor(
            GitController::tr("not configured yet: you will be asked when you commit"));
    else if (author.fromSettings)
        m_commitDialog->setAuthor(GitController::tr("%1 <%2> (from the settings)")
                                      .arg(author.author.name, author.author.email));
    else
        m_commitDialog->setAuthor(
            QStringLiteral("%1 <%2>").arg(author.author.name, author.author.email));

    QList<ui::GitCommitFile> files;
    int unsaved = 0;
    for (const ui::GitRepositoryChanges &changes : m_git->statuses()) {
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

void GitCommitController::commitRequested()
{
    ui::GitCommitDialog *dialog = m_commitDialog;
    if (!dialog || m_committing)
        return;
    const int repository = dialog->repository();
    const GitController::RepositoryRef ref = m_git->repositories().value(repository);
    // Who is committing first (a new computer: asked once, window-modal over this dialog),
    // so that a cancelled question leaves everything, the unsaved edits too, as it was.
    m_committing = true;
    m_git->commitAuthor()->ensure(
        ref.path, ref.name,
        [this, repository](std::optional<git::Signature> author) {
            m_committing = false;
            if (!author) {
                if (m_commitDialog)
                    m_commitDialog->showError(
                        GitController::tr("Nothing was committed: a commit needs the name and "
                                          "e-mail address of its author."));
                Q_EMIT m_git->commitFinished(false);
                return;
            }
            commitAs(repository, *author);
        },
        dialog);
}

void GitCommitController::commitAs(int repository, const git::Signature &author)
{
    ui::GitCommitDialog *dialog = m_commitDialog;
    if (!dialog || m_committing)
        return;
    const GitController::RepositoryRef ref = m_git->repositories().value(repository);
    if (dialog->saveFirst()) {
        if (platform::Session *session = m_context->session()) {
            if (auto saved = session->save(); !saved) {
                dialog->showError(GitController::tr("Nothing was committed: saving failed.\n%1")
                                      .arg(saved.error().toString()));
                Q_EMIT m_git->commitFinished(false);
                return;
            }
        }
    }
    // Status, staging and the commit itself run on a worker (a big working tree takes a while
    // to read); the dialog waits, disabled.
    const QStringList checked = dialog->checkedPaths();
    const QString message = dialog->message();
    m_committing = true;
    dialog->setEnabled(false);
    // Exactly the checked files go into the commit (git/gitworktree.h).
    const QFuture<Result<git::CommitDone>> future =
        git::commitCheckedAsync(ref.path, checked, message, author);
    auto *watcher = new QFutureWatcher<Result<git::CommitDone>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, repository, name = ref.name] {
                watcher->deleteLater();
                m_committing = false;
                const Result<git::CommitDone> result = watcher->future().result();
                ui::GitCommitDialog *dialog = m_commitDialog;
                if (dialog)
                    dialog->setEnabled(true);
                m_git->refreshChanges();
                if (!result) {
                    if (dialog)
                        dialog->showError(GitController::tr("Nothing was committed.\n%1")
                                              .arg(m_git->explain(result.error())));
                    Q_EMIT m_git->commitFinished(false);
                    return;
                }
                m_git->setFocusRepository(repository); // Push and Pull name it now
                if (dialog) {
                    dialog->summaryEdit()->clear();
                    dialog->bodyEdit()->clear();
                    dialog->accept();
                }
                m_context->window()->showStatusMessage(
                    GitController::tr("Committed %1 on %2 in %3")
                        .arg(result->id.left(8), result->branch, name));
                m_context->refreshRepositoryStatus();
                m_git->updateActions();
                Q_EMIT m_git->commitFinished(true);
            });
    m_commitFuture = QFuture<void>(future);
    watcher->setFuture(future);
}

} // namespace kanri::app

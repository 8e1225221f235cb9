#include "app/gitchangescontroller.h"

#include "app/appcontext.h"
#include "app/gitcontroller.h"
#include "platform/session.h"
#include "ui/git/gitchangespanel.h"
#include "ui/main/mainwindow.h"

#include <QDir>
#include <QDockWidget>
#include <QFutureWatcher>
#include <QTimer>
#include <QUndoStack>

#include <optional>

namespace kanri::app {

GitChangesController::GitChangesController(GitController *git)
    : QObject(git)
    , m_git(git)
    , m_refreshTimer(new QTimer(this))
{
    AppContext *context = git->context();
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(250);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] { refresh(); });

    m_panel = new ui::GitChangesPanel;
    m_dock = new QDockWidget(GitController::tr("Changes"));
    m_dock->setObjectName(QStringLiteral("gitChangesDock"));
    m_dock->setWidget(m_panel);
    context->window()->addPanel(m_dock, Qt::RightDockWidgetArea);

    connect(m_panel, &ui::GitChangesPanel::fileActivated, this,
            [context](const QString &path) { context->window()->revealLocation(path, 1, 1); });
    connect(m_panel, &ui::GitChangesPanel::refreshRequested, this, [this] { refresh(); });
    connect(m_panel, &ui::GitChangesPanel::stageRequested, this,
            [this](int repository, const QStringList &paths) {
                stage(repository, paths, git::Staging::Stage);
            });
    connect(m_panel, &ui::GitChangesPanel::unstageRequested, this,
            [this](int repository, const QStringList &paths) {
                stage(repository, paths, git::Staging::Unstage);
            });
    connect(m_panel, &ui::GitChangesPanel::commitRequested, m_git,
            [git](int repository) { git->openCommit(repository); });
    connect(m_panel, &ui::GitChangesPanel::currentRepositoryChanged, this, [this](int r) {
        if (r >= 0)
            m_git->setFocusRepository(r);
        m_git->updateActions();
    });
    connect(m_panel, &ui::GitChangesPanel::currentFileChanged, this,
            &GitChangesController::requestDiff);
    connect(context, &AppContext::sessionChanged, this, &GitChangesController::sessionChanged);
    context->addBusyProbe(this, [this] { return isRefreshing(); });
}

GitChangesController::~GitChangesController()
{
    // The workers touch only their own data; let a staging finish.
    for (QFuture<Result<void>> &staging : m_stagings)
        staging.waitForFinished();
    m_changesFuture.waitForFinished();
    m_diffFuture.waitForFinished();
}

void GitChangesController::sessionChanged()
{
    AppContext *context = m_git->context();
    if (platform::Session *session = context->session()) {
        QUndoStack *stack = session->buffers()->undoStack();
        connect(stack, &QUndoStack::indexChanged, this, &GitChangesController::scheduleRefresh);
        connect(stack, &QUndoStack::cleanChanged, this, &GitChangesController::scheduleRefresh);
        refresh();
    } else {
        m_panel->setChanges({});
    }
    m_git->updateActions();
}

void GitChangesController::scheduleRefresh()
{
    m_refreshTimer->start();
}

bool GitChangesController::isRefreshing() const
{
    return m_refreshTimer->isActive() || m_changesGeneration != m_appliedChangesGeneration ||
           m_staging > 0;
}

void GitChangesController::refresh(std::function<void()> then)
{
    m_refreshTimer->stop();
    if (then)
        m_afterRefresh << std::move(then);
    QSet<QString> unsaved;
    if (platform::Session *session = m_git->context()->session()) {
        for (const QString &path : session->buffers()->modifiedFiles())
            unsaved.insert(QDir::cleanPath(path));
    }
    QList<git::WorktreeRef> repositories;
    for (const GitController::RepositoryRef &ref : m_git->repositories())
        repositories << git::WorktreeRef{ref.name, ref.path};
    const quint64 generation = ++m_changesGeneration;
    m_changesFuture = git::readWorktreeStatusAsync(repositories, unsaved, m_git->secrets());
    auto *watcher = new QFutureWatcher<QList<git::WorktreeStatus>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        // A newer refresh started meanwhile (or this one was applied already): drop it.
        if (generation != m_changesGeneration || generation == m_appliedChangesGeneration)
            return;
        apply(generation, watcher->future().result());
    });
    watcher->setFuture(m_changesFuture);
}

void GitChangesController::apply(quint64 generation, QList<git::WorktreeStatus> all)
{
    m_appliedChangesGeneration = generation;
    for (git::WorktreeStatus &status : all) {
        if (!status.cloned)
            status.error = GitController::tr("not cloned yet (Repository ▸ Clone…)");
    }
    m_panel->setChanges(all);
    m_git->updateActions();
    requestDiff();
    const QList<std::function<void()>> then = std::exchange(m_afterRefresh, {});
    for (const std::function<void()> &f : then)
        f();
    Q_EMIT m_git->changesRefreshed();
}

void GitChangesController::finishRefreshNow()
{
    if (m_changesGeneration == m_appliedChangesGeneration || !m_changesFuture.isValid())
        return;
    m_changesFuture.waitForFinished(); // the worker never waits for the GUI
    apply(m_changesGeneration, m_changesFuture.result());
}

QWidget *GitChangesController::showForScreenshot()
{
    // A screenshot is taken at once: wait for the workers here (they never wait for the
    // GUI), then show the first changed file's diff.
    refresh();
    finishRefreshNow();
    // The first file with both a staged and an unstaged part, else the first file.
    const auto &changes = m_panel->changes();
    std::optional<std::pair<int, QString>> first, both;
    for (int r = 0; r < changes.size(); ++r) {
        for (const ui::GitFileChange &file : changes[r].files) {
            if (!first)
                first = std::pair{r, file.path};
            if (!both && file.staged() && file.unstaged())
                both = std::pair{r, file.path};
        }
    }
    const auto pick = both ? both : first;
    if (pick)
        m_panel->selectFile(pick->first, pick->second);
    requestDiff();
    finishDiffNow();
    m_dock->setFloating(true);
    m_dock->resize(820, 640);
    return m_dock;
}

// The diff of the file selected in the Changes panel, computed on a worker.
void GitChangesController::requestDiff()
{
    const int repository = m_panel->currentRepository();
    const QString path = m_panel->currentFile();
    const quint64 generation = ++m_diffGeneration;
    const QList<GitController::RepositoryRef> repos = m_git->repositories();
    if (path.isEmpty() || repository < 0 || repository >= repos.size()) {
        m_panel->diffView()->clearDiff();
        return;
    }
    git::WorktreeDiffRequest request;
    request.repository = {repos[repository].name, repos[repository].path};
    request.path = path;
    request.secrets = m_git->secrets();
    const QString absolutePath = QDir::cleanPath(QDir(request.repository.path).filePath(path));
    if (platform::Session *session = m_git->context()->session()) {
        platform::EditBuffers *buffers = session->buffers();
        if (buffers->isModified(absolutePath)) {
            if (auto content = buffers->read(absolutePath))
                request.unsaved = *content;
        }
    }
    m_panel->diffView()->showLoading(path);
    m_diffFuture = git::diffWorktreeFileAsync(request);
    auto *watcher = new QFutureWatcher<git::WorktreeFileDiff>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_diffGeneration || generation == m_appliedDiffGeneration)
            return; // another file was selected meanwhile
        m_appliedDiffGeneration = generation;
        m_panel->diffView()->setDiff(toView(watcher->future().result()));
        Q_EMIT m_git->fileDiffShown();
    });
    watcher->setFuture(m_diffFuture);
}

void GitChangesController::finishDiffNow()
{
    if (m_diffGeneration == m_appliedDiffGeneration || !m_diffFuture.isValid())
        return;
    m_diffFuture.waitForFinished();
    m_appliedDiffGeneration = m_diffGeneration;
    m_panel->diffView()->setDiff(toView(m_diffFuture.result()));
}

ui::GitFileDiff GitChangesController::toView(const git::WorktreeFileDiff &diff)
{
    constexpr qint64 cap = 1024 * 1024;
    auto megabytes = [](qint64 bytes) {
        return QString::number(double(bytes) / 1048576.0, 'f', 1);
    };
    ui::GitFileDiff view{diff.repository, diff.path, {}, diff.error, diff.unsaved};
    for (const git::WorktreeDiffPart &part : diff.parts) {
        using Note = git::WorktreeDiffPart::Note;
        ui::GitDiffPart shown;
        using Side = git::WorktreeDiffPart::Side;
        shown.side = part.side == Side::Staged     ? ui::GitDiffPart::Side::Staged
                     : part.side == Side::Unstaged ? ui::GitDiffPart::Side::Unstaged
                                                   : ui::GitDiffPart::Side::Unsaved;
        shown.text = part.text;
        switch (part.note) {
        case Note::None:
            break;
        case Note::Binary:
            shown.note = GitController::tr("binary file differs");
            break;
        case Note::TooLarge:
            shown.note =
                GitController::tr("the file is too large to show (%1 MB; the limit is %2 MB)")
                    .arg(megabytes(part.size), megabytes(cap));
            break;
        case Note::Truncated:
            shown.note =
                GitController::tr("the diff is longer than %1 MB: cut here").arg(megabytes(cap));
            break;
        case Note::SameAsDisk:
            shown.note = GitController::tr("the unsaved content is the same as the file on disk");
            break;
        }
        view.parts << shown;
    }
    return view;
}

// Staging runs on a worker; the panel shows the new status once it is done.
void GitChangesController::stage(int repository, const QStringList &paths, git::Staging staging)
{
    const GitController::RepositoryRef ref = m_git->repositories().value(repository);
    ++m_staging;
    const QFuture<Result<void>> future = git::stageAsync(ref.path, paths, staging);
    m_stagings.removeIf([](const QFuture<Result<void>> &f) { return f.isFinished(); });
    m_stagings << future;
    auto *watcher = new QFutureWatcher<Result<void>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, staging] {
        watcher->deleteLater();
        --m_staging;
        const Result<void> done = watcher->future().result();
        if (!done)
            m_git->context()->reportError(staging == git::Staging::Stage
                                              ? GitController::tr("Stage")
                                              : GitController::tr("Unstage"),
                                          m_git->explain(done.error()));
        refresh();
    });
    watcher->setFuture(future);
}

} // namespace kanri::app

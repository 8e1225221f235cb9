#include "app/appcontext.h"

#include "core/workerpool.h"
#include "git/gitrepository.h"
#include "platform/catalog.h"
#include "platform/demoworkspace.h"
#include "platform/deploymentsmodel.h"
#include "platform/diskwatcher.h"
#include "platform/editbuffers.h"
#include "platform/editjournal.h"
#include "platform/session.h"
#include "platform/workspace.h"
#include "ui/main/commandpalette.h"
#include "ui/main/mainwindow.h"
#include "ui/main/restoreeditsdialog.h"
#include "ui/theme/theme.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstdio>

namespace kanri::app {

AppContext::AppContext(ui::MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    m_loadPool.setMaxThreadCount(2); // the load in progress, and one being dropped
    connect(m_window, &ui::MainWindow::loadCancelRequested, this, &AppContext::cancelLoad);
    // View ▸ Theme: the user's choice, kept in the settings.
    m_window->setTheme(
        ui::themeFromName(m_settings.value(QStringLiteral("view/theme")).toString()));
    connect(m_window, &ui::MainWindow::themeChosen, this, [this](ui::ThemeChoice choice) {
        m_settings.setValue(QStringLiteral("view/theme"), ui::themeName(choice));
    });
    // View ▸ Group Catalog by Cluster, kept in the settings; the Argo CD map is read on a worker.
    m_window->setCatalogByCluster(
        m_settings.value(QStringLiteral("view/catalogByCluster")).toBool());
    connect(m_window, &ui::MainWindow::catalogByClusterChosen, this,
            [this](bool on) { m_settings.setValue(QStringLiteral("view/catalogByCluster"), on); });
    addBusyProbe(this,
                 [this] { return m_window->deployments() && m_window->deployments()->isBusy(); });
    addView(QStringLiteral("clusters"), [this]() -> QWidget * {
        m_window->setCatalogByCluster(true);
        return m_window;
    });
    // The command palette (Ctrl+K) with a pattern typed, over the window.
    addView(QStringLiteral("palette"), [this]() -> QWidget * {
        m_window->openPalette(false);
        m_window->commandPalette()->lineEdit()->setText(QStringLiteral("pa prd"));
        return m_window;
    });
    // What the restore and conflict questions look like, over the session's unsaved edits
    // (kanri --screenshot F --edit ... --view restore-edits).
    addView(QStringLiteral("restore-edits"), [this]() -> QWidget * {
        if (!m_session)
            return nullptr;
        QList<ui::RestoreEditsDialog::File> files;
        platform::EditBuffers *buffers = m_session->buffers();
        for (const QString &path : buffers->modifiedFiles())
            files.append({QDir(m_session->catalog().workspace.dir).relativeFilePath(path),
                          buffers->onDisk(path).value_or(QByteArray()),
                          buffers->read(path).value_or(QByteArray()), false});
        auto *dialog = new ui::RestoreEditsDialog(files, QDateTime::currentDateTime(), m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        return dialog;
    });
    addView(QStringLiteral("disk-conflict"), [this]() -> QWidget * {
        if (!m_session || m_session->buffers()->modifiedFiles().isEmpty())
            return nullptr;
        platform::EditBuffers *buffers = m_session->buffers();
        const QString path = buffers->modifiedFiles().first();
        auto *dialog = new ui::DiskConflictDialog(
            QDir::toNativeSeparators(
                QDir(m_session->catalog().workspace.dir).relativeFilePath(path)),
            buffers->onDisk(path), buffers->read(path).value_or(QByteArray()), m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        if (auto *both = dialog->findChild<QPushButton *>(QStringLiteral("showBoth")))
            both->click();
        return dialog;
    });
    // Back in Kanri after working elsewhere: what changed on disk meanwhile is read again.
    connect(qGuiApp, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState state) {
                if (state == Qt::ApplicationActive && m_diskWatcher)
                    m_diskWatcher->rescan();
            });
}

AppContext::~AppContext()
{
    m_status.waitForFinished();
    ++m_loadGeneration; // a worker that finishes now finds nothing to install
    for (QFuture<void> &worker : m_loadWorkers)
        worker.cancel(); // those not started yet never start
    m_loadPool.waitForDone();
    if (m_session)
        dropSession();
}

void AppContext::dropSession()
{
    Q_EMIT sessionChanged(nullptr);
    m_window->setSession(nullptr);
    // The journal keeps what is still unsaved (a SIGTERM, a session logout): it goes first.
    m_journal.reset();
    m_diskWatcher.reset();
    // session() answers nullptr while the old one is destroyed.
    std::unique_ptr<platform::Session> old = std::move(m_session);
    old.reset();
}

QString AppContext::journalDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/journal");
}

void AppContext::flushJournal()
{
    if (!m_journal)
        return;
    if (auto r = m_journal->flush(); !r)
        std::fprintf(stderr, "kanri: %s\n", qPrintable(r.error().toString()));
}

bool AppContext::claimWorkspace(const QString &dir)
{
    if (!m_keepsJournal)
        return true;
    auto lock = std::make_unique<platform::WorkspaceLock>(journalDirectory(), dir);
    if (m_lock && m_lock->filePath() == lock->filePath())
        return true; // this window has it already (a reload)
    if (!lock->tryLock() && lock->holderPid() != QCoreApplication::applicationPid()) {
        QMessageBox box(QMessageBox::Warning, tr("Workspace already open"),
                        tr("This workspace is already open in another Kanri (process %1 on %2).")
                            .arg(lock->holderPid())
                            .arg(lock->holderHost()),
                        QMessageBox::NoButton, m_window);
        box.setInformativeText(tr("Editing it in two windows can overwrite what the other "
                                  "one saves. Switch to the other window, or open it here "
                                  "anyway."));
        QPushButton *open = box.addButton(tr("Open Anyway"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(qobject_cast<QPushButton *>(box.button(QMessageBox::Cancel)));
        box.exec();
        if (box.clickedButton() != open)
            return false;
    }
    m_pendingLock = std::move(lock); // held, or opened anyway without it; install() keeps it
    return true;
}

void AppContext::offerRestore(const QString &dir)
{
    if (!m_keepsJournal || !m_session)
        return;
    const QList<platform::Journal> orphans =
        platform::EditJournal::orphans(journalDirectory(), dir);
    if (orphans.isEmpty())
        return;
    // What would change: each journalled file against what the buffers hold now.
    QList<ui::RestoreEditsDialog::File> files;
    for (const platform::Journal &journal : orphans) {
        for (const platform::JournalEntry &entry : journal.entries) {
            if (!entry.content)
                continue;
            const auto now = m_session->buffers()->read(entry.path);
            if (now && *now == *entry.content)
                continue;
            const std::optional<QByteArray> disk = m_session->buffers()->onDisk(entry.path);
            files.append({QDir(dir).relativeFilePath(entry.path), now ? *now : QByteArray(),
                          *entry.content, platform::EditJournal::sha256(disk) != entry.baseSha256});
        }
    }
    const auto removeOrphans = [&orphans] {
        for (const platform::Journal &journal : orphans)
            QFile::remove(journal.file);
    };
    if (files.isEmpty()) {
        removeOrphans(); // nothing in them differs from what is here now
        return;
    }
    const QDateTime written = orphans.first().written.toLocalTime();
    ui::RestoreEditsDialog dialog(files, written, m_window);
    switch (dialog.exec()) {
    case ui::RestoreEditsDialog::Restore: {
        int restored = 0;
        for (const platform::Journal &journal : orphans)
            restored += platform::EditJournal::restore(m_session->buffers(), journal);
        // This session's journal holds them before the old ones go.
        flushJournal();
        removeOrphans();
        m_window->showStatusMessage(
            tr("Restored unsaved edits of %n file(s). Edit ▸ Undo takes them back.", nullptr,
               restored));
        break;
    }
    case ui::RestoreEditsDialog::Discard:
        removeOrphans();
        break;
    default:
        break; // asked again next time
    }
}

const platform::Workspace *AppContext::workspace() const
{
    return m_session ? &m_session->catalog().workspace : nullptr;
}

void AppContext::reportError(const QString &title, const QString &message)
{
    if (m_reportError)
        m_reportError(title, message);
    else
        QMessageBox::critical(m_window, title, message);
}

void AppContext::addBusyProbe(QObject *owner, std::function<bool()> busy)
{
    m_busyProbes.append({owner, std::move(busy)});
}

void AppContext::setWorkingOffline(bool offline)
{
    if (offline == m_workingOffline)
        return;
    m_workingOffline = offline;
    Q_EMIT workingOfflineChanged(offline);
}

bool AppContext::isBusy() const
{
    if (isLoading() || m_status.isRunning())
        return true;
    return std::any_of(m_busyProbes.cbegin(), m_busyProbes.cend(),
                       [](const BusyProbe &probe) { return probe.owner && probe.busy(); });
}

bool AppContext::load(const QString &dir)
{
    endLoad(); // what loadAsync() was reading is dropped: this load wins
    ++m_loadGeneration;
    for (QFuture<void> &worker : m_loadWorkers)
        worker.cancel();
    auto ws = platform::openWorkspace(dir);
    if (!ws) {
        reportError(tr("Cannot open workspace"), ws.error().toString());
        return false;
    }
    if (!claimWorkspace(dir))
        return false;
    auto opened = platform::Session::open(*ws);
    if (!opened) {
        reportError(tr("Cannot open workspace"), opened.error().toString());
        return false;
    }
    install(std::move(*opened), dir);
    return true;
}

void AppContext::install(std::unique_ptr<platform::Session> session, const QString &dir)
{
    dropSession(); // announced even when there was none: the window is rebuilt
    if (m_pendingLock)
        m_lock = std::move(m_pendingLock); // another workspace: the old one's lock goes
    m_session = std::move(session);
    m_session->setUserTeams(m_settings.value(QStringLiteral("user/teams")).toStringList());
    m_window->setSession(m_session.get());
    for (const Error &problem : m_session->catalog().problems)
        std::fprintf(stderr, "kanri: %s\n", qPrintable(problem.toString()));
    refreshRepositoryStatus();
    if (m_remembersWorkspace)
        m_settings.setValue(QStringLiteral("workspace/last"), dir);
    Q_EMIT sessionChanged(m_session.get());
    // Files other programs change: followed where nothing is edited, announced where it is.
    QStringList roots;
    for (const auto &spec : m_session->catalog().workspace.repositories)
        roots << m_session->catalog().workspace.repositoryPath(spec);
    m_diskWatcher = std::make_unique<platform::DiskWatcher>(roots);
    connect(m_diskWatcher.get(), &platform::DiskWatcher::filesChanged, m_session.get(),
            &platform::Session::filesChangedOnDisk);
    connect(m_session.get(), &platform::Session::editedFilesChangedOnDisk, this,
            [this](const QStringList &paths) {
                QStringList names;
                for (const QString &path : paths)
                    names << QFileInfo(path).fileName();
                m_window->showStatusMessage(
                    tr("Changed on disk by another program: %1. Your unsaved edits are kept; "
                       "saving asks which version to keep.")
                        .arg(names.join(QStringLiteral(", "))),
                    30000);
            });
    if (m_keepsJournal) {
        m_journal =
            std::make_unique<platform::EditJournal>(m_session->buffers(), dir, journalDirectory());
        connect(m_journal.get(), &platform::EditJournal::writeFailed, this,
                [this](const Error &error) {
                    reportError(tr("Unsaved edits are not protected"),
                                tr("Kanri keeps a copy of unsaved edits in case it is closed "
                                   "abruptly, and could not write it: %1")
                                    .arg(error.toString()));
                });
        offerRestore(dir);
    }
}

struct AppContext::LoadedCatalog
{
    Result<platform::Catalog> catalog;
};

void AppContext::loadAsync(const QString &dir)
{
    const quint64 generation = ++m_loadGeneration;
    m_loadingDir = dir;
    m_window->setLoadProgress(
        tr("Opening %1… reading the catalog").arg(QDir::toNativeSeparators(dir)));
    // Older loads are dropped: one that has not started yet never will (a running one cannot
    // be stopped: it finishes in the background and its result is ignored).
    m_loadWorkers.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    for (QFuture<void> &worker : m_loadWorkers)
        worker.cancel();
    // A watcher per load, not QFuture::then(context): with Qt 6.4, then() sometimes never
    // delivers a future that finished before it was attached.
    using Watcher = QFutureWatcher<std::shared_ptr<LoadedCatalog>>;
    auto *watcher = new Watcher(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            catalogLoaded(generation, watcher->result());
    });
    // The part of opening a workspace that reads files. Catalog::load reads both repositories
    // into plain values (no QObject), so it may run on any thread.
    const QFuture<std::shared_ptr<LoadedCatalog>> future = QtConcurrent::run(&m_loadPool, [dir] {
        auto ws = platform::openWorkspace(dir);
        if (!ws)
            return std::make_shared<LoadedCatalog>(LoadedCatalog{std::unexpected(ws.error())});
        return std::make_shared<LoadedCatalog>(LoadedCatalog{platform::Catalog::load(*ws)});
    });
    m_loadWorkers.append(QFuture<void>(future));
    watcher->setFuture(future);
}

void AppContext::catalogLoaded(quint64 generation, const std::shared_ptr<LoadedCatalog> &loaded)
{
    if (generation != m_loadGeneration || m_loadingDir.isEmpty())
        return; // cancelled, or another load replaced this one
    if (!loaded->catalog) {
        endLoad();
        reportError(tr("Cannot open workspace"), loaded->catalog.error().toString());
        Q_EMIT loadFinished(false);
        return;
    }
    const QString dir = m_loadingDir;
    const int services = int(loaded->catalog->services.size());
    m_window->setLoadProgress(tr("Opening %1… catalog, %n service(s)", nullptr, services)
                                  .arg(QDir::toNativeSeparators(dir)));
    // Let the window paint the count before the session's models and views are built.
    QTimer::singleShot(0, this, [this, generation, loaded, dir] {
        if (generation != m_loadGeneration || m_loadingDir.isEmpty())
            return;
        // Edits made to the old session while the catalog loaded (the window stayed usable).
        if (m_session && m_session->buffers()->isModified()) {
            const bool sameWorkspace = QDir(m_session->catalog().workspace.dir) == QDir(dir);
            if (!m_window->maybeSave()) {
                endLoad();
                Q_EMIT loadFinished(false);
                return;
            }
            if (generation != m_loadGeneration)
                return; // another load started while the question was open
            if (sameWorkspace && !m_session->buffers()->isModified()) {
                // Saved: the catalog read before the save is out of date. Read it again.
                loadAsync(dir);
                return;
            }
        }
        if (!claimWorkspace(dir)) {
            endLoad();
            Q_EMIT loadFinished(false);
            return;
        }
        // The progress line stays while the window is built for the new session.
        install(platform::Session::create(std::move(*loaded->catalog)), dir);
        endLoad();
        Q_EMIT loadFinished(true);
    });
}

void AppContext::cancelLoad()
{
    if (m_loadingDir.isEmpty())
        return;
    ++m_loadGeneration;
    for (QFuture<void> &worker : m_loadWorkers)
        worker.cancel();
    endLoad();
    m_window->showStatusMessage(tr("Opening the workspace was cancelled."));
    Q_EMIT loadFinished(false);
}

void AppContext::endLoad()
{
    if (m_loadingDir.isEmpty())
        return;
    m_loadingDir.clear();
    m_window->setLoadProgress({});
}

bool AppContext::reload()
{
    if (!m_session)
        return false;
    if (!m_window->maybeSave())
        return false;
    return load(QString(m_session->catalog().workspace.dir)); // a copy: load() replaces the session
}

void AppContext::reloadAsync()
{
    if (!m_session || !m_window->maybeSave())
        return;
    loadAsync(QString(m_session->catalog().workspace.dir));
}

namespace {

struct RepositoryLine
{
    QString name, path;
};

// "accounts: main ↑1 ↓0 · 2 uncommitted" per repository. Runs on a worker.
QString repositoryStatus(const QList<RepositoryLine> &repositories)
{
    QStringList state;
    for (const RepositoryLine &r : repositories) {
        auto repo = git::Repository::open(r.path);
        if (!repo)
            continue;
        QString line = r.name + QStringLiteral(": ") + repo->currentBranch();
        if (auto ab = repo->aheadBehind(repo->currentBranch()))
            line += QStringLiteral(" ↑%1 ↓%2").arg(ab->ahead).arg(ab->behind);
        if (auto status = repo->status(); status && !status->empty())
            line += QStringLiteral(" · ") +
                    AppContext::tr("%n uncommitted", nullptr, int(status->size()));
        state << line;
    }
    return state.join(QStringLiteral("   "));
}

} // namespace

void AppContext::refreshRepositoryStatus()
{
    const platform::Workspace *ws = workspace();
    const quint64 generation = ++m_statusGeneration;
    if (!ws) {
        m_window->setRepositoryStatus({});
        return;
    }
    m_session->notifyDiskChanged();
    QList<RepositoryLine> repositories;
    for (const auto &spec : ws->repositories)
        repositories.append({spec.name, ws->repositoryPath(spec)});
    disconnect(&m_status, nullptr, this, nullptr);
    connect(&m_status, &QFutureWatcherBase::finished, this, [this, generation] {
        if (generation == m_statusGeneration && m_status.future().resultCount() > 0)
            m_window->setRepositoryStatus(m_status.result());
    });
    m_status.setFuture(QtConcurrent::run(scanPool(), repositoryStatus, repositories));
}

void AppContext::addView(const QString &name, ViewOpener open)
{
    m_views.insert(name, std::move(open));
}

QStringList AppContext::viewNames() const
{
    QStringList names = m_views.keys();
    names.sort();
    return names;
}

QWidget *AppContext::openView(const QString &name)
{
    const auto it = m_views.constFind(name);
    return it == m_views.constEnd() ? nullptr : (*it)();
}

} // namespace kanri::app

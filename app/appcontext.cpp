#include "app/appcontext.h"

#include "git/gitrepository.h"
#include "platform/catalog.h"
#include "platform/demoworkspace.h"
#include "platform/session.h"
#include "platform/workspace.h"
#include "ui/main/mainwindow.h"

#include <QDir>
#include <QMessageBox>
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
}

AppContext::~AppContext()
{
    m_status.waitForFinished();
    ++m_loadGeneration; // a worker that finishes now finds nothing to install
    for (QFuture<void> &worker : m_loadWorkers)
        worker.cancel(); // those not started yet never start
    m_loadPool.waitForDone();
    if (m_session) {
        Q_EMIT sessionChanged(nullptr);
        m_window->setSession(nullptr);
        // session() answers nullptr while the old one is destroyed.
        std::unique_ptr<platform::Session> old = std::move(m_session);
        old.reset();
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
    Q_EMIT sessionChanged(nullptr);
    m_window->setSession(nullptr);
    // session() answers nullptr while the old one is destroyed.
    std::unique_ptr<platform::Session> old = std::move(m_session);
    old.reset();
    m_session = std::move(session);
    m_session->setUserTeams(m_settings.value(QStringLiteral("user/teams")).toStringList());
    m_window->setSession(m_session.get());
    for (const Error &problem : m_session->catalog().problems)
        std::fprintf(stderr, "kanri: %s\n", qPrintable(problem.toString()));
    refreshRepositoryStatus();
    if (m_remembersWorkspace)
        m_settings.setValue(QStringLiteral("workspace/last"), dir);
    Q_EMIT sessionChanged(m_session.get());
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
    m_status.setFuture(QtConcurrent::run(repositoryStatus, repositories));
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

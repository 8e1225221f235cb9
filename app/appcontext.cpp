#include "appcontext.h"

#include "demoworkspace.h"
#include "gitrepository.h"
#include "mainwindow.h"
#include "session.h"
#include "workspace.h"

#include <QMessageBox>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>

namespace kanri::app {

AppContext::AppContext(ui::MainWindow *window, bool screenshot, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_screenshot(screenshot)
{}

AppContext::~AppContext()
{
    m_status.waitForFinished();
    if (m_session) {
        Q_EMIT sessionChanged(nullptr);
        m_window->setSession(nullptr);
    }
}

const platform::Workspace *AppContext::workspace() const
{
    return m_session ? &m_session->catalog().workspace : nullptr;
}

void AppContext::reportError(const QString &title, const QString &message)
{
    if (m_screenshot)
        std::fprintf(stderr, "kanri: %s\n", qPrintable(message));
    else
        QMessageBox::critical(m_window, title, message);
}

bool AppContext::load(const QString &dir)
{
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
    Q_EMIT sessionChanged(nullptr);
    m_window->setSession(nullptr);
    m_session = std::move(*opened);
    m_session->setUserTeams(m_settings.value(QStringLiteral("user/teams")).toStringList());
    m_window->setSession(m_session.get());
    for (const Error &problem : m_session->catalog().problems)
        std::fprintf(stderr, "kanri: %s\n", qPrintable(problem.toString()));
    refreshRepositoryStatus();
    if (!m_screenshot)
        m_settings.setValue(QStringLiteral("workspace/last"), dir);
    Q_EMIT sessionChanged(m_session.get());
    return true;
}

bool AppContext::reload()
{
    if (!m_session)
        return false;
    if (!m_window->maybeSave())
        return false;
    return load(QString(m_session->catalog().workspace.dir)); // a copy: load() replaces the session
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
    if (m_screenshot) {
        m_window->setRepositoryStatus(repositoryStatus(repositories));
        return;
    }
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

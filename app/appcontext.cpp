#include "appcontext.h"

#include "demoworkspace.h"
#include "gitrepository.h"
#include "mainwindow.h"
#include "session.h"
#include "workspace.h"

#include <QMessageBox>

#include <cstdio>

namespace kanri::app {

AppContext::AppContext(ui::MainWindow *window, bool screenshot, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_screenshot(screenshot)
{}

AppContext::~AppContext()
{
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

void AppContext::refreshRepositoryStatus()
{
    const platform::Workspace *ws = workspace();
    if (!ws) {
        m_window->setRepositoryStatus({});
        return;
    }
    QStringList state;
    for (const auto &spec : ws->repositories) {
        auto repo = git::Repository::open(ws->repositoryPath(spec));
        if (!repo)
            continue;
        QString line = spec.name + QStringLiteral(": ") + repo->currentBranch();
        if (auto ab = repo->aheadBehind(repo->currentBranch()))
            line += QStringLiteral(" ↑%1 ↓%2").arg(ab->ahead).arg(ab->behind);
        state << line;
    }
    m_window->setRepositoryStatus(state.join(QStringLiteral("   ")));
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

#include "platform/deploymentsmodel.h"

#include "git/gitrepository.h"
#include "platform/session.h"
#include "platform/workspace.h"

#include <QDir>

namespace kanri::platform {

argocd::Options deploymentOptions(const Workspace &workspace, const QString &manifestsRoot)
{
    argocd::Options options;
    if (const RepositorySpec *spec = workspace.repository(RepositoryRole::Manifests)) {
        if (!spec->url.isEmpty())
            options.repoUrls << spec->url;
        options.defaultBranch = spec->defaultBranch;
    }
    options.revision = options.defaultBranch;
    if (auto repo = git::Repository::open(manifestsRoot)) {
        if (auto url = repo->remoteUrl(QStringLiteral("origin")); url && !url->isEmpty())
            options.repoUrls << *url;
        if (const QString branch = repo->currentBranch(); !branch.isEmpty())
            options.revision = branch;
    }
    if (auto clusters = argocd::readWorkspaceClusters(workspace.fileName()))
        options.workspaceClusters = *clusters;
    return options;
}

QList<argocd::Deployment> reachedBy(const argocd::DeploymentMap &map, const QStringList &overlays)
{
    QList<argocd::Deployment> reached;
    QSet<QString> seen;
    for (const QString &overlay : overlays) {
        const QString path = QDir::cleanPath(overlay);
        if (!seen.contains(path))
            reached << map.deploymentsOf(path);
        seen.insert(path);
    }
    std::sort(reached.begin(), reached.end(),
              [](const argocd::Deployment &a, const argocd::Deployment &b) {
                  return std::tie(a.cluster, a.application, a.path) <
                         std::tie(b.cluster, b.application, b.path);
              });
    return reached;
}

struct DeploymentsModel::Outcome
{
    argocd::DeploymentMap map;
    QString revision;
};

namespace {

bool targetsThisRepository(const argocd::DeploymentMap &map)
{
    return std::any_of(map.applications.cbegin(), map.applications.cend(),
                       [](const argocd::Deployment &d) { return d.thisRepository; });
}

} // namespace

DeploymentsModel::DeploymentsModel(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(300);
    connect(&m_timer, &QTimer::timeout, this, &DeploymentsModel::start);
    connect(session->buffers(), &EditBuffers::fileChanged, this, &DeploymentsModel::fileChanged);
    connect(session, &Session::servicesChanged, this, &DeploymentsModel::refresh);
    connect(session, &Session::diskChanged, this, &DeploymentsModel::refresh);
    start();
}

DeploymentsModel::~DeploymentsModel() = default;

QList<argocd::Deployment> DeploymentsModel::deploymentsOf(const QString &overlay) const
{
    return m_map.deploymentsOf(QDir::cleanPath(overlay));
}

QStringList DeploymentsModel::clustersOf(const QString &overlay) const
{
    return m_map.clustersOf(QDir::cleanPath(overlay));
}

void DeploymentsModel::refresh()
{
    m_timer.start();
}

void DeploymentsModel::refreshNow()
{
    m_timer.stop();
    start();
    m_run.waitForDone();
}

void DeploymentsModel::fileChanged(const QString &path)
{
    const QString root = m_session->catalog().manifestsRoot;
    if (path == m_session->catalog().workspace.fileName() || m_watchedFiles.contains(path)) {
        refresh();
        return;
    }
    if (root.isEmpty() || !path.startsWith(root + QLatin1Char('/')))
        return;
    for (const QString &folder : std::as_const(m_watchedFolders)) {
        if (path.startsWith(folder)) {
            refresh();
            return;
        }
    }
    // A new Argo CD object (Application, ApplicationSet, AppProject, a cluster Secret's label):
    // all of them hold "argoproj.io/", as the map's reader asks of a file before it parses it
    // (a CRD of the group argoproj.io, typed into, is no reason to read the map again). The
    // buffers hold the content: no disk read.
    if (!path.endsWith(QLatin1String(".yaml")) && !path.endsWith(QLatin1String(".yml")) &&
        !path.endsWith(QLatin1String(".json")))
        return;
    if (auto content = m_session->buffers()->read(path);
        content && content->contains("argoproj.io/"))
        refresh();
}

void DeploymentsModel::start()
{
    const Catalog &catalog = m_session->catalog();
    if (catalog.manifestsRoot.isEmpty()) {
        m_run.cancel();
        m_map = {};
        m_ready = true;
        Q_EMIT changed();
        return;
    }
    // The worker owns what it reads: the session may go while it runs.
    auto overlay = std::make_shared<const kustomize::FileOverlay>(
        kustomize::FileOverlay{m_session->buffers()->overlay()});
    m_run.start(
        [workspace = catalog.workspace, root = catalog.manifestsRoot,
         overlay](const std::atomic_bool &cancelled) -> std::shared_ptr<const Outcome> {
            argocd::Options options = deploymentOptions(workspace, root);
            options.overlay = overlay.get();
            if (cancelled)
                return nullptr;
            auto outcome = std::make_shared<Outcome>();
            auto map = argocd::readDeployments(root, options);
            if (map && !targetsThisRepository(*map) && options.revision != options.defaultBranch &&
                !cancelled) {
                // A feature branch no application follows: where it goes once merged.
                options.revision = options.defaultBranch;
                map = argocd::readDeployments(root, options);
            }
            if (map) {
                outcome->map = std::move(*map);
            } else {
                outcome->map.problems << map.error();
            }
            outcome->revision = options.revision;
            return outcome;
        },
        [this](std::shared_ptr<const Outcome> outcome) {
            if (outcome)
                finished(*outcome);
        });
}

void DeploymentsModel::finished(const Outcome &outcome)
{
    m_map = outcome.map;
    m_revision = outcome.revision;
    m_ready = true;
    const QDir root(m_session->catalog().manifestsRoot);
    m_watchedFiles.clear();
    m_watchedFolders.clear();
    QHash<QString, QStringList> pathsOf; // application → its source paths
    for (const argocd::Deployment &d : std::as_const(m_map.applications)) {
        if (!d.file.isEmpty())
            m_watchedFiles.insert(QDir::cleanPath(root.filePath(d.file)));
        pathsOf[d.application] << d.path;
    }
    for (const argocd::Cluster &c : std::as_const(m_map.clusters)) {
        if (!c.file.isEmpty())
            m_watchedFiles.insert(QDir::cleanPath(root.filePath(c.file)));
    }
    QSet<QString> parents;
    for (const argocd::Deployment &d : std::as_const(m_map.applications)) {
        if (!d.parent.isEmpty())
            parents.insert(d.parent);
    }
    for (const QString &parent : std::as_const(parents)) {
        for (const QString &path : pathsOf.value(parent))
            m_watchedFolders << QDir::cleanPath(root.filePath(path)) + QLatin1Char('/');
    }
    Q_EMIT changed();
}

} // namespace kanri::platform

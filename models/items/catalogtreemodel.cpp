#include "items/catalogtreemodel.h"

#include "core/workerpool.h"
#include "platform/renderpipeline.h"
#include "platform/session.h"

#include <QDir>
#include <QIcon>
#include <QTimer>

#include <map>

namespace kanri::items {

CatalogTreeModel::CatalogTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

// Renders in flight go with their nodes: nothing is delivered after this.
CatalogTreeModel::~CatalogTreeModel() = default;

struct CatalogTreeModel::RenderResult
{
    QString error; // "file:line:col: error: ..."
    QList<platform::ResourceSummary> resources;
};

bool CatalogTreeModel::Node::awaitsRender() const
{
    return render && render->isPending();
}

// What a build reads: the catalog's services (an implicitly shared copy), and the texts a
// worker must not translate itself.
struct CatalogTreeModel::Snapshot
{
    QList<platform::Service> services;
    Grouping grouping = Grouping::TeamFirst;
    bool withSession = false; // environments get their resources rendered on expansion
    QString noOwner, noNamespace;
};

struct CatalogTreeModel::Tree
{
    std::unique_ptr<Node> root = std::make_unique<Node>();
    QHash<int, std::vector<Node *>> environments; // service index → its environment nodes
};

// A background build: the worker builds it unless finishBuild() took it first.
struct CatalogTreeModel::BuildJob
{
    Snapshot snapshot;
    std::atomic_bool taken = false;
};

void CatalogTreeModel::setCatalog(const platform::Catalog *catalog)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = nullptr;
    m_catalog = catalog;
    rebuild(KeepShown::No);
}

void CatalogTreeModel::setSession(platform::Session *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_catalog = session ? &session->catalog() : nullptr;
    m_pipeline = session ? session->pipeline() : nullptr;
    if (m_session) {
        connect(m_session, &platform::Session::serviceChanged, this,
                &CatalogTreeModel::serviceChanged);
        connect(m_session, &platform::Session::servicesChanged, this,
                [this] { rebuild(KeepShown::Yes); });
        connect(m_session, &QObject::destroyed, this, [this] {
            m_session = nullptr;
            m_catalog = nullptr;
            m_pipeline.reset();
            rebuild(KeepShown::No);
        });
    }
    rebuild(KeepShown::No);
}

void CatalogTreeModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    m_grouping = grouping;
    rebuild(KeepShown::Yes);
    Q_EMIT groupingChanged(grouping);
}

namespace {

template<typename NodeT>
NodeT *addChild(NodeT *parent, CatalogTreeModel::NodeKind kind, QString name)
{
    auto node = std::make_unique<NodeT>();
    node->kind = kind;
    node->name = std::move(name);
    node->parent = parent;
    node->row = int(parent->children.size());
    parent->children.push_back(std::move(node));
    return parent->children.back().get();
}

} // namespace

CatalogTreeModel::Tree CatalogTreeModel::buildTree(const Snapshot &snapshot,
                                                   const std::atomic_bool *cancel)
{
    Tree tree;
    Node *root = tree.root.get();
    const auto &services = snapshot.services;
    auto addEnvironment = [&](Node *service, int serviceIndex, int environmentIndex,
                              const QString &teamName) {
        const platform::Service &s = services.at(serviceIndex);
        const platform::Environment &e = s.environments.at(environmentIndex);
        Node *env = addChild(service, NodeKind::Environment, e.name);
        env->service = s.name;
        env->detail = e.namespaceName;
        env->error = e.error;
        env->serviceIndex = serviceIndex;
        env->environmentIndex = environmentIndex;
        env->fetched = env->rendered = !snapshot.withSession || !e.error.isEmpty();
        env->search = s.name + QLatin1Char(' ') + teamName + QLatin1Char(' ') + e.name +
                      QLatin1Char(' ') + e.namespaceName;
        tree.environments[serviceIndex].push_back(env);
    };
    auto cancelled = [cancel](int i) { return cancel && i % 256 == 0 && cancel->load(); };
    if (snapshot.grouping == Grouping::TeamFirst) {
        std::map<QString, Node *> teams;
        for (int i = 0; i < services.size(); ++i) {
            if (cancelled(i))
                return {};
            const platform::Service &s = services.at(i);
            const QString teamName = s.team.isEmpty() ? snapshot.noOwner : s.team;
            Node *&team = teams[teamName];
            if (!team) {
                team = addChild(root, NodeKind::Team, teamName);
                team->search = teamName;
            }
            Node *service = addChild(team, NodeKind::Service, s.name);
            service->service = s.name;
            service->serviceIndex = i;
            service->error = s.error;
            service->search = s.name + QLatin1Char(' ') + teamName;
            for (int e = 0; e < s.environments.size(); ++e) {
                addEnvironment(service, i, e, teamName);
                service->search += QLatin1Char(' ') + s.environments.at(e).namespaceName;
            }
        }
    } else {
        // Namespaces in order of first appearance would depend on the service order;
        // sorted reads better and is stable.
        std::map<QString, Node *> namespaces;
        for (int i = 0; i < services.size(); ++i) {
            if (cancelled(i))
                return {};
            const platform::Service &s = services.at(i);
            const QString teamName = s.team.isEmpty() ? snapshot.noOwner : s.team;
            std::map<QString, Node *> serviceNodes; // namespace → this service's node
            for (int e = 0; e < s.environments.size(); ++e) {
                const QString nsName = s.environments.at(e).namespaceName.isEmpty()
                                           ? snapshot.noNamespace
                                           : s.environments.at(e).namespaceName;
                Node *&ns = namespaces[nsName];
                if (!ns) {
                    ns = addChild(root, NodeKind::Namespace, nsName);
                    ns->search = nsName;
                }
                Node *&service = serviceNodes[nsName];
                if (!service) {
                    service = addChild(ns, NodeKind::Service, s.name);
                    service->service = s.name;
                    service->serviceIndex = i;
                    service->detail = teamName;
                    service->error = s.error;
                    service->search =
                        s.name + QLatin1Char(' ') + teamName + QLatin1Char(' ') + nsName;
                }
                addEnvironment(service, i, e, teamName);
            }
        }
    }
    return tree;
}

void CatalogTreeModel::rebuild(KeepShown keep)
{
    m_building.cancel(); // what it builds is out of date
    m_buildJob.reset();
    m_pendingRefetch.clear();
    if (!m_catalog) {
        install(Tree());
        return;
    }
    Snapshot snapshot{m_catalog->services, m_grouping, m_session != nullptr, tr("(no owner)"),
                      tr("(no namespace)")};
    if (m_build == Build::Now) {
        ++m_buildsHere;
        install(buildTree(snapshot, nullptr));
        return;
    }
    if (keep == KeepShown::No) {
        install(Tree());
    } else {
        // The shown nodes stay until the new ones are in; their service and environment
        // numbers may no longer match the catalog, so none of them renders meanwhile.
        for (const std::vector<Node *> &envs : std::as_const(m_environmentNodes)) {
            for (Node *env : envs)
                env->render.reset();
        }
    }
    auto job = std::make_shared<BuildJob>();
    job->snapshot = std::move(snapshot);
    m_buildJob = job;
    m_building.start(
        [job](const std::atomic_bool &cancel) -> std::shared_ptr<Tree> {
            if (job->taken.exchange(true))
                return nullptr; // finishBuild() built it
            return std::make_shared<Tree>(buildTree(job->snapshot, &cancel));
        },
        [this](const std::shared_ptr<Tree> &tree) {
            m_buildJob.reset();
            if (tree)
                install(std::move(*tree));
        });
}

bool CatalogTreeModel::isBuilding() const
{
    return m_building.isPending();
}

void CatalogTreeModel::finishBuild()
{
    if (!m_building.isPending())
        return;
    const std::shared_ptr<BuildJob> job = std::exchange(m_buildJob, nullptr);
    if (!job || job->taken.exchange(true)) {
        m_building.waitForDone(); // a worker builds it: delivered from here
        return;
    }
    m_building.cancel();
    ++m_buildsHere;
    install(buildTree(job->snapshot, nullptr));
}

void CatalogTreeModel::install(Tree tree)
{
    beginResetModel();
    std::unique_ptr<Node> old = std::exchange(m_root, std::move(tree.root));
    const QHash<int, std::vector<Node *>> oldEnvironments =
        std::exchange(m_environmentNodes, std::move(tree.environments));
    m_pendingRefetch.clear();
    endResetModel();
    // Renders in flight go with their nodes, here; the rest of a large tree (tens of
    // thousands of nodes, tens of milliseconds) is freed on a worker.
    for (const std::vector<Node *> &envs : oldEnvironments) {
        for (Node *env : envs)
            env->render.reset();
    }
    if (!old->children.empty())
        workerPool()->start([doomed = std::shared_ptr<Node>(std::move(old))] {});
}

void CatalogTreeModel::setChildren(Node *env, std::vector<std::unique_ptr<Node>> children)
{
    const QModelIndex parent = indexFor(env);
    if (!env->children.empty()) {
        beginRemoveRows(parent, 0, int(env->children.size()) - 1);
        env->children.clear();
        endRemoveRows();
    }
    if (children.empty())
        return;
    beginInsertRows(parent, 0, int(children.size()) - 1);
    for (std::size_t i = 0; i < children.size(); ++i) {
        Node *node = children[i].get();
        node->parent = env;
        node->row = int(i);
        node->service = env->service;
        node->serviceIndex = env->serviceIndex;
        node->environmentIndex = env->environmentIndex;
        node->fetched = node->rendered = true;
        node->search = env->search + QLatin1Char(' ') + node->name;
    }
    env->children = std::move(children);
    endInsertRows();
}

namespace {

// A template, like addChild, so that it needs no access to the private Node type by name.
template<typename NodeT>
std::unique_ptr<NodeT> messageNode(CatalogTreeModel::NodeKind kind, const QString &text)
{
    auto node = std::make_unique<NodeT>();
    node->kind = kind;
    node->name = text;
    if (kind == CatalogTreeModel::NodeKind::RenderError)
        node->error = text;
    return node;
}

} // namespace

void CatalogTreeModel::startRender(Node *env)
{
    env->rendered = false;
    if (env->children.size() != 1 || env->children.front()->kind != NodeKind::Rendering) {
        std::vector<std::unique_ptr<Node>> rows;
        rows.push_back(messageNode<Node>(NodeKind::Rendering, tr("Rendering…")));
        setChildren(env, std::move(rows));
    }
    if (!env->render)
        env->render = std::make_unique<LatestResult<RenderResult>>();

    // Everything the worker needs is copied here: it touches neither the session nor the tree.
    const QString dir = QDir(m_catalog->manifestsRoot)
                            .filePath(m_catalog->services.at(env->serviceIndex)
                                          .environments.at(env->environmentIndex)
                                          .overlay);
    env->render->start( // supersedes a render in flight for this environment
        [pipeline = m_pipeline, dir,
         files = kustomize::FileOverlay{m_session->buffers()->overlay()}](
            const std::atomic_bool &cancel) -> RenderResult {
            RenderResult result;
            auto out = pipeline->render(dir, files, &cancel);
            if (!out) {
                result.error = out.error().toString();
                return result;
            }
            result.resources.reserve(qsizetype((*out)->resources.size()));
            for (const kustomize::RenderedResource &r : (*out)->resources)
                result.resources.append({r.apiVersion, r.kind, r.nameSpace, r.name});
            return result;
        },
        [this, env](const RenderResult &result) { renderFinished(env, result); });
}

void CatalogTreeModel::renderFinished(Node *env, const RenderResult &result)
{
    if (!m_catalog)
        return;
    env->rendered = true;
    const QString envError =
        m_catalog->services.at(env->serviceIndex).environments.at(env->environmentIndex).error;
    const QString error = result.error.isEmpty() ? envError : result.error;
    if (error != env->error) {
        env->error = error;
        const QModelIndex idx = indexFor(env);
        Q_EMIT dataChanged(idx, idx.siblingAtColumn(columnCount() - 1));
    }
    std::vector<std::unique_ptr<Node>> rows;
    if (!result.error.isEmpty()) {
        rows.push_back(messageNode<Node>(NodeKind::RenderError, result.error));
    } else {
        rows.reserve(std::size_t(result.resources.size()));
        for (const platform::ResourceSummary &r : result.resources) {
            auto node = std::make_unique<Node>();
            node->kind = NodeKind::Resource;
            node->name = r.kind + QLatin1Char('/') + r.name;
            node->detail = r.nameSpace;
            rows.push_back(std::move(node));
        }
    }
    setChildren(env, std::move(rows));
}

void CatalogTreeModel::serviceChanged(int service)
{
    if (isBuilding())
        return; // the nodes shown are on their way out; the new ones have rendered nothing

    // What was rendered is out of date: the expanded environments show "Rendering…" at once
    // and render again on the next turn, so the edit itself stays fast and a burst of edits
    // renders once.
    bool wanted = false;
    for (Node *env : m_environmentNodes.value(service)) {
        // Not asked for, or broken in the catalog (never rendered): nothing to do.
        if (!env->fetched || !m_session ||
            !m_catalog->services.at(service).environments.at(env->environmentIndex).error.isEmpty())
            continue;
        wanted = true;
        if (env->render)
            env->render->cancel();
        env->rendered = false;
        if (env->children.size() != 1 || env->children.front()->kind != NodeKind::Rendering) {
            std::vector<std::unique_ptr<Node>> rows;
            rows.push_back(messageNode<Node>(NodeKind::Rendering, tr("Rendering…")));
            setChildren(env, std::move(rows));
        }
    }
    if (wanted)
        scheduleRender(service);
}

void CatalogTreeModel::scheduleRender(int service)
{
    if (isBuilding() || m_pendingRefetch.contains(service))
        return;
    m_pendingRefetch.insert(service);
    QTimer::singleShot(0, this, [this, service] { refetch(service); });
}

void CatalogTreeModel::refetch(int service)
{
    // A rebuild in between cleared m_pendingRefetch: nothing to do then.
    if (!m_pendingRefetch.remove(service) || !m_session || isBuilding())
        return;
    for (Node *env : m_environmentNodes.value(service)) {
        if (env->fetched && !env->rendered && !env->awaitsRender())
            startRender(env);
    }
}

CatalogTreeModel::Node *CatalogTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex CatalogTreeModel::indexFor(Node *node) const
{
    return !node || node == m_root.get() ? QModelIndex() : createIndex(node->row, 0, node);
}

QModelIndex CatalogTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *p = nodeFor(parent);
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex CatalogTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *p = nodeFor(child)->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int CatalogTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int CatalogTreeModel::columnCount(const QModelIndex &) const
{
    return 2;
}

bool CatalogTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *n = nodeFor(parent);
    if (n->kind == NodeKind::Environment && parent.isValid() && !n->rendered)
        return true; // resources not rendered yet
    return !n->children.empty();
}

bool CatalogTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.column() > 0 || !m_session)
        return false;
    const Node *n = nodeFor(parent);
    return n->kind == NodeKind::Environment && !n->fetched;
}

void CatalogTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // The "Rendering…" row and the render start on the next turn: fetchMore may be called
    // inside a reset or another model signal (views and QAbstractItemModelTester do), where
    // rows must not be inserted.
    Node *env = nodeFor(parent);
    env->fetched = true;
    scheduleRender(env->serviceIndex);
}

QVariant CatalogTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *n = nodeFor(index);
    const bool broken = !n->error.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == 0)
            return n->name;
        switch (n->kind) {
        case NodeKind::Environment:
        case NodeKind::Resource:
            return n->detail;
        case NodeKind::Rendering:
        case NodeKind::RenderError:
            return {};
        case NodeKind::Team:
        case NodeKind::Namespace:
            return tr("%n service(s)", nullptr, int(n->children.size()));
        case NodeKind::Service:
            return broken ? tr("broken") : QVariant(n->detail);
        }
        return {};
    case Qt::ToolTipRole:
        if (broken)
            return n->error;
        return n->detail.isEmpty() ? QVariant() : QVariant(n->detail);
    case Qt::DecorationRole:
        if (broken && index.column() == 0)
            return QIcon::fromTheme(QStringLiteral("dialog-error"));
        return {};
    case KindRole:
        return int(n->kind);
    case NameRole:
        return n->name;
    case ServiceRole:
        return n->service;
    case SearchTextRole:
        return n->search;
    case EnvironmentRole:
        if (n->kind == NodeKind::Environment)
            return n->name;
        if ((n->kind == NodeKind::Resource || n->kind == NodeKind::Rendering ||
             n->kind == NodeKind::RenderError) &&
            n->parent)
            return n->parent->name;
        return {};
    case BrokenRole:
        return broken;
    case ErrorRole:
        return n->error;
    default:
        return {};
    }
}

QVariant CatalogTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == 0)
        return tr("Name");
    return m_grouping == Grouping::TeamFirst ? tr("Namespace") : tr("Team / namespace");
}

} // namespace kanri::items

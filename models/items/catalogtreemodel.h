#pragma once

#include "core/latestresult.h"
#include "platform/catalog.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

#include <atomic>
#include <memory>
#include <vector>

namespace kanri::platform {
class RenderPipeline;
class Session;
} // namespace kanri::platform

namespace kanri::items {

// The catalog as a tree, in one of two groupings:
//   TeamFirst:      team → service → environment (with its namespace) → rendered resources
//   NamespaceFirst: namespace → service → environment → rendered resources
// Services no team owns are under "(no owner)", environments without a namespace under
// "(no namespace)". Resources come from the working tree with the session's unsaved edits and
// are rendered lazily, one environment when it is expanded, on a worker thread: after
// fetchMore(), on the next event-loop turn (never inside a reset or another model signal), a
// "Rendering…" row (NodeKind::Rendering) goes under the environment and the render starts;
// when it ends, that row is replaced by the resources, or by a NodeKind::RenderError row
// carrying the message. Opening a catalog of thousands of services renders nothing, and
// the GUI thread never renders. After an edit, the environments already expanded of that
// service are rendered again (coalesced on the next event-loop turn, not inside the edit); a
// result that arrives after a newer render was started, a rebuild or another session is
// dropped (each environment node owns its LatestResult). Renders go through the session's
// render pipeline, shared with the tables, the live diff and the linter.
// Broken services and environments carry the error as tooltip, BrokenRole and an icon.
//
// The nodes (four per service on a team-first tree: 80,000 on 20,000 services, ~0.2 s) are
// built where setBuild() says. Build::Now (the default) builds them inside setSession(),
// setCatalog(), setGrouping() and on the session's servicesChanged(). Build::InBackground
// builds them on workerPool() from a copy of the catalog's services (implicitly shared, so
// the copy costs nothing) and swaps them in with a model reset: setSession() and setCatalog()
// empty the tree at once; a rebuild keeps showing the old nodes meanwhile, but starts no
// render for them and drops what their renders deliver. finishBuild() makes a pending build
// land now (it builds on this thread if no worker has taken it yet, or waits for the worker).
class CatalogTreeModel : public QAbstractItemModel
{
    Q_OBJECT
    Q_PROPERTY(Grouping grouping READ grouping WRITE setGrouping NOTIFY groupingChanged)

public:
    enum class NodeKind { Team, Service, Environment, Resource, Namespace, Rendering, RenderError };
    enum class Grouping { TeamFirst, NamespaceFirst };
    Q_ENUM(Grouping)
    enum class Build { Now, InBackground };
    enum Role {
        KindRole = Qt::UserRole + 1,
        NameRole,
        ServiceRole,
        SearchTextRole,
        EnvironmentRole, // environment and resource nodes: the environment's name
        BrokenRole,
        ErrorRole, // the error text of a broken node
    };

    explicit CatalogTreeModel(QObject *parent = nullptr);
    ~CatalogTreeModel() override;

    // A catalog without a session: no resources below the environments.
    void setCatalog(const platform::Catalog *catalog);
    // The session's catalog, with rendered resources; follows the session's edits.
    void setSession(platform::Session *session);

    Grouping grouping() const { return m_grouping; }
    void setGrouping(Grouping grouping);

    Build build() const { return m_build; }
    void setBuild(Build build) { m_build = build; }
    // A background build has been started and its nodes are not in yet.
    bool isBuilding() const;
    void finishBuild();
    // Nodes built on this thread so far (Build::Now, or finishBuild() before a worker took
    // the build): for tests and benchmarks.
    int buildsOnThisThread() const { return m_buildsHere; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void groupingChanged(kanri::items::CatalogTreeModel::Grouping grouping);

private:
    struct RenderResult;
    struct Node;
    struct Snapshot;
    struct Tree;
    struct BuildJob;
    struct Node
    {
        NodeKind kind = NodeKind::Team;
        QString name;
        QString detail;  // owner team, namespace, ...
        QString service; // the service a node belongs to
        QString search;  // what the filter box matches against
        QString error;   // set when broken
        int serviceIndex = -1, environmentIndex = -1;
        bool fetched = false;  // environments: resources were asked for (or need none)
        bool rendered = false; // environments: the resource (or error) rows are there
        // Environments: the render whose result is awaited (going with the node, it is
        // dropped).
        std::unique_ptr<LatestResult<RenderResult>> render;
        bool awaitsRender() const;
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
        int row = 0;
    };
    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(Node *node) const;
    // Builds the nodes again (Build::Now) or starts building them (Build::InBackground);
    // KeepShown::No empties the tree meanwhile (its catalog is going away).
    enum class KeepShown { No, Yes };
    void rebuild(KeepShown keep = KeepShown::Yes);
    // The whole tree from a snapshot, on any thread; an empty tree once `cancel` is set.
    static Tree buildTree(const Snapshot &snapshot, const std::atomic_bool *cancel);
    void install(Tree tree);
    void startRender(Node *environment);
    void renderFinished(Node *environment, const RenderResult &result);
    void setChildren(Node *environment, std::vector<std::unique_ptr<Node>> children);
    void serviceChanged(int service);
    void refetch(int service);
    void scheduleRender(int service);

    const platform::Catalog *m_catalog = nullptr;
    platform::Session *m_session = nullptr;
    Grouping m_grouping = Grouping::TeamFirst;
    Build m_build = Build::Now;
    int m_buildsHere = 0;
    // The background build in flight: its job (shared with the worker, which builds it unless
    // finishBuild() took it first) and its delivery.
    std::shared_ptr<BuildJob> m_buildJob;
    LatestResult<std::shared_ptr<Tree>> m_building;
    std::unique_ptr<Node> m_root;
    QHash<int, std::vector<Node *>> m_environmentNodes; // service index → its environment nodes
    QSet<int> m_pendingRefetch; // services whose asked-for environments wait to be rendered
    // The session's pipeline: a worker keeps it alive, so a session may go while it renders.
    std::shared_ptr<platform::RenderPipeline> m_pipeline;
};

} // namespace kanri::items

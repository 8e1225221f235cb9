#pragma once

#include "core/latestresult.h"
#include "platform/catalog.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

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
class CatalogTreeModel : public QAbstractItemModel
{
    Q_OBJECT
    Q_PROPERTY(Grouping grouping READ grouping WRITE setGrouping NOTIFY groupingChanged)

public:
    enum class NodeKind { Team, Service, Environment, Resource, Namespace, Rendering, RenderError };
    enum class Grouping { TeamFirst, NamespaceFirst };
    Q_ENUM(Grouping)
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
    void rebuild();
    Node *addEnvironment(Node *service, int serviceIndex, int environmentIndex,
                         const QString &teamName);
    void startRender(Node *environment);
    void renderFinished(Node *environment, const RenderResult &result);
    void setChildren(Node *environment, std::vector<std::unique_ptr<Node>> children);
    void serviceChanged(int service);
    void refetch(int service);
    void scheduleRender(int service);

    const platform::Catalog *m_catalog = nullptr;
    platform::Session *m_session = nullptr;
    Grouping m_grouping = Grouping::TeamFirst;
    std::unique_ptr<Node> m_root;
    QHash<int, std::vector<Node *>> m_environmentNodes; // service index → its environment nodes
    QSet<int> m_pendingRefetch; // services whose asked-for environments wait to be rendered
    // The session's pipeline: a worker keeps it alive, so a session may go while it renders.
    std::shared_ptr<platform::RenderPipeline> m_pipeline;
};

} // namespace kanri::items

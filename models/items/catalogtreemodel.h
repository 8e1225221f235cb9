#pragma once

#include "catalog.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

#include <memory>
#include <vector>

namespace kanri::platform {
class Session;
}

namespace kanri::items {

// The catalog as a tree, in one of two groupings:
//   TeamFirst:      team → service → environment (with its namespace) → rendered resources
//   NamespaceFirst: namespace → service → environment → rendered resources
// Services no team owns are under "(no owner)", environments without a namespace under
// "(no namespace)". Resources come from the session's working render and are rendered lazily,
// one environment when it is expanded: fetchMore() asks, and the rows arrive on the next
// event-loop turn (never inside a reset or another model signal), so opening a catalog of
// thousands of services renders nothing. After an edit the environments already shown of that
// service are rendered again the same way, not inside the edit.
// Broken services and environments carry the error as tooltip, BrokenRole and an icon.
class CatalogTreeModel : public QAbstractItemModel
{
    Q_OBJECT
    Q_PROPERTY(Grouping grouping READ grouping WRITE setGrouping NOTIFY groupingChanged)

public:
    enum class NodeKind { Team, Service, Environment, Resource, Namespace };
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
        bool rendered = false; // environments: the resource rows are there
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
        int row = 0;
    };
    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(Node *node) const;
    void rebuild();
    Node *addEnvironment(Node *service, int serviceIndex, int environmentIndex,
                         const QString &teamName);
    void addResources(Node *environment);
    void serviceChanged(int service);
    void refetch(int service);
    void scheduleRender(int service);

    const platform::Catalog *m_catalog = nullptr;
    platform::Session *m_session = nullptr;
    Grouping m_grouping = Grouping::TeamFirst;
    std::unique_ptr<Node> m_root;
    QHash<int, std::vector<Node *>> m_environmentNodes; // service index → its environment nodes
    QSet<int> m_pendingRefetch; // services whose asked-for environments wait to be rendered
};

} // namespace kanri::items

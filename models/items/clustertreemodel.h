#pragma once

#include "argocd/deployments.h"

#include <QAbstractItemModel>
#include <QPointer>

#include <memory>
#include <vector>

namespace kanri::platform {
class DeploymentsModel;
class Session;
} // namespace kanri::platform

namespace kanri::items {

// The catalog grouped by where Argo CD deploys it:
//   cluster → service → overlay (the environment, with the application, namespace and sync
//   policy that deploy it there)
// Clusters are the declared ones (cluster Secrets or workspace.yaml) and any an application
// names, sorted by name; `in-cluster` only when something deploys to it. Paths an application
// deploys that are no service's overlay (platform components) sit under their cluster by path.
// Overlays no application of this repository deploys are under "Not deployed" (last).
// The roles are CatalogTreeModel's (ServiceRole, EnvironmentRole, SearchTextRole, ...), so the
// window's filter, selection and delegate treat both trees alike; KindRole holds NodeKind.
// Rebuilt when the deployments change or services come and go, while it is active: an inactive
// model (nobody shows it) is empty and rebuilds when it becomes active again, so that a window
// grouping its catalog otherwise does not build a tree of every overlay at each change.
class ClusterTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class NodeKind { Cluster, Service, Environment, Application, NotDeployed };

    explicit ClusterTreeModel(QObject *parent = nullptr);

    // The sync policy in words ("automated (prune)", "manual"), translated.
    static QString syncText(const argocd::Deployment &deployment);
    ~ClusterTreeModel() override;

    // Both may be null; the deployments must be the session's.
    void setSources(platform::Session *session, const platform::DeploymentsModel *deployments);
    // Active by default.
    void setActive(bool active);
    bool isActive() const { return m_active; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        NodeKind kind = NodeKind::Cluster;
        QString name, detail, toolTip;
        QString service, environment; // what the node belongs to (ServiceRole, EnvironmentRole)
        QString search;
        QString error;
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
        int row = 0;
    };
    static Node *addChild(Node *parent, NodeKind kind, const QString &name);
    Node *nodeFor(const QModelIndex &index) const;
    void rebuild();

    QPointer<platform::Session> m_session;
    QPointer<const platform::DeploymentsModel> m_deployments;
    std::unique_ptr<Node> m_root;
    bool m_active = true;
    bool m_built = false; // m_root is the tree of the current sources
};

} // namespace kanri::items

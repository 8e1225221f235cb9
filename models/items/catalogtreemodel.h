#pragma once

#include "catalog.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace kanri::items {

// The catalog as a tree: team → service → environment (with its namespace). Services no team
// owns are grouped under "(no owner)". Nodes are plain structs rebuilt from the catalog.
class CatalogTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class NodeKind { Team, Service, Environment };
    enum Role { KindRole = Qt::UserRole + 1, NameRole, ServiceRole, SearchTextRole };

    explicit CatalogTreeModel(QObject *parent = nullptr);
    ~CatalogTreeModel() override;

    void setCatalog(const platform::Catalog *catalog);

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
        NodeKind kind = NodeKind::Team;
        QString name;
        QString detail;  // owner team, namespace, ...
        QString service; // the service a node belongs to
        QString search;  // what the filter box matches against
        bool broken = false;
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
        int row = 0;
    };
    Node *nodeFor(const QModelIndex &index) const;

    std::unique_ptr<Node> m_root;
};

} // namespace kanri::items

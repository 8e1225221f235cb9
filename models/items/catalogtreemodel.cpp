#include "catalogtreemodel.h"

#include <map>

namespace kanri::items {

CatalogTreeModel::CatalogTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

CatalogTreeModel::~CatalogTreeModel() = default;

void CatalogTreeModel::setCatalog(const platform::Catalog *catalog)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    if (catalog) {
        std::map<QString, Node *> teams;
        auto addChild = [](Node *parent, NodeKind kind, QString name) {
            auto node = std::make_unique<Node>();
            node->kind = kind;
            node->name = std::move(name);
            node->parent = parent;
            node->row = int(parent->children.size());
            parent->children.push_back(std::move(node));
            return parent->children.back().get();
        };
        for (const platform::Service &s : catalog->services) {
            const QString teamName = s.team.isEmpty() ? tr("(no owner)") : s.team;
            Node *&team = teams[teamName];
            if (!team) {
                team = addChild(m_root.get(), NodeKind::Team, teamName);
                team->search = teamName;
            }
            Node *service = addChild(team, NodeKind::Service, s.name);
            service->service = s.name;
            service->broken = !s.error.isEmpty();
            service->detail = s.error;
            service->search = s.name + QLatin1Char(' ') + teamName;
            for (const platform::Environment &e : s.environments) {
                Node *env = addChild(service, NodeKind::Environment, e.name);
                env->service = s.name;
                env->detail = e.namespaceName;
                env->broken = !e.error.isEmpty();
                env->search = s.name + QLatin1Char(' ') + teamName + QLatin1Char(' ') + e.name +
                              QLatin1Char(' ') + e.namespaceName;
                service->search += QLatin1Char(' ') + e.namespaceName;
            }
        }
    }
    endResetModel();
}

CatalogTreeModel::Node *CatalogTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
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

QVariant CatalogTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == 0)
            return n->name;
        if (n->kind == NodeKind::Environment)
            return n->detail;
        if (n->kind == NodeKind::Team)
            return tr("%n service(s)", nullptr, int(n->children.size()));
        return n->broken ? tr("broken") : QVariant();
    case Qt::ToolTipRole:
        return n->detail.isEmpty() ? QVariant() : QVariant(n->detail);
    case KindRole:
        return int(n->kind);
    case NameRole:
        return n->name;
    case ServiceRole:
        return n->service;
    case SearchTextRole:
        return n->search;
    default:
        return {};
    }
}

QVariant CatalogTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Name") : tr("Namespace");
}

} // namespace kanri::items

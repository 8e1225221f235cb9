#include "servicesmodel.h"

namespace kanri::items {

ServicesModel::ServicesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ServicesModel::setCatalog(const platform::Catalog *catalog)
{
    beginResetModel();
    m_catalog = catalog;
    endResetModel();
}

int ServicesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_catalog ? 0 : int(m_catalog->services.size());
}

int ServicesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServicesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_catalog)
        return {};
    const platform::Service &s = m_catalog->services.at(index.row());
    if (role == ServiceRole)
        return s.name;
    if (role == Qt::ToolTipRole && !s.error.isEmpty())
        return s.error;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return s.name;
    case Team:
        return s.team;
    case Namespace: {
        QStringList namespaces;
        for (const auto &e : s.environments) {
            if (!e.namespaceName.isEmpty() && !namespaces.contains(e.namespaceName))
                namespaces << e.namespaceName;
        }
        return namespaces.join(QStringLiteral(", "));
    }
    case Environments: {
        QStringList names;
        for (const auto &e : s.environments)
            names << e.name;
        return names.join(QStringLiteral(", "));
    }
    case Entry:
        return s.microservice >= 0 ? tr("yes") : tr("missing");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ServicesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (Column(section)) {
    case Name:
        return tr("Service");
    case Team:
        return tr("Team");
    case Namespace:
        return tr("Namespace");
    case Environments:
        return tr("Environments");
    case Entry:
        return tr("Accounts entry");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace kanri::items

#pragma once

#include "catalog.h"

#include <QAbstractTableModel>

namespace kanri::items {

// One row per service: owner team, namespace(s), environments, and whether the accounts
// repository has its microservice entry.
class ServicesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Team, Namespace, Environments, Entry, ColumnCount };
    enum Role { ServiceRole = Qt::UserRole + 1 };

    explicit ServicesModel(QObject *parent = nullptr);

    void setCatalog(const platform::Catalog *catalog);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const platform::Catalog *m_catalog = nullptr;
};

} // namespace kanri::items

#pragma once

#include "catalog.h"

#include <QAbstractTableModel>

namespace kanri::items {

// The developers map as a table: the entry key, then one column per field of the schema (or
// the union of the entries' fields when there is no schema). Booleans are check states.
class DevelopersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role { FieldRole = Qt::UserRole + 1, KeyRole, LocationRole };

    explicit DevelopersModel(QObject *parent = nullptr);

    void setCatalog(const platform::Catalog *catalog);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QString field(int column) const; // empty for the key column
    bool isBoolField(int column) const;

private:
    const platform::Catalog *m_catalog = nullptr;
    QStringList m_fields;
    QList<bool> m_boolFields;
};

} // namespace kanri::items

#pragma once

#include "platform/session.h"

#include <QAbstractTableModel>

namespace kanri::items {

// The containers of one service's Deployment as a table. Rows, per container: its image tag,
// CPU and memory requests and limits, then one row per env var (the union over the
// environments). Columns: container, setting, then one column per environment of the service,
// holding that environment's rendered value. Editing a cell writes through the session into
// that environment's overlay (or, with EnvScope::AllEnvironments, into the base); a quantity
// or tag that does not parse is refused with editFailed and nothing changes.
class ContainersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Container, Setting, FixedColumns };
    enum Role {
        ContainerRole = Qt::UserRole + 1,
        FieldRole,       // int(platform::ContainerField)
        KeyRole,         // the env var name for env var rows
        EnvironmentRole, // the environment name of a value column
        QuantityRole,    // true when the cell holds a Kubernetes quantity
    };

    explicit ContainersModel(platform::Session *session, QObject *parent = nullptr);

    // The service (row of the catalog's services) shown; -1 for none.
    void setService(int service);
    int service() const { return m_service; }
    void setScope(platform::EnvScope scope) { m_scope = scope; }
    platform::EnvScope scope() const { return m_scope; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The row of a container's field (env var: `key` names it), or -1.
    int row(const QString &container, platform::ContainerField field,
            const QString &key = {}) const;
    // The column of an environment, or -1.
    int column(const QString &environment) const;

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    struct Row
    {
        QString container;
        platform::ContainerField field;
        QString key;
        bool operator==(const Row &) const = default;
    };
    QList<Row> buildRows() const;
    void serviceChanged(int service);
    void servicesChanged();

    platform::Session *m_session;
    int m_service = -1;
    QString m_servicePath; // the shown service's folder: it finds its row again
    int m_environments = 0;
    QList<Row> m_rows;
    platform::EnvScope m_scope = platform::EnvScope::ThisEnvironment;
};

} // namespace kanri::items

#pragma once

#include "platform/session.h"

#include <QPointer>

#include <QAbstractTableModel>

namespace kanri::platform {
class DeploymentsModel;
}

namespace kanri::items {

// One row per service: owner team, namespace, environments, whether the accounts repository
// has its microservice entry, then per environment (dev, stg, prd, ... as the catalog has
// them) the replicas, HPA minimum and maximum and image tag of the rendered overlay. Those
// cells are editable; an edit is written into that environment's overlay. With the Argo CD
// deployments (setDeployments), the Clusters column names the clusters the service's overlays
// are deployed to, and each environment's cells say by which application.
class ServicesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Team, Namespace, Entry, Clusters, FixedColumns };
    enum Role { ServiceRole = Qt::UserRole + 1, EnvironmentRole, SettingRole, OwnedRole };

    // Where the values of the environment columns are rendered when a cell is painted that has
    // none yet: Now, on this thread (Session::values); InBackground, on a worker
    // (Session::fetchValues), the cell shows "…" until they are in. EditRole always answers
    // with the values (an editor opens on what is there).
    enum class Rendering { Now, InBackground };

    explicit ServicesModel(platform::Session *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The column of an environment's setting, or -1.
    int column(const QString &environment, platform::ServiceSetting setting) const;
    int rowOf(const QString &service) const;

    // Applies to all environments instead of the cell's own (the "all environments" choice).
    void setScope(platform::EnvScope scope) { m_scope = scope; }
    void setRendering(Rendering rendering) { m_rendering = rendering; }
    // Where the overlays are deployed (null: the Clusters column stays empty).
    void setDeployments(const platform::DeploymentsModel *deployments);

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    struct EnvColumn
    {
        QString environment;
        platform::ServiceSetting setting;
    };
    const EnvColumn *envColumn(int column) const;
    QList<EnvColumn> environmentColumns() const;
    int environmentIndex(int row, const QString &name) const;
    QString clustersText(const platform::Service &service, bool perEnvironment) const;
    QString deployedText(const QString &overlay) const;

    platform::Session *m_session;
    QList<EnvColumn> m_envColumns;
    platform::EnvScope m_scope = platform::EnvScope::ThisEnvironment;
    Rendering m_rendering = Rendering::Now;
    QPointer<const platform::DeploymentsModel> m_deployments;
};

} // namespace kanri::items

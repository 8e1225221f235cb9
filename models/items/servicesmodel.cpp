#include "items/servicesmodel.h"

#include "items/clustertreemodel.h"
#include "platform/deploymentsmodel.h"
#include "platform/environmentorder.h"

#include <QDir>

namespace kanri::items {

namespace {

constexpr platform::ServiceSetting kSettings[] = {
    platform::ServiceSetting::Replicas,
    platform::ServiceSetting::HpaMin,
    platform::ServiceSetting::HpaMax,
    platform::ServiceSetting::ImageTag,
};

} // namespace

ServicesModel::ServicesModel(platform::Session *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    m_envColumns = environmentColumns();
    // Services added or removed (a wizard's unsaved service, its undo): rows and columns anew.
    connect(m_session, &platform::Session::servicesChanged, this, [this] {
        beginResetModel();
        m_envColumns = environmentColumns();
        endResetModel();
    });
    connect(m_session, &platform::Session::serviceChanged, this,
            [this](int row) { Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1)); });
    connect(m_session, &platform::Session::developersChanged, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, Entry), index(rowCount() - 1, Entry));
    });
}

QList<ServicesModel::EnvColumn> ServicesModel::environmentColumns() const
{
    QStringList environments;
    for (const platform::Service &s : m_session->catalog().services) {
        for (const platform::Environment &e : s.environments) {
            if (!environments.contains(e.name))
                environments << e.name;
        }
    }
    // Services may have different environments: the columns follow the one order, not the
    // order in which the services happen to list them.
    platform::sortEnvironments(environments);
    QList<EnvColumn> columns;
    for (const QString &env : std::as_const(environments)) {
        for (platform::ServiceSetting setting : kSettings)
            columns.append({env, setting});
    }
    return columns;
}

void ServicesModel::setDeployments(const platform::DeploymentsModel *deployments)
{
    if (m_deployments)
        disconnect(m_deployments, nullptr, this, nullptr);
    m_deployments = deployments;
    auto all = [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                               {Qt::DisplayRole, Qt::ToolTipRole});
    };
    if (deployments)
        connect(deployments, &platform::DeploymentsModel::changed, this, all);
    all();
}

QString ServicesModel::clustersText(const platform::Service &service, bool perEnvironment) const
{
    if (!m_deployments || !m_deployments->isReady())
        return {};
    QStringList clusters, lines;
    for (const platform::Environment &e : service.environments) {
        const QStringList reached = m_deployments->clustersOf(e.overlay);
        for (const QString &c : reached) {
            if (!clusters.contains(c))
                clusters << c;
        }
        lines << tr("%1: %2").arg(e.name, reached.isEmpty() ? tr("not deployed")
                                                            : reached.join(QStringLiteral(", ")));
    }
    if (perEnvironment)
        return lines.join(QLatin1Char('\n'));
    return clusters.isEmpty() ? tr("not deployed") : clusters.join(QStringLiteral(", "));
}

QString ServicesModel::deployedText(const QString &overlay) const
{
    if (!m_deployments || !m_deployments->isReady())
        return {};
    const QList<argocd::Deployment> deployments = m_deployments->deploymentsOf(overlay);
    if (deployments.isEmpty())
        return tr("No Argo CD application deploys this overlay.");
    QStringList lines;
    for (const argocd::Deployment &d : deployments)
        lines << tr("Deployed to %1 by %2 (%3)")
                     .arg(d.cluster, d.application, ClusterTreeModel::syncText(d));
    return lines.join(QLatin1Char('\n'));
}

int ServicesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_session->catalog().services.size());
}

int ServicesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumns + int(m_envColumns.size());
}

const ServicesModel::EnvColumn *ServicesModel::envColumn(int column) const
{
    const int i = column - FixedColumns;
    return i >= 0 && i < m_envColumns.size() ? &m_envColumns[i] : nullptr;
}

int ServicesModel::environmentIndex(int row, const QString &name) const
{
    const auto &envs = m_session->catalog().services.at(row).environments;
    for (int i = 0; i < envs.size(); ++i) {
        if (envs[i].name == name)
            return i;
    }
    return -1;
}

int ServicesModel::column(const QString &environment, platform::ServiceSetting setting) const
{
    for (int i = 0; i < m_envColumns.size(); ++i) {
        if (m_envColumns[i].environment == environment && m_envColumns[i].setting == setting)
            return FixedColumns + i;
    }
    return -1;
}

int ServicesModel::rowOf(const QString &service) const
{
    const auto &services = m_session->catalog().services;
    for (int i = 0; i < services.size(); ++i) {
        if (services[i].name == service)
            return i;
    }
    return -1;
}

QVariant ServicesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const platform::Service &s = m_session->catalog().services.at(index.row());
    if (role == ServiceRole)
        return s.name;
    if (role == OwnedRole)
        return m_session->ownsService(index.row());
    if (const EnvColumn *ec = envColumn(index.column())) {
        if (role == EnvironmentRole)
            return ec->environment;
        if (role == SettingRole)
            return int(ec->setting);
        if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
            return {};
        const int env = environmentIndex(index.row(), ec->environment);
        if (env < 0)
            return {};
        auto overlayText = [&] {
            const QString overlay = s.environments.at(env).overlay;
            const QString deployed = deployedText(overlay);
            return deployed.isEmpty() ? overlay : overlay + QLatin1Char('\n') + deployed;
        };
        if (m_rendering == Rendering::InBackground && role != Qt::EditRole &&
            !m_session->valuesKnown(index.row(), env)) {
            m_session->fetchValues(index.row()); // serviceChanged() brings them
            return role == Qt::ToolTipRole ? QVariant(overlayText()) : QVariant(tr("…"));
        }
        const platform::EnvironmentValues v = m_session->values(index.row(), env);
        if (!v.error.isEmpty())
            return role == Qt::ToolTipRole ? QVariant(v.error) : QVariant(tr("error"));
        if (role == Qt::ToolTipRole)
            return overlayText();
        auto number = [](const std::optional<int> &n) { return n ? QVariant(*n) : QVariant(); };
        switch (ec->setting) {
        case platform::ServiceSetting::Replicas:
            return number(v.replicas);
        case platform::ServiceSetting::HpaMin:
            return number(v.hpaMin);
        case platform::ServiceSetting::HpaMax:
            return number(v.hpaMax);
        case platform::ServiceSetting::ImageTag:
            return v.imageTag;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && !s.error.isEmpty())
        return s.error;
    if (role == Qt::ToolTipRole && index.column() == Clusters)
        return clustersText(s, true);
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
    case Entry:
        return s.microservice >= 0 ? tr("yes") : tr("missing");
    case Clusters:
        return clustersText(s, false);
    case FixedColumns:
        break;
    }
    return {};
}

bool ServicesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const EnvColumn *ec = envColumn(index.column());
    if (!ec || role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const int env = environmentIndex(index.row(), ec->environment);
    if (env < 0)
        return false;
    if (data(index, Qt::EditRole).toString() == value.toString())
        return true;
    auto r = m_session->setServiceSetting(index.row(), env, ec->setting, value.toString().trimmed(),
                                          m_scope);
    if (!r) {
        Q_EMIT editFailed(r.error().toString());
        return false;
    }
    return true;
}

QVariant ServicesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (const EnvColumn *ec = envColumn(section)) {
        switch (ec->setting) {
        case platform::ServiceSetting::Replicas:
            return tr("%1 replicas").arg(ec->environment);
        case platform::ServiceSetting::HpaMin:
            return tr("%1 HPA min").arg(ec->environment);
        case platform::ServiceSetting::HpaMax:
            return tr("%1 HPA max").arg(ec->environment);
        case platform::ServiceSetting::ImageTag:
            return tr("%1 image tag").arg(ec->environment);
        }
    }
    switch (Column(section)) {
    case Name:
        return tr("Service");
    case Team:
        return tr("Team");
    case Namespace:
        return tr("Namespace");
    case Entry:
        return tr("Accounts entry");
    case Clusters:
        return tr("Clusters");
    case FixedColumns:
        break;
    }
    return {};
}

Qt::ItemFlags ServicesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (const EnvColumn *ec = envColumn(index.column());
        ec && environmentIndex(index.row(), ec->environment) >= 0)
        f |= Qt::ItemIsEditable;
    return f;
}

} // namespace kanri::items

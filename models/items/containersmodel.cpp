#include "items/containersmodel.h"

#include <QBrush>
#include <QPalette>

#include <algorithm>

namespace kanri::items {

using platform::ContainerField;

namespace {

constexpr ContainerField kFixedFields[] = {ContainerField::ImageTag, ContainerField::CpuRequest,
                                           ContainerField::CpuLimit, ContainerField::MemoryRequest,
                                           ContainerField::MemoryLimit};

bool isQuantityField(ContainerField f)
{
    return f != ContainerField::ImageTag && f != ContainerField::EnvVar;
}

} // namespace

ContainersModel::ContainersModel(platform::Session *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    connect(m_session, &platform::Session::serviceChanged, this, &ContainersModel::serviceChanged);
    connect(m_session, &platform::Session::servicesChanged, this,
            &ContainersModel::servicesChanged);
}

void ContainersModel::setService(int service)
{
    beginResetModel();
    const auto &services = m_session->catalog().services;
    m_service = service >= 0 && service < services.size() ? service : -1;
    m_servicePath = m_service >= 0 ? services.at(m_service).path : QString();
    m_environments = m_service >= 0 ? int(services.at(m_service).environments.size()) : 0;
    m_rows = buildRows();
    endResetModel();
}

QList<ContainersModel::Row> ContainersModel::buildRows() const
{
    QList<Row> rows;
    if (m_service < 0)
        return rows;
    // Containers and env vars in the order they first appear, over the environments.
    QStringList containers;
    QHash<QString, QStringList> envVars;
    for (int e = 0; e < m_environments; ++e) {
        const platform::EnvironmentValues v = m_session->values(m_service, e);
        for (const platform::ContainerValues &c : v.containers) {
            if (!containers.contains(c.name))
                containers << c.name;
            QStringList &names = envVars[c.name];
            for (const platform::EnvVarValue &ev : c.env) {
                if (!names.contains(ev.name))
                    names << ev.name;
            }
        }
    }
    for (const QString &c : std::as_const(containers)) {
        for (ContainerField f : kFixedFields)
            rows.append({c, f, {}});
        for (const QString &name : envVars.value(c))
            rows.append({c, ContainerField::EnvVar, name});
    }
    return rows;
}

// Rows of services moved, or this service's environments changed: show the same service
// (none when it is gone).
void ContainersModel::servicesChanged()
{
    if (m_service < 0)
        return;
    const auto &services = m_session->catalog().services;
    const auto it =
        std::find_if(services.cbegin(), services.cend(),
                     [this](const platform::Service &s) { return s.path == m_servicePath; });
    setService(it == services.cend() ? -1 : int(it - services.cbegin()));
}

void ContainersModel::serviceChanged(int service)
{
    if (service != m_service)
        return;
    QList<Row> rows = buildRows();
    if (rows != m_rows) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, FixedColumns), index(rowCount() - 1, columnCount() - 1));
}

int ContainersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContainersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumns + m_environments;
}

int ContainersModel::row(const QString &container, ContainerField field, const QString &key) const
{
    return int(
        m_rows.indexOf(Row{container, field, field == ContainerField::EnvVar ? key : QString()}));
}

int ContainersModel::column(const QString &environment) const
{
    if (m_service < 0)
        return -1;
    const auto &envs = m_session->catalog().services.at(m_service).environments;
    for (int i = 0; i < envs.size(); ++i) {
        if (envs[i].name == environment)
            return FixedColumns + i;
    }
    return -1;
}

QVariant ContainersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case ContainerRole:
        return r.container;
    case FieldRole:
        return int(r.field);
    case KeyRole:
        return r.key;
    case QuantityRole:
        return isQuantityField(r.field);
    default:
        break;
    }
    if (index.column() == Container)
        return role == Qt::DisplayRole ? QVariant(r.container) : QVariant();
    if (index.column() == Setting) {
        if (role != Qt::DisplayRole)
            return {};
        switch (r.field) {
        case ContainerField::ImageTag:
            return tr("image tag");
        case ContainerField::CpuRequest:
            return tr("CPU request");
        case ContainerField::CpuLimit:
            return tr("CPU limit");
        case ContainerField::MemoryRequest:
            return tr("memory request");
        case ContainerField::MemoryLimit:
            return tr("memory limit");
        case ContainerField::EnvVar:
            return tr("env %1").arg(r.key);
        }
        return {};
    }

    const int env = index.column() - FixedColumns;
    const auto &environment = m_session->catalog().services.at(m_service).environments.at(env);
    if (role == EnvironmentRole)
        return environment.name;
    const platform::EnvironmentValues v = m_session->values(m_service, env);
    if (!v.error.isEmpty()) {
        if (role == Qt::ToolTipRole)
            return v.error;
        return role == Qt::DisplayRole ? QVariant(tr("error")) : QVariant();
    }
    const platform::ContainerValues *c = nullptr;
    for (const platform::ContainerValues &candidate : v.containers) {
        if (candidate.name == r.container)
            c = &candidate;
    }
    if (!c)
        return role == Qt::ToolTipRole
                   ? QVariant(tr("no container '%1' in %2").arg(r.container, environment.name))
                   : QVariant();
    QString value;
    QString tip = environment.overlay;
    switch (r.field) {
    case ContainerField::ImageTag:
        value = c->imageTag;
        tip = c->image + (c->imageTag.isEmpty() ? QString() : QLatin1Char(':') + c->imageTag);
        break;
    case ContainerField::CpuRequest:
        value = c->cpuRequest;
        break;
    case ContainerField::CpuLimit:
        value = c->cpuLimit;
        break;
    case ContainerField::MemoryRequest:
        value = c->memoryRequest;
        break;
    case ContainerField::MemoryLimit:
        value = c->memoryLimit;
        break;
    case ContainerField::EnvVar:
        for (const platform::EnvVarValue &ev : c->env) {
            if (ev.name != r.key)
                continue;
            if (!ev.source.isEmpty()) {
                value = QStringLiteral("(%1)").arg(ev.source);
                tip = tr("set from %1; edit it in the file").arg(ev.source);
            } else {
                value = ev.value;
            }
        }
        break;
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return value;
    case Qt::ToolTipRole:
        return tip;
    default:
        return {};
    }
}

bool ContainersModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) ||
        index.column() < FixedColumns)
        return false;
    // flags() and data() are asked only when that needs no render: typing into a cell renders
    // once per repaint, not once more per keystroke. (The session checks the container.)
    const bool rendered = m_session->hasValues(m_service, index.column() - FixedColumns);
    if (rendered && !(flags(index) & Qt::ItemIsEditable))
        return false;
    const Row r = m_rows.at(index.row());
    const QString text =
        r.field == ContainerField::EnvVar ? value.toString() : value.toString().trimmed();
    // Nothing to write when the cell already shows the value.
    if (rendered && m_scope == platform::EnvScope::ThisEnvironment &&
        data(index, Qt::EditRole).toString() == text)
        return true;
    auto result = m_session->setContainerField(m_service, index.column() - FixedColumns,
                                               r.container, r.field, r.key, text, m_scope);
    if (!result) {
        Q_EMIT editFailed(result.error().toString());
        return false;
    }
    return true;
}

QVariant ContainersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section == Container)
        return tr("Container");
    if (section == Setting)
        return tr("Setting");
    if (m_service < 0)
        return {};
    const auto &envs = m_session->catalog().services.at(m_service).environments;
    const int env = section - FixedColumns;
    return env >= 0 && env < envs.size() ? QVariant(envs.at(env).name) : QVariant();
}

Qt::ItemFlags ContainersModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid() || index.column() < FixedColumns)
        return f;
    const Row &r = m_rows.at(index.row());
    const platform::EnvironmentValues v =
        m_session->values(m_service, index.column() - FixedColumns);
    for (const platform::ContainerValues &c : v.containers) {
        if (c.name != r.container)
            continue;
        if (r.field == ContainerField::EnvVar) {
            for (const platform::EnvVarValue &ev : c.env) {
                if (ev.name == r.key && !ev.source.isEmpty())
                    return f; // valueFrom: not a value to type over
            }
        }
        return f | Qt::ItemIsEditable;
    }
    return f;
}

} // namespace kanri::items

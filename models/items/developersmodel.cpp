#include "developersmodel.h"

#include "session.h"

#include <QBrush>
#include <QDir>
#include <QJsonArray>
#include <QPalette>

namespace kanri::items {

DevelopersModel::DevelopersModel(platform::Session *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    rebuildColumns();
    m_rows = int(m_session->catalog().developers.size());
    connect(m_session, &platform::Session::developersChanged, this,
            &DevelopersModel::sessionChanged);
}

void DevelopersModel::rebuildColumns()
{
    const platform::Catalog &c = m_session->catalog();
    m_fields = c.developerFields;
    m_types.clear();
    for (const QString &f : std::as_const(m_fields)) {
        QString type;
        for (const auto &s : c.developerSchema) {
            if (s.name == f)
                type = s.type;
        }
        if (type.isEmpty()) { // no schema: the first value seen decides
            for (const auto &d : c.developers) {
                const QJsonValue v = d.fields.value(f);
                if (v.isBool())
                    type = QStringLiteral("bool");
                else if (v.isDouble())
                    type = QStringLiteral("number");
                else if (v.isArray())
                    type = QStringLiteral("list(string)");
                else if (v.isString())
                    type = QStringLiteral("string");
                if (!type.isEmpty())
                    break;
            }
        }
        m_types << (type.isEmpty() ? QStringLiteral("string") : type);
    }
}

void DevelopersModel::sessionChanged()
{
    const int rows = int(m_session->catalog().developers.size());
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    if (rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(rows - 1, columnCount() - 1));
}

int DevelopersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int DevelopersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size()) + 1;
}

QString DevelopersModel::field(int column) const
{
    return column > 0 ? m_fields.value(column - 1) : QString();
}

QString DevelopersModel::fieldType(int column) const
{
    return column > 0 ? m_types.value(column - 1) : QStringLiteral("string");
}

static QVariant displayValue(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double:
        return v.toDouble();
    case QJsonValue::Bool:
        return v.toBool();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &item : v.toArray())
            parts << displayValue(item).toString();
        return parts.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant DevelopersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const platform::Catalog &c = m_session->catalog();
    if (index.row() >= c.developers.size())
        return {};
    const platform::MapEntryRef &dev = c.developers.at(index.row());
    const QString path = QDir(c.accountsRoot).filePath(dev.file);
    switch (role) {
    case KeyRole:
        return dev.key;
    case LocationRole:
        return QStringLiteral("%1:%2").arg(path).arg(dev.line);
    case OwnedRole:
        return m_session->ownsFile(path);
    case FieldRole:
        return field(index.column());
    case TypeRole:
        return fieldType(index.column());
    case Qt::ToolTipRole:
        return tr("%1, line %2 — owners: %3")
            .arg(dev.file)
            .arg(dev.line)
            .arg(dev.owners.isEmpty() ? tr("nobody") : dev.owners.join(QStringLiteral(", ")));
    default:
        break;
    }
    if (index.column() == 0)
        return role == Qt::DisplayRole || role == Qt::EditRole ? QVariant(dev.key) : QVariant();

    const QString f = field(index.column());
    QJsonValue value = dev.fields.value(f);
    bool isDefault = false;
    if (value.isUndefined()) {
        for (const auto &s : c.developerSchema) {
            if (s.name == f && s.defaultValue) {
                value = *s.defaultValue;
                isDefault = true;
            }
        }
    }
    if (fieldType(index.column()) == QLatin1String("bool")) {
        if (role == Qt::CheckStateRole)
            return value.toBool() ? Qt::Checked : Qt::Unchecked;
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return displayValue(value);
    if (role == Qt::ForegroundRole && isDefault)
        return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
    return {};
}

bool DevelopersModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() == 0)
        return false;
    const QString type = fieldType(index.column());
    QJsonValue json;
    if (type == QLatin1String("bool")) {
        if (role != Qt::CheckStateRole)
            return false;
        json = value.value<Qt::CheckState>() == Qt::Checked || value.toInt() == Qt::Checked;
    } else {
        if (role != Qt::EditRole)
            return false;
        const QString text = value.toString().trimmed();
        if (type == QLatin1String("number")) {
            bool ok = false;
            const double n = text.toDouble(&ok);
            if (!ok) {
                Q_EMIT editFailed(tr("'%1' is not a number").arg(text));
                return false;
            }
            json = n;
        } else if (type.startsWith(QLatin1String("list")) ||
                   type.startsWith(QLatin1String("set"))) {
            QJsonArray items;
            for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
                items.append(part.trimmed());
            json = items;
        } else {
            json = text;
        }
    }
    auto r = m_session->setDeveloperField(index.row(), field(index.column()), json);
    if (!r) {
        Q_EMIT editFailed(r.error().toString());
        return false;
    }
    return true;
}

QVariant DevelopersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section == 0 ? tr("Key") : m_fields.value(section - 1);
}

Qt::ItemFlags DevelopersModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == 0)
        return f;
    if (fieldType(index.column()) == QLatin1String("bool"))
        return f | Qt::ItemIsUserCheckable;
    return f | Qt::ItemIsEditable;
}

} // namespace kanri::items

#include "developersmodel.h"

#include <QJsonArray>

namespace kanri::items {

DevelopersModel::DevelopersModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DevelopersModel::setCatalog(const platform::Catalog *catalog)
{
    beginResetModel();
    m_catalog = catalog;
    m_fields.clear();
    m_boolFields.clear();
    if (catalog) {
        m_fields = catalog->developerFields;
        for (const QString &f : std::as_const(m_fields)) {
            bool isBool = false;
            for (const auto &s : catalog->developerSchema) {
                if (s.name == f)
                    isBool = s.type == QLatin1String("bool");
            }
            if (catalog->developerSchema.isEmpty()) {
                for (const auto &d : catalog->developers) {
                    if (d.fields.contains(f)) {
                        isBool = d.fields.value(f).isBool();
                        break;
                    }
                }
            }
            m_boolFields << isBool;
        }
    }
    endResetModel();
}

int DevelopersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_catalog ? 0 : int(m_catalog->developers.size());
}

int DevelopersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size()) + 1;
}

QString DevelopersModel::field(int column) const
{
    return column > 0 ? m_fields.value(column - 1) : QString();
}

bool DevelopersModel::isBoolField(int column) const
{
    return column > 0 && m_boolFields.value(column - 1);
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
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_catalog)
        return {};
    const platform::MapEntryRef &dev = m_catalog->developers.at(index.row());
    if (role == KeyRole)
        return dev.key;
    if (role == LocationRole)
        return QStringLiteral("%1:%2").arg(dev.file).arg(dev.line);
    if (index.column() == 0)
        return role == Qt::DisplayRole ? QVariant(dev.key) : QVariant();
    const QString f = field(index.column());
    if (role == FieldRole)
        return f;
    QJsonValue value = dev.fields.value(f);
    if (value.isUndefined()) {
        for (const auto &s : m_catalog->developerSchema) {
            if (s.name == f && s.defaultValue)
                value = *s.defaultValue;
        }
    }
    if (isBoolField(index.column())) {
        if (role == Qt::CheckStateRole)
            return value.toBool() ? Qt::Checked : Qt::Unchecked;
        return {};
    }
    if (role == Qt::DisplayRole)
        return displayValue(value);
    return {};
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
    if (isBoolField(index.column()))
        f |= Qt::ItemIsUserCheckable;
    return f;
}

} // namespace kanri::items

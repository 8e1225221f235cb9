#include "items/developersmodel.h"

#include "platform/editbuffers.h"
#include "platform/session.h"

#include <QFont>
#include <QSet>
#include <QUndoStack>

#include <QDir>
#include <QJsonArray>
#include <cmath>

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
    m_required.clear();
    for (const QString &f : std::as_const(m_fields)) {
        QString type;
        bool required = false;
        for (const auto &s : c.developerSchema) {
            if (s.name == f) {
                type = s.type;
                required = !s.optional;
            }
        }
        m_required << required;
        if (type.isEmpty()) { // no schema: the first literal value seen decides
            for (const auto &d : c.developers) {
                if (d.expressions.contains(f))
                    continue;
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
    if (m_changingRows)
        return; // insertRows/removeRows update m_rows between their begin and end
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

bool DevelopersModel::isRequired(int column) const
{
    return column > 0 && m_required.value(column - 1);
}

static QVariant displayValue(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double: {
        // Whole numbers as integers, so that editors offer a spin box.
        const double d = v.toDouble();
        if (d == double(qint64(d)) && std::abs(d) < 1e15)
            return qint64(d);
        return d;
    }
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
        return isExpression(index) ? QStringLiteral("expression") : fieldType(index.column());
    case RequiredRole:
        return isRequired(index.column());
    default:
        break;
    }
    const QString f = field(index.column());
    if (index.column() > 0 && dev.expressions.contains(f)) {
        // An expression (a reference, a call, a template...): shown and edited as its source.
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
            return dev.fields.value(f).toString();
        case Qt::FontRole: {
            QFont font;
            font.setItalic(true);
            return font;
        }
        case Qt::ToolTipRole:
            return tr("%1 is an expression (HCL source text): %2")
                .arg(f, dev.fields.value(f).toString());
        default:
            return {};
        }
    }
    const bool missing =
        isRequired(index.column()) && fieldType(index.column()) != QLatin1String("bool") && [&] {
            const QJsonValue v = dev.fields.value(f);
            return v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty()) ||
                   (v.isArray() && v.toArray().isEmpty());
        }();
    switch (role) {
    case MissingRole:
        return missing;
    case Qt::ToolTipRole:
        if (missing)
            return tr("%1 is required").arg(f);
        return tr("%1, line %2 — owners: %3")
            .arg(dev.file)
            .arg(dev.line)
            .arg(dev.owners.isEmpty() ? tr("nobody") : dev.owners.join(QStringLiteral(", ")));
    default:
        break;
    }
    if (index.column() == 0)
        return role == Qt::DisplayRole || role == Qt::EditRole ? QVariant(dev.key) : QVariant();

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
    if (role == DefaultRole)
        return isDefault;
    return {};
}

bool DevelopersModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    if (index.column() == 0) {
        if (role != Qt::EditRole)
            return false;
        auto r = m_session->renameDeveloper(index.row(), value.toString().trimmed());
        if (!r) {
            Q_EMIT editFailed(r.error().toString());
            return false;
        }
        return true;
    }
    if (isExpression(index)) {
        // Edited as HCL source text, never quoted: `var.team`, `"a string"`, `true`.
        if (role != Qt::EditRole)
            return false;
        const QString source = value.toString().trimmed();
        if (source.isEmpty()) {
            Q_EMIT editFailed(tr("%1 holds an expression; write one (HCL source text)")
                                  .arg(field(index.column())));
            return false;
        }
        auto r = m_session->setDeveloperField(index.row(), field(index.column()),
                                              hcl::Value::expression(source));
        if (!r) {
            Q_EMIT editFailed(r.error().toString());
            return false;
        }
        return true;
    }
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

QString DevelopersModel::placeholderKey() const
{
    QSet<QString> keys;
    for (const platform::MapEntryRef &d : m_session->catalog().developers)
        keys.insert(d.key);
    QString key = QStringLiteral("new-developer");
    for (int i = 2; keys.contains(key); ++i)
        key = QStringLiteral("new-developer-%1").arg(i);
    return key;
}

bool DevelopersModel::insertRows(int, int count, const QModelIndex &parent)
{
    if (parent.isValid() || count < 1)
        return false;
    const int first = m_rows;
    QUndoStack *stack = m_session->buffers()->undoStack();
    beginInsertRows({}, first, first + count - 1);
    m_changingRows = true;
    if (count > 1)
        stack->beginMacro(tr("Add %n developer(s)", nullptr, count));
    Result<void> r;
    int added = 0;
    for (; added < count; ++added) {
        r = m_session->addDeveloper(placeholderKey(), m_session->newDeveloperFields());
        if (!r)
            break;
    }
    if (count > 1)
        stack->endMacro();
    m_changingRows = false;
    const int rows = int(m_session->catalog().developers.size());
    if (rows != first + count) {
        // Fewer entries than announced: start over rather than report rows that are not there.
        m_rows = first + count;
        endInsertRows();
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else {
        m_rows = rows;
        endInsertRows();
    }
    if (!r)
        Q_EMIT editFailed(r.error().toString());
    return r.has_value();
}

bool DevelopersModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || count < 1 || row < 0 || row + count > m_rows)
        return false;
    QUndoStack *stack = m_session->buffers()->undoStack();
    beginRemoveRows({}, row, row + count - 1);
    m_changingRows = true;
    if (count > 1)
        stack->beginMacro(tr("Remove %n developer(s)", nullptr, count));
    Result<void> r;
    // From the last, so that the rows still to remove keep their numbers.
    for (int i = row + count - 1; i >= row; --i) {
        r = m_session->removeDeveloper(i);
        if (!r)
            break;
    }
    if (count > 1)
        stack->endMacro();
    m_changingRows = false;
    const int rows = int(m_session->catalog().developers.size());
    m_rows -= count;
    endRemoveRows();
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }
    if (!r)
        Q_EMIT editFailed(r.error().toString());
    return r.has_value();
}

Qt::ItemFlags DevelopersModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f;
    if (index.column() == 0 || isExpression(index))
        return f | Qt::ItemIsEditable;
    if (fieldType(index.column()) == QLatin1String("bool"))
        return f | Qt::ItemIsUserCheckable;
    return f | Qt::ItemIsEditable;
}

bool DevelopersModel::isExpression(const QModelIndex &index) const
{
    const platform::Catalog &c = m_session->catalog();
    if (index.column() <= 0 || index.row() < 0 || index.row() >= c.developers.size())
        return false;
    return c.developers.at(index.row()).expressions.contains(field(index.column()));
}

} // namespace kanri::items

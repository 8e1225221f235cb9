#include "items/findingsmodel.h"

#include <QDir>
#include <QSet>

namespace kanri::items {

using platform::Finding;
using platform::Severity;

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FindingsModel::absoluteFile(const Finding &finding)
{
    if (finding.path.isEmpty())
        return {};
    if (finding.repository.isEmpty())
        return finding.path;
    return QDir::cleanPath(QDir(finding.repository).filePath(finding.path));
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Finding &f = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return platform::severityText(f.severity);
        case RuleColumn:
            return f.rule;
        case MessageColumn:
            return f.message;
        case LocationColumn:
            if (f.file.isEmpty())
                return QString();
            return f.line > 0 ? QStringLiteral("%1:%2").arg(f.file).arg(f.line) : f.file;
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return m_icons.value(int(f.severity));
        return {};
    case Qt::ToolTipRole:
        if (f.hint.isEmpty())
            return f.message;
        return tr("%1\nHint: %2").arg(f.message, f.hint);
    case SeverityRole:
        return int(f.severity);
    case RuleRole:
        return f.rule;
    case AbsoluteFileRole:
        return absoluteFile(f);
    case LineRole:
        return f.line;
    case ColumnRole:
        return f.column;
    case ServiceRole:
        return f.service;
    case HintRole:
        return f.hint;
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RuleColumn:
        return tr("Rule");
    case MessageColumn:
        return tr("Message");
    case LocationColumn:
        return tr("Location");
    default:
        return {};
    }
}

QString FindingsModel::keyOf(const Finding &f)
{
    return f.rule + QLatin1Char('\n') + f.file + QLatin1Char('\n') + QString::number(f.line) +
           QLatin1Char('\n') + f.message;
}

void FindingsModel::setFindings(const QList<Finding> &findings)
{
    QSet<QString> newKeys;
    for (const Finding &f : findings)
        newKeys.insert(keyOf(f));
    QSet<QString> oldKeys;
    for (const Finding &f : std::as_const(m_findings))
        oldKeys.insert(keyOf(f));
    if (newKeys.size() != findings.size() || oldKeys.size() != m_findings.size()) {
        // Duplicate keys: the row matching below needs unique ones.
        beginResetModel();
        m_findings = findings;
        endResetModel();
        return;
    }

    // 1. Rows that went, as contiguous ranges from the bottom.
    for (int row = int(m_findings.size()) - 1; row >= 0;) {
        if (newKeys.contains(keyOf(m_findings.at(row)))) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !newKeys.contains(keyOf(m_findings.at(first - 1))))
            --first;
        beginRemoveRows({}, first, row);
        m_findings.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    // 2. What stays must be in the new order; if it is not, start over.
    {
        QList<QString> kept, wanted;
        for (const Finding &f : std::as_const(m_findings))
            kept << keyOf(f);
        for (const Finding &f : findings) {
            if (oldKeys.contains(keyOf(f)))
                wanted << keyOf(f);
        }
        if (kept != wanted) {
            beginResetModel();
            m_findings = findings;
            endResetModel();
            return;
        }
    }
    // 3. Insert the new rows where they belong; refresh the kept ones (hint, column, ...).
    for (int i = 0; i < findings.size();) {
        if (i < m_findings.size() && keyOf(m_findings.at(i)) == keyOf(findings.at(i))) {
            m_findings[i] = findings.at(i);
            Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
            ++i;
            continue;
        }
        int last = i;
        while (last + 1 < findings.size() && !oldKeys.contains(keyOf(findings.at(last + 1))))
            ++last;
        beginInsertRows({}, i, last);
        for (int j = i; j <= last; ++j)
            m_findings.insert(j, findings.at(j));
        endInsertRows();
        i = last + 1;
    }
}

int FindingsModel::count(Severity severity) const
{
    return int(std::count_if(m_findings.cbegin(), m_findings.cend(),
                             [severity](const Finding &f) { return f.severity == severity; }));
}

QStringList FindingsModel::rules() const
{
    QStringList out;
    for (const Finding &f : m_findings) {
        if (!out.contains(f.rule))
            out << f.rule;
    }
    out.sort();
    return out;
}

void FindingsModel::setSeverityIcon(Severity severity, const QIcon &icon)
{
    m_icons.insert(int(severity), icon);
    if (!m_findings.isEmpty())
        Q_EMIT dataChanged(index(0, SeverityColumn), index(rowCount() - 1, SeverityColumn),
                           {Qt::DecorationRole});
}

} // namespace kanri::items

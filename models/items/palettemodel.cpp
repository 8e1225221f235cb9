#include "items/palettemodel.h"

#include "platform/catalog.h"
#include "platform/sourcelocator.h"
#include "rules/rulefinding.h"

#include <QCoreApplication>

#include <algorithm>

namespace kanri::items {

PaletteModel::PaletteModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int PaletteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PaletteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    const PaletteEntry &e = m_entries.at(row.entry);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return e.text;
    case Qt::ToolTipRole:
        return e.kind == PaletteEntry::Kind::File ? e.target : e.detail;
    case KindRole:
        return int(e.kind);
    case KindNameRole:
        return kindName(e.kind);
    case DetailRole:
        return e.detail;
    case TargetRole:
        return e.target;
    case PositionsRole:
        return QVariant::fromValue(row.match.positions);
    default:
        return {};
    }
}

QString PaletteModel::kindName(PaletteEntry::Kind kind)
{
    switch (kind) {
    case PaletteEntry::Kind::Action:
        return tr("Command");
    case PaletteEntry::Kind::Service:
        return tr("Service");
    case PaletteEntry::Kind::Overlay:
        return tr("Overlay");
    case PaletteEntry::Kind::Developer:
        return tr("Developer");
    case PaletteEntry::Kind::Team:
        return tr("Team");
    case PaletteEntry::Kind::File:
        return tr("File");
    case PaletteEntry::Kind::Rule:
        return tr("Rule");
    }
    return {};
}

void PaletteModel::setEntries(QList<PaletteEntry> entries)
{
    m_entries = std::move(entries);
    refilter();
}

void PaletteModel::setPattern(const QString &pattern)
{
    if (pattern == m_pattern)
        return;
    m_pattern = pattern;
    refilter();
}

void PaletteModel::setScope(Scope scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    refilter();
}

void PaletteModel::refilter()
{
    beginResetModel();
    m_rows.clear();
    for (int i = 0; i < m_entries.size(); ++i) {
        const PaletteEntry &e = m_entries.at(i);
        if (m_scope == Scope::FilesOnly && e.kind != PaletteEntry::Kind::File)
            continue;
        if (auto match = fuzzyMatch(m_pattern, e.text))
            m_rows.append({i, std::move(*match)});
    }
    if (!m_pattern.trimmed().isEmpty()) {
        std::stable_sort(m_rows.begin(), m_rows.end(), [this](const Row &a, const Row &b) {
            return fuzzyBefore(a.match, m_entries.at(a.entry).text, b.match,
                               m_entries.at(b.entry).text);
        });
    }
    endResetModel();
}

QList<PaletteEntry> catalogPaletteEntries(const platform::Catalog &catalog)
{
    using Kind = PaletteEntry::Kind;
    QList<PaletteEntry> out;
    for (const platform::Service &s : catalog.services)
        out.append({Kind::Service, s.name, s.team, s.name, -1});
    for (const platform::Service &s : catalog.services) {
        for (int e = 0; e < s.environments.size(); ++e) {
            const platform::Environment &env = s.environments.at(e);
            out.append(
                {Kind::Overlay, s.name + QStringLiteral(" ▸ ") + env.name, env.overlay, s.name, e});
        }
    }
    for (const platform::MapEntryRef &d : catalog.developers)
        out.append({Kind::Developer, d.key, d.fields.value(QStringLiteral("name")).toString(d.file),
                    d.key, -1});
    for (const platform::Team &t : catalog.teams)
        out.append({Kind::Team, t.name,
                    QCoreApplication::translate("kanri::items::PaletteModel", "%n service(s)",
                                                nullptr, int(t.services.size())),
                    t.name, -1});
    return out;
}

QList<PaletteEntry> rulePaletteEntries()
{
    QList<PaletteEntry> out;
    for (const platform::RuleInfo &rule : platform::ruleCatalog()) {
        const QString id = QString::fromLatin1(rule.id);
        out.append({PaletteEntry::Kind::Rule, id, platform::ruleDescription(rule), id, -1});
    }
    return out;
}

QList<PaletteEntry> filePaletteEntries(const QList<platform::WorkspaceFile> &files)
{
    QList<PaletteEntry> out;
    out.reserve(files.size());
    for (const platform::WorkspaceFile &f : files)
        out.append({PaletteEntry::Kind::File, f.display, QString(), f.absolute, -1});
    return out;
}

} // namespace kanri::items

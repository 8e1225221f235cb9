#pragma once

#include "items/fuzzymatch.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace kanri::platform {
class Catalog;
struct WorkspaceFile;
} // namespace kanri::platform

namespace kanri::items {

// One thing the command palette can go to or run.
struct PaletteEntry
{
    enum class Kind { Action, Service, Overlay, Developer, Team, File, Rule };
    Kind kind = Kind::Action;
    QString text;   // what is shown and matched: "Repository ▸ Push", "payment-api ▸ prd"
    QString detail; // shown beside it: a shortcut, a team, a description
    QString target; // service, developer key, team, absolute file or rule id
    int index = -1; // Action: the caller's action number; Overlay: the environment's index
};

// The command palette's list: entries ranked by fuzzyMatch() against the typed pattern (no
// pattern: every entry in the order given), optionally only the files. Widget-free; the
// window gives it the entries and shows the rows.
class PaletteModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        KindRole = Qt::UserRole + 1, // int(PaletteEntry::Kind)
        KindNameRole,                // "Service", translated
        DetailRole,
        TargetRole,
        PositionsRole, // QList<int>: the matched characters of the text
    };
    enum class Scope { Everything, FilesOnly };

    explicit PaletteModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setEntries(QList<PaletteEntry> entries);
    const QList<PaletteEntry> &entries() const { return m_entries; }
    void setPattern(const QString &pattern);
    QString pattern() const { return m_pattern; }
    void setScope(Scope scope);
    Scope scope() const { return m_scope; }
    const PaletteEntry &entry(int row) const { return m_entries.at(m_rows.at(row).entry); }

    static QString kindName(PaletteEntry::Kind kind);

private:
    void refilter();

    struct Row
    {
        int entry;
        FuzzyMatch match;
    };
    QList<PaletteEntry> m_entries;
    QList<Row> m_rows;
    QString m_pattern;
    Scope m_scope = Scope::Everything;
};

// The catalog's services, their environments' overlays, developers and teams, in that order.
QList<PaletteEntry> catalogPaletteEntries(const platform::Catalog &catalog);
// The platform rules Kanri checks, with their descriptions translated.
QList<PaletteEntry> rulePaletteEntries();
QList<PaletteEntry> filePaletteEntries(const QList<platform::WorkspaceFile> &files);

} // namespace kanri::items

Q_DECLARE_METATYPE(kanri::items::PaletteEntry)

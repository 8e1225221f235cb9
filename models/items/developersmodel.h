#pragma once

#include <QAbstractTableModel>

namespace kanri::platform {
class Session;
}

namespace kanri::items {

// The developers map as a table: the entry key, then one column per field of the schema (or
// the union of the entries' fields when there is no schema). Booleans are check states,
// numbers numbers, lists comma-separated. A field holding an expression (var.x, a call, a
// template: hcl::Value) is shown as its HCL source in italics, whatever the column's type, and
// edited as source text (TypeRole "expression"), never quoted into a string. Edits go through the
// session as undo commands; the table follows the session (also on undo and redo).
//
// New rows: insertRows() appends entries (always at the end, whatever row is asked, since
// the map gets them at its end) filled with the schema's defaults under a unique placeholder
// key ("new-developer", "new-developer-2", ...) that the user renames by editing the key
// column. Required fields (not optional() in the schema) left empty are flagged with
// MissingRole and a tooltip (the view paints the theme's background). removeRows() removes entries
// as one undo step.
class DevelopersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        FieldRole = Qt::UserRole + 1,
        KeyRole,
        LocationRole,
        TypeRole,
        OwnedRole,
        RequiredRole, // the column's field is required by the schema
        MissingRole,  // a required field of this entry is empty
        DefaultRole,  // the value shown is the schema's default, not written in the entry
    };

    explicit DevelopersModel(platform::Session *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    // The key a new entry gets: "new-developer", else the first free "new-developer-N".
    QString placeholderKey() const;
    bool isRequired(int column) const;

    QString field(int column) const;     // empty for the key column
    QString fieldType(int column) const; // "bool", "string", "number", "list(string)", ...
    // Whether the cell holds an expression rather than a literal.
    bool isExpression(const QModelIndex &index) const;

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    void sessionChanged();
    void rebuildColumns();

    platform::Session *m_session;
    QStringList m_fields;
    QStringList m_types;
    QList<bool> m_required;
    int m_rows = 0;
    bool m_changingRows = false; // insertRows/removeRows announce the rows themselves
};

} // namespace kanri::items

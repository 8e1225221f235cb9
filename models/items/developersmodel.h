#pragma once

#include <QAbstractTableModel>

namespace kanri::platform {
class Session;
}

namespace kanri::items {

// The developers map as a table: the entry key, then one column per field of the schema (or
// the union of the entries' fields when there is no schema). Booleans are check states,
// numbers numbers, lists comma-separated. Edits go through the session as undo commands; the
// table follows the session (also on undo and redo).
class DevelopersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role { FieldRole = Qt::UserRole + 1, KeyRole, LocationRole, TypeRole, OwnedRole };

    explicit DevelopersModel(platform::Session *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QString field(int column) const;     // empty for the key column
    QString fieldType(int column) const; // "bool", "string", "number", "list(string)", ...

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    void sessionChanged();
    void rebuildColumns();

    platform::Session *m_session;
    QStringList m_fields;
    QStringList m_types;
    int m_rows = 0;
};

} // namespace kanri::items

#pragma once

#include "rules/rulefinding.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>

namespace kanri::items {

// The rule findings of a workspace, one row each: severity, rule id, message and where
// (file:line). setFindings() replaces the list with row removals and insertions rather than
// a reset, so that the selection and the scroll position survive a live re-check.
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, RuleColumn, MessageColumn, LocationColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int(platform::Severity)
        RuleRole,
        AbsoluteFileRole, // the finding's file as an absolute path ("" when none)
        LineRole,
        ColumnRole,
        ServiceRole,
        HintRole,
    };

    explicit FindingsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // `findings` as platform::sortedUnique() returns them (one per rule, file, line, message).
    void setFindings(const QList<platform::Finding> &findings);
    const QList<platform::Finding> &findings() const { return m_findings; }
    const platform::Finding &finding(int row) const { return m_findings.at(row); }
    int count(platform::Severity severity) const;
    QStringList rules() const; // the rule ids present, sorted

    // Icons for the severity column (the model has no widget style to take them from).
    void setSeverityIcon(platform::Severity severity, const QIcon &icon);

    static QString absoluteFile(const platform::Finding &finding);

private:
    static QString keyOf(const platform::Finding &finding);

    QList<platform::Finding> m_findings;
    QHash<int, QIcon> m_icons;
};

} // namespace kanri::items

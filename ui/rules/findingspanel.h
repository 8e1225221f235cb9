#pragma once

#include "rules/rulefinding.h"

#include <QDockWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTreeView;

namespace kanri::items {
class FindingsModel;
}

namespace kanri::ui {

// The rule findings dock: severity icon, rule, message and file:line per finding, for the
// whole workspace or only what the unsaved change introduces, filtered by severity and rule.
// Counts are in the dock title. Activating a row (double-click, Enter) asks to reveal where
// the finding points; the panel itself knows nothing about windows or sessions.
class FindingsPanel : public QDockWidget
{
    Q_OBJECT

public:
    enum class Scope { Workspace, Change };
    enum class MinimumSeverity { Info, Warning, Error };

    explicit FindingsPanel(QWidget *parent = nullptr);

    void setFindings(const QList<platform::Finding> &workspace,
                     const QList<platform::Finding> &change);
    void setChecking(bool checking);
    void setProblem(const QString &message); // a check that failed; "" clears it

    void setScope(Scope scope);
    void setMinimumSeverity(MinimumSeverity severity);
    void setRuleFilter(const QString &rule); // "" for every rule

    // For tests and screenshots.
    QTreeView *view() const { return m_view; }
    items::FindingsModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    int visibleCount() const;

Q_SIGNALS:
    // An absolute path (or empty when the finding has no file), 1-based line and column.
    void locationActivated(const QString &file, int line, int column, const QString &service);

private:
    void refresh();
    void updateTitle();
    void activated(const QModelIndex &index);

    QList<platform::Finding> m_workspace, m_change;
    Scope m_scope = Scope::Workspace;
    bool m_checking = false;
    items::FindingsModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_view = nullptr;
    QComboBox *m_scopeBox = nullptr;
    QComboBox *m_severityBox = nullptr;
    QComboBox *m_ruleBox = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace kanri::ui

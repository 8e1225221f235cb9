#include "ui/rules/findingspanel.h"

#include "items/findingsmodel.h"
#include "ui/theme/theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace kanri::ui {

namespace {

using platform::Severity;

// Rows at or above a severity, of one rule (or all).
class FindingsFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setMinimum(Severity s)
    {
        m_minimum = s;
        invalidateFilter();
    }
    void setRule(const QString &rule)
    {
        m_rule = rule;
        invalidateFilter();
    }

    // Severities in the theme's colours: errors and warnings stand out in light and dark.
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ForegroundRole && index.column() == items::FindingsModel::SeverityColumn) {
            const ThemeColours &colours = currentThemeColours();
            switch (Severity(index.data(items::FindingsModel::SeverityRole).toInt())) {
            case Severity::Error:
                return colours.error;
            case Severity::Warning:
                return colours.warning;
            default:
                break;
            }
        }
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex i = sourceModel()->index(row, 0, parent);
        if (i.data(items::FindingsModel::SeverityRole).toInt() < int(m_minimum))
            return false;
        return m_rule.isEmpty() || i.data(items::FindingsModel::RuleRole).toString() == m_rule;
    }

private:
    Severity m_minimum = Severity::Info;
    QString m_rule;
};

} // namespace

FindingsPanel::FindingsPanel(QWidget *parent)
    : QDockWidget(parent)
{
    setObjectName(QStringLiteral("findings"));
    m_model = new items::FindingsModel(this);
    m_model->setSeverityIcon(Severity::Error, style()->standardIcon(QStyle::SP_MessageBoxCritical));
    m_model->setSeverityIcon(Severity::Warning,
                             style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_model->setSeverityIcon(Severity::Info,
                             style()->standardIcon(QStyle::SP_MessageBoxInformation));
    auto *filter = new FindingsFilter(this);
    filter->setSourceModel(m_model);
    m_proxy = filter;

    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_scopeBox = new QComboBox(body);
    m_scopeBox->addItem(tr("Whole workspace"));
    m_scopeBox->addItem(tr("This change"));
    m_scopeBox->setToolTip(tr("Every finding, or only those the unsaved edits introduce"));
    m_severityBox = new QComboBox(body);
    m_severityBox->addItem(tr("All severities"));
    m_severityBox->addItem(tr("Warnings and errors"));
    m_severityBox->addItem(tr("Errors only"));
    m_ruleBox = new QComboBox(body);
    m_ruleBox->addItem(tr("All rules"), QString());
    m_ruleBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(m_scopeBox);
    bar->addWidget(m_severityBox);
    bar->addWidget(m_ruleBox);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_problem = new QLabel(body);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    layout->addWidget(m_problem);

    m_view = new QTreeView(body);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setModel(m_proxy);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(items::FindingsModel::MessageColumn,
                                           QHeaderView::Stretch);
    m_view->setColumnWidth(items::FindingsModel::SeverityColumn, 90);
    m_view->setColumnWidth(items::FindingsModel::RuleColumn, 190);
    m_view->setColumnWidth(items::FindingsModel::LocationColumn, 420);
    layout->addWidget(m_view, 1);
    setWidget(body);

    connect(m_view, &QTreeView::activated, this, &FindingsPanel::activated);
    connect(m_scopeBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_scope = i == 1 ? Scope::Change : Scope::Workspace;
        refresh();
    });
    connect(m_severityBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        static_cast<FindingsFilter *>(m_proxy)->setMinimum(Severity(i));
        updateTitle();
    });
    connect(m_ruleBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        static_cast<FindingsFilter *>(m_proxy)->setRule(m_ruleBox->itemData(i).toString());
        updateTitle();
    });
    updateTitle();
}

void FindingsPanel::setFindings(const QList<platform::Finding> &workspace,
                                const QList<platform::Finding> &change)
{
    m_workspace = workspace;
    m_change = change;
    refresh();
}

void FindingsPanel::refresh()
{
    m_model->setFindings(m_scope == Scope::Change ? m_change : m_workspace);
    // The rule choices follow what is there; the chosen rule stays while it has findings.
    const QString current = m_ruleBox->currentData().toString();
    QStringList rules = m_model->rules();
    if (!current.isEmpty() && !rules.contains(current))
        rules << current;
    rules.sort();
    QStringList present;
    for (int i = 1; i < m_ruleBox->count(); ++i)
        present << m_ruleBox->itemData(i).toString();
    if (present != rules) {
        const QSignalBlocker block(m_ruleBox);
        while (m_ruleBox->count() > 1)
            m_ruleBox->removeItem(1);
        for (const QString &r : std::as_const(rules))
            m_ruleBox->addItem(r, r);
        m_ruleBox->setCurrentIndex(std::max(0, m_ruleBox->findData(current)));
    }
    updateTitle();
}

void FindingsPanel::setChecking(bool checking)
{
    m_checking = checking;
    updateTitle();
}

void FindingsPanel::setProblem(const QString &message)
{
    m_problem->setText(message.isEmpty() ? QString() : tr("The check failed: %1").arg(message));
    m_problem->setVisible(!message.isEmpty());
}

void FindingsPanel::setScope(Scope scope)
{
    m_scopeBox->setCurrentIndex(scope == Scope::Change ? 1 : 0);
}

void FindingsPanel::setMinimumSeverity(MinimumSeverity severity)
{
    m_severityBox->setCurrentIndex(int(severity));
}

void FindingsPanel::setRuleFilter(const QString &rule)
{
    if (!rule.isEmpty() && m_ruleBox->findData(rule) < 0)
        m_ruleBox->addItem(rule, rule);
    m_ruleBox->setCurrentIndex(std::max(0, m_ruleBox->findData(rule)));
}

int FindingsPanel::visibleCount() const
{
    return m_proxy->rowCount();
}

void FindingsPanel::updateTitle()
{
    const int errors = m_model->count(Severity::Error);
    const int warnings = m_model->count(Severity::Warning);
    QString title = tr("Findings — %n error(s)", nullptr, errors) + QStringLiteral(", ") +
                    tr("%n warning(s)", nullptr, warnings);
    if (m_scope == Scope::Change)
        title += tr(" in this change");
    if (m_proxy->rowCount() != m_model->rowCount())
        title += tr(" (%1 shown)").arg(m_proxy->rowCount());
    if (m_checking)
        title += tr(" — checking…");
    setWindowTitle(title);
}

void FindingsPanel::activated(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QModelIndex i = m_proxy->mapToSource(index);
    const platform::Finding &f = m_model->finding(i.row());
    Q_EMIT locationActivated(items::FindingsModel::absoluteFile(f), f.line, f.column, f.service);
}

} // namespace kanri::ui

#pragma once

#include "platform/catalog.h"
#include "publish/wizarddeveloper.h"
#include "rules/rulefinding.h"

#include <QHash>
#include <QWizard>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace kanri::ui {

class WizardPreview;

// Tools ▸ New developer: who (id, the schema's text fields, team), which accounts (the
// schema's flags, pre-set for the team), then what merging grants, the rule findings the
// entry would bring and the edit itself. The caller applies plan() when the wizard is accepted.
class NewDeveloperWizard : public QWizard
{
    Q_OBJECT

public:
    // The rules and the plan come from the application (they read files).
    using Check = std::function<QList<platform::Finding>(const platform::DeveloperDraft &)>;
    using Planner = std::function<Result<platform::WizardPlan>(const platform::DeveloperDraft &)>;

    NewDeveloperWizard(const platform::Catalog &catalog, QHash<QString, QString> descriptions,
                       Check check, Planner planner, QWidget *parent = nullptr);

    platform::DeveloperDraft draft() const;
    const std::optional<platform::WizardPlan> &plan() const { return m_plan; }

    // For tests: the editor of the id, a schema text field, a flag; the team box.
    QLineEdit *keyEdit() const { return m_key; }
    QLineEdit *textEdit(const QString &field) const { return m_text.value(field); }
    QCheckBox *flagBox(const QString &field) const { return m_flags.value(field); }
    QComboBox *teamBox() const { return m_team; }
    QListWidget *findingsList() const { return m_findings; }

    enum Page { WhoPage, AccountsPage, ReviewPage };

private:
    class WhoPageWidget;
    class ReviewPageWidget;
    void teamChanged();
    void validate();
    void prepareReview();

    platform::Catalog m_catalog;
    QHash<QString, QString> m_descriptions;
    Check m_check;
    Planner m_planner;
    std::optional<platform::WizardPlan> m_plan;
    bool m_reviewOk = false;

    QLineEdit *m_key = nullptr;
    QComboBox *m_team = nullptr;
    QHash<QString, QLineEdit *> m_text;
    QHash<QString, QLabel *> m_problems;
    QLabel *m_keyProblem = nullptr;
    QHash<QString, QCheckBox *> m_flags;
    QLabel *m_grants = nullptr;
    QListWidget *m_findings = nullptr;
    WizardPreview *m_preview = nullptr;
};

} // namespace kanri::ui

#pragma once

#include "platform/catalog.h"
#include "publish/wizardoffboard.h"

#include <QWizard>

#include <functional>

class QComboBox;
class QLabel;
class QTreeWidget;

namespace kanri::ui {

class WizardPreview;

// Tools ▸ Offboard developer: choose the person, then every place that names them (the
// developers map entry, CODEOWNERS, other map entries) with what happens there, and the
// preview of the edited files. The caller applies plan() when the wizard is accepted.
class OffboardWizard : public QWizard
{
    Q_OBJECT

public:
    using Planner = std::function<Result<platform::OffboardPlan>(const QString &key)>;

    OffboardWizard(const platform::Catalog &catalog, Planner planner, QWidget *parent = nullptr);

    void setDeveloper(const QString &key);
    QString developer() const;
    const std::optional<platform::OffboardPlan> &plan() const { return m_plan; }

    QComboBox *developerBox() const { return m_developer; }
    QTreeWidget *referenceList() const { return m_references; }
    WizardPreview *preview() const { return m_preview; }

    enum Page { ChoosePage, ReferencesPage };

private:
    class ReferencesPageWidget;
    void prepareReferences();

    Planner m_planner;
    std::optional<platform::OffboardPlan> m_plan;
    QComboBox *m_developer = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_references = nullptr;
    WizardPreview *m_preview = nullptr;
};

} // namespace kanri::ui

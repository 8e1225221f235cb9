#pragma once

#include "platform/catalog.h"
#include "publish/wizardmicroservice.h"

#include <QHash>
#include <QWizard>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace kanri::ui {

class WizardPreview;

// Tools ▸ New microservice: name, team, description and environments; the container (image,
// port, requests and limits); then the preview of every file it creates or changes in both
// repositories. The caller applies plan() when the wizard is accepted.
class NewMicroserviceWizard : public QWizard
{
    Q_OBJECT

public:
    using Planner =
        std::function<Result<platform::WizardPlan>(const platform::MicroserviceDraft &)>;
    // `defaults(team)` gives a draft with the registry and environments the workspace uses.
    using Defaults = std::function<platform::MicroserviceDraft(const QString &team)>;

    NewMicroserviceWizard(const platform::Catalog &catalog, Defaults defaults, Planner planner,
                          QWidget *parent = nullptr);

    platform::MicroserviceDraft draft() const;
    const std::optional<platform::WizardPlan> &plan() const { return m_plan; }

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *teamBox() const { return m_team; }
    QLineEdit *descriptionEdit() const { return m_description; }
    QLineEdit *tagEdit() const { return m_tag; }
    WizardPreview *preview() const { return m_preview; }

    enum Page { ServicePage, ContainerPage, PreviewPage };

private:
    class CheckedPage;
    void teamChanged();
    void validate();
    void preparePreview();

    platform::Catalog m_catalog;
    Defaults m_defaults;
    Planner m_planner;
    std::optional<platform::WizardPlan> m_plan;
    QStringList m_allEnvironments;

    QLineEdit *m_name = nullptr;
    QComboBox *m_team = nullptr;
    QLineEdit *m_description = nullptr;
    QComboBox *m_cluster = nullptr;
    QHash<QString, QCheckBox *> m_environments;
    QLabel *m_serviceProblems = nullptr;
    QLineEdit *m_registry = nullptr;
    QLineEdit *m_tag = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_cpuRequest = nullptr, *m_memoryRequest = nullptr;
    QLineEdit *m_cpuLimit = nullptr, *m_memoryLimit = nullptr;
    QLabel *m_containerProblems = nullptr;
    QLabel *m_image = nullptr;
    WizardPreview *m_preview = nullptr;
    std::function<QStringList()> m_serviceProblemsFn, m_containerProblemsFn;
};

} // namespace kanri::ui

#include "ui/wizards/wizardnewmicroservice.h"
#include "ui/theme/theme.h"

#include "ui/wizards/wizardpreview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace kanri::ui {

namespace {

QLabel *problemLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setStyleSheet(messageStyleSheet(MessageKind::Error));
    l->setWordWrap(true);
    return l;
}

} // namespace

// A page complete when `complete()` says so; the preview page also builds the plan.
class NewMicroserviceWizard::CheckedPage : public QWizardPage
{
public:
    CheckedPage(std::function<bool()> complete, std::function<void()> init = {})
        : m_complete(std::move(complete))
        , m_init(std::move(init))
    {}
    bool isComplete() const override { return m_complete(); }
    void initializePage() override
    {
        if (m_init)
            m_init();
    }
    void changed() { Q_EMIT completeChanged(); }

private:
    std::function<bool()> m_complete;
    std::function<void()> m_init;
};

NewMicroserviceWizard::NewMicroserviceWizard(const platform::Catalog &catalog, Defaults defaults,
                                             Planner planner, QWidget *parent)
    : QWizard(parent)
    , m_catalog(catalog)
    , m_defaults(std::move(defaults))
    , m_planner(std::move(planner))
{
    setWindowTitle(tr("New microservice"));
    setObjectName(QStringLiteral("newMicroserviceWizard"));
    setOption(QWizard::NoBackButtonOnStartPage);
    resize(900, 640);

    auto serviceProblems = [this] {
        return platform::microserviceServiceProblems(m_catalog, draft());
    };
    // 1. The service.
    auto *service = new CheckedPage([serviceProblems] { return serviceProblems().isEmpty(); });
    service->setTitle(tr("A new microservice"));
    service->setSubTitle(tr("One application is one namespace: the name is also the namespace, "
                            "the folder under services/ and the entry in the team's "
                            "microservices map."));
    auto *form = new QFormLayout(service);
    m_name = new QLineEdit(service);
    m_name->setPlaceholderText(tr("coupon-api"));
    form->addRow(tr("&Name:"), m_name);
    m_team = new QComboBox(service);
    for (const QString &t : platform::microserviceTeams(m_catalog))
        m_team->addItem(t, t);
    form->addRow(tr("&Team:"), m_team);
    m_description = new QLineEdit(service);
    form->addRow(tr("&Description:"), m_description);
    m_cluster = new QComboBox(service);
    m_cluster->addItem(tr("GKE"), QStringLiteral("gke"));
    m_cluster->addItem(tr("EKS"), QStringLiteral("eks"));
    form->addRow(tr("&Cluster:"), m_cluster);
    auto *envs = new QHBoxLayout;
    m_allEnvironments = m_defaults(m_team->currentData().toString()).environments;
    for (const QString &e : std::as_const(m_allEnvironments)) {
        auto *box = new QCheckBox(e, service);
        box->setChecked(true);
        m_environments.insert(e, box);
        envs->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &NewMicroserviceWizard::validate);
    }
    envs->addStretch(1);
    form->addRow(tr("Environments:"), envs);
    m_serviceProblems = problemLabel(service);
    form->addRow(QString(), m_serviceProblems);
    setPage(ServicePage, service);

    // 2. The container.
    auto containerProblems = [this] { return platform::microserviceContainerProblems(draft()); };
    auto *container =
        new CheckedPage([containerProblems] { return containerProblems().isEmpty(); });
    container->setTitle(tr("The container"));
    container->setSubTitle(tr("Requests and limits are required by the platform rules; start "
                              "small, the HPA adds pods."));
    auto *cform = new QFormLayout(container);
    m_registry = new QLineEdit(container);
    cform->addRow(tr("Image &registry:"), m_registry);
    m_image = new QLabel(container);
    m_image->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cform->addRow(tr("Image:"), m_image);
    m_tag = new QLineEdit(container);
    cform->addRow(tr("First image &tag:"), m_tag);
    m_port = new QSpinBox(container);
    m_port->setRange(1, 65535);
    cform->addRow(tr("Container &port:"), m_port);
    m_cpuRequest = new QLineEdit(container);
    m_memoryRequest = new QLineEdit(container);
    m_cpuLimit = new QLineEdit(container);
    m_memoryLimit = new QLineEdit(container);
    cform->addRow(tr("CPU request:"), m_cpuRequest);
    cform->addRow(tr("Memory request:"), m_memoryRequest);
    cform->addRow(tr("CPU limit:"), m_cpuLimit);
    cform->addRow(tr("Memory limit:"), m_memoryLimit);
    m_containerProblems = problemLabel(container);
    cform->addRow(QString(), m_containerProblems);
    setPage(ContainerPage, container);

    // 3. Preview.
    auto *preview =
        new CheckedPage([this] { return m_plan.has_value(); }, [this] { preparePreview(); });
    preview->setTitle(tr("Files"));
    preview->setSubTitle(tr("Finish adds these as one unsaved edit: review the rendered diff, "
                            "then commit and open the pull requests."));
    auto *pl = new QVBoxLayout(preview);
    m_preview = new WizardPreview(preview);
    pl->addWidget(m_preview);
    setPage(PreviewPage, preview);

    const platform::MicroserviceDraft d = m_defaults(m_team->currentData().toString());
    m_registry->setText(d.registry);
    m_tag->setText(d.tag);
    m_port->setValue(d.port);
    m_cpuRequest->setText(d.cpuRequest);
    m_memoryRequest->setText(d.memoryRequest);
    m_cpuLimit->setText(d.cpuLimit);
    m_memoryLimit->setText(d.memoryLimit);

    for (QLineEdit *e : {m_name, m_description, m_registry, m_tag, m_cpuRequest, m_memoryRequest,
                         m_cpuLimit, m_memoryLimit})
        connect(e, &QLineEdit::textChanged, this, &NewMicroserviceWizard::validate);
    connect(m_port, &QSpinBox::valueChanged, this, &NewMicroserviceWizard::validate);
    connect(m_team, &QComboBox::currentIndexChanged, this, &NewMicroserviceWizard::validate);
    connect(m_cluster, &QComboBox::currentIndexChanged, this, &NewMicroserviceWizard::validate);
    m_serviceProblemsFn = serviceProblems;
    m_containerProblemsFn = containerProblems;
    validate();
}

platform::MicroserviceDraft NewMicroserviceWizard::draft() const
{
    platform::MicroserviceDraft d;
    d.name = m_name->text().trimmed();
    d.team = m_team->currentData().toString();
    d.description = m_description->text().trimmed();
    d.cluster = m_cluster->currentData().toString();
    d.environments.clear();
    for (const QString &e : m_allEnvironments) {
        if (m_environments.value(e)->isChecked())
            d.environments << e;
    }
    if (m_registry) {
        d.registry = m_registry->text().trimmed();
        d.tag = m_tag->text().trimmed();
        d.port = m_port->value();
        d.cpuRequest = m_cpuRequest->text().trimmed();
        d.memoryRequest = m_memoryRequest->text().trimmed();
        d.cpuLimit = m_cpuLimit->text().trimmed();
        d.memoryLimit = m_memoryLimit->text().trimmed();
    }
    return d;
}

void NewMicroserviceWizard::validate()
{
    const platform::MicroserviceDraft d = draft();
    m_image->setText(d.name.isEmpty() ? QString() : d.image() + QLatin1Char(':') + d.tag);
    // Say nothing before the user typed a name.
    const QStringList sp = m_name->text().isEmpty() ? QStringList() : m_serviceProblemsFn();
    m_serviceProblems->setText(sp.join(QLatin1Char('\n')));
    m_containerProblems->setText(m_containerProblemsFn().join(QLatin1Char('\n')));
    static_cast<CheckedPage *>(page(ServicePage))->changed();
    static_cast<CheckedPage *>(page(ContainerPage))->changed();
}

void NewMicroserviceWizard::preparePreview()
{
    auto plan = m_planner(draft());
    if (plan) {
        m_plan = *plan;
        m_preview->setPlan(*plan);
    } else {
        m_plan.reset();
        m_preview->setError(plan.error().toString());
    }
    static_cast<CheckedPage *>(page(PreviewPage))->changed();
}

} // namespace kanri::ui

#include "app/wizardcontroller.h"

#include "app/appcontext.h"
#include "app/runoffthread.h"
#include "platform/session.h"
#include "platform/workspace.h"
#include "publish/publishimpact.h"
#include "publish/wizarddeveloper.h"
#include "publish/wizardmicroservice.h"
#include "publish/wizardoffboard.h"
#include "rules/rulelinter.h"
#include "ui/diff/tfimpactview.h"
#include "ui/main/mainwindow.h"
#include "ui/wizards/wizardnewdeveloper.h"
#include "ui/wizards/wizardnewmicroservice.h"
#include "ui/wizards/wizardoffboarddeveloper.h"
#include "ui/wizards/wizardpreview.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>

#include <memory>

namespace kanri::app {

namespace {

// Runs a wizard: modal in the application, or shown non-modally (and left to the caller)
// for a screenshot. Returns the wizard when it stays open.
template<typename Wizard, typename Apply>
QWidget *runWizard(Wizard *wizard, bool preview, Apply apply)
{
    if (preview) {
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        wizard->show();
        return wizard;
    }
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(wizard, &QWizard::accepted, wizard, [wizard, apply] { apply(wizard); });
    wizard->open();
    return wizard;
}

// Shows the Terraform impact of each plan the wizard's preview page shows, evaluated off the GUI
// thread; a newer plan's result replaces an older one's.
void watchTerraformImpact(AppContext *context, QWidget *wizard)
{
    auto *preview = wizard->findChild<ui::WizardPreview *>();
    if (!preview)
        return;
    auto generation = std::make_shared<int>(0);
    QObject::connect(
        preview, &ui::WizardPreview::planShown, preview,
        [context, preview, generation](const platform::WizardPlan &plan) {
            platform::Session *session = context->session();
            const int mine = ++*generation;
            platform::PlanImpactJob job =
                session ? platform::planImpactJob(*session, plan) : platform::PlanImpactJob();
            if (!job.touchesTerraform()) {
                preview->tfImpactView()->clear();
                return;
            }
            preview->tfImpactView()->setBusy(job.label);
            const QString label = job.label;
            runOffThread<Result<std::optional<terraform::Impact>>>(
                preview, [job = std::move(job)] { return job.run(); },
                [preview, generation, mine, label](Result<std::optional<terraform::Impact>> r) {
                    if (mine == *generation)
                        preview->tfImpactView()->setOutcome(label, r);
                });
        });
}

bool isAccounts(const platform::Workspace *ws, const QString &repository)
{
    const platform::RepositorySpec *spec =
        ws ? ws->repository(platform::RepositoryRole::Accounts) : nullptr;
    return spec && spec->name == repository;
}

} // namespace

WizardController::WizardController(AppContext *context)
    : QObject(context)
    , m_context(context)
    , m_publish(new PublishController(context, this))
{
    QMenu *tools = context->window()->menu(ui::MainWindow::Menu::Tools);
    tools->addSeparator();
    QAction *developer = tools->addAction(tr("New &Developer…"));
    connect(developer, &QAction::triggered, this, [this] { newDeveloper(Show::Modal); });
    QAction *microservice = tools->addAction(tr("New &Microservice…"));
    connect(microservice, &QAction::triggered, this, [this] { newMicroservice(Show::Modal); });
    QAction *leave = tools->addAction(tr("&Offboard Developer…"));
    connect(leave, &QAction::triggered, this, [this] { offboard(Show::Modal); });
    m_sessionActions = {developer, microservice, leave};
    const auto enable = [this](platform::Session *session) {
        for (QAction *a : std::as_const(m_sessionActions))
            a->setEnabled(session != nullptr);
    };
    enable(context->session());
    connect(context, &AppContext::sessionChanged, this, enable);

    context->addView(QStringLiteral("new-developer"),
                     [this] { return newDeveloper(Show::Preview); });
    context->addView(QStringLiteral("new-microservice"),
                     [this] { return newMicroservice(Show::Preview); });
    context->addView(QStringLiteral("offboard"), [this] { return offboard(Show::Preview); });
    context->addView(QStringLiteral("wizard-publish"), [this]() -> QWidget * {
        // The dialog after "New developer", for the example the new-developer view shows.
        auto *wizard = qobject_cast<ui::NewDeveloperWizard *>(newDeveloper(Show::Preview));
        if (!wizard || !wizard->plan())
            return nullptr;
        const platform::WizardPlan plan = *wizard->plan();
        const platform::DeveloperDraft draft = wizard->draft();
        const QStringList grants = platform::developerGrants(*m_context->session(), draft);
        wizard->close();
        m_publish->offer(tr("New developer %1").arg(draft.key), plan,
                         [&](const QString &, const QStringList &files) {
                             return platform::developerText(draft, grants, plan, files);
                         });
        return m_publish->publishDialog();
    });
}

QWidget *WizardController::newDeveloper(Show show)
{
    platform::Session *session = m_context->session();
    if (!session)
        return nullptr;
    const platform::Catalog &catalog = session->catalog();
    const platform::SourceReader read = platform::sessionReader(*session);
    const platform::RuleConfig config =
        platform::loadRuleConfig(catalog.workspace).value_or(platform::RuleConfig::defaults());
    auto *wizard = new ui::NewDeveloperWizard(
        catalog, platform::developerFieldDescriptions(catalog, read),
        [catalog, config](const platform::DeveloperDraft &d) {
            return platform::developerDraftFindings(catalog, config, d);
        },
        [catalog, read](const platform::DeveloperDraft &d) {
            return platform::planNewDeveloper(catalog, read, d);
        },
        m_context->window());
    watchTerraformImpact(m_context, wizard);
    if (show == Show::Preview) {
        // An example, on the page that shows what merging grants.
        wizard->teamBox()->setCurrentIndex(std::min(1, wizard->teamBox()->count() - 1));
        if (QLineEdit *e = wizard->textEdit(QStringLiteral("name")))
            e->setText(QStringLiteral("Aiko Tanaka"));
        if (QLineEdit *e = wizard->textEdit(QStringLiteral("github")))
            e->setText(QStringLiteral("aiko-tanaka"));
        if (QLineEdit *e = wizard->textEdit(QStringLiteral("email")))
            e->setText(QStringLiteral("atanaka@example.co.jp"));
        wizard->show();
        wizard->next();
        wizard->next();
    }
    return runWizard(wizard, show == Show::Preview, [this](ui::NewDeveloperWizard *w) {
        platform::Session *s = m_context->session();
        if (!s || !w->plan())
            return;
        if (auto r = platform::applyPlan(*s, *w->plan()); !r) {
            m_context->reportError(tr("New developer"), r.error().toString());
            return;
        }
        const platform::DeveloperDraft draft = w->draft();
        const platform::WizardPlan plan = *w->plan();
        const QStringList grants = platform::developerGrants(*s, draft);
        m_context->window()->revealDeveloper(draft.key);
        m_publish->offer(tr("New developer %1").arg(draft.key), plan,
                         [&](const QString &, const QStringList &files) {
                             return platform::developerText(draft, grants, plan, files);
                         });
    });
}

QWidget *WizardController::newMicroservice(Show show)
{
    platform::Session *session = m_context->session();
    if (!session)
        return nullptr;
    const platform::Catalog &catalog = session->catalog();
    const platform::SourceReader read = platform::sessionReader(*session);
    auto *wizard = new ui::NewMicroserviceWizard(
        catalog,
        [catalog, read](const QString &team) {
            return platform::microserviceDefaults(catalog, read, team);
        },
        [catalog, read](const platform::MicroserviceDraft &d) {
            return platform::planNewMicroservice(catalog, read, d);
        },
        m_context->window());
    watchTerraformImpact(m_context, wizard);
    if (show == Show::Preview) {
        wizard->nameEdit()->setText(QStringLiteral("coupon-api"));
        wizard->descriptionEdit()->setText(QStringLiteral("Issues and redeems coupons."));
        wizard->show();
        wizard->next();
        wizard->next();
    }
    return runWizard(wizard, show == Show::Preview, [this](ui::NewMicroserviceWizard *w) {
        platform::Session *s = m_context->session();
        if (!s || !w->plan())
            return;
        if (auto r = platform::applyPlan(*s, *w->plan()); !r) {
            m_context->reportError(tr("New microservice"), r.error().toString());
            return;
        }
        const platform::MicroserviceDraft draft = w->draft();
        const platform::WizardPlan plan = *w->plan();
        m_context->window()->showStatusMessage(tr("%1 added").arg(draft.name));
        m_publish->offer(tr("New microservice %1").arg(draft.name), plan,
                         [&](const QString &repository, const QStringList &files) {
                             const bool accounts = isAccounts(m_context->workspace(), repository);
                             const QString rendered =
                                 accounts ? QString() : platform::renderedSummary(*s, draft);
                             return platform::microserviceText(draft, plan, repository, accounts,
                                                               rendered, files);
                         });
    });
}

QWidget *WizardController::offboard(Show show)
{
    platform::Session *session = m_context->session();
    if (!session)
        return nullptr;
    const platform::Catalog &catalog = session->catalog();
    const platform::SourceReader read = platform::sessionReader(*session);
    auto *wizard = new ui::OffboardWizard(
        catalog,
        [catalog, read](const QString &key) { return platform::planOffboard(catalog, read, key); },
        m_context->window());
    watchTerraformImpact(m_context, wizard);
    if (show == Show::Preview) {
        if (wizard->developerBox()->count() > 2)
            wizard->developerBox()->setCurrentIndex(2);
        wizard->show();
        wizard->next();
    }
    return runWizard(wizard, show == Show::Preview, [this](ui::OffboardWizard *w) {
        platform::Session *s = m_context->session();
        if (!s || !w->plan())
            return;
        if (auto r = platform::applyPlan(*s, w->plan()->plan); !r) {
            m_context->reportError(tr("Offboard developer"), r.error().toString());
            return;
        }
        const platform::OffboardPlan off = *w->plan();
        m_context->window()->showStatusMessage(tr("%1 removed everywhere").arg(off.key));
        m_publish->offer(tr("Offboard developer %1").arg(off.key), off.plan,
                         [&](const QString &, const QStringList &files) {
                             return platform::offboardText(off, files);
                         });
    });
}

} // namespace kanri::app

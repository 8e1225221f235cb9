#include "rulescontroller.h"

#include "appcontext.h"
#include "findingspanel.h"
#include "mainwindow.h"
#include "rulelinter.h"
#include "rulelive.h"
#include "session.h"
#include "wizarddeveloper.h"
#include "wizardmicroservice.h"
#include "wizardnewdeveloper.h"
#include "wizardnewmicroservice.h"
#include "wizardoffboard.h"
#include "wizardoffboarddeveloper.h"
#include "wizardpreview.h"

#include <QAction>
#include <QComboBox>
#include <QEventLoop>
#include <QLineEdit>
#include <QMenu>
#include <QTimer>

namespace kanri::app {

RulesController::RulesController(AppContext *context)
    : QObject(context)
    , m_context(context)
{
    ui::MainWindow *window = context->window();
    m_linter = new platform::LiveLinter(this);
    m_panel = new ui::FindingsPanel(window);
    window->addPanel(m_panel, Qt::BottomDockWidgetArea);

    connect(m_linter, &platform::LiveLinter::findingsChanged, this, &RulesController::showFindings);
    connect(m_linter, &platform::LiveLinter::checkingChanged, m_panel,
            &ui::FindingsPanel::setChecking);
    connect(m_linter, &platform::LiveLinter::checkFailed, m_panel, &ui::FindingsPanel::setProblem);
    connect(m_panel, &ui::FindingsPanel::locationActivated, this, &RulesController::reveal);
    connect(context, &AppContext::sessionChanged, this, &RulesController::sessionChanged);

    QMenu *tools = window->menu(ui::MainWindow::Menu::Tools);
    QAction *check = tools->addAction(tr("&Check Platform Rules Now"));
    check->setShortcut(QKeySequence(Qt::Key_F8));
    connect(check, &QAction::triggered, this, [this] {
        m_panel->show();
        m_panel->raise();
        m_linter->checkNow();
    });
    tools->addSeparator();
    QAction *developer = tools->addAction(tr("New &Developer…"));
    connect(developer, &QAction::triggered, this, [this] { newDeveloper(Show::Modal); });
    QAction *microservice = tools->addAction(tr("New &Microservice…"));
    connect(microservice, &QAction::triggered, this, [this] { newMicroservice(Show::Modal); });
    QAction *leave = tools->addAction(tr("&Offboard Developer…"));
    connect(leave, &QAction::triggered, this, [this] { offboard(Show::Modal); });
    m_sessionActions = {check, developer, microservice, leave};
    for (QAction *a : std::as_const(m_sessionActions))
        a->setEnabled(context->session() != nullptr);

    context->addView(QStringLiteral("findings"), [this]() -> QWidget * {
        // Wait (bounded) for the first check so that the screenshot shows its findings.
        if (!m_linter->hasResult()) {
            QEventLoop loop;
            connect(m_linter, &platform::LiveLinter::findingsChanged, &loop, &QEventLoop::quit);
            QTimer::singleShot(60000, &loop, &QEventLoop::quit);
            loop.exec();
        }
        m_panel->show();
        m_panel->raise();
        return m_context->window();
    });
    context->addView(QStringLiteral("new-developer"),
                     [this] { return newDeveloper(Show::Preview); });
    context->addView(QStringLiteral("new-microservice"),
                     [this] { return newMicroservice(Show::Preview); });
    context->addView(QStringLiteral("offboard"), [this] { return offboard(Show::Preview); });

    if (context->session())
        sessionChanged(context->session());
}

void RulesController::sessionChanged(platform::Session *session)
{
    m_linter->setSession(session);
    m_panel->setProblem({});
    for (QAction *a : std::as_const(m_sessionActions))
        a->setEnabled(session != nullptr);
}

void RulesController::showFindings()
{
    m_panel->setFindings(m_linter->result().findings, m_linter->changeFindings());
    m_panel->setProblem({});
}

void RulesController::reveal(const QString &file, int line, int column, const QString &service)
{
    ui::MainWindow *window = m_context->window();
    if (!file.isEmpty())
        window->revealLocation(file, line, column);
    else if (!service.isEmpty())
        window->selectService(service);
    window->showStatusMessage(
        file.isEmpty() ? service : QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(column));
}

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

} // namespace

QWidget *RulesController::newDeveloper(Show show)
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
        if (auto r = platform::applyPlan(*s, *w->plan()); !r)
            m_context->reportError(tr("New developer"), r.error().toString());
        else
            m_context->window()->revealDeveloper(w->draft().key);
    });
}

QWidget *RulesController::newMicroservice(Show show)
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
        if (auto r = platform::applyPlan(*s, *w->plan()); !r)
            m_context->reportError(tr("New microservice"), r.error().toString());
        else
            m_context->window()->showStatusMessage(
                tr("%1 added: review the diff, save, then commit both repositories")
                    .arg(w->draft().name));
    });
}

QWidget *RulesController::offboard(Show show)
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
        if (auto r = platform::applyPlan(*s, w->plan()->plan); !r)
            m_context->reportError(tr("Offboard developer"), r.error().toString());
        else
            m_context->window()->showStatusMessage(
                tr("%1 removed everywhere: review the diff, then save").arg(w->plan()->key));
    });
}

} // namespace kanri::app

#include "app/rulescontroller.h"

#include "app/appcontext.h"
#include "app/commitauthor.h"
#include "platform/session.h"
#include "platform/workspace.h"
#include "publish/wizarddeveloper.h"
#include "publish/wizardmicroservice.h"
#include "publish/wizardoffboard.h"
#include "rules/rulelinter.h"
#include "rules/rulelive.h"
#include "ui/main/mainwindow.h"
#include "ui/rules/findingspanel.h"
#include "ui/wizards/wizardnewdeveloper.h"
#include "ui/wizards/wizardnewmicroservice.h"
#include "ui/wizards/wizardoffboarddeveloper.h"
#include "ui/wizards/wizardpreview.h"
#include "ui/wizards/wizardpublishdialog.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QEventLoop>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QTimer>
#include <QUndoStack>

namespace kanri::app {

namespace {

// A branch name part from a name or key: lower-case letters, digits, dots and dashes.
QString branchPart(const QString &text)
{
    QString out;
    for (const QChar c : text.toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out += c;
        else if (!out.endsWith(QLatin1Char('-')))
            out += QLatin1Char('-');
    }
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    while (out.startsWith(QLatin1Char('-')))
        out.remove(0, 1);
    return out.isEmpty() ? QStringLiteral("change") : out;
}

QString bullets(const QStringList &lines)
{
    QStringList out;
    for (const QString &l : lines)
        out << QStringLiteral("- ") + l;
    return out.join(QLatin1Char('\n'));
}

QStringList developerGrants(platform::Session &session, const platform::DeveloperDraft &draft)
{
    const platform::SourceReader read = platform::sessionReader(session);
    return platform::developerGrants(
        session.catalog(), platform::developerFieldDescriptions(session.catalog(), read), draft);
}

void fillDeveloper(ui::PublishFields &f, const platform::DeveloperDraft &draft,
                   const QStringList &grants, const platform::WizardPlan &plan,
                   const QStringList &absoluteFiles)
{
    const QString name = draft.fields.value(QStringLiteral("name")).toString();
    const QString github = draft.fields.value(QStringLiteral("github")).toString();
    const QString who = name.isEmpty() ? draft.key : QStringLiteral("%1 (%2)").arg(name, draft.key);
    f.branch = QStringLiteral("kanri/add-developer-") + branchPart(draft.key);
    const QString granted =
        grants.isEmpty() ? RulesController::tr("no account or right") : bullets(grants);
    f.commitMessage = RulesController::tr("Add developer %1\n\nMerging grants %2:\n%3\n")
                          .arg(draft.key, who, granted);
    f.title = RulesController::tr("Add developer %1").arg(who);
    QString body = github.isEmpty()
                       ? RulesController::tr("%1 joins.").arg(who)
                       : RulesController::tr("%1 joins; GitHub login @%2.").arg(who, github);
    body += QStringLiteral("\n\n");
    body += grants.isEmpty() ? RulesController::tr("Merging this grants no account or right.")
                             : RulesController::tr("**Merging this grants:**\n%1").arg(granted);
    body += QStringLiteral("\n\n") +
            RulesController::tr("**Files:**\n%1").arg(fileSummary(plan, absoluteFiles));
    body += QStringLiteral("\n\n") + RulesController::tr("Opened by Kanri's New developer wizard.");
    f.body = body;
}

// What each new overlay renders to (from the unsaved buffers), for the pull request body.
QString renderedSummary(platform::Session &session, const platform::MicroserviceDraft &draft)
{
    QStringList lines;
    auto working = session.overlayFor(platform::Side::Working);
    for (const QString &env : draft.environments) {
        if (!working)
            break;
        auto out = session.render(QStringLiteral("services/%1/overlays/%2").arg(draft.name, env),
                                  *working);
        if (!out) {
            lines << RulesController::tr("- %1: does not render: %2")
                         .arg(env, out.error().toString());
            continue;
        }
        QStringList objects;
        QString ns;
        for (const kustomize::RenderedResource &r : out->resources) {
            objects << r.kind + QLatin1Char('/') + r.name;
            if (ns.isEmpty())
                ns = r.nameSpace;
        }
        lines << RulesController::tr("- %1 (namespace %2): %3")
                     .arg(env, ns, objects.join(QStringLiteral(", ")));
    }
    if (lines.isEmpty())
        return {};
    return RulesController::tr("**Rendered (kustomize build):**\n%1")
        .arg(lines.join(QLatin1Char('\n')));
}

} // namespace

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
        if (m_context->isScreenshot())
            checkNowSynchronously();
        else
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
        // Wait (bounded) for the first check so that the screenshot shows its findings (under
        // --screenshot the check already ran on this thread).
        if (!m_context->isScreenshot() && !m_linter->hasResult()) {
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
    context->addView(QStringLiteral("wizard-publish"), [this]() -> QWidget * {
        // The dialog after "New developer", for the example the new-developer view shows.
        auto *wizard = qobject_cast<ui::NewDeveloperWizard *>(newDeveloper(Show::Preview));
        if (!wizard || !wizard->plan())
            return nullptr;
        const platform::WizardPlan plan = *wizard->plan();
        const platform::DeveloperDraft draft = wizard->draft();
        const QStringList grants = developerGrants(*m_context->session(), draft);
        wizard->close();
        offerPublish(tr("New developer %1").arg(draft.key), plan, [&](ui::PublishFields &f) {
            fillDeveloper(f, draft, grants, plan, absoluteFiles(f));
        });
        return m_publish.data();
    });

    if (context->session())
        sessionChanged(context->session());
}

RulesController::~RulesController()
{
    if (m_flow)
        m_flow->cancel();
}

void RulesController::setGitTokens(std::shared_ptr<git::TokenSource> tokens)
{
    m_gitTokens = std::move(tokens);
}

void RulesController::setGitHubTokens(std::shared_ptr<github::TokenProvider> tokens)
{
    m_githubTokens = std::move(tokens);
}

void RulesController::setCommitAuthor(CommitAuthor *author)
{
    m_commitAuthor = author;
}

void RulesController::sessionChanged(platform::Session *session)
{
    disconnect(m_screenshotChecks); // the old session's stack: it is going
    m_panel->setProblem({});
    for (QAction *a : std::as_const(m_sessionActions))
        a->setEnabled(session != nullptr);
    if (m_context->isScreenshot()) {
        // Nothing waits for a worker under --screenshot: check now, on this thread, and again
        // after each edit (--edit), so that the picture shows the findings.
        m_screenshotBaseline.clear();
        if (!session)
            return;
        if (auto first =
                platform::lintLive(platform::liveLintInput(*session), session->renderer())) {
            m_screenshotBaseline = first->findings;
            m_panel->setFindings(first->findings, {});
        } else {
            m_panel->setProblem(first.error().toString());
        }
        m_screenshotChecks = connect(session->buffers()->undoStack(), &QUndoStack::indexChanged,
                                     this, &RulesController::checkNowSynchronously);
        return;
    }
    m_linter->setSession(session);
}

void RulesController::checkNowSynchronously()
{
    platform::Session *session = m_context->session();
    if (!session)
        return;
    auto result = platform::lintLive(platform::liveLintInput(*session), session->renderer());
    if (!result) {
        m_panel->setProblem(result.error().toString());
        return;
    }
    m_panel->setFindings(result->findings,
                         platform::newFindings(m_screenshotBaseline, result->findings));
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
        if (auto r = platform::applyPlan(*s, *w->plan()); !r) {
            m_context->reportError(tr("New developer"), r.error().toString());
            return;
        }
        const platform::DeveloperDraft draft = w->draft();
        const platform::WizardPlan plan = *w->plan();
        const QStringList grants = developerGrants(*s, draft);
        m_context->window()->revealDeveloper(draft.key);
        offerPublish(tr("New developer %1").arg(draft.key), plan, [&](ui::PublishFields &f) {
            fillDeveloper(f, draft, grants, plan, absoluteFiles(f));
        });
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
        if (auto r = platform::applyPlan(*s, *w->plan()); !r) {
            m_context->reportError(tr("New microservice"), r.error().toString());
            return;
        }
        const platform::MicroserviceDraft draft = w->draft();
        const platform::WizardPlan plan = *w->plan();
        m_context->window()->showStatusMessage(tr("%1 added").arg(draft.name));
        offerPublish(tr("New microservice %1").arg(draft.name), plan, [&](ui::PublishFields &f) {
            const bool accounts = isAccounts(f.repository);
            f.branch = QStringLiteral("kanri/add-microservice-") + branchPart(draft.name);
            f.commitMessage =
                accounts ? tr("Add microservice %1: its entry in the microservices map\n")
                               .arg(draft.name)
                         : tr("Add microservice %1: base, overlays (%2), Argo CD application, "
                              "CODEOWNERS\n")
                               .arg(draft.name, draft.environments.join(QStringLiteral(", ")));
            f.title = tr("Add microservice %1 (%2)").arg(draft.name, f.repository);
            QString body = tr("Adds the microservice **%1** of team %2: %3")
                               .arg(draft.name, draft.team, draft.description);
            body += QStringLiteral("\n\n") +
                    (accounts ? tr("The entry creates the service's accounts (image repository, "
                                   "notification channels) when merged and applied.")
                              : tr("Image %1:%2, port %3; requests %4 CPU / %5 memory, limits "
                                   "%6 CPU / %7 memory; environments: %8.")
                                    .arg(draft.image(), draft.tag)
                                    .arg(draft.port)
                                    .arg(draft.cpuRequest, draft.memoryRequest, draft.cpuLimit,
                                         draft.memoryLimit,
                                         draft.environments.join(QStringLiteral(", "))));
            if (!plan.notes.isEmpty())
                body += QStringLiteral("\n\n") + bullets(plan.notes);
            if (!accounts)
                body += QStringLiteral("\n\n") + renderedSummary(*s, draft);
            body += QStringLiteral("\n\n") +
                    tr("**Files:**\n%1").arg(fileSummary(plan, absoluteFiles(f)));
            body += QStringLiteral("\n\n") +
                    tr("Opened by Kanri's New microservice wizard, with a pull request in each "
                       "repository.");
            f.body = body;
        });
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
        if (auto r = platform::applyPlan(*s, w->plan()->plan); !r) {
            m_context->reportError(tr("Offboard developer"), r.error().toString());
            return;
        }
        const platform::OffboardPlan off = *w->plan();
        m_context->window()->showStatusMessage(tr("%1 removed everywhere").arg(off.key));
        offerPublish(tr("Offboard developer %1").arg(off.key), off.plan, [&](ui::PublishFields &f) {
            const QStringList files = absoluteFiles(f);
            QStringList places;
            for (const platform::DeveloperReference &ref : off.references)
                if (files.contains(QDir::cleanPath(ref.path)))
                    places << tr("`%1` line %2, %3: %4")
                                  .arg(ref.display)
                                  .arg(ref.line)
                                  .arg(ref.what, ref.action);
            f.branch = QStringLiteral("kanri/offboard-") + branchPart(off.key);
            f.commitMessage = tr("Offboard developer %1\n\n%2\n").arg(off.key, bullets(places));
            f.title = tr("Offboard developer %1").arg(off.key);
            f.body = tr("Removes %1 everywhere they appear in this repository; "
                        "merging takes their accounts and rights away.\n\n%2\n\n"
                        "**Files:**\n%3\n\nOpened by Kanri's Offboard developer "
                        "wizard.")
                         .arg(off.key, bullets(places), fileSummary(off.plan, files));
        });
    });
}

// --- commit, push and pull requests after a wizard -------------------------------------------

QStringList RulesController::absoluteFiles(const ui::PublishFields &fields) const
{
    for (const FlowStep &step : m_publishSteps)
        if (step.repository == fields.repository)
            return step.files;
    return {};
}

bool RulesController::isAccounts(const QString &repository) const
{
    const platform::Workspace *ws = m_context->workspace();
    const platform::RepositorySpec *spec =
        ws ? ws->repository(platform::RepositoryRole::Accounts) : nullptr;
    return spec && spec->name == repository;
}

void RulesController::offerPublish(const QString &what, const platform::WizardPlan &plan,
                                   const std::function<void(ui::PublishFields &)> &fill)
{
    const platform::Workspace *ws = m_context->workspace();
    if (!ws || (m_flow && m_flow->isRunning()))
        return;
    auto steps = splitPlan(plan, *ws);
    if (!steps) {
        m_context->reportError(what, steps.error().toString());
        return;
    }
    m_publishSteps = *steps;
    QList<ui::PublishFields> fields;
    for (const FlowStep &step : std::as_const(m_publishSteps)) {
        ui::PublishFields f;
        f.repository = step.repository;
        f.files = step.displayFiles;
        fill(f);
        fields << f;
    }
    if (m_publish)
        m_publish->close();
    m_publish = new ui::WizardPublishDialog(what, fields, &checkBranchName, m_context->window());
    m_publish->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_publish, &ui::WizardPublishDialog::runRequested, this, &RulesController::runPublish);
    connect(m_publish, &ui::WizardPublishDialog::cancelRequested, this, [this] {
        if (m_flow)
            m_flow->cancel();
    });
    if (m_context->isScreenshot())
        m_publish->show();
    else
        m_publish->open();
    Q_EMIT publishOffered();
}

void RulesController::runPublish()
{
    platform::Session *session = m_context->session();
    if (!session || !m_publish)
        return;
    FlowRequest request;
    const QList<ui::PublishFields> fields = m_publish->fields();
    for (const ui::PublishFields &f : fields) {
        for (FlowStep step : std::as_const(m_publishSteps)) {
            if (step.repository != f.repository)
                continue;
            step.branch = f.branch;
            step.commitMessage = f.commitMessage;
            step.title = f.title;
            step.body = f.body;
            request.steps << step;
        }
    }
    request.openPullRequests = m_publish->openPullRequests();
    if (!m_commitAuthor || request.steps.isEmpty()) {
        startFlow(std::move(request));
        return;
    }
    // Who the commits are by: asked first on a computer where git knows no author.
    const FlowStep first = request.steps.first();
    m_publish->setRunning(true);
    m_commitAuthor->ensure(
        first.path, first.repository,
        [this, request](std::optional<git::Signature> author) mutable {
            if (!m_publish)
                return;
            if (!author) {
                m_publish->setRunning(false);
                m_publish->showOutcome(false,
                                       tr("Nothing was done: the commits need the name and "
                                          "e-mail address of their author."),
                                       true);
                return;
            }
            request.author = *author;
            startFlow(std::move(request));
        },
        m_publish);
}

void RulesController::startFlow(FlowRequest request)
{
    platform::Session *session = m_context->session();
    if (!session || !m_publish)
        return;
    if (!request.author) {
        const QString name =
            m_context->settings().value(QStringLiteral("git/authorName")).toString();
        const QString email =
            m_context->settings().value(QStringLiteral("git/authorEmail")).toString();
        if (!name.isEmpty() && !email.isEmpty())
            request.author = git::Signature{name, email};
    }
    delete m_flow;
    m_flow = new WizardFlow(session, this);
    if (m_gitTokens)
        m_flow->setGitTokens(m_gitTokens);
    if (m_githubTokens)
        m_flow->setGitHubTokens(m_githubTokens);
    if (const QString api =
            m_context->settings().value(QStringLiteral("github/apiUrl")).toString().trimmed();
        !api.isEmpty())
        m_flow->setConfiguredApiBase(QUrl(api));
    connect(m_flow, &WizardFlow::progress, m_publish, &ui::WizardPublishDialog::setProgress);
    connect(m_flow, &WizardFlow::finished, this, &RulesController::publishDone);
    m_publish->setRunning(true);
    m_flow->start(std::move(request));
}

void RulesController::publishDone(const FlowOutcome &outcome)
{
    if (m_publish)
        m_publish->showOutcome(outcome.ok, outcome.message, !outcome.anythingCommitted());
    m_context->window()->showStatusMessage(outcome.message.section(QLatin1Char('\n'), 0, 0));
    m_context->refreshRepositoryStatus();
    // HEAD moved (a new branch, a commit): the session's picture of HEAD is stale. Reopen the
    // workspace when that asks nothing (no other unsaved edits).
    if (outcome.anythingCommitted() && m_context->session() &&
        !m_context->session()->buffers()->isModified())
        QMetaObject::invokeMethod(
            m_context, [context = m_context] { context->reload(); }, Qt::QueuedConnection);
    Q_EMIT publishFinished(outcome.ok);
}

} // namespace kanri::app

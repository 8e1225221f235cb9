#include "app/rulescontroller.h"

#include "app/appcontext.h"
#include "platform/session.h"
#include "rules/rulelive.h"
#include "ui/main/mainwindow.h"
#include "ui/rules/findingspanel.h"

#include <QAction>
#include <QMenu>

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
    // A rule picked in the command palette: its findings.
    connect(window, &ui::MainWindow::ruleRequested, this, [this](const QString &rule) {
        m_panel->setRuleFilter(rule);
        m_panel->show();
        m_panel->raise();
    });

    QMenu *tools = window->menu(ui::MainWindow::Menu::Tools);
    m_check = tools->addAction(tr("&Check Platform Rules Now"));
    m_check->setShortcut(QKeySequence(Qt::Key_F8));
    connect(m_check, &QAction::triggered, this, [this] {
        m_panel->show();
        m_panel->raise();
        m_linter->checkNow();
    });
    m_check->setEnabled(context->session() != nullptr);

    // Busy until the session's current edits have been checked.
    context->addBusyProbe(this, [this] { return m_context->session() && !m_linter->isIdle(); });
    context->addView(QStringLiteral("findings"), [this]() -> QWidget * {
        m_panel->show();
        m_panel->raise();
        return m_context->window();
    });

    if (context->session())
        sessionChanged(context->session());
}

void RulesController::sessionChanged(platform::Session *session)
{
    m_panel->setProblem({});
    m_check->setEnabled(session != nullptr);
    m_linter->setSession(session);
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

} // namespace kanri::app

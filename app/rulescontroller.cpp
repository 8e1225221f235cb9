#include "app/rulescontroller.h"

#include "app/appcontext.h"
#include "platform/session.h"
#include "rules/rulelinter.h"
#include "rules/rulelive.h"
#include "ui/main/mainwindow.h"
#include "ui/rules/findingspanel.h"

#include <QAction>
#include <QEventLoop>
#include <QMenu>
#include <QTimer>
#include <QUndoStack>

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
    m_check = tools->addAction(tr("&Check Platform Rules Now"));
    m_check->setShortcut(QKeySequence(Qt::Key_F8));
    connect(m_check, &QAction::triggered, this, [this] {
        m_panel->show();
        m_panel->raise();
        if (m_context->isScreenshot())
            checkNowSynchronously();
        else
            m_linter->checkNow();
    });
    m_check->setEnabled(context->session() != nullptr);

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

    if (context->session())
        sessionChanged(context->session());
}

void RulesController::sessionChanged(platform::Session *session)
{
    disconnect(m_screenshotChecks); // the old session's stack: it is going
    m_panel->setProblem({});
    m_check->setEnabled(session != nullptr);
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

} // namespace kanri::app

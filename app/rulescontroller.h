#pragma once

#include <QObject>

class QAction;

namespace kanri::platform {
class LiveLinter;
class Session;
} // namespace kanri::platform

namespace kanri::ui {
class FindingsPanel;
} // namespace kanri::ui

namespace kanri::app {

class AppContext;

// The platform rules in the window: the findings dock, kept current as the user edits (the
// session's unsaved buffers are what is checked, off the GUI thread), and Tools ▸ Check
// Platform Rules Now.
class RulesController : public QObject
{
    Q_OBJECT

public:
    explicit RulesController(AppContext *context);

    ui::FindingsPanel *findingsPanel() const { return m_panel; }

private:
    void sessionChanged(platform::Session *session);
    void showFindings();
    void reveal(const QString &file, int line, int column, const QString &service);

    AppContext *m_context;
    platform::LiveLinter *m_linter = nullptr;
    ui::FindingsPanel *m_panel = nullptr;
    QAction *m_check = nullptr;
};

} // namespace kanri::app

#pragma once

#include <QObject>

class QAction;
class QWidget;

namespace kanri::platform {
class LiveLinter;
class Session;
} // namespace kanri::platform

namespace kanri::ui {
class FindingsPanel;
}

namespace kanri::app {

class AppContext;

// The platform rules in the window: the findings dock, kept current as the user edits (the
// session's unsaved buffers are what is checked, off the GUI thread), and the Tools menu's
// wizards (new developer, new microservice, offboard developer), whose results are unsaved,
// undoable edits of the session.
class RulesController : public QObject
{
    Q_OBJECT

public:
    explicit RulesController(AppContext *context);

private:
    void sessionChanged(platform::Session *session);
    void showFindings();
    void reveal(const QString &file, int line, int column, const QString &service);

    enum class Show { Modal, Preview };
    QWidget *newDeveloper(Show show);
    QWidget *newMicroservice(Show show);
    QWidget *offboard(Show show);

    AppContext *m_context;
    platform::LiveLinter *m_linter = nullptr;
    ui::FindingsPanel *m_panel = nullptr;
    QList<QAction *> m_sessionActions;
};

} // namespace kanri::app

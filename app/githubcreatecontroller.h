#pragma once

#include <QObject>
#include <QPointer>

namespace kanri::ui {
class PrCreateDialog;
}

namespace kanri::app {

class AppContext;
class GitHubController;

// Pull Requests ▸ Create Pull Request: proposes the repository whose branch is not the default
// one, drafts the title and description from the change (on a worker) and creates the pull
// request on GitHub (or shows the one that already exists for the branch).
class GitHubCreateController : public QObject
{
    Q_OBJECT

public:
    explicit GitHubCreateController(GitHubController *github);

    void open();
    ui::PrCreateDialog *dialog() const;

private:
    void draftFor(const QString &repositoryName);
    void sendCreate();

    GitHubController *m_github;
    AppContext *m_context;
    QPointer<ui::PrCreateDialog> m_dialog;
    QPointer<QObject> m_createContext;
};

} // namespace kanri::app

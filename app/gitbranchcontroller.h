#pragma once

#include <QString>

#include <QFuture>
#include <QObject>
#include <QPointer>

namespace kanri::ui {
class GitBranchDialog;
}

namespace kanri::app {

class AppContext;
class GitController;

// Repository ▸ Branches: switch to a local or remote branch on a worker (after the unsaved edits
// are saved or discarded) or create one at the current commit.
class GitBranchController : public QObject
{
    Q_OBJECT

public:
    explicit GitBranchController(GitController *git);
    ~GitBranchController() override;

    void open(int repository);
    ui::GitBranchDialog *dialog() const;

private:
    void fillBranchDialog(int repository);
    void checkout(int repository, const QString &branch, bool remote);
    void createBranch(int repository, const QString &name);

    GitController *m_git;
    AppContext *m_context;
    QPointer<ui::GitBranchDialog> m_branchDialog;
    bool m_switching = false;
    QFuture<void> m_switchFuture;
};

} // namespace kanri::app

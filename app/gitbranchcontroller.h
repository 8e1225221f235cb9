#pragma once

#include <QString>

#include <QObject>
#include <QPointer>

namespace kanri::ui {
class GitBranchDialog;
}

namespace kanri::app {

class AppContext;
class GitController;

// Repository ▸ Branches: switch to a local or remote branch (after the unsaved edits are saved
// or discarded) or create one at the current commit.
class GitBranchController : public QObject
{
    Q_OBJECT

public:
    explicit GitBranchController(GitController *git);

    void open(int repository);
    ui::GitBranchDialog *dialog() const;

private:
    void fillBranchDialog(int repository);
    void checkout(int repository, const QString &branch, bool remote);
    void createBranch(int repository, const QString &name);

    GitController *m_git;
    AppContext *m_context;
    QPointer<ui::GitBranchDialog> m_branchDialog;
};

} // namespace kanri::app

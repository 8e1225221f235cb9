#pragma once

#include <QObject>

namespace kanri::app {

class AppContext;
class GitController;

// Repository ▸ Pull: brings the upstream's commits into the current branch (merge or rebase, as
// the settings say) on a worker, after the unsaved edits are saved or discarded; conflicts
// change nothing.
class GitPullController : public QObject
{
    Q_OBJECT

public:
    explicit GitPullController(GitController *git);

    void pull(int repository);

private:
    GitController *m_git;
    AppContext *m_context;
};

} // namespace kanri::app

#pragma once

#include "git/gitrepository.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

namespace kanri::ui {
class GitCommitDialog;
}

namespace kanri::app {

class AppContext;
class GitController;

// Repository ▸ Commit: the dialog lists the repository's changes (from the last status, then
// from a fresh one); the commit asks who the author is on a new computer, saves the unsaved
// edits when asked, and commits exactly the checked files on a worker.
class GitCommitController : public QObject
{
    Q_OBJECT

public:
    explicit GitCommitController(GitController *git);
    ~GitCommitController() override;

    void open(int repository);
    ui::GitCommitDialog *dialog() const;

private:
    void fillCommitDialog(int repository);
    void commitRequested();
    void commitAs(int repository, const git::Signature &author);

    GitController *m_git;
    AppContext *m_context;
    QPointer<ui::GitCommitDialog> m_commitDialog;
    bool m_committing = false;
    QFuture<void> m_commitFuture;
};

} // namespace kanri::app

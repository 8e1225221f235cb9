#pragma once

#include "core/result.h"

#include <QObject>
#include <QPointer>

namespace kanri::ui {
class GitCloneDialog;
}

namespace kanri::app {

class AppContext;
class GitController;

// Repository ▸ Clone: clones a workspace repository (or any URL) on a worker, with progress and
// Cancel; a clone into the workspace opens it again.
class GitCloneController : public QObject
{
    Q_OBJECT

public:
    explicit GitCloneController(GitController *git);

    void open();
    ui::GitCloneDialog *dialog() const;

private:
    void startClone(const QString &url, const QString &destination);
    void cloneFinished(const QString &destination, const Result<void> &result);

    GitController *m_git;
    AppContext *m_context;
    QPointer<ui::GitCloneDialog> m_cloneDialog;
};

} // namespace kanri::app

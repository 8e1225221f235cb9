#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace kanri::ui {
class GitPushDialog;
}

namespace kanri::app {

class AppContext;
class GitController;

// Repository ▸ Push: pushes the current branch of the repository that has commits its remote
// lacks (asking which when several have), one after another, with progress and Cancel; a
// rejected push offers to pull.
class GitPushController : public QObject
{
    Q_OBJECT

public:
    explicit GitPushController(GitController *git);

    void push(int repository);
    ui::GitPushDialog *dialog() const;

private:
    void choosePush();
    void pushOne(int repository);
    // A push failed: says so, with what was pushed before it and what was left out; a rejected
    // push (pullRepository >= 0) offers to pull.
    void failPush(const QString &message, int pullRepository = -1);

    GitController *m_git;
    AppContext *m_context;
    QPointer<ui::GitPushDialog> m_pushDialog;
    QList<int> m_pushQueue; // repositories still to push after the current one
    QStringList m_pushed;   // what the pushes so far in this round did
};

} // namespace kanri::app

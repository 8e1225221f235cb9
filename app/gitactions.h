#pragma once

#include <QObject>

class QAction;

namespace kanri::app {

class GitController;

// The Repository menu's actions and their toolbar buttons; their texts name the repository and
// branch each one would act on, from the last status read.
class GitActions : public QObject
{
    Q_OBJECT

public:
    explicit GitActions(GitController *git);

    void update();

private:
    GitController *m_git;
    QAction *m_cloneAction = nullptr;
    QAction *m_commitAction = nullptr;
    QAction *m_branchesAction = nullptr;
    QAction *m_pushAction = nullptr;
    QAction *m_pullAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_settingsAction = nullptr;
};

} // namespace kanri::app

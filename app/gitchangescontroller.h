#pragma once

#include "git/gitworktree.h"
#include "ui/git/gitfilediffview.h"

#include <QFuture>
#include <QList>
#include <QObject>

#include <functional>

class QDockWidget;
class QTimer;

namespace kanri::ui {
class GitChangesPanel;
}

namespace kanri::app {

class GitController;

// The Changes panel: reads the working trees on a worker (git/gitworktree.h) when the session
// or its edits change, shows the selected file's diff, stages and unstages off the GUI thread.
// A newer refresh or selection drops the result of an older one.
class GitChangesController : public QObject
{
    Q_OBJECT

public:
    explicit GitChangesController(GitController *git);
    ~GitChangesController() override;

    ui::GitChangesPanel *panel() const { return m_panel; }
    QDockWidget *dock() const { return m_dock; }

    // Reads the working trees again on a worker; `then` runs once the panel shows the result.
    void refresh(std::function<void()> then = {});
    // A refresh (or a staging that ends in one) is scheduled or its result has not arrived yet.
    bool isRefreshing() const;
    // Screenshots: refreshes and waits, then shows the first changed file's diff.
    QWidget *showForScreenshot();

private:
    void sessionChanged();
    void scheduleRefresh();
    void apply(quint64 generation, QList<git::WorktreeStatus> all);
    void finishRefreshNow(); // screenshots: wait for the pending refresh and show it
    void requestDiff();
    void finishDiffNow();
    void stage(int repository, const QStringList &paths, git::Staging staging);
    // The model's notes in words.
    static ui::GitFileDiff toView(const git::WorktreeFileDiff &diff);

    GitController *m_git;
    QDockWidget *m_dock = nullptr;
    ui::GitChangesPanel *m_panel = nullptr;
    QTimer *m_refreshTimer = nullptr;

    quint64 m_changesGeneration = 0;
    quint64 m_appliedChangesGeneration = 0;
    QFuture<QList<git::WorktreeStatus>> m_changesFuture;
    QList<std::function<void()>> m_afterRefresh;
    quint64 m_diffGeneration = 0;
    quint64 m_appliedDiffGeneration = 0;
    QFuture<git::WorktreeFileDiff> m_diffFuture;
    int m_staging = 0; // stagings whose refresh has not started yet
    QList<QFuture<Result<void>>> m_stagings;
};

} // namespace kanri::app

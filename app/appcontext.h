#pragma once

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSettings>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace kanri::platform {
class Catalog;
class DiskWatcher;
class EditJournal;
class Session;
class WorkspaceLock;
struct Workspace;
} // namespace kanri::platform

namespace kanri::ui {
class MainWindow;
}

namespace kanri::app {

// What the GUI's controllers share: the main window, the open session (its workspace and
// edits), the settings, and a way to reopen the workspace after the working trees changed
// under it (checkout, pull). Controllers (one per capability: git, GitHub, rules) hang their
// actions and panels on the window and follow sessionChanged().
class AppContext : public QObject
{
    Q_OBJECT

public:
    explicit AppContext(ui::MainWindow *window, QObject *parent = nullptr);
    ~AppContext() override;

    ui::MainWindow *window() const { return m_window; }
    platform::Session *session() const { return m_session.get(); }
    // The open workspace, or nullptr before one is open.
    const platform::Workspace *workspace() const;
    QSettings &settings() { return m_settings; }

    // Opens the workspace in `dir` (materialising the demo into an empty folder) and replaces
    // the session, blocking until it is in place (screenshots, tests, reloads that must be
    // done when they return). Reports failures to the user and returns false; the old session
    // stays. A load in progress (loadAsync) is dropped.
    bool load(const QString &dir);
    // Reopens the current workspace from disk, after asking to save unsaved edits (false
    // when the user cancels: nothing changed).
    bool reload();

    // The same, with the workspace read and the catalog built on a worker while the window
    // stays responsive and shows progress with a Cancel button. The new session replaces the
    // old one on the GUI thread when the catalog is ready (after asking to save edits made to
    // the old one meanwhile), then loadFinished(true). A failure is reported as load() does
    // and the old session stays: loadFinished(false). A second load while one runs replaces
    // it (the first one ends without a signal).
    void loadAsync(const QString &dir);
    // reload(), with the workspace read on a worker.
    void reloadAsync();
    // Drops the load in progress: the session (or the empty window) stays as it was, and
    // loadFinished(false) follows. The worker finishes its catalog in the background.
    void cancelLoad();
    bool isLoading() const { return !m_loadingDir.isEmpty(); }
    // Re-reads branch, ahead/behind and uncommitted files of each repository into the status
    // bar, on a worker, and tells the session that the working
    // trees may have changed (after a commit, a checkout, a pull).
    void refreshRepositoryStatus();

    // Tells the user what failed: a message box over the window, unless another reporter was
    // set (the screenshot driver prints to stderr: nobody is there to close a box).
    void reportError(const QString &title, const QString &message);
    using ErrorReporter = std::function<void(const QString &title, const QString &message)>;
    void setErrorReporter(ErrorReporter report) { m_reportError = std::move(report); }

    // Work a controller runs in the background (a check, a refresh, a request, a timer that
    // will start one): isBusy() is true while a probe says so (a probe goes with its owner).
    // Whoever must wait until the window shows the results (a screenshot, a test) waits for
    // !isBusy().
    void addBusyProbe(QObject *owner, std::function<bool()> busy);
    bool isBusy() const;

    // Working offline: nothing is asked of GitHub (pull requests, queued reviews, sign-in)
    // until it is turned off; what is stored offline stays usable. Pull Requests ▸ Work
    // Offline, or a screenshot.
    bool isWorkingOffline() const { return m_workingOffline; }
    void setWorkingOffline(bool offline);

    // Whether the folder of each workspace installed is kept as the one to open next time
    // (true by default; a screenshot leaves the user's choice alone).
    void setRemembersWorkspace(bool remember) { m_remembersWorkspace = remember; }

    // Whether the open workspace is locked against a second Kanri and its unsaved edits are
    // journalled to the data folder (and a journal left by a crash offered back). True by
    // default; a screenshot neither locks nor journals.
    void setKeepsJournal(bool keep) { m_keepsJournal = keep; }
    // The journal of the open session's unsaved edits, nullptr when none is kept.
    platform::EditJournal *journal() const { return m_journal.get(); }
    // What watches the open workspace's files for changes made by other programs.
    platform::DiskWatcher *diskWatcher() const { return m_diskWatcher.get(); }
    // Writes the journal now and waits (SIGTERM, session logout).
    void flushJournal();
    // Where journals and workspace locks live: "journal" in the data folder.
    static QString journalDirectory();

    // Windows and dialogs a screenshot can show: `kanri --screenshot F --view NAME`. The
    // opener builds (and shows) the widget over the loaded workspace and returns it; what it
    // starts in the background is waited for through the busy probes.
    using ViewOpener = std::function<QWidget *()>;
    void addView(const QString &name, ViewOpener open);
    QStringList viewNames() const;
    QWidget *openView(const QString &name);

Q_SIGNALS:
    // Before a session goes (nullptr) and after a new one is in place.
    void sessionChanged(kanri::platform::Session *session);
    void workingOfflineChanged(bool offline);
    // A loadAsync() ended: true with its session in place, false when it failed, was
    // cancelled or the user kept unsaved edits.
    void loadFinished(bool ok);

private:
    struct LoadedCatalog;
    void catalogLoaded(quint64 generation, const std::shared_ptr<LoadedCatalog> &loaded);
    void install(std::unique_ptr<platform::Session> session, const QString &dir);
    void endLoad(); // clears the progress of a load in progress, if any
    // Takes the workspace's lock, asking the user when another Kanri holds it; false when the
    // user chose not to open it.
    bool claimWorkspace(const QString &dir);
    // Offers the unsaved edits a crashed or killed Kanri left of this workspace.
    void offerRestore(const QString &dir);
    void dropSession();

    ui::MainWindow *m_window;
    ErrorReporter m_reportError;
    struct BusyProbe
    {
        QPointer<QObject> owner;
        std::function<bool()> busy;
    };
    QList<BusyProbe> m_busyProbes;
    bool m_remembersWorkspace = true;
    bool m_workingOffline = false;
    QSettings m_settings;
    bool m_keepsJournal = true;
    std::unique_ptr<platform::WorkspaceLock> m_lock;        // of the open workspace
    std::unique_ptr<platform::WorkspaceLock> m_pendingLock; // of the one being opened
    std::unique_ptr<platform::Session> m_session;
    std::unique_ptr<platform::EditJournal> m_journal; // goes before the session
    std::unique_ptr<platform::DiskWatcher> m_diskWatcher;
    QHash<QString, ViewOpener> m_views;
    QFutureWatcher<QString> m_status;
    quint64 m_statusGeneration = 0;
    quint64 m_loadGeneration = 0; // loads started; a finished worker of an older one is dropped
    QString m_loadingDir;         // the folder loadAsync() is reading, empty when none
    // Catalog::load maps over the global thread pool and blocks until that is done: it must not
    // itself take one of the global pool's threads (two loads would starve it on 2 cores).
    QThreadPool m_loadPool;
    QList<QFuture<void>> m_loadWorkers; // loads not finished yet (cancelled when superseded)
};

} // namespace kanri::app

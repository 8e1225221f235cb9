#pragma once

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QSettings>
#include <QString>

#include <functional>
#include <memory>

namespace kanri::platform {
class Session;
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
    AppContext(ui::MainWindow *window, bool screenshot, QObject *parent = nullptr);
    ~AppContext() override;

    ui::MainWindow *window() const { return m_window; }
    platform::Session *session() const { return m_session.get(); }
    // The open workspace, or nullptr before one is open.
    const platform::Workspace *workspace() const;
    QSettings &settings() { return m_settings; }
    // True under --screenshot: nothing may block on a dialog; report to stderr instead.
    bool isScreenshot() const { return m_screenshot; }

    // Opens the workspace in `dir` (materialising the demo into an empty folder) and replaces
    // the session. Reports failures to the user and returns false; the old session stays.
    bool load(const QString &dir);
    // Reopens the current workspace from disk, after asking to save unsaved edits (false
    // when the user cancels: nothing changed).
    bool reload();
    // Re-reads branch, ahead/behind and uncommitted files of each repository into the status
    // bar, on a worker (at once under --screenshot), and tells the session that the working
    // trees may have changed (after a commit, a checkout, a pull).
    void refreshRepositoryStatus();

    // A message box, or stderr under --screenshot.
    void reportError(const QString &title, const QString &message);

    // Windows and dialogs a screenshot can show: `kanri --screenshot F --view NAME`. The
    // opener builds (and shows) the widget over the loaded workspace and returns it.
    using ViewOpener = std::function<QWidget *()>;
    void addView(const QString &name, ViewOpener open);
    QStringList viewNames() const;
    QWidget *openView(const QString &name);

Q_SIGNALS:
    // Before a session goes (nullptr) and after a new one is in place.
    void sessionChanged(kanri::platform::Session *session);

private:
    ui::MainWindow *m_window;
    bool m_screenshot;
    QSettings m_settings;
    std::unique_ptr<platform::Session> m_session;
    QHash<QString, ViewOpener> m_views;
    QFutureWatcher<QString> m_status;
    quint64 m_statusGeneration = 0;
};

} // namespace kanri::app

#pragma once

#include <QHash>
#include <QMainWindow>
#include <QSet>
#include <QStringList>

class QActionGroup;
class QDockWidget;
class QLabel;
class QPushButton;
class QLineEdit;
class QMenu;
class QToolBar;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace kanri::platform {
class DeploymentsModel;
class LiveDiff;
class Session;
class TfImpactLive;
} // namespace kanri::platform

namespace kanri::items {
struct PaletteEntry;
class CatalogTreeModel;
class ClusterTreeModel;
class DevelopersModel;
class ServicesModel;
} // namespace kanri::items

namespace kanri::ui {

enum class ThemeChoice;
class ClusterReachView;
class CommandPalette;
class DiffPanel;
class TfImpactView;
class SourceEditor;
struct DiffLineActivation;
class EntryForm;

// The main window: the catalog tree with its filter box, the services and developers tables,
// and the live rendered diff of the selected service. It edits through the session it is
// given and asks the application for anything else that needs I/O.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The session must outlive the window or be replaced (nullptr first) before it goes.
    void setSession(platform::Session *session);
    platform::Session *session() const { return m_session; }
    void setRepositoryStatus(const QString &text);

    // Where the application's controllers (app/) hang their actions and panels.
    enum class Menu { File, Edit, View, Go, Repository, PullRequests, Tools, Help };
    QMenu *menu(Menu which) const;
    QToolBar *mainToolBar() const { return m_toolBar; }
    // Adds a dock (it must have an objectName, for saved layouts) and its toggle to View.
    void addPanel(QDockWidget *dock, Qt::DockWidgetArea area);
    void showStatusMessage(const QString &message, int timeoutMs = 10000);
    // Opening a workspace: a busy bar, `text` and a Cancel button (loadCancelRequested) in the
    // status bar while the catalog loads; an empty text hides them.
    void setLoadProgress(const QString &text);
    QWidget *loadProgress() const { return m_loadProgress; }
    QLabel *loadProgressLabel() const { return m_loadLabel; }
    QPushButton *loadCancelButton() const { return m_loadCancel; }

    // Shows where a file:line:col points: the service or developer it belongs to. Paths are
    // absolute or relative to the workspace's repositories.
    void revealLocation(const QString &file, int line, int column);
    void revealDeveloper(const QString &key);

    // Asks to save unsaved edits (Save / Discard / Cancel); false when the user cancels or
    // saving fails. Call before anything replaces the session or rewrites the working trees.
    bool maybeSave();
    // File ▸ Save: asks about each file another program changed since its edits began (keep
    // mine, take theirs, show both), then writes every unsaved edit. False when something was
    // not saved (cancelled, or a write failed: the user was told).
    bool saveAll();

    // For tests and scripted screenshots.
    QTreeView *catalogTree() const { return m_tree; }
    QLineEdit *filterBox() const { return m_filter; }
    QTableView *developersTable() const { return m_developers; }
    QTableView *servicesTable() const { return m_services; }
    DiffPanel *diffPanel() const { return m_diff; }
    SourceEditor *sourceEditor() const { return m_source; }
    EntryForm *entryForm() const { return m_entryForm; }
    platform::LiveDiff *liveDiff() const { return m_liveDiff; }
    TfImpactView *tfImpactView() const { return m_tfImpactView; }
    platform::TfImpactLive *tfImpact() const { return m_tfImpact; }
    items::ServicesModel *servicesModel() const { return m_servicesModel; }
    // Where the session's overlays are deployed (Argo CD), null without a session.
    platform::DeploymentsModel *deployments() const { return m_deployments; }
    ClusterReachView *clusterReach() const { return m_reach; }
    // View ▸ Group Catalog by Cluster (catalogByClusterChosen() is the user's choice).
    void setCatalogByCluster(bool on);
    bool catalogByCluster() const;
    void selectService(const QString &name);
    // Ctrl+K (everything) and Ctrl+P (files only).
    void openPalette(bool filesOnly);
    CommandPalette *commandPalette() const { return m_palette; }

    // The docks' layout: restoreLayout() takes a saveState() of an earlier run (applied at
    // the first show, once the default layout is known); View ▸ Reset Layout goes back to the
    // default, the layout as built at the first show.
    void restoreLayout(const QByteArray &state);
    void resetLayout();
    QByteArray defaultLayout() const { return m_defaultLayout; }

    // View ▸ Theme: applies `choice` and checks its menu entry (themeChosen() is the user's
    // choice, for the settings).
    void setTheme(ThemeChoice choice);

Q_SIGNALS:
    void ruleRequested(const QString &rule); // the command palette picked a rule
    void openWorkspaceRequested(const QString &dir);
    void reloadRequested();
    void loadCancelRequested();
    void themeChosen(kanri::ui::ThemeChoice choice);
    void catalogByClusterChosen(bool on);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void filterChanged(const QString &text);
    void treeSelectionChanged();
    void serviceRowChanged();
    void updateDiff();
    void updateTitle();
    void showEditError(const QString &message);
    void paletteActivated(const items::PaletteEntry &entry);
    void showShortcuts();
    // The source editor pane: opens a file (absolute or relative to a repository) at a line.
    bool openSource(const QString &file, int line, int column);
    void openDiffLine(const DiffLineActivation &activation);
    void updateAllEnvironmentsText();
    void updateReach();
    // The catalog tree's names from the top down to `index`, and back (in the filtered tree).
    static QStringList treePath(const QModelIndex &index);
    QModelIndex treeIndexAt(const QStringList &path) const;
    void treeRebuilt();

    platform::Session *m_session = nullptr;
    platform::LiveDiff *m_liveDiff = nullptr;
    platform::TfImpactLive *m_tfImpact = nullptr; // the accounts edits' Terraform impact
    items::CatalogTreeModel *m_treeModel = nullptr;
    QSortFilterProxyModel *m_treeFilter = nullptr;
    items::DevelopersModel *m_developersModel = nullptr;
    items::ServicesModel *m_servicesModel = nullptr;
    platform::DeploymentsModel *m_deployments = nullptr;
    items::ClusterTreeModel *m_clusterTree = nullptr;
    QAction *m_byCluster = nullptr;
    ClusterReachView *m_reach = nullptr;

    QLineEdit *m_filter = nullptr;
    QTreeView *m_tree = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_services = nullptr;
    QTableView *m_developers = nullptr;
    DiffPanel *m_diff = nullptr;
    TfImpactView *m_tfImpactView = nullptr;
    SourceEditor *m_source = nullptr;
    QDockWidget *m_sourceDock = nullptr;
    QDockWidget *m_entryDock = nullptr;
    EntryForm *m_entryForm = nullptr;
    QLabel *m_workspaceLabel = nullptr;
    QLabel *m_repositoryLabel = nullptr;
    QLabel *m_countsLabel = nullptr;
    QWidget *m_loadProgress = nullptr;
    QLabel *m_loadLabel = nullptr;
    QPushButton *m_loadCancel = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_save = nullptr;
    QAction *m_revert = nullptr;
    QAction *m_allEnvironments = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_resetLayout = nullptr;
    QActionGroup *m_themeActions = nullptr;
    QByteArray m_defaultLayout;
    QByteArray m_savedLayout; // a saved layout waiting for the first show
    QHash<int, QMenu *> m_menus;
    QSet<QStringList> m_expandedTreePaths; // what the user expanded in the catalog tree
    QStringList m_currentTreePath;         // the tree's current item before a rebuild
    bool m_newSessionTree = false; // the tree's next nodes are a new session's: size its column
    bool m_restoringTree = false;  // the current item is put back after a rebuild
    CommandPalette *m_palette = nullptr;
    QList<QAction *> m_paletteActions; // what the palette's Action entries number
};

} // namespace kanri::ui

#pragma once

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace kanri::platform {
class LiveDiff;
class Session;
} // namespace kanri::platform

namespace kanri::items {
class CatalogTreeModel;
class DevelopersModel;
class ServicesModel;
} // namespace kanri::items

namespace kanri::ui {

class DiffPanel;

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
    void setRepositoryStatus(const QString &text);

    // For tests and scripted screenshots.
    QTreeView *catalogTree() const { return m_tree; }
    QLineEdit *filterBox() const { return m_filter; }
    QTableView *developersTable() const { return m_developers; }
    QTableView *servicesTable() const { return m_services; }
    DiffPanel *diffPanel() const { return m_diff; }
    platform::LiveDiff *liveDiff() const { return m_liveDiff; }
    items::ServicesModel *servicesModel() const { return m_servicesModel; }
    void selectService(const QString &name);

Q_SIGNALS:
    void openWorkspaceRequested(const QString &dir);
    void reloadRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void filterChanged(const QString &text);
    void treeSelectionChanged();
    void serviceRowChanged();
    void updateDiff();
    void updateTitle();
    void showEditError(const QString &message);
    void quickOpen();
    bool confirmSave();

    platform::Session *m_session = nullptr;
    platform::LiveDiff *m_liveDiff = nullptr;
    items::CatalogTreeModel *m_treeModel = nullptr;
    QSortFilterProxyModel *m_treeFilter = nullptr;
    items::DevelopersModel *m_developersModel = nullptr;
    items::ServicesModel *m_servicesModel = nullptr;

    QLineEdit *m_filter = nullptr;
    QTreeView *m_tree = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_services = nullptr;
    QTableView *m_developers = nullptr;
    DiffPanel *m_diff = nullptr;
    QLabel *m_workspaceLabel = nullptr;
    QLabel *m_repositoryLabel = nullptr;
    QLabel *m_countsLabel = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_save = nullptr;
    QAction *m_revert = nullptr;
    QAction *m_allEnvironments = nullptr;
};

} // namespace kanri::ui

#include "ui/main/mainwindow.h"

#include "items/catalogtreemodel.h"
#include "items/clustertreemodel.h"
#include "items/developersmodel.h"
#include "items/palettemodel.h"
#include "items/servicesmodel.h"
#include "platform/deploymentsmodel.h"
#include "platform/livediff.h"
#include "platform/session.h"
#include "platform/sourcelocator.h"
#include "platform/tfimpactlive.h"
#include "ui/diff/clusterreachview.h"
#include "ui/diff/diffpanel.h"
#include "ui/diff/tfimpactview.h"
#include "ui/editor/sourceeditor.h"
#include "ui/main/commandpalette.h"
#include "ui/main/entryform.h"
#include "ui/main/restoreeditsdialog.h"
#include "ui/main/servicedetailspanel.h"
#include "ui/main/shortcutsdialog.h"
#include "ui/main/tableview.h"
#include "ui/theme/theme.h"

#include <QAbstractScrollArea>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QCompleter>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QScrollBar>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

#include <memory>
#include <utility>

namespace kanri::ui {

namespace {

// While a cell is edited, its value goes to the session ~150 ms after each change, so the
// rendered diff follows the typing. The previews are pushed inside one undo macro, open while
// the editor is: Enter writes the value and closes it (one undo step, whatever was previewed);
// Esc closes it, undoes it and drops it, so the cell is as it was and no step is left.
class CellPreview : public QObject
{
public:
    CellPreview(QUndoStack *stack, QObject *parent)
        : QObject(parent)
        , m_stack(stack)
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(150);
        connect(&m_timer, &QTimer::timeout, this, &CellPreview::apply);
    }
    ~CellPreview() override { finish(); }

    void start(QWidget *editor, const QModelIndex &index, std::function<QString()> value)
    {
        finish(); // another editor left without a word
        m_editor = editor;
        m_index = index;
        m_model = const_cast<QAbstractItemModel *>(index.model());
        m_value = std::move(value);
        // The view drops its editor without a word when the rows are rebuilt: the preview
        // goes with it, never leaving the macro open.
        connect(editor, &QObject::destroyed, this, [this, editor] {
            if (m_editorId == editor)
                finish();
        });
        m_editorId = editor;
        m_filled = false;
    }
    bool isFor(const QWidget *editor) const { return editor && m_editorId == editor; }
    // The view fills the editor once when it opens, then again whenever the cell's data
    // changes, which the preview itself causes: the value rendered from an earlier keystroke
    // would overwrite what was typed since. While it is open, the editor is the truth.
    bool mayFill(const QWidget *editor)
    {
        if (!isFor(editor))
            return true;
        return !std::exchange(m_filled, true);
    }
    void changed()
    {
        if (m_editor)
            m_timer.start();
    }
    // Enter: the committed value is written next (inside the macro), then commitDone().
    void commitStarts() { m_timer.stop(); }
    void commitDone()
    {
        if (m_macro && m_stack)
            m_stack->endMacro();
        m_macro = false;
        m_editor = nullptr;
        m_editorId = nullptr;
    }
    // Esc, or the editor went without a commit: the cell as it was.
    void finish()
    {
        m_timer.stop();
        if (m_macro && m_stack) {
            m_stack->endMacro();
            m_stack->undo();
            // The undone macro goes rather than waiting to be redone: an obsolete command
            // pushed in its place drops it.
            auto *drop = new QUndoCommand;
            drop->setObsolete(true);
            m_stack->push(drop);
        }
        m_macro = false;
        m_editor = nullptr;
        m_editorId = nullptr;
    }

private:
    void apply()
    {
        if (!m_editor || !m_model || !m_index.isValid() || !m_stack)
            return;
        const QString value = m_value();
        if (value.isEmpty() || value == m_index.data(Qt::EditRole).toString())
            return;
        if (auto *line = qobject_cast<QLineEdit *>(m_editor.data());
            line && !line->hasAcceptableInput())
            return;
        if (!m_macro) {
            const QString column = m_model->headerData(m_index.column(), Qt::Horizontal).toString();
            const QString row =
                m_model->index(m_index.row(), 0, m_index.parent()).data().toString();
            m_stack->beginMacro(
                QCoreApplication::translate("MainWindow", "Edit %1 of %2").arg(column, row));
            m_macro = true;
        }
        m_model->setData(m_index, value);
    }

    QPointer<QUndoStack> m_stack;
    QTimer m_timer;
    QPointer<QWidget> m_editor;
    const QObject *m_editorId = nullptr; // compared only, also while it is destroyed
    QPersistentModelIndex m_index;
    QPointer<QAbstractItemModel> m_model;
    std::function<QString()> m_value;
    bool m_macro = false;  // the previews' macro is open
    bool m_filled = false; // the view has filled the editor from the model
};

// Asks before an edit of something another team owns, and names who must review it; paints
// other teams' items, default values and missing required values in the theme's colours.
class OwnershipDelegate : public QStyledItemDelegate
{
public:
    struct Roles
    {
        int owned = -1;
        int setting = -1; // a cell's platform::ServiceSetting
        int missing = -1; // a required value that is empty
        int isDefault = -1;
    };
    // `preview` (optional): the cell's edits show in the session while typing.
    OwnershipDelegate(Roles roles, QObject *parent, QUndoStack *preview = nullptr)
        : QStyledItemDelegate(parent)
        , m_ownedRole(roles.owned)
        , m_settingRole(roles.setting)
        , m_missingRole(roles.missing)
        , m_defaultRole(roles.isDefault)
        , m_preview(preview ? new CellPreview(preview, this) : nullptr)
    {
        if (m_preview)
            connect(this, &QAbstractItemDelegate::closeEditor, this, [this](QWidget *editor) {
                if (m_preview->isFor(editor))
                    m_preview->finish();
            });
    }

    // Editors that fit the service settings: replica counts and HPA bounds as spin boxes
    // that cannot go negative (an HPA's minimum starts at 1), image tags checked as typed
    // against Docker's tag grammar.
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        const QVariant setting = m_settingRole >= 0 ? index.data(m_settingRole) : QVariant();
        if (!setting.isValid())
            return QStyledItemDelegate::createEditor(parent, option, index);
        switch (platform::ServiceSetting(setting.toInt())) {
        case platform::ServiceSetting::Replicas:
        case platform::ServiceSetting::HpaMin:
        case platform::ServiceSetting::HpaMax: {
            auto *spin = new QSpinBox(parent);
            spin->setFrame(false);
            spin->setRange(
                platform::ServiceSetting(setting.toInt()) == platform::ServiceSetting::Replicas ? 0
                                                                                                : 1,
                10000);
            if (m_preview && index.data(m_ownedRole).toBool()) {
                m_preview->start(spin, index, [spin] { return QString::number(spin->value()); });
                connect(spin, &QSpinBox::valueChanged, m_preview, &CellPreview::changed);
            }
            return spin;
        }
        case platform::ServiceSetting::ImageTag: {
            auto *line = new QLineEdit(parent);
            line->setFrame(false);
            static const QRegularExpression tag(
                QStringLiteral("[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,127}"));
            line->setValidator(new QRegularExpressionValidator(tag, line));
            if (m_preview && index.data(m_ownedRole).toBool()) {
                m_preview->start(line, index, [line] { return line->text().trimmed(); });
                connect(line, &QLineEdit::textEdited, m_preview, &CellPreview::changed);
            }
            return line;
        }
        }
        return QStyledItemDelegate::createEditor(parent, option, index);
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (m_preview && !m_preview->mayFill(editor))
            return;
        if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
            spin->setValue(index.data(Qt::EditRole).toInt());
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override
    {
        const bool previewed = m_preview && m_preview->isFor(editor);
        if (previewed)
            m_preview->commitStarts();
        if (confirm(editor, index))
            QStyledItemDelegate::setModelData(editor, model, index);
        if (previewed)
            m_preview->commitDone();
    }

    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override
    {
        const bool release =
            event->type() == QEvent::MouseButtonRelease || event->type() == QEvent::KeyPress;
        if (release && (index.flags() & Qt::ItemIsUserCheckable) &&
            !index.data(m_ownedRole).toBool()) {
            if (!confirm(nullptr, index))
                return true; // swallowed: the check state stays
        }
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    }

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const ThemeColours &colours = themeColours(isDarkPalette(option->palette));
        if (!index.data(m_ownedRole).toBool() ||
            (m_defaultRole >= 0 && index.data(m_defaultRole).toBool()))
            option->palette.setColor(QPalette::Text, colours.mutedText);
        if (m_missingRole >= 0 && index.data(m_missingRole).toBool())
            option->backgroundBrush = colours.missingBackground;
    }

private:
    bool confirm(QWidget *editor, const QModelIndex &index) const
    {
        if (index.data(m_ownedRole).toBool())
            return true;
        const QString owners = index.data(Qt::ToolTipRole).toString();
        return QMessageBox::question(
                   editor ? editor->window() : QApplication::activeWindow(),
                   QCoreApplication::translate("MainWindow", "Another team's item"),
                   QCoreApplication::translate("MainWindow",
                                               "This item belongs to a team you are not in. Your "
                                               "change will need their review.\n\n%1\n\nEdit it "
                                               "anyway?")
                       .arg(owners)) == QMessageBox::Yes;
    }

    int m_ownedRole;
    int m_settingRole;
    int m_missingRole;
    int m_defaultRole;
    CellPreview *m_preview;
};

// The catalog tree: broken services and environments in the theme's error colour.
class CatalogDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(items::CatalogTreeModel::BrokenRole).toBool())
            option->palette.setColor(QPalette::Text,
                                     themeColours(isDarkPalette(option->palette)).error);
    }
};

// The smallest a dock may become: ten lines of its main view (its largest scroll area, or
// for a form, ten of its rows) with whatever the content shows around it, and 34 letters
// wide; from the font, set explicitly on the content, so that labels, forms and
// combo boxes whose size hints grow with what they show never move the docks.
QSize dockMinimum(QWidget *content)
{
    const QFontMetrics fm(content->font());
    QAbstractScrollArea *main = qobject_cast<QAbstractScrollArea *>(content);
    for (QAbstractScrollArea *area : content->findChildren<QAbstractScrollArea *>()) {
        if (main == content)
            break; // a scroll area around a form: its rows
        bool inPopup = false;
        for (QWidget *w = area->parentWidget(); w && w != content; w = w->parentWidget())
            inPopup = inPopup || w->isWindow() || qobject_cast<QAbstractScrollArea *>(w);
        if (inPopup)
            continue;
        if (!main || area->sizeHint().height() > main->sizeHint().height())
            main = area;
    }
    int lines = 10 * fm.lineSpacing();
    int chrome = 0;
    if (main) {
        const QFontMetrics viewFm(main->font());
        const int row = qobject_cast<QScrollArea *>(main) ? viewFm.height() + 14
                        : qobject_cast<QAbstractItemView *>(main)
                            ? std::max(viewFm.height() + 8, viewFm.lineSpacing() + 6)
                            : viewFm.lineSpacing();
        lines = 10 * row + 2 * main->frameWidth() + 8 +
                main->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, main);
        if (auto *tree = qobject_cast<QTreeView *>(main); tree && !tree->isHeaderHidden())
            lines += tree->header()->sizeHint().height();
        if (auto *table = qobject_cast<QTableView *>(main))
            lines += table->horizontalHeader()->sizeHint().height();
        chrome =
            std::max(0, content->minimumSizeHint().height() - main->minimumSizeHint().height());
    }
    // In Latin letters: a CJK font's average character is a full-width one.
    return {34 * fm.horizontalAdvance(QLatin1Char('x')), chrome + lines};
}

// Rows whose contents size a table's columns when a session opens (about one screenful).
constexpr int kSizingRows = 40;

TableView *makeTable(QAbstractItemModel *model, const QString &name)
{
    auto *view = new TableView;
    auto *sort = new QSortFilterProxyModel(view);
    sort->setSourceModel(model);
    view->setModel(sort);
    // Unsorted, and never sorted on the way: enabling sorting sorts by the header's indicator,
    // column 0 by default (50,000 developers: a second on the GUI thread).
    view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    view->setSortingEnabled(true);
    view->setAlternatingRowColors(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->verticalHeader()->setVisible(false);
    // One line of text a row: a long cell (the services' Clusters) is elided, its whole text in
    // its tooltip, rather than wrapped into two lines; rows as high as that line and its margins.
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->verticalHeader()->setDefaultSectionSize(view->verticalHeader()->minimumSectionSize());
    view->setAccessibleName(name);
    return view;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_treeModel(new items::CatalogTreeModel(this))
    , m_treeFilter(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Kanri"));
    m_clusterTree = new items::ClusterTreeModel(this);
    m_clusterTree->setActive(false); // built while View ▸ Group Catalog by Cluster shows it
    createActions();

    auto *treePane = new QWidget;
    auto *treeLayout = new QVBoxLayout(treePane);
    treeLayout->setContentsMargins(4, 4, 4, 4);
    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter services, teams, namespaces…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Catalog filter"));
    m_treeFilter->setSourceModel(m_treeModel);
    m_treeFilter->setFilterRole(items::CatalogTreeModel::SearchTextRole);
    m_treeFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_treeFilter->setRecursiveFilteringEnabled(true);
    m_tree = new QTreeView;
    m_tree->setModel(m_treeFilter);
    m_tree->setAccessibleName(tr("Catalog"));
    m_tree->setUniformRowHeights(true);
    m_tree->setItemDelegate(new CatalogDelegate(m_tree));
    m_tree->header()->setStretchLastSection(true);
    // The tree's nodes are built on a worker (80,000 of them on 20,000 services: 0.2 s); the
    // tree fills in when they are in. Rebuilt (a service added or removed, the grouping
    // changed, another session): the teams stay open, and so do what the user expanded and
    // the current item, found again by their names.
    m_treeModel->setBuild(items::CatalogTreeModel::Build::InBackground);
    connect(m_treeModel, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (m_treeFilter->sourceModel() == m_treeModel && m_tree->currentIndex().isValid())
            m_currentTreePath = treePath(m_tree->currentIndex());
    });
    connect(m_treeModel, &QAbstractItemModel::modelReset, this, &MainWindow::treeRebuilt);
    connect(m_tree, &QTreeView::expanded, this,
            [this](const QModelIndex &index) { m_expandedTreePaths.insert(treePath(index)); });
    connect(m_tree, &QTreeView::collapsed, this,
            [this](const QModelIndex &index) { m_expandedTreePaths.remove(treePath(index)); });
    connect(m_clusterTree, &QAbstractItemModel::modelReset, m_tree, [this] {
        if (catalogByCluster())
            m_tree->expandToDepth(0);
    });
    treeLayout->addWidget(m_filter);
    treeLayout->addWidget(m_tree);
    auto *treeDock = new QDockWidget(tr("Catalog"));
    treeDock->setObjectName(QStringLiteral("CatalogDock"));
    treeDock->setWidget(treePane);
    addPanel(treeDock, Qt::LeftDockWidgetArea);
    connect(m_filter, &QLineEdit::textChanged, this, &MainWindow::filterChanged);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::treeSelectionChanged);

    // The side docks take the full height; the bottom ones sit under the tables.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);

    m_diff = new DiffPanel;
    m_reach = new ClusterReachView;
    // The accounts edits' Terraform impact and the clusters the change reaches, each one line
    // above the rendered diff.
    m_tfImpactView = new TfImpactView;
    auto *diffPane = new QWidget;
    auto *diffLayout = new QVBoxLayout(diffPane);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->setSpacing(0);
    diffLayout->addWidget(m_tfImpactView);
    diffLayout->addWidget(m_reach);
    diffLayout->addWidget(m_diff, 1);
    auto *diffDock = new QDockWidget(tr("Rendered diff"));
    diffDock->setObjectName(QStringLiteral("DiffDock"));
    diffDock->setWidget(diffPane);
    addPanel(diffDock, Qt::BottomDockWidgetArea);
    m_source = new SourceEditor;
    m_sourceDock = new QDockWidget(tr("Source"));
    m_sourceDock->setObjectName(QStringLiteral("SourceDock"));
    m_sourceDock->setWidget(m_source);
    addPanel(m_sourceDock, Qt::RightDockWidgetArea);
    connect(m_diff, &DiffPanel::lineActivated, this, &MainWindow::openDiffLine);

    m_entryForm =
        new EntryForm(items::DevelopersModel::TypeRole, items::DevelopersModel::RequiredRole);
    auto *entryDock = new QDockWidget(tr("Entry"));
    entryDock->setObjectName(QStringLiteral("EntryDock"));
    // A form as long as the schema: it scrolls rather than growing the dock.
    auto *entryScroll = new QScrollArea;
    entryScroll->setWidgetResizable(true);
    entryScroll->setFrameShape(QFrame::NoFrame);
    entryScroll->setWidget(m_entryForm);
    entryDock->setWidget(entryScroll);
    addPanel(entryDock, Qt::RightDockWidgetArea);
    m_entryDock = entryDock;
    m_sourceDock->raise();

    m_workspaceLabel = new QLabel;
    m_repositoryLabel = new QLabel;
    m_countsLabel = new QLabel;
    statusBar()->addWidget(m_workspaceLabel);
    statusBar()->addWidget(m_repositoryLabel);
    m_loadProgress = new QWidget;
    auto *loadLayout = new QHBoxLayout(m_loadProgress);
    loadLayout->setContentsMargins(0, 0, 0, 0);
    m_loadLabel = new QLabel;
    auto *busy = new QProgressBar;
    busy->setRange(0, 0);
    busy->setMaximumWidth(160);
    busy->setAccessibleName(tr("Opening the workspace"));
    m_loadCancel = new QPushButton(tr("Cancel"));
    connect(m_loadCancel, &QPushButton::clicked, this, &MainWindow::loadCancelRequested);
    loadLayout->addWidget(m_loadLabel);
    loadLayout->addWidget(busy);
    loadLayout->addWidget(m_loadCancel);
    statusBar()->addPermanentWidget(m_loadProgress);
    m_loadProgress->hide();
    statusBar()->addPermanentWidget(m_countsLabel);
    m_palette = new CommandPalette(this);
    connect(m_palette, &CommandPalette::activated, this, &MainWindow::paletteActivated);
    resize(1400, 900);
}

void MainWindow::setLoadProgress(const QString &text)
{
    m_loadLabel->setText(text);
    m_loadProgress->setVisible(!text.isEmpty());
}

MainWindow::~MainWindow()
{
    setSession(nullptr);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_menus.insert(int(Menu::File), file);
    file->addAction(tr("&Open Workspace…"), QKeySequence::Open, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Workspace"));
        if (!dir.isEmpty())
            Q_EMIT openWorkspaceRequested(dir);
    });
    m_save = file->addAction(tr("&Save"), QKeySequence::Save, this, [this] { saveAll(); });
    m_revert = file->addAction(tr("Re&vert All Changes"), this, [this] {
        if (m_session &&
            QMessageBox::question(this, tr("Revert"), tr("Drop every unsaved change?")) ==
                QMessageBox::Yes)
            m_session->revert();
    });
    file->addAction(tr("Open &File…"), QKeySequence(tr("Ctrl+P")), this,
                    [this] { openPalette(true); });
    file->addAction(tr("&Reload"), QKeySequence::Refresh, this, &MainWindow::reloadRequested);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_menus.insert(int(Menu::Edit), edit);
    m_undo = edit->addAction(tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    // The tool bar says "Undo"; the menu and the tool tip say what.
    m_undo->setIconText(tr("Undo"));
    m_redo = edit->addAction(tr("&Redo"));
    m_redo->setShortcut(QKeySequence::Redo);
    m_redo->setIconText(tr("Redo"));
    edit->addSeparator();
    m_allEnvironments = edit->addAction(QString());
    m_allEnvironments->setObjectName(QStringLiteral("allEnvironmentsAction"));
    m_allEnvironments->setCheckable(true);
    updateAllEnvironmentsText();
    connect(m_allEnvironments, &QAction::toggled, this, [this](bool all) {
        if (m_servicesModel)
            m_servicesModel->setScope(all ? platform::EnvScope::AllEnvironments
                                          : platform::EnvScope::ThisEnvironment);
        updateAllEnvironmentsText();
    });

    m_menus.insert(int(Menu::View), menuBar()->addMenu(tr("&View")));
    QAction *byNamespace = menu(Menu::View)->addAction(tr("Group Catalog by &Namespace"));
    byNamespace->setCheckable(true);
    connect(byNamespace, &QAction::toggled, m_treeModel, [this](bool on) {
        m_treeModel->setGrouping(on ? items::CatalogTreeModel::Grouping::NamespaceFirst
                                    : items::CatalogTreeModel::Grouping::TeamFirst);
    });
    m_byCluster = menu(Menu::View)->addAction(tr("Group Catalog by &Cluster"));
    m_byCluster->setObjectName(QStringLiteral("groupByClusterAction"));
    m_byCluster->setCheckable(true);
    connect(m_byCluster, &QAction::toggled, this, [this, byNamespace](bool on) {
        byNamespace->setEnabled(!on);
        m_clusterTree->setActive(on);
        m_treeFilter->setSourceModel(on ? static_cast<QAbstractItemModel *>(m_clusterTree)
                                        : m_treeModel);
        m_tree->expandToDepth(0);
    });
    connect(m_byCluster, &QAction::triggered, this, &MainWindow::catalogByClusterChosen);
    QMenu *theme = menu(Menu::View)->addMenu(tr("&Theme"));
    m_themeActions = new QActionGroup(this);
    for (const auto &[choice, text] :
         {std::pair{ThemeChoice::Light, tr("&Light")}, std::pair{ThemeChoice::Dark, tr("&Dark")},
          std::pair{ThemeChoice::System, tr("&System")}}) {
        QAction *a = theme->addAction(text);
        a->setCheckable(true);
        a->setData(int(choice));
        a->setObjectName(QStringLiteral("theme-") + themeName(choice));
        a->setChecked(choice == appliedTheme());
        m_themeActions->addAction(a);
        connect(a, &QAction::triggered, this, [this, choice] {
            setTheme(choice);
            Q_EMIT themeChosen(choice);
        });
    }
    menu(Menu::View)->addSeparator();
    m_resetLayout =
        menu(Menu::View)->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);
    m_resetLayout->setObjectName(QStringLiteral("resetLayoutAction"));

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    m_menus.insert(int(Menu::Go), go);
    go->addAction(tr("Command &Palette…"), QKeySequence(tr("Ctrl+K")), this,
                  [this] { openPalette(false); });
    go->addAction(tr("&Filter Catalog"), QKeySequence::Find, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });

    m_menus.insert(int(Menu::Repository), menuBar()->addMenu(tr("&Repository")));
    m_menus.insert(int(Menu::PullRequests), menuBar()->addMenu(tr("&Pull Requests")));
    m_menus.insert(int(Menu::Tools), menuBar()->addMenu(tr("&Tools")));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    m_menus.insert(int(Menu::Help), help);
    QAction *shortcuts =
        help->addAction(tr("&Keyboard Shortcuts…"), QKeySequence(Qt::CTRL | Qt::Key_Slash), this,
                        &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("keyboardShortcutsAction"));
    // The application adds Open Log Folder and About Kanri (app/helpcontroller.cpp).

    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("MainToolBar"));
    m_toolBar->addAction(m_save);
    m_toolBar->addAction(m_undo);
    m_toolBar->addAction(m_redo);
    m_toolBar->addAction(m_allEnvironments);
    // Buttons whose text changes keep one width: the widest of their texts.
    auto *allButton = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(m_allEnvironments));
    if (allButton) {
        int width = 0;
        for (const QString &text : {tr("All Environments: On"), tr("All Environments: Off")}) {
            allButton->setText(text);
            width = std::max(width, allButton->sizeHint().width());
        }
        allButton->setText(m_allEnvironments->iconText());
        allButton->setFixedWidth(width);
    }
}

QMenu *MainWindow::menu(Menu which) const
{
    return m_menus.value(int(which));
}

void MainWindow::addPanel(QDockWidget *dock, Qt::DockWidgetArea area)
{
    Q_ASSERT(!dock->objectName().isEmpty());
    addDockWidget(area, dock);
    // The side docks share one place as tabs: stacked, each got a few lines at most.
    if (area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea) {
        for (QDockWidget *other : findChildren<QDockWidget *>()) {
            if (other != dock && dockWidgetArea(other) == area && !other->isFloating()) {
                tabifyDockWidget(other, dock);
                break;
            }
        }
    }
    if (QWidget *content = dock->widget())
        content->setMinimumSize(dockMinimum(content));
    menu(Menu::View)->insertAction(m_resetLayout, dock->toggleViewAction());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_defaultLayout.isEmpty())
        return;
    // The layout as built, sized for this window: what View ▸ Reset Layout goes back to.
    // Restoring a state (this one, or the user's) also pins the docks' sizes: until then
    // QMainWindow sizes the dock areas from their size hints at every relayout, so a dock
    // followed the width of a file opened in it or of a form filled in.
    // The side docks a third of the window wide at most, a quarter at least (their minimums
    // permitting): a source file or a form needs room.
    QList<QDockWidget *> sides;
    QList<int> widths;
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        if (dockWidgetArea(dock) == Qt::RightDockWidgetArea && dock->isVisible() &&
            !dock->isFloating() && !dock->visibleRegion().isEmpty()) {
            sides << dock;
            widths << std::clamp(dock->width(), width() / 4, width() / 3);
            break; // one per tab group
        }
    }
    if (!sides.isEmpty())
        resizeDocks(sides, widths, Qt::Horizontal);
    m_defaultLayout = saveState();
    restoreState(m_savedLayout.isEmpty() ? m_defaultLayout : m_savedLayout);
    m_savedLayout.clear();
}

void MainWindow::restoreLayout(const QByteArray &state)
{
    if (m_defaultLayout.isEmpty())
        m_savedLayout = state; // after the default is known, at the first show
    else
        restoreState(state);
}

void MainWindow::resetLayout()
{
    if (m_defaultLayout.isEmpty())
        return;
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        dock->setFloating(false);
    restoreState(m_defaultLayout);
}

void MainWindow::setTheme(ThemeChoice choice)
{
    applyTheme(choice);
    for (QAction *a : m_themeActions->actions())
        a->setChecked(ThemeChoice(a->data().toInt()) == choice);
}

void MainWindow::updateAllEnvironmentsText()
{
    const bool on = m_allEnvironments->isChecked();
    m_allEnvironments->setText(on ? tr("Apply Edits to &All Environments: On")
                                  : tr("Apply Edits to &All Environments: Off"));
    m_allEnvironments->setIconText(on ? tr("All Environments: On") : tr("All Environments: Off"));
    m_allEnvironments->setToolTip(
        on ? tr("On: an edit is written into the base and every overlay that overrides it. "
                "Click to edit one environment at a time.")
           : tr("Off: an edit changes only the environment of its cell. Click to write edits "
                "into every environment."));
}

void MainWindow::showStatusMessage(const QString &message, int timeoutMs)
{
    statusBar()->showMessage(message, timeoutMs);
}

void MainWindow::setSession(platform::Session *session)
{
    if (m_session) {
        m_session->disconnect(this);
        m_session->buffers()->undoStack()->disconnect(this);
        m_undo->disconnect();
        m_redo->disconnect();
    }
    while (m_tabs->count() > 0) {
        QWidget *w = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete w;
    }
    delete m_liveDiff;
    m_liveDiff = nullptr;
    delete m_tfImpact;
    m_tfImpact = nullptr;
    m_tfImpactView->clear();
    m_clusterTree->setSources(nullptr, nullptr);
    delete m_deployments;
    m_deployments = nullptr;
    m_reach->setReach({}, {});
    m_entryForm->setModel(nullptr);
    delete m_developersModel;
    m_developersModel = nullptr;
    delete m_servicesModel;
    m_servicesModel = nullptr;
    m_services = m_developers = nullptr;
    m_source->setSession(session);
    m_session = session;
    m_treeModel->setSession(session);
    m_diff->setResults({}, {});
    if (!session) {
        updateTitle();
        return;
    }

    m_servicesModel = new items::ServicesModel(session, this);
    // The values a painted row shows are rendered on a worker, not while painting.
    m_servicesModel->setRendering(items::ServicesModel::Rendering::InBackground);
    m_deployments = new platform::DeploymentsModel(session, this);
    m_servicesModel->setDeployments(m_deployments);
    m_clusterTree->setSources(session, m_deployments);
    connect(m_deployments, &platform::DeploymentsModel::changed, this, &MainWindow::updateReach);
    m_developersModel = new items::DevelopersModel(session, this);
    TableView *services = makeTable(m_servicesModel, tr("Services"));
    m_services = services;
    m_services->setItemDelegate(new OwnershipDelegate(
        {.owned = items::ServicesModel::OwnedRole, .setting = items::ServicesModel::SettingRole},
        m_services, session->buffers()->undoStack()));
    m_developers = makeTable(m_developersModel, tr("Developers"));
    m_developers->setItemDelegate(
        new OwnershipDelegate({.owned = items::DevelopersModel::OwnedRole,
                               .missing = items::DevelopersModel::MissingRole,
                               .isDefault = items::DevelopersModel::DefaultRole},
                              m_developers));
    m_tabs->addTab(m_services, tr("&Services"));
    m_tabs->addTab(m_developers, tr("&Developers"));
    auto *details = new ServiceDetailsPanel;
    details->setSession(session);
    m_tabs->addTab(details, tr("&Containers"));
    connect(details, &ServiceDetailsPanel::editFailed, this, &MainWindow::showEditError);
    // Column widths from the first screenful of rows, not the first thousand. The services'
    // values are not there yet (asking for them here starts their render on a worker): their
    // columns, and only theirs, are sized again once they are in.
    for (QTableView *table : {m_services, m_developers}) {
        table->horizontalHeader()->setResizeContentsPrecision(kSizingRows); // rows per column
        table->resizeColumnsToContents();
    }
    auto sizing = std::make_shared<QMetaObject::Connection>();
    *sizing = connect(m_servicesModel, &QAbstractItemModel::dataChanged, this, [this, sizing] {
        if (m_session->valuesPending())
            return;
        disconnect(*sizing); // once
        for (int c = items::ServicesModel::FixedColumns; c < m_servicesModel->columnCount(); ++c)
            m_services->resizeColumnToContents(c);
    });
    services->setFirstColumnFrozen(true);
    connect(m_services->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::serviceRowChanged);
    connect(m_servicesModel, &items::ServicesModel::editFailed, this, &MainWindow::showEditError);
    m_entryForm->setModel(m_developersModel);
    connect(m_developers->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                auto *proxy = static_cast<QSortFilterProxyModel *>(m_developers->model());
                m_entryForm->setRow(proxy->mapToSource(current));
                if (current.isValid() && m_entryDock->isVisible())
                    m_entryDock->raise();
            });
    connect(m_developersModel, &items::DevelopersModel::editFailed, this,
            &MainWindow::showEditError);

    QUndoStack *stack = session->buffers()->undoStack();
    connect(m_undo, &QAction::triggered, stack, &QUndoStack::undo);
    connect(m_redo, &QAction::triggered, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canUndoChanged, m_undo, &QAction::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, m_redo, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, this, [this](const QString &t) {
        m_undo->setText(tr("&Undo %1").arg(t));
        m_undo->setToolTip(t.isEmpty() ? tr("Undo") : tr("Undo %1").arg(t));
    });
    connect(stack, &QUndoStack::redoTextChanged, this, [this](const QString &t) {
        m_redo->setText(tr("&Redo %1").arg(t));
        m_redo->setToolTip(t.isEmpty() ? tr("Redo") : tr("Redo %1").arg(t));
    });
    connect(stack, &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(stack, &QUndoStack::indexChanged, this, &MainWindow::updateTitle);
    m_undo->setEnabled(stack->canUndo());
    m_redo->setEnabled(stack->canRedo());
    connect(session, &platform::Session::editFailed, this, &MainWindow::showEditError);

    m_liveDiff = new platform::LiveDiff(session, this);
    connect(m_liveDiff, &platform::LiveDiff::updated, this, &MainWindow::updateDiff);
    connect(m_liveDiff, &platform::LiveDiff::failed, this, &MainWindow::showEditError);
    m_tfImpact = new platform::TfImpactLive(session, this);
    m_tfImpactView->follow(m_tfImpact);

    m_newSessionTree = true;
    treeRebuilt();
    updateTitle();
}

QStringList MainWindow::treePath(const QModelIndex &index)
{
    QStringList path;
    for (QModelIndex i = index.siblingAtColumn(0); i.isValid(); i = i.parent())
        path.prepend(i.data(items::CatalogTreeModel::NameRole).toString());
    return path;
}

QModelIndex MainWindow::treeIndexAt(const QStringList &path) const
{
    QModelIndex at;
    for (const QString &name : path) {
        QModelIndex next;
        for (int r = 0, n = m_treeFilter->rowCount(at); r < n && !next.isValid(); ++r) {
            const QModelIndex child = m_treeFilter->index(r, 0, at);
            if (child.data(items::CatalogTreeModel::NameRole).toString() == name)
                next = child;
        }
        if (!next.isValid())
            return {};
        at = next;
    }
    return at;
}

void MainWindow::treeRebuilt()
{
    if (m_treeFilter->sourceModel() != m_treeModel)
        return; // grouped by cluster: that tree is shown
    if (m_filter->text().isEmpty())
        m_tree->expandToDepth(0);
    else
        m_tree->expandAll();
    if (m_treeModel->rowCount() == 0)
        return; // empty, or its nodes are still being built
    const QSet<QStringList> expanded = m_expandedTreePaths;
    for (const QStringList &path : expanded) {
        if (const QModelIndex index = treeIndexAt(path); index.isValid())
            m_tree->expand(index);
    }
    const bool newSession = std::exchange(m_newSessionTree, false);
    if (const QModelIndex current = treeIndexAt(std::exchange(m_currentTreePath, {}));
        current.isValid()) {
        // In the same session, the same item as before, not a new choice: the tables and the
        // diff stay as they are. A new session's tables and diff follow it.
        m_restoringTree = !newSession;
        m_tree->setCurrentIndex(current);
        m_restoringTree = false;
    }
    if (newSession)
        m_tree->resizeColumnToContents(0);
}

void MainWindow::setRepositoryStatus(const QString &text)
{
    m_repositoryLabel->setText(text);
}

void MainWindow::updateTitle()
{
    if (!m_session) {
        setWindowTitle(tr("Kanri"));
        m_workspaceLabel->clear();
        m_countsLabel->clear();
        return;
    }
    const platform::Catalog &c = m_session->catalog();
    const int modified = int(m_session->buffers()->modifiedFiles().size());
    setWindowModified(modified > 0);
    setWindowTitle(tr("%1[*] — Kanri").arg(c.workspace.name));
    m_save->setEnabled(modified > 0);
    m_revert->setEnabled(modified > 0);
    m_workspaceLabel->setText(tr("Workspace: %1").arg(c.workspace.name));
    QString counts = tr("%n service(s)", nullptr, int(c.services.size())) + QStringLiteral(" · ") +
                     tr("%n developer(s)", nullptr, int(c.developers.size()));
    if (modified)
        counts += QStringLiteral(" · ") + tr("%n unsaved file(s)", nullptr, modified);
    if (!c.problems.isEmpty())
        counts += QStringLiteral(" · ") + tr("%n problem(s)", nullptr, int(c.problems.size()));
    m_countsLabel->setText(counts);
}

void MainWindow::updateDiff()
{
    if (!m_liveDiff)
        return;
    const int service = m_liveDiff->service();
    const auto &services = m_session->catalog().services;
    m_diff->setResults(service >= 0 && service < services.size() ? services.at(service).name
                                                                 : QString(),
                       m_liveDiff->results());
    m_diff->setAccountsDiffs(m_liveDiff->accountsDiffs());
    updateReach();
}

void MainWindow::setCatalogByCluster(bool on)
{
    m_byCluster->setChecked(on);
}

bool MainWindow::catalogByCluster() const
{
    return m_byCluster->isChecked();
}

// The clusters the change shown in the diff panel reaches: the overlays whose render changed
// (or no longer renders), through the applications that deploy them.
void MainWindow::updateReach()
{
    if (!m_liveDiff || !m_deployments || !m_deployments->isReady()) {
        m_reach->setReach({}, {});
        return;
    }
    QStringList changed, notDeployed;
    for (const platform::LiveDiff::EnvironmentDiff &e : m_liveDiff->results()) {
        if (e.diff.isEmpty() && e.error.isEmpty())
            continue;
        changed << e.overlay;
        if (m_deployments->deploymentsOf(e.overlay).isEmpty())
            notDeployed << e.environment;
    }
    m_reach->setReach(platform::reachedBy(m_deployments->map(), changed), notDeployed);
}

void MainWindow::showEditError(const QString &message)
{
    statusBar()->showMessage(message, 10000);
}

void MainWindow::filterChanged(const QString &text)
{
    m_treeFilter->setFilterFixedString(text);
    if (!text.isEmpty())
        m_tree->expandAll();
}

void MainWindow::treeSelectionChanged()
{
    if (m_restoringTree)
        return;
    const QString service =
        m_tree->currentIndex().data(items::CatalogTreeModel::ServiceRole).toString();
    if (service.isEmpty() || !m_servicesModel)
        return;
    const int row = m_servicesModel->rowOf(service);
    auto *proxy = static_cast<QSortFilterProxyModel *>(m_services->model());
    const QModelIndex idx = proxy->mapFromSource(m_servicesModel->index(row, 0));
    m_tabs->setCurrentWidget(m_services);
    m_services->setCurrentIndex(idx);
    m_services->scrollTo(idx);
    m_liveDiff->setService(row);
}

void MainWindow::serviceRowChanged()
{
    auto *proxy = static_cast<QSortFilterProxyModel *>(m_services->model());
    const QModelIndex source = proxy->mapToSource(m_services->currentIndex());
    if (source.isValid() && m_liveDiff)
        m_liveDiff->setService(source.row());
    if (auto *details = m_tabs->findChild<ServiceDetailsPanel *>(); details && source.isValid())
        details->setService(source.row());
}

void MainWindow::selectService(const QString &name)
{
    m_treeModel->finishBuild(); // its node may still be on its way from the worker
    const QModelIndexList hits =
        m_treeFilter->match(m_treeFilter->index(0, 0), items::CatalogTreeModel::ServiceRole, name,
                            1, Qt::MatchExactly | Qt::MatchRecursive);
    if (hits.isEmpty())
        return;
    m_tree->setCurrentIndex(hits.first());
    m_tree->scrollTo(hits.first());
}

void MainWindow::revealDeveloper(const QString &key)
{
    if (!m_developersModel)
        return;
    const auto hits = m_developersModel->match(
        m_developersModel->index(0, 0), items::DevelopersModel::KeyRole, key, 1, Qt::MatchExactly);
    if (hits.isEmpty())
        return;
    auto *proxy = static_cast<QSortFilterProxyModel *>(m_developers->model());
    m_tabs->setCurrentWidget(m_developers);
    m_developers->setCurrentIndex(proxy->mapFromSource(hits.first()));
    m_developers->scrollTo(m_developers->currentIndex());
}

void MainWindow::revealLocation(const QString &file, int line, int column)
{
    if (!m_session)
        return;
    openSource(file, line, column);
    const platform::Catalog &c = m_session->catalog();
    auto relativeTo = [&](const QString &root) -> QString {
        if (root.isEmpty())
            return {};
        if (QDir::isRelativePath(file))
            return QFileInfo::exists(QDir(root).filePath(file)) ? QDir::cleanPath(file) : QString();
        const QString rel = QDir(root).relativeFilePath(file);
        return rel.startsWith(QLatin1String("..")) ? QString() : rel;
    };
    if (const QString rel = relativeTo(c.accountsRoot); !rel.isEmpty()) {
        // The entry whose key line is the last one at or before `line`.
        const platform::MapEntryRef *best = nullptr;
        for (const auto &d : c.developers)
            if (d.file == rel && d.line <= line && (!best || d.line > best->line))
                best = &d;
        if (best) {
            revealDeveloper(best->key);
            return;
        }
        for (const auto &m : c.microservices)
            if (m.file == rel && m.line <= line && (!best || m.line > best->line))
                best = &m;
        if (best && m_servicesModel->rowOf(best->key) >= 0)
            selectService(best->key);
        return;
    }
    if (const QString rel = relativeTo(c.manifestsRoot); !rel.isEmpty()) {
        for (const auto &s : c.services)
            if (rel.startsWith(s.path + QLatin1Char('/'))) {
                selectService(s.name);
                return;
            }
    }
}

bool MainWindow::openSource(const QString &file, int line, int column)
{
    if (!m_session)
        return false;
    QString path = file;
    if (QDir::isRelativePath(file)) {
        const platform::Catalog &c = m_session->catalog();
        path.clear();
        for (const QString &root : {c.manifestsRoot, c.accountsRoot})
            if (!root.isEmpty() && m_session->buffers()->read(QDir(root).filePath(file)))
                path = QDir(root).filePath(file);
    }
    if (path.isEmpty() || !m_source->openFile(path, line, column))
        return false;
    m_sourceDock->show();
    m_sourceDock->raise();
    return true;
}

void MainWindow::openDiffLine(const DiffLineActivation &activation)
{
    if (!m_session)
        return;
    const platform::Catalog &c = m_session->catalog();
    if (!activation.accountsFile.isEmpty()) {
        openSource(QDir(c.accountsRoot).filePath(activation.accountsFile), activation.line, 1);
        return;
    }
    if (!activation.resource)
        return;
    const diff::ResourceText &r = *activation.resource;
    const platform::SourceLocator locator(m_session->reader());
    const auto found =
        locator.locateLine(QDir(c.manifestsRoot).filePath(activation.overlay),
                           {r.kind, r.nameSpace, r.name, r.originFile, r.yaml}, activation.line);
    if (!found) {
        statusBar()->showMessage(found.error().toString(), 10000);
        return;
    }
    if (openSource(found->file, found->line, found->column))
        statusBar()->showMessage(tr("%1:%2 — %3")
                                     .arg(QDir(c.manifestsRoot).relativeFilePath(found->file))
                                     .arg(found->line)
                                     .arg(found->reason),
                                 10000);
}

void MainWindow::showShortcuts()
{
    // Made from the actions each time, so that it lists what the keys do now.
    auto *dialog = new ShortcutsDialog(windowShortcuts(this), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

namespace {

// Every enabled action of the menus, as "Menu ▸ Submenu ▸ Action", depth first.
void collectMenuActions(const QList<QAction *> &actions, const QString &path, QList<QAction *> &out,
                        QStringList &texts)
{
    for (QAction *a : actions) {
        if (a->isSeparator() || !a->isVisible() || !a->isEnabled())
            continue;
        // Without mnemonics: "&Push" and the Japanese "プッシュ(&P)" read "Push", "プッシュ".
        static const QRegularExpression trailingMnemonic(QStringLiteral("\\(&[^&]\\)"));
        QString text = a->text().remove(trailingMnemonic);
        text.replace(QLatin1String("&&"), QStringLiteral("\u0001")).remove(QLatin1Char('&'));
        text.replace(QChar(0x0001), QLatin1Char('&'));
        const QString here = path.isEmpty() ? text : path + QStringLiteral(" ▸ ") + text;
        if (QMenu *sub = a->menu()) {
            collectMenuActions(sub->actions(), here, out, texts);
            continue;
        }
        if (path.isEmpty())
            continue; // a bare action on the menu bar: none here
        out.append(a);
        texts.append(here);
    }
}

} // namespace

void MainWindow::openPalette(bool filesOnly)
{
    using items::PaletteEntry;
    QList<PaletteEntry> entries;
    m_paletteActions.clear();
    if (!filesOnly) {
        QStringList texts;
        collectMenuActions(menuBar()->actions(), QString(), m_paletteActions, texts);
        for (int i = 0; i < m_paletteActions.size(); ++i)
            entries.append({PaletteEntry::Kind::Action, texts.at(i),
                            m_paletteActions.at(i)->shortcut().toString(QKeySequence::NativeText),
                            QString(), i});
    }
    if (m_session) {
        if (!filesOnly) {
            entries += items::catalogPaletteEntries(m_session->catalog());
            entries += items::rulePaletteEntries();
        }
        entries += items::filePaletteEntries(platform::workspaceFiles(m_session->catalog()));
    }
    m_palette->open(std::move(entries), filesOnly ? items::PaletteModel::Scope::FilesOnly
                                                  : items::PaletteModel::Scope::Everything);
}

void MainWindow::paletteActivated(const items::PaletteEntry &entry)
{
    using Kind = items::PaletteEntry::Kind;
    switch (entry.kind) {
    case Kind::Action:
        if (entry.index >= 0 && entry.index < m_paletteActions.size())
            m_paletteActions.at(entry.index)->trigger();
        break;
    case Kind::Service:
        selectService(entry.target);
        break;
    case Kind::Overlay: {
        selectService(entry.target);
        const platform::Service *s =
            m_session ? m_session->catalog().service(entry.target) : nullptr;
        if (!s || entry.index < 0 || entry.index >= s->environments.size())
            break;
        const QString overlay = s->environments.at(entry.index).overlay;
        for (const char *name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
            if (openSource(overlay + QLatin1Char('/') + QLatin1String(name), 1, 1))
                break;
        }
        break;
    }
    case Kind::Developer:
        revealDeveloper(entry.target);
        break;
    case Kind::Team: {
        m_treeModel->finishBuild();
        const QModelIndexList hits = m_treeFilter->match(m_treeFilter->index(0, 0), Qt::DisplayRole,
                                                         entry.target, 1, Qt::MatchExactly);
        if (!hits.isEmpty()) {
            m_tree->setCurrentIndex(hits.first());
            m_tree->expand(hits.first());
            m_tree->scrollTo(hits.first());
        }
        break;
    }
    case Kind::File:
        openSource(entry.target, 1, 1);
        break;
    case Kind::Rule:
        showStatusMessage(entry.target + QStringLiteral(" — ") + entry.detail);
        Q_EMIT ruleRequested(entry.target);
        break;
    }
}

bool MainWindow::maybeSave()
{
    if (!m_session || !m_session->buffers()->isModified())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"), tr("Save your changes before closing?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return saveAll();
    // Discarded: the edits (and the journal that keeps them) go now.
    m_session->revert();
    return true;
}

bool MainWindow::saveAll()
{
    if (!m_session)
        return false;
    platform::EditBuffers *buffers = m_session->buffers();
    // Files another program changed since their edits began: the user says which side wins.
    for (const QString &path : buffers->changedOnDisk()) {
        const auto mine = buffers->read(path);
        const QString shown = QDir::toNativeSeparators(
            QDir(m_session->catalog().workspace.dir).relativeFilePath(path));
        DiskConflictDialog ask(shown, buffers->onDisk(path), mine ? *mine : QByteArray(), this);
        switch (ask.exec()) {
        case DiskConflictDialog::KeepMine:
            buffers->keepEdits(path);
            break;
        case DiskConflictDialog::TakeTheirs:
            buffers->takeDisk(path);
            break;
        default:
            showStatusMessage(tr("Nothing was saved."));
            return false;
        }
    }
    const auto r = m_session->save();
    updateTitle();
    if (!r) {
        QMessageBox::warning(this, tr("Save failed"),
                             tr("Some files could not be written; your edits are kept.\n\n%1")
                                 .arg(r.error().toString()));
        return false;
    }
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

} // namespace kanri::ui

#include "ui/git/gitchangespanel.h"

#include "ui/git/gitfilediffview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kanri::ui {

namespace {

constexpr int RepositoryRole = Qt::UserRole;   // int, on every row
constexpr int PathRole = Qt::UserRole + 1;     // relative path, on file rows
constexpr int AbsoluteRole = Qt::UserRole + 2; // absolute path, on file rows

QString letterWord(char letter)
{
    switch (letter) {
    case 'M':
    case 'T':
        return GitChangesPanel::tr("modified");
    case 'A':
        return GitChangesPanel::tr("added");
    case 'D':
        return GitChangesPanel::tr("deleted");
    case 'R':
        return GitChangesPanel::tr("renamed");
    case '?':
        return GitChangesPanel::tr("untracked");
    case 'U':
        return GitChangesPanel::tr("conflict");
    default:
        return {};
    }
}

} // namespace

GitChangesPanel::GitChangesPanel(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_summary(new QLabel(this))
    , m_stage(new QToolButton(this))
    , m_unstage(new QToolButton(this))
    , m_commit(new QToolButton(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_diffView(new GitFileDiffView(this))
{
    setObjectName(QStringLiteral("gitChangesPanel"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("File"), tr("Change"), tr("Index")});
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);

    auto *refresh = new QToolButton(this);
    refresh->setText(tr("Refresh"));
    refresh->setToolTip(tr("Read the working trees again"));
    m_stage->setText(tr("Stage"));
    m_stage->setToolTip(tr("Add the selected files to the next commit"));
    m_unstage->setText(tr("Unstage"));
    m_unstage->setToolTip(tr("Take the selected files out of the next commit"));
    m_commit->setText(tr("Commit…"));
    m_commit->setToolTip(tr("Commit the changes of the selected repository"));

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(refresh);
    buttons->addWidget(m_stage);
    buttons->addWidget(m_unstage);
    buttons->addStretch();
    buttons->addWidget(m_commit);

    auto *list = new QWidget(this);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_tree);
    listLayout->addWidget(m_summary);
    m_splitter->setObjectName(QStringLiteral("gitChangesSplitter"));
    m_splitter->addWidget(list);
    m_splitter->addWidget(m_diffView);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_splitter, 1);

    connect(refresh, &QToolButton::clicked, this, &GitChangesPanel::refreshRequested);
    connect(m_stage, &QToolButton::clicked, this, [this] {
        if (currentRepository() >= 0 && !selectedFiles().isEmpty())
            Q_EMIT stageRequested(currentRepository(), selectedFiles());
    });
    connect(m_unstage, &QToolButton::clicked, this, [this] {
        if (currentRepository() >= 0 && !selectedFiles().isEmpty())
            Q_EMIT unstageRequested(currentRepository(), selectedFiles());
    });
    connect(m_commit, &QToolButton::clicked, this,
            [this] { Q_EMIT commitRequested(currentRepository()); });
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item, int) { itemActivated(item); });
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &GitChangesPanel::selectionChanged);
    selectionChanged();
}

QString GitChangesPanel::describe(const GitFileChange &change)
{
    QStringList words;
    const QString staged = letterWord(change.index);
    const QString unstaged = letterWord(change.worktree);
    if (!staged.isEmpty())
        words << staged;
    if (!unstaged.isEmpty() && unstaged != staged)
        words << unstaged;
    if (change.unsaved)
        words << tr("unsaved edits");
    return words.join(QStringLiteral(", "));
}

void GitChangesPanel::setChanges(const QList<GitRepositoryChanges> &changes)
{
    // Keep the selection (repository and files) across refreshes.
    const int keepRepository = currentRepository();
    const QStringList keepFiles = selectedFiles();

    m_changes = changes;
    m_rebuilding = true; // one selection change at the end, not one per row
    m_tree->clear();
    int changed = 0, unsaved = 0;
    QTreeWidgetItem *toSelect = nullptr;
    QList<QTreeWidgetItem *> filesToSelect;
    for (int r = 0; r < changes.size(); ++r) {
        const GitRepositoryChanges &repo = changes[r];
        auto *top = new QTreeWidgetItem(m_tree);
        QString title = repo.name;
        if (!repo.branch.isEmpty())
            title += QStringLiteral(" — ") + repo.branch;
        if (repo.ahead >= 0)
            title += QStringLiteral("  ↑%1 ↓%2").arg(repo.ahead).arg(repo.behind);
        top->setText(0, title);
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        top->setData(0, RepositoryRole, r);
        top->setToolTip(0, repo.path);
        if (!repo.error.isEmpty()) {
            top->setText(1, repo.error);
            top->setToolTip(1, repo.error);
        } else if (repo.files.isEmpty()) {
            top->setText(1, tr("no changes"));
        } else {
            top->setText(1, tr("%n changed file(s)", nullptr, int(repo.files.size())));
        }
        if (r == keepRepository)
            toSelect = top;
        for (const GitFileChange &file : repo.files) {
            auto *item = new QTreeWidgetItem(top);
            item->setText(0, file.oldPath.isEmpty() ? file.path
                                                    : tr("%1 → %2").arg(file.oldPath, file.path));
            item->setText(1, describe(file));
            item->setText(2, file.staged() ? (file.unstaged() ? tr("partly staged") : tr("staged"))
                                           : tr("not staged"));
            item->setData(0, RepositoryRole, r);
            item->setData(0, PathRole, file.path);
            item->setData(0, AbsoluteRole, file.absolutePath);
            item->setToolTip(0, file.absolutePath);
            if (file.unsaved) {
                QFont italic = item->font(0);
                italic.setItalic(true);
                item->setFont(0, italic);
                item->setFont(1, italic);
                ++unsaved;
            }
            if (file.worktree == 'U')
                item->setForeground(1, QColor(0xb0, 0x00, 0x20));
            if (r == keepRepository && keepFiles.contains(file.path))
                filesToSelect << item;
            ++changed;
        }
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(1);
    m_tree->resizeColumnToContents(2);
    if (!filesToSelect.isEmpty()) {
        m_tree->setCurrentItem(filesToSelect.first());
        for (QTreeWidgetItem *item : filesToSelect)
            item->setSelected(true);
    } else if (toSelect) {
        m_tree->setCurrentItem(toSelect);
    }
    m_summary->setText(
        unsaved ? tr("%n changed file(s), %1 with unsaved edits", nullptr, changed).arg(unsaved)
                : tr("%n changed file(s)", nullptr, changed));
    m_rebuilding = false;
    selectionChanged();
}

int GitChangesPanel::currentRepository() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return -1;
    return item->data(0, RepositoryRole).toInt();
}

QStringList GitChangesPanel::selectedFiles() const
{
    const int repository = currentRepository();
    QStringList paths;
    for (const QTreeWidgetItem *item : m_tree->selectedItems()) {
        const QString path = item->data(0, PathRole).toString();
        if (!path.isEmpty() && item->data(0, RepositoryRole).toInt() == repository)
            paths << path;
    }
    return paths;
}

QString GitChangesPanel::currentFile() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, PathRole).toString() : QString();
}

bool GitChangesPanel::selectFile(int repository, const QString &path)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, RepositoryRole).toInt() == repository &&
            (*it)->data(0, PathRole).toString() == path) {
            m_tree->setCurrentItem(*it, 0, QItemSelectionModel::ClearAndSelect);
            return true;
        }
    }
    return false;
}

const GitFileChange *GitChangesPanel::change(int repository, const QString &path) const
{
    if (repository < 0 || repository >= m_changes.size())
        return nullptr;
    for (const GitFileChange &file : m_changes[repository].files) {
        if (file.path == path)
            return &file;
    }
    return nullptr;
}

void GitChangesPanel::itemActivated(QTreeWidgetItem *item)
{
    const QString path = item ? item->data(0, AbsoluteRole).toString() : QString();
    if (!path.isEmpty())
        Q_EMIT fileActivated(path);
}

void GitChangesPanel::selectionChanged()
{
    if (m_rebuilding)
        return;
    const bool files = !selectedFiles().isEmpty();
    m_stage->setEnabled(files);
    m_unstage->setEnabled(files);
    m_commit->setEnabled(!m_changes.isEmpty());
    const int repository = currentRepository();
    if (repository != m_lastRepository) {
        m_lastRepository = repository;
        Q_EMIT currentRepositoryChanged(repository);
    }
    const QString file = currentFile();
    if (file != m_lastFile || repository != m_lastFileRepository) {
        m_lastFile = file;
        m_lastFileRepository = repository;
        Q_EMIT currentFileChanged(repository, file);
    }
}

} // namespace kanri::ui

#pragma once

#include "git/gitworktree.h"

#include <QList>
#include <QWidget>

class QLabel;
class QSplitter;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace kanri::ui {

class GitFileDiffView;

// One changed file of a repository and a repository's branch and changes, as models/git reads
// them (git/gitworktree.h).
using GitFileChange = git::WorktreeFile;
using GitRepositoryChanges = git::WorktreeStatus;

// The Changes panel: per repository of the workspace, its branch and the files that differ
// from HEAD (staged or not) or have unsaved edits. Selecting one file shows its diff below
// (the application computes it: currentFileChanged); double-click reveals a file; Stage,
// Unstage and Commit ask the application.
class GitChangesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit GitChangesPanel(QWidget *parent = nullptr);

    void setChanges(const QList<GitRepositoryChanges> &changes);
    const QList<GitRepositoryChanges> &changes() const { return m_changes; }

    // The repository of the selected row (a repository or one of its files), or -1.
    int currentRepository() const;
    // Paths (relative) of the selected files of the current repository.
    QStringList selectedFiles() const;
    // The file of the current row (relative path), or empty on a repository row.
    QString currentFile() const;
    // Selects a file's row (and only it); false when it is not listed.
    bool selectFile(int repository, const QString &path);
    // The change listed for a file, or nullptr.
    const GitFileChange *change(int repository, const QString &path) const;

    // The words for a status: "modified", "added", "deleted", "renamed", "untracked",
    // "conflict", "unsaved edits".
    static QString describe(const GitFileChange &change);

    QTreeWidget *tree() const { return m_tree; }
    QLabel *summaryLabel() const { return m_summary; }
    GitFileDiffView *diffView() const { return m_diffView; }

Q_SIGNALS:
    void fileActivated(const QString &absolutePath);
    void refreshRequested();
    void stageRequested(int repository, const QStringList &paths);
    void unstageRequested(int repository, const QStringList &paths);
    void commitRequested(int repository); // -1: no repository selected
    void currentRepositoryChanged(int repository);
    // The current row moved to another file (path empty: to a repository or nothing).
    void currentFileChanged(int repository, const QString &path);

private:
    void itemActivated(QTreeWidgetItem *item);
    void selectionChanged();

    QList<GitRepositoryChanges> m_changes;
    QTreeWidget *m_tree;
    QLabel *m_summary;
    QToolButton *m_stage;
    QToolButton *m_unstage;
    QToolButton *m_commit;
    QSplitter *m_splitter;
    GitFileDiffView *m_diffView;
    int m_lastRepository = -1;
    QString m_lastFile;
    int m_lastFileRepository = -1;
    bool m_rebuilding = false;
};

} // namespace kanri::ui

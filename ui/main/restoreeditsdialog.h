#pragma once

#include <QDateTime>
#include <QDialog>
#include <QList>

class QListWidget;
class QPlainTextEdit;

namespace kanri::ui {

// Asked at start when a Kanri that had this workspace open ended without saving or discarding
// (a crash, a kill, a power cut): which files it had edited, each one's change against what is
// here now, and whether to restore them (as one undoable step), discard them, or decide later.
class RestoreEditsDialog : public QDialog
{
    Q_OBJECT

public:
    enum Choice { Later = 0, Restore, Discard };
    struct File
    {
        QString path; // as shown: relative to the workspace
        QByteArray current, restored;
        bool changedOnDisk = false; // the file on disk changed since those edits began
    };

    RestoreEditsDialog(const QList<File> &files, const QDateTime &written,
                       QWidget *parent = nullptr);

    QListWidget *fileList() const { return m_list; }
    QPlainTextEdit *diffView() const { return m_diff; }

private:
    void showFile(int row);

    QList<File> m_files;
    QListWidget *m_list;
    QPlainTextEdit *m_diff;
};

// Asked before a save overwrites a file another program changed since Kanri read it: keep the
// unsaved edits (overwrite the other change), take the file as it is on disk (the edits go, as an
// undoable step), or look at both first.
class DiskConflictDialog : public QDialog
{
    Q_OBJECT

public:
    enum Choice { Cancel = 0, KeepMine, TakeTheirs };

    // `theirs`: std::nullopt when the file was removed on disk.
    DiskConflictDialog(const QString &path, const std::optional<QByteArray> &theirs,
                       const QByteArray &mine, QWidget *parent = nullptr);

    QPlainTextEdit *diffView() const { return m_diff; }

private:
    QPlainTextEdit *m_diff;
};

} // namespace kanri::ui

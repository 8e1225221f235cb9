#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QUndoCommand>
#include <QUndoStack>

#include <optional>

namespace kanri::platform {

// The unsaved state of a workspace: files whose edited content differs from what is on disk.
// Every edit is an undo command holding the bytes it changed (a splice), so undo gives back
// the exact bytes; "modified" is the undo stack's clean state. Reading goes through the buffers, so
// renders and the catalog see edits before they are saved.
class EditBuffers : public QObject
{
    Q_OBJECT

public:
    explicit EditBuffers(QObject *parent = nullptr);

    // The edited content when the file has unsaved edits, else what is on disk.
    Result<QByteArray> read(const QString &path) const;
    // Whether `path` on disk differs from what the buffers last read or wrote of it (true when
    // they never did); remembers what is there now.
    bool diskChangedSinceRead(const QString &path);
    // What is on disk now (std::nullopt: no such file, or unreadable).
    std::optional<QByteArray> onDisk(const QString &path) const { return diskContent(path); }
    bool isModified(const QString &path) const;
    QStringList modifiedFiles() const;
    bool isModified() const { return !m_stack.isClean(); }

    // Absolute path → content of every edited file (std::nullopt: not yet created on disk and
    // edited back to nothing). What a renderer layers over the working tree.
    QHash<QString, std::optional<QByteArray>> overlay() const { return m_edited; }

    // Records an edit as an undoable command. `mergeKey` non-empty: consecutive edits with the
    // same key (one field typed into) merge into one undo step. Returns false when the content
    // is unchanged (nothing is pushed).
    bool edit(const QString &path, const QByteArray &content, const QString &description,
              const QString &mergeKey = {});

    // What was on disk when `path` was first edited (std::nullopt: no such file then), for a
    // modified file; the edits are based on it.
    std::optional<QByteArray> base(const QString &path) const { return m_base.value(path); }
    // Modified files that another program changed (or removed, or created) on disk since
    // their edits began: saving them would overwrite that change. Reads each of them.
    QStringList changedOnDisk() const;
    // Keeps the unsaved edits of `path` over what is on disk now: the next save overwrites
    // the other program's change ("keep mine").
    void keepEdits(const QString &path);
    // Replaces the unsaved content of `path` with what is on disk now ("take theirs"), as one
    // undoable step; the file is then unmodified.
    void takeDisk(const QString &path);

    // Writes every modified file atomically. Files already written stay written when a later
    // one fails; the failed ones stay modified, so nothing typed is lost. A file changed on
    // disk since its edits began (changedOnDisk()) is not written: Error::Code::Stale names
    // it (keepEdits() or takeDisk() first).
    Result<void> save();
    // Writes only `paths` (those that are modified); other edits stay unsaved.
    Result<void> save(const QStringList &paths);
    // Drops every unsaved edit.
    void revert();

    QUndoStack *undoStack() { return &m_stack; }

Q_SIGNALS:
    void fileChanged(const QString &path);
    // Files were written to disk (their content did not change: they are no longer modified).
    void saved(const QStringList &paths);
    // An undo or redo found the file other than the step left it (changed on disk by another
    // program since): the step is skipped and the file left as it is.
    void conflict(const kanri::Error &error);

private:
    friend class SetContentCommand;
    void setContent(const QString &path, const std::optional<QByteArray> &content);
    // The content now: the edited one, else the disk's (std::nullopt: no such file).
    std::optional<QByteArray> current(const QString &path) const;
    void reportConflict(const QString &path);
    std::optional<QByteArray> diskContent(const QString &path) const;

    QHash<QString, std::optional<QByteArray>> m_edited;
    // What was on disk when each modified file was first edited (see base()).
    QHash<QString, std::optional<QByteArray>> m_base;
    // What is on disk, with the size and time it had then: every edit compares the new content
    // with the disk's, and reading a large file again per keystroke costs more than the edit.
    struct DiskCopy
    {
        QByteArray bytes;
        qint64 size = 0;
        QByteArray stamp; // size, inode and change times to the nanosecond (diskStamp())
    };
    mutable QHash<QString, DiskCopy> m_disk;
    QUndoStack m_stack;
};

} // namespace kanri::platform

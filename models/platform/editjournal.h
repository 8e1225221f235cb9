#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <memory>
#include <optional>

class QLockFile;

namespace kanri::platform {

class EditBuffers;

// One file of a journal: its unsaved content (std::nullopt: the edits delete it) and whether
// the file on disk is still what the edits began from.
struct JournalEntry
{
    QString path; // absolute
    std::optional<QByteArray> content;
    QByteArray baseSha256; // of the disk content the edits began from; empty: no file then
};

// What a Kanri process left of a workspace's unsaved edits.
struct Journal
{
    QString file;      // the journal's own path
    QString workspace; // the workspace folder
    qint64 pid = 0;
    QString host;
    QDateTime written;
    QList<JournalEntry> entries;
};

// Keeps a copy of a workspace's unsaved edits in the data folder, so that a crash, a kill or a
// power cut loses nothing typed: after each change of the edit buffers the journal is written
// (atomically, mode 0600, within a second: changes are gathered for `delay`), and removed once
// nothing is modified (saved or discarded). Each process writes its own file,
// "<workspace hash>-<pid>.json" in `directory`; journals whose process is gone are what the next
// start offers to restore (orphans()). Writing happens on a worker, in order.
class EditJournal : public QObject
{
    Q_OBJECT

public:
    EditJournal(EditBuffers *buffers, QString workspaceDir, QString directory,
                QObject *parent = nullptr);
    // Writes what is pending (or removes the journal when nothing is modified), and waits.
    ~EditJournal() override;

    QString filePath() const { return m_file; }
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    // Writes the journal now and waits until it is on disk (SIGTERM, session logout, exit).
    Result<void> flush();
    // Stops journaling and removes this process's journal (the edits were discarded).
    void discard();

    // Journals of `workspaceDir` in `directory` left by processes that are gone (crashed,
    // killed). Unreadable ones are returned with an empty entry list and are safe to remove.
    static QList<Journal> orphans(const QString &directory, const QString &workspaceDir);
    static Result<Journal> read(const QString &file);
    // The SHA-256 (hex) of `bytes`, as entries name their base.
    static QByteArray sha256(const std::optional<QByteArray> &bytes);
    // Applies a journal's entries to `buffers` as one undoable step ("Restore unsaved edits");
    // returns how many files changed.
    static int restore(EditBuffers *buffers, const Journal &journal);

Q_SIGNALS:
    // A journal write failed (disk full, folder not writable): the edits are not protected.
    void writeFailed(const kanri::Error &error);

private:
    void schedule();
    void writeNow();

    EditBuffers *m_buffers;
    QString m_workspace;
    QString m_file;
    QTimer m_timer;
    QThreadPool m_writer; // one thread: writes land in order
    bool m_discarded = false;
    bool m_written = false; // the file exists (or a write of it is queued)
    struct Outcome;
    std::shared_ptr<Outcome> m_outcome;
};

// The lock a window holds on the workspace it has open (QLockFile in the data folder): a second
// Kanri on the same workspace is told who holds it. A lock whose process is gone is stale and
// taken over.
class WorkspaceLock
{
public:
    WorkspaceLock(const QString &directory, const QString &workspaceDir);
    ~WorkspaceLock();

    // True when this process now holds the lock (or already did).
    bool tryLock();
    bool isLocked() const;
    // Who holds it when tryLock() failed: process id and host name.
    qint64 holderPid() const { return m_pid; }
    QString holderHost() const { return m_host; }
    QString filePath() const { return m_path; }

private:
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    qint64 m_pid = 0;
    QString m_host;
};

// The file name a workspace's journals and lock start with: a hash of its absolute path.
QString workspaceKey(const QString &workspaceDir);

} // namespace kanri::platform

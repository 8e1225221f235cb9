#pragma once

#include <QDateTime>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

namespace kanri::platform {

// Tells which files under the workspace's repositories another program created, changed or
// removed: a checkout in a terminal, an editor, a script. Folders (and, within a budget, their
// files) are watched through the system (inotify); rescan() compares every known file with what
// is on disk (when the window becomes active again, for what a watch cannot see). Folders named
// ".git" are not watched. Changes are gathered for `delay` and reported together.
class DiskWatcher : public QObject
{
    Q_OBJECT

public:
    // At most this many folders and files are watched (the system's inotify limit is shared
    // with every other program); beyond it, rescan() still finds changes in known folders.
    static constexpr int maxWatches = 6000;
    // At most this many are set per event-loop turn (each is a system call on the GUI thread).
    static constexpr int watchesPerTurn = 500;

    // The folders are read on a worker: changes are reported once isReady().
    explicit DiskWatcher(const QStringList &roots, QObject *parent = nullptr);
    ~DiskWatcher() override;
    bool isReady() const { return m_ready; }

    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    // Compares every known folder with the disk now, and reports what differs.
    void rescan();
    int watchedPaths() const;

Q_SIGNALS:
    // The first reading of the folders is done and watched.
    void ready();
    // Absolute paths of files created, changed or removed since the last report.
    void filesChanged(const QStringList &paths);

private:
public:
    struct Stamp
    {
        qint64 size = -1;
        QDateTime modified;
        quint64 inode = 0;
        bool operator==(const Stamp &) const = default;
    };
    using Tree = QHash<QString, QHash<QString, Stamp>>; // folder → file name → stamp

private:
    void adopt(Tree tree);
    void watch(const QStringList &paths);
    void watchSome();
    void scanFolder(const QString &dir);
    void flush();

    bool m_ready = false;
    QFutureWatcher<Tree> m_initial;

    QFileSystemWatcher m_watcher;
    QStringList m_toWatch; // adopt()'s paths, set watchesPerTurn at a time
    qsizetype m_toWatchNext = 0;
    Tree m_files;
    QSet<QString> m_pending; // folders to compare at the next flush
    QSet<QString> m_changed; // files to report
    QTimer m_timer;
};

} // namespace kanri::platform

#include "platform/diskwatcher.h"

#include "core/workerpool.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <sys/stat.h>

#include <algorithm>

namespace kanri::platform {

namespace {

constexpr int folderDepthLimit = 64; // links are not followed; this only bounds the walk

QHash<QString, DiskWatcher::Stamp> readFolder(const QString &dir)
{
    QHash<QString, DiskWatcher::Stamp> files;
    const QFileInfoList entries =
        QDir(dir).entryInfoList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
    for (const QFileInfo &info : entries) {
        DiskWatcher::Stamp stamp{info.size(), info.lastModified(), 0};
        struct stat st;
        if (::lstat(QFile::encodeName(info.absoluteFilePath()).constData(), &st) == 0)
            stamp.inode = quint64(st.st_ino);
        files.insert(info.fileName(), stamp);
    }
    return files;
}

// `dir` and the folders below it (not through links, not into .git), with their files.
DiskWatcher::Tree readTree(const QString &dir)
{
    DiskWatcher::Tree tree;
    QStringList queue{dir};
    while (!queue.isEmpty()) {
        const QString folder = queue.takeFirst();
        if (tree.contains(folder) || folder.count(QLatin1Char('/')) > 4 * folderDepthLimit)
            continue;
        tree.insert(folder, readFolder(folder));
        const QStringList subfolders = QDir(folder).entryList(
            QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::NoSymLinks, QDir::Name);
        for (const QString &name : subfolders) {
            if (name != QLatin1String(".git"))
                queue.append(folder + QLatin1Char('/') + name);
        }
    }
    return tree;
}

} // namespace

DiskWatcher::DiskWatcher(const QStringList &roots, QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(200);
    connect(&m_timer, &QTimer::timeout, this, &DiskWatcher::flush);
    const auto changed = [this](const QString &path, bool isFolder) {
        m_pending.insert(isFolder ? path : QFileInfo(path).absolutePath());
        if (!m_timer.isActive())
            m_timer.start();
    };
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this,
            [changed](const QString &dir) { changed(dir, true); });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this,
            [changed](const QString &file) { changed(file, false); });
    // What is there at the start is what the catalog read: read on a worker, nothing reported.
    connect(&m_initial, &QFutureWatcherBase::finished, this, [this] {
        if (m_initial.future().resultCount() > 0)
            adopt(m_initial.result());
    });
    m_initial.setFuture(QtConcurrent::run(scanPool(), [roots] {
        Tree tree;
        for (const QString &root : roots) {
            if (QFileInfo(root).isDir())
                tree.insert(readTree(QDir::cleanPath(root)));
        }
        return tree;
    }));
}

DiskWatcher::~DiskWatcher()
{
    m_initial.waitForFinished();
}

void DiskWatcher::adopt(Tree tree)
{
    m_files = std::move(tree);
    // Folders, then files, as far as the budget goes: not a list of every file of a large
    // workspace (hundreds of thousands of strings, a second of the GUI thread) cut short.
    const int room = maxWatches - watchedPaths();
    QStringList paths;
    for (auto it = m_files.cbegin(); it != m_files.cend() && paths.size() < room; ++it)
        paths << it.key();
    for (auto it = m_files.cbegin(); it != m_files.cend() && paths.size() < room; ++it) {
        for (auto f = it->keyBegin(); f != it->keyEnd() && paths.size() < room; ++f)
            paths << it.key() + QLatin1Char('/') + *f;
    }
    m_toWatch = std::move(paths);
    m_toWatchNext = 0;
    watchSome();
}

// The system's watches are set a slice per event-loop turn: one inotify_add_watch and a stat
// per path on the GUI thread, 6,000 of them at once held the window for ~140 ms. ready() is
// emitted with the last slice. A change in a folder not watched yet is found by rescan(), as
// beyond the budget.
void DiskWatcher::watchSome()
{
    const qsizetype end = std::min(m_toWatch.size(), m_toWatchNext + watchesPerTurn);
    watch(m_toWatch.mid(m_toWatchNext, end - m_toWatchNext));
    m_toWatchNext = end;
    if (m_toWatchNext < m_toWatch.size()) {
        QTimer::singleShot(0, this, &DiskWatcher::watchSome);
        return;
    }
    m_toWatch = {};
    m_ready = true;
    Q_EMIT ready();
}

// Watches `paths` while the budget lasts (folders first: they see renames and new files).
void DiskWatcher::watch(const QStringList &paths)
{
    const int room = maxWatches - watchedPaths();
    if (room <= 0 || paths.isEmpty())
        return;
    m_watcher.addPaths(paths.mid(0, room));
}

int DiskWatcher::watchedPaths() const
{
    return int(m_watcher.directories().size() + m_watcher.files().size());
}

// Compares the files of `dir` with their stamps: what differs joins the next report.
void DiskWatcher::scanFolder(const QString &dir)
{
    const QHash<QString, Stamp> now = readFolder(dir);
    QHash<QString, Stamp> &known = m_files[dir];
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const auto old = known.constFind(it.key());
        if (old == known.cend() || !(*old == *it))
            m_changed.insert(dir + QLatin1Char('/') + it.key());
    }
    for (auto it = known.cbegin(); it != known.cend(); ++it) {
        if (!now.contains(it.key()))
            m_changed.insert(dir + QLatin1Char('/') + it.key());
    }
    known = std::move(now);
}

void DiskWatcher::rescan()
{
    for (auto it = m_files.keyBegin(); it != m_files.keyEnd(); ++it)
        m_pending.insert(*it);
    flush();
}

void DiskWatcher::flush()
{
    m_timer.stop();
    const QSet<QString> folders = std::exchange(m_pending, {});
    for (const QString &folder : folders) {
        if (!m_files.contains(folder))
            continue;
        if (!QFileInfo(folder).isDir()) {
            // Removed with everything in it (and the folders below).
            const QStringList known = m_files.keys();
            for (const QString &f : known) {
                if (f == folder || f.startsWith(folder + QLatin1Char('/'))) {
                    for (auto it = m_files.value(f).keyBegin(); it != m_files.value(f).keyEnd();
                         ++it)
                        m_changed.insert(f + QLatin1Char('/') + *it);
                    m_files.remove(f);
                    m_watcher.removePath(f);
                }
            }
            continue;
        }
        scanFolder(folder);
        // Folders made since: watched and their files reported.
        const QStringList subfolders = QDir(folder).entryList(
            QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::NoSymLinks, QDir::Name);
        for (const QString &name : subfolders) {
            const QString sub = folder + QLatin1Char('/') + name;
            if (name == QLatin1String(".git") || m_files.contains(sub))
                continue;
            const Tree added = readTree(sub);
            QStringList paths;
            for (auto it = added.cbegin(); it != added.cend(); ++it) {
                paths << it.key();
                for (auto f = it->keyBegin(); f != it->keyEnd(); ++f) {
                    paths << it.key() + QLatin1Char('/') + *f;
                    m_changed.insert(it.key() + QLatin1Char('/') + *f);
                }
            }
            m_files.insert(added);
            watch(paths);
        }
    }
    if (m_changed.isEmpty())
        return;
    QStringList paths(m_changed.cbegin(), m_changed.cend());
    m_changed.clear();
    paths.sort();
    Q_EMIT filesChanged(paths);
}

} // namespace kanri::platform

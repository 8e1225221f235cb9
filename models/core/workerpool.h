#pragma once

#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace kanri {

// Kanri's own background work never runs on Qt's global pool: the raster paint engine (Qt 6.4)
// splits large fills into jobs on QThreadPool::globalInstance() and waits for them on the GUI
// thread, so long work there froze painting until it ended (opening 20,000 services, the
// tables painted only after the disk scan and the git status, tens of seconds later).

// Work the user waits for: renders, the live diff, the values of the tables, the catalog's
// reads. As many threads as cores, like the global pool.
inline QThreadPool *workerPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool; // never destroyed: workers may outlive every owner
        p->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        p->setObjectName(QStringLiteral("kanri-workers"));
        return p;
    }();
    return pool;
}

// Scans of whole repositories that run in the background after a workspace opens (the disk
// watcher's first read, the git status line, the Argo CD map): one thread, so that they never
// take every worker from a render the user waits for.
inline QThreadPool *scanPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(1);
        p->setObjectName(QStringLiteral("kanri-scans"));
        return p;
    }();
    return pool;
}

// Work the user started and goes on without waiting for: git's clones, fetches, pushes, commits
// and worktree reads, publishing, pull-request syncs, the reviews' and wizards' local work. It
// mostly waits on the network or the disk, so it has threads of its own: a slow push never
// takes a worker from a render, and a render never holds up a push.
inline QThreadPool *taskPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
        p->setObjectName(QStringLiteral("kanri-tasks"));
        return p;
    }();
    return pool;
}

} // namespace kanri

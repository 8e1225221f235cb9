#pragma once

#include <QSemaphore>
#include <QThreadPool>

namespace kanri::test {

// Holds every thread of Qt's global pool until it goes out of scope. Qt's raster engine (6.4)
// fills large areas in jobs on that pool and waits for them on the GUI thread, so Kanri's own
// work must neither run there nor wait for it: work that finishes while the pool is held
// proves both.
class HoldQtPool
{
public:
    HoldQtPool()
    {
        for (int i = 0; i < m_threads; ++i) {
            pool()->start([this] {
                m_held.release();
                m_release.tryAcquire(1, 60000);
            });
        }
    }
    ~HoldQtPool()
    {
        m_release.release(m_threads);
        pool()->waitForDone();
    }
    HoldQtPool(const HoldQtPool &) = delete;
    HoldQtPool &operator=(const HoldQtPool &) = delete;

    // True once every thread of the pool runs one of ours.
    bool holdsAll(int timeoutMs = 10000) { return m_held.tryAcquire(m_threads, timeoutMs); }
    // True while none of them has been let go (nothing else can have run there since).
    bool stillHeld() const { return pool()->activeThreadCount() == m_threads; }

private:
    static QThreadPool *pool() { return QThreadPool::globalInstance(); }

    const int m_threads = pool()->maxThreadCount();
    QSemaphore m_held;
    QSemaphore m_release;
};

} // namespace kanri::test

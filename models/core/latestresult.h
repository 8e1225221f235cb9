#pragma once

#include "core/workerpool.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QList>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace kanri {

// "Latest result wins": runs work on a thread pool (workerPool() unless told otherwise) and
// hands back only the result of the most recent request, on the thread that owns this object
// (its event loop).
//
// - start() supersedes the request before it: that request's cancel flag is set, and its
//   result is never delivered, even when its work had already finished.
// - cancel() does the same without a new request.
// - The work gets the flag of its own request and should poll it and return early; what it
//   returns once the flag is set is thrown away.
// - Destroying this object cancels every request and delivers nothing more. It does not wait:
//   the work must own (capture by value or std::shared_ptr) everything it touches, so that it
//   may outlive its owner. waitForDone() is there for owners that lend the work something.
//
// Deliveries happen in order of requests because only the latest request ever delivers.
template<typename T> class LatestResult
{
public:
    using Work = std::function<T(const std::atomic_bool &cancelled)>;
    using Deliver = std::function<void(T result)>;

    explicit LatestResult(QThreadPool *pool = workerPool())
        : m_pool(pool)
    {}
    ~LatestResult() { cancel(); }
    LatestResult(const LatestResult &) = delete;
    LatestResult &operator=(const LatestResult &) = delete;

    // Starts `work` on the pool; `deliver` gets its result later on this object's thread,
    // unless a newer request or cancel() came in between.
    void start(Work work, Deliver deliver)
    {
        cancel();
        auto flag = std::make_shared<std::atomic_bool>(false);
        Request &r = m_current.emplace();
        r.cancel = flag;
        r.deliver = std::move(deliver);
        r.future =
            QtConcurrent::run(m_pool, [work = std::move(work), flag] { return work(*flag); });
        r.watcher = std::make_unique<QFutureWatcher<T>>();
        QFutureWatcher<T> *watcher = r.watcher.get();
        QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                         [this, watcher] { finished(watcher); });
        watcher->setFuture(r.future);
    }

    // Drops the current request: its flag is set and its result will not be delivered.
    void cancel()
    {
        if (!m_current)
            return;
        m_current->cancel->store(true);
        m_superseded.append(QFuture<void>(m_current->future));
        m_current.reset(); // the watcher goes with it: nothing queued for it is delivered
        m_superseded.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    }

    // A request is waiting for its result to be delivered.
    bool isPending() const { return m_current.has_value(); }
    // Work of any request (superseded ones included) is still running on the pool.
    bool isWorking() const
    {
        if (m_current && !m_current->future.isFinished())
            return true;
        for (const QFuture<void> &f : m_superseded) {
            if (!f.isFinished())
                return true;
        }
        return false;
    }

    // Waits until no work runs any more, then delivers the current request's result now (for
    // the command line and tests; never call it where the work could wait on this thread).
    void waitForDone()
    {
        for (QFuture<void> &f : m_superseded)
            f.waitForFinished();
        m_superseded.clear();
        if (!m_current)
            return;
        m_current->future.waitForFinished();
        deliverCurrent();
    }

private:
    struct Request
    {
        std::shared_ptr<std::atomic_bool> cancel;
        QFuture<T> future;
        std::unique_ptr<QFutureWatcher<T>> watcher;
        Deliver deliver;
    };

    void finished(QFutureWatcher<T> *watcher)
    {
        if (!m_current || m_current->watcher.get() != watcher)
            return;
        // A watcher is not deleted inside its own finished() signal: later, then.
        watcher->disconnect();
        m_current->watcher.release()->deleteLater();
        deliverCurrent();
    }

    void deliverCurrent()
    {
        Request request = std::move(*m_current);
        m_current.reset();
        // Cancelled (or the work ended without a result): nothing to deliver. The request is
        // out of m_current before `deliver` runs, so that it may start the next one.
        if (request.cancel->load() || request.future.resultCount() == 0)
            return;
        request.deliver(request.future.takeResult());
    }

    QThreadPool *m_pool;
    std::optional<Request> m_current;
    QList<QFuture<void>> m_superseded;
};

} // namespace kanri

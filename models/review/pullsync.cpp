#include "review/pullsync.h"

#include "core/workerpool.h"
#include "git/gitnetwork.h"
#include "review/reviewchange.h"

#include <QFutureWatcher>
#include <QMutex>
#include <QStringList>
#include <QtConcurrentRun>

#include <algorithm>
#include <atomic>

namespace kanri::review {

bool isOfflineError(const github::ApiError &error)
{
    return error.kind == github::ApiError::Kind::Network ||
           error.kind == github::ApiError::Kind::Timeout;
}

QString PullSyncReport::summary() const
{
    if (failures.isEmpty())
        return PullSync::tr("%n pull request(s) available offline.", nullptr, done);
    QStringList texts;
    for (const PullSyncFailure &f : failures)
        texts << f.text;
    // Stopped by the network: the ones after the failure were not tried (nor failed).
    const int notTried = std::max(0, total - done - int(failures.size()));
    QString text =
        total == 0
            ? PullSync::tr("None available offline; %1").arg(texts.join(QStringLiteral("; ")))
            : PullSync::tr("%1 of %n available offline; %2", nullptr, total)
                  .arg(done)
                  .arg(texts.join(QStringLiteral("; ")));
    if (notTried > 0)
        text += QLatin1Char(' ') +
                PullSync::tr("(%n not tried: GitHub could not be reached)", nullptr, notTried);
    return text;
}

// What a git fetch on a worker shares with its sync: the cancel flag, and the way back for its
// progress while the sync exists. detach() takes the mutex, so once it returns no worker posts
// to the sync any more (a posted call still queued is dropped with the sync or by the run id).
class PullSync::Relay
{
public:
    Relay(PullSync *sync, quint64 id)
        : m_sync(sync)
        , m_id(id)
    {}

    bool isCancelled() const { return m_cancelled.load(); }

    void detach()
    {
        m_cancelled.store(true);
        QMutexLocker lock(&m_mutex);
        m_sync = nullptr;
    }

    void postProgress(const QString &text, int index, int total)
    {
        QMutexLocker lock(&m_mutex);
        if (!m_sync)
            return;
        QMetaObject::invokeMethod(
            m_sync,
            [sync = m_sync, id = m_id, text, index, total] {
                if (sync->isCurrent(id))
                    Q_EMIT sync->progress(text, index, total);
            },
            Qt::QueuedConnection);
    }

private:
    QMutex m_mutex;
    PullSync *m_sync;
    const quint64 m_id;
    std::atomic_bool m_cancelled{false};
};

// One sync from start to finished(). Answers arrive on `context`; once the run is over they are
// ignored by its id and dropped with the context.
struct PullSync::Run
{
    Run(PullSync *sync, quint64 runId)
        : id(runId)
        , relay(std::make_shared<Relay>(sync, runId))
        , context(new QObject(sync))
    {}
    ~Run()
    {
        relay->detach();
        // Not deleted at once: the run may end inside a callback whose sender lives in it.
        context->deleteLater();
    }

    const quint64 id;
    QList<PullTarget> targets;
    int index = 0;
    PullSyncReport report;
    std::shared_ptr<Relay> relay;
    QObject *context;
};

PullSync::PullSync(github::PullStore store, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
{}

PullSync::~PullSync() = default;

int PullSync::index() const
{
    return m_run ? m_run->index : 0;
}

int PullSync::total() const
{
    return m_run ? int(m_run->targets.size()) : 0;
}

bool PullSync::isCurrent(quint64 id) const
{
    return m_run && m_run->id == id;
}

bool PullSync::begin()
{
    if (m_run)
        return false;
    m_run = std::make_unique<Run>(this, ++m_lastId);
    return true;
}

bool PullSync::start(QList<PullTarget> pulls)
{
    if (!begin())
        return false;
    m_run->targets = std::move(pulls);
    m_run->report.total = int(m_run->targets.size());
    next();
    return true;
}

bool PullSync::startAllOpen(github::Client *client, const github::RepoRef &repo,
                            const QString &clonePath)
{
    if (!begin())
        return false;
    const quint64 id = m_run->id;
    client->listOpenPulls(
        repo, m_run->context,
        [this, id, client, repo, clonePath](github::ApiResult<QList<github::PullRequest>> pulls) {
            if (!isCurrent(id))
                return;
            if (!pulls) {
                if (isOfflineError(pulls.error()))
                    m_run->report.offline = pulls.error();
                fail({0, pulls.error().toError(), pulls.error().toString()});
                if (isCurrent(id))
                    finish();
                return;
            }
            for (const github::PullRequest &p : std::as_const(*pulls))
                m_run->targets.append({client, repo, clonePath, p.number});
            m_run->report.total = int(m_run->targets.size());
            next();
        });
    return true;
}

void PullSync::cancel()
{
    if (!m_run)
        return;
    m_run->report.cancelled = true;
    finish();
}

void PullSync::fail(PullSyncFailure failure)
{
    m_run->report.failures.append(failure);
    Q_EMIT pullFailed(failure);
}

void PullSync::finish()
{
    const PullSyncReport report = std::move(m_run->report);
    m_run.reset(); // before the signal: a slot may start the next sync
    Q_EMIT finished(report);
}

void PullSync::next()
{
    Run *run = m_run.get();
    const int total = int(run->targets.size());
    if (run->index >= total) {
        finish();
        return;
    }
    const PullTarget target = run->targets.at(run->index);
    const quint64 id = run->id; // a slot of progress() may cancel: `run` is gone then
    Q_EMIT progress(tr("#%1: reading the pull request (%2 of %3)…")
                        .arg(target.number)
                        .arg(run->index + 1)
                        .arg(total),
                    run->index, total);
    if (!isCurrent(id))
        return;
    github::fetchOfflinePull(
        target.client, target.repo, target.number, run->context,
        [this, id, target](github::ApiResult<github::OfflinePull> pull) {
            if (!isCurrent(id))
                return;
            if (pull) {
                fetchRefs(target, *pull);
                return;
            }
            const bool offline = isOfflineError(pull.error());
            if (offline)
                m_run->report.offline = pull.error();
            fail({target.number, pull.error().toError(),
                  tr("#%1: %2").arg(target.number).arg(pull.error().toString())});
            if (!isCurrent(id))
                return;
            if (offline) // the rest would fail the same way
                m_run->index = int(m_run->targets.size());
            else
                ++m_run->index;
            next();
        });
}

void PullSync::fetchRefs(const PullTarget &target, const github::OfflinePull &pull)
{
    Run *run = m_run.get();
    const int index = run->index, total = int(run->targets.size()), number = target.number;
    const quint64 id = run->id; // a slot of progress() may cancel: `run` is gone then
    Q_EMIT progress(
        tr("#%1: fetching its commits (%2 of %3)…").arg(number).arg(index + 1).arg(total), index,
        total);
    if (!isCurrent(id))
        return;
    const std::shared_ptr<Relay> relay = run->relay;
    const QString path = target.clonePath, base = pull.pull.baseRef;
    auto work = [relay, path, base, number, index, total, tokens = m_tokens] {
        git::NetworkOptions options;
        options.tokens = tokens;
        options.isCancelled = [relay] { return relay->isCancelled(); };
        options.progress = [relay, number, index, total](const git::TransferProgress &p) {
            relay->postProgress(PullSync::tr("#%1: %2 of %3 objects")
                                    .arg(number)
                                    .arg(p.receivedObjects)
                                    .arg(p.totalObjects),
                                index, total);
        };
        Result<void> fetched = platform::fetchPullRefs(path, number, base, options);
        // A refspec that matches nothing is no error for git, but nothing would render.
        if (fetched && !platform::hasPullHead(path, number))
            return Result<void>(kanri::fail(
                Error::Code::NotFound,
                PullSync::tr("origin has no refs/pull/%1/head: the commits of the pull request "
                             "were not fetched")
                    .arg(number)));
        return fetched;
    };
    auto *watcher = new QFutureWatcher<Result<void>>(run->context);
    connect(watcher, &QFutureWatcher<Result<void>>::finished, run->context,
            [this, id, watcher, target, pull] {
                watcher->deleteLater();
                if (!isCurrent(id))
                    return;
                const Result<void> fetched = watcher->result();
                // The store only after the commits: a stored pull request is one that renders.
                if (!fetched) {
                    fail({target.number, fetched.error(),
                          tr("#%1: %2").arg(target.number).arg(fetched.error().toString())});
                } else if (auto stored = m_store.save(target.repo, pull); !stored) {
                    fail({target.number, stored.error(), stored.error().toString()});
                } else {
                    ++m_run->report.done;
                    Q_EMIT pullStored(target, pull);
                }
                if (!isCurrent(id))
                    return;
                ++m_run->index;
                next();
            });
    watcher->setFuture(QtConcurrent::run(taskPool(), std::move(work)));
}

} // namespace kanri::review

#include "platform/livediff.h"

#include "core/fileio.h"
#include "git/gitsnapshot.h"
#include "platform/session.h"

#include <QDir>

#include <QtConcurrent/QtConcurrentRun>

namespace kanri::platform {

namespace {

QList<diff::ResourceText> texts(const kustomize::RenderOutput &out)
{
    QList<diff::ResourceText> list;
    list.reserve(qsizetype(out.resources.size()));
    for (const auto &r : out.resources)
        list.append({r.apiVersion, r.kind, r.nameSpace, r.name, r.yaml, r.originFile});
    return list;
}

struct Job
{
    QList<Environment> environments;
    kustomize::FileOverlay working; // the unsaved buffers, absolute paths
    QString manifestsRoot, accountsRoot;
    quint64 diskEpoch = 0;
};

bool isUnderRoot(const QString &path, const QString &root)
{
    return !root.isEmpty() && path.startsWith(root + QLatin1Char('/'));
}

// The unsaved files below `root`, relative to it.
QStringList bufferedBelow(const kustomize::FileOverlay &working, const QString &root)
{
    QStringList files;
    for (auto it = working.files.cbegin(); it != working.files.cend(); ++it) {
        if (isUnderRoot(it.key(), root))
            files << QDir(root).relativeFilePath(it.key());
    }
    return files;
}

LiveDiff::Outcome cancelledOutcome()
{
    LiveDiff::Outcome outcome;
    outcome.cancelled = true;
    return outcome;
}

} // namespace

// What one repository's HEAD looks like, kept between edits: the files that differ on disk
// (read again after a save), HEAD's bytes of every file asked for, and, for the manifests, the
// HEAD side of each overlay's render. Everything is dropped when HEAD moves. Used by one
// computation at a time, on the worker.
struct LiveDiff::RepositoryHead
{
    QString commit;
    quint64 diskEpoch = 0;
    std::optional<QStringList> changedOnDisk; // relative paths
    QHash<QString, std::optional<QByteArray>> blobs;
    struct Render
    {
        QByteArray key;                                 // the HEAD layer it was rendered with
        std::optional<QList<diff::ResourceText>> texts; // nullopt: HEAD did not render
    };
    QHash<QString, Render> renders; // overlay → HEAD render

    // Opens HEAD and brings the cache up to date. nullopt: no commit yet (nothing to compare).
    std::optional<git::Snapshot> refresh(const QString &root, quint64 epoch)
    {
        auto snapshot = git::Snapshot::open(root, QStringLiteral("HEAD"));
        if (!snapshot)
            return std::nullopt;
        if (snapshot->commitId() != commit) {
            *this = RepositoryHead();
            commit = snapshot->commitId();
        }
        if (!changedOnDisk || diskEpoch != epoch) {
            changedOnDisk = snapshot->changedInWorkTree().value_or(QStringList());
            diskEpoch = epoch;
        }
        return std::move(*snapshot);
    }

    std::optional<QByteArray> blob(const git::Snapshot &snapshot, const QString &file)
    {
        auto it = blobs.constFind(file);
        if (it == blobs.constEnd())
            it = blobs.insert(file, snapshot.read(file).value_or(std::nullopt));
        return *it;
    }

    // Files that differ from HEAD on disk or in the buffers, sorted.
    QStringList changedFiles(const QStringList &buffered) const
    {
        QStringList files = changedOnDisk.value_or(QStringList());
        for (const QString &file : buffered) {
            if (!files.contains(file))
                files << file;
        }
        files.sort();
        return files;
    }
};

namespace {

// The accounts files that differ from HEAD, on disk or in the buffers, as text diffs.
QList<LiveDiff::FileDiff> accountsDiffs(const Job &job, LiveDiff::RepositoryHead &head,
                                        const std::atomic_bool *cancel)
{
    QList<LiveDiff::FileDiff> out;
    if (job.accountsRoot.isEmpty())
        return out;
    auto snapshot = head.refresh(job.accountsRoot, job.diskEpoch);
    if (!snapshot)
        return out; // a repository without commits has nothing to compare with
    const QDir root(job.accountsRoot);
    for (const QString &file : head.changedFiles(bufferedBelow(job.working, job.accountsRoot))) {
        if (cancel->load())
            return {};
        const QByteArray before = head.blob(*snapshot, file).value_or(QByteArray());
        QByteArray after;
        if (auto it = job.working.files.constFind(root.filePath(file));
            it != job.working.files.cend())
            after = it->value_or(QByteArray()); // nullopt: deleted
        else
            after = readFile(root.filePath(file)).value_or(QByteArray());
        auto hunks = diff::diffLines({before, after});
        if (!hunks.isEmpty())
            out.append({file, std::move(hunks)});
    }
    return out;
}

LiveDiff::Outcome compute(const Session *session, const Job &job,
                          LiveDiff::RepositoryHead &accounts, LiveDiff::RepositoryHead &manifests,
                          const std::atomic_bool *cancel)
{
    LiveDiff::Outcome outcome;
    outcome.accounts = accountsDiffs(job, accounts, cancel);
    if (job.environments.isEmpty())
        return cancel->load() ? cancelledOutcome() : outcome;

    // The HEAD side: the working tree with every file that differs from HEAD read from HEAD
    // (or hidden, when HEAD lacks it). Its render only changes when that layer does.
    kustomize::FileOverlay head;
    QByteArray key;
    if (auto snapshot = manifests.refresh(job.manifestsRoot, job.diskEpoch)) {
        const QDir root(job.manifestsRoot);
        key = manifests.commit.toLatin1();
        for (const QString &file :
             manifests.changedFiles(bufferedBelow(job.working, job.manifestsRoot))) {
            const std::optional<QByteArray> bytes = manifests.blob(*snapshot, file);
            head.files.insert(root.filePath(file), bytes);
            key += '\n' + file.toUtf8() + ' ' +
                   (bytes ? QByteArray::number(qHash(*bytes), 16) : QByteArray("-"));
        }
    }

    QList<LiveDiff::EnvironmentDiff> &results = outcome.environments;
    for (const Environment &env : job.environments) {
        if (cancel->load())
            return cancelledOutcome();
        LiveDiff::EnvironmentDiff d;
        d.environment = env.name;
        d.overlay = env.overlay;
        LiveDiff::RepositoryHead::Render &before = manifests.renders[env.overlay];
        if (before.key.isEmpty() || before.key != key) {
            auto rendered = session->render(env.overlay, head, cancel);
            if (!rendered && rendered.error().code == Error::Code::Cancelled)
                return cancelledOutcome();
            before.key = key;
            before.texts = rendered ? std::optional(texts(*rendered)) : std::nullopt;
        }
        auto after = session->render(env.overlay, job.working, cancel);
        if (!after) {
            if (after.error().code == Error::Code::Cancelled)
                return cancelledOutcome();
            d.error = after.error().toString();
        } else {
            d.diff = diff::diffRenders(before.texts.value_or(QList<diff::ResourceText>()),
                                       texts(*after));
        }
        results.append(d);
    }
    if (cancel->load())
        return cancelledOutcome();
    return outcome;
}

} // namespace

LiveDiff::LiveDiff(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_accountsHead(std::make_shared<RepositoryHead>())
    , m_manifestsHead(std::make_shared<RepositoryHead>())
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(120);
    connect(&m_timer, &QTimer::timeout, this, &LiveDiff::start);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &LiveDiff::finished);
    connect(m_session->buffers(), &EditBuffers::fileChanged, this, &LiveDiff::schedule);
    connect(m_session, &Session::diskChanged, this, [this] {
        ++m_diskEpoch;
        schedule();
    });
}

LiveDiff::~LiveDiff()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void LiveDiff::setService(int service)
{
    if (service == m_service)
        return;
    m_service = service;
    m_results.clear();
    Q_EMIT updated();
    schedule();
}

void LiveDiff::schedule()
{
    ++m_generation;
    if (m_cancel)
        m_cancel->store(true); // the render in flight is out of date
    m_timer.start();
}

void LiveDiff::start()
{
    if (m_watcher.isRunning()) {
        m_timer.start(); // wait for the cancelled render to wind down
        return;
    }
    const Catalog &catalog = m_session->catalog();
    Job job;
    if (m_service >= 0 && m_service < catalog.services.size())
        job.environments = catalog.services.at(m_service).environments;
    job.working = kustomize::FileOverlay{m_session->buffers()->overlay()};
    job.manifestsRoot = catalog.manifestsRoot;
    job.accountsRoot = catalog.accountsRoot;
    job.diskEpoch = m_diskEpoch;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_runningGeneration = m_generation;
    const Session *session = m_session;
    // The caches are only touched by the computation, and one runs at a time.
    m_watcher.setFuture(QtConcurrent::run([session, job = std::move(job), cancel = m_cancel,
                                           accounts = m_accountsHead, manifests = m_manifestsHead] {
        return compute(session, job, *accounts, *manifests, cancel.get());
    }));
}

void LiveDiff::finished()
{
    if (m_runningGeneration != m_generation || m_watcher.future().resultCount() == 0)
        return; // a newer edit is already scheduled
    Outcome outcome = m_watcher.result();
    if (outcome.cancelled)
        return;
    QList<EnvironmentDiff> &results = outcome.environments;
    // A working side that does not render keeps the previous diff in place, with the error.
    for (EnvironmentDiff &r : results) {
        if (r.error.isEmpty())
            continue;
        for (const EnvironmentDiff &old : std::as_const(m_results)) {
            if (old.overlay == r.overlay)
                r.diff = old.diff;
        }
    }
    m_results = results;
    m_accounts = std::move(outcome.accounts);
    Q_EMIT updated();
}

void LiveDiff::computeNow()
{
    m_timer.stop();
    start();
    m_watcher.waitForFinished();
    finished();
}

} // namespace kanri::platform

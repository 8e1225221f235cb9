#include "platform/livediff.h"

#include "core/fileio.h"
#include "git/gitsnapshot.h"
#include "platform/renderpipeline.h"
#include "platform/session.h"

#include <QDir>

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

} // namespace

// What one repository's HEAD looks like, kept between edits: the files that differ on disk
// (read again after a save) and HEAD's bytes of every file asked for. Everything is dropped
// when HEAD moves. Used by one computation at a time, on the worker.
struct LiveDiff::RepositoryHead
{
    QString commit;
    quint64 diskEpoch = 0;
    std::optional<QStringList> changedOnDisk; // relative paths
    QHash<QString, std::optional<QByteArray>> blobs;

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

LiveDiff::Outcome compute(RenderPipeline &pipeline, const Job &job,
                          LiveDiff::RepositoryHead &accounts, LiveDiff::RepositoryHead &manifests,
                          const std::atomic_bool *cancel)
{
    LiveDiff::Outcome outcome;
    outcome.accounts = accountsDiffs(job, accounts, cancel);
    if (job.environments.isEmpty() || cancel->load())
        return outcome;

    // The HEAD side: the working tree with every file that differs from HEAD read from HEAD
    // (or hidden, when HEAD lacks it). The pipeline keeps its render while that layer holds.
    kustomize::FileOverlay head;
    if (auto snapshot = manifests.refresh(job.manifestsRoot, job.diskEpoch)) {
        const QDir root(job.manifestsRoot);
        for (const QString &file :
             manifests.changedFiles(bufferedBelow(job.working, job.manifestsRoot)))
            head.files.insert(root.filePath(file), manifests.blob(*snapshot, file));
    }

    const QDir root(job.manifestsRoot);
    for (const Environment &env : job.environments) {
        if (cancel->load())
            return outcome; // never delivered
        LiveDiff::EnvironmentDiff d;
        d.environment = env.name;
        d.overlay = env.overlay;
        const QString dir = root.filePath(env.overlay);
        auto before = pipeline.render(dir, head, cancel);
        auto after = pipeline.render(dir, job.working, cancel);
        if (!after) {
            d.error = after.error().toString();
        } else {
            d.diff = diff::diffRenders(before ? texts(**before) : QList<diff::ResourceText>(),
                                       texts(**after));
        }
        outcome.environments.append(d);
    }
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
    connect(m_session->buffers(), &EditBuffers::fileChanged, this, &LiveDiff::schedule);
    connect(m_session, &Session::diskChanged, this, [this] {
        ++m_diskEpoch;
        schedule();
    });
}

// A computation in flight owns what it reads (the pipeline, the HEAD caches, its job).
LiveDiff::~LiveDiff() = default;

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
    m_run.cancel(); // the computation in flight is out of date
    m_timer.start();
}

void LiveDiff::start()
{
    if (m_run.isWorking()) {
        m_timer.start(); // wait for the superseded computation to wind down
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
    m_run.start(
        [pipeline = m_session->pipeline(), job = std::move(job), accounts = m_accountsHead,
         manifests = m_manifestsHead](const std::atomic_bool &cancel) {
            return compute(*pipeline, job, *accounts, *manifests, &cancel);
        },
        [this](Outcome outcome) { finished(std::move(outcome)); });
}

void LiveDiff::finished(Outcome outcome)
{
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
    m_run.cancel();
    m_run.waitForDone();
    start();
    m_run.waitForDone();
}

} // namespace kanri::platform

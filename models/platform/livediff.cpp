#include "livediff.h"

#include "fileio.h"
#include "gitsnapshot.h"
#include "session.h"

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
    kustomize::FileOverlay head, working;
    QString accountsRoot;
    QHash<QString, QByteArray> accountsBuffers; // relative path → unsaved content
};

bool isUnderRoot(const QString &path, const QString &root)
{
    return !root.isEmpty() && path.startsWith(root + QLatin1Char('/'));
}

// The accounts files that differ from HEAD, on disk or in the buffers, as text diffs. Read on
// the worker: git and the disk are not touched on the GUI thread.
QList<LiveDiff::FileDiff> accountsDiffs(const Job &job, const std::atomic_bool *cancel)
{
    QList<LiveDiff::FileDiff> out;
    if (job.accountsRoot.isEmpty())
        return out;
    auto snapshot = git::Snapshot::open(job.accountsRoot, QStringLiteral("HEAD"));
    if (!snapshot)
        return out; // a repository without commits has nothing to compare with
    QStringList files = snapshot->changedInWorkTree().value_or(QStringList());
    for (auto it = job.accountsBuffers.cbegin(); it != job.accountsBuffers.cend(); ++it)
        if (!files.contains(it.key()))
            files << it.key();
    files.sort();
    for (const QString &file : std::as_const(files)) {
        if (cancel->load())
            return {};
        const QByteArray before =
            snapshot->read(file).value_or(std::nullopt).value_or(QByteArray());
        QByteArray after;
        if (auto it = job.accountsBuffers.constFind(file); it != job.accountsBuffers.cend())
            after = *it;
        else
            after = readFile(QDir(job.accountsRoot).filePath(file)).value_or(QByteArray());
        auto hunks = diff::diffLines({before, after});
        if (!hunks.isEmpty())
            out.append({file, std::move(hunks)});
    }
    return out;
}

LiveDiff::Outcome cancelledOutcome()
{
    LiveDiff::Outcome outcome;
    outcome.cancelled = true;
    return outcome;
}

LiveDiff::Outcome compute(const Session *session, const Job &job, const std::atomic_bool *cancel)
{
    LiveDiff::Outcome outcome;
    outcome.accounts = accountsDiffs(job, cancel);
    QList<LiveDiff::EnvironmentDiff> &results = outcome.environments;
    for (const Environment &env : job.environments) {
        if (cancel->load())
            return cancelledOutcome();
        LiveDiff::EnvironmentDiff d;
        d.environment = env.name;
        d.overlay = env.overlay;
        auto before = session->render(env.overlay, job.head, cancel);
        auto after = session->render(env.overlay, job.working, cancel);
        if (!after) {
            if (after.error().code == Error::Code::Cancelled)
                return cancelledOutcome();
            d.error = after.error().toString();
        } else {
            d.diff = diff::diffRenders(before ? texts(*before) : QList<diff::ResourceText>(),
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
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(120);
    connect(&m_timer, &QTimer::timeout, this, &LiveDiff::start);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &LiveDiff::finished);
    connect(m_session->buffers(), &EditBuffers::fileChanged, this, &LiveDiff::schedule);
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
    const auto &services = m_session->catalog().services;
    Job job;
    if (m_service >= 0 && m_service < services.size()) {
        job.environments = services.at(m_service).environments;
        auto head = m_session->overlayFor(Side::Head);
        if (!head) {
            Q_EMIT failed(head.error().toString());
            return;
        }
        job.head = std::move(*head);
        job.working = *m_session->overlayFor(Side::Working);
    }
    job.accountsRoot = m_session->catalog().accountsRoot;
    const kustomize::FileOverlay buffers = *m_session->overlayFor(Side::Working);
    for (auto it = buffers.files.cbegin(); it != buffers.files.cend(); ++it)
        if (isUnderRoot(it.key(), job.accountsRoot))
            job.accountsBuffers.insert(QDir(job.accountsRoot).relativeFilePath(it.key()),
                                       it.value().value_or(QByteArray())); // nullopt: deleted
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_runningGeneration = m_generation;
    const Session *session = m_session;
    auto cancel = m_cancel;
    m_watcher.setFuture(QtConcurrent::run(
        [session, job = std::move(job), cancel] { return compute(session, job, cancel.get()); }));
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

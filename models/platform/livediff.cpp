#include "livediff.h"

#include "session.h"

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
};

QList<LiveDiff::EnvironmentDiff> compute(const Session *session, const Job &job,
                                         const std::atomic_bool *cancel)
{
    QList<LiveDiff::EnvironmentDiff> results;
    for (const Environment &env : job.environments) {
        if (cancel->load())
            return {};
        LiveDiff::EnvironmentDiff d;
        d.environment = env.name;
        d.overlay = env.overlay;
        auto before = session->render(env.overlay, job.head, cancel);
        auto after = session->render(env.overlay, job.working, cancel);
        if (!after) {
            if (after.error().code == Error::Code::Cancelled)
                return {};
            d.error = after.error().toString();
        } else {
            d.diff = diff::diffRenders(before ? texts(*before) : QList<diff::ResourceText>(),
                                       texts(*after));
        }
        results.append(d);
    }
    return results;
}

} // namespace

LiveDiff::LiveDiff(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(120);
    connect(&m_timer, &QTimer::timeout, this, &LiveDiff::start);
    connect(&m_watcher, &QFutureWatcher<QList<EnvironmentDiff>>::finished, this,
            &LiveDiff::finished);
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
    if (m_service < 0 || m_service >= services.size()) {
        m_results.clear();
        Q_EMIT updated();
        return;
    }
    Job job;
    job.environments = services.at(m_service).environments;
    auto head = m_session->overlayFor(Side::Head);
    if (!head) {
        Q_EMIT failed(head.error().toString());
        return;
    }
    job.head = std::move(*head);
    job.working = *m_session->overlayFor(Side::Working);
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
    QList<EnvironmentDiff> results = m_watcher.result();
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

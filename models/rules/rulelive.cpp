#include "rules/rulelive.h"

#include "core/fileio.h"
#include "kustomize/renderer.h"
#include "platform/session.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QUndoStack>
#include <QtConcurrentRun>

#include <algorithm>

namespace kanri::platform {

namespace {

// services/<name>/<overlays>/<env>/kustomization.yaml as the default layout writes it.
const QRegularExpression &overlayPattern()
{
    static const QRegularExpression rx(
        QStringLiteral("^services/([^/]+)/overlays/([^/]+)/kustomization\\.ya?ml$"));
    return rx;
}

} // namespace

LiveLintInput liveLintInput(Session &session)
{
    // The session's catalog follows the buffers (CODEOWNERS as edited included).
    LiveLintInput input{session.catalog(), session.buffers()->overlay()};
    Catalog &c = input.catalog;
    if (c.manifestsRoot.isEmpty())
        return input;
    QStringList paths = input.edits.keys();
    paths.sort();
    QSet<QString> fromBuffers; // services whose overlays are being added here
    for (const QString &path : std::as_const(paths)) {
        if (!input.edits.value(path))
            continue;
        const QString rel = QDir(c.manifestsRoot).relativeFilePath(path);
        const QRegularExpressionMatch m = overlayPattern().match(rel);
        if (!m.hasMatch())
            continue;
        const QString name = m.captured(1);
        if (const Service *known = c.service(name);
            known && !known->environments.isEmpty() && !fromBuffers.contains(name))
            continue;
        fromBuffers.insert(name);
        auto it = std::find_if(c.services.begin(), c.services.end(),
                               [&](const Service &s) { return s.name == name; });
        if (it == c.services.end()) {
            Service s;
            s.name = name;
            s.path = QStringLiteral("services/") + name;
            s.microservice = c.microserviceIndex(name);
            c.services << s;
            it = c.services.end() - 1;
        }
        // The renderer takes folders that only unsaved files make as folders: the new
        // service's overlays render (and are checked) before they are saved.
        it->environments << Environment{m.captured(2), name, QFileInfo(rel).path(), {}};
    }
    return input;
}

Result<LintResult> lintLive(const LiveLintInput &input, kustomize::Renderer *renderer,
                            const std::atomic_bool *cancel)
{
    const kustomize::FileOverlay overlay{input.edits};
    const SourceReader read = [&input](const QString &path) -> Result<QByteArray> {
        if (auto it = input.edits.constFind(path); it != input.edits.constEnd()) {
            if (!*it)
                return failAt(Error::Code::NotFound, QStringLiteral("no such file"), path);
            return **it;
        }
        return readFile(path);
    };
    const Linter linter(
        [&](const QString &dir) -> Result<QByteArray> {
            if (cancel && cancel->load())
                return fail(Error::Code::Cancelled, QStringLiteral("cancelled"));
            auto out = renderer->render(dir, {}, &overlay, cancel);
            if (!out)
                return std::unexpected(out.error());
            return out->text;
        },
        read, input.edits);
    auto result = linter.lint(input.catalog);
    if (cancel && cancel->load())
        return fail(Error::Code::Cancelled, QStringLiteral("cancelled"));
    return result;
}

QList<Finding> newFindings(const QList<Finding> &before, const QList<Finding> &after)
{
    QHash<QString, int> counts;
    for (const Finding &f : before)
        counts[f.identity()] += 1;
    QList<Finding> out;
    for (const Finding &f : after) {
        int &n = counts[f.identity()];
        if (n > 0) {
            --n;
            continue;
        }
        out << f;
    }
    return out;
}

struct LiveLinter::Run
{
    std::shared_ptr<std::atomic_bool> cancel = std::make_shared<std::atomic_bool>(false);
    // Deleted later: the run ends inside the watcher's own finished() signal.
    QFutureWatcher<Result<LintResult>> &watcher = *new QFutureWatcher<Result<LintResult>>;
    ~Run() { watcher.deleteLater(); }
    bool clean = false; // the edits were at the saved state when the check started
    int generation = 0;
};

LiveLinter::LiveLinter(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(300);
    connect(&m_timer, &QTimer::timeout, this, &LiveLinter::start);
}

LiveLinter::~LiveLinter()
{
    cancelRunning();
}

void LiveLinter::cancelRunning()
{
    if (!m_running)
        return;
    m_running->cancel->store(true);
    m_running->watcher.disconnect(this);
    // The worker never waits on this thread, so waiting here cannot deadlock; it returns
    // soon because the renderer polls the flag.
    m_running->watcher.waitForFinished();
    m_running.reset();
    Q_EMIT checkingChanged(false);
}

void LiveLinter::setSession(Session *session)
{
    if (m_session == session)
        return;
    m_timer.stop();
    cancelRunning();
    if (m_session) {
        m_session->buffers()->disconnect(this);
        m_session->buffers()->undoStack()->disconnect(this);
    }
    m_session = session;
    m_pending = false;
    m_hasResult = false;
    m_result = {};
    m_baseline.clear();
    Q_EMIT findingsChanged();
    if (!m_session)
        return;
    connect(m_session->buffers(), &EditBuffers::fileChanged, this, &LiveLinter::schedule);
    connect(m_session->buffers()->undoStack(), &QUndoStack::cleanChanged, this,
            &LiveLinter::schedule);
    checkNow();
}

void LiveLinter::schedule()
{
    if (!m_session)
        return;
    ++m_generation;
    if (m_running) {
        // The running check is already stale: stop it now, check again after the delay.
        m_running->cancel->store(true);
        m_pending = true;
    }
    m_timer.start();
}

void LiveLinter::checkNow()
{
    if (!m_session)
        return;
    m_timer.stop();
    if (m_running) {
        m_running->cancel->store(true);
        m_pending = true;
        return;
    }
    start();
}

void LiveLinter::start()
{
    if (!m_session)
        return;
    if (m_running) {
        m_pending = true; // start again when the cancelled one has returned
        return;
    }
    m_pending = false;
    auto run = std::make_unique<Run>();
    run->clean = !m_session->buffers()->isModified();
    run->generation = m_generation;
    Run *raw = run.get();
    connect(&run->watcher, &QFutureWatcher<Result<LintResult>>::finished, this,
            [this, raw] { finished(raw); });
    kustomize::Renderer *renderer = m_session->renderer();
    run->watcher.setFuture(
        QtConcurrent::run([input = liveLintInput(*m_session), renderer, cancel = run->cancel]() {
            return lintLive(input, renderer, cancel.get());
        }));
    const bool wasRunning = m_running != nullptr;
    m_running = std::move(run);
    if (!wasRunning)
        Q_EMIT checkingChanged(true);
}

void LiveLinter::finished(Run *run)
{
    if (m_running.get() != run)
        return;
    std::unique_ptr<Run> done = std::move(m_running);
    const Result<LintResult> &result = done->watcher.future().result();
    const bool stale = done->cancel->load() || done->generation != m_generation;
    if (!stale) {
        if (result) {
            m_result = *result;
            m_hasResult = true;
            if (done->clean)
                m_baseline = m_result.findings;
            Q_EMIT findingsChanged();
        } else if (result.error().code != Error::Code::Cancelled) {
            Q_EMIT checkFailed(result.error().toString());
        }
    }
    if (m_pending || stale) {
        if (!m_timer.isActive())
            start();
        else
            Q_EMIT checkingChanged(false);
        return;
    }
    Q_EMIT checkingChanged(false);
}

} // namespace kanri::platform

#include "rules/rulelive.h"

#include "core/fileio.h"
#include "platform/renderpipeline.h"
#include "platform/session.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QUndoStack>

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

Result<LintResult> lintLive(const LiveLintInput &input, RenderPipeline *pipeline,
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
            auto out = pipeline->render(dir, overlay, cancel);
            if (!out)
                return std::unexpected(out.error());
            return (*out)->text;
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

LiveLinter::LiveLinter(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(300);
    connect(&m_timer, &QTimer::timeout, this, &LiveLinter::start);
}

// A check in flight owns its input and the pipeline: it is dropped, not waited for.
LiveLinter::~LiveLinter() = default;

void LiveLinter::setChecking(bool checking)
{
    if (checking == m_checking)
        return;
    m_checking = checking;
    Q_EMIT checkingChanged(checking);
}

void LiveLinter::setSession(Session *session)
{
    if (m_session == session)
        return;
    m_timer.stop();
    m_run.cancel();
    setChecking(false);
    if (m_session) {
        m_session->buffers()->disconnect(this);
        m_session->buffers()->undoStack()->disconnect(this);
    }
    m_session = session;
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
    m_run.cancel(); // the running check is already stale: check again after the delay
    m_timer.start();
}

void LiveLinter::checkNow()
{
    if (!m_session)
        return;
    m_timer.stop();
    start();
}

void LiveLinter::start()
{
    if (!m_session)
        return;
    const bool clean = !m_session->buffers()->isModified();
    m_run.start( // supersedes a check in flight
        [input = liveLintInput(*m_session), pipeline = m_session->pipeline()](
            const std::atomic_bool &cancel) { return lintLive(input, pipeline.get(), &cancel); },
        [this, clean](const Result<LintResult> &result) { finished(result, clean); });
    setChecking(true);
}

void LiveLinter::finished(const Result<LintResult> &result, bool clean)
{
    if (result) {
        m_result = *result;
        m_hasResult = true;
        if (clean)
            m_baseline = m_result.findings;
        Q_EMIT findingsChanged();
    } else if (result.error().code != Error::Code::Cancelled) {
        Q_EMIT checkFailed(result.error().toString());
    }
    setChecking(false);
}

} // namespace kanri::platform

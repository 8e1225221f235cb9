#include "platform/tfimpactlive.h"

#include "platform/session.h"

#include <QDir>
#include <QFileInfo>

namespace kanri::platform {

bool isTerraformFile(const QString &path)
{
    return path.endsWith(QLatin1String(".tf")) || path.endsWith(QLatin1String(".tfvars")) ||
           path.endsWith(QLatin1String(".tf.json")) || path.endsWith(QLatin1String(".tfvars.json"));
}

terraform::TfFiles layered(terraform::TfFiles files, const QString &root, const FileLayer &layer)
{
    const QDir dir(root);
    const QString prefix = QDir::cleanPath(root) + QLatin1Char('/');
    for (auto it = layer.cbegin(); it != layer.cend(); ++it) {
        if (!it.key().startsWith(prefix) || !isTerraformFile(it.key()))
            continue;
        const QString relative = dir.relativeFilePath(it.key());
        // Hidden folders and .terraform are not part of the module (readModuleFiles).
        if (relative.startsWith(QLatin1Char('.')) || relative.contains(QLatin1String("/.")))
            continue;
        if (it.value())
            files.insert(relative, *it.value());
        else
            files.remove(relative);
    }
    return files;
}

namespace {

Result<std::optional<terraform::Impact>> compare(const terraform::TfFiles &before,
                                                 const terraform::TfFiles &after,
                                                 const std::atomic_bool *cancel)
{
    if (before == after)
        return std::optional<terraform::Impact>();
    auto impact = terraform::computeImpact(before, after, cancel);
    if (!impact)
        return std::unexpected(impact.error());
    return std::optional<terraform::Impact>(std::move(*impact));
}

} // namespace

Result<std::optional<terraform::Impact>>
workingTreeImpact(const QString &root, const FileLayer &layer, const std::atomic_bool *cancel)
{
    auto head = terraform::readModuleFilesAtRef(root, QStringLiteral("HEAD"));
    if (!head)
        return std::unexpected(head.error());
    auto working = terraform::readModuleFiles(root);
    if (!working)
        return std::unexpected(working.error());
    return compare(*head, layered(std::move(*working), root, layer), cancel);
}

Result<std::optional<terraform::Impact>> changeImpact(const QString &root, const FileLayer &layer,
                                                      const FileLayer &before,
                                                      const FileLayer &after,
                                                      const std::atomic_bool *cancel)
{
    auto working = terraform::readModuleFiles(root);
    if (!working)
        return std::unexpected(working.error());
    const terraform::TfFiles now = layered(std::move(*working), root, layer);
    return compare(layered(now, root, before), layered(now, root, after), cancel);
}

Result<std::optional<terraform::Impact>> revisionImpact(const QString &root, const QString &base,
                                                        const QString &head,
                                                        const std::atomic_bool *cancel)
{
    auto before = terraform::readModuleFilesAtRef(root, base);
    if (!before)
        return std::unexpected(before.error());
    auto after = terraform::readModuleFilesAtRef(root, head);
    if (!after)
        return std::unexpected(after.error());
    return compare(*before, *after, cancel);
}

TfImpactLive::TfImpactLive(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_root(session->catalog().accountsRoot)
{
    const Workspace &ws = session->catalog().workspace;
    const RepositorySpec *spec = ws.repository(RepositoryRole::Accounts);
    m_label = spec ? spec->name : QFileInfo(m_root).fileName();
    m_timer.setSingleShot(true);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &TfImpactLive::start);
    // Only edits of Terraform files of the accounts repository can change the impact.
    connect(m_session->buffers(), &EditBuffers::fileChanged, this, [this](const QString &path) {
        if (!m_root.isEmpty() && path.startsWith(m_root + QLatin1Char('/')) &&
            isTerraformFile(path))
            schedule();
    });
    connect(m_session, &Session::diskChanged, this, &TfImpactLive::schedule);
    schedule();
}

// A computation in flight owns what it reads (its copies of the root and the buffers).
TfImpactLive::~TfImpactLive() = default;

void TfImpactLive::schedule()
{
    if (m_root.isEmpty())
        return;
    m_run.cancel();
    m_timer.start();
}

void TfImpactLive::start()
{
    const QString root = m_root;
    FileLayer layer = m_session->buffers()->overlay();
    m_run.start(
        [root, layer = std::move(layer)](const std::atomic_bool &cancel) {
            return workingTreeImpact(root, layer, &cancel);
        },
        [this](Outcome outcome) { finished(std::move(outcome)); });
}

void TfImpactLive::finished(Outcome outcome)
{
    if (!outcome) {
        if (outcome.error().code == Error::Code::Cancelled)
            return;
        m_state = State::Failed;
        m_error = outcome.error().toString();
    } else if (!*outcome) {
        m_state = State::Unchanged;
        m_impact = {};
        m_error.clear();
    } else {
        m_state = State::Ready;
        m_impact = std::move(**outcome);
        m_error.clear();
    }
    Q_EMIT updated();
}

void TfImpactLive::computeNow()
{
    m_timer.stop();
    m_run.cancel();
    m_run.waitForDone();
    start();
    m_run.waitForDone();
}

} // namespace kanri::platform

#include "platform/session.h"

#include "core/fileio.h"
#include "git/gitsnapshot.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace kanri::platform {

namespace {

bool isKustomizationFile(const QString &relativePath)
{
    const QString name = relativePath.section(QLatin1Char('/'), -1);
    return name == QLatin1String("kustomization.yaml") ||
           name == QLatin1String("kustomization.yml") || name == QLatin1String("Kustomization");
}

bool isUnder(const QString &path, const QString &root)
{
    return !root.isEmpty() && path.startsWith(root + QLatin1Char('/'));
}

std::optional<int> intAt(const yaml::Value &v, std::initializer_list<std::string_view> path)
{
    const yaml::Value *node = v.at(path);
    if (!node || !node->isScalar())
        return std::nullopt;
    bool ok = false;
    const int n = QString::fromStdString(node->text).toInt(&ok);
    return ok ? std::optional<int>(n) : std::nullopt;
}

// "registry/app:1.2" → {"registry/app", "1.2"}; a digest or no tag gives an empty tag.
std::pair<QString, QString> splitImage(const QString &image)
{
    const qsizetype at = image.indexOf(QLatin1Char('@'));
    if (at >= 0)
        return {image.left(at), QString()};
    const qsizetype colon = image.lastIndexOf(QLatin1Char(':'));
    if (colon > image.lastIndexOf(QLatin1Char('/')))
        return {image.left(colon), image.mid(colon + 1)};
    return {image, QString()};
}

QJsonValue defaultFor(const hcl::FieldSchema &field)
{
    if (field.defaultValue)
        return *field.defaultValue;
    if (field.type == QLatin1String("bool"))
        return false;
    if (field.type == QLatin1String("number"))
        return 0;
    if (field.type.startsWith(QLatin1String("list")) || field.type.startsWith(QLatin1String("set")))
        return QJsonArray();
    return QString();
}

QString text(const yaml::Value *v)
{
    return v && v->isScalar() && !v->isNull() ? QString::fromStdString(v->text) : QString();
}

// The containers of a rendered Deployment; `base` is the file that defines it (document
// `document`), for the image names as written there.
QList<ContainerValues> containerValues(const yaml::Value &deployment,
                                       const yaml::YamlDocument &base, int document)
{
    QList<ContainerValues> list;
    const yaml::Value *containers = deployment.at({"spec", "template", "spec", "containers"});
    if (!containers || !containers->isSeq())
        return list;
    for (const yaml::Value &c : containers->items) {
        ContainerValues cv;
        cv.name = text(c.get("name"));
        std::tie(cv.image, cv.imageTag) = splitImage(text(c.get("image")));
        if (document >= 0) {
            const auto written = base.scalar({"spec", "template", "spec", "containers",
                                              QStringLiteral("name=") + cv.name, "image"},
                                             document);
            cv.baseImage = splitImage(written.value_or(QString())).first;
        }
        if (cv.baseImage.isEmpty())
            cv.baseImage = cv.image;
        if (const yaml::Value *env = c.get("env"); env && env->isSeq()) {
            for (const yaml::Value &e : env->items) {
                EnvVarValue ev;
                ev.name = text(e.get("name"));
                ev.value = text(e.get("value"));
                if (const yaml::Value *from = e.get("valueFrom"); from && from->isMap()) {
                    for (const yaml::MapEntry &ref : from->entries) {
                        const QString name = text(ref.value.get("name"));
                        const QString key = text(ref.value.get("key"));
                        const QString field = text(ref.value.get("fieldPath"));
                        QString what = name;
                        if (!key.isEmpty())
                            what += QLatin1Char('/') + key;
                        if (!field.isEmpty())
                            what = field;
                        ev.source = QString::fromStdString(ref.key) + QLatin1Char(' ') + what;
                    }
                }
                cv.env.append(ev);
            }
        }
        cv.cpuRequest = text(c.at({"resources", "requests", "cpu"}));
        cv.cpuLimit = text(c.at({"resources", "limits", "cpu"}));
        cv.memoryRequest = text(c.at({"resources", "requests", "memory"}));
        cv.memoryLimit = text(c.at({"resources", "limits", "memory"}));
        list.append(cv);
    }
    return list;
}

// What the tables show of one environment, from its render. `layer` holds the unsaved files
// (read before the disk). Touches nothing but its arguments: runs on worker threads.
EnvironmentValues environmentValues(const Result<RenderPipeline::Output> &rendered,
                                    const kustomize::FileOverlay &layer)
{
    EnvironmentValues v;
    v.rendered = true;
    if (!rendered) {
        v.error = rendered.error().toString();
        return v;
    }
    const kustomize::RenderOutput *out = rendered->get();
    auto read = [&layer](const QString &path) -> std::optional<QByteArray> {
        if (auto it = layer.files.constFind(path); it != layer.files.constEnd())
            return *it;
        auto bytes = readFile(path);
        return bytes ? std::optional<QByteArray>(*bytes) : std::nullopt;
    };
    auto baseName = [&read](const kustomize::RenderedResource &r, const char *kind) {
        if (!r.originFile.isEmpty()) {
            if (auto bytes = read(r.originFile)) {
                if (auto doc = yaml::YamlDocument::parse(*bytes, r.originFile)) {
                    const int d = doc->findDocument(QString::fromLatin1(kind));
                    if (d >= 0) {
                        if (auto name = doc->scalar({"metadata", "name"}, d))
                            return std::make_pair(*name, *doc);
                    }
                }
            }
        }
        return std::make_pair(r.name, yaml::YamlDocument());
    };
    v.resources.reserve(qsizetype(out->resources.size()));
    for (const kustomize::RenderedResource &r : out->resources)
        v.resources.append({r.apiVersion, r.kind, r.nameSpace, r.name});
    for (const kustomize::RenderedResource &r : out->resources) {
        if (r.kind == QLatin1String("Deployment") && v.deploymentName.isEmpty()) {
            auto [name, doc] = baseName(r, "Deployment");
            v.deploymentName = name;
            v.deploymentApiVersion = r.apiVersion;
            v.replicas = intAt(r.value, {"spec", "replicas"});
            v.deploymentFile = r.originFile;
            if (const yaml::Value *containers =
                    r.value.at({"spec", "template", "spec", "containers"});
                containers && containers->isSeq() && !containers->items.empty()) {
                const auto [image, tag] =
                    splitImage(QString::fromStdString(containers->items.front().str({"image"})));
                v.image = image;
                v.imageTag = tag;
            }
            const int d = doc.findDocument(QStringLiteral("Deployment"));
            v.containers = containerValues(r.value, doc, d);
            const auto written =
                d >= 0 ? doc.scalar({"spec", "template", "spec", "containers", 0, "image"}, d)
                       : Result<QString>(QString());
            v.baseImage = splitImage(written.value_or(QString())).first;
            if (v.baseImage.isEmpty())
                v.baseImage = v.image;
        } else if (r.kind == QLatin1String("HorizontalPodAutoscaler") && v.hpaName.isEmpty()) {
            v.hpaName = baseName(r, "HorizontalPodAutoscaler").first;
            v.hpaApiVersion = r.apiVersion;
            v.hpaMin = intAt(r.value, {"spec", "minReplicas"});
            v.hpaMax = intAt(r.value, {"spec", "maxReplicas"});
        }
    }
    return v;
}

// Sets the session's patch for the edit in progress, and clears it when the edit is done.
class PatchScope
{
public:
    using Patch = std::function<void(const QString &, EnvironmentValues &)>;
    PatchScope(Patch &slot, Patch patch)
        : m_slot(slot)
    {
        m_slot = std::move(patch);
    }
    ~PatchScope() { m_slot = nullptr; }
    PatchScope(const PatchScope &) = delete;
    PatchScope &operator=(const PatchScope &) = delete;

private:
    Patch &m_slot;
};

} // namespace

bool isQuantity(const QString &text)
{
    static const QRegularExpression rx(QStringLiteral(
        "^(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$"));
    return rx.match(text).hasMatch();
}

Session::Session(Catalog catalog)
    : m_catalog(std::move(catalog))
    , m_pipeline(std::make_shared<RenderPipeline>())
{
    // The entries were read from these trees: they share their strings and objects.
    const QDir accounts(m_catalog.accountsRoot);
    for (auto it = m_catalog.accountsDocuments.cbegin(); it != m_catalog.accountsDocuments.cend();
         ++it) {
        m_hclDocuments.insert(accounts.filePath(it.key()), it.value());
        m_sharedEntries.insert(it.key());
    }
    m_catalog.accountsDocuments.clear();
    connect(&m_buffers, &EditBuffers::fileChanged, this, &Session::fileChanged);
    connect(&m_buffers, &EditBuffers::saved, this, &Session::notifyDiskChanged);
    connect(&m_buffers, &EditBuffers::conflict, this,
            [this](const Error &error) { Q_EMIT editFailed(error.toString()); });
}

Session::~Session()
{
    // Clearing the undo stack (when the buffers go) signals an index change: whoever listens
    // has been told the session is going; the buffers' and the stack's signals stop here.
    // Renders in flight own the pipeline and the layer they read: they need no waiting for.
    m_buffers.undoStack()->blockSignals(true);
    m_buffers.blockSignals(true);
}

// An edit of `service`'s files: what is rendering now is out of date, its services join the
// next batch.
void Session::requestValues(int service)
{
    if (m_valuesRun.isPending()) {
        m_valuesRun.cancel();
        for (const ValuesJob &job : std::as_const(m_valuesJobs))
            m_refreshServices.insert(job.service);
    }
    m_valuesJobs.clear();
    m_refreshServices.insert(service);
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    QMetaObject::invokeMethod(this, &Session::refreshValues, Qt::QueuedConnection);
}

// A table asks for values an edit made stale. A run in flight renders the buffers as they are
// (every edit cancels it): it answers for its services, and any other waits for it to end
// rather than cancel it, so that a worker never throws away a render of the current buffers.
void Session::askValues(int service)
{
    if (!m_valuesRun.isPending()) {
        requestValues(service);
        return;
    }
    if (std::none_of(m_valuesJobs.cbegin(), m_valuesJobs.cend(),
                     [service](const ValuesJob &job) { return job.service == service; }))
        m_refreshServices.insert(service);
}

void Session::refreshValues()
{
    m_refreshQueued = false;
    QList<ValuesJob> jobs;
    for (int service : std::as_const(m_refreshServices)) {
        if (service < 0 || service >= m_catalog.services.size())
            continue;
        const bool fetch = m_fetchServices.contains(service);
        const qsizetype before = jobs.size();
        for (const Environment &e : m_catalog.services.at(service).environments) {
            if (!m_values.contains(e.overlay) && (fetch || m_staleValues.contains(e.overlay)))
                jobs.append({service, e.overlay});
        }
        if (jobs.size() == before)
            m_fetchServices.remove(service); // values() rendered them meanwhile
    }
    m_refreshServices.clear();
    if (jobs.isEmpty())
        return;
    m_valuesJobs = jobs;
    ++m_valuesRunCount;
    m_valuesRun.start(
        [pipeline = m_pipeline, root = m_catalog.manifestsRoot, jobs,
         layer = kustomize::FileOverlay{m_buffers.overlay()}](const std::atomic_bool &cancel) {
            QList<EnvironmentValues> results;
            for (const ValuesJob &job : jobs) {
                if (cancel.load())
                    return QList<EnvironmentValues>();
                results.append(environmentValues(
                    pipeline->render(QDir(root).filePath(job.overlay), layer, &cancel), layer));
            }
            return results;
        },
        [this, jobs](const QList<EnvironmentValues> &results) { valuesRendered(jobs, results); });
}

void Session::valuesRendered(const QList<ValuesJob> &jobs, const QList<EnvironmentValues> &results)
{
    m_valuesJobs.clear();
    QList<int> changed;
    for (qsizetype i = 0; i < jobs.size() && i < results.size(); ++i) {
        const ValuesJob &job = jobs.at(i);
        m_fetchServices.remove(job.service);
        if (m_values.contains(job.overlay))
            continue;
        // What the views showed meanwhile: the stale values with the edit patched in. When the
        // render agrees (an edit through a table, mostly), nothing changed for them.
        const auto stale = m_staleValues.constFind(job.overlay);
        const bool same = stale != m_staleValues.constEnd() && *stale == results.at(i);
        m_values.insert(job.overlay, results.at(i));
        m_staleValues.remove(job.overlay);
        if (!same && !changed.contains(job.service))
            changed.append(job.service);
    }
    // Services asked for meanwhile.
    if (!m_refreshServices.isEmpty() && !m_refreshQueued) {
        m_refreshQueued = true;
        QMetaObject::invokeMethod(this, &Session::refreshValues, Qt::QueuedConnection);
    }
    for (int service : std::as_const(changed))
        Q_EMIT serviceChanged(service);
}

bool Session::valuesPending() const
{
    return m_refreshQueued || m_valuesRun.isPending();
}

Result<std::unique_ptr<Session>> Session::open(const Workspace &workspace)
{
    auto catalog = Catalog::load(workspace);
    if (!catalog)
        return std::unexpected(catalog.error());
    return std::unique_ptr<Session>(new Session(std::move(*catalog)));
}

std::unique_ptr<Session> Session::create(Catalog catalog)
{
    return std::unique_ptr<Session>(new Session(std::move(catalog)));
}

FileReader Session::reader() const
{
    return [this](const QString &path) { return m_buffers.read(path); };
}

Result<kustomize::RenderOutput> Session::render(const QString &overlay,
                                                const kustomize::FileOverlay &files,
                                                const std::atomic_bool *cancel) const
{
    auto out = m_pipeline->render(QDir(m_catalog.manifestsRoot).filePath(overlay), files, cancel);
    if (!out)
        return std::unexpected(out.error());
    return **out;
}

Result<kustomize::FileOverlay> Session::overlayFor(Side side)
{
    if (side == Side::Working)
        return kustomize::FileOverlay{m_buffers.overlay()};
    return overlayAtRevision(QStringLiteral("HEAD"));
}

Result<kustomize::FileOverlay> Session::overlayAtRevision(const QString &revision)
{
    kustomize::FileOverlay layer;
    const QString root = m_catalog.manifestsRoot;
    auto snapshot = git::Snapshot::open(root, revision);
    if (!snapshot)
        return std::unexpected(snapshot.error());
    // What differs on disk is cached for HEAD (until the next save); other revisions are
    // asked each time.
    const bool head = revision == QLatin1String("HEAD");
    if (!head || !m_changedOnDisk) {
        auto changed = snapshot->changedInWorkTree();
        if (!changed)
            return std::unexpected(changed.error());
        QStringList absolute;
        for (const QString &rel : std::as_const(*changed))
            absolute << QDir(root).filePath(rel);
        if (!head) {
            for (const QString &path : m_buffers.modifiedFiles()) {
                if (isUnder(path, root))
                    absolute << path;
            }
            for (const QString &path : std::as_const(absolute)) {
                auto bytes = snapshot->read(QDir(root).relativeFilePath(path));
                if (!bytes)
                    return std::unexpected(bytes.error());
                layer.files.insert(path, *bytes);
            }
            return layer;
        }
        m_changedOnDisk = absolute;
    }
    QStringList paths = *m_changedOnDisk;
    for (const QString &path : m_buffers.modifiedFiles()) {
        if (isUnder(path, root))
            paths << path;
    }
    for (const QString &path : std::as_const(paths)) {
        auto cached = m_headContent.constFind(path);
        if (cached == m_headContent.constEnd()) {
            auto bytes = snapshot->read(QDir(root).relativeFilePath(path));
            if (!bytes)
                return std::unexpected(bytes.error());
            cached = m_headContent.insert(path, *bytes);
        }
        layer.files.insert(path, *cached);
    }
    return layer;
}

bool Session::hasValues(int service, int environment) const
{
    if (service < 0 || service >= m_catalog.services.size())
        return false;
    const Service &s = m_catalog.services.at(service);
    return environment >= 0 && environment < s.environments.size() &&
           m_values.contains(s.environments.at(environment).overlay);
}

bool Session::valuesKnown(int service, int environment) const
{
    if (hasValues(service, environment))
        return true;
    if (service < 0 || service >= m_catalog.services.size())
        return false;
    const Service &s = m_catalog.services.at(service);
    return environment >= 0 && environment < s.environments.size() &&
           m_staleValues.contains(s.environments.at(environment).overlay);
}

void Session::fetchValues(int service)
{
    if (service < 0 || service >= m_catalog.services.size() || m_fetchServices.contains(service))
        return;
    m_fetchServices.insert(service);
    askValues(service);
}

EnvironmentValues Session::values(int service, int environment)
{
    if (service < 0 || service >= m_catalog.services.size())
        return {};
    const Service &s = m_catalog.services.at(service);
    if (environment < 0 || environment >= s.environments.size())
        return {};
    const QString overlay = s.environments.at(environment).overlay;
    if (auto it = m_values.constFind(overlay); it != m_values.constEnd())
        return *it;

    if (auto stale = m_staleValues.constFind(overlay); stale != m_staleValues.constEnd()) {
        // An edit made these out of date: show them (with the edit itself patched in) while
        // the service renders again on a worker, so that typing never waits for a render.
        askValues(service);
        return *stale;
    }
    const kustomize::FileOverlay layer{m_buffers.overlay()};
    EnvironmentValues v = environmentValues(
        m_pipeline->render(QDir(m_catalog.manifestsRoot).filePath(overlay), layer), layer);
    m_values.insert(overlay, v);
    return v;
}

Result<void> Session::applyChanges(const QHash<QString, QByteArray> &changes, const QString &text,
                                   const QString &mergeKey)
{
    if (changes.isEmpty())
        return {};
    QUndoStack *stack = m_buffers.undoStack();
    const bool macro = changes.size() > 1;
    if (macro)
        stack->beginMacro(text);
    QStringList paths = changes.keys();
    paths.sort();
    for (const QString &path : std::as_const(paths))
        m_buffers.edit(path, changes.value(path), text, macro ? QString() : mergeKey);
    if (macro)
        stack->endMacro();
    return {};
}

Result<void> Session::setServiceSetting(int service, int environment, ServiceSetting setting,
                                        const QString &value, EnvScope scope)
{
    if (service < 0 || service >= m_catalog.services.size())
        return fail(Error::Code::NotFound, tr("no such service"));
    const Service &s = m_catalog.services.at(service);
    if (environment < 0 || environment >= s.environments.size())
        return fail(Error::Code::NotFound, tr("no such environment"));
    if (setting != ServiceSetting::ImageTag) {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < 0)
            return fail(Error::Code::Usage, tr("'%1' is not a whole number").arg(value));
    } else if (value.isEmpty() || value.contains(QLatin1Char(' ')) ||
               value.contains(QLatin1Char(':'))) {
        return fail(Error::Code::Usage, tr("'%1' is not an image tag").arg(value));
    }

    const EnvironmentValues v = values(service, environment);
    if (!v.error.isEmpty())
        return fail(Error::Code::Syntax, v.error);
    const FileReader read = reader();
    const QString root = m_catalog.manifestsRoot;

    QHash<QString, QByteArray> changes;
    auto merge = [&changes](const QHash<QString, QByteArray> &more) {
        for (auto it = more.cbegin(); it != more.cend(); ++it)
            changes.insert(it.key(), it.value());
    };
    // Reads through the changes made so far in this edit, so that two environments sharing a
    // file see each other's edits.
    const FileReader readWithChanges = [&](const QString &path) -> Result<QByteArray> {
        if (auto it = changes.constFind(path); it != changes.constEnd())
            return *it;
        return read(path);
    };

    QList<int> envs;
    if (scope == EnvScope::AllEnvironments) {
        for (int i = 0; i < s.environments.size(); ++i)
            envs << i;
    } else {
        envs << environment;
    }

    QString what;
    for (int env : std::as_const(envs)) {
        const QString overlayDir = QDir(root).filePath(s.environments.at(env).overlay);
        Result<QHash<QString, QByteArray>> result;
        ManifestField field;
        switch (setting) {
        case ServiceSetting::ImageTag:
            what = tr("image tag");
            result = setOverlayImageTag(readWithChanges, overlayDir, v.baseImage, value);
            break;
        case ServiceSetting::Replicas:
            what = tr("replicas");
            field = {QStringLiteral("Deployment"),
                     v.deploymentApiVersion,
                     v.deploymentName,
                     {"spec", "replicas"}};
            break;
        case ServiceSetting::HpaMin:
            what = tr("HPA minimum");
            field = {QStringLiteral("HorizontalPodAutoscaler"),
                     v.hpaApiVersion,
                     v.hpaName,
                     {"spec", "minReplicas"}};
            break;
        case ServiceSetting::HpaMax:
            what = tr("HPA maximum");
            field = {QStringLiteral("HorizontalPodAutoscaler"),
                     v.hpaApiVersion,
                     v.hpaName,
                     {"spec", "maxReplicas"}};
            break;
        }
        if (setting != ServiceSetting::ImageTag) {
            if (field.name.isEmpty())
                return fail(Error::Code::NotFound,
                            tr("%1 has no %2 to change").arg(s.name, field.kind));
            result =
                setOverlayField(readWithChanges, overlayDir, field, value, ValueStyle::Integer);
        }
        if (!result)
            return std::unexpected(result.error());
        merge(*result);
    }
    const QString envName = scope == EnvScope::AllEnvironments
                                ? tr("all environments")
                                : s.environments.at(environment).name;
    QSet<QString> overlays;
    for (int env : std::as_const(envs))
        overlays.insert(s.environments.at(env).overlay);
    const QString baseImage = v.baseImage;
    const PatchScope patch(m_patch, [&](const QString &overlay, EnvironmentValues &values) {
        if (!overlays.contains(overlay))
            return;
        switch (setting) {
        case ServiceSetting::Replicas:
            values.replicas = value.toInt();
            break;
        case ServiceSetting::HpaMin:
            values.hpaMin = value.toInt();
            break;
        case ServiceSetting::HpaMax:
            values.hpaMax = value.toInt();
            break;
        case ServiceSetting::ImageTag:
            values.imageTag = value;
            for (ContainerValues &c : values.containers) {
                if (c.baseImage == baseImage)
                    c.imageTag = value;
            }
            break;
        }
    });
    return applyChanges(
        changes, tr("Set %1 of %2 (%3) to %4").arg(what, s.name, envName, value),
        QStringLiteral("svc:%1:%2:%3:%4").arg(s.name, envName).arg(int(setting)).arg(int(scope)));
}

Result<void> Session::setContainerField(int service, int environment, const QString &container,
                                        ContainerField field, const QString &key,
                                        const QString &value, EnvScope scope)
{
    if (service < 0 || service >= m_catalog.services.size())
        return fail(Error::Code::NotFound, tr("no such service"));
    const Service &s = m_catalog.services.at(service);
    if (environment < 0 || environment >= s.environments.size())
        return fail(Error::Code::NotFound, tr("no such environment"));
    QString what;
    yaml::YamlPath path{"spec", "template", "spec", "containers",
                        QStringLiteral("name=") + container};
    ValueStyle style = ValueStyle::Integer; // quantities: plain, "0.5" stays a number
    switch (field) {
    case ContainerField::ImageTag:
        what = tr("image tag");
        if (value.isEmpty() || value.contains(QLatin1Char(' ')) ||
            value.contains(QLatin1Char(':')) || value.contains(QLatin1Char('@')))
            return fail(Error::Code::Usage, tr("'%1' is not an image tag").arg(value));
        break;
    case ContainerField::EnvVar: {
        what = tr("env var %1").arg(key);
        static const QRegularExpression envName(QStringLiteral("^[-._a-zA-Z][-._a-zA-Z0-9]*$"));
        if (!envName.match(key).hasMatch())
            return fail(Error::Code::Usage, tr("'%1' is not an env var name").arg(key));
        path = path / "env" / (QStringLiteral("name=") + key) / "value";
        style = ValueStyle::String;
        break;
    }
    case ContainerField::CpuRequest:
    case ContainerField::CpuLimit:
    case ContainerField::MemoryRequest:
    case ContainerField::MemoryLimit: {
        const bool request =
            field == ContainerField::CpuRequest || field == ContainerField::MemoryRequest;
        const bool cpu = field == ContainerField::CpuRequest || field == ContainerField::CpuLimit;
        what = request ? (cpu ? tr("CPU request") : tr("memory request"))
                       : (cpu ? tr("CPU limit") : tr("memory limit"));
        if (!isQuantity(value))
            return fail(Error::Code::Usage,
                        tr("'%1' is not a quantity (for example 250m, 0.5, 512Mi, 1G)").arg(value));
        path = path / "resources" / (request ? "requests" : "limits") / (cpu ? "cpu" : "memory");
        break;
    }
    }

    // The names the edit needs rarely change with an edit of values: while typing into one
    // cell, the previous render's are used instead of rendering again on every keystroke.
    const QString overlay = s.environments.at(environment).overlay;
    auto stale = m_staleValues.constFind(overlay);
    const bool useStale = !hasValues(service, environment) && stale != m_staleValues.constEnd() &&
                          stale->error.isEmpty();
    const EnvironmentValues v = useStale ? *stale : values(service, environment);
    if (!v.error.isEmpty())
        return fail(Error::Code::Syntax, v.error);
    if (v.deploymentName.isEmpty())
        return fail(Error::Code::NotFound, tr("%1 has no Deployment to change").arg(s.name));
    const ContainerValues *cv = nullptr;
    for (const ContainerValues &c : v.containers) {
        if (c.name == container)
            cv = &c;
    }
    if (cv && field == ContainerField::EnvVar) {
        for (const EnvVarValue &ev : cv->env) {
            if (ev.name == key && !ev.source.isEmpty())
                return fail(Error::Code::Rejected,
                            tr("%1 is set from %2; edit it in the file").arg(key, ev.source));
        }
    }
    if (!cv && useStale) {
        m_staleValues.remove(overlay);
        return setContainerField(service, environment, container, field, key, value, scope);
    }
    if (!cv)
        return fail(Error::Code::NotFound,
                    tr("%1 has no container '%2' in %3")
                        .arg(s.name, container, s.environments.at(environment).name));

    const FileReader read = reader();
    QHash<QString, QByteArray> changes;
    const FileReader readWithChanges = [&](const QString &path) -> Result<QByteArray> {
        if (auto it = changes.constFind(path); it != changes.constEnd())
            return *it;
        return read(path);
    };
    auto merge = [&changes](const Result<QHash<QString, QByteArray>> &more) -> Result<void> {
        if (!more)
            return std::unexpected(more.error());
        for (auto it = more->cbegin(); it != more->cend(); ++it)
            changes.insert(it.key(), it.value());
        return {};
    };
    const QString root = m_catalog.manifestsRoot;
    const ManifestField manifestField{QStringLiteral("Deployment"), v.deploymentApiVersion,
                                      v.deploymentName, path};

    if (scope == EnvScope::ThisEnvironment) {
        const QString overlayDir = QDir(root).filePath(s.environments.at(environment).overlay);
        auto r =
            field == ContainerField::ImageTag
                ? merge(setOverlayImageTag(readWithChanges, overlayDir, cv->baseImage, value))
                : merge(setOverlayField(readWithChanges, overlayDir, manifestField, value, style));
        if (!r)
            return r;
    } else {
        if (v.deploymentFile.isEmpty())
            return fail(Error::Code::NotFound,
                        tr("the file that defines %1 is not known").arg(v.deploymentName));
        if (field == ContainerField::ImageTag) {
            ManifestField image = manifestField;
            image.path = image.path / "image";
            if (auto r = merge(setObjectField(readWithChanges, v.deploymentFile, image,
                                              cv->baseImage + QLatin1Char(':') + value,
                                              ValueStyle::String));
                !r)
                return r;
        } else if (auto r = merge(setObjectField(readWithChanges, v.deploymentFile, manifestField,
                                                 value, style));
                   !r) {
            return r;
        }
        // Overlays that override the field would hide the base's new value: they follow.
        for (const Environment &e : s.environments) {
            const QString overlayDir = QDir(root).filePath(e.overlay);
            if (QDir::cleanPath(overlayDir) == QFileInfo(v.deploymentFile).absolutePath())
                continue;
            Result<void> r;
            if (field == ContainerField::ImageTag) {
                if (overlaySetsImage(readWithChanges, overlayDir, cv->baseImage))
                    r = merge(
                        setOverlayImageTag(readWithChanges, overlayDir, cv->baseImage, value));
            } else {
                r = merge(setOverlayField(readWithChanges, overlayDir, manifestField, value, style,
                                          CreatePatch::No));
            }
            if (!r)
                return r;
        }
    }
    const QString envName = scope == EnvScope::AllEnvironments
                                ? tr("all environments")
                                : s.environments.at(environment).name;
    const QString editedOverlay = s.environments.at(environment).overlay;
    const QString baseImage = cv->baseImage;
    const PatchScope patch(m_patch, [&](const QString &overlay, EnvironmentValues &values) {
        if (scope == EnvScope::ThisEnvironment && overlay != editedOverlay)
            return;
        for (qsizetype i = 0; i < values.containers.size(); ++i) {
            ContainerValues &c = values.containers[i];
            if (field == ContainerField::ImageTag) {
                if (c.baseImage != baseImage)
                    continue;
                c.imageTag = value;
                if (i == 0)
                    values.imageTag = value;
                continue;
            }
            if (c.name != container)
                continue;
            switch (field) {
            case ContainerField::ImageTag:
                break;
            case ContainerField::EnvVar: {
                auto ev = std::find_if(c.env.begin(), c.env.end(),
                                       [&key](const EnvVarValue &e) { return e.name == key; });
                if (ev == c.env.end())
                    c.env.append({key, value, QString()});
                else
                    ev->value = value;
                break;
            }
            case ContainerField::CpuRequest:
                c.cpuRequest = value;
                break;
            case ContainerField::CpuLimit:
                c.cpuLimit = value;
                break;
            case ContainerField::MemoryRequest:
                c.memoryRequest = value;
                break;
            case ContainerField::MemoryLimit:
                c.memoryLimit = value;
                break;
            }
        }
    });
    return applyChanges(
        changes, tr("Set %1 of %2/%3 (%4) to %5").arg(what, s.name, container, envName, value),
        QStringLiteral("ctr:%1:%2:%3:%4:%5:%6")
            .arg(s.name, envName, container)
            .arg(int(field))
            .arg(key)
            .arg(int(scope)));
}

Result<void> Session::renameDeveloper(int row, const QString &newKey)
{
    if (row < 0 || row >= m_catalog.developers.size())
        return fail(Error::Code::NotFound, tr("no such developer"));
    // A plain key is a name; a template key ("${var.prefix}-x", listed without its quotes) is
    // checked by the HCL engine, which writes it between quotes again.
    static const QRegularExpression keyRx(QStringLiteral("^[A-Za-z_][-A-Za-z0-9_.]*$"));
    const bool templateKey =
        newKey.contains(QLatin1String("${")) &&
        !newKey.contains(QRegularExpression(QStringLiteral("[\\s\\x00-\\x1f]")));
    if (!templateKey && !keyRx.match(newKey).hasMatch())
        return fail(Error::Code::Usage, tr("'%1' is not a valid key").arg(newKey));
    const MapEntryRef entry = m_catalog.developers.at(row);
    if (entry.key == newKey)
        return {};
    for (const MapEntryRef &d : std::as_const(m_catalog.developers)) {
        if (d.key == newKey)
            return fail(Error::Code::Rejected, tr("a developer '%1' already exists").arg(newKey));
    }
    return editDeveloperDocument(
        entry, tr("Rename developer %1 to %2").arg(entry.key, newKey), {},
        [&](hcl::Document &doc) { return doc.renameEntry(entry.map, entry.key, newKey); });
}

Result<void>
Session::editDeveloperDocument(const MapEntryRef &entry, const QString &text,
                               const QString &mergeKey,
                               const std::function<Result<void>(hcl::Document &)> &edit)
{
    const QString path = QDir(m_catalog.accountsRoot).filePath(entry.file);
    auto bytes = m_buffers.read(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    auto doc = parsedAccountsFile(path, *bytes, entry.file);
    if (!doc)
        return std::unexpected(doc.error());
    // The copy alone holds the parsed tree now, so the edit updates it in place.
    m_hclDocuments.remove(path);
    if (!m_catalog.developerSchema.isEmpty())
        doc->attachSchema(entry.map, m_catalog.developerSchema);
    if (auto r = edit(*doc); !r)
        return r;
    // The edited tree is what the catalog re-reads the file from (reloadAccountsFile), so a
    // one-field edit of a 5,000-entry file parses nothing.
    m_hclDocuments.insert(path, *doc);
    m_buffers.edit(path, doc->text(), text, mergeKey);
    return {};
}

Result<void> Session::setDeveloperField(int row, const QString &field, const QJsonValue &value)
{
    return setDeveloperField(row, field,
                             value.isUndefined() ? hcl::Value() : hcl::Value::fromJson(value));
}

Result<void> Session::setDeveloperField(int row, const QString &field, const hcl::Value &value)
{
    if (row < 0 || row >= m_catalog.developers.size())
        return fail(Error::Code::NotFound, tr("no such developer"));
    const MapEntryRef entry = m_catalog.developers.at(row);
    return editDeveloperDocument(entry, tr("Set %1 of %2").arg(field, entry.key),
                                 QStringLiteral("dev:%1:%2").arg(entry.key, field),
                                 [&](hcl::Document &doc) {
                                     return value.isNull()
                                                ? doc.unsetField(entry.map, entry.key, field)
                                                : doc.setField(entry.map, entry.key, field, value);
                                 });
}

QJsonObject Session::newDeveloperFields() const
{
    QJsonObject fields;
    for (const hcl::FieldSchema &f : m_catalog.developerSchema) {
        if (f.optional && !f.defaultValue)
            continue;
        fields.insert(f.name, defaultFor(f));
    }
    return fields;
}

Result<void> Session::addDeveloper(const QString &key, const QJsonObject &fields)
{
    if (m_catalog.developers.isEmpty())
        return fail(Error::Code::NotFound, tr("the workspace has no developers map to add to"));
    for (const MapEntryRef &d : std::as_const(m_catalog.developers)) {
        if (d.key == key)
            return fail(Error::Code::Rejected, tr("a developer '%1' already exists").arg(key));
    }
    // New entries go at the end of the map that holds the last entry.
    const MapEntryRef last = m_catalog.developers.constLast();
    return editDeveloperDocument(
        last, tr("Add developer %1").arg(key), {},
        [&](hcl::Document &doc) { return doc.addEntry(last.map, key, fields); });
}

Result<void> Session::removeDeveloper(int row)
{
    if (row < 0 || row >= m_catalog.developers.size())
        return fail(Error::Code::NotFound, tr("no such developer"));
    const MapEntryRef entry = m_catalog.developers.at(row);
    return editDeveloperDocument(
        entry, tr("Remove developer %1").arg(entry.key), {},
        [&](hcl::Document &doc) { return doc.removeEntry(entry.map, entry.key); });
}

bool Session::reloadCodeOwners(const QString &root, const QString &relative)
{
    const QStringList locations = Catalog::codeOwnersLocations();
    if (!locations.contains(relative))
        return false;
    // The first of the places that holds a file (in the buffers or on disk) is the one.
    CodeOwners owners;
    for (const QString &candidate : locations) {
        if (auto bytes = m_buffers.read(QDir(root).filePath(candidate))) {
            owners = CodeOwners::parse(*bytes, candidate);
            break;
        }
    }
    if (root == m_catalog.accountsRoot) {
        if (m_catalog.setAccountsOwners(std::move(owners)))
            Q_EMIT developersChanged();
    } else if (m_catalog.setManifestsOwners(std::move(owners))) {
        Q_EMIT servicesChanged();
    }
    Q_EMIT ownershipChanged();
    return true;
}

void Session::fileChanged(const QString &path)
{
    if (isUnder(path, m_catalog.accountsRoot)) {
        const QString rel = QDir(m_catalog.accountsRoot).relativeFilePath(path);
        if (!reloadCodeOwners(m_catalog.accountsRoot, rel))
            reloadAccountsFile(rel);
        return;
    }
    if (!isUnder(path, m_catalog.manifestsRoot))
        return;
    const QString rel = QDir(m_catalog.manifestsRoot).relativeFilePath(path);
    if (reloadCodeOwners(m_catalog.manifestsRoot, rel))
        return;
    // A kustomization made or removed (a wizard's new service, its undo) adds or removes a
    // service or an environment; typing into an existing one does not (its namespace is
    // read again at the next load).
    if (isKustomizationFile(rel)) {
        const QString folder = m_catalog.serviceFolderOf(rel);
        const QString dir = rel.section(QLatin1Char('/'), 0, -2);
        const QList<int> &rows = servicesAt(folder);
        const Service *known = rows.isEmpty() ? nullptr : &m_catalog.services.at(rows.constLast());
        const bool knownEnvironment =
            known && std::any_of(known->environments.cbegin(), known->environments.cend(),
                                 [&](const Environment &e) { return e.overlay == dir; });
        if (!knownEnvironment || !m_buffers.read(path))
            updateServiceFolder(folder);
    }
    for (const int i : servicesContaining(rel)) {
        const Service &s = m_catalog.services.at(i);
        bool stale = false;
        for (const Environment &e : s.environments) {
            if (auto it = m_values.constFind(e.overlay); it != m_values.constEnd()) {
                m_staleValues.insert(e.overlay, *it);
                m_values.erase(it);
            }
            if (auto it = m_staleValues.find(e.overlay); it != m_staleValues.end()) {
                if (m_patch)
                    m_patch(e.overlay, *it);
                stale = true;
            }
        }
        // A run in flight for the service (a table's fetchValues) renders the files as they
        // were: it starts again with the edit.
        const bool inFlight = m_valuesRun.isPending() &&
                              std::any_of(m_valuesJobs.cbegin(), m_valuesJobs.cend(),
                                          [i](const ValuesJob &job) { return job.service == i; });
        if (stale || inFlight)
            requestValues(i);
        Q_EMIT serviceChanged(i);
    }
}

const QList<int> &Session::servicesAt(const QString &folder)
{
    if (!m_servicesByPathValid) {
        m_servicesByPath.clear();
        for (int i = 0; i < m_catalog.services.size(); ++i)
            m_servicesByPath[m_catalog.services.at(i).path].append(i);
        m_servicesByPathValid = true;
    }
    static const QList<int> none;
    const auto it = m_servicesByPath.constFind(folder);
    return it == m_servicesByPath.constEnd() ? none : *it;
}

QList<int> Session::servicesContaining(const QString &relativePath)
{
    // The services whose folder is one of the path's parent folders, in row order.
    QList<int> rows;
    for (qsizetype slash = relativePath.indexOf(QLatin1Char('/')); slash > 0;
         slash = relativePath.indexOf(QLatin1Char('/'), slash + 1))
        rows << servicesAt(relativePath.left(slash));
    std::sort(rows.begin(), rows.end());
    return rows;
}

void Session::updateServiceFolder(const QString &folder)
{
    if (folder.isEmpty())
        return;
    std::optional<Service> fresh = m_catalog.readService(folder, m_buffers.overlay());
    QList<Service> &services = m_catalog.services;
    const auto it = std::find_if(services.cbegin(), services.cend(),
                                 [&](const Service &s) { return s.path == folder; });
    const qsizetype index = it == services.cend() ? -1 : it - services.cbegin();
    if (!fresh && index < 0)
        return;
    if (fresh && index >= 0) {
        // Typing into a kustomization: the same environments with another namespace or error
        // are that service's change (serviceChanged follows); only environments added or
        // removed move rows.
        const Service &old = services.at(index);
        const bool sameEnvironments = std::equal(
            old.environments.cbegin(), old.environments.cend(), fresh->environments.cbegin(),
            fresh->environments.cend(), [](const Environment &x, const Environment &y) {
                return x.name == y.name && x.overlay == y.overlay;
            });
        services[index].environments = fresh->environments;
        services[index].error = fresh->error;
        if (sameEnvironments)
            return;
    } else if (fresh) {
        services.append(*fresh); // at the end: the rows of the others stay where they are
    } else {
        services.removeAt(index);
    }
    m_servicesByPathValid = false;
    m_catalog.regroup();
    // Renders in flight name services by row: they are dropped, the tables ask again.
    m_valuesRun.cancel();
    m_valuesJobs.clear();
    m_refreshServices.clear();
    m_fetchServices.clear();
    Q_EMIT servicesChanged();
}

Result<hcl::Document> Session::parsedAccountsFile(const QString &path, const QByteArray &bytes,
                                                  const QString &relative)
{
    // The buffers and the last edited tree share their bytes: most lookups compare no content.
    auto same = [](const QByteArray &a, const QByteArray &b) {
        return (a.constData() == b.constData() && a.size() == b.size()) || a == b;
    };
    if (auto it = m_hclDocuments.constFind(path);
        it != m_hclDocuments.constEnd() && same(it->text(), bytes))
        return *it;
    auto doc = hcl::Document::parse(bytes, relative);
    if (doc)
        m_hclDocuments.insert(path, *doc);
    m_sharedEntries.remove(relative);
    return doc;
}

void Session::reloadAccountsFile(const QString &relative)
{
    const QString path = QDir(m_catalog.accountsRoot).filePath(relative);
    auto bytes = m_buffers.read(path);
    if (!bytes)
        return;
    auto doc = parsedAccountsFile(path, *bytes, relative);
    if (!doc) {
        Q_EMIT editFailed(doc.error().toString());
        return;
    }
    const QList<hcl::MapInfo> maps = doc->maps();
    // Unchanged entries share their strings and objects with the parsed maps (after the first
    // edit of a file, every one does), so most comparisons below compare pointers.
    auto same = [](const QString &a, const QString &b) {
        return (a.constData() == b.constData() && a.size() == b.size()) || a == b;
    };
    // Whether an entry's key (or the number of entries) changed: what links services to their
    // microservice entries. A one-field edit changes none.
    bool keysChanged = false;
    auto refresh = [&](QList<MapEntryRef> &entries) {
        const QList<MapEntryRef> &read = entries; // reading must not detach the list
        qsizetype first = -1;
        qsizetype last = -1;
        qsizetype count = 0;
        QStringList mapNames;
        QString file = relative; // then the entries' own string: they share it
        for (qsizetype i = 0; i < read.size(); ++i) {
            const MapEntryRef &e = read[i];
            if (!same(e.file, file))
                continue;
            file = e.file;
            if (first < 0)
                first = i;
            last = i;
            ++count;
            if (mapNames.isEmpty() || !same(mapNames.constLast(), e.map)) {
                if (!mapNames.contains(e.map))
                    mapNames << e.map;
            }
        }
        if (first < 0)
            return false;
        const QStringList owners = read[last].owners;
        const bool shared = m_sharedEntries.contains(relative);
        // As many entries as before, in one run: replace only those that differ (after a
        // one-cell edit, one).
        qsizetype parsed = 0;
        for (const hcl::MapInfo &map : maps)
            if (mapNames.contains(map.name))
                parsed += map.entries.size();
        if (parsed == count && last - first + 1 == count) {
            qsizetype i = first;
            for (const hcl::MapInfo &map : maps) {
                if (!mapNames.contains(map.name))
                    continue;
                for (const hcl::MapEntry &e : map.entries) {
                    const MapEntryRef &old = read[i];
                    if (!same(old.key, e.key))
                        keysChanged = true;
                    if (!shared || !same(old.key, e.key) || !same(old.map, map.name) ||
                        old.fields != e.fields || old.expressions != e.expressions)
                        entries[i] = MapEntryRef{e.key,  e.fields, relative,     map.name,
                                                 e.line, owners,   e.expressions};
                    else if (old.line != e.line) // below an edit that added or removed lines
                        entries[i].line = e.line;
                    ++i;
                }
            }
            return true;
        }
        keysChanged = true;
        entries.removeIf([&](const MapEntryRef &e) { return same(e.file, relative); });
        QList<MapEntryRef> fresh;
        for (const hcl::MapInfo &map : maps) {
            if (!mapNames.contains(map.name))
                continue;
            for (const hcl::MapEntry &e : map.entries)
                fresh.append(MapEntryRef{e.key, e.fields, relative, map.name, e.line, owners,
                                         e.expressions});
        }
        for (qsizetype i = 0; i < fresh.size(); ++i)
            entries.insert(first + i, fresh[i]);
        return true;
    };
    const bool developers = refresh(m_catalog.developers);
    keysChanged = false;
    const bool microservices = refresh(m_catalog.microservices);
    m_sharedEntries.insert(relative);
    // Services link to entries by position: only entries renamed, added or removed move them
    // (regroup() links them again through a hash, and groups the renamed ones into teams).
    if (microservices && keysChanged)
        m_catalog.regroup();
    if (developers || microservices)
        Q_EMIT developersChanged();
}

Result<void> Session::save()
{
    return m_buffers.save(); // saved() → notifyDiskChanged()
}

void Session::notifyDiskChanged()
{
    m_changedOnDisk.reset();
    m_pipeline->clear();
    Q_EMIT diskChanged();
}

void Session::filesChangedOnDisk(const QStringList &paths)
{
    QStringList edited, others;
    for (const QString &path : paths) {
        if (m_buffers.isModified(path)) {
            if (m_buffers.onDisk(path) != m_buffers.base(path))
                edited << path;
        } else if (m_buffers.diskChangedSinceRead(path)) {
            others << path;
        }
    }
    if (!others.isEmpty()) {
        notifyDiskChanged();
        for (const QString &path : std::as_const(others))
            fileChanged(path);
    }
    if (!edited.isEmpty())
        Q_EMIT editedFilesChangedOnDisk(edited);
}

void Session::revert()
{
    m_buffers.revert();
}

QStringList Session::ownersOfFile(const QString &absolutePath) const
{
    if (isUnder(absolutePath, m_catalog.accountsRoot))
        return m_catalog.accountsOwners.ownersOf(
            QDir(m_catalog.accountsRoot).relativeFilePath(absolutePath));
    if (isUnder(absolutePath, m_catalog.manifestsRoot))
        return m_catalog.manifestsOwners.ownersOf(
            QDir(m_catalog.manifestsRoot).relativeFilePath(absolutePath));
    return {};
}

bool Session::ownsFile(const QString &absolutePath) const
{
    if (m_userTeams.isEmpty())
        return true; // nobody signed in: nothing is marked as someone else's
    const QStringList owners = ownersOfFile(absolutePath);
    for (const QString &team : m_userTeams) {
        if (owners.contains(team))
            return true;
    }
    return owners.isEmpty();
}

bool Session::ownsService(int service) const
{
    if (service < 0 || service >= m_catalog.services.size())
        return false;
    return ownsFile(QDir(m_catalog.manifestsRoot).filePath(m_catalog.services.at(service).path) +
                    QStringLiteral("/kustomization.yaml"));
}

} // namespace kanri::platform

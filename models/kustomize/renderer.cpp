#include "kustomize/renderer.h"

#include "kustomize/kustinternal.h"
#include "yaml/yamlemitter.h"

#include <QDir>
#include <QMutexLocker>

#include <cstring>
#include <unordered_map>

// The public face of the engine: Renderer::render runs one Build (see kustinternal.h for the
// stages), orders the result, adds build metadata and prints each resource as kustomize does.

namespace kanri::kustomize {

using namespace detail;

namespace {

// kustomize removes its build annotations from every resource at the end of a build and writes
// the remaining annotations back as a string map (RemoveBuildAnnotations, SetAnnotations): an
// empty or null `annotations` disappears, and every value is a string.
void normalizeAnnotations(Value &obj)
{
    Value *meta = obj.get("metadata");
    if (!meta || !meta->isMap())
        return;
    Value *ann = meta->get("annotations");
    if (!ann)
        return;
    if (ann->isNull() || (ann->isMap() && ann->entries.empty())) {
        meta->remove("annotations");
        return;
    }
    if (ann->isMap())
        for (MapEntry &e : ann->entries)
            if (e.value.isScalar() && !e.value.isString())
                e.value = Value::string(e.value.isNull() ? std::string() : e.value.text);
}

} // namespace

// Emitted YAML per resource, keyed by a 128-bit structural hash of the object: after an edit
// most resources print exactly as before, and hashing a tree is much cheaper than printing it.
struct EmitCache
{
    struct Key
    {
        quint64 a = 0, b = 0;
        bool operator==(const Key &) const = default;
    };
    struct KeyHash
    {
        size_t operator()(const Key &k) const
        {
            return size_t(k.a ^ (k.b * 0x9E3779B97F4A7C15ULL));
        }
    };
    QMutex mutex;
    std::unordered_map<Key, QByteArray, KeyHash> texts; // shared, never copied

    static void mix(Key &k, quint64 v)
    {
        k.a = (k.a ^ v) * 0x100000001B3ULL + 0x9E3779B97F4A7C15ULL;
        k.a ^= k.a >> 29;
        k.b = (k.b + v) * 0xC2B2AE3D27D4EB4FULL;
        k.b ^= k.b >> 31;
        k.b += k.a;
    }
    static void hashValue(Key &k, const Value &v)
    {
        mix(k, quint64(v.type) + 0x51);
        switch (v.type) {
        case Value::Type::Map:
            mix(k, v.entries.size());
            for (const MapEntry &e : v.entries) {
                mix(k, std::hash<std::string_view>{}(e.key));
                mix(k, e.key.size());
                hashValue(k, e.value);
            }
            break;
        case Value::Type::Seq:
            mix(k, v.items.size());
            for (const Value &i : v.items)
                hashValue(k, i);
            break;
        default:
            mix(k, std::hash<std::string_view>{}(v.text));
            mix(k, v.text.size());
            break;
        }
    }

    // Per resource (apiVersion, kind, namespace, name): the large sub-trees of its last printing
    // (yaml::EmitMemo). A resource printed once gets an empty memo; printed again with another
    // value (it was edited), its memo is recorded, so that the next edit prints only what changed.
    std::unordered_map<std::string, std::shared_ptr<const yaml::EmitMemo>> memos;
    size_t memoBytes = 0;
    static constexpr size_t maxMemoBytes = 64 * 1024 * 1024;

    QByteArray textOf(const Value &v, const std::string &identity)
    {
        Key k;
        hashValue(k, v);
        std::shared_ptr<const yaml::EmitMemo> previous;
        bool seen = false;
        {
            QMutexLocker lock(&mutex);
            auto it = texts.find(k);
            if (it != texts.end())
                return it->second;
            auto m = memos.find(identity);
            seen = m != memos.end();
            if (seen)
                previous = m->second;
        }
        QByteArray y;
        if (!seen) {
            y = yaml::emitKustomizeYamlBytes(v);
            QMutexLocker lock(&mutex);
            memos.emplace(identity, std::make_shared<const yaml::EmitMemo>());
        } else {
            auto record = std::make_shared<yaml::EmitMemo>();
            y = yaml::emitKustomizeYamlBytes(v, previous.get(), record.get());
            QMutexLocker lock(&mutex);
            auto &slot = memos[identity];
            memoBytes += record->bytes;
            memoBytes -= slot ? std::min(memoBytes, slot->bytes) : 0;
            slot = std::move(record);
            if (memoBytes > maxMemoBytes) {
                memos.clear();
                memoBytes = 0;
            }
        }
        QMutexLocker lock(&mutex);
        if (texts.size() > 20000)
            texts.clear();
        if (memos.size() > 50000) {
            memos.clear();
            memoBytes = 0;
        }
        texts.emplace(k, y);
        return y;
    }
};

struct Renderer::Private
{
    ParseCache cache;
    EmitCache emitted;
};

Renderer::Renderer()
    : d(std::make_unique<Private>())
{}

Renderer::~Renderer() = default;

void Renderer::clearCache()
{
    {
        QMutexLocker lock(&d->cache.mutex);
        d->cache.cache.clear();
    }
    QMutexLocker lock(&d->emitted.mutex);
    d->emitted.texts.clear();
    d->emitted.memos.clear();
    d->emitted.memoBytes = 0;
}

Result<RenderOutput> Renderer::render(const QString &dirIn, const RenderOptions &options,
                                      const FileOverlay *overlay, const std::atomic_bool *cancel)
{
    const QString dir = QDir::cleanPath(QDir().absoluteFilePath(dirIn));
    Build build(d->cache, options, overlay, cancel);
    Value kust;
    auto res = build.run(dir, kust);
    if (!res) {
        // An error no file could be named for (the folder has no kustomization, or several)
        // is about the folder that was rendered.
        Error e = res.error();
        if (e.file.isEmpty())
            e.file = dir;
        return std::unexpected(std::move(e));
    }
    ResList list = std::move(*res);

    // sortOptions
    bool legacy = options.reorder == ReorderMode::Legacy;
    std::vector<std::string> first = defaultOrderFirst(), last = defaultOrderLast();
    if (const Value *so = kust.get("sortOptions"); so && so->isMap()) {
        const std::string order = so->str({"order"});
        const Value *lso = so->get("legacySortOptions");
        if (order != "fifo" && order != "legacy")
            return failAt(Error::Code::Syntax,
                          tr("the field 'sortOptions.order' must be one of [fifo, legacy]"),
                          build.kustomizationFile());
        if (order == "fifo" && lso)
            return failAt(Error::Code::Syntax,
                          tr("the field 'sortOptions.legacySortOptions' is set but the selected "
                             "sort order is 'fifo', not 'legacy'"),
                          build.kustomizationFile());
        legacy = order == "legacy";
        if (lso) {
            first = strList(lso->get("orderFirst"));
            last = strList(lso->get("orderLast"));
        }
    }
    if (legacy)
        legacySort(list, first, last);

    // buildMetadata
    const std::vector<std::string> bm = strList(kust.get("buildMetadata"));
    const bool managedBy = std::find(bm.begin(), bm.end(), "managedByLabel") != bm.end();
    const bool originAnno = std::find(bm.begin(), bm.end(), "originAnnotations") != bm.end();
    const bool transformerAnno =
        std::find(bm.begin(), bm.end(), "transformerAnnotations") != bm.end();

    RenderOutput out;
    out.warnings = build.warnings;
    out.resources.reserve(list.size());
    for (Resource &r : list) {
        normalizeAnnotations(r.obj);
        if (managedBy)
            r.obj.getOrAddMap("metadata")
                .getOrAddMap("labels")
                .set("app.kubernetes.io/managed-by", Value::string("kustomize-(devel)"));
        if (originAnno && !r.genConfiguredIn.isEmpty()) {
            std::string o =
                "configuredIn: " + QDir(dir).relativeFilePath(r.genConfiguredIn).toStdString() +
                "\nconfiguredBy:\n  apiVersion: builtin\n  kind: " + r.genKind + "\n";
            if (!r.genName.empty())
                o += "  name: " + r.genName + "\n";
            r.obj.getOrAddMap("metadata")
                .getOrAddMap("annotations")
                .set("config.kubernetes.io/origin", Value::string(o));
        } else if (originAnno && !r.originFile.isEmpty()) {
            const QString rel = QDir(dir).relativeFilePath(r.originFile);
            r.obj.getOrAddMap("metadata")
                .getOrAddMap("annotations")
                .set("config.kubernetes.io/origin",
                     Value::string("path: " + rel.toStdString() + "\n"));
        }
        if (transformerAnno && !r.transformations.empty()) {
            std::string t;
            for (const std::string &e : r.transformations) {
                // each entry as a YAML list item
                bool first = true;
                size_t pos = 0;
                while (pos < e.size()) {
                    const size_t nl = e.find('\n', pos);
                    const std::string line = e.substr(pos, nl - pos);
                    t += (first ? "- " : "  ") + line + "\n";
                    first = false;
                    pos = nl == std::string::npos ? e.size() : nl + 1;
                }
            }
            r.obj.getOrAddMap("metadata")
                .getOrAddMap("annotations")
                .set("alpha.config.kubernetes.io/transformations", Value::string(t));
        }
        RenderedResource rr;
        rr.apiVersion = qs(r.obj.str({"apiVersion"}));
        rr.kind = qs(r.kind());
        rr.nameSpace = qs(r.ns());
        rr.name = qs(r.name());
        rr.yaml = d->emitted.textOf(r.obj, r.obj.str({"apiVersion"}) + '\n' + r.kind() + '\n' +
                                               r.ns() + '\n' + r.name());
        rr.originFile = r.originFile;
        rr.value = std::move(r.obj);
        out.resources.push_back(std::move(rr));
    }
    // The stream, "---" between resources, written once into a buffer of its final size.
    qsizetype size = 0;
    for (const RenderedResource &rr : out.resources)
        size += (size ? 4 : 0) + rr.yaml.size();
    out.text = QByteArray(size, Qt::Uninitialized);
    char *at = out.text.data();
    for (const RenderedResource &rr : out.resources) {
        if (at != out.text.constData()) {
            std::memcpy(at, "---\n", 4);
            at += 4;
        }
        std::memcpy(at, rr.yaml.constData(), size_t(rr.yaml.size()));
        at += rr.yaml.size();
    }
    out.inputs = QStringList(build.inputs().cbegin(), build.inputs().cend());
    return out;
}

} // namespace kanri::kustomize

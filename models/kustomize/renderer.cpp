#include "renderer.h"

#include "kustinternal.h"
#include "yamlemitter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <map>
#include <memory>
#include <unordered_map>

#include <sys/stat.h>

namespace kanri::kustomize {

using namespace detail;

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("kanri::kustomize", s);
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

Error wrap(const QString &prefix, Error e)
{
    e.message = prefix + QStringLiteral(": ") + e.message;
    return e;
}

// Canonical names of the kustomization fields; kustomize reads the file through Go's
// encoding/json, which matches field names case-insensitively.
const std::vector<std::string> &knownFields()
{
    static const std::vector<std::string> f = {"apiVersion",
                                               "kind",
                                               "metadata",
                                               "resources",
                                               "bases",
                                               "components",
                                               "crds",
                                               "namespace",
                                               "namePrefix",
                                               "nameSuffix",
                                               "commonLabels",
                                               "labels",
                                               "commonAnnotations",
                                               "images",
                                               "imageTags",
                                               "replicas",
                                               "patches",
                                               "patchesStrategicMerge",
                                               "patchesJson6902",
                                               "configMapGenerator",
                                               "secretGenerator",
                                               "generatorOptions",
                                               "replacements",
                                               "vars",
                                               "sortOptions",
                                               "buildMetadata",
                                               "transformers",
                                               "generators",
                                               "validators",
                                               "configurations",
                                               "openapi",
                                               "helmCharts",
                                               "helmGlobals",
                                               "helmChartInflationGenerator"};
    return f;
}

std::string lower(std::string s)
{
    for (char &c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

Value normalizeKustomization(Value raw)
{
    static const std::unordered_map<std::string, std::string> byLower = [] {
        std::unordered_map<std::string, std::string> m;
        for (const std::string &k : knownFields())
            m.emplace(lower(k), k);
        return m;
    }();
    Value out = Value::map();
    out.entries.reserve(raw.entries.size());
    for (MapEntry &e : raw.entries) {
        auto it = byLower.find(lower(e.key));
        out.set(it == byLower.end() ? e.key : it->second, std::move(e.value));
    }
    return out;
}

bool isRemote(const QString &p)
{
    return p.contains(QStringLiteral("://")) || p.startsWith(QStringLiteral("github.com/")) ||
           p.startsWith(QStringLiteral("git@")) || p.startsWith(QStringLiteral("gitlab.com/")) ||
           p.startsWith(QStringLiteral("bitbucket.org/"));
}

std::vector<std::string> strList(const Value *v)
{
    std::vector<std::string> out;
    if (!v || !v->isSeq())
        return out;
    for (const Value &i : v->items)
        if (i.isScalar() && !i.isNull())
            out.push_back(i.text);
    return out;
}

std::vector<std::pair<std::string, std::string>> strMap(const Value *v)
{
    std::vector<std::pair<std::string, std::string>> out;
    if (!v || !v->isMap())
        return out;
    for (const MapEntry &e : v->entries)
        out.emplace_back(e.key, e.value.isNull() ? std::string() : e.value.text);
    return out;
}

struct Var
{
    std::string name;
    Gvk gvk;
    std::string objName, objNs;
    std::string fieldPath;
};

struct Acc
{
    ResList res;
    // Copy-on-write: most kustomizations use kustomize's default field specs unchanged.
    std::shared_ptr<const TransformerConfig> tcp = defaultConfig();
    const TransformerConfig &tc() const { return *tcp; }
    void mergeConfig(const std::shared_ptr<const TransformerConfig> &other)
    {
        if (other == tcp || other == defaultConfig())
            return;
        auto copy = std::make_shared<TransformerConfig>(*tcp);
        copy->merge(*other);
        tcp = std::move(copy);
    }
    void mergeConfig(const TransformerConfig &other)
    {
        auto copy = std::make_shared<TransformerConfig>(*tcp);
        copy->merge(other);
        tcp = std::move(copy);
    }
    static const std::shared_ptr<const TransformerConfig> &defaultConfig()
    {
        static const std::shared_ptr<const TransformerConfig> d =
            std::make_shared<const TransformerConfig>(TransformerConfig::defaults());
        return d;
    }
    std::vector<Var> vars;
};

} // namespace

// ---- file access and the parse cache --------------------------------------------------------

// What one stat says about a file on disk: while it is unchanged, so is the content.
struct FileSig
{
    qint64 dev = 0, ino = 0, size = -1, mtimeNs = 0, ctimeNs = 0;
    bool operator==(const FileSig &) const = default;
    bool valid() const { return size >= 0; }
    // Like git's "racy" entries: a file modified in the last seconds may change again within
    // the file system's timestamp granularity without its signature changing, so it is not
    // trusted on its signature alone.
    bool settled(qint64 nowNs) const { return valid() && mtimeNs < nowNs - 2'000'000'000LL; }
};

FileSig statFile(const QString &path, bool *exists, bool *isDir)
{
    FileSig sig;
    struct stat st;
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &st) != 0) {
        *exists = false;
        *isDir = false;
        return sig;
    }
    *exists = true;
    *isDir = S_ISDIR(st.st_mode);
    sig.dev = qint64(st.st_dev);
    sig.ino = qint64(st.st_ino);
    sig.size = qint64(st.st_size);
    sig.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    sig.ctimeNs = qint64(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
    return sig;
}

// Parsed files shared by all renders of one Renderer. A file on disk is re-read only when its
// stat signature changes; an overlay (unsaved) file is re-parsed only when its content hash
// changes. Inline YAML (patches, plugin configs) is keyed by its content.
struct ParseCache
{
    QMutex mutex;
    struct Entry
    {
        QByteArray hash;  // content hash (overlay and inline entries)
        FileSig sig;      // stat signature (disk entries)
        QByteArray bytes; // the raw content (disk entries: for generators reading files)
        std::shared_ptr<const std::vector<Value>> docs;
    };
    std::unordered_map<std::string, Entry> cache;
};

} // namespace kanri::kustomize

namespace kanri::kustomize {

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
    std::unordered_map<Key, std::string, KeyHash> texts;

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

    std::string textOf(const Value &v)
    {
        Key k;
        hashValue(k, v);
        {
            QMutexLocker lock(&mutex);
            auto it = texts.find(k);
            if (it != texts.end())
                return it->second;
        }
        std::string y = yaml::emitKustomizeYaml(v);
        QMutexLocker lock(&mutex);
        if (texts.size() > 20000)
            texts.clear();
        texts.emplace(k, y);
        return y;
    }
};

struct Renderer::Private
{
    ParseCache cache;
    EmitCache emitted;
};

namespace {

class Build
{
public:
    Build(ParseCache &p, const RenderOptions &o, const FileOverlay *ov, const std::atomic_bool *c)
        : priv(p)
        , opts(o)
        , overlay(ov)
        , cancel(c)
    {}

    QStringList warnings;
    std::string buildMetadataTop;
    const qint64 startNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000LL;

    Result<ResList> run(const QString &dir, Value &topKust);

private:
    ParseCache &priv;
    RenderOptions opts;
    const FileOverlay *overlay;
    const std::atomic_bool *cancel;
    QSet<QString> warned;
    bool schemaSet = false;   // openapi: the first kustomization's choice wins
    bool trackOrigin = false; // buildMetadata set at the top: transformations are recorded
    QString topDir;

    // Records on every resource that a transformer configured in `configuredIn` ran
    // (kustomize's AddTransformerAnnotation).
    void noteTransformer(Acc &acc, const QString &configuredIn, const std::string &apiVersion,
                         const std::string &kind, const std::string &name = {},
                         const std::string &ns = {})
    {
        if (!trackOrigin)
            return;
        std::string e =
            "configuredIn: " + QDir(topDir).relativeFilePath(configuredIn).toStdString() +
            "\nconfiguredBy:\n  apiVersion: " + apiVersion + "\n  kind: " + kind + "\n";
        if (!name.empty())
            e += "  name: " + name + "\n";
        if (!ns.empty())
            e += "  namespace: " + ns + "\n";
        for (Resource &r : acc.res)
            r.transformations.push_back(e);
    }
    void noteBuiltin(Acc &acc, const QString &dir, const char *kind)
    {
        if (!trackOrigin)
            return;
        auto kf = findKustomizationFile(dir);
        noteTransformer(acc, kf ? *kf : dir, "builtin", kind);
    }
    std::set<std::string> schemaMergeKeys; // custom openapi merge keys "field=key"
    std::set<std::string> schemaKinds;     // "group/kind" the custom schema describes

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }

    void warn(const QString &w)
    {
        if (!warned.contains(w)) {
            warned.insert(w);
            warnings << w;
        }
    }

    // Per render, the file system is taken as still: existence and canonical paths are asked
    // once per path.
    struct StatInfo
    {
        bool exists = false, isDir = false;
        FileSig sig;
    };
    mutable QHash<QString, StatInfo> statCache;
    const StatInfo &statOf(const QString &path) const
    {
        auto it = statCache.constFind(path);
        if (it != statCache.constEnd())
            return *it;
        StatInfo info;
        info.sig = statFile(path, &info.exists, &info.isDir);
        return *statCache.insert(path, info);
    }

    bool exists(const QString &path, bool *isDir) const
    {
        if (overlay) {
            auto it = overlay->files.constFind(path);
            if (it != overlay->files.constEnd()) {
                *isDir = false;
                return it->has_value();
            }
        }
        const StatInfo &info = statOf(path);
        if (!info.exists && overlay) {
            // A folder that only unsaved files make (a new service's overlays).
            const QString prefix = path + QLatin1Char('/');
            for (auto it = overlay->files.constBegin(); it != overlay->files.constEnd(); ++it) {
                if (it->has_value() && it.key().startsWith(prefix)) {
                    *isDir = true;
                    return true;
                }
            }
        }
        *isDir = info.isDir;
        return info.exists;
    }

    Result<QByteArray> readRaw(const QString &path) const
    {
        if (overlay) {
            auto it = overlay->files.constFind(path);
            if (it != overlay->files.constEnd()) {
                if (!it->has_value())
                    return fail(Error::Code::NotFound,
                                tr("open %1: no such file or directory").arg(path));
                return **it;
            }
        }
        const StatInfo &info = statOf(path);
        if (info.exists && !info.isDir) {
            const std::string key = "raw:" + path.toStdString();
            {
                QMutexLocker lock(&priv.mutex);
                auto c = priv.cache.find(key);
                if (c != priv.cache.end() && c->second.sig == info.sig && info.sig.settled(startNs))
                    return c->second.bytes;
            }
            QFile f(path);
            if (f.open(QIODevice::ReadOnly)) {
                QByteArray bytes = f.readAll();
                QMutexLocker lock(&priv.mutex);
                ParseCache::Entry &e = priv.cache[key];
                e.sig = info.sig;
                e.bytes = bytes;
                e.docs.reset();
                return bytes;
            }
        }
        return fail(Error::Code::NotFound, tr("open %1: no such file or directory").arg(path));
    }

    // The path with symbolic links resolved. Directories are resolved once per render, so a
    // file costs one lstat unless it is itself a link.
    QString canonical(const QString &path) const
    {
        auto it = canonicalCache.constFind(path);
        if (it != canonicalCache.constEnd())
            return *it;
        QString real;
        struct stat st;
        const QByteArray native = QFile::encodeName(path);
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        const bool missing = ::lstat(native.constData(), &st) != 0;
        if (slash > 0 && (missing || !S_ISLNK(st.st_mode))) {
            // A path that does not exist (yet: an unsaved file) lives in its parent's place.
            const QString parent = canonical(path.left(slash));
            real = parent + path.mid(slash);
        } else {
            real = QFileInfo(path).canonicalFilePath();
        }
        if (real.isEmpty())
            real = path;
        canonicalCache.insert(path, real);
        return real;
    }
    mutable QHash<QString, QString> canonicalCache; // per render: symlinks resolved once

    // Checks the load restrictor: `path` must be inside `root` (symlinks resolved).
    Result<QString> checkedPath(const QString &root, const QString &relOrAbs) const
    {
        if (isRemote(relOrAbs))
            return fail(Error::Code::Unsupported,
                        tr("remote resources are not supported: '%1'").arg(relOrAbs));
        const QString abs = QDir::cleanPath(QDir(root).absoluteFilePath(relOrAbs));
        if (opts.loadRestrictor == LoadRestrictor::None)
            return abs;
        const QString real = canonical(abs);
        const QString realRoot = canonical(root);
        if (real != realRoot && !real.startsWith(realRoot + QLatin1Char('/')))
            return fail(Error::Code::Rejected,
                        tr("security; file '%1' is not in or below '%2'").arg(abs, root));
        return abs;
    }

    Result<std::shared_ptr<const std::vector<Value>>> parseFile(const QString &path) const
    {
        const std::string key = path.toStdString();
        const bool fromOverlay = overlay && overlay->files.contains(path);
        if (!fromOverlay) {
            // A file on disk: unchanged since the last render when its stat signature is.
            const StatInfo &info = statOf(path);
            if (info.exists && !info.isDir) {
                QMutexLocker lock(&priv.mutex);
                auto it = priv.cache.find(key);
                if (it != priv.cache.end() && info.sig.settled(startNs) &&
                    it->second.sig == info.sig && it->second.docs)
                    return it->second.docs;
            }
        }
        auto bytes = readRaw(path);
        if (!bytes)
            return std::unexpected(bytes.error());
        const QByteArray hash = QCryptographicHash::hash(*bytes, QCryptographicHash::Md5);
        {
            QMutexLocker lock(&priv.mutex);
            auto it = priv.cache.find(key);
            if (it != priv.cache.end() && it->second.hash == hash && it->second.docs) {
                if (!fromOverlay)
                    it->second.sig = statOf(path).sig;
                return it->second.docs;
            }
        }
        auto docs = yaml::parseDocuments(*bytes, path);
        if (!docs)
            return std::unexpected(docs.error());
        auto shared = std::make_shared<const std::vector<Value>>(std::move(*docs));
        QMutexLocker lock(&priv.mutex);
        ParseCache::Entry &e = priv.cache[key];
        e.hash = hash;
        e.sig = fromOverlay ? FileSig{} : statOf(path).sig;
        e.docs = shared;
        return shared;
    }

    // Inline YAML (patches, plugin configs written in the kustomization) parsed through the
    // same cache, keyed by content.
    Result<std::vector<Value>> parseInline(const std::string &text) const
    {
        const QByteArray bytes = QByteArray::fromStdString(text);
        const QByteArray hash = QCryptographicHash::hash(bytes, QCryptographicHash::Md5);
        const std::string key = "inline:" + hash.toHex().toStdString();
        {
            QMutexLocker lock(&priv.mutex);
            auto it = priv.cache.find(key);
            if (it != priv.cache.end())
                return *it->second.docs;
        }
        auto docs = yaml::parseDocuments(bytes);
        if (!docs)
            return std::unexpected(docs.error());
        auto shared = std::make_shared<const std::vector<Value>>(*docs);
        QMutexLocker lock(&priv.mutex);
        priv.cache[key] = Private_Entry(hash, shared);
        return std::move(*docs);
    }

    static ParseCache::Entry Private_Entry(QByteArray h,
                                           std::shared_ptr<const std::vector<Value>> d)
    {
        ParseCache::Entry e;
        e.hash = std::move(h);
        e.docs = std::move(d);
        return e;
    }

    mutable QHash<QString, Result<QString>> kustFileCache;
    Result<QString> findKustomizationFile(const QString &dir) const
    {
        auto it = kustFileCache.constFind(dir);
        if (it != kustFileCache.constEnd())
            return *it;
        auto r = findKustomizationFileUncached(dir);
        kustFileCache.insert(dir, r);
        return r;
    }
    Result<QString> findKustomizationFileUncached(const QString &dir) const
    {
        QStringList found;
        for (const char *n : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
            bool isDir = false;
            const QString p = dir + QLatin1Char('/') + QLatin1String(n);
            if (exists(p, &isDir) && !isDir)
                found << p;
        }
        if (found.size() > 1)
            return fail(Error::Code::Syntax,
                        tr("Found multiple kustomization files under: %1").arg(dir));
        if (found.isEmpty())
            return fail(Error::Code::NotFound,
                        tr("unable to find one of 'kustomization.yaml', 'kustomization.yml' or "
                           "'Kustomization' in directory '%1'")
                            .arg(dir));
        return found.front();
    }

    Result<Value> loadKustomization(const QString &dir)
    {
        auto file = findKustomizationFile(dir);
        if (!file)
            return std::unexpected(file.error());
        auto docs = parseFile(*file);
        if (!docs)
            return std::unexpected(docs.error());
        Value k = (*docs)->empty() ? Value::map() : (*docs)->front();
        if (k.isNull())
            k = Value::map();
        if (!k.isMap())
            return fail(Error::Code::Syntax, tr("kustomization file %1 is not a map").arg(*file));
        return normalizeKustomization(std::move(k));
    }

    Result<void> accumulate(const QString &dir, const Value &k, Acc &acc, bool isComponent);
    Result<void> accumulateResources(const QString &dir, const std::vector<std::string> &paths,
                                     Acc &acc, bool components);
    Result<void> appendResources(Acc &acc, ResList list);
    Result<ResList> resourcesFromFile(const QString &path);
    Result<void> runGenerators(const QString &dir, const Value &k, Acc &acc);
    Result<void> runTransformers(const QString &dir, const Value &k, Acc &acc);
    Result<void> addGenerated(Acc &acc, Resource r);
    Result<Resource> generate(const QString &dir, const Value &args, const std::string &kind,
                              const Value *options);
    Result<void> applyBuiltin(const QString &dir, const Value &cfg, Acc &acc);
    Result<void> applyPatches(const QString &dir, const Value &patches, Acc &acc,
                              bool strategicOnly);
    Result<void> applyPatch(const Value &patchDocs, const Value *target, const Value *options,
                            Acc &acc);
    Result<void> applyJson6902(const QString &dir, const Value &entries, Acc &acc);
    Result<void> applyReplacements(const QString &dir, const Value &list, Acc &acc);
    Result<std::vector<Value>> loadInlineOrFiles(const QString &dir, const Value &list,
                                                 std::vector<QString> *origins = nullptr);
    Result<Value> readPatchContent(const QString &dir, const Value &entry, QString *origin);

    Result<void> fixNameRefs(Acc &acc);
    Result<void> resolveVars(Acc &acc);
};

// ---- selectors -----------------------------------------------------------------------------

bool regexFull(const std::string &pattern, const std::string &value)
{
    if (pattern.empty())
        return true;
    // Most selectors are plain names: no need for a regular expression.
    if (pattern.find_first_of(".^$*+?()[]{}|\\") == std::string::npos)
        return pattern == value;
    // Compiled patterns are kept per thread (renders run on worker threads).
    thread_local std::unordered_map<std::string, QRegularExpression> compiled;
    auto it = compiled.find(pattern);
    if (it == compiled.end()) {
        if (compiled.size() > 4096)
            compiled.clear();
        QRegularExpression re(QRegularExpression::anchoredPattern(qs(pattern)));
        re.optimize();
        it = compiled.emplace(pattern, std::move(re)).first;
    }
    if (!it->second.isValid())
        return pattern == value;
    return it->second.match(qs(value)).hasMatch();
}

bool matchLabelSelector(const std::string &selector, const Value *labels)
{
    if (selector.empty())
        return true;
    auto get = [&](const std::string &k, std::string *v) {
        if (!labels || !labels->isMap())
            return false;
        const Value *x = labels->get(k);
        if (!x)
            return false;
        *v = x->text;
        return true;
    };
    // split on commas not inside parentheses
    std::vector<std::string> reqs;
    std::string cur;
    int depth = 0;
    for (char c : selector) {
        if (c == '(')
            ++depth;
        if (c == ')')
            --depth;
        if (c == ',' && depth == 0) {
            reqs.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    reqs.push_back(cur);
    auto trim = [](std::string s) {
        while (!s.empty() && s.front() == ' ')
            s.erase(s.begin());
        while (!s.empty() && s.back() == ' ')
            s.pop_back();
        return s;
    };
    for (std::string r : reqs) {
        r = trim(r);
        if (r.empty())
            continue;
        std::string v;
        size_t p;
        if ((p = r.find("!=")) != std::string::npos) {
            if (get(trim(r.substr(0, p)), &v) && v == trim(r.substr(p + 2)))
                return false;
        } else if ((p = r.find("==")) != std::string::npos) {
            if (!get(trim(r.substr(0, p)), &v) || v != trim(r.substr(p + 2)))
                return false;
        } else if ((p = r.find('=')) != std::string::npos) {
            if (!get(trim(r.substr(0, p)), &v) || v != trim(r.substr(p + 1)))
                return false;
        } else if ((p = r.find(" notin ")) != std::string::npos ||
                   (p = r.find(" in ")) != std::string::npos) {
            const bool notin = r.compare(p, 7, " notin ") == 0;
            const std::string key = trim(r.substr(0, p));
            const size_t o = r.find('('), c = r.find(')');
            std::set<std::string> vals;
            if (o != std::string::npos && c != std::string::npos) {
                std::string list = r.substr(o + 1, c - o - 1), item;
                for (char ch : list + ",") {
                    if (ch == ',') {
                        vals.insert(trim(item));
                        item.clear();
                    } else {
                        item += ch;
                    }
                }
            }
            const bool has = get(key, &v);
            if (notin ? (has && vals.count(v)) : (!has || !vals.count(v)))
                return false;
        } else if (r[0] == '!') {
            if (get(trim(r.substr(1)), &v))
                return false;
        } else {
            if (!get(r, &v))
                return false;
        }
    }
    return true;
}

// kustomize's resWrangler.Select: id fields match the current or the original id; name and
// namespace are anchored regular expressions.
// kustomize's ResId.EffectiveNamespace: cluster-scoped kinds have none, an empty namespace
// is "default".
std::string effectiveNamespace(const ResId &id)
{
    if (id.isClusterScoped())
        return "_non_namespaceable_";
    return id.ns.empty() ? std::string("default") : id.ns;
}

bool selects(const Value &sel, const Resource &r)
{
    const ResId cur = r.curId(), org = r.orgId();
    // Group, version and kind are anchored regular expressions matched against the current
    // GVK; name and namespace match the original or the current id.
    const std::string ns = sel.str({"namespace"});
    if (!ns.empty() && !regexFull(ns, effectiveNamespace(org)) &&
        !regexFull(ns, effectiveNamespace(cur)))
        return false;
    const std::string name = sel.str({"name"});
    if (!name.empty() && !regexFull(name, org.name) && !regexFull(name, cur.name))
        return false;
    for (const auto &[field, value] :
         {std::pair{"group", &cur.gvk.group}, std::pair{"version", &cur.gvk.version},
          std::pair{"kind", &cur.gvk.kind}}) {
        const std::string want = sel.str({field});
        if (!want.empty() && !regexFull(want, *value))
            return false;
    }
    if (!matchLabelSelector(sel.str({"labelSelector"}), r.obj.at({"metadata", "labels"})))
        return false;
    if (!matchLabelSelector(sel.str({"annotationSelector"}), r.obj.at({"metadata", "annotations"})))
        return false;
    return true;
}

bool idEquals(const ResId &a, const ResId &b)
{
    return a.gvk == b.gvk && a.name == b.name && a.nsEquals(b);
}

bool matchesAnyId(const Resource &r, const ResId &id)
{
    if (idEquals(r.curId(), id))
        return true;
    for (const ResId &p : r.prevIds)
        if (idEquals(p, id))
            return true;
    return false;
}

// ---- build -----------------------------------------------------------------------------------

Result<void> Build::appendResources(Acc &acc, ResList list)
{
    for (Resource &r : list) {
        const ResId id = r.curId();
        for (const Resource &e : acc.res)
            if (idEquals(e.curId(), id))
                return fail(Error::Code::Conflict,
                            tr("may not add resource with an already registered id: %1")
                                .arg(qs(id.toString())));
        acc.res.push_back(std::move(r));
    }
    return {};
}

Result<ResList> Build::resourcesFromFile(const QString &path)
{
    auto docs = parseFile(path);
    if (!docs)
        return std::unexpected(docs.error());
    ResList out;
    std::function<Result<void>(const Value &)> add = [&](const Value &d) -> Result<void> {
        if (d.isNull() || (d.isMap() && d.entries.empty()))
            return {};
        if (!d.isMap())
            return fail(Error::Code::Syntax,
                        tr("MalformedYAMLError: resource in %1 is not a map").arg(path));
        const std::string kind = d.str({"kind"});
        if (const Value *items = d.get("items");
            kind.ends_with("List") && items && items->isSeq()) {
            for (const Value &i : items->items)
                if (auto r = add(i); !r)
                    return r;
            return {};
        }
        if (kind.empty())
            return fail(Error::Code::Syntax, tr("missing kind in object in %1").arg(path));
        Resource r;
        r.obj = d;
        r.originFile = path;
        // Labels and annotations are string maps in kustomize's resource model.
        if (Value *meta = r.obj.get("metadata"); meta && meta->isMap())
            for (const char *f : {"labels", "annotations"})
                if (Value *m = meta->get(f); m && m->isMap())
                    for (MapEntry &e : m->entries)
                        if (e.value.isScalar() && !e.value.isString())
                            e.value =
                                Value::string(e.value.isNull() ? std::string() : e.value.text);
        out.push_back(std::move(r));
        return {};
    };
    for (const Value &d : **docs)
        if (auto r = add(d); !r)
            return std::unexpected(r.error());
    return out;
}

Result<void> Build::accumulateResources(const QString &dir, const std::vector<std::string> &paths,
                                        Acc &acc, bool components)
{
    for (const std::string &p : paths) {
        if (cancelled())
            return fail(Error::Code::Cancelled, tr("cancelled"));
        const QString rel = qs(p);
        if (isRemote(rel))
            return fail(Error::Code::Unsupported,
                        tr("accumulating resources: remote resource '%1' is not supported: Kanri "
                           "renders local files only")
                            .arg(rel));
        const QString abs = QDir::cleanPath(QDir(dir).absoluteFilePath(rel));
        bool isDir = false;
        if (!exists(abs, &isDir))
            return fail(Error::Code::NotFound,
                        tr("accumulating resources: accumulation err='accumulating resources "
                           "from '%1': open %2: no such file or directory': must build at "
                           "directory: not a valid directory: evalsymlink failure on '%2' : lstat "
                           "%2: no such file or directory")
                            .arg(rel, abs));
        if (isDir) {
            auto sub = loadKustomization(abs);
            if (!sub)
                return std::unexpected(wrap(tr("accumulating resources"), sub.error()));
            const std::string kind = sub->str({"kind"});
            if (components) {
                if (kind != "Component")
                    return fail(
                        Error::Code::Syntax,
                        tr("accumulating components: accumulateDirectory: \"expected "
                           "kind 'Component' for path '%1' but got '%2'")
                            .arg(abs, kind.empty() ? QStringLiteral("Kustomization") : qs(kind)));
                if (sub->str({"apiVersion"}) != "kustomize.config.k8s.io/v1alpha1" &&
                    !sub->str({"apiVersion"}).empty())
                    return fail(Error::Code::Syntax, tr("apiVersion for Component should be "
                                                        "kustomize.config.k8s.io/v1alpha1"));
                if (auto r = accumulate(abs, *sub, acc, true); !r)
                    return r;
                continue;
            }
            if (kind == "Component")
                return fail(Error::Code::Syntax,
                            tr("accumulating resources: expected kind != 'Component' for path "
                               "'%1'")
                                .arg(abs));
            Acc subAcc;
            if (auto r = accumulate(abs, *sub, subAcc, false); !r)
                return std::unexpected(wrap(tr("accumulating resources"), r.error()));
            if (auto r = appendResources(acc, std::move(subAcc.res)); !r)
                return r;
            acc.mergeConfig(subAcc.tcp);
            for (Var &v : subAcc.vars) {
                for (const Var &e : acc.vars)
                    if (e.name == v.name)
                        return fail(Error::Code::Conflict,
                                    tr("var '%1' already encountered").arg(qs(v.name)));
                acc.vars.push_back(std::move(v));
            }
            continue;
        }
        if (components)
            return fail(Error::Code::Syntax,
                        tr("accumulating components: '%1' is not a directory").arg(abs));
        auto checked = checkedPath(dir, rel);
        if (!checked)
            return std::unexpected(wrap(tr("accumulating resources"), checked.error()));
        auto list = resourcesFromFile(abs);
        if (!list) {
            Error e = list.error();
            if (e.code == Error::Code::Syntax)
                e.message = QStringLiteral("MalformedYAMLError: ") + e.message;
            return std::unexpected(
                wrap(tr("accumulating resources: accumulating resources from '%1'").arg(rel), e));
        }
        if (auto r = appendResources(acc, std::move(*list)); !r)
            return std::unexpected(wrap(tr("accumulating resources"), r.error()));
    }
    return {};
}

Result<void> Build::accumulate(const QString &dir, const Value &k, Acc &acc, bool isComponent)
{
    Q_UNUSED(isComponent);
    for (const char *unsupported : {"helmCharts", "helmGlobals", "helmChartInflationGenerator"})
        if (k.get(unsupported))
            return fail(Error::Code::Unsupported,
                        tr("'%1' is not supported: Kanri does not run helm").arg(qs(unsupported)));
    if (k.get("commonLabels"))
        warn(tr("# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. Run "
                "'kustomize edit fix' to update your Kustomization automatically."));
    if (k.get("patchesStrategicMerge"))
        warn(tr("# Warning: 'patchesStrategicMerge' is deprecated. Please use 'patches' instead. "
                "Run 'kustomize edit fix' to update your Kustomization automatically."));
    if (k.get("patchesJson6902"))
        warn(tr("# Warning: 'patchesJson6902' is deprecated. Please use 'patches' instead. Run "
                "'kustomize edit fix' to update your Kustomization automatically."));
    if (k.get("vars"))
        warn(tr("# Warning: 'vars' is deprecated. Please use 'replacements' instead. "
                "[EXPERIMENTAL] Run 'kustomize edit fix' to update your Kustomization "
                "automatically."));
    if (k.get("bases"))
        warn(tr("# Warning: 'bases' is deprecated. Please use 'resources' instead. Run "
                "'kustomize edit fix' to update your Kustomization automatically."));

    // openapi: kustomize keeps one schema per build, the first one a kustomization sets (the
    // top-level one first): an overlay's choice takes precedence over its bases'.
    if (const Value *oa = k.get("openapi"); oa && oa->isMap() && !schemaSet) {
        const std::string path = oa->str({"path"});
        if (!path.empty()) {
            if (oa->get("version"))
                return fail(Error::Code::Syntax,
                            tr("builtin version and custom schema provided, cannot use both"));
            auto p = checkedPath(dir, qs(path));
            if (!p)
                return std::unexpected(p.error());
            auto docs = parseFile(*p);
            if (!docs)
                return std::unexpected(docs.error());
            std::function<void(const Value &, const std::string &, int)> scan =
                [&](const Value &v, const std::string &field, int depth) {
                    if (depth > 200)
                        return;
                    if (v.isMap()) {
                        if (const Value *mk = v.get("x-kubernetes-patch-merge-key"))
                            schemaMergeKeys.insert(field + "=" + mk->text);
                        if (const Value *gvks = v.get("x-kubernetes-group-version-kind");
                            gvks && gvks->isSeq())
                            for (const Value &g : gvks->items)
                                schemaKinds.insert(g.str({"group"}) + "/" + g.str({"kind"}));
                        for (const MapEntry &e : v.entries) {
                            const std::string f =
                                (field.empty() || e.key != "items") ? e.key : field;
                            scan(e.value,
                                 e.key == "properties" || e.key == "items" || e.key == "definitions"
                                     ? field
                                     : f,
                                 depth + 1);
                        }
                    } else if (v.isSeq()) {
                        for (const Value &i : v.items)
                            scan(i, field, depth + 1);
                    }
                };
            for (const Value &d : **docs)
                scan(d, {}, 0);
            schemaSet = true;
        } else if (!oa->str({"version"}).empty()) {
            schemaSet = true; // a builtin Kubernetes version: no custom merge keys
        }
    }

    std::vector<std::string> resources = strList(k.get("resources"));
    for (const std::string &b : strList(k.get("bases")))
        resources.push_back(b);
    if (auto r = accumulateResources(dir, resources, acc, false); !r)
        return r;

    // configurations and crds
    for (const std::string &c : strList(k.get("configurations"))) {
        auto p = checkedPath(dir, qs(c));
        if (!p)
            return std::unexpected(p.error());
        auto docs = parseFile(*p);
        if (!docs)
            return std::unexpected(docs.error());
        for (const Value &d : **docs) {
            auto tc = parseTransformerConfig(d);
            if (!tc)
                return std::unexpected(tc.error());
            acc.mergeConfig(*tc);
        }
    }
    for (const std::string &c : strList(k.get("crds"))) {
        auto p = checkedPath(dir, qs(c));
        if (!p)
            return std::unexpected(p.error());
        auto docs = parseFile(*p);
        if (!docs)
            return std::unexpected(wrap(tr("loading CRDs"), docs.error()));
        for (const Value &d : **docs)
            acc.mergeConfig(transformerConfigFromCrds(d));
    }
    if (auto r = runGenerators(dir, k, acc); !r)
        return r;
    if (auto r = accumulateResources(dir, strList(k.get("components")), acc, true); !r)
        return r;
    if (auto r = runTransformers(dir, k, acc); !r)
        return r;

    if (const Value *vars = k.get("vars"); vars && vars->isSeq()) {
        for (const Value &v : vars->items) {
            Var var;
            var.name = v.str({"name"});
            const std::string apiVersion = v.str({"objref", "apiVersion"});
            var.gvk = Gvk::fromApiVersion(apiVersion, v.str({"objref", "kind"}));
            if (apiVersion.empty()) {
                var.gvk.group = v.str({"objref", "group"});
                var.gvk.version = v.str({"objref", "version"});
            }
            var.objName = v.str({"objref", "name"});
            var.objNs = v.str({"objref", "namespace"});
            var.fieldPath = v.str({"fieldref", "fieldpath"});
            if (var.fieldPath.empty())
                var.fieldPath = "metadata.name";
            for (const Var &e : acc.vars)
                if (e.name == var.name)
                    return fail(Error::Code::Conflict,
                                tr("var '%1' already encountered").arg(qs(var.name)));
            // Bind the var to the one resource it names among this level's resources.
            std::vector<Resource *> matched;
            for (Resource &r : acc.res) {
                std::vector<ResId> ids = r.prevIds;
                ids.push_back(r.curId());
                for (const ResId &id : ids)
                    if (id.gvk.selectedBy(var.gvk) && id.name == var.objName &&
                        (var.objNs.empty() || id.ns == var.objNs)) {
                        matched.push_back(&r);
                        break;
                    }
            }
            if (matched.size() > 1)
                return fail(Error::Code::Conflict,
                            tr("found %1 resId matches for var {%2} (unable to disambiguate)")
                                .arg(matched.size())
                                .arg(qs(var.name)));
            if (matched.size() == 1)
                matched[0]->refVarNames.push_back(var.name);
            acc.vars.push_back(std::move(var));
        }
    }
    return {};
}

// ---- generators ------------------------------------------------------------------------------

namespace {

// kyaml's encodeBase64: lines of 70 characters, each ending in a newline when there is
// more than one line's worth.
std::string base64(const QByteArray &b)
{
    const std::string enc = b.toBase64().toStdString();
    constexpr size_t lineLen = 70;
    const size_t lines = enc.size() / lineLen + 1;
    if (lines <= 1)
        return enc;
    std::string out;
    for (size_t i = 0; i < enc.size(); i += lineLen) {
        out += enc.substr(i, lineLen);
        out += '\n';
    }
    return out;
}

std::string removeQuotes(const std::string &s)
{
    if (s.size() >= 2 &&
        ((s.front() == '"' && s.back() == '"') || (s.front() == '\'' && s.back() == '\'')))
        return s.substr(1, s.size() - 2);
    return s;
}

bool validUtf8(const QByteArray &b)
{
    QString s = QString::fromUtf8(b);
    return s.toUtf8() == b;
}

} // namespace

Result<Resource> Build::generate(const QString &dir, const Value &args, const std::string &kind,
                                 const Value *options)
{
    Resource r;
    r.generated = true;
    r.obj = Value::map();
    r.obj.set("apiVersion", Value::string("v1"));
    r.obj.set("kind", Value::string(kind));
    {
        Value &meta = r.obj.getOrAddMap("metadata");
        meta.set("name", Value::string(args.str({"name"})));
        if (!args.str({"namespace"}).empty())
            meta.set("namespace", Value::string(args.str({"namespace"})));
    }
    const bool secret = kind == "Secret";
    std::string behavior = args.str({"behavior"});
    if (behavior.empty())
        behavior = "create";
    if (behavior != "create" && behavior != "merge" && behavior != "replace")
        return fail(Error::Code::Syntax, tr("invalid generator behavior: %1").arg(qs(behavior)));
    r.behavior = behavior;

    Value data = Value::map(), binary = Value::map();
    auto put = [&](const std::string &key, const QByteArray &value) -> Result<void> {
        if (data.get(key) || binary.get(key))
            return fail(Error::Code::Conflict, tr("configmap %1 illegally repeats the key `%2`")
                                                   .arg(qs(args.str({"name"})), qs(key)));
        if (secret)
            data.set(key, Value::string(base64(value)));
        else if (validUtf8(value))
            data.set(key, Value::string(value.toStdString()));
        else
            binary.set(key, Value::string(base64(value)));
        return {};
    };
    for (const std::string &env : strList(args.get("envs")))
        (void)env;
    std::vector<std::string> envs = strList(args.get("envs"));
    if (!args.str({"env"}).empty())
        envs.insert(envs.begin(), args.str({"env"}));
    for (const std::string &env : envs) {
        auto p = checkedPath(dir, qs(env));
        if (!p)
            return std::unexpected(p.error());
        auto bytes = readRaw(*p);
        if (!bytes)
            return std::unexpected(bytes.error());
        const QList<QByteArray> lines = bytes->split('\n');
        int lineNo = 0;
        for (QByteArray line : lines) {
            ++lineNo;
            if (line.endsWith('\r'))
                line.chop(1);
            if (lineNo == 1 && line.startsWith("\xEF\xBB\xBF"))
                line = line.mid(3);
            QByteArray t = line;
            while (!t.isEmpty() && QChar::isSpace(uchar(t[0])))
                t = t.mid(1);
            if (t.isEmpty() || t.startsWith('#'))
                continue;
            const int eq = t.indexOf('=');
            if (eq < 0) {
                const QByteArray v = qgetenv(t.trimmed().constData());
                if (auto rr = put(t.trimmed().toStdString(), v); !rr)
                    return std::unexpected(rr.error());
                continue;
            }
            if (auto rr = put(t.left(eq).toStdString(), t.mid(eq + 1)); !rr)
                return std::unexpected(rr.error());
        }
    }
    for (const std::string &lit : strList(args.get("literals"))) {
        const auto eq = lit.find('=');
        if (eq == std::string::npos)
            return fail(Error::Code::Syntax,
                        tr("invalid literal source %1, expected key=value").arg(qs(lit)));
        if (auto rr =
                put(lit.substr(0, eq), QByteArray::fromStdString(removeQuotes(lit.substr(eq + 1))));
            !rr)
            return std::unexpected(rr.error());
    }
    for (const std::string &f : strList(args.get("files"))) {
        std::string key, path = f;
        const auto eq = f.find('=');
        if (eq != std::string::npos) {
            key = f.substr(0, eq);
            path = f.substr(eq + 1);
        } else {
            key = QFileInfo(qs(f)).fileName().toStdString();
        }
        auto p = checkedPath(dir, qs(path));
        if (!p)
            return std::unexpected(p.error());
        auto bytes = readRaw(*p);
        if (!bytes)
            return std::unexpected(bytes.error());
        if (auto rr = put(key, *bytes); !rr)
            return std::unexpected(rr.error());
    }
    if (secret) {
        std::string type = args.str({"type"});
        r.obj.set("type", Value::string(type.empty() ? "Opaque" : type));
    }
    if (!data.entries.empty())
        r.obj.set("data", std::move(data));
    if (!binary.entries.empty())
        r.obj.set("binaryData", std::move(binary));

    // generatorOptions (kustomization-wide) then the generator's own options.
    bool disableHash = false;
    auto applyOptions = [&](const Value *o) {
        if (!o || !o->isMap())
            return;
        Value &md = r.obj.getOrAddMap("metadata"); // fresh: r.obj's entries may have moved
        for (auto &[k, v] : strMap(o->get("labels")))
            md.getOrAddMap("labels").set(k, Value::string(v));
        for (auto &[k, v] : strMap(o->get("annotations")))
            md.getOrAddMap("annotations").set(k, Value::string(v));
        if (const Value *d = o->get("disableNameSuffixHash"))
            disableHash = d->text == "true";
        if (const Value *im = o->get("immutable"); im && im->text == "true")
            r.obj.set("immutable", Value::boolean(true));
    };
    applyOptions(options);
    applyOptions(args.get("options"));
    r.needsHash = !disableHash;
    return r;
}

// kustomize's IAMPolicyGenerator: a ServiceAccount bound to a cloud identity (GKE only).
static Result<Resource> iamPolicy(const Value &cfg)
{
    const std::string cloud = cfg.str({"cloud"});
    if (cloud != "gke")
        return fail(Error::Code::Unsupported, tr("cloud %1 is not yet supported").arg(qs(cloud)));
    std::string project = cfg.str({"serviceAccount", "projectId"});
    if (project.empty())
        project = cfg.str({"projectId"});
    Resource r;
    r.generated = true;
    r.obj = Value::map();
    r.obj.set("apiVersion", Value::string("v1"));
    r.obj.set("kind", Value::string("ServiceAccount"));
    Value &meta = r.obj.getOrAddMap("metadata");
    meta.getOrAddMap("annotations")
        .set("iam.gke.io/gcp-service-account",
             Value::string(cfg.str({"serviceAccount", "name"}) + "@" + project +
                           ".iam.gserviceaccount.com"));
    meta.set("name", Value::string(cfg.str({"kubernetesService", "name"})));
    std::string ns = cfg.str({"kubernetesService", "namespace"});
    if (ns.empty())
        ns = cfg.str({"namespace"});
    if (!ns.empty())
        meta.set("namespace", Value::string(ns));
    return r;
}

Result<void> Build::addGenerated(Acc &acc, Resource r)
{
    const ResId id = r.curId();
    std::vector<size_t> matches;
    for (size_t i = 0; i < acc.res.size(); ++i)
        if (matchesAnyId(acc.res[i], id))
            matches.push_back(i);
    if (matches.empty()) {
        if (r.behavior == "merge" || r.behavior == "replace")
            return fail(Error::Code::NotFound,
                        tr("id %1 does not exist; cannot merge or replace").arg(qs(id.toString())));
        acc.res.push_back(std::move(r));
        return {};
    }
    if (matches.size() > 1)
        return fail(
            Error::Code::Conflict,
            tr("found multiple objects %1 that could accept merge of %1").arg(qs(id.toString())));
    Resource &old = acc.res[matches.front()];
    if (r.behavior != "merge" && r.behavior != "replace")
        return fail(Error::Code::Conflict,
                    tr("id %1 exists; behavior must be merge or replace").arg(qs(id.toString())));
    Value &meta = r.obj.getOrAddMap("metadata");
    auto mergeMapField = [&](const char *field, const Value *oldMeta) {
        const Value *o = oldMeta ? oldMeta->get(field) : nullptr;
        if (!o || !o->isMap())
            return;
        Value merged = *o;
        if (const Value *n = meta.get(field); n && n->isMap())
            for (const MapEntry &e : n->entries)
                merged.set(e.key, e.value);
        meta.set(field, std::move(merged));
    };
    const Value *oldMeta = old.obj.get("metadata");
    mergeMapField("labels", oldMeta);
    mergeMapField("annotations", oldMeta);
    if (r.behavior == "merge") {
        for (const char *f : {"data", "binaryData"}) {
            const Value *o = old.obj.get(f);
            if (!o || !o->isMap())
                continue;
            Value merged = *o;
            if (const Value *n = r.obj.get(f); n && n->isMap())
                for (const MapEntry &e : n->entries)
                    merged.set(e.key, e.value);
            r.obj.set(f, std::move(merged));
        }
    }
    r.setName(old.name());
    if (!old.ns().empty())
        r.setNamespace(old.ns());
    r.prevIds = old.prevIds;
    r.refVarNames = old.refVarNames;
    r.transformations = old.transformations;
    r.prefixes = old.prefixes;
    r.suffixes = old.suffixes;
    // A merge into a resource that was not generated, or an overlay that disables the hash,
    // leaves the name without a suffix.
    r.needsHash = r.needsHash && old.needsHash;
    if (r.behavior == "merge") {
        // A merge keeps where the object came from.
        r.originFile = old.originFile;
        r.genConfiguredIn = old.genConfiguredIn;
        r.genKind = old.genKind;
        r.genName = old.genName;
    }
    old = std::move(r);
    return {};
}

Result<std::vector<Value>> Build::loadInlineOrFiles(const QString &dir, const Value &list,
                                                    std::vector<QString> *origins)
{
    // Entries of transformers:/generators:/patchesStrategicMerge: file paths or inline YAML.
    // `origins` receives, per output, the file that configured it.
    std::vector<Value> out;
    if (!list.isSeq())
        return out;
    const auto kfile = findKustomizationFile(dir);
    const QString kustomizationFile = kfile ? *kfile : dir;
    for (const Value &e : list.items) {
        QString src = kustomizationFile;
        if (!e.isMap() && e.text.find('\n') == std::string::npos &&
            e.text.find(": ") == std::string::npos)
            src = QDir::cleanPath(QDir(dir).absoluteFilePath(qs(e.text)));
        struct Fill
        {
            std::vector<QString> *o;
            const std::vector<Value> &v;
            const QString &s;
            ~Fill()
            {
                if (o)
                    while (o->size() < v.size())
                        o->push_back(s);
            }
        } fill{origins, out, src};
        if (e.isMap()) {
            out.push_back(e);
            continue;
        }
        const std::string s = e.text;
        if (s.find('\n') != std::string::npos || s.find(": ") != std::string::npos) {
            auto docs = parseInline(s);
            if (!docs)
                return std::unexpected(docs.error());
            for (Value &d : *docs)
                if (!d.isNull())
                    out.push_back(std::move(d));
            continue;
        }
        const QString rel = qs(s);
        if (isRemote(rel))
            return fail(Error::Code::Unsupported,
                        tr("remote plugin configuration '%1' is not supported").arg(rel));
        const QString abs = QDir::cleanPath(QDir(dir).absoluteFilePath(rel));
        bool isDir = false;
        if (exists(abs, &isDir) && isDir) {
            auto sub = loadKustomization(abs);
            if (!sub)
                return std::unexpected(sub.error());
            Acc subAcc;
            if (auto r = accumulate(abs, *sub, subAcc, false); !r)
                return std::unexpected(r.error());
            for (Resource &r : subAcc.res) {
                // Each configuration comes from its own file (origin tracking).
                if (origins)
                    origins->push_back(r.originFile.isEmpty() ? src : r.originFile);
                out.push_back(std::move(r.obj));
            }
            continue;
        }
        auto p = checkedPath(dir, rel);
        if (!p)
            return std::unexpected(p.error());
        auto docs = parseFile(*p);
        if (!docs)
            return std::unexpected(docs.error());
        for (const Value &d : **docs)
            if (!d.isNull())
                out.push_back(d);
    }
    return out;
}

Result<void> Build::runGenerators(const QString &dir, const Value &k, Acc &acc)
{
    const Value *options = k.get("generatorOptions");
    for (const char *field : {"configMapGenerator", "secretGenerator"}) {
        const Value *gens = k.get(field);
        if (!gens || !gens->isSeq())
            continue;
        for (const Value &g : gens->items) {
            auto r = generate(dir, g, field[0] == 'c' ? "ConfigMap" : "Secret", options);
            if (!r)
                return std::unexpected(r.error());
            if (auto kf = findKustomizationFile(dir))
                r->genConfiguredIn = *kf;
            r->genKind = field[0] == 'c' ? "ConfigMapGenerator" : "SecretGenerator";
            if (auto a = addGenerated(acc, std::move(*r)); !a)
                return a;
        }
    }
    if (const Value *gens = k.get("generators")) {
        std::vector<QString> origins;
        auto cfgs = loadInlineOrFiles(dir, *gens, &origins);
        if (!cfgs)
            return std::unexpected(cfgs.error());
        for (size_t ci = 0; ci < cfgs->size(); ++ci) {
            const Value &c = (*cfgs)[ci];
            const std::string kind = c.str({"kind"});
            const std::string av = c.str({"apiVersion"});
            if (kind == "ConfigMapGenerator" || kind == "SecretGenerator") {
                Value args = c;
                if (!c.str({"metadata", "name"}).empty() && c.str({"name"}).empty())
                    args.set("name", Value::string(c.str({"metadata", "name"})));
                if (c.str({"namespace"}).empty() && !c.str({"metadata", "namespace"}).empty())
                    args.set("namespace", Value::string(c.str({"metadata", "namespace"})));
                auto r = generate(dir, args, kind == "ConfigMapGenerator" ? "ConfigMap" : "Secret",
                                  nullptr);
                if (!r)
                    return std::unexpected(r.error());
                r->genConfiguredIn = ci < origins.size() ? origins[ci] : QString();
                r->genKind = kind;
                r->genName = c.str({"metadata", "name"});
                if (auto a = addGenerated(acc, std::move(*r)); !a)
                    return a;
                continue;
            }
            if (av != "builtin" && c.get("metadata")) {
                const Value *ann = c.at({"metadata", "annotations"});
                if (ann && (ann->get("config.kubernetes.io/function") ||
                            ann->get("config.k8s.io/function")))
                    return fail(
                        Error::Code::Unsupported,
                        tr("KRM function plugins are not supported (generator %1)").arg(qs(kind)));
            }
            if (av == "builtin" && kind == "IAMPolicyGenerator") {
                auto r = iamPolicy(c);
                if (!r)
                    return std::unexpected(r.error());
                r->genConfiguredIn = ci < origins.size() ? origins[ci] : QString();
                r->genKind = kind;
                r->genName = c.str({"metadata", "name"});
                if (auto a = appendResources(acc, ResList{std::move(*r)}); !a)
                    return a;
                continue;
            }
            if (av == "builtin" || kind.empty())
                return fail(Error::Code::Unsupported,
                            tr("builtin generator %1 is not supported").arg(qs(kind)));
            // A plain resource listed as a generator output.
            Resource r;
            r.obj = c;
            if (auto a = appendResources(acc, ResList{std::move(r)}); !a)
                return a;
        }
    }
    return {};
}

// ---- transformers ----------------------------------------------------------------------------

namespace {

bool fsMatches(const FieldSpec &fs, const Resource &r)
{
    return r.gvk().selectedBy(fs.gvk);
}

Result<void> setLabels(Resource &r, const std::vector<FieldSpec> &specs,
                       const std::vector<std::pair<std::string, std::string>> &pairs)
{
    for (const FieldSpec &fs : specs) {
        if (!fsMatches(fs, r))
            continue;
        auto res = applyFieldSpec(r.obj, fs, [&](Value &node) -> Result<void> {
            if (node.isNull())
                node = Value::map();
            if (!node.isMap())
                return {};
            for (const auto &[k, v] : pairs)
                node.set(k, Value::string(v));
            return {};
        });
        if (!res)
            return res;
    }
    return {};
}

struct ImageRef
{
    std::string name, tag, digest;
};

ImageRef parseImage(const std::string &image)
{
    ImageRef r;
    std::string s = image;
    const auto at = s.find('@');
    if (at != std::string::npos) {
        r.digest = s.substr(at + 1);
        s = s.substr(0, at);
    }
    const auto slash = s.rfind('/');
    const auto colon = s.rfind(':');
    if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) {
        r.tag = s.substr(colon + 1);
        s = s.substr(0, colon);
    }
    r.name = s;
    return r;
}

std::string updateImage(const std::string &image, const Value &img)
{
    const ImageRef ref = parseImage(image);
    if (ref.name != img.str({"name"}))
        return image;
    std::string name = ref.name;
    if (!img.str({"newName"}).empty())
        name = img.str({"newName"});
    std::string out = name;
    const std::string newTag = img.str({"newTag"});
    const std::string digest = img.str({"digest"});
    if (!newTag.empty() && !digest.empty())
        return out + ":" + newTag + "@" + digest;
    if (!digest.empty())
        return out + "@" + digest;
    if (!newTag.empty())
        return out + ":" + newTag;
    if (!ref.tag.empty())
        out += ":" + ref.tag;
    if (!ref.digest.empty())
        out += "@" + ref.digest;
    return out;
}

void legacyImages(Value &node, const Value &img)
{
    if (node.isMap()) {
        for (MapEntry &e : node.entries) {
            if ((e.key == "containers" || e.key == "initContainers") && e.value.isSeq()) {
                for (Value &c : e.value.items)
                    if (Value *im = c.get("image"); im && im->isScalar() && !im->isNull()) {
                        const std::string n = updateImage(im->text, img);
                        if (n != im->text)
                            *im = Value::string(n);
                    }
            } else {
                legacyImages(e.value, img);
            }
        }
    } else if (node.isSeq()) {
        for (Value &i : node.items)
            legacyImages(i, img);
    }
}

} // namespace

namespace {

// Plugin configs are read through Go's encoding/json: field names match case-insensitively.
void normalizeConfigKeys(Value &v, int depth = 0)
{
    static const char *const known[] = {"imageTag",        "name",
                                        "newName",         "newTag",
                                        "digest",          "tagSuffix",
                                        "fieldSpecs",      "path",
                                        "create",          "group",
                                        "version",         "kind",
                                        "replica",         "count",
                                        "prefix",          "suffix",
                                        "patches",         "paths",
                                        "patch",           "target",
                                        "options",         "jsonOp",
                                        "unsetOnly",       "setRoleBindingSubjects",
                                        "replacements",    "value",
                                        "targets",         "fieldPath",
                                        "selector",        "filePathPosition",
                                        "labelSelector",   "annotationSelector",
                                        "allowNameChange", "allowKindChange",
                                        "namespace"};
    static const std::unordered_map<std::string, std::string> byLower = [] {
        std::unordered_map<std::string, std::string> m;
        for (const char *k : known)
            m.emplace(lower(k), k);
        return m;
    }();
    if (!v.isMap() || depth > 3)
        return;
    for (MapEntry &e : v.entries) {
        if (auto it = byLower.find(lower(e.key)); it != byLower.end())
            e.key = it->second;
        if (e.key == "labels" || e.key == "annotations" || e.key == "metadata")
            continue;
        if (e.value.isMap())
            normalizeConfigKeys(e.value, depth + 1);
        else if (e.value.isSeq())
            for (Value &i : e.value.items)
                normalizeConfigKeys(i, depth + 1);
    }
}

} // namespace

Result<void> Build::applyBuiltin(const QString &dir, const Value &cfgIn, Acc &acc)
{
    Value cfg = cfgIn;
    normalizeConfigKeys(cfg);
    const std::string kind = cfg.str({"kind"});
    if (kind == "PatchStrategicMergeTransformer") {
        Value patches = Value::seq();
        if (const Value *p = cfg.get("paths"); p && p->isSeq())
            for (const Value &x : p->items)
                patches.items.push_back(x);
        if (const Value *p = cfg.get("patches"); p && p->isScalar() && !p->isNull())
            patches.items.push_back(*p);
        return applyPatches(dir, patches, acc, true);
    }
    if (kind == "PatchTransformer") {
        const std::string path = cfg.str({"path"});
        const std::string patch =
            QString::fromStdString(cfg.str({"patch"})).trimmed().toStdString();
        if (path.empty() && patch.empty())
            return fail(Error::Code::Syntax, tr("must specify one of patch and path in %1")
                                                 .arg(qs(cfg.str({"metadata", "name"}))));
        if (!path.empty() && !patch.empty())
            return fail(Error::Code::Syntax,
                        tr("patch and path can't be set at the same time\n%1").arg(qs(patch)));
        Value entry = Value::map();
        if (!path.empty())
            entry.set("path", Value::string(path));
        else
            entry.set("patch", Value::string(patch));
        if (const Value *t = cfg.get("target"))
            entry.set("target", *t);
        if (const Value *o = cfg.get("options"))
            entry.set("options", *o);
        Value list = Value::seq();
        list.items.push_back(entry);
        return applyPatches(dir, list, acc, false);
    }
    if (kind == "PatchJson6902Transformer") {
        const std::string path = cfg.str({"path"});
        const std::string patch = cfg.str({"jsonOp"});
        if (path.empty() && patch.empty())
            return fail(Error::Code::Syntax, tr("empty file path and empty jsonOp"));
        if (!path.empty() && !patch.empty())
            return fail(Error::Code::Syntax, tr("must specify a file path or jsonOp, not both"));
        Value entry = Value::map();
        if (!path.empty())
            entry.set("path", Value::string(path));
        else
            entry.set("patch", Value::string(patch));
        if (const Value *t = cfg.get("target"))
            entry.set("target", *t);
        Value list = Value::seq();
        list.items.push_back(entry);
        return applyJson6902(dir, list, acc);
    }
    if (kind == "NamespaceTransformer") {
        const std::string ns = cfg.str({"metadata", "namespace"});
        std::vector<FieldSpec> specs = acc.tc().nameSpace;
        if (const Value *f = cfg.get("fieldSpecs")) {
            auto p = parseFieldSpecs(*f);
            if (p)
                specs = *p;
        }
        const bool unsetOnly = cfg.str({"unsetOnly"}) == "true";
        std::string mode = cfg.str({"setRoleBindingSubjects"});
        if (mode.empty())
            mode = "defaultOnly";
        for (Resource &r : acc.res) {
            const ResId id = r.curId();
            r.storePrevId();
            if (!id.isClusterScoped() && !(unsetOnly && !r.ns().empty()))
                r.setNamespace(ns);
            for (const FieldSpec &fs : specs) {
                // metadata/namespace is handled above; subjects by the role binding rules below.
                if (fs.path == "metadata/namespace" || fs.path.starts_with("subjects") ||
                    !fsMatches(fs, r))
                    continue;
                (void)applyFieldSpec(r.obj, fs, [&](Value &n) -> Result<void> {
                    if (n.isScalar() && !(unsetOnly && !n.isNull() && !n.text.empty()))
                        n = Value::string(ns);
                    return {};
                });
            }
        }
        for (size_t i = 0; i < acc.res.size(); ++i)
            for (size_t j = i + 1; j < acc.res.size(); ++j)
                if (idEquals(acc.res[i].curId(), acc.res[j].curId()))
                    return fail(Error::Code::Conflict,
                                tr("namespace transformation produces ID conflict: %1")
                                    .arg(qs(acc.res[i].curId().toString())));
        for (Resource &r : acc.res) {
            const std::string k = r.kind();
            if ((k == "RoleBinding" || k == "ClusterRoleBinding") && mode != "none") {
                if (Value *subs = r.obj.get("subjects"); subs && subs->isSeq())
                    for (Value &s : subs->items) {
                        if (!s.isMap())
                            continue;
                        const bool isSA = s.str({"kind"}) == "ServiceAccount";
                        if (unsetOnly && !s.str({"namespace"}).empty())
                            continue;
                        if ((mode == "defaultOnly" && s.str({"name"}) == "default") ||
                            (mode == "allServiceAccounts" && isSA))
                            s.set("namespace", Value::string(ns));
                    }
            }
        }
        return {};
    }
    if (kind == "PrefixSuffixTransformer" || kind == "PrefixTransformer" ||
        kind == "SuffixTransformer") {
        const std::string prefix = cfg.str({"prefix"});
        const std::string suffix = cfg.str({"suffix"});
        std::vector<FieldSpec> specs;
        if (const Value *f = cfg.get("fieldSpecs")) {
            auto p = parseFieldSpecs(*f);
            if (p)
                specs = *p;
        }
        if (specs.empty())
            specs = {FieldSpec{{}, "metadata/name", false}};
        for (Resource &r : acc.res) {
            const Gvk g = r.gvk();
            if (g.kind == "CustomResourceDefinition" || g.kind == "Namespace" ||
                (g.kind == "APIService" && g.group == "apiregistration.k8s.io"))
                continue;
            bool stored = false;
            for (const FieldSpec &fs : specs) {
                if (!fsMatches(fs, r))
                    continue;
                if (fs.path == "metadata/name" && !stored) {
                    r.storePrevId();
                    stored = true;
                    if (!prefix.empty())
                        r.prefixes.push_back(prefix);
                    if (!suffix.empty())
                        r.suffixes.push_back(suffix);
                }
                (void)applyFieldSpec(r.obj, fs, [&](Value &n) -> Result<void> {
                    if (n.isScalar() && !n.isNull())
                        n = Value::string(prefix + n.text + suffix);
                    return {};
                });
            }
        }
        return {};
    }
    if (kind == "LabelTransformer" || kind == "AnnotationsTransformer") {
        std::vector<FieldSpec> specs;
        if (const Value *f = cfg.get("fieldSpecs")) {
            auto p = parseFieldSpecs(*f);
            if (p)
                specs = *p;
        }
        const auto pairs = strMap(cfg.get(kind == "LabelTransformer" ? "labels" : "annotations"));
        for (Resource &r : acc.res)
            if (auto x = setLabels(r, specs, pairs); !x)
                return x;
        return {};
    }
    if (kind == "ImageTagTransformer") {
        const Value *img = cfg.get("imageTag");
        if (!img)
            return {};
        std::vector<FieldSpec> specs;
        if (const Value *f = cfg.get("fieldSpecs")) {
            auto p = parseFieldSpecs(*f);
            if (p)
                specs = *p;
        }
        for (Resource &r : acc.res) {
            legacyImages(r.obj, *img);
            for (const FieldSpec &fs : specs) {
                if (!fsMatches(fs, r))
                    continue;
                (void)applyFieldSpec(r.obj, fs, [&](Value &n) -> Result<void> {
                    if (n.isScalar() && !n.isNull()) {
                        const std::string u = updateImage(n.text, *img);
                        if (u != n.text)
                            n = Value::string(u);
                    }
                    return {};
                });
            }
        }
        return {};
    }
    if (kind == "ReplicaCountTransformer") {
        const Value *rep = cfg.get("replica");
        if (!rep)
            return {};
        std::vector<FieldSpec> specs;
        if (const Value *f = cfg.get("fieldSpecs")) {
            auto p = parseFieldSpecs(*f);
            if (p)
                specs = *p;
        }
        const std::string name = rep->str({"name"});
        const Value *count = rep->get("count");
        for (Resource &r : acc.res) {
            bool match = r.name() == name;
            for (const ResId &p : r.prevIds)
                match = match || p.name == name;
            if (!match)
                continue;
            for (const FieldSpec &fs : specs) {
                if (!fsMatches(fs, r))
                    continue;
                (void)applyFieldSpec(r.obj, fs, [&](Value &n) -> Result<void> {
                    n = count ? *count : Value::integer(0);
                    return {};
                });
            }
        }
        return {};
    }
    if (kind == "ReplacementTransformer") {
        Value list = Value::seq();
        if (const Value *rs = cfg.get("replacements"); rs && rs->isSeq())
            list = *rs;
        return applyReplacements(dir, list, acc);
    }
    if (kind == "ValueAddTransformer") {
        // Without a value, the name of the kustomization root that uses the transformer.
        std::string value =
            cfg.get("value") ? cfg.str({"value"}) : QFileInfo(dir).fileName().toStdString();
        Value targetList;
        const Value *targets = cfg.get("targets");
        if (const std::string tf = cfg.str({"targetFilePath"}); !tf.empty()) {
            auto p = checkedPath(dir, qs(tf));
            if (!p)
                return std::unexpected(p.error());
            auto docs = parseFile(*p);
            if (!docs)
                return std::unexpected(docs.error());
            targetList = Value::seq();
            for (const Value &d : **docs) {
                const Value *t = d.get("targets");
                if (t && t->isSeq())
                    for (const Value &x : t->items)
                        targetList.items.push_back(x);
            }
            targets = &targetList;
        }
        if (!targets || !targets->isSeq())
            return {};
        for (const Value &t : targets->items) {
            std::string fp = t.str({"fieldPath"});
            const std::string filePathPosition = t.str({"filePathPosition"});
            for (Resource &r : acc.res) {
                if (const Value *sel = t.get("selector"); sel && !selects(*sel, r))
                    continue;
                std::vector<std::string> segs = splitPath(fp);
                if (segs.empty())
                    continue;
                Value *node = &r.obj;
                for (size_t i = 0; i + 1 < segs.size(); ++i)
                    node = &node->getOrAddMap(segs[i]);
                Value *leaf = node->get(segs.back());
                if (filePathPosition.empty() || !leaf || !leaf->isScalar()) {
                    node->set(segs.back(), Value::string(value));
                    continue;
                }
                // Insert `value` as a path element at position N.
                std::vector<std::string> parts;
                std::string cur;
                for (char c : leaf->text) {
                    if (c == '/') {
                        parts.push_back(cur);
                        cur.clear();
                    } else {
                        cur += c;
                    }
                }
                parts.push_back(cur);
                const size_t pos = size_t(std::max(1, std::atoi(filePathPosition.c_str())));
                std::vector<std::string> nonEmpty;
                const bool abs = !leaf->text.empty() && leaf->text[0] == '/';
                for (auto &p : parts)
                    if (!p.empty())
                        nonEmpty.push_back(p);
                if (pos - 1 <= nonEmpty.size())
                    nonEmpty.insert(nonEmpty.begin() + long(pos - 1), value);
                else
                    nonEmpty.push_back(value);
                std::string out = abs ? "/" : "";
                for (size_t i = 0; i < nonEmpty.size(); ++i)
                    out += (i ? "/" : "") + nonEmpty[i];
                *leaf = Value::string(out);
            }
        }
        return {};
    }
    if (kind == "HashTransformer") {
        for (Resource &r : acc.res)
            r.needsHash = true;
        return {};
    }
    if (kind == "SortOrderTransformer")
        return {};
    return fail(Error::Code::Unsupported,
                tr("unable to load builtin %1: Kanri does not run exec, Go or KRM-function plugins")
                    .arg(qs(kind)));
}

Result<Value> Build::readPatchContent(const QString &dir, const Value &entry, QString *origin)
{
    std::string text;
    if (entry.isScalar()) {
        text = entry.text;
    } else {
        const std::string path = entry.str({"path"});
        const std::string patch = entry.str({"patch"});
        if (!path.empty() && !patch.empty())
            return fail(Error::Code::Syntax, tr("patch and path can't be set at the same time"));
        if (path.empty() && patch.empty())
            return fail(Error::Code::Syntax, tr("must specify one of patch and path"));
        if (!patch.empty()) {
            auto docs = parseInline(patch);
            if (!docs)
                return std::unexpected(docs.error());
            Value seq = Value::seq();
            for (Value &d : *docs)
                if (!d.isNull())
                    seq.items.push_back(std::move(d));
            return seq;
        }
        text = path;
    }
    // A file path, or inline YAML for patchesStrategicMerge entries.
    if (text.find('\n') == std::string::npos && text.find(": ") == std::string::npos &&
        text.find('{') == std::string::npos) {
        auto p = checkedPath(dir, qs(text));
        if (!p)
            return std::unexpected(p.error());
        bool isDir = false;
        if (!exists(*p, &isDir))
            return fail(Error::Code::NotFound, tr("open %1: no such file or directory").arg(*p));
        auto docs = parseFile(*p);
        if (!docs)
            return std::unexpected(docs.error());
        if (origin)
            *origin = *p;
        Value seq = Value::seq();
        for (const Value &d : **docs)
            if (!d.isNull())
                seq.items.push_back(d);
        return seq;
    }
    auto docs = parseInline(text);
    if (!docs)
        return std::unexpected(docs.error());
    Value seq = Value::seq();
    for (Value &d : *docs)
        if (!d.isNull())
            seq.items.push_back(std::move(d));
    return seq;
}

Result<void> Build::applyPatch(const Value &docs, const Value *target, const Value *options,
                               Acc &acc)
{
    // A document that is a list of operations is a JSON 6902 patch; like kustomize (which
    // converts the YAML to JSON), only the first document of the stream counts.
    if (!docs.items.empty() && docs.items[0].isSeq()) {
        if (!target)
            return fail(Error::Code::Syntax, tr("must specify a target for JSON patch"));
        for (Resource &r : acc.res)
            if (selects(*target, r)) {
                r.storePrevId();
                if (auto x = applyJsonPatch(r.obj, docs.items[0]); !x)
                    return x;
            }
        return {};
    }
    const bool allowName = options && options->str({"allowNameChange"}) == "true";
    const bool allowKind = options && options->str({"allowKindChange"}) == "true";
    for (const Value &patch : docs.items) {
        if (!patch.isMap())
            return fail(Error::Code::Syntax,
                        tr("unable to parse SM or JSON patch from %1").arg(qs(toJson(patch))));
        std::vector<size_t> targets;
        if (target) {
            for (size_t i = 0; i < acc.res.size(); ++i)
                if (selects(*target, acc.res[i]))
                    targets.push_back(i);
        } else {
            const ResId pid{Gvk::fromApiVersion(patch.str({"apiVersion"}), patch.str({"kind"})),
                            patch.str({"metadata", "name"}), patch.str({"metadata", "namespace"})};
            for (size_t i = 0; i < acc.res.size(); ++i)
                if (matchesAnyId(acc.res[i], pid))
                    targets.push_back(i);
            if (targets.size() != 1)
                return fail(Error::Code::NotFound,
                            tr("no resource matches strategic merge patch \"%1\": failed to find "
                               "unique target for patch %1")
                                .arg(qs(pid.toString())));
        }
        std::vector<size_t> deleted;
        for (size_t i : targets) {
            Resource &r = acc.res[i];
            const std::string n = r.name(), ns = r.ns(), k = r.kind();
            if (allowName || allowKind)
                r.storePrevId();
            if (patch.str({"$patch"}) == "delete") {
                deleted.push_back(i);
                continue;
            }
            Value p = patch;
            if (target && !allowKind) {
                // A targeted patch is applied as if written for the target's kind and version.
                p.set("apiVersion", Value::string(r.obj.str({"apiVersion"})));
                p.set("kind", Value::string(k));
            }
            if (auto x = strategicMerge(r.obj, p, r.gvk(), schemaMergeKeys,
                                        schemaKinds.count(r.gvk().group + "/" + k) > 0);
                !x)
                return x;
            if (!allowKind)
                r.obj.set("kind", Value::string(k));
            if (!allowName)
                r.setName(n);
            if (!ns.empty())
                r.setNamespace(ns);
            else if (Value *m = r.obj.get("metadata"))
                m->remove("namespace");
        }
        for (auto it = deleted.rbegin(); it != deleted.rend(); ++it)
            acc.res.erase(acc.res.begin() + long(*it));
    }
    return {};
}

Result<void> Build::applyPatches(const QString &dir, const Value &patches, Acc &acc,
                                 bool strategicOnly)
{
    if (!patches.isSeq())
        return {};
    for (const Value &entry : patches.items) {
        if (cancelled())
            return fail(Error::Code::Cancelled, tr("cancelled"));
        QString origin;
        auto docs = readPatchContent(dir, entry, &origin);
        if (!docs)
            return std::unexpected(docs.error());
        if (docs->items.empty()) {
            if (strategicOnly)
                return fail(Error::Code::Syntax,
                            tr("patch appears to be empty; files=%1").arg(qs(entry.text)));
            return fail(Error::Code::Syntax, tr("patch appears to be empty"));
        }
        const Value *target = entry.isMap() ? entry.get("target") : nullptr;
        const Value *options = entry.isMap() ? entry.get("options") : nullptr;
        if (auto r = applyPatch(*docs, target, options, acc); !r)
            return r;
    }
    return {};
}

Result<void> Build::applyJson6902(const QString &dir, const Value &entries, Acc &acc)
{
    if (!entries.isSeq())
        return {};
    for (const Value &e : entries.items) {
        const Value *target = e.get("target");
        if (!target)
            return fail(Error::Code::Syntax, tr("must specify a target for JSON patch"));
        auto docs = readPatchContent(dir, e, nullptr);
        if (!docs)
            return std::unexpected(docs.error());
        if (docs->items.empty())
            return fail(Error::Code::Syntax, tr("patch appears to be empty"));
        const Value &ops = docs->items.front();
        for (Resource &r : acc.res)
            if (selects(*target, r)) {
                r.storePrevId();
                if (auto x = applyJsonPatch(r.obj, ops); !x)
                    return x;
            }
    }
    return {};
}

// ---- replacements ----------------------------------------------------------------------------

namespace {

std::vector<std::string> splitFieldPath(const std::string &p)
{
    std::vector<std::string> out;
    std::string cur;
    int depth = 0;
    for (char c : p) {
        if (c == '[')
            ++depth;
        if (c == ']')
            --depth;
        if (c == '.' && depth == 0) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

// Finds (or creates) nodes at a kyaml-style field path.
void lookupPath(Value &node, const std::vector<std::string> &segs, size_t i, bool create,
                std::vector<Value *> &out)
{
    if (i == segs.size()) {
        out.push_back(&node);
        return;
    }
    const std::string &s = segs[i];
    if (s.size() >= 2 && s.front() == '[' && s.back() == ']') {
        const std::string inner = s.substr(1, s.size() - 2);
        const auto eq = inner.find('=');
        if (!node.isSeq())
            return;
        if (eq == std::string::npos)
            return;
        const std::string k = inner.substr(0, eq), v = inner.substr(eq + 1);
        bool found = false;
        for (Value &item : node.items)
            if (item.isMap() && item.get(k) && item.get(k)->text == v) {
                found = true;
                lookupPath(item, segs, i + 1, create, out);
            }
        if (!found && create) {
            Value n = Value::map();
            n.set(k, Value::string(v));
            node.items.push_back(std::move(n));
            lookupPath(node.items.back(), segs, i + 1, create, out);
        }
        return;
    }
    if (s == "*" && node.isSeq()) {
        for (Value &item : node.items)
            lookupPath(item, segs, i + 1, create, out);
        return;
    }
    if (node.isSeq()) {
        bool num = !s.empty();
        for (char c : s)
            num = num && std::isdigit(static_cast<unsigned char>(c));
        if (num) {
            const size_t idx = size_t(std::stoul(s));
            if (idx < node.items.size())
                lookupPath(node.items[idx], segs, i + 1, create, out);
        }
        return;
    }
    if (node.isNull() && create)
        node = Value::map();
    if (!node.isMap())
        return;
    Value *child = node.get(s);
    if (!child) {
        if (!create)
            return;
        const bool nextIsSeq =
            i + 1 < segs.size() && !segs[i + 1].empty() && segs[i + 1].front() == '[';
        child = &node.set(s, i + 1 == segs.size() ? Value()
                             : nextIsSeq          ? Value::seq()
                                                  : Value::map());
    }
    lookupPath(*child, segs, i + 1, create, out);
}

std::vector<std::string> splitBy(const std::string &s, const std::string &d)
{
    std::vector<std::string> out;
    if (d.empty()) {
        out.push_back(s);
        return out;
    }
    size_t start = 0;
    while (true) {
        const size_t p = s.find(d, start);
        if (p == std::string::npos) {
            out.push_back(s.substr(start));
            return out;
        }
        out.push_back(s.substr(start, p - start));
        start = p + d.size();
    }
}

std::string join(const std::vector<std::string> &v, const std::string &d)
{
    std::string out;
    for (size_t i = 0; i < v.size(); ++i)
        out += (i ? d : "") + v[i];
    return out;
}

// kustomize's ResId.IsSelectedBy against the resource's current and previous ids (the
// replacement filter sees the previous names kustomize keeps in internal annotations).
bool idSelected(const Value &sel, const Resource &r)
{
    const Gvk g{sel.str({"group"}), sel.str({"version"}), sel.str({"kind"})};
    const std::string name = sel.str({"name"});
    const std::string ns = sel.str({"namespace"});
    auto one = [&](const ResId &id) {
        if (!name.empty() && name != id.name)
            return false;
        if (!ns.empty()) {
            const std::string eff = id.ns.empty() ? std::string("default") : id.ns;
            const std::string want = ns.empty() ? std::string("default") : ns;
            if (eff != want)
                return false;
        }
        return id.gvk.selectedBy(g);
    };
    if (one(r.curId()))
        return true;
    for (const ResId &p : r.prevIds)
        if (one(p))
            return true;
    return false;
}

bool labelsSelected(const Value &sel, const Resource &r)
{
    return matchLabelSelector(sel.str({"labelSelector"}), r.obj.at({"metadata", "labels"})) &&
           matchLabelSelector(sel.str({"annotationSelector"}),
                              r.obj.at({"metadata", "annotations"}));
}

bool selectsReplacement(const Value &sel, const Resource &r)
{
    return labelsSelected(sel, r) && idSelected(sel, r);
}

// A target's reject list: an entry rejects by its id fields, and separately by its label or
// annotation selector.
bool rejectedBy(const Value &rejects, const Resource &r)
{
    if (!rejects.isSeq())
        return false;
    for (const Value &x : rejects.items) {
        if (!x.isMap())
            continue;
        const bool hasId = !x.str({"group"}).empty() || !x.str({"version"}).empty() ||
                           !x.str({"kind"}).empty() || !x.str({"name"}).empty() ||
                           !x.str({"namespace"}).empty();
        if (hasId && idSelected(x, r))
            return true;
        const bool hasSel =
            !x.str({"labelSelector"}).empty() || !x.str({"annotationSelector"}).empty();
        if (hasSel && labelsSelected(x, r))
            return true;
    }
    return false;
}

} // namespace

Result<void> Build::applyReplacements(const QString &dir, const Value &list, Acc &acc)
{
    std::vector<Value> reps;
    for (const Value &e : list.items) {
        if (e.isMap() && e.get("path") && !e.get("source")) {
            auto p = checkedPath(dir, qs(e.str({"path"})));
            if (!p)
                return std::unexpected(p.error());
            auto docs = parseFile(*p);
            if (!docs)
                return std::unexpected(docs.error());
            for (const Value &d : **docs) {
                if (d.isSeq())
                    for (const Value &x : d.items)
                        reps.push_back(x);
                else if (d.isMap())
                    reps.push_back(d);
            }
        } else {
            reps.push_back(e);
        }
    }
    for (const Value &rep : reps) {
        const Value *src = rep.get("source");
        if (!src)
            return fail(Error::Code::Syntax, tr("replacement source is missing"));
        std::vector<Resource *> sources;
        for (Resource &r : acc.res)
            if (selectsReplacement(*src, r))
                sources.push_back(&r);
        if (sources.size() > 1)
            return fail(Error::Code::Conflict,
                        tr("multiple matches for selector %1").arg(qs(toJson(*src))));
        if (sources.empty())
            return fail(Error::Code::NotFound, tr("nothing selected by %1").arg(qs(toJson(*src))));
        std::string fp = src->str({"fieldPath"});
        if (fp.empty())
            fp = "metadata.name";
        std::vector<Value *> found;
        lookupPath(sources[0]->obj, splitFieldPath(fp), 0, false, found);
        if (found.empty())
            return fail(Error::Code::NotFound,
                        tr("fieldPath `%1` is missing for replacement source %2")
                            .arg(qs(fp), qs(sources[0]->curId().toString())));
        Value value = *found[0];
        if (const Value *o = src->get("options"); o && !o->str({"delimiter"}).empty()) {
            const auto parts = splitBy(value.text, o->str({"delimiter"}));
            const long idx = std::atol(o->str({"index"}).c_str());
            if (idx >= 0 && size_t(idx) < parts.size())
                value = Value::string(parts[size_t(idx)]);
            else
                return fail(Error::Code::Syntax,
                            tr("options.index %1 is out of bounds for value %2")
                                .arg(idx)
                                .arg(qs(value.text)));
        }
        const Value *targets = rep.get("targets");
        if (!targets || !targets->isSeq())
            continue;
        for (const Value &t : targets->items) {
            const Value *sel = t.get("select");
            for (Resource &r : acc.res) {
                if (sel && !selectsReplacement(*sel, r))
                    continue;
                if (const Value *rej = t.get("reject"); rej && rejectedBy(*rej, r))
                    continue;
                const Value *opts = t.get("options");
                const bool create = opts && opts->str({"create"}) == "true";
                for (const std::string &path : strList(t.get("fieldPaths"))) {
                    std::vector<Value *> nodes;
                    lookupPath(r.obj, splitFieldPath(path), 0, create, nodes);
                    for (Value *n : nodes) {
                        if (opts && !opts->str({"delimiter"}).empty()) {
                            auto parts = splitBy(n->text, opts->str({"delimiter"}));
                            const long idx = std::atol(opts->str({"index"}).c_str());
                            if (idx >= 0 && size_t(idx) < parts.size())
                                parts[size_t(idx)] = value.text;
                            else if (idx < 0)
                                parts.insert(parts.begin(), value.text);
                            else
                                parts.push_back(value.text);
                            *n = Value::string(join(parts, opts->str({"delimiter"})));
                        } else {
                            *n = value;
                        }
                    }
                }
            }
        }
    }
    return {};
}

Result<void> Build::runTransformers(const QString &dir, const Value &k, Acc &acc)
{
    auto builtin = [&](const char *kind, auto &&fill) -> Result<void> {
        Value cfg = Value::map();
        cfg.set("apiVersion", Value::string("builtin"));
        cfg.set("kind", Value::string(kind));
        fill(cfg);
        return applyBuiltin(dir, cfg, acc);
    };
    auto specsValue = [](const std::vector<FieldSpec> &specs) {
        Value seq = Value::seq();
        for (const FieldSpec &f : specs) {
            Value m = Value::map();
            m.set("path", Value::string(f.path));
            if (!f.gvk.group.empty())
                m.set("group", Value::string(f.gvk.group));
            if (!f.gvk.version.empty())
                m.set("version", Value::string(f.gvk.version));
            if (!f.gvk.kind.empty())
                m.set("kind", Value::string(f.gvk.kind));
            if (f.create)
                m.set("create", Value::boolean(true));
            seq.items.push_back(std::move(m));
        }
        return seq;
    };

    // patchesStrategicMerge
    if (const Value *p = k.get("patchesStrategicMerge"); p && p->isSeq()) {
        if (auto r = applyPatches(dir, *p, acc, true); !r)
            return r;
        if (!p->items.empty())
            noteBuiltin(acc, dir, "PatchStrategicMergeTransformer");
    }
    if (const Value *p = k.get("patches"); p && p->isSeq()) {
        for (const Value &entry : p->items) {
            Value one = Value::seq();
            one.items.push_back(entry);
            if (auto r = applyPatches(dir, one, acc, false); !r)
                return r;
            noteBuiltin(acc, dir, "PatchTransformer");
        }
    }
    if (const std::string ns = k.str({"namespace"}); !ns.empty()) {
        if (auto r = builtin("NamespaceTransformer",
                             [&](Value &c) {
                                 c.getOrAddMap("metadata").set("namespace", Value::string(ns));
                                 c.set("fieldSpecs", specsValue(acc.tc().nameSpace));
                             });
            !r)
            return r;
        noteBuiltin(acc, dir, "NamespaceTransformer");
    }
    const std::string prefix = k.str({"namePrefix"});
    const std::string suffix = k.str({"nameSuffix"});
    if (!prefix.empty())
        if (auto r = builtin("PrefixTransformer",
                             [&](Value &c) {
                                 c.set("prefix", Value::string(prefix));
                                 c.set("fieldSpecs", specsValue(acc.tc().namePrefix));
                             });
            !r)
            return r;
    if (!prefix.empty())
        noteBuiltin(acc, dir, "PrefixTransformer");
    if (!suffix.empty())
        if (auto r = builtin("SuffixTransformer",
                             [&](Value &c) {
                                 c.set("suffix", Value::string(suffix));
                                 c.set("fieldSpecs", specsValue(acc.tc().nameSuffix));
                             });
            !r)
            return r;
    if (!suffix.empty())
        noteBuiltin(acc, dir, "SuffixTransformer");
    if (const Value *labels = k.get("labels"); labels && labels->isSeq()) {
        for (const Value &l : labels->items) {
            std::vector<FieldSpec> specs;
            if (l.str({"includeSelectors"}) == "true") {
                specs = acc.tc().commonLabels;
            } else {
                specs.push_back(FieldSpec{{}, "metadata/labels", true});
                if (l.str({"includeTemplates"}) == "true")
                    for (const FieldSpec &f : acc.tc().templateLabels)
                        specs.push_back(f);
            }
            if (const Value *f = l.get("fields")) {
                auto p = parseFieldSpecs(*f);
                if (p)
                    for (const FieldSpec &x : *p)
                        specs.push_back(x);
            }
            // `labels:` field specs from configurations apply to every labels entry.
            for (const FieldSpec &x : acc.tc().labels) {
                bool dup = false;
                for (const FieldSpec &e : specs)
                    dup = dup || (e.path == x.path && e.gvk == x.gvk);
                if (!dup)
                    specs.push_back(x);
            }
            const auto pairs = strMap(l.get("pairs"));
            for (Resource &r : acc.res)
                if (auto x = setLabels(r, specs, pairs); !x)
                    return x;
            noteBuiltin(acc, dir, "LabelTransformer");
        }
    }
    const Value *cl = k.get("commonLabels");
    if (cl && cl->isMap() && !cl->entries.empty()) {
        const auto pairs = strMap(cl);
        for (Resource &r : acc.res)
            if (auto x = setLabels(r, acc.tc().commonLabels, pairs); !x)
                return x;
    }
    // kustomize configures the commonLabels transformer whenever labels or commonLabels are set.
    if ((cl && cl->isMap() && !cl->entries.empty()) ||
        (k.get("labels") && k.get("labels")->isSeq() && !k.get("labels")->items.empty()))
        noteBuiltin(acc, dir, "LabelTransformer");
    if (const Value *ca = k.get("commonAnnotations"); ca && ca->isMap() && !ca->entries.empty()) {
        const auto pairs = strMap(ca);
        for (Resource &r : acc.res)
            if (auto x = setLabels(r, acc.tc().commonAnnotations, pairs); !x)
                return x;
        noteBuiltin(acc, dir, "AnnotationsTransformer");
    }
    if (const Value *p = k.get("patchesJson6902"); p && p->isSeq()) {
        for (const Value &entry : p->items) {
            Value one = Value::seq();
            one.items.push_back(entry);
            if (auto r = applyJson6902(dir, one, acc); !r)
                return r;
            noteBuiltin(acc, dir, "PatchJson6902Transformer");
        }
    }
    if (const Value *reps = k.get("replicas"); reps && reps->isSeq()) {
        for (const Value &rep : reps->items) {
            if (auto r = builtin("ReplicaCountTransformer",
                                 [&](Value &c) {
                                     c.set("replica", rep);
                                     c.set("fieldSpecs", specsValue(acc.tc().replicas));
                                 });
                !r)
                return r;
            noteBuiltin(acc, dir, "ReplicaCountTransformer");
        }
    }
    const Value *images = k.get("images");
    const Value *imageTags = k.get("imageTags");
    for (const Value *imgs : {images, imageTags}) {
        if (!imgs || !imgs->isSeq())
            continue;
        for (const Value &img : imgs->items) {
            if (auto r = builtin("ImageTagTransformer",
                                 [&](Value &c) {
                                     c.set("imageTag", img);
                                     c.set("fieldSpecs", specsValue(acc.tc().images));
                                 });
                !r)
                return r;
            noteBuiltin(acc, dir, "ImageTagTransformer");
        }
    }
    if (const Value *reps = k.get("replacements"); reps && reps->isSeq()) {
        if (auto r = applyReplacements(dir, *reps, acc); !r)
            return r;
        if (!reps->items.empty())
            noteBuiltin(acc, dir, "ReplacementTransformer");
    }
    if (const Value *ts = k.get("transformers")) {
        std::vector<QString> origins;
        auto cfgs = loadInlineOrFiles(dir, *ts, &origins);
        if (!cfgs)
            return std::unexpected(cfgs.error());
        for (size_t ci = 0; ci < cfgs->size(); ++ci) {
            const Value &c = (*cfgs)[ci];
            if (cancelled())
                return fail(Error::Code::Cancelled, tr("cancelled"));
            const std::string av = c.str({"apiVersion"});
            const Value *ann = c.at({"metadata", "annotations"});
            if (ann &&
                (ann->get("config.kubernetes.io/function") || ann->get("config.k8s.io/function")))
                return fail(Error::Code::Unsupported,
                            tr("KRM function plugins are not supported (transformer %1)")
                                .arg(qs(c.str({"kind"}))));
            if (auto r = applyBuiltin(dir, c, acc); !r)
                return r;
            if (trackOrigin)
                noteTransformer(acc, ci < origins.size() ? origins[ci] : dir, av, c.str({"kind"}),
                                c.str({"metadata", "name"}), c.str({"metadata", "namespace"}));
        }
    }
    return {};
}

// ---- name references and vars ---------------------------------------------------------------

namespace {

// kustomize's utils.SameEndingSubSlice: the shorter list ends the longer one; an empty list
// only matches an empty list.
bool sameEnding(const std::vector<std::string> &a, const std::vector<std::string> &b)
{
    const size_t n = std::min(a.size(), b.size());
    if (n == 0)
        return a.size() == b.size();
    for (size_t i = 0; i < n; ++i)
        if (a[a.size() - 1 - i] != b[b.size() - 1 - i])
            return false;
    return true;
}

bool prefixesSuffixesEqual(const Resource &r, const Resource &o, bool allowEmpty)
{
    if (allowEmpty) {
        const bool pe = r.prefixes.empty() || o.prefixes.empty();
        const bool se = r.suffixes.empty() || o.suffixes.empty();
        return (pe || sameEnding(r.prefixes, o.prefixes)) &&
               (se || sameEnding(r.suffixes, o.suffixes));
    }
    return sameEnding(r.prefixes, o.prefixes) && sameEnding(r.suffixes, o.suffixes);
}

} // namespace

Result<void> Build::fixNameRefs(Acc &acc)
{
    for (size_t ri = 0; ri < acc.res.size(); ++ri) {
        if (cancelled())
            return fail(Error::Code::Cancelled, tr("cancelled"));
        const ResId referrerOrg = acc.res[ri].orgId();
        for (const NameBackRef &br : acc.tc().nameReference) {
            for (const FieldSpec &fs : br.referrers) {
                if (!referrerOrg.gvk.selectedBy(fs.gvk))
                    continue;
                Resource &referrer = acc.res[ri];
                const ResId refCur = referrer.curId();
                // candidates this referrer could reference
                auto select = [&](const std::string &oldName, const std::string *ns,
                                  bool nameAndNs) -> Result<Resource *> {
                    std::vector<Resource *> c;
                    for (Resource &r : acc.res) {
                        if (&r == &referrer && false)
                            continue;
                        bool nameMatch = false, gvkMatch = false;
                        for (const ResId &p : r.prevIds) {
                            nameMatch = nameMatch || p.name == oldName;
                            gvkMatch = gvkMatch || p.gvk.selectedBy(br.gvk);
                        }
                        if (!nameMatch || !gvkMatch)
                            continue;
                        if (ns) {
                            bool nsMatch = false;
                            if (!r.prevIds.empty() && r.prevIds.front().ns == *ns)
                                nsMatch = true;
                            if (r.ns() == *ns)
                                nsMatch = true;
                            if (!nsMatch)
                                continue;
                        }
                        if (fs.path.ends_with("roleRef/name")) {
                            const Value *rr = referrer.obj.get("roleRef");
                            if (rr && rr->get("kind") && rr->get("apiGroup")) {
                                const Gvk want{rr->str({"apiGroup"}), "", rr->str({"kind"})};
                                bool ok = false;
                                for (const ResId &p : r.prevIds)
                                    ok = ok || p.gvk.selectedBy(want);
                                if (!ok)
                                    continue;
                            }
                        }
                        const ResId cid = r.curId();
                        if (!refCur.isClusterScoped() && !cid.isClusterScoped() &&
                            r.kind() != "ServiceAccount" && !refCur.nsEquals(cid)) {
                            // RoleBindings may reference across namespaces via subjects
                            continue;
                        }
                        c.push_back(&r);
                    }
                    if (c.size() == 1)
                        return c[0];
                    std::vector<Resource *> c1;
                    for (Resource *r : c)
                        if (prefixesSuffixesEqual(*r, referrer, true))
                            c1.push_back(r);
                    if (c1.size() == 1)
                        return c1[0];
                    std::vector<Resource *> c2;
                    for (Resource *r : c1)
                        if (prefixesSuffixesEqual(*r, referrer, false))
                            c2.push_back(r);
                    if (c2.size() == 1)
                        return c2[0];
                    if (c2.empty())
                        return nullptr;
                    bool same = true;
                    for (Resource *r : c2)
                        same = same && r->name() == c2[0]->name() &&
                               (!nameAndNs || r->ns() == c2[0]->ns());
                    if (same)
                        return c2[0];
                    std::string ids;
                    for (Resource *r : c2)
                        ids += (ids.empty() ? "" : ", ") + r->curId().toString();
                    return fail(Error::Code::Conflict,
                                tr(" found multiple possible referrals: %1").arg(qs(ids)));
                };
                auto setScalar = [&](Value &n) -> Result<void> {
                    if (!n.isScalar() || n.isNull())
                        return {};
                    auto ref = select(n.text, nullptr, false);
                    if (!ref)
                        return std::unexpected(ref.error());
                    if (*ref && (*ref)->name() != n.text)
                        n = Value::string((*ref)->name());
                    return {};
                };
                auto setMapping = [&](Value &n) -> Result<void> {
                    const Value *nameNode = n.get("name");
                    if (!nameNode)
                        return {};
                    const Value *nsNode = n.get("namespace");
                    std::string nsv = nsNode ? nsNode->text : std::string();
                    auto ref = select(nameNode->text, nsNode ? &nsv : nullptr, true);
                    if (!ref)
                        return std::unexpected(ref.error());
                    if (!*ref)
                        return {};
                    if ((*ref)->name() == nameNode->text && (*ref)->ns().empty())
                        return {};
                    n.set("name", Value::string((*ref)->name()));
                    if (!(*ref)->ns().empty())
                        n.set("namespace", Value::string((*ref)->ns()));
                    return {};
                };
                auto res = applyFieldSpec(
                    referrer.obj, FieldSpec{fs.gvk, fs.path, false}, [&](Value &n) -> Result<void> {
                        if (n.isMap())
                            return setMapping(n);
                        if (n.isSeq()) {
                            for (Value &i : n.items) {
                                auto r = i.isMap() ? setMapping(i) : setScalar(i);
                                if (!r)
                                    return r;
                            }
                            return {};
                        }
                        return setScalar(n);
                    });
                if (!res)
                    return std::unexpected(
                        wrap(tr("updating name reference in '%1' field of '%2'")
                                 .arg(qs(fs.path), qs(referrer.curId().toString())),
                             res.error()));
            }
        }
    }
    return {};
}

namespace {

// kubernetes expansion: $(VAR) replaced, $$ escapes.
Value expandVars(const std::string &in, const std::map<std::string, Value> &vars,
                 std::set<std::string> &used)
{
    // A whole-string reference keeps the variable's type.
    if (in.size() > 3 && in.starts_with("$(") && in.back() == ')' &&
        in.find(')') == in.size() - 1) {
        auto it = vars.find(in.substr(2, in.size() - 3));
        if (it != vars.end()) {
            used.insert(it->first);
            return it->second;
        }
    }
    std::string out;
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '$' && i + 1 < in.size()) {
            if (in[i + 1] == '$') {
                out += '$';
                ++i;
                continue;
            }
            if (in[i + 1] == '(') {
                const size_t close = in.find(')', i + 2);
                if (close != std::string::npos) {
                    const std::string name = in.substr(i + 2, close - i - 2);
                    auto it = vars.find(name);
                    if (it != vars.end()) {
                        used.insert(name);
                        out += it->second.isString() ? it->second.text
                                                     : yaml::jsonScalarText(it->second);
                    } else {
                        out += in.substr(i, close - i + 1);
                    }
                    i = close;
                    continue;
                }
            }
        }
        out += in[i];
    }
    return Value::string(out);
}

void expandNode(Value &n, const std::map<std::string, Value> &vars, std::set<std::string> &used)
{
    if (n.isString()) {
        if (n.text.find("$(") != std::string::npos)
            n = expandVars(n.text, vars, used);
    } else if (n.isSeq()) {
        for (Value &i : n.items)
            expandNode(i, vars, used);
    } else if (n.isMap()) {
        for (MapEntry &e : n.entries)
            expandNode(e.value, vars, used);
    }
}

} // namespace

Result<void> Build::resolveVars(Acc &acc)
{
    if (acc.vars.empty())
        return {};
    std::map<std::string, Value> values;
    for (const Var &v : acc.vars) {
        std::vector<Resource *> matches;
        for (Resource &r : acc.res)
            if (std::find(r.refVarNames.begin(), r.refVarNames.end(), v.name) !=
                r.refVarNames.end()) {
                matches.push_back(&r);
                break;
            }
        if (matches.empty())
            return fail(Error::Code::NotFound,
                        tr("var '%1' cannot be mapped to a field in the set of known resources")
                            .arg(qs(v.name)));
        std::vector<Value *> found;
        std::string fp = v.fieldPath;
        // fieldpaths like spec.ports[0].port
        std::string norm;
        for (size_t i = 0; i < fp.size(); ++i) {
            if (fp[i] == '[' && i + 1 < fp.size() &&
                std::isdigit(static_cast<unsigned char>(fp[i + 1]))) {
                const size_t c = fp.find(']', i);
                norm += "." + fp.substr(i + 1, c - i - 1);
                i = c;
            } else {
                norm += fp[i];
            }
        }
        lookupPath(matches[0]->obj, splitFieldPath(norm), 0, false, found);
        if (found.empty())
            return fail(Error::Code::NotFound,
                        tr("field specified in var '%1' not found in corresponding resource")
                            .arg(qs(v.name)));
        values[v.name] = *found[0];
    }
    std::set<std::string> used;
    for (Resource &r : acc.res) {
        for (const FieldSpec &fs : acc.tc().varReference) {
            if (!r.gvk().selectedBy(fs.gvk))
                continue;
            (void)applyFieldSpec(r.obj, FieldSpec{fs.gvk, fs.path, false},
                                 [&](Value &n) -> Result<void> {
                                     expandNode(n, values, used);
                                     return {};
                                 });
        }
    }
    QStringList unused;
    for (const Var &v : acc.vars)
        if (!used.count(v.name))
            unused << qs(v.name);
    if (!unused.isEmpty())
        warn(tr("well-defined vars that were never replaced: %1")
                 .arg(unused.join(QStringLiteral(","))));
    return {};
}

Result<ResList> Build::run(const QString &dir, Value &topKust)
{
    auto k = loadKustomization(dir);
    if (!k)
        return std::unexpected(k.error());
    topKust = *k;
    topDir = dir;
    if (const Value *bm = k->get("buildMetadata"); bm && bm->isSeq() && !bm->items.empty())
        trackOrigin = true;
    Acc acc;
    if (auto r = accumulate(dir, *k, acc, false); !r)
        return std::unexpected(r.error());
    // hashes
    for (Resource &r : acc.res) {
        if (!r.needsHash)
            continue;
        const std::string h = resourceHash(r.obj);
        r.storePrevId();
        r.setName(r.name() + "-" + h);
    }
    if (auto r = fixNameRefs(acc); !r)
        return std::unexpected(r.error());
    if (auto r = resolveVars(acc); !r)
        return std::unexpected(r.error());
    ResList out;
    for (Resource &r : acc.res) {
        const Value *ann = r.obj.at({"metadata", "annotations"});
        if (ann) {
            const Value *lc = ann->get("config.kubernetes.io/local-config");
            if (lc && lc->text == "true")
                continue;
        }
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace

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
}

Result<RenderOutput> Renderer::render(const QString &dirIn, const RenderOptions &options,
                                      const FileOverlay *overlay, const std::atomic_bool *cancel)
{
    const QString dir = QDir::cleanPath(QDir().absoluteFilePath(dirIn));
    Build build(d->cache, options, overlay, cancel);
    Value kust;
    auto res = build.run(dir, kust);
    if (!res)
        return std::unexpected(res.error());
    ResList list = std::move(*res);

    // sortOptions
    bool legacy = options.reorder == ReorderMode::Legacy;
    std::vector<std::string> first = defaultOrderFirst(), last = defaultOrderLast();
    if (const Value *so = kust.get("sortOptions"); so && so->isMap()) {
        const std::string order = so->str({"order"});
        const Value *lso = so->get("legacySortOptions");
        if (order != "fifo" && order != "legacy")
            return fail(Error::Code::Syntax,
                        tr("the field 'sortOptions.order' must be one of [fifo, legacy]"));
        if (order == "fifo" && lso)
            return fail(Error::Code::Syntax,
                        tr("the field 'sortOptions.legacySortOptions' is set but the selected "
                           "sort order is 'fifo', not 'legacy'"));
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
    std::string text;
    for (Resource &r : list) {
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
        const std::string y = d->emitted.textOf(r.obj);
        rr.yaml = QByteArray::fromStdString(y);
        rr.originFile = r.originFile;
        if (!text.empty())
            text += "---\n";
        text += y;
        rr.value = std::move(r.obj);
        out.resources.push_back(std::move(rr));
    }
    out.text = QByteArray::fromStdString(text);
    return out;
}

} // namespace kanri::kustomize

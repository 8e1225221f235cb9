#include "core/fileio.h"
#include "kustomize/kustinternal.h"
#include "yaml/yamldocument.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>

#include <sys/stat.h>

// Loading: files and folders through the load restrictor, the parse cache shared by renders,
// and kustomization files (kustomize's api/internal/loader and target.LoadKustFile).

namespace kanri::kustomize::detail {

QString tr(const char *s)
{
    return QCoreApplication::translate("kanri::kustomize::detail", s);
}

Error wrap(const QString &prefix, Error e)
{
    e.message = prefix + QStringLiteral(": ") + e.message;
    return e;
}

std::string lower(std::string s)
{
    for (char &c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
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

namespace {

FileSig sigOf(const struct stat &st)
{
    FileSig sig;
    sig.dev = qint64(st.st_dev);
    sig.ino = qint64(st.st_ino);
    sig.size = qint64(st.st_size);
    sig.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    sig.ctimeNs = qint64(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
    return sig;
}

} // namespace

FileSig statFile(const QString &path, bool *exists, bool *isDir)
{
    struct stat st;
    if (statPath(path, &st, FollowLinks::Yes) != 0) {
        *exists = false;
        *isDir = false;
        return {};
    }
    *exists = true;
    *isDir = S_ISDIR(st.st_mode);
    return sigOf(st);
}

// Records on every resource that a transformer configured in `configuredIn` ran
// (kustomize's AddTransformerAnnotation).
void Build::noteTransformer(Acc &acc, const QString &configuredIn, const std::string &apiVersion,
                            const std::string &kind, const std::string &name, const std::string &ns)
{
    if (!trackOrigin)
        return;
    std::string e = "configuredIn: " + QDir(topDir).relativeFilePath(configuredIn).toStdString() +
                    "\nconfiguredBy:\n  apiVersion: " + apiVersion + "\n  kind: " + kind + "\n";
    if (!name.empty())
        e += "  name: " + name + "\n";
    if (!ns.empty())
        e += "  namespace: " + ns + "\n";
    for (Resource &r : acc.res)
        r.transformations.push_back(e);
}

void Build::noteBuiltin(Acc &acc, const QString &dir, const char *kind)
{
    if (!trackOrigin)
        return;
    auto kf = findKustomizationFile(dir);
    noteTransformer(acc, kf ? *kf : dir, "builtin", kind);
}

void Build::warn(const QString &w)
{
    if (!warned.contains(w)) {
        warned.insert(w);
        warnings << w;
    }
}

// One lstat per path and render; a stat more only for a symbolic link (what it leads to).
const Build::StatInfo &Build::statOf(const QString &path) const
{
    auto it = statCache.constFind(path);
    if (it != statCache.constEnd())
        return *it;
    StatInfo info;
    struct stat st;
    if (statPath(path, &st, FollowLinks::No) == 0) {
        info.isLink = S_ISLNK(st.st_mode);
        if (info.isLink)
            info.sig = statFile(path, &info.exists, &info.isDir);
        else {
            info.exists = true;
            info.isDir = S_ISDIR(st.st_mode);
            info.sig = sigOf(st);
        }
    }
    return *statCache.insert(path, info);
}

bool Build::exists(const QString &path, bool *isDir) const
{
    consulted.insert(path);
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

Result<QByteArray> Build::readRaw(const QString &path) const
{
    consulted.insert(path);
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
        // statOf saw a regular file: readRegularFile opens it without a stat of its own, and
        // still refuses what is not a regular file (a FIFO swapped in since) and what is larger
        // than its cap, before reading.
        auto bytes = readRegularFile(path);
        if (bytes) {
            QMutexLocker lock(&priv.mutex);
            ParseCache::Entry &e = priv.cache[key];
            e.sig = info.sig;
            e.bytes = *bytes;
            e.docs.reset();
            return *bytes;
        }
        if (bytes.error().code != Error::Code::NotFound)
            return bytes;
    }
    return fail(Error::Code::NotFound, tr("open %1: no such file or directory").arg(path));
}

// The path with symbolic links resolved. Directories are resolved once per render, so a
// file costs one lstat unless it is itself a link.
QString Build::canonical(const QString &path) const
{
    auto it = canonicalCache.constFind(path);
    if (it != canonicalCache.constEnd())
        return *it;
    QString real;
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    // statOf's lstat, which the render asks for this path anyway.
    const StatInfo &info = statOf(path);
    if (slash > 0 && !info.isLink) {
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

// Checks the load restrictor: `path` must be inside `root` (symlinks resolved).
Result<QString> Build::checkedPath(const QString &root, const QString &relOrAbs) const
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

Result<std::shared_ptr<const std::vector<Value>>> Build::parseFile(const QString &path,
                                                                   Dialect dialect) const
{
    const std::string key = (dialect == Dialect::Yaml11       ? "11:"
                             : dialect == Dialect::KyamlNodes ? "kn:"
                                                              : "") +
                            path.toStdString();
    consulted.insert(path);
    const bool fromOverlay = overlay && overlay->files.contains(path);
    if (!fromOverlay) {
        // A file on disk: unchanged since the last render when its stat signature is.
        const StatInfo &info = statOf(path);
        if (info.exists && !info.isDir) {
            QMutexLocker lock(&priv.mutex);
            auto it = priv.cache.find(key);
            if (it != priv.cache.end() && info.sig.settled(startNs) && it->second.sig == info.sig &&
                it->second.docs)
                return it->second.docs;
        }
    }
    auto bytes = readRaw(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    // The previous parse of this path, taken out of the cache when its text differs: an edit
    // inside one scalar is spliced into it rather than parsed again.
    QByteArray oldBytes;
    std::shared_ptr<const std::vector<Value>> oldDocs;
    std::shared_ptr<yaml::ParseIndex> oldIndex;
    bool edited = false;
    {
        // The same content as when it was parsed (the same shared buffer, or equal bytes).
        QMutexLocker lock(&priv.mutex);
        auto it = priv.cache.find(key);
        if (it != priv.cache.end() && it->second.docs &&
            (it->second.bytes.constData() == bytes->constData()
                 ? it->second.bytes.size() == bytes->size()
                 : it->second.bytes == *bytes)) {
            if (!fromOverlay)
                it->second.sig = statOf(path).sig;
            return it->second.docs;
        }
        if (it != priv.cache.end() && it->second.docs && it->second.index) {
            oldBytes = it->second.bytes;
            oldDocs = std::move(it->second.docs);
            oldIndex = std::move(it->second.index);
            it->second.decoded.reset();
        }
        // A file parsed before with other text is being edited: its next parse records where
        // its scalars are, so that the following edits splice. A file parsed once (a cold
        // render) does not pay for the index.
        edited = it != priv.cache.end() && (it->second.docs || oldDocs);
    }
    yaml::ParseLimits limits;
    limits.kioSplit = dialect != Dialect::Yaml11;
    if (dialect == Dialect::KyamlNodes)
        limits.duplicateKeys = yaml::ParseLimits::DuplicateKeys::KeepFirst;
    if (dialect == Dialect::Yaml11) {
        limits.yaml11 = true;
        limits.duplicateKeys = yaml::ParseLimits::DuplicateKeys::KeepLast;
    }
    std::shared_ptr<std::vector<Value>> shared;
    std::shared_ptr<yaml::ParseIndex> index;
    if (oldDocs) {
        // Spliced in place when nobody else holds the documents (they were made non-const),
        // else into a copy.
        auto docs = oldDocs.use_count() == 1
                        ? std::const_pointer_cast<std::vector<Value>>(std::move(oldDocs))
                        : std::make_shared<std::vector<Value>>(*oldDocs);
        auto idx = oldIndex.use_count() == 1 ? std::move(oldIndex)
                                             : std::make_shared<yaml::ParseIndex>(*oldIndex);
        if (yaml::reparseEdited(oldBytes, *bytes, limits, *docs, *idx)) {
            shared = std::move(docs);
            index = std::move(idx);
        }
    }
    if (!shared) {
        if (edited)
            index = std::make_shared<yaml::ParseIndex>();
        auto docs = yaml::parseDocuments(*bytes, path, limits, index.get());
        if (!docs)
            return std::unexpected(docs.error());
        shared = std::make_shared<std::vector<Value>>(std::move(*docs));
    }
    QMutexLocker lock(&priv.mutex);
    ParseCache::Entry &e = priv.cache[key];
    e.bytes = *bytes;
    e.sig = fromOverlay ? FileSig{} : statOf(path).sig;
    e.docs = shared;
    e.index = std::move(index);
    e.decoded.reset();
    return std::shared_ptr<const std::vector<Value>>(std::move(shared));
}

// Inline YAML (patches, plugin configs written in the kustomization) parsed through the
// same cache, keyed by content.
Result<std::vector<Value>> Build::parseInline(const std::string &text, Dialect dialect) const
{
    const QByteArray bytes = QByteArray::fromStdString(text);
    const QByteArray hash = QCryptographicHash::hash(bytes, QCryptographicHash::Md5);
    const std::string key = std::string(dialect == Dialect::KyamlNodes ? "inline-kn:"
                                        : dialect == Dialect::Yaml11   ? "inline-11:"
                                                                       : "inline:") +
                            hash.toHex().toStdString();
    {
        QMutexLocker lock(&priv.mutex);
        auto it = priv.cache.find(key);
        if (it != priv.cache.end())
            return *it->second.docs;
    }
    yaml::ParseLimits limits;
    limits.kioSplit = dialect != Dialect::Yaml11;
    if (dialect == Dialect::KyamlNodes)
        limits.duplicateKeys = yaml::ParseLimits::DuplicateKeys::KeepFirst;
    if (dialect == Dialect::Yaml11) {
        limits.yaml11 = true;
        limits.duplicateKeys = yaml::ParseLimits::DuplicateKeys::KeepLast;
    }
    auto docs = yaml::parseDocuments(bytes, {}, limits);
    if (!docs)
        return std::unexpected(docs.error());
    auto shared = std::make_shared<const std::vector<Value>>(*docs);
    QMutexLocker lock(&priv.mutex);
    ParseCache::Entry &e = priv.cache[key];
    e.hash = hash;
    e.docs = shared;
    return std::move(*docs);
}

Result<QString> Build::findKustomizationFile(const QString &dir) const
{
    auto it = kustFileCache.constFind(dir);
    if (it != kustFileCache.constEnd())
        return *it;
    auto r = findKustomizationFileUncached(dir);
    kustFileCache.insert(dir, r);
    return r;
}

Result<QString> Build::findKustomizationFileUncached(const QString &dir) const
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

Error Build::located(const QString &dir, Error e) const
{
    if (!e.file.isEmpty() || place.field.empty())
        return e;
    auto file = findKustomizationFile(dir);
    if (!file)
        return e;
    e.file = *file;
    auto bytes = readRaw(*file);
    if (!bytes)
        return e;
    auto doc = yaml::YamlDocument::parse(*bytes, *file);
    if (!doc)
        return e;
    // Field names match case-insensitively; of two equal keys the last counts.
    QString key;
    for (const QString &k : doc->keys({}))
        if (k.compare(qs(place.field), Qt::CaseInsensitive) == 0)
            key = k;
    if (key.isEmpty())
        return e;
    yaml::YamlPath path{key};
    if (place.index >= 0)
        path = path / place.index;
    if (auto loc = doc->location(path)) {
        e.line = loc->line;
        e.column = loc->column;
    }
    return e;
}

Result<Value> Build::loadKustomization(const QString &dir)
{
    auto file = findKustomizationFile(dir);
    if (!file)
        return std::unexpected(file.error());
    // kustomize reads the kustomization with sigs.k8s.io/yaml (go-yaml v2) and only its first
    // document.
    auto docs = parseFile(*file, Dialect::Yaml11);
    if (!docs) {
        Error e = docs.error();
        e.message = QStringLiteral("invalid Kustomization: ") + e.message;
        return std::unexpected(e);
    }
    const std::string key = "11:" + file->toStdString();
    {
        QMutexLocker lock(&priv.mutex);
        auto it = priv.cache.find(key);
        if (it != priv.cache.end() && it->second.docs == *docs && it->second.decoded)
            return *it->second.decoded;
    }
    const Value doc = (*docs)->empty() ? Value() : (*docs)->front();
    std::vector<std::variant<std::string, int>> where;
    auto k = decodeKustomization(doc, dir, &where);
    if (!k) {
        Error e = k.error();
        e.file = *file;
        if (!where.empty()) {
            // The place of the offending node, from a lossless parse of the file.
            std::vector<yaml::YamlPathSegment> segs;
            for (const auto &w : where)
                segs.push_back(std::holds_alternative<int>(w)
                                   ? yaml::YamlPathSegment(std::get<int>(w))
                                   : yaml::YamlPathSegment(qs(std::get<std::string>(w))));
            if (auto bytes = readRaw(*file))
                if (auto d = yaml::YamlDocument::parse(*bytes, *file))
                    if (auto loc = d->location(yaml::YamlPath(std::move(segs)))) {
                        e.line = loc->line;
                        e.column = loc->column;
                    }
        }
        return std::unexpected(e);
    }
    QMutexLocker lock(&priv.mutex);
    auto it = priv.cache.find(key);
    if (it != priv.cache.end() && it->second.docs == *docs)
        it->second.decoded = std::make_shared<const Value>(*k);
    return k;
}

} // namespace kanri::kustomize::detail

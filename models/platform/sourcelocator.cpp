#include "platform/sourcelocator.h"

#include "diff/renderdiff.h"
#include "platform/catalog.h"
#include "yaml/yamldocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>

namespace kanri::platform {

using yaml::YamlDocument;
using yaml::YamlNodeKind;
using yaml::YamlPath;
using yaml::YamlPathSegment;

namespace {

constexpr int MaxDepth = 32; // kustomizations including kustomizations; guards against cycles

// How sure a location is: the path is written there, or only the object is declared there.
enum class Match { Exact, Declared };

struct Found
{
    SourceLocation location;
    Match match = Match::Exact;
};

// "/spec/template/spec/containers/0/image": JSON 6902 ops address sequence items by position.
QString jsonPointer(const YamlPath &path)
{
    QString out;
    for (const auto &seg : path.segments()) {
        QString part = seg.isIndex() ? QString::number(seg.index()) : seg.key();
        part.replace(QLatin1Char('~'), QStringLiteral("~0")).replace(QLatin1Char('/'), "~1");
        out += QLatin1Char('/') + part;
    }
    return out;
}

// The segments of a JSON pointer, unescaped (numbers become sequence positions).
YamlPath fromPointer(const QString &pointer)
{
    std::vector<YamlPathSegment> segs;
    const QStringList parts = pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (QString p : parts) {
        p.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), "~");
        bool isNumber = false;
        const int n = p.toInt(&isNumber);
        if (isNumber)
            segs.emplace_back(n);
        else
            segs.emplace_back(p);
    }
    return YamlPath(std::move(segs));
}

YamlPath concat(const YamlPath &a, const YamlPath &b)
{
    YamlPath out = a;
    for (const auto &seg : b.segments())
        out = out / seg;
    return out;
}

// `kustomization` and a dir-relative reference → an absolute clean path.
QString resolve(const QString &dir, const QString &relative)
{
    return QDir::cleanPath(QDir(dir).filePath(relative));
}

// A patch target's name or kind: kustomize matches them as anchored regular expressions.
bool selectorMatches(const QString &pattern, const QString &value)
{
    if (pattern.isEmpty() || pattern == value)
        return true;
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    return re.isValid() && re.match(value).hasMatch();
}

// "registry:5000/team/app:v1@sha256:..." → "registry:5000/team/app".
QString imageName(const QString &image)
{
    QString name = image.section(QLatin1Char('@'), 0, 0);
    const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
    if (colon > name.lastIndexOf(QLatin1Char('/')))
        name.truncate(colon);
    return name;
}

bool isWorkload(const QString &kind)
{
    static const QStringList kinds = {QStringLiteral("Deployment"), QStringLiteral("StatefulSet"),
                                      QStringLiteral("ReplicaSet"),
                                      QStringLiteral("ReplicationController")};
    return kinds.contains(kind);
}

} // namespace

struct SourceLocator::Search
{
    Q_DECLARE_TR_FUNCTIONS(kanri::platform::SourceLocator::Search)

public:
    const FileReader &read;
    RenderedObject object;
    YamlPath indexPath; // positions for sequence items
    YamlPath mergePath; // merge keys where items have them
    QString value;      // the rendered scalar at the path, when it is one

    std::optional<YamlDocument> load(const QString &path) const
    {
        auto bytes = read(path);
        if (!bytes)
            return std::nullopt;
        auto doc = YamlDocument::parse(*bytes, path);
        if (!doc)
            return std::nullopt;
        return std::move(*doc);
    }

    static Found at(const QString &file, const yaml::YamlLocation &loc, const QString &reason,
                    Match match = Match::Exact)
    {
        return {{file, loc.line, loc.column, reason}, match};
    }

    // The object's names as a kustomization at this level may call it: without the prefixes
    // and suffixes added above, and without a generator's hash.
    static bool nameMatches(const QStringList &names, const QString &candidate)
    {
        return !candidate.isEmpty() && names.contains(candidate);
    }

    std::optional<Found> inKustomization(const QString &dir, QStringList names, int depth) const;
    std::optional<Found> inPatchContent(const YamlDocument &kustomization, const YamlPath &where,
                                        const QString &file, bool inlinePatch,
                                        const QString &targetKind, const QString &targetName,
                                        const QStringList &names, const QString &reason) const;
    std::optional<Found> inJsonPatch(const YamlDocument &ops, const QStringList &names,
                                     const QString &targetKind, const QString &targetName) const;
    std::optional<Found> inStrategicMerge(const YamlDocument &doc, const QStringList &names,
                                          const QString &targetKind,
                                          const QString &targetName) const;
    std::optional<Found> inGenerators(const YamlDocument &k, const QString &kPath,
                                      const QString &dir, const QStringList &names) const;
    std::optional<Found> inResourceFile(const QString &file, const QStringList &names) const;
};

// A location inside an inline patch (`patch: |-` in a kustomization) mapped to the file.
static yaml::YamlLocation shiftInline(const YamlDocument &k, const YamlPath &scalarPath,
                                      const yaml::YamlLocation &inner)
{
    const auto outer = k.location(scalarPath);
    if (!outer)
        return inner;
    const QByteArray &text = k.text();
    yaml::YamlLocation loc = inner;
    const qsizetype start = outer->offset;
    if (start < text.size() && (text.at(start) == '|' || text.at(start) == '>')) {
        // A block scalar: its content starts on the next line, indented.
        loc.line = outer->line + inner.line;
        const qsizetype lineStart = text.indexOf('\n', start) + 1;
        qsizetype indent = 0;
        while (lineStart > 0 && lineStart + indent < text.size() &&
               text.at(lineStart + indent) == ' ')
            ++indent;
        loc.column = inner.column + int(indent);
        return loc;
    }
    return *outer; // a quoted or plain patch: point at it
}

std::optional<Found> SourceLocator::Search::inJsonPatch(const YamlDocument &ops,
                                                        const QStringList &names,
                                                        const QString &targetKind,
                                                        const QString &targetName) const
{
    if (targetKind.isEmpty() && targetName.isEmpty())
        return std::nullopt; // a JSON 6902 patch applies to its target only
    if (!selectorMatches(targetKind, object.kind))
        return std::nullopt;
    bool nameOk = targetName.isEmpty();
    for (const QString &n : names)
        nameOk = nameOk || selectorMatches(targetName, n);
    if (!nameOk)
        return std::nullopt;
    const QString pointer = jsonPointer(indexPath);
    // The last op that writes the path (or a subtree holding it) wins.
    for (int i = ops.size({}) - 1; i >= 0; --i) {
        const QString op = ops.scalar({i, "op"}).value_or(QString());
        const QString path = ops.scalar({i, "path"}).value_or(QString());
        if (op == QLatin1String("remove") || op == QLatin1String("test") || path.isEmpty())
            continue;
        if (pointer != path && !pointer.startsWith(path + QLatin1Char('/')))
            continue;
        const YamlPath rest = fromPointer(pointer.mid(path.size()));
        const YamlPath deep = concat(YamlPath{i, "value"}, rest);
        if (auto loc = ops.location(deep))
            return at({}, *loc, {});
        if (auto loc = ops.location({i, "value"}))
            return at({}, *loc, {});
        if (auto loc = ops.location({i, "path"}))
            return at({}, *loc, {});
    }
    return std::nullopt;
}

std::optional<Found> SourceLocator::Search::inStrategicMerge(const YamlDocument &doc,
                                                             const QStringList &names,
                                                             const QString &targetKind,
                                                             const QString &targetName) const
{
    for (int d = doc.documentCount() - 1; d >= 0; --d) {
        const QString kind = doc.scalar({"kind"}, d).value_or(QString());
        const QString name = doc.scalar({"metadata", "name"}, d).value_or(QString());
        if (!targetKind.isEmpty() || !targetName.isEmpty()) {
            if (!selectorMatches(targetKind, object.kind))
                continue;
            bool nameOk = targetName.isEmpty();
            for (const QString &n : names)
                nameOk = nameOk || selectorMatches(targetName, n);
            if (!nameOk)
                continue;
        } else if (kind != object.kind || !nameMatches(names, name)) {
            continue;
        }
        if (auto loc = doc.location(mergePath, d))
            return at({}, *loc, {});
    }
    return std::nullopt;
}

std::optional<Found>
SourceLocator::Search::inPatchContent(const YamlDocument &k, const YamlPath &where,
                                      const QString &file, bool inlinePatch,
                                      const QString &targetKind, const QString &targetName,
                                      const QStringList &names, const QString &reason) const
{
    std::optional<YamlDocument> doc;
    if (inlinePatch) {
        const auto text = k.scalar(where);
        if (!text)
            return std::nullopt;
        auto parsed = YamlDocument::parse(text->toUtf8(), k.fileName());
        if (!parsed)
            return std::nullopt;
        doc = std::move(*parsed);
    } else {
        doc = load(file);
        if (!doc)
            return std::nullopt;
    }
    std::optional<Found> hit = doc->kind({}) == YamlNodeKind::Sequence
                                   ? inJsonPatch(*doc, names, targetKind, targetName)
                                   : inStrategicMerge(*doc, names, targetKind, targetName);
    if (!hit)
        return std::nullopt;
    if (inlinePatch) {
        const yaml::YamlLocation inner{hit->location.line, hit->location.column, 0, 0};
        const auto loc = shiftInline(k, where, inner);
        return at(k.fileName(), loc, reason);
    }
    hit->location.file = file;
    hit->location.reason = reason;
    return hit;
}

std::optional<Found> SourceLocator::Search::inGenerators(const YamlDocument &k,
                                                         const QString &kPath, const QString &dir,
                                                         const QStringList &names) const
{
    const char *key = object.kind == QLatin1String("ConfigMap") ? "configMapGenerator"
                      : object.kind == QLatin1String("Secret")  ? "secretGenerator"
                                                                : nullptr;
    if (!key)
        return std::nullopt;
    const bool inData = indexPath.size() == 2 && !indexPath.at(1).isIndex() &&
                        (indexPath.at(0).key() == QLatin1String("data") ||
                         indexPath.at(0).key() == QLatin1String("binaryData") ||
                         indexPath.at(0).key() == QLatin1String("stringData"));
    const QString dataKey = inData ? indexPath.at(1).key() : QString();
    for (int i = k.size({key}) - 1; i >= 0; --i) {
        if (!nameMatches(names, k.scalar({key, i, "name"}).value_or(QString())))
            continue;
        const QString reason = QCoreApplication::translate("SourceLocator", "the %1 entry")
                                   .arg(QString::fromLatin1(key));
        if (inData) {
            for (int j = k.size({key, i, "literals"}) - 1; j >= 0; --j) {
                const QString lit = k.scalar({key, i, "literals", j}).value_or(QString());
                if (lit.section(QLatin1Char('='), 0, 0).trimmed() == dataKey)
                    if (auto loc = k.location({key, i, "literals", j}))
                        return at(kPath, *loc, reason);
            }
            for (int j = k.size({key, i, "files"}) - 1; j >= 0; --j) {
                const QString f = k.scalar({key, i, "files", j}).value_or(QString());
                const QString name = f.contains(QLatin1Char('='))
                                         ? f.section(QLatin1Char('='), 0, 0).trimmed()
                                         : QFileInfo(f).fileName();
                if (name == dataKey)
                    if (auto loc = k.location({key, i, "files", j}))
                        return at(kPath, *loc, reason);
            }
            for (int j = k.size({key, i, "envs"}) - 1; j >= 0; --j) {
                const QString env = resolve(dir, k.scalar({key, i, "envs", j}).value_or(""));
                const auto bytes = read(env);
                if (!bytes)
                    continue;
                const QList<QByteArray> lines = bytes->split('\n');
                for (int l = int(lines.size()) - 1; l >= 0; --l) {
                    const QByteArray t = lines.at(l).trimmed();
                    if (!t.startsWith('#') && t.left(t.indexOf('=')).trimmed() == dataKey.toUtf8())
                        return Found{{env, l + 1, 1, reason}, Match::Exact};
                }
            }
            // A merging generator that does not set this key: a base's generator does.
            if (k.scalar({key, i, "behavior"}).value_or(QString()) == QLatin1String("merge"))
                continue;
        }
        if (auto loc = k.location({key, i, "name"}))
            return at(kPath, *loc, reason, inData ? Match::Declared : Match::Exact);
    }
    return std::nullopt;
}

std::optional<Found> SourceLocator::Search::inResourceFile(const QString &file,
                                                           const QStringList &names) const
{
    const auto doc = load(file);
    if (!doc)
        return std::nullopt;
    const QString reason = QCoreApplication::translate("SourceLocator", "the resource");
    for (int d = 0; d < doc->documentCount(); ++d) {
        if (doc->scalar({"kind"}, d).value_or(QString()) != object.kind ||
            !nameMatches(names, doc->scalar({"metadata", "name"}, d).value_or(QString())))
            continue;
        for (const YamlPath &p : {mergePath, indexPath})
            if (auto loc = doc->location(p, d))
                return at(file, *loc, reason);
        // Not written here (a transformer adds it): the deepest part that is, else the name.
        for (int n = indexPath.size() - 1; n > 0; --n) {
            if (auto loc = doc->location(mergePath.mid(0, n), d))
                return at(file, *loc, reason, Match::Declared);
        }
        if (auto loc = doc->location({"metadata", "name"}, d))
            return at(file, *loc, reason, Match::Declared);
    }
    return std::nullopt;
}

std::optional<Found> SourceLocator::Search::inKustomization(const QString &dir, QStringList names,
                                                            int depth) const
{
    if (depth > MaxDepth)
        return std::nullopt;
    const QString kPath = kustomizationPath(dir);
    if (kPath.isEmpty())
        return std::nullopt;
    const auto k = load(kPath);
    if (!k)
        return std::nullopt;

    // The names this kustomization's own entries use: before its prefix and suffix.
    const QString prefix = k->scalar({"namePrefix"}).value_or(QString());
    const QString suffix = k->scalar({"nameSuffix"}).value_or(QString());
    if (!prefix.isEmpty() || !suffix.isEmpty()) {
        const QStringList outer = names;
        for (QString n : outer) {
            if (!prefix.isEmpty() && n.startsWith(prefix))
                n.remove(0, prefix.size());
            if (!suffix.isEmpty() && n.endsWith(suffix))
                n.chop(suffix.size());
            if (!names.contains(n))
                names.append(n);
        }
    }

    const YamlPath &p = indexPath;
    const QString last = p.isEmpty() || p.last().isIndex() ? QString() : p.last().key();

    // images: (the last transformer to touch an image)
    if (last == QLatin1String("image") && !value.isEmpty()) {
        const QString name = imageName(value);
        for (int i = k->size({"images"}) - 1; i >= 0; --i) {
            const QString from = k->scalar({"images", i, "name"}).value_or(QString());
            const QString to = k->scalar({"images", i, "newName"}).value_or(QString());
            if (from != name && to != name)
                continue;
            for (const char *field : {"digest", "newTag", "newName", "name"})
                if (auto loc = k->location({"images", i, field}))
                    return at(kPath, *loc, tr("the overlay's images: entry"));
        }
    }
    // replicas:
    if (isWorkload(object.kind) && p == YamlPath{"spec", "replicas"}) {
        for (int i = k->size({"replicas"}) - 1; i >= 0; --i) {
            if (!nameMatches(names, k->scalar({"replicas", i, "name"}).value_or(QString())))
                continue;
            if (auto loc = k->location({"replicas", i, "count"}))
                return at(kPath, *loc, tr("the overlay's replicas: entry"));
        }
    }
    // patchesJson6902:
    for (int i = k->size({"patchesJson6902"}) - 1; i >= 0; --i) {
        const QString kind = k->scalar({"patchesJson6902", i, "target", "kind"}).value_or("");
        const QString name = k->scalar({"patchesJson6902", i, "target", "name"}).value_or("");
        const bool isInline = k->contains({"patchesJson6902", i, "patch"});
        const QString file =
            isInline ? QString()
                     : resolve(dir, k->scalar({"patchesJson6902", i, "path"}).value_or(""));
        if (auto hit = inPatchContent(*k, {"patchesJson6902", i, "patch"}, file, isInline,
                                      kind.isEmpty() ? object.kind : kind, name, names,
                                      tr("a JSON 6902 patch")))
            return hit;
    }
    // commonAnnotations, commonLabels / labels
    if (p.size() >= 2 && !last.isEmpty()) {
        const QString parent = p.at(p.size() - 2).isIndex() ? QString() : p.at(p.size() - 2).key();
        if (parent == QLatin1String("annotations")) {
            if (auto loc = k->location({"commonAnnotations", last}))
                return at(kPath, *loc, tr("the overlay's commonAnnotations"));
        }
        if (parent == QLatin1String("labels") || parent == QLatin1String("matchLabels") ||
            parent == QLatin1String("selector")) {
            for (int i = k->size({"labels"}) - 1; i >= 0; --i)
                if (auto loc = k->location({"labels", i, "pairs", last}))
                    return at(kPath, *loc, tr("the overlay's labels"));
            if (auto loc = k->location({"commonLabels", last}))
                return at(kPath, *loc, tr("the overlay's commonLabels"));
        }
    }
    // namespace:
    if (p == YamlPath{"metadata", "namespace"}) {
        if (auto loc = k->location({"namespace"}))
            return at(kPath, *loc, tr("the overlay's namespace"));
    }
    // patches:
    for (int i = k->size({"patches"}) - 1; i >= 0; --i) {
        const QString kind = k->scalar({"patches", i, "target", "kind"}).value_or("");
        const QString name = k->scalar({"patches", i, "target", "name"}).value_or("");
        const bool isInline = k->contains({"patches", i, "patch"});
        const QString file =
            isInline ? QString() : resolve(dir, k->scalar({"patches", i, "path"}).value_or(""));
        if (!isInline && !k->contains({"patches", i, "path"}))
            continue;
        if (auto hit = inPatchContent(*k, {"patches", i, "patch"}, file, isInline, kind, name,
                                      names, isInline ? tr("an inline patch") : tr("a patch")))
            return hit;
    }
    // patchesStrategicMerge: (file paths or inline patches)
    for (int i = k->size({"patchesStrategicMerge"}) - 1; i >= 0; --i) {
        const QString entry = k->scalar({"patchesStrategicMerge", i}).value_or(QString());
        const bool isInline = entry.contains(QLatin1Char('\n'));
        if (auto hit = inPatchContent(*k, {"patchesStrategicMerge", i}, resolve(dir, entry),
                                      isInline, {}, {}, names, tr("a strategic-merge patch")))
            return hit;
    }
    // generators
    std::optional<Found> declared;
    if (auto hit = inGenerators(*k, kPath, dir, names)) {
        if (hit->match == Match::Exact)
            return hit;
        declared = hit;
    }
    // resources: files and the kustomizations they include
    for (const char *list : {"resources", "bases", "components"}) {
        for (int i = 0; i < k->size({list}); ++i) {
            const QString entry = k->scalar({list, i}).value_or(QString());
            if (entry.isEmpty() || entry.contains(QStringLiteral("://")))
                continue;
            const QString target = resolve(dir, entry);
            std::optional<Found> hit;
            if (!kustomizationPath(target).isEmpty())
                hit = inKustomization(target, names, depth + 1);
            else if (QFileInfo(target).isFile() || read(target))
                hit = inResourceFile(target, names);
            if (!hit)
                continue;
            if (hit->match == Match::Exact)
                return hit;
            if (!declared)
                declared = hit;
        }
    }
    return declared;
}

SourceLocator::SourceLocator(FileReader read)
    : m_read(std::move(read))
{}

Result<SourceLocation> SourceLocator::locate(const QString &overlayDir,
                                             const RenderedObject &object,
                                             const YamlPath &path) const
{
    Search search{m_read, object, path, path, {}};
    if (!object.yaml.isEmpty()) {
        search.mergePath = withMergeKeys(object.yaml, path);
        if (auto doc = YamlDocument::parse(object.yaml))
            search.value = doc->scalar(path).value_or(QString());
    }
    QStringList names{object.name};
    if (const auto stripped = diff::stripHashSuffix(object.name))
        names.append(*stripped);
    const QString dir = QDir::cleanPath(overlayDir);
    std::optional<Found> hit = search.inKustomization(dir, names, 0);
    if ((!hit || hit->match != Match::Exact) && !object.originFile.isEmpty()) {
        if (auto origin = search.inResourceFile(object.originFile, names);
            origin && (!hit || origin->match == Match::Exact))
            hit = origin;
    }
    if (!hit)
        return failAt(
            Error::Code::NotFound,
            QCoreApplication::translate("SourceLocator", "no source found for %1 %2 at %3")
                .arg(object.kind, object.name, path.toString()),
            dir);
    return hit->location;
}

Result<SourceLocation> SourceLocator::locateLine(const QString &overlayDir,
                                                 const RenderedObject &object, int line) const
{
    const auto path = pathAtLine(object.yaml, line);
    if (!path)
        return fail(
            Error::Code::NotFound,
            QCoreApplication::translate("SourceLocator", "line %1 holds no value").arg(line));
    return locate(overlayDir, object, *path);
}

namespace {

// The line a node's key is written on (for an item: its dash). A block collection's value
// starts on the line after its key.
void collectLines(const YamlDocument &doc, const YamlPath &path, int keyLine, int targetLine,
                  std::optional<YamlPath> &best, int depth)
{
    if (depth > 100)
        return;
    if (keyLine == targetLine && !path.isEmpty())
        best = path; // deeper matches overwrite shallower ones
    const YamlNodeKind kind = doc.kind(path);
    if (kind == YamlNodeKind::Mapping) {
        for (const QString &key : doc.keys(path)) {
            const YamlPath child = path / key;
            const auto loc = doc.location(child);
            if (!loc)
                continue;
            const YamlNodeKind ck = doc.kind(child);
            const bool block = (ck == YamlNodeKind::Mapping || ck == YamlNodeKind::Sequence) &&
                               doc.size(child) > 0 && doc.text().mid(loc->offset, 1) != "[" &&
                               doc.text().mid(loc->offset, 1) != "{";
            const int line = block ? loc->line - 1 : loc->line;
            collectLines(doc, child, line, targetLine, best, depth + 1);
        }
    } else if (kind == YamlNodeKind::Sequence) {
        for (int i = 0; i < doc.size(path); ++i) {
            const YamlPath child = path / i;
            if (const auto loc = doc.location(child))
                collectLines(doc, child, loc->line, targetLine, best, depth + 1);
        }
    }
}

QString mergeKeyFor(const YamlDocument &doc, const YamlPath &item, const QString &list)
{
    if (doc.kind(item) != YamlNodeKind::Mapping)
        return {};
    QStringList candidates;
    if (list == QLatin1String("volumeMounts"))
        candidates = {QStringLiteral("mountPath")};
    else if (list == QLatin1String("volumeDevices"))
        candidates = {QStringLiteral("devicePath")};
    else if (list == QLatin1String("ports"))
        candidates = {QStringLiteral("containerPort"), QStringLiteral("port")};
    else if (list == QLatin1String("topologySpreadConstraints"))
        candidates = {QStringLiteral("topologyKey")};
    else if (list == QLatin1String("hostAliases"))
        candidates = {QStringLiteral("ip")};
    candidates << QStringLiteral("name");
    for (const QString &key : std::as_const(candidates)) {
        if (doc.kind(item / key) == YamlNodeKind::Scalar)
            return key;
    }
    return {};
}

} // namespace

std::optional<YamlPath> SourceLocator::pathAtLine(const QByteArray &objectYaml, int line)
{
    const auto doc = YamlDocument::parse(objectYaml);
    if (!doc || doc->documentCount() < 1)
        return std::nullopt;
    std::optional<YamlPath> best;
    collectLines(*doc, {}, 0, line, best, 0);
    return best;
}

YamlPath SourceLocator::withMergeKeys(const QByteArray &objectYaml, const YamlPath &path)
{
    const auto doc = YamlDocument::parse(objectYaml);
    if (!doc)
        return path;
    YamlPath rendered; // the path in the rendered object (positions)
    YamlPath out;
    for (const auto &seg : path.segments()) {
        const YamlPath item = rendered / seg;
        QString key;
        if (seg.isIndex() && !rendered.isEmpty() && !rendered.last().isIndex())
            key = mergeKeyFor(*doc, item, rendered.last().key());
        if (!key.isEmpty()) {
            const QString v = doc->scalar(item / key).value_or(QString());
            out = out / QStringLiteral("%1=%2").arg(key, v);
        } else {
            out = out / seg;
        }
        rendered = item;
    }
    return out;
}

QList<WorkspaceFile> workspaceFiles(const Catalog &catalog)
{
    static const QStringList suffixes = {
        QStringLiteral("yaml"),   QStringLiteral("yml"), QStringLiteral("tf"),
        QStringLiteral("tfvars"), QStringLiteral("hcl"), QStringLiteral("json"),
        QStringLiteral("md"),     QStringLiteral("env"), QStringLiteral("properties"),
        QStringLiteral("txt"),    QStringLiteral("conf")};
    static const QStringList names = {QStringLiteral("Kustomization"),
                                      QStringLiteral("CODEOWNERS")};
    static const QStringList skipped = {QStringLiteral(".git"), QStringLiteral(".terraform"),
                                        QStringLiteral("node_modules")};
    QList<WorkspaceFile> files;
    for (const RepositorySpec &spec : catalog.workspace.repositories) {
        const QString root = QDir::cleanPath(catalog.workspace.repositoryPath(spec));
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString rel = QDir(root).relativeFilePath(path);
            bool skip = false;
            for (const QString &part : rel.split(QLatin1Char('/')))
                skip = skip || skipped.contains(part);
            const QFileInfo info = it.fileInfo();
            if (skip || (!suffixes.contains(info.suffix()) && !names.contains(info.fileName())))
                continue;
            files.append({spec.name + QLatin1Char('/') + rel, path});
        }
    }
    std::sort(files.begin(), files.end(),
              [](const WorkspaceFile &a, const WorkspaceFile &b) { return a.display < b.display; });
    return files;
}

} // namespace kanri::platform

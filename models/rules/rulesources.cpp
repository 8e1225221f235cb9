#include "rules/rulesources.h"

#include "core/fileio.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <mutex>
#include <vector>

namespace kanri::platform {

namespace {

QString scalarText(const YAML::Node &node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

QString kustomizationIn(const QString &dir, const SourceReader &read)
{
    for (const char *name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
        const QString path = QDir(dir).filePath(QString::fromLatin1(name));
        if (read(path))
            return path;
    }
    return {};
}

bool isRemote(const QString &ref)
{
    return ref.contains(QLatin1String("://")) || ref.startsWith(QLatin1String("github.com/")) ||
           ref.startsWith(QLatin1String("git@"));
}

} // namespace

// Something read from the tree, in the order kustomize applies it.
struct Item
{
    enum class Type { Resource, Patch, Json6902, Images, Replicas, Namespace };
    Type type = Type::Resource;
    QString file;       // absolute
    int lineOffset = 0; // lines before the text of an inline patch in its kustomization
    int columnOffset = 0;
    YAML::Node node;                // the document (or the images/replicas entry, namespace scalar)
    QString targetKind, targetName; // a patch's explicit target
};

struct ParsedSources::Private
{
    // Enough for the files of a few services; more would keep a whole repository's nodes.
    static constexpr qsizetype kCapacity = 64;
    struct Entry
    {
        QByteArray bytes;
        Result<std::vector<YAML::Node>> docs;
    };
    QHash<QString, Entry> entries;
    QList<QString> order; // oldest first

    Result<std::vector<YAML::Node>> loadAll(const QString &path, const QByteArray &bytes)
    {
        if (auto it = entries.constFind(path); it != entries.constEnd() && it->bytes == bytes)
            return it->docs;
        auto docs = yaml::loadAll(bytes, path);
        if (!entries.contains(path)) {
            order.append(path);
            if (order.size() > kCapacity)
                entries.remove(order.takeFirst());
        }
        entries.insert(path, Entry{bytes, docs});
        return docs;
    }
};

ParsedSources::ParsedSources()
    : d(std::make_unique<Private>())
{}

ParsedSources::~ParsedSources() = default;

struct KustomizeSources::Private
{
    std::vector<Item> items;
    QSet<QString> visited;
    QStringList files;
    SourceReader read;
    ParsedSources *parsed = nullptr;

    Result<std::vector<YAML::Node>> loadAll(const QString &path, const QByteArray &bytes)
    {
        return parsed ? parsed->d->loadAll(path, bytes) : yaml::loadAll(bytes, path);
    }
    // The tree is read on the first question: most rendered targets raise no finding, and
    // then nothing needs pointing into their sources.
    QString root;
    std::once_flag walked;

    void walkOnce()
    {
        std::call_once(walked, [this] { walk(root, 0); });
    }
    void walk(const QString &dir, int depth);
    void addFile(const QString &path, Item::Type type, const QString &targetKind = {},
                 const QString &targetName = {});
    void addInline(const QString &kustomizationFile, const YAML::Node &scalar, Item::Type type,
                   const QString &targetKind, const QString &targetName);
};

void KustomizeSources::Private::addFile(const QString &path, Item::Type type,
                                        const QString &targetKind, const QString &targetName)
{
    auto bytes = read(path);
    if (!bytes)
        return;
    files << path;
    // A file that does not parse cannot be pointed into; rendering reports it.
    const auto docs = loadAll(path, *bytes);
    if (!docs)
        return;
    for (const YAML::Node &doc : *docs) {
        if (!doc.IsNull())
            items.push_back(Item{type, path, 0, 0, doc, targetKind, targetName});
    }
}

void KustomizeSources::Private::addInline(const QString &kustomizationFile,
                                          const YAML::Node &scalar, Item::Type type,
                                          const QString &targetKind, const QString &targetName)
{
    if (!scalar || !scalar.IsScalar())
        return;
    const YAML::Mark mark = scalar.Mark();
    // A block scalar (`patch: |-`) starts on the line after its indicator; a quoted or plain
    // one on the indicator's own line.
    auto bytes = read(kustomizationFile);
    int lineOffset = mark.line;
    int columnOffset = 0;
    if (bytes) {
        const QList<QByteArray> lines = bytes->split('\n');
        const QByteArray at = lines.value(mark.line).mid(mark.column).trimmed();
        if (at.startsWith('|') || at.startsWith('>')) {
            lineOffset = mark.line + 1;
            const QByteArray first = lines.value(lineOffset);
            columnOffset = first.trimmed().isEmpty() ? 0 : int(first.indexOf(first.trimmed()));
        }
    }
    const auto docs = yaml::loadAll(QByteArray::fromStdString(scalar.Scalar()), kustomizationFile);
    if (!docs)
        return;
    for (const YAML::Node &doc : *docs) {
        if (!doc.IsNull())
            items.push_back(Item{type, kustomizationFile, lineOffset, columnOffset, doc, targetKind,
                                 targetName});
    }
}

void KustomizeSources::Private::walk(const QString &dir, int depth)
{
    const QString file = kustomizationIn(dir, read);
    if (file.isEmpty() || depth > 50 || visited.contains(file))
        return;
    visited.insert(file);
    files << file;
    auto bytes = read(file);
    if (!bytes)
        return;
    // The first document, as yaml::load reads it.
    const auto loaded = loadAll(file, *bytes);
    if (!loaded)
        return;
    const YAML::Node k = loaded->empty() ? YAML::Node() : loaded->front();
    if (!k.IsMap())
        return;
    const QDir base(dir);
    try {
        for (const char *key : {"resources", "bases", "components"}) {
            const YAML::Node list = k[key];
            if (!list || !list.IsSequence())
                continue;
            for (const YAML::Node &entry : list) {
                const QString ref = scalarText(entry);
                if (ref.isEmpty() || isRemote(ref))
                    continue;
                const QString path = QDir::cleanPath(base.filePath(ref));
                if (!kustomizationIn(path, read).isEmpty())
                    walk(path, depth + 1);
                else
                    addFile(path, Item::Type::Resource);
            }
        }
        if (const YAML::Node ns = k["namespace"]; ns && ns.IsScalar())
            items.push_back(Item{Item::Type::Namespace, file, 0, 0, ns, {}, {}});
        auto addPatch = [&](const YAML::Node &p, Item::Type type) {
            QString kind, name;
            if (const YAML::Node t = p["target"]; t && t.IsMap()) {
                kind = scalarText(t["kind"]);
                name = scalarText(t["name"]);
            }
            if (const QString path = scalarText(p["path"]); !path.isEmpty())
                addFile(QDir::cleanPath(base.filePath(path)), type, kind, name);
            else
                addInline(file, p["patch"], type, kind, name);
        };
        if (const YAML::Node list = k["patchesStrategicMerge"]; list && list.IsSequence()) {
            for (const YAML::Node &p : list) {
                const QString text = scalarText(p);
                if (text.contains(QLatin1Char('\n')))
                    addInline(file, p, Item::Type::Patch, {}, {});
                else if (!text.isEmpty())
                    addFile(QDir::cleanPath(base.filePath(text)), Item::Type::Patch);
            }
        }
        if (const YAML::Node list = k["patches"]; list && list.IsSequence()) {
            for (const YAML::Node &p : list) {
                if (!p.IsMap())
                    continue;
                // A patch whose text is a list of operations is a JSON 6902 patch.
                addPatch(p, Item::Type::Patch);
            }
        }
        if (const YAML::Node list = k["patchesJson6902"]; list && list.IsSequence()) {
            for (const YAML::Node &p : list) {
                if (p.IsMap())
                    addPatch(p, Item::Type::Json6902);
            }
        }
        for (Item &item : items) {
            if (item.type == Item::Type::Patch && item.node.IsSequence())
                item.type = Item::Type::Json6902;
        }
        if (const YAML::Node list = k["images"]; list && list.IsSequence()) {
            for (const YAML::Node &e : list)
                items.push_back(Item{Item::Type::Images, file, 0, 0, e, {}, {}});
        }
        if (const YAML::Node list = k["replicas"]; list && list.IsSequence()) {
            for (const YAML::Node &e : list)
                items.push_back(Item{Item::Type::Replicas, file, 0, 0, e, {}, {}});
        }
    } catch (const YAML::Exception &) {
    }
}

KustomizeSources::KustomizeSources(const QString &kustomizationDir, SourceReader read,
                                   ParsedSources *parsed)
    : d(std::make_unique<Private>())
{
    d->parsed = parsed;
    d->read =
        read ? std::move(read) : SourceReader([](const QString &path) { return readFile(path); });
    d->root = QDir::cleanPath(kustomizationDir);
}

KustomizeSources::~KustomizeSources() = default;

QStringList KustomizeSources::files() const
{
    d->walkOnce();
    return d->files;
}

namespace {

SourcePlace locationOf(const Item &item, const YAML::Mark &mark)
{
    if (mark.is_null())
        return {item.file, item.lineOffset + 1, 0};
    return {item.file, item.lineOffset + mark.line + 1, item.columnOffset + mark.column + 1};
}

bool nameMatches(const QString &sourceName, const QString &renderedName)
{
    return !sourceName.isEmpty() &&
           (sourceName == renderedName || renderedName.contains(sourceName));
}

bool documentIs(const Item &item, const QString &kind, const QString &name)
{
    if (item.type == Item::Type::Json6902 ||
        (item.type == Item::Type::Patch && !item.targetKind.isEmpty())) {
        return (item.targetKind.isEmpty() || item.targetKind == kind) &&
               (item.targetName.isEmpty() || nameMatches(item.targetName, name));
    }
    if (!item.node.IsMap())
        return false;
    const YAML::Node metadata = item.node["metadata"];
    return scalarText(item.node["kind"]) == kind && metadata && metadata.IsMap() &&
           nameMatches(scalarText(metadata["name"]), name);
}

// Follows `path` in `node`; returns the node reached and how many steps matched.
std::pair<YAML::Node, int> follow(const YAML::Node &node, const FieldPath &path,
                                  YAML::Mark *keyMark)
{
    YAML::Node current = node;
    int matched = 0;
    for (const FieldStep &step : path) {
        if (!current.IsMap())
            break;
        // A default-constructed YAML::Node is "defined", so found-flags rather than `!node`.
        YAML::Node next;
        bool found = false;
        for (auto it = current.begin(); it != current.end(); ++it) {
            if (it->first.IsScalar() && QString::fromStdString(it->first.Scalar()) == step.key) {
                next.reset(it->second);
                found = true;
                if (keyMark)
                    *keyMark = it->first.Mark();
                break;
            }
        }
        if (!found)
            break;
        if (!step.selectName.isEmpty()) {
            if (!next.IsSequence())
                break;
            YAML::Node picked;
            bool pickedOne = false;
            for (const YAML::Node &item : next) {
                if (item.IsMap() && scalarText(item["name"]) == step.selectName) {
                    picked.reset(item);
                    pickedOne = true;
                    break;
                }
            }
            if (!pickedOne)
                break;
            next.reset(picked);
            if (keyMark) // point at the item (`- name: app`), not at the list's key
                *keyMark = std::as_const(picked)["name"].Mark();
        }
        current.reset(next); // never `=`: on a bound yaml-cpp node it overwrites the target
        ++matched;
    }
    return {current, matched};
}

QString jsonPointer(const FieldPath &path)
{
    QString out;
    for (const FieldStep &step : path) {
        if (!step.selectName.isEmpty())
            return {}; // list items by name have no fixed pointer
        QString key = step.key;
        key.replace(QLatin1String("~"), QLatin1String("~0"));
        key.replace(QLatin1String("/"), QLatin1String("~1"));
        out += QLatin1Char('/') + key;
    }
    return out;
}

} // namespace

std::optional<SourcePlace> KustomizeSources::field(const QString &kind, const QString &name,
                                                   const FieldPath &path, bool *exact) const
{
    d->walkOnce();
    const QString pointer = jsonPointer(path);
    std::optional<SourcePlace> partial;
    int partialDepth = -1;
    for (auto it = d->items.rbegin(); it != d->items.rend(); ++it) {
        const Item &item = *it;
        if (item.type != Item::Type::Resource && item.type != Item::Type::Patch &&
            item.type != Item::Type::Json6902)
            continue;
        if (!documentIs(item, kind, name))
            continue;
        if (item.type == Item::Type::Json6902) {
            if (pointer.isEmpty() || !item.node.IsSequence())
                continue;
            for (const YAML::Node &op : item.node) {
                if (scalarText(op["path"]) == pointer && op["value"]) {
                    if (exact)
                        *exact = true;
                    return locationOf(item, op["value"].Mark());
                }
            }
            continue;
        }
        YAML::Mark keyMark;
        const auto [node, matched] = follow(item.node, path, &keyMark);
        if (matched == path.size()) {
            if (exact)
                *exact = true;
            return locationOf(item, node.IsScalar() ? node.Mark() : keyMark);
        }
        // Only resources (not patches) tell where a missing field would go.
        if (item.type == Item::Type::Resource && matched > partialDepth) {
            partialDepth = matched;
            partial = locationOf(item, matched == 0 ? item.node.Mark() : keyMark);
        }
    }
    if (exact)
        *exact = false;
    return partial;
}

std::optional<SourcePlace> KustomizeSources::resourceKey(const QString &kind, const QString &name,
                                                         const QString &key) const
{
    d->walkOnce();
    for (auto it = d->items.rbegin(); it != d->items.rend(); ++it) {
        const Item &item = *it;
        if (item.type != Item::Type::Resource || !documentIs(item, kind, name))
            continue;
        for (auto k = item.node.begin(); k != item.node.end(); ++k) {
            if (k->first.IsScalar() && QString::fromStdString(k->first.Scalar()) == key)
                return locationOf(item, k->first.Mark());
        }
        return locationOf(item, item.node.Mark());
    }
    return std::nullopt;
}

std::optional<SourcePlace> KustomizeSources::imageSetting(const QString &imageName,
                                                          const QString &fieldName) const
{
    d->walkOnce();
    // Names as rewritten by earlier entries: an overlay's entry may match a base's newName.
    for (auto it = d->items.rbegin(); it != d->items.rend(); ++it) {
        const Item &item = *it;
        if (item.type != Item::Type::Images || !item.node.IsMap())
            continue;
        const QString name = scalarText(item.node["name"]);
        const QString newName = scalarText(item.node["newName"]);
        if (name != imageName && newName != imageName)
            continue;
        const YAML::Node value = item.node[fieldName.toStdString()];
        if (!value)
            continue;
        for (auto k = item.node.begin(); k != item.node.end(); ++k) {
            if (k->first.IsScalar() && QString::fromStdString(k->first.Scalar()) == fieldName)
                return locationOf(item, k->second.Mark());
        }
    }
    return std::nullopt;
}

std::optional<SourcePlace> KustomizeSources::replicasSetting(const QString &name) const
{
    d->walkOnce();
    for (auto it = d->items.rbegin(); it != d->items.rend(); ++it) {
        const Item &item = *it;
        if (item.type == Item::Type::Replicas && item.node.IsMap() &&
            nameMatches(scalarText(item.node["name"]), name))
            return locationOf(item,
                              item.node["count"] ? item.node["count"].Mark() : item.node.Mark());
    }
    return std::nullopt;
}

std::optional<SourcePlace> KustomizeSources::namespaceSetting() const
{
    d->walkOnce();
    for (auto it = d->items.rbegin(); it != d->items.rend(); ++it) {
        if (it->type == Item::Type::Namespace)
            return locationOf(*it, it->node.Mark());
    }
    return std::nullopt;
}

FieldPath parseFieldPath(const QString &text)
{
    FieldPath path;
    for (const QString &part : text.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
        FieldStep step;
        const qsizetype open = part.indexOf(QLatin1String("[name="));
        if (open >= 0 && part.endsWith(QLatin1Char(']'))) {
            step.key = part.left(open);
            step.selectName = part.mid(open + 6, part.size() - open - 7);
        } else {
            step.key = part;
        }
        path << step;
    }
    return path;
}

} // namespace kanri::platform

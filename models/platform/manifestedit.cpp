#include "platform/manifestedit.h"

#include "yaml/yamldocument.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>

#include <algorithm>
#include <deque>

#include <yaml-cpp/yaml.h>

namespace kanri::platform {

using yaml::ScalarStyle;
using yaml::YamlDocument;
using yaml::YamlNodeKind;
using yaml::YamlPath;

QString kustomizationPath(const QString &dir)
{
    for (const char *name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
        const QString path = QDir(dir).filePath(QString::fromLatin1(name));
        if (QFileInfo::exists(path))
            return path;
    }
    return {};
}

namespace {

// A scalar that is written as a string whatever it looks like ("1.20" stays "1.20").
YAML::Node stringNode(const QString &text)
{
    YAML::Node node(text.toStdString());
    node.SetTag("!");
    return node;
}

ScalarStyle scalarStyle(ValueStyle style)
{
    return style == ValueStyle::Integer ? ScalarStyle::Auto : ScalarStyle::String;
}

// The documents parsed or edited last, by path and content: an edit of one cell loads the
// overlay's files again for every keystroke, and yaml-cpp's parse was most of the edit's time.
// Parsing is pure, so a copy of an earlier parse of the same bytes is the same document; an
// edited document is remembered with its new bytes, which the next keystroke reads back.
struct Parsed
{
    QString path;
    QByteArray bytes;
    YamlDocument doc;
};
QMutex recentMutex;
std::deque<Parsed> recent; // most recent first

void rememberDocument(const QString &path, const YamlDocument &doc)
{
    constexpr std::size_t keep = 32, keepPerFile = 4; // versions of one large file are large
    const QMutexLocker lock(&recentMutex);
    recent.push_front(Parsed{path, doc.text(), doc});
    std::size_t versions = 0;
    std::erase_if(recent,
                  [&](const Parsed &p) { return p.path == path && ++versions > keepPerFile; });
    if (recent.size() > keep)
        recent.pop_back();
}

Result<YamlDocument> loadDocument(const FileReader &read, const QString &path)
{
    auto bytes = read(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    {
        const QMutexLocker lock(&recentMutex);
        for (auto it = recent.begin(); it != recent.end(); ++it) {
            if (it->path == path && it->bytes == *bytes) {
                YamlDocument doc = it->doc;
                if (it != recent.begin())
                    std::rotate(recent.begin(), it, std::next(it));
                return doc;
            }
        }
    }
    auto doc = YamlDocument::parse(*bytes, path);
    if (doc)
        rememberDocument(path, *doc);
    return doc;
}

// Records the edited document's bytes as a change, and remembers the document for the next edit.
void changed(QHash<QString, QByteArray> &changes, const QString &path, const YamlDocument &doc)
{
    changes.insert(path, doc.text());
    rememberDocument(path, doc);
}

// "/spec/template/spec/containers/0/image" for a JSON 6902 op; only paths without
// name=value selectors can be matched this way.
QString jsonPointer(const YamlPath &path)
{
    QString out;
    for (const auto &seg : path.segments()) {
        if (!seg.isIndex() && seg.key().contains(QLatin1Char('=')))
            return {};
        out += QLatin1Char('/') + (seg.isIndex() ? QString::number(seg.index()) : seg.key());
    }
    return out;
}

struct PatchFile
{
    QString path; // absolute
    bool json6902 = false;
    QString targetKind, targetName; // for JSON 6902 patches: the item's target
};

// Patch files the overlay lists, in kustomization order.
QList<PatchFile> patchFiles(const YamlDocument &kustomization, const QString &dir)
{
    QList<PatchFile> files;
    auto add = [&](const QString &rel, bool json, const QString &kind, const QString &name) {
        if (rel.isEmpty() || rel.contains(QLatin1Char('\n')))
            return;
        files.append({QDir::cleanPath(QDir(dir).filePath(rel)), json, kind, name});
    };
    for (const char *key : {"patches", "patchesJson6902"}) {
        const int n = kustomization.size({key});
        for (int i = 0; i < n; ++i) {
            const auto rel = kustomization.scalar({key, i, "path"});
            if (!rel)
                continue;
            const QString kind =
                kustomization.scalar({key, i, "target", "kind"}).value_or(QString());
            const QString name =
                kustomization.scalar({key, i, "target", "name"}).value_or(QString());
            add(*rel, false, kind, name);
        }
    }
    const int n = kustomization.size({"patchesStrategicMerge"});
    for (int i = 0; i < n; ++i) {
        if (const auto rel = kustomization.scalar({"patchesStrategicMerge", i}))
            add(*rel, false, {}, {});
    }
    return files;
}

QString uniquePatchName(const FileReader &read, const QString &dir, const QString &base)
{
    QString name = base + QStringLiteral("-patch.yaml");
    for (int i = 2; read(QDir(dir).filePath(name)).has_value(); ++i)
        name = base + QStringLiteral("-patch-%1.yaml").arg(i);
    return name;
}

Result<void> appendPatch(YamlDocument &kustomization, const QString &fileName)
{
    YAML::Node item(YAML::NodeType::Map);
    item["path"] = stringNode(fileName);
    if (kustomization.kind({"patches"}) == YamlNodeKind::Sequence) {
        if (auto r = kustomization.insertItem({"patches"}, -1, item); !r)
            return std::unexpected(r.error());
        return {};
    }
    YAML::Node seq(YAML::NodeType::Sequence);
    seq.push_back(item);
    if (auto r = kustomization.setValue({"patches"}, seq); !r)
        return std::unexpected(r.error());
    return {};
}

// Creates the sequence items a path selects by "key=value" (containers / name=app) when they
// are missing, so that setScalar can then insert the rest of the path.
Result<void> ensureSelectedItems(YamlDocument &doc, const YamlPath &path, int document)
{
    YamlPath built;
    for (const auto &seg : path.segments()) {
        if (!seg.isIndex() && seg.key().contains(QLatin1Char('='))) {
            const QString key = seg.key().section(QLatin1Char('='), 0, 0);
            const QString val = seg.key().section(QLatin1Char('='), 1);
            if (!doc.contains(built / seg, document)) {
                YAML::Node item(YAML::NodeType::Map);
                item[key.toStdString()] = stringNode(val);
                if (doc.kind(built, document) == YamlNodeKind::Sequence) {
                    if (auto r = doc.insertItem(built, -1, item, document); !r)
                        return std::unexpected(r.error());
                } else {
                    YAML::Node seq(YAML::NodeType::Sequence);
                    seq.push_back(item);
                    if (auto r = doc.setValue(built, seq, document); !r)
                        return std::unexpected(r.error());
                }
            }
        }
        built = built / seg;
    }
    return {};
}

} // namespace

Result<QHash<QString, QByteArray>> setObjectField(const FileReader &read, const QString &file,
                                                  const ManifestField &field, const QString &value,
                                                  ValueStyle style)
{
    auto doc = loadDocument(read, file);
    if (!doc)
        return std::unexpected(doc.error());
    const int d = doc->findDocument(field.kind, field.name);
    if (d < 0)
        return failAt(Error::Code::NotFound,
                      QStringLiteral("no %1 '%2' in this file").arg(field.kind, field.name), file);
    if (auto r = ensureSelectedItems(*doc, field.path, d); !r)
        return std::unexpected(r.error());
    if (auto r = doc->setScalar(field.path, value, scalarStyle(style), d); !r)
        return std::unexpected(r.error());
    QHash<QString, QByteArray> changes;
    changed(changes, file, *doc);
    return changes;
}

bool overlaySetsImage(const FileReader &read, const QString &overlayDir, const QString &image)
{
    const QString kPath = kustomizationPath(overlayDir);
    if (kPath.isEmpty())
        return false;
    auto kustomization = loadDocument(read, kPath);
    return kustomization &&
           kustomization->contains({"images", QStringLiteral("name=%1").arg(image)});
}

Result<QHash<QString, QByteArray>> setOverlayField(const FileReader &read,
                                                   const QString &overlayDir,
                                                   const ManifestField &field, const QString &value,
                                                   ValueStyle style, CreatePatch create)
{
    const QString kPath = kustomizationPath(overlayDir);
    if (kPath.isEmpty())
        return failAt(Error::Code::NotFound, QStringLiteral("no kustomization in this folder"),
                      overlayDir);
    auto kustomization = loadDocument(read, kPath);
    if (!kustomization)
        return std::unexpected(kustomization.error());
    QHash<QString, QByteArray> changes;

    // 1. The `replicas:` shortcut.
    if (field.kind == QLatin1String("Deployment") || field.kind == QLatin1String("StatefulSet")) {
        if (field.path == YamlPath{"spec", "replicas"}) {
            const YamlPath entry{"replicas", QStringLiteral("name=%1").arg(field.name), "count"};
            if (kustomization->contains(entry)) {
                if (auto r = kustomization->setScalar(entry, value, ScalarStyle::Auto); !r)
                    return std::unexpected(r.error());
                changed(changes, kPath, *kustomization);
                return changes;
            }
        }
    }

    // 2. and 3. Patches of the overlay.
    const QList<PatchFile> patches = patchFiles(*kustomization, overlayDir);
    std::optional<std::pair<QString, int>> sameObject; // a patch targeting the object
    for (const PatchFile &p : patches) {
        auto doc = loadDocument(read, p.path);
        if (!doc)
            continue; // a broken or missing patch is kustomize's error to report
        if (doc->kind({}) == YamlNodeKind::Sequence) {
            // JSON 6902: [{op, path, value}]
            if (!p.targetKind.isEmpty() && p.targetKind != field.kind)
                continue;
            if (!p.targetName.isEmpty() && p.targetName != field.name)
                continue;
            const QString pointer = jsonPointer(field.path);
            for (int i = 0; !pointer.isEmpty() && i < doc->size({}); ++i) {
                const QString op = doc->scalar({i, "op"}).value_or(QString());
                if (doc->scalar({i, "path"}).value_or(QString()) == pointer &&
                    (op == QLatin1String("replace") || op == QLatin1String("add"))) {
                    if (auto r = doc->setScalar({i, "value"}, value, scalarStyle(style)); !r)
                        return std::unexpected(r.error());
                    changed(changes, p.path, *doc);
                    return changes;
                }
            }
            continue;
        }
        const int n = doc->documentCount();
        for (int d = 0; d < n; ++d) {
            if (doc->scalar({"kind"}, d).value_or(QString()) != field.kind)
                continue;
            const QString name = doc->scalar({"metadata", "name"}, d).value_or(QString());
            if (!name.isEmpty() && name != field.name && p.targetName.isEmpty())
                continue;
            if (doc->contains(field.path, d)) {
                if (auto r = doc->setScalar(field.path, value, scalarStyle(style), d); !r)
                    return std::unexpected(r.error());
                changed(changes, p.path, *doc);
                return changes;
            }
            if (!sameObject)
                sameObject = std::make_pair(p.path, d);
        }
    }
    if (create == CreatePatch::No)
        return changes;
    if (sameObject) {
        auto doc = loadDocument(read, sameObject->first);
        if (!doc)
            return std::unexpected(doc.error());
        if (auto r = ensureSelectedItems(*doc, field.path, sameObject->second); !r)
            return std::unexpected(r.error());
        if (auto r = doc->setScalar(field.path, value, scalarStyle(style), sameObject->second); !r)
            return std::unexpected(r.error());
        changed(changes, sameObject->first, *doc);
        return changes;
    }

    // 4. A new strategic-merge patch.
    const QString fileName = uniquePatchName(read, overlayDir, field.name);
    QByteArray skeleton = "apiVersion: " + field.apiVersion.toUtf8() +
                          "\nkind: " + field.kind.toUtf8() +
                          "\nmetadata:\n  name: " + field.name.toUtf8() + "\n";
    auto patch = YamlDocument::parse(skeleton, fileName);
    if (!patch)
        return std::unexpected(patch.error());
    // Containers are merged by name: a new patch names the container it changes.
    if (auto r = ensureSelectedItems(*patch, field.path, 0); !r)
        return std::unexpected(r.error());
    if (auto r = patch->setScalar(field.path, value, scalarStyle(style)); !r)
        return std::unexpected(r.error());
    if (auto r = appendPatch(*kustomization, fileName); !r)
        return std::unexpected(r.error());
    changes.insert(QDir(overlayDir).filePath(fileName), patch->text());
    changed(changes, kPath, *kustomization);
    return changes;
}

Result<QHash<QString, QByteArray>> setOverlayImageTag(const FileReader &read,
                                                      const QString &overlayDir,
                                                      const QString &image, const QString &tag)
{
    const QString kPath = kustomizationPath(overlayDir);
    if (kPath.isEmpty())
        return failAt(Error::Code::NotFound, QStringLiteral("no kustomization in this folder"),
                      overlayDir);
    auto kustomization = loadDocument(read, kPath);
    if (!kustomization)
        return std::unexpected(kustomization.error());
    const YamlPath entry{"images", QStringLiteral("name=%1").arg(image)};
    if (kustomization->contains(entry)) {
        if (auto r = kustomization->setScalar(entry / "newTag", tag, ScalarStyle::String); !r)
            return std::unexpected(r.error());
    } else {
        YAML::Node item(YAML::NodeType::Map);
        item["name"] = stringNode(image);
        item["newTag"] = stringNode(tag);
        if (kustomization->kind({"images"}) == YamlNodeKind::Sequence) {
            if (auto r = kustomization->insertItem({"images"}, -1, item); !r)
                return std::unexpected(r.error());
        } else {
            YAML::Node seq(YAML::NodeType::Sequence);
            seq.push_back(item);
            if (auto r = kustomization->setValue({"images"}, seq); !r)
                return std::unexpected(r.error());
        }
    }
    QHash<QString, QByteArray> changes;
    changed(changes, kPath, *kustomization);
    return changes;
}

} // namespace kanri::platform

#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace kanri::platform {

// Reads a file by absolute path: the disk by default, or the unsaved edits layered over it.
using SourceReader = std::function<Result<QByteArray>(const QString &absolutePath)>;

// A place in a source file: absolute path, 1-based line and column.
struct SourcePlace
{
    QString file;
    int line = 0;
    int column = 0;
};

// One step of a field path: a mapping key, or (with `selectName`) the item of a list whose
// `name` is that value, as strategic merge patches match containers.
struct FieldStep
{
    QString key;
    QString selectName; // non-empty: key names a list, pick the item with this name
};
using FieldPath = QList<FieldStep>;

// Answers "which file that the user edits sets this field of this rendered resource?" for one
// kustomization tree. It reads the kustomization files and every local resource and patch they
// reach (resources, bases, components, patches, patchesStrategicMerge, patchesJson6902, inline
// patches, images, replicas, namespace), in the order kustomize applies them, and searches
// backwards so that the last writer wins: an overlay patch before the base resource it patches.
// Remote resources and generators are skipped. Resource names are matched ignoring
// namePrefix/nameSuffix. The tree is read when the first question is asked, so one that is
// never asked costs nothing.
class ParsedSources;

class KustomizeSources
{
public:
    // `read` (optional) replaces reading the disk, so that unsaved edits are pointed into.
    // `parsed` (optional) shares parsed files with the other KustomizeSources of its thread.
    explicit KustomizeSources(const QString &kustomizationDir, SourceReader read = {},
                              ParsedSources *parsed = nullptr);
    ~KustomizeSources();
    KustomizeSources(const KustomizeSources &) = delete;
    KustomizeSources &operator=(const KustomizeSources &) = delete;

    // The value (or, for a missing value, the deepest existing parent) of `path` in the last
    // resource or patch for kind/name that sets it. nullopt when no source mentions the object.
    std::optional<SourcePlace> field(const QString &kind, const QString &name,
                                     const FieldPath &path, bool *exact = nullptr) const;
    // The `apiVersion:` / `kind:` key (`key`) of the resource document that defines kind/name.
    std::optional<SourcePlace> resourceKey(const QString &kind, const QString &name,
                                           const QString &key) const;
    // The `images:` entry field (newTag, newName, digest) that last rewrote `imageName`.
    std::optional<SourcePlace> imageSetting(const QString &imageName, const QString &field) const;
    // The `replicas:` entry of a kustomization that sets the count of `name`.
    std::optional<SourcePlace> replicasSetting(const QString &name) const;
    // The outermost `namespace:` of a kustomization in the tree.
    std::optional<SourcePlace> namespaceSetting() const;

    QStringList files() const; // every file read, absolute

    struct Private;

private:
    std::unique_ptr<Private> d;
};

// The files the KustomizeSources of one thread parsed last, by path and content: a base that
// three overlays include is parsed once when they are checked one after the other. Not
// thread-safe: one per thread.
class ParsedSources
{
public:
    ParsedSources();
    ~ParsedSources();
    ParsedSources(const ParsedSources &) = delete;
    ParsedSources &operator=(const ParsedSources &) = delete;

    struct Private;

private:
    friend class KustomizeSources;
    std::unique_ptr<Private> d;
};

// "spec.template.spec.containers[name=app].image" → FieldPath.
FieldPath parseFieldPath(const QString &text);

} // namespace kanri::platform

#pragma once

#include "core/result.h"
#include "platform/manifestedit.h"
#include "yaml/yamlpath.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace kanri::platform {

struct Catalog;

// A place in a source file: what click-to-source opens.
struct SourceLocation
{
    QString file; // absolute
    int line = 0; // 1-based
    int column = 0;
    QString reason; // "the overlay's replicas: entry", for the status bar
};

// One object of a rendered overlay, as the diff names it (after prefixes and namespaces).
struct RenderedObject
{
    QString kind, nameSpace, name;
    QString originFile; // the file the renderer read it from, when known (absolute)
    QByteArray yaml;    // the rendered object: gives merge keys and values (images:)
};

// Finds the source line that produced a line of an overlay's rendered output.
//
// kustomize applies a kustomization's own changes after those of everything it includes, and
// within one kustomization in a fixed order (generators, strategic-merge patches, `patches:`,
// namespace, labels, annotations, JSON 6902 patches, `replicas:`, `images:`). So the source of
// a value is found by walking from the overlay inwards, each kustomization's changes in reverse
// order: the first one that sets the path wins. When none does, it is the resource file in a
// base where the path is written (or, failing that, where the object is declared).
//
// Reads through `read` (the session's buffers), so unsaved edits are located where they are.
class SourceLocator
{
public:
    explicit SourceLocator(FileReader read);

    // `overlayDir` is absolute. `path` names mapping keys and sequence items by position;
    // items with a `name` (or another merge key) are also matched by it, as patches do.
    Result<SourceLocation> locate(const QString &overlayDir, const RenderedObject &object,
                                  const yaml::YamlPath &path) const;

    // The path of the node written on `line` (1-based) of one rendered object's YAML: the
    // deepest key or item that starts on that line. nullopt for a line that holds none.
    // The same for the node written on `line` (1-based) of object.yaml.
    Result<SourceLocation> locateLine(const QString &overlayDir, const RenderedObject &object,
                                      int line) const;

    static std::optional<yaml::YamlPath> pathAtLine(const QByteArray &objectYaml, int line);

    // The same path with each sequence position replaced by "key=value" when the item has a
    // merge key (name, mountPath, containerPort, ...): what strategic-merge patches match.
    static yaml::YamlPath withMergeKeys(const QByteArray &objectYaml, const yaml::YamlPath &path);

private:
    struct Search;
    FileReader m_read;
};

// Every file of the workspace's repositories worth opening in an editor (YAML, HCL and the
// text files next to them), relative paths prefixed with the repository's name
// ("manifests/services/x/base/deployment.yaml"), sorted; .git and build folders skipped.
// Paired with the absolute paths in the same order.
struct WorkspaceFile
{
    QString display;  // "manifests/services/x/base/deployment.yaml"
    QString absolute; // the file on disk
};
QList<WorkspaceFile> workspaceFiles(const Catalog &catalog);

} // namespace kanri::platform

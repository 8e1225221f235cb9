#pragma once

#include "core/result.h"
#include "yaml/yamlvalue.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace kanri::kustomize {

// Edited, unsaved files layered over the working tree: absolute clean path → content.
// A path mapped to std::nullopt reads as deleted.
struct FileOverlay
{
    QHash<QString, std::optional<QByteArray>> files;
};

enum class ReorderMode { Legacy, None };
enum class LoadRestrictor { RootOnly, None };

struct RenderOptions
{
    ReorderMode reorder = ReorderMode::Legacy;
    LoadRestrictor loadRestrictor = LoadRestrictor::RootOnly;
};

struct RenderedResource
{
    QString apiVersion;
    QString kind;
    QString nameSpace; // empty for cluster-scoped or unset
    QString name;
    yaml::Value value;  // the final object (what `yaml` prints)
    QByteArray yaml;    // this resource as kustomize prints it, without `---`
    QString originFile; // the file the resource was read from, when known (generated: empty)
};

struct RenderOutput
{
    std::vector<RenderedResource> resources;
    QByteArray text;      // exactly what `kustomize build` prints on stdout
    QStringList warnings; // what kustomize prints on stderr (deprecations, unused vars)
    // Every path the render looked at (absolute, clean): files read, and paths whose existence
    // or kind was asked (kustomization file names that were not there included). The render
    // depends on nothing else, so the same content at these paths gives the same output.
    QStringList inputs;
};

// Builds kustomize overlays in process, byte-identical to kustomize v5.5.0.
// Thread-safe: render() may run concurrently on worker threads. Parsed files are cached by
// path and content hash, so after a one-field edit only the edited file is parsed again.
class Renderer
{
    Q_DECLARE_TR_FUNCTIONS(kanri::kustomize::Renderer)

public:
    Renderer();
    ~Renderer();
    Renderer(const Renderer &) = delete;
    Renderer &operator=(const Renderer &) = delete;

    // Renders the kustomization in `dir`. `overlay` (optional) replaces file contents; `cancel`
    // (optional) is polled often, and a set flag ends the render with Error::Code::Cancelled.
    Result<RenderOutput> render(const QString &dir, const RenderOptions &options = {},
                                const FileOverlay *overlay = nullptr,
                                const std::atomic_bool *cancel = nullptr);

    void clearCache();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace kanri::kustomize

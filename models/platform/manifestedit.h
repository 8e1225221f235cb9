#pragma once

#include "core/result.h"
#include "yaml/yamlpath.h"

#include <QHash>
#include <QString>

#include <functional>

namespace kanri::platform {

// Reads a file through the unsaved edits (EditBuffers::read) or from disk.
using FileReader = std::function<Result<QByteArray>(const QString &absolutePath)>;

// A field of one Kubernetes object of a service, as the tables edit it.
struct ManifestField
{
    QString kind;        // "Deployment"
    QString apiVersion;  // "apps/v1", for a new patch
    QString name;        // the object's name as its base writes it (before prefixes)
    yaml::YamlPath path; // {"spec", "replicas"}
};

enum class ValueStyle { Integer, String };
enum class CreatePatch { Yes, No }; // No: only change a place that already sets the field

// Where and how a value for one environment is written, following kustomize's own rules:
//  1. a kustomization shortcut that already sets it wins (`replicas:` for a Deployment's
//     replicas, `images:` newTag for an image tag);
//  2. else a patch of the overlay that already sets the field (strategic merge, or a JSON 6902
//     `replace`/`add` of the same path);
//  3. else a strategic-merge patch of the overlay that targets the same object gets the field;
//  4. else a new strategic-merge patch file is created and listed under `patches:`.
// Returns the new content of every file to change (absolute path → bytes); the files are not
// written. Comments and layout outside the edited lines stay as they were.
Result<QHash<QString, QByteArray>>
setOverlayField(const FileReader &read, const QString &overlayDir, const ManifestField &field,
                const QString &value, ValueStyle style, CreatePatch create = CreatePatch::Yes);

// Sets an image's tag in an overlay through its kustomization's `images:` list (adding the
// entry when missing). `image` is the image name without tag, as the base writes it.
Result<QHash<QString, QByteArray>> setOverlayImageTag(const FileReader &read,
                                                      const QString &overlayDir,
                                                      const QString &image, const QString &tag);

// Sets a field of the object `field` names (kind and metadata.name) in the file that defines it
// (a base), creating the list items its "key=value" segments select when missing.
Result<QHash<QString, QByteArray>> setObjectField(const FileReader &read, const QString &file,
                                                  const ManifestField &field, const QString &value,
                                                  ValueStyle style);

// Whether the overlay's kustomization has an `images:` entry for `image` (name without tag).
bool overlaySetsImage(const FileReader &read, const QString &overlayDir, const QString &image);

// The overlay's kustomization file (kustomization.yaml, .yml or Kustomization), or empty.
QString kustomizationPath(const QString &dir);

} // namespace kanri::platform

#pragma once

#include "diff/linediff.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace kanri::diff {

// One rendered Kubernetes object, as the diff sees it.
struct ResourceText
{
    QString apiVersion, kind, nameSpace, name;
    QByteArray yaml;    // the object as printed, without `---`
    QString originFile; // the source file it came from, when known

    QString group() const; // "apps" for "apps/v1", "" for "v1"
    // group/kind/namespace/name: what identifies an object across two renders.
    QString key() const;
    QString displayName() const; // "Deployment payment-api (payments)"
};

struct ResourceDiff
{
    enum class Change { Added, Removed, Modified, Renamed };
    Change change = Change::Modified;
    std::array<std::optional<ResourceText>, 2> sides; // [before, after]
    QList<Hunk> hunks;

    const ResourceText &any() const { return sides[1] ? *sides[1] : *sides[0]; }
};

struct RenderDiff
{
    QList<ResourceDiff> resources; // only the ones that differ, in the after-render's order
    int added = 0, removed = 0, changed = 0, renamed = 0;

    bool isEmpty() const { return resources.isEmpty(); }
    QString summary() const; // "1 changed, 1 added" or "no changes"
};

enum class MaskSecrets { No, Yes };

// Compares two renders resource by resource. A generated object (ConfigMap or Secret) whose
// name differs only in kustomize's 10-character hash suffix is a rename, not a removal and an
// addition. With MaskSecrets::Yes, the values under a Secret's data and stringData are
// replaced by "***" (and "*** (changed)" where the value differs), so a diff never shows them.
RenderDiff diffRenders(const QList<ResourceText> &before, const QList<ResourceText> &after,
                       MaskSecrets mask = MaskSecrets::Yes, int context = 3);

// The diff as text: for each resource a header line naming it, then unified hunks.
// `label` prefixes each header ("manifests services/x/overlays/prd").
QByteArray formatRenderDiff(const RenderDiff &diff, const QString &label = {});

// "app-config-5d8f7c9b2k" → "app-config"; nullopt when the name has no hash suffix.
std::optional<QString> stripHashSuffix(const QString &name);

} // namespace kanri::diff

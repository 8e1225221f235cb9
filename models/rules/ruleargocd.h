#pragma once

#include "argocd/deployments.h"
#include "rules/rulefinding.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace kanri::platform {

class Catalog;

// The Argo CD rules, over a catalog and the deployments of its manifests repository
// (platform::catalogDeployments):
//
//   argocd/overlay-not-deployed  warning  a service overlay that no application deploys (only
//                                         when the repository has Argo CD applications at all)
//   argocd/missing-path          error    an application of this repository whose path does
//                                         not exist
//   argocd/namespace-mismatch    error    an application whose destination namespace differs
//                                         from the namespace the overlay sets
//   argocd/duplicate-deployment  error    two applications deploying the same path to the same
//                                         cluster (Argo CD would make them fight)
//   argocd/invalid               error    an Argo CD object Kanri cannot read (a template that
//                                         does not evaluate, a malformed ApplicationSet, ...)
//
// Findings about an application point at the file and line of its Application (or of the
// ApplicationSet that generates it); those about an overlay at its kustomization. `unsaved`
// (absolute path → content, std::nullopt: deleted) are files only in the edit buffers.
QList<Finding> checkDeployments(const Catalog &catalog, const argocd::DeploymentMap &map,
                                const QString &displayRoot,
                                const QHash<QString, std::optional<QByteArray>> &unsaved = {});

// Reads the catalog's deployments through `unsaved` and checks them: what Linter::lint runs.
// A map that cannot be read at all is one argocd/invalid finding.
QList<Finding> checkArgoCd(const Catalog &catalog, const QString &displayRoot,
                           const QHash<QString, std::optional<QByteArray>> &unsaved = {});

} // namespace kanri::platform

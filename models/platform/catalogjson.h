#pragma once

#include "argocd/deployments.h"
#include "platform/catalog.h"

#include <QJsonObject>

namespace kanri::platform {

// The Argo CD deployments of the catalog's manifests repository, read from its working tree
// with `overlay` (optional) over it: the workspace's manifests url and .kanri.yaml's
// argocd.repoURL name the repository, its default branch is the revision in question, and the
// `clusters:` of workspace.yaml are the clusters when the repository declares no cluster
// Secrets (a broken list is one of the map's problems). An empty map when the workspace has no
// manifests repository.
Result<argocd::DeploymentMap> catalogDeployments(const Catalog &catalog,
                                                 const kustomize::FileOverlay *overlay = nullptr,
                                                 kustomize::Renderer *renderer = nullptr);

// The catalog as `kanri catalog --json` prints it: the workspace, its repositories (with the
// commit read, for --at), developers and microservices (map entries with file, line and owners),
// teams, services with their environments, the layout's assumptions and the problems met.
// With `deployments`, each environment also lists its `applications` (name, cluster, namespace,
// project, syncWave), the Argo CD applications that deploy its overlay.
QJsonObject catalogToJson(const Catalog &catalog,
                          const argocd::DeploymentMap *deployments = nullptr);

} // namespace kanri::platform

#pragma once

#include "core/result.h"
#include "kustomize/renderer.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kanri::argocd {

// Where each overlay of a manifests repository goes, read from the Argo CD objects the repository
// holds (no Argo CD server is asked):
//
// - `Application`s (argoproj.io/v1alpha1) in any YAML file of the repository, with `source:` or
//   `sources:` (each source of a multi-source application is a deployment of its own path);
// - the Applications an app-of-apps renders: an Application of this repository whose path is a
//   folder holding Applications or ApplicationSets is rendered with Kanri's kustomize (a folder
//   with a kustomization) or read as a plain directory source (its *.yaml/*.yml/*.json files,
//   `directory.recurse`), to a bounded depth;
// - `ApplicationSet`s with list, clusters, git (directories and files, evaluated against the
//   working tree), matrix and merge generators, rendered with Go templates (`goTemplate: true`,
//   sprig functions, `goTemplateOptions: ["missingkey=error"]`) or fasttemplate (`{{path}}`).
//
// Clusters are Argo CD's declarative cluster Secrets (label argocd.argoproj.io/secret-type:
// cluster; `name` and `server` from stringData or base64 data) when the repository has any,
// otherwise the `clusters:` list of workspace.yaml (readWorkspaceClusters), plus the local
// cluster `in-cluster` (https://kubernetes.default.svc) that Argo CD always knows.

struct Cluster
{
    QString name;
    QString server;
    QMap<QString, QString> labels;      // the Secret's metadata.labels / workspace.yaml labels
    QMap<QString, QString> annotations; // the Secret's metadata.annotations
    QString project;                    // the Secret's `project` (a project-scoped cluster)
    QString file;                       // where it is declared (relative path), empty: built in
    int line = 0;
};

enum class ClusterSource {
    BuiltIn,   // only in-cluster: neither Secrets nor workspace.yaml declare any
    Secrets,   // declarative cluster Secrets in the repository
    Workspace, // the `clusters:` list of workspace.yaml (Options::workspaceClusters)
};

// One application deploying one source path to one cluster.
struct Deployment
{
    QString application;    // metadata.name
    QString applicationSet; // the ApplicationSet that generated it; empty for an Application
    QString parent;         // the app-of-apps Application that renders it; empty for a root
    QString cluster;        // destination cluster name (resolved from server when only that is set)
    QString server;         // destination server (resolved from the name when only that is set)
    QString nameSpace;      // destination namespace; empty when the application sets none
    QString project;        // spec.project ("default" when empty, as Argo CD reads it)
    QString repoURL;
    QString targetRevision;
    QString path;           // the source path, clean, relative to the repository root ("." = root)
    bool automated = false; // syncPolicy.automated present (and `enabled` not false)
    bool prune = false;
    bool selfHeal = false;
    QString syncPolicy; // "manual", "automated", "automated (prune)", "automated (prune, selfHeal)"
    int syncWave = 0;   // metadata.annotations["argocd.argoproj.io/sync-wave"], 0 when absent
    // The Application or ApplicationSet that declares it: relative path to the manifests root and
    // 1-based line of its document (of `kind:` of the ApplicationSet for generated ones).
    QString file;
    int line = 0;
    // repoURL is this repository and targetRevision the branch or tag in question (Options).
    bool thisRepository = false;
};

struct DeploymentMap
{
    // Deployments of this repository by source path (clean, relative to the manifests root, no
    // trailing slash: "services/payment-api/overlays/prd"), each list sorted by application name.
    QHash<QString, QList<Deployment>> byPath;
    // Every application found (this repository or not), sorted by name then path.
    QList<Deployment> applications;
    QList<Cluster> clusters; // sorted by name; in-cluster included
    ClusterSource clusterSource = ClusterSource::BuiltIn;
    // Broken Argo CD objects, templates that do not evaluate, paths outside the repository,
    // app-of-apps chains too deep or sourcing a folder twice: "file:line:col: error: message",
    // with `file` relative to the manifests root. Everything else still loads.
    QList<Error> problems;
    // What Kanri could not evaluate offline, without the objects being wrong (Error::Code::
    // Unsupported): a git generator reading another repository, the scmProvider, pullRequest,
    // clusterDecisionResource and plugin generators. Their applications are missing from the map.
    QList<Error> notes;
    // What Kanri assumed, in English: the repoURL taken as this repository when no configured
    // URL matched any Application.
    QStringList assumptions;
    // The repoURLs (normalised) taken as this repository.
    QStringList repoUrls;

    QList<Deployment> deploymentsOf(const QString &path) const { return byPath.value(path); }
    // The distinct cluster names the deployments of `path` reach, sorted.
    QStringList clustersOf(const QString &path) const;
    const Cluster *cluster(const QString &name) const;
};

struct Options
{
    // URLs that name this repository (the workspace's url, the URL Argo CD reads it from), besides
    // the `argocd: {repoURL: URL or [URLs]}` key of the repository's .kanri.yaml. Compared
    // normalised (normaliseRepoUrl): scheme, user, a trailing ".git" or "/" and the host's case
    // do not count. When none of them is the repoURL of an Application read from the
    // repository's files, the repoURL most of those Applications use for paths that exist in
    // the repository is taken (DeploymentMap::assumptions says so).
    QStringList repoUrls;
    // The branch or tag in question. An application counts when its targetRevision is this
    // (or refs/heads/<it>, refs/tags/<it>), or is empty/"HEAD" and this is defaultBranch.
    QString revision = QStringLiteral("main");
    QString defaultBranch = QStringLiteral("main");
    // workspace.yaml's `clusters:` (readWorkspaceClusters): used when the repository declares
    // no cluster Secrets.
    QList<Cluster> workspaceClusters;
    // Unsaved edits over the working tree (absolute clean path → content, nullopt: deleted).
    const kustomize::FileOverlay *overlay = nullptr;
    // Renders app-of-apps folders; optional (a private one is made when null). Thread-safe.
    kustomize::Renderer *renderer = nullptr;
    int maxAppOfAppsDepth = 8;            // levels of app-of-apps below the root applications
    int maxGeneratedApplications = 20000; // per ApplicationSet; more is a problem, not a hang
};

// Reads the Argo CD objects of the repository at `manifestsRoot` (its working tree with
// Options::overlay over it). Fails only when the folder cannot be read; broken objects are
// DeploymentMap::problems. Thread-safe (no shared state but Options::renderer).
Result<DeploymentMap> readDeployments(const QString &manifestsRoot, const Options &options = {});

// The `clusters:` list of a workspace.yaml (absolute path):
//
//   clusters:
//     - name: gke-prd
//       server: https://34.84.0.10
//       labels: {provider: gke, env: prd}
//
// An absent file or key is an empty list; a malformed one a Syntax error at its line.
Result<QList<Cluster>> readWorkspaceClusters(const QString &workspaceFile);

// "https://GitHub.com/org/repo.git/", "git@github.com:org/repo", "ssh://git@github.com/org/repo"
// → "github.com/org/repo"; a local path stays a clean path.
QString normaliseRepoUrl(const QString &url);

} // namespace kanri::argocd

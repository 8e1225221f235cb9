#pragma once

#include "rules/ruleconfig.h"
#include "rules/rulefinding.h"
#include "rules/rulesources.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace kanri::platform {

class Catalog;
class KustomizeSources;

// Where Finding::file and Finding::path are computed from.
struct FindingPlace
{
    QString displayRoot;    // Finding::file is relative to this (the workspace folder)
    QString repositoryRoot; // Finding::path is relative to this
};

// One kustomization that was rendered: a service overlay or a platform folder.
struct RenderTarget
{
    FindingPlace place;
    QString dir;                   // absolute folder of the kustomization
    QString service;               // empty for a platform folder
    QString environment;           // "prd"; empty for a platform folder
    QString expectedNamespace;     // the service's namespace; empty: not checked
    bool platform = false;         // a platform folder: reserved kinds are allowed
    QString ownRepository;         // the service's image repository; empty: unknown
    QStringList otherRepositories; // the other services' image repositories
    // The same for many services at once: every service's image repository → its position in
    // the catalog (the last one counts); ownRepository is left out. When set, it is used
    // instead of otherRepositories.
    std::shared_ptr<const QHash<QString, qsizetype>> repositoryOrder;
};

// The rules on rendered output: deprecated APIs, container resources and their ranges, HPAs,
// namespaces, reserved kinds and images. `rendered` is what `kustomize build` prints for
// target.dir; `sources` points findings back into the files the user edits.
QList<Finding> checkRendered(const RenderTarget &target, const QByteArray &rendered,
                             const RuleConfig &config, const KustomizeSources &sources);

// The rules on the catalog: the developers map against its schema, duplicate GitHub logins,
// approvers without GitHub, microservice entries without manifests and the reverse, and
// CODEOWNERS lines that match nothing and files nobody owns.
// `read` (optional) reads through unsaved edits, for the lines of map entry fields; `unsaved`
// (absolute path → content, std::nullopt: deleted) are files that exist only in the edit
// buffers or are gone from them, so that the CODEOWNERS rules see the repositories as edited.
QList<Finding> checkCatalog(const Catalog &catalog, const RuleConfig &config,
                            const QString &displayRoot, const SourceReader &read = {},
                            const QHash<QString, std::optional<QByteArray>> &unsaved = {});

// Applies the configuration: drops disabled rules and exemptions, applies severity overrides.
QList<Finding> applyConfig(QList<Finding> findings, const RuleConfig &config);

} // namespace kanri::platform

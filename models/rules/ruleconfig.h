#pragma once

#include "core/result.h"
#include "rules/rulefinding.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace kanri::platform {

// A range as Polaris writes it: a value above `warningAbove` is a warning, above `errorAbove`
// an error (and the same for `below`). Quantities are in base units: cores for CPU, bytes for
// memory.
struct Threshold
{
    std::optional<double> warningAbove, errorAbove, warningBelow, errorBelow;
};

struct Exemption
{
    QString rule;    // a rule id, or "*" (a trailing "/*" matches a family: "k8s/*")
    QString path;    // a glob on the repository-relative path ("services/a/**"); empty: any
    QString service; // a service name; empty: any
};

// The `rules:` key of .kanri.yaml, in either repository (the manifests repository's values
// win where both set something):
//
//   rules:
//     kubernetesVersion: "1.31"      # the cluster version deprecations are judged against
//     reservedKinds: [Ingress, Namespace, ClusterRole, ...]  # replaces the default list
//     platformFolders: [platform/*]  # where reserved kinds are allowed; also read from the
//                                    # top-level `platform:` and `applications:` keys
//     thresholds:
//       cpuRequests:    {warning: {above: 4}, error: {above: 16}}
//       memoryRequests: {warning: {above: 16Gi}, error: {above: 64Gi}}
//       cpuLimits:      {error: {above: 32}}
//       memoryLimits:   {error: {above: 128Gi}}
//     registries: [gcr.io/cloud-sql-connectors]  # allowed besides the service's repository
//     repositoryField: gar_repository            # the microservice field naming it
//     enable: [hpa/replicas-with-hpa]
//     disable: [codeowners/unowned]
//     severity: {image/registry: error}
//     exemptions:
//       - rule: image/latest-tag
//         path: services/sandbox/**
//       - rule: tenancy/reserved-kind
//         service: edge-gateway
struct RuleConfig
{
    QString kubernetesVersion = QStringLiteral("1.31");
    QStringList reservedKinds;
    QStringList platformFolders; // globs relative to the manifests repository
    Threshold cpuRequests, memoryRequests, cpuLimits, memoryLimits;
    QStringList registries;
    QStringList repositoryFields;
    QSet<QString> enabled, disabled;
    QHash<QString, Severity> severities;
    QList<Exemption> exemptions;

    static RuleConfig defaults();
    // Applies the `rules:` (and `platform:` / `applications:`) keys of a .kanri.yaml text on
    // top of this configuration. Errors name the file and line.
    Result<void> apply(const QByteArray &yamlText, const QString &fileName);

    bool isEnabled(const QString &rule) const;
    Severity severityFor(const QString &rule, Severity proposed) const;
    bool isExempt(const Finding &finding) const;
};

// "500m" → 0.5, "2" → 2; "1Gi" → 1073741824, "500M" → 5e8. nullopt when not a quantity.
std::optional<double> parseCpu(const QString &text);
std::optional<double> parseMemory(const QString &text);

} // namespace kanri::platform

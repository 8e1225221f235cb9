#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace kanri::platform {

// One group/version/kind that Kubernetes deprecated and stopped serving, from the Deprecated
// API Migration Guide (kubernetes.io/docs/reference/using-api/deprecation-guide) since 1.16.
// Versions are "MAJOR.MINOR" strings. `replacement` is the apiVersion to move to; empty when
// the kind was removed without one (PodSecurityPolicy).
struct DeprecatedApi
{
    QString apiVersion; // "policy/v1beta1"
    QString kind;       // "PodDisruptionBudget"
    QString deprecatedIn;
    QString removedIn;
    QString replacement;
    QString note; // what else changes, when it matters for a migration
};

const QList<DeprecatedApi> &deprecatedApis();
std::optional<DeprecatedApi> findDeprecatedApi(const QString &apiVersion, const QString &kind);

// Compares "1.25" with "1.31" numerically; a missing or broken part counts as 0.
int compareKubernetesVersions(const QString &a, const QString &b);

} // namespace kanri::platform

#include "rules/ruledeprecations.h"

#include <QStringList>

namespace kanri::platform {

namespace {

void add(QList<DeprecatedApi> &table, const char *apiVersion,
         std::initializer_list<const char *> kinds, const char *deprecatedIn, const char *removedIn,
         const char *replacement, const char *note = "")
{
    for (const char *kind : kinds) {
        table.append({QString::fromLatin1(apiVersion), QString::fromLatin1(kind),
                      QString::fromLatin1(deprecatedIn), QString::fromLatin1(removedIn),
                      QString::fromLatin1(replacement), QString::fromLatin1(note)});
    }
}

QList<DeprecatedApi> buildTable()
{
    QList<DeprecatedApi> t;
    // Removed in 1.16.
    add(t, "extensions/v1beta1", {"Deployment", "DaemonSet", "ReplicaSet"}, "1.9", "1.16",
        "apps/v1", "spec.selector is required");
    add(t, "extensions/v1beta1", {"NetworkPolicy"}, "1.9", "1.16", "networking.k8s.io/v1");
    add(t, "extensions/v1beta1", {"PodSecurityPolicy"}, "1.11", "1.16", "policy/v1beta1");
    add(t, "apps/v1beta1", {"Deployment", "StatefulSet", "ReplicaSet", "ControllerRevision"}, "1.9",
        "1.16", "apps/v1", "spec.selector is required");
    add(t, "apps/v1beta2",
        {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision"}, "1.9",
        "1.16", "apps/v1", "spec.selector is required");
    // Removed in 1.17.
    add(t, "scheduling.k8s.io/v1alpha1", {"PriorityClass"}, "1.14", "1.17", "scheduling.k8s.io/v1");
    // Removed in 1.22.
    add(t, "extensions/v1beta1", {"Ingress"}, "1.14", "1.22", "networking.k8s.io/v1",
        "serviceName/servicePort become service.name/service.port; pathType is required");
    add(t, "networking.k8s.io/v1beta1", {"Ingress"}, "1.19", "1.22", "networking.k8s.io/v1",
        "serviceName/servicePort become service.name/service.port; pathType is required");
    add(t, "networking.k8s.io/v1beta1", {"IngressClass"}, "1.19", "1.22", "networking.k8s.io/v1");
    add(t, "admissionregistration.k8s.io/v1beta1",
        {"MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"}, "1.16", "1.22",
        "admissionregistration.k8s.io/v1", "sideEffects and admissionReviewVersions are required");
    add(t, "apiextensions.k8s.io/v1beta1", {"CustomResourceDefinition"}, "1.16", "1.22",
        "apiextensions.k8s.io/v1", "spec.versions[*].schema is required");
    add(t, "apiregistration.k8s.io/v1beta1", {"APIService"}, "1.19", "1.22",
        "apiregistration.k8s.io/v1");
    add(t, "authentication.k8s.io/v1beta1", {"TokenReview"}, "1.19", "1.22",
        "authentication.k8s.io/v1");
    add(t, "authorization.k8s.io/v1beta1",
        {"LocalSubjectAccessReview", "SelfSubjectAccessReview", "SubjectAccessReview",
         "SelfSubjectRulesReview"},
        "1.19", "1.22", "authorization.k8s.io/v1", "spec.group becomes spec.groups");
    add(t, "certificates.k8s.io/v1beta1", {"CertificateSigningRequest"}, "1.19", "1.22",
        "certificates.k8s.io/v1", "spec.signerName and spec.usages are required");
    add(t, "coordination.k8s.io/v1beta1", {"Lease"}, "1.19", "1.22", "coordination.k8s.io/v1");
    add(t, "rbac.authorization.k8s.io/v1beta1",
        {"ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"}, "1.17", "1.22",
        "rbac.authorization.k8s.io/v1");
    add(t, "scheduling.k8s.io/v1beta1", {"PriorityClass"}, "1.14", "1.22", "scheduling.k8s.io/v1");
    add(t, "storage.k8s.io/v1beta1", {"CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"},
        "1.19", "1.22", "storage.k8s.io/v1");
    // Removed in 1.25.
    add(t, "batch/v1beta1", {"CronJob"}, "1.21", "1.25", "batch/v1");
    add(t, "discovery.k8s.io/v1beta1", {"EndpointSlice"}, "1.21", "1.25", "discovery.k8s.io/v1",
        "topology becomes per-endpoint nodeName and zone");
    add(t, "events.k8s.io/v1beta1", {"Event"}, "1.19", "1.25", "events.k8s.io/v1");
    add(t, "autoscaling/v2beta1", {"HorizontalPodAutoscaler"}, "1.22", "1.25", "autoscaling/v2",
        "targetAverageUtilization becomes target.averageUtilization");
    add(t, "policy/v1beta1", {"PodDisruptionBudget"}, "1.21", "1.25", "policy/v1",
        "an empty spec.selector selects every pod in the namespace");
    add(t, "policy/v1beta1", {"PodSecurityPolicy"}, "1.21", "1.25", "",
        "use Pod Security Admission or a policy engine instead");
    add(t, "node.k8s.io/v1beta1", {"RuntimeClass"}, "1.20", "1.25", "node.k8s.io/v1");
    // Removed in 1.26.
    add(t, "flowcontrol.apiserver.k8s.io/v1beta1", {"FlowSchema", "PriorityLevelConfiguration"},
        "1.23", "1.26", "flowcontrol.apiserver.k8s.io/v1");
    add(t, "autoscaling/v2beta2", {"HorizontalPodAutoscaler"}, "1.23", "1.26", "autoscaling/v2",
        "targetAverageUtilization becomes target.averageUtilization");
    // Removed in 1.27.
    add(t, "storage.k8s.io/v1beta1", {"CSIStorageCapacity"}, "1.24", "1.27", "storage.k8s.io/v1");
    // Removed in 1.29.
    add(t, "flowcontrol.apiserver.k8s.io/v1beta2", {"FlowSchema", "PriorityLevelConfiguration"},
        "1.26", "1.29", "flowcontrol.apiserver.k8s.io/v1");
    // Removed in 1.32.
    add(t, "flowcontrol.apiserver.k8s.io/v1beta3", {"FlowSchema", "PriorityLevelConfiguration"},
        "1.29", "1.32", "flowcontrol.apiserver.k8s.io/v1",
        "nominalConcurrencyShares 0 is no longer defaulted to 30");
    return t;
}

} // namespace

const QList<DeprecatedApi> &deprecatedApis()
{
    static const QList<DeprecatedApi> table = buildTable();
    return table;
}

std::optional<DeprecatedApi> findDeprecatedApi(const QString &apiVersion, const QString &kind)
{
    for (const DeprecatedApi &api : deprecatedApis()) {
        if (api.apiVersion == apiVersion && api.kind == kind)
            return api;
    }
    return std::nullopt;
}

int compareKubernetesVersions(const QString &a, const QString &b)
{
    auto parts = [](QString v) {
        if (v.startsWith(QLatin1Char('v')))
            v.remove(0, 1);
        const QStringList p = v.split(QLatin1Char('.'));
        return std::pair{p.value(0).toInt(), p.value(1).toInt()};
    };
    const auto pa = parts(a), pb = parts(b);
    if (pa != pb)
        return pa < pb ? -1 : 1;
    return 0;
}

} // namespace kanri::platform

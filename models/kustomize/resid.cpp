#include "kustomize/kustinternal.h"

#include <map>
#include <set>

// Resource identities: group/version/kind, ids, and which kinds are cluster-scoped
// (kustomize's api/resid and api/resource).

namespace kanri::kustomize::detail {

Gvk Gvk::fromApiVersion(const std::string &apiVersion, const std::string &kind)
{
    Gvk g;
    g.kind = kind;
    const auto slash = apiVersion.rfind('/');
    if (slash == std::string::npos) {
        g.version = apiVersion;
    } else {
        g.group = apiVersion.substr(0, slash);
        g.version = apiVersion.substr(slash + 1);
    }
    return g;
}

bool Gvk::selectedBy(const Gvk &s) const
{
    if (!s.group.empty() && s.group != group)
        return false;
    if (!s.version.empty() && s.version != version)
        return false;
    if (!s.kind.empty() && s.kind != kind)
        return false;
    return true;
}

std::string ResId::toString() const
{
    std::string s = gvk.kind.empty() ? "[noKind]" : gvk.kind;
    s += ".";
    s += gvk.version.empty() ? "[noVer]" : gvk.version;
    s += ".";
    s += gvk.group.empty() ? "[noGrp]" : gvk.group;
    s += "/";
    s += name.empty() ? "[noName]" : name;
    s += ".";
    s += ns.empty() ? "[noNs]" : ns;
    return s;
}

// The resource types of the Kubernetes v1.21.2 OpenAPI schema kustomize v5.5.0 embeds, with
// their scope (kyaml's precomputedIsNamespaceScoped): true when cluster-scoped. A type that is
// not listed (a custom resource, or a kind added to Kubernetes later) is namespaced.
const std::map<std::pair<std::string, std::string>, bool> &builtinScopes()
{
    static const std::map<std::pair<std::string, std::string>, bool> m = {
        {{"admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration"}, true},
        {{"admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration"}, true},
        {{"admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration"}, true},
        {{"admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration"}, true},
        {{"apiextensions.k8s.io/v1", "CustomResourceDefinition"}, true},
        {{"apiextensions.k8s.io/v1beta1", "CustomResourceDefinition"}, true},
        {{"apiregistration.k8s.io/v1", "APIService"}, true},
        {{"apiregistration.k8s.io/v1beta1", "APIService"}, true},
        {{"apps/v1", "ControllerRevision"}, false},
        {{"apps/v1", "DaemonSet"}, false},
        {{"apps/v1", "Deployment"}, false},
        {{"apps/v1", "ReplicaSet"}, false},
        {{"apps/v1", "StatefulSet"}, false},
        {{"autoscaling/v1", "HorizontalPodAutoscaler"}, false},
        {{"autoscaling/v1", "Scale"}, false},
        {{"autoscaling/v2beta1", "HorizontalPodAutoscaler"}, false},
        {{"autoscaling/v2beta2", "HorizontalPodAutoscaler"}, false},
        {{"batch/v1", "CronJob"}, false},
        {{"batch/v1", "Job"}, false},
        {{"batch/v1beta1", "CronJob"}, false},
        {{"certificates.k8s.io/v1", "CertificateSigningRequest"}, true},
        {{"certificates.k8s.io/v1beta1", "CertificateSigningRequest"}, true},
        {{"coordination.k8s.io/v1", "Lease"}, false},
        {{"coordination.k8s.io/v1beta1", "Lease"}, false},
        {{"discovery.k8s.io/v1", "EndpointSlice"}, false},
        {{"discovery.k8s.io/v1beta1", "EndpointSlice"}, false},
        {{"events.k8s.io/v1", "Event"}, false},
        {{"events.k8s.io/v1beta1", "Event"}, false},
        {{"extensions/v1beta1", "Ingress"}, false},
        {{"flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema"}, true},
        {{"flowcontrol.apiserver.k8s.io/v1beta1", "PriorityLevelConfiguration"}, true},
        {{"networking.k8s.io/v1", "Ingress"}, false},
        {{"networking.k8s.io/v1", "IngressClass"}, true},
        {{"networking.k8s.io/v1", "NetworkPolicy"}, false},
        {{"networking.k8s.io/v1beta1", "Ingress"}, false},
        {{"networking.k8s.io/v1beta1", "IngressClass"}, true},
        {{"node.k8s.io/v1", "RuntimeClass"}, true},
        {{"node.k8s.io/v1beta1", "RuntimeClass"}, true},
        {{"policy/v1", "PodDisruptionBudget"}, false},
        {{"policy/v1beta1", "PodDisruptionBudget"}, false},
        {{"policy/v1beta1", "PodSecurityPolicy"}, true},
        {{"rbac.authorization.k8s.io/v1", "ClusterRole"}, true},
        {{"rbac.authorization.k8s.io/v1", "ClusterRoleBinding"}, true},
        {{"rbac.authorization.k8s.io/v1", "Role"}, false},
        {{"rbac.authorization.k8s.io/v1", "RoleBinding"}, false},
        {{"rbac.authorization.k8s.io/v1beta1", "ClusterRole"}, true},
        {{"rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding"}, true},
        {{"rbac.authorization.k8s.io/v1beta1", "Role"}, false},
        {{"rbac.authorization.k8s.io/v1beta1", "RoleBinding"}, false},
        {{"scheduling.k8s.io/v1", "PriorityClass"}, true},
        {{"scheduling.k8s.io/v1beta1", "PriorityClass"}, true},
        {{"storage.k8s.io/v1", "CSIDriver"}, true},
        {{"storage.k8s.io/v1", "CSINode"}, true},
        {{"storage.k8s.io/v1", "StorageClass"}, true},
        {{"storage.k8s.io/v1", "VolumeAttachment"}, true},
        {{"storage.k8s.io/v1beta1", "CSIDriver"}, true},
        {{"storage.k8s.io/v1beta1", "CSINode"}, true},
        {{"storage.k8s.io/v1beta1", "CSIStorageCapacity"}, false},
        {{"storage.k8s.io/v1beta1", "StorageClass"}, true},
        {{"storage.k8s.io/v1beta1", "VolumeAttachment"}, true},
        {{"v1", "ComponentStatus"}, true},
        {{"v1", "ConfigMap"}, false},
        {{"v1", "Endpoints"}, false},
        {{"v1", "Event"}, false},
        {{"v1", "LimitRange"}, false},
        {{"v1", "Namespace"}, true},
        {{"v1", "Node"}, true},
        {{"v1", "NodeProxyOptions"}, true},
        {{"v1", "PersistentVolume"}, true},
        {{"v1", "PersistentVolumeClaim"}, false},
        {{"v1", "Pod"}, false},
        {{"v1", "PodAttachOptions"}, false},
        {{"v1", "PodExecOptions"}, false},
        {{"v1", "PodPortForwardOptions"}, false},
        {{"v1", "PodProxyOptions"}, false},
        {{"v1", "PodTemplate"}, false},
        {{"v1", "ReplicationController"}, false},
        {{"v1", "ResourceQuota"}, false},
        {{"v1", "Secret"}, false},
        {{"v1", "Service"}, false},
        {{"v1", "ServiceAccount"}, false},
        {{"v1", "ServiceProxyOptions"}, false},
    };
    return m;
}

bool isClusterScopedKind(const Gvk &gvk)
{
    // kustomize's IsCertainlyClusterScoped: known to the schema and cluster-scoped.
    const auto &m = builtinScopes();
    auto it = m.find({gvk.apiVersion(), gvk.kind});
    return it != m.end() && it->second;
}

bool ResId::isClusterScoped() const
{
    return isClusterScopedKind(gvk);
}

bool ResId::nsEquals(const ResId &o) const
{
    auto eff = [](const ResId &id) -> std::string {
        if (id.isClusterScoped())
            return "~cluster";
        return id.ns.empty() ? "default" : id.ns;
    };
    return eff(*this) == eff(o);
}

Gvk Resource::gvk() const
{
    return Gvk::fromApiVersion(obj.str({"apiVersion"}), obj.str({"kind"}));
}

bool Resource::selectedBy(const Gvk &s) const
{
    const auto text = [&](std::string_view key) {
        const Value *v = obj.get(key);
        return v && v->isScalar() && !v->isNull() ? std::string_view(v->text) : std::string_view();
    };
    if (!s.kind.empty() && text("kind") != s.kind)
        return false;
    if (s.group.empty() && s.version.empty())
        return true;
    const std::string_view api = text("apiVersion");
    const auto slash = api.rfind('/');
    const std::string_view group =
        slash == std::string_view::npos ? std::string_view() : api.substr(0, slash);
    const std::string_view version = slash == std::string_view::npos ? api : api.substr(slash + 1);
    return (s.group.empty() || s.group == group) && (s.version.empty() || s.version == version);
}

ResId Resource::curId() const
{
    return ResId{gvk(), name(), ns()};
}

void Resource::setName(const std::string &n)
{
    obj.getOrAddMap("metadata").set("name", Value::string(n));
}

void Resource::setNamespace(const std::string &n)
{
    obj.getOrAddMap("metadata").set("namespace", Value::string(n));
}

} // namespace kanri::kustomize::detail

#include "kustinternal.h"

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

bool isClusterScopedKind(const Gvk &gvk)
{
    static const std::set<std::string> kinds = {
        "Namespace",
        "Node",
        "PersistentVolume",
        "StorageClass",
        "ClusterRole",
        "ClusterRoleBinding",
        "CustomResourceDefinition",
        "APIService",
        "MutatingWebhookConfiguration",
        "ValidatingWebhookConfiguration",
        "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding",
        "PriorityClass",
        "CSIDriver",
        "CSINode",
        "RuntimeClass",
        "PodSecurityPolicy",
        "IngressClass",
        "VolumeAttachment",
        "CertificateSigningRequest",
        "ComponentStatus",
        "TokenReview",
        "SelfSubjectAccessReview",
        "SelfSubjectRulesReview",
        "SubjectAccessReview",
        "FlowSchema",
        "PriorityLevelConfiguration",
        "StorageVersion",
        "ClusterTrustBundle",
    };
    if (gvk.kind == "Namespace" && !gvk.group.empty())
        return false;
    return kinds.count(gvk.kind) > 0;
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

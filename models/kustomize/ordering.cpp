#include "kustomize/kustinternal.h"

#include <algorithm>
#include <map>

// Output order: kustomize's legacy order (api/resmap's LegacyOrderTransformer).

namespace kanri::kustomize::detail {

std::vector<std::string> defaultOrderFirst()
{
    return {"Namespace",
            "ResourceQuota",
            "StorageClass",
            "CustomResourceDefinition",
            "ServiceAccount",
            "PodSecurityPolicy",
            "Role",
            "ClusterRole",
            "RoleBinding",
            "ClusterRoleBinding",
            "ConfigMap",
            "Secret",
            "Endpoints",
            "Service",
            "LimitRange",
            "PriorityClass",
            "PersistentVolume",
            "PersistentVolumeClaim",
            "Deployment",
            "StatefulSet",
            "CronJob",
            "PodDisruptionBudget"};
}

std::vector<std::string> defaultOrderLast()
{
    return {"MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"};
}

void legacySort(ResList &list, const std::vector<std::string> &orderFirst,
                const std::vector<std::string> &orderLast)
{
    std::map<std::string, int> rank;
    for (size_t i = 0; i < orderFirst.size(); ++i)
        rank.emplace(orderFirst[i], -int(orderFirst.size()) + int(i));
    for (size_t i = 0; i < orderLast.size(); ++i)
        rank.emplace(orderLast[i], int(i) + 1);
    auto rankOf = [&](const std::string &k) {
        auto it = rank.find(k);
        return it == rank.end() ? 0 : it->second;
    };
    auto gvkStr = [](const Gvk &g) {
        return (g.group.empty() ? "~G" : g.group) + "_" + (g.version.empty() ? "~V" : g.version) +
               "_" + (g.kind.empty() ? "~K" : g.kind);
    };
    struct Key
    {
        int rank;
        Gvk gvk;
        std::string gs, rest;
    };
    std::vector<std::pair<Key, size_t>> keys;
    keys.reserve(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
        const ResId id = list[i].curId();
        Key k{rankOf(id.gvk.kind), id.gvk, gvkStr(id.gvk), {}};
        k.rest =
            k.gs + "|" + (id.ns.empty() ? "~X" : id.ns) + "|" + (id.name.empty() ? "~N" : id.name);
        keys.emplace_back(std::move(k), i);
    }
    std::stable_sort(keys.begin(), keys.end(), [](const auto &a, const auto &b) {
        const Key &x = a.first, &y = b.first;
        if (!(x.gvk == y.gvk)) {
            if (x.rank != y.rank)
                return x.rank < y.rank;
            if (x.gvk.kind == "Namespace" && y.gvk.kind == "Namespace" &&
                (x.gvk.group.empty() != y.gvk.group.empty()))
                return x.gvk.group.empty();
            return x.gs < y.gs;
        }
        return x.rest < y.rest;
    });
    ResList out;
    out.reserve(list.size());
    for (auto &k : keys)
        out.push_back(std::move(list[k.second]));
    list = std::move(out);
}

} // namespace kanri::kustomize::detail

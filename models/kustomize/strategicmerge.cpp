#include "kustomize/kustinternal.h"

#include <algorithm>
#include <map>

// Strategic merge patches as kustomize applies them (kyaml's merge2 walk with the merge keys of
// kustomize's embedded OpenAPI schema).

namespace kanri::kustomize::detail {

namespace {

// Kinds of the Kubernetes OpenAPI schema kustomize embeds, by group: their list fields merge
// by key. Other kinds (custom resources, even in a builtin group) have no schema.
bool isBuiltinKind(const Gvk &gvk)
{
    static const std::set<std::string> kinds = {
        "/Pod",
        "/PodTemplate",
        "/ReplicationController",
        "/Service",
        "/ConfigMap",
        "/Secret",
        "/ServiceAccount",
        "/Namespace",
        "/Node",
        "/PersistentVolume",
        "/PersistentVolumeClaim",
        "/Endpoints",
        "/Event",
        "/LimitRange",
        "/ResourceQuota",
        "/Binding",
        "/ComponentStatus",
        "apps/Deployment",
        "apps/StatefulSet",
        "apps/DaemonSet",
        "apps/ReplicaSet",
        "apps/ControllerRevision",
        "extensions/Deployment",
        "extensions/DaemonSet",
        "extensions/ReplicaSet",
        "extensions/Ingress",
        "extensions/NetworkPolicy",
        "extensions/PodSecurityPolicy",
        "batch/Job",
        "batch/CronJob",
        "autoscaling/HorizontalPodAutoscaler",
        "policy/PodDisruptionBudget",
        "policy/PodSecurityPolicy",
        "policy/Eviction",
        "networking.k8s.io/Ingress",
        "networking.k8s.io/IngressClass",
        "networking.k8s.io/NetworkPolicy",
        "rbac.authorization.k8s.io/Role",
        "rbac.authorization.k8s.io/ClusterRole",
        "rbac.authorization.k8s.io/RoleBinding",
        "rbac.authorization.k8s.io/ClusterRoleBinding",
        "storage.k8s.io/StorageClass",
        "storage.k8s.io/VolumeAttachment",
        "storage.k8s.io/CSIDriver",
        "storage.k8s.io/CSINode",
        "storage.k8s.io/CSIStorageCapacity",
        "scheduling.k8s.io/PriorityClass",
        "admissionregistration.k8s.io/MutatingWebhookConfiguration",
        "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
        "apiextensions.k8s.io/CustomResourceDefinition",
        "coordination.k8s.io/Lease",
        "discovery.k8s.io/EndpointSlice",
        "node.k8s.io/RuntimeClass",
        "certificates.k8s.io/CertificateSigningRequest",
        "apiregistration.k8s.io/APIService",
        "events.k8s.io/Event",
        "flowcontrol.apiserver.k8s.io/FlowSchema",
        "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration"};
    return kinds.count(gvk.group + "/" + gvk.kind) > 0;
}

struct Ctx
{
    bool schema; // the kind has a known (builtin) schema
    const std::set<std::string> *custom;
};

// The merge key of a list field, or empty when the list is replaced as a whole.
std::string mergeKey(const Ctx &ctx, const std::string &field, const std::string &parentField,
                     const Value &dest, const Value &src)
{
    if (ctx.custom) {
        for (const std::string &c : *ctx.custom) {
            const auto eq = c.find('=');
            if (eq != std::string::npos && c.substr(0, eq) == field)
                return c.substr(eq + 1);
        }
    }
    auto allMaps = [](const Value &l) {
        for (const Value &v : l.items)
            if (!v.isMap())
                return false;
        return true;
    };
    if (!allMaps(dest) || !allMaps(src))
        return {};
    if (ctx.schema) {
        static const std::map<std::string, std::string> keys = {
            {"containers", "name"},
            {"initContainers", "name"},
            {"ephemeralContainers", "name"},
            {"env", "name"},
            {"volumes", "name"},
            {"imagePullSecrets", "name"},
            {"volumeMounts", "mountPath"},
            {"volumeDevices", "devicePath"},
            {"hostAliases", "ip"},
            {"topologySpreadConstraints", "topologyKey"},
            {"conditions", "type"},
            {"resourceClaims", "name"},
            {"webhooks", "name"},
            {"ownerReferences", "uid"},
            {"schedulingGates", "name"},
        };
        if (field == "ports") {
            if (parentField == "containers" || parentField == "initContainers" ||
                parentField == "ephemeralContainers")
                return "containerPort";
            return "port";
        }
        auto it = keys.find(field);
        if (it != keys.end())
            return it->second;
        return {};
    }
    // No schema: kustomize's strategic merge replaces the list (it infers no merge key).
    return {};
}

std::string directive(const Value &m)
{
    if (!m.isMap())
        return {};
    return m.str({"$patch"});
}

Value stripDirectives(const Value &v)
{
    if (v.isMap()) {
        Value out = Value::map();
        for (const MapEntry &e : v.entries) {
            if (e.key.starts_with("$"))
                continue;
            if (e.key.starts_with("$setElementOrder/") ||
                e.key.starts_with("$deleteFromPrimitiveList/") || e.key.starts_with("$retainKeys"))
                continue;
            if (directive(e.value) == "delete")
                continue;
            out.entries.push_back(MapEntry{e.key, stripDirectives(e.value)});
        }
        return out;
    }
    if (v.isSeq()) {
        Value out = Value::seq();
        for (const Value &i : v.items) {
            const std::string d = directive(i);
            if (d == "delete" || d == "replace")
                continue;
            out.items.push_back(stripDirectives(i));
        }
        return out;
    }
    return v;
}

bool keyEquals(const Value &a, const Value &b)
{
    if (!a.isScalar() || !b.isScalar())
        return a == b;
    return a.text == b.text;
}

Result<void> mergeMap(Value &dest, const Value &src, const Ctx &ctx, const std::string &field);

// kyaml's merge walk clears a map field whose merged value is null: every null the patch adds,
// and in the object an empty value (`key:`), while a written `null` or `~` of the object stays.
// The walk goes through maps and through the lists the schema merges by key, not into other
// lists.
void dropNulls(Value &v, const Ctx &ctx, const std::string &field, const std::string &parentField,
               bool all, int depth);

// Lists whose schema names several keys (x-kubernetes-list-map-keys): kyaml merges them by
// all of them, with its own rules for elements that miss one.
std::vector<std::string> listMapKeys(const Ctx &ctx, const std::string &field,
                                     const std::string &parentField, const Value &dest,
                                     const Value &src)
{
    if (!ctx.schema)
        return {};
    if (ctx.custom)
        for (const std::string &c : *ctx.custom)
            if (c.starts_with(field + "="))
                return {}; // a custom schema names the key
    const std::string key = mergeKey(ctx, field, parentField, dest, src);
    if (field == "ports" && (key == "containerPort" || key == "port"))
        return {key, "protocol"};
    if (field == "topologySpreadConstraints" && key == "topologyKey")
        return {key, "whenUnsatisfiable"};
    return {};
}

using Tuple = std::vector<std::string>;

Tuple tupleOf(const Value &e, const std::vector<std::string> &keys)
{
    Tuple t;
    for (const std::string &k : keys) {
        const Value *v = e.isMap() ? e.get(k) : nullptr;
        t.push_back(v && v->isScalar() && !v->isNull() ? v->text : std::string());
    }
    return t;
}

bool tupleMatches(const Value &e, const std::vector<std::string> &keys, const Tuple &values)
{
    if (!e.isMap())
        return false;
    for (size_t i = 0; i < keys.size() && i < values.size(); ++i) {
        const Value *v = e.get(keys[i]);
        const std::string have = v && v->isScalar() && !v->isNull() ? v->text : std::string();
        if (have != values[i])
            return false;
    }
    return true;
}

// kyaml's multi-key associative list merge (walk/associative.go): tuples from the patch then
// the destination, empty secondary values filled from a matching tuple; each tuple merges the
// elements that carry exactly its values; new elements come first, then the destination's own
// elements (merged) in their order; an element sharing all keys with a later one gives way.
Result<void> mergeMultiKey(Value &dest, const Value &src, const Ctx &ctx, const std::string &field,
                           const std::vector<std::string> &keys)
{
    std::vector<Tuple> values;
    auto addTuples = [&](const Value &list) {
        for (const Value &e : list.items) {
            if (!e.isMap())
                continue;
            Tuple t = tupleOf(e, keys);
            bool any = false;
            for (const std::string &x : t)
                any = any || !x.empty();
            if (!any || std::find(values.begin(), values.end(), t) != values.end())
                continue;
            values.push_back(std::move(t));
        }
    };
    addTuples(src);
    addTuples(dest);
    // mergeValues: two tuples match when they share a value and differ only where one is empty.
    for (size_t i = 0; i < values.size(); ++i) {
        const Tuple v1 = values[i];
        for (size_t j = 0; j < values.size(); ++j) {
            const Tuple v2 = values[j];
            bool common = false, ok = true;
            Tuple res;
            for (size_t k = 0; k < v1.size(); ++k) {
                if (v1[k] == v2[k]) {
                    common = true;
                    res.push_back(v1[k]);
                } else if (!v1[k].empty() && !v2[k].empty()) {
                    ok = false;
                    break;
                } else {
                    res.push_back(v1[k].empty() ? v2[k] : v1[k]);
                }
            }
            if (ok && common) {
                values[i] = res;
                values[j] = res;
            }
        }
    }
    // Keys no tuple has a value for are left out.
    std::vector<bool> valid(keys.size(), false);
    for (const Tuple &t : values)
        for (size_t k = 0; k < t.size(); ++k)
            valid[k] = valid[k] || !t[k].empty();
    std::vector<std::string> vkeys;
    for (size_t k = 0; k < keys.size(); ++k)
        if (valid[k])
            vkeys.push_back(keys[k]);
    if (vkeys.empty())
        vkeys = keys;
    auto project = [&](const Tuple &t) {
        Tuple out;
        for (size_t k = 0; k < keys.size(); ++k)
            if (valid[k] || vkeys.size() == keys.size())
                out.push_back(t[k]);
        return out;
    };

    std::vector<bool> destMerged(dest.items.size(), false);
    std::vector<std::pair<Tuple, Value>> items; // new elements, by tuple
    std::vector<size_t> deletedDest;
    for (const Tuple &t0 : values) {
        const Tuple t = project(t0);
        const Value *patchElem = nullptr;
        for (const Value &e : src.items)
            if (tupleMatches(e, vkeys, t)) {
                patchElem = &e;
                break;
            }
        long destIdx = -1;
        for (size_t i = 0; i < dest.items.size(); ++i)
            if (tupleMatches(dest.items[i], vkeys, t)) {
                destIdx = long(i);
                break;
            }
        if (patchElem && directive(*patchElem) == "delete") {
            for (size_t i = 0; i < dest.items.size(); ++i)
                if (tupleMatches(dest.items[i], vkeys, t))
                    deletedDest.push_back(i);
            continue;
        }
        if (destIdx >= 0) {
            if (patchElem && !destMerged[size_t(destIdx)]) {
                if (auto r = mergeMap(dest.items[size_t(destIdx)], *patchElem, ctx, field); !r)
                    return r;
                destMerged[size_t(destIdx)] = true;
            }
            continue; // the destination element is re-added below, in its own order
        }
        if (!patchElem)
            continue;
        Value val = stripDirectives(*patchElem);
        for (size_t k = 0; k < vkeys.size(); ++k)
            if (!val.get(vkeys[k]) && !t[k].empty())
                val.set(vkeys[k], Value::string(t[k]));
        bool replaced = false;
        for (auto &it : items)
            if (it.first == t) {
                it.second = std::move(val);
                replaced = true;
                break;
            }
        if (!replaced)
            items.emplace_back(t, std::move(val));
    }
    std::vector<Value> result;
    for (auto &it : items)
        result.push_back(std::move(it.second));
    for (size_t i = 0; i < dest.items.size(); ++i) {
        if (std::find(deletedDest.begin(), deletedDest.end(), i) != deletedDest.end())
            continue;
        Value &d = dest.items[i];
        if (!d.isMap()) {
            result.push_back(std::move(d));
            continue;
        }
        // The available key values of this element; elements sharing them give way.
        Tuple v;
        std::vector<std::string> vk;
        for (const std::string &k : vkeys)
            if (const Value *x = d.get(k); x && x->isScalar() && !x->isNull()) {
                v.push_back(x->text);
                vk.push_back(k);
            }
        if (!v.empty())
            result.erase(std::remove_if(result.begin(), result.end(),
                                        [&](const Value &e) { return tupleMatches(e, vk, v); }),
                         result.end());
        result.push_back(std::move(d));
    }
    dest.items = std::move(result);
    return {};
}

Result<void> mergeValue(Value &dest, const Value &src, const Ctx &ctx, const std::string &field,
                        const std::string &parentField)
{
    if (src.isMap() && dest.isMap()) {
        if (directive(src) == "replace") {
            dest = stripDirectives(src);
            return {};
        }
        return mergeMap(dest, src, ctx, field);
    }
    if (src.isSeq() && dest.isSeq()) {
        // `$patch: replace` element replaces the list.
        bool replace = false;
        for (const Value &i : src.items)
            if (directive(i) == "replace")
                replace = true;
        if (replace) {
            dest = stripDirectives(src);
            return {};
        }
        if (const std::vector<std::string> keys = listMapKeys(ctx, field, parentField, dest, src);
            !keys.empty())
            return mergeMultiKey(dest, src, ctx, field, keys);
        // A patch list of a field with a merge key where an element lacks the key (a null
        // element, `- name:` left empty) is not associative for kyaml: it replaces the list,
        // without its null elements and the elements that only held nulls.
        if (const std::string declared =
                mergeKey(ctx, field, parentField, Value::seq(), Value::seq());
            !declared.empty()) {
            const bool keyless =
                std::any_of(src.items.begin(), src.items.end(), [&](const Value &i) {
                    const Value *k = i.isMap() ? i.get(declared) : nullptr;
                    return (!k || k->isNull()) && (!i.isMap() || directive(i).empty());
                });
            if (keyless) {
                std::vector<Value> kept;
                for (Value item : stripDirectives(src).items) {
                    if (item.isNull())
                        continue;
                    if (item.isMap()) {
                        dropNulls(item, ctx, field, parentField, true, 0);
                        if (item.entries.empty())
                            continue;
                    }
                    kept.push_back(std::move(item));
                }
                dest.items = std::move(kept);
                return {};
            }
        }
        const std::string key = mergeKey(ctx, field, parentField, dest, src);
        if (key.empty()) {
            dest = stripDirectives(src);
            return {};
        }
        // kustomize merges with ListIncreaseDirection=Prepend: the patch's elements come first
        // in patch order (merged with their match), then the remaining existing elements.
        std::vector<Value> result;
        std::vector<const Value *> patchKeys;
        for (const Value &item : src.items) {
            if (!item.isMap())
                continue;
            const Value *kv = item.get(key);
            if (kv)
                patchKeys.push_back(kv);
            Value *match = nullptr;
            if (kv)
                for (Value &d : dest.items)
                    if (const Value *dk = d.get(key); dk && keyEquals(*dk, *kv)) {
                        match = &d;
                        break;
                    }
            if (directive(item) == "delete")
                continue;
            Value merged;
            if (match) {
                merged = *match;
                if (auto r = mergeMap(merged, item, ctx, field); !r)
                    return r;
            } else {
                merged = stripDirectives(item);
                dropNulls(merged, ctx, field, parentField, true, 0);
            }
            if (merged.isMap() && merged.entries.empty())
                continue;
            bool replaced = false;
            if (kv)
                for (Value &r : result)
                    if (const Value *rk = r.get(key); rk && keyEquals(*rk, *kv)) {
                        r = std::move(merged);
                        replaced = true;
                        break;
                    }
            if (!replaced)
                result.push_back(std::move(merged));
        }
        for (Value &d : dest.items) {
            const Value *dk = d.get(key);
            bool inPatch = false;
            if (dk)
                for (const Value *pk : patchKeys)
                    if (keyEquals(*pk, *dk))
                        inPatch = true;
            if (!inPatch)
                result.push_back(std::move(d));
        }
        dest.items = std::move(result);
        return {};
    }
    if (!dest.isNull() && !src.isNull() &&
        (dest.isMap() != src.isMap() || dest.isSeq() != src.isSeq()))
        return fail(Error::Code::Syntax,
                    tr("wrong node kind: expected %1 but got %2: node contents:\n%3")
                        .arg(QLatin1String(dest.isMap()   ? "MappingNode"
                                           : dest.isSeq() ? "SequenceNode"
                                                          : "ScalarNode"),
                             QLatin1String(src.isMap()   ? "MappingNode"
                                           : src.isSeq() ? "SequenceNode"
                                                         : "ScalarNode"),
                             qs(toJson(src))));
    dest = stripDirectives(src);
    return {};
}

Result<void> mergeMap(Value &dest, const Value &src, const Ctx &ctx, const std::string &field)
{
    std::vector<std::string> retain;
    bool haveRetain = false;
    for (const MapEntry &e : src.entries) {
        const std::string &k = e.key;
        if (k == "$patch")
            continue;
        if (k == "$retainKeys") {
            haveRetain = true;
            for (const Value &v : e.value.items)
                retain.push_back(v.text);
            continue;
        }
        if (k.starts_with("$setElementOrder/"))
            continue;
        if (k.starts_with("$deleteFromPrimitiveList/")) {
            const std::string f = k.substr(std::string("$deleteFromPrimitiveList/").size());
            if (Value *l = dest.get(f); l && l->isSeq()) {
                std::vector<Value> kept;
                for (Value &i : l->items) {
                    bool del = false;
                    for (const Value &x : e.value.items)
                        if (x.text == i.text)
                            del = true;
                    if (!del)
                        kept.push_back(std::move(i));
                }
                l->items = std::move(kept);
            }
            continue;
        }
        if (e.value.isNull()) {
            dest.remove(k);
            continue;
        }
        if (directive(e.value) == "delete") {
            dest.remove(k);
            continue;
        }
        Value *d = dest.get(k);
        if (!d || d->isNull()) {
            Value stripped = stripDirectives(e.value);
            dropNulls(stripped, ctx, k, field, true, 0);
            if (d)
                *d = std::move(stripped);
            else
                dest.entries.push_back(MapEntry{k, std::move(stripped)});
            continue;
        }
        if (auto r = mergeValue(*d, e.value, ctx, k, field); !r)
            return r;
    }
    if (haveRetain) {
        std::vector<MapEntry> kept;
        for (MapEntry &e : dest.entries)
            if (std::find(retain.begin(), retain.end(), e.key) != retain.end())
                kept.push_back(std::move(e));
        dest.entries = std::move(kept);
    }
    return {};
}

void dropNulls(Value &v, const Ctx &ctx, const std::string &field, const std::string &parentField,
               bool all, int depth)
{
    if (depth > 200)
        return;
    if (v.isMap()) {
        std::erase_if(v.entries, [&](const MapEntry &e) {
            return e.value.isNull() && (all || e.value.text.empty());
        });
        for (MapEntry &e : v.entries)
            dropNulls(e.value, ctx, e.key, field, all, depth + 1);
        return;
    }
    if (!v.isSeq() || !ctx.schema || v.items.empty())
        return;
    static const Value empty = Value::seq();
    if (mergeKey(ctx, field, parentField, v, empty).empty() &&
        listMapKeys(ctx, field, parentField, v, empty).empty())
        return;
    for (Value &item : v.items)
        dropNulls(item, ctx, field, parentField, all, depth + 1);
}

// kyaml walks every list of the patched object, not only the patched ones: in a list with a
// merge key, elements sharing a key collapse into one (the last one, where the first was).
// Ports are keyed by number and protocol, as their list-map-keys say.
void dedupeLists(Value &v, const Ctx &ctx, const std::string &field, const std::string &parentField,
                 int depth)
{
    if (depth > 200)
        return;
    if (v.isMap()) {
        for (MapEntry &e : v.entries)
            dedupeLists(e.value, ctx, e.key, field, depth + 1);
        return;
    }
    if (!v.isSeq() || v.items.size() < 1)
        return;
    static const Value empty = Value::seq();
    // The keys the schema declares (a null element hides them from mergeKey's inference).
    const std::string declared = mergeKey(ctx, field, parentField, empty, empty);
    const bool declaredMulti = !listMapKeys(ctx, field, parentField, empty, empty).empty();
    // A hole (a null element, an empty mapping) gives kyaml's walk the tuple of empty keys,
    // whose deletion drops every hole and every element that carries the key; only the
    // elements whose key came up before the first hole were already taken (the first element
    // of each key). With several keys (ports) a list of holes only becomes [].
    const auto hole = [](const Value &e) { return e.isNull() || (e.isMap() && e.entries.empty()); };
    if (!declared.empty() && std::any_of(v.items.begin(), v.items.end(), hole)) {
        if (declaredMulti) {
            if (std::all_of(v.items.begin(), v.items.end(), hole))
                v.items.clear();
        } else if (std::all_of(v.items.begin(), v.items.end(), [&](const Value &e) {
                       const Value *k = e.isMap() ? e.get(declared) : nullptr;
                       return hole(e) || (k && k->isScalar() && !k->isNull());
                   })) {
            std::vector<Value> taken;
            std::vector<std::string> seen;
            for (Value &item : v.items) {
                if (hole(item))
                    break;
                const std::string &id = item.get(declared)->text;
                if (std::find(seen.begin(), seen.end(), id) != seen.end())
                    continue;
                seen.push_back(id);
                taken.push_back(std::move(item));
            }
            v.items = std::move(taken);
        }
    }
    const std::string key = mergeKey(ctx, field, parentField, v, empty);
    const bool multiKey = !listMapKeys(ctx, field, parentField, v, empty).empty();
    if (v.items.size() > 1 && multiKey) {
        (void)mergeMultiKey(v, empty, ctx, field, listMapKeys(ctx, field, parentField, v, empty));
    } else if (!key.empty() && v.items.size() > 1) {
        std::vector<Value> result;
        std::vector<std::string> ids;
        for (Value &item : v.items) {
            const Value *k = item.isMap() ? item.get(key) : nullptr;
            if (!k || !k->isScalar()) {
                result.push_back(std::move(item));
                ids.emplace_back();
                continue;
            }
            std::string id = "=" + k->text;
            if (field == "ports")
                id += "/" + item.str({"protocol"});
            const auto it = std::find(ids.begin(), ids.end(), id);
            if (it != ids.end()) {
                result[size_t(it - ids.begin())] = std::move(item);
            } else {
                result.push_back(std::move(item));
                ids.push_back(std::move(id));
            }
        }
        v.items = std::move(result);
    }
    for (Value &item : v.items)
        dedupeLists(item, ctx, field, parentField, depth + 1);
}

} // namespace

Result<void> strategicMerge(Value &target, const Value &patch, const Gvk &gvk,
                            const std::set<std::string> &customMergeKeys, bool customSchemaKind)
{
    Ctx ctx{customSchemaKind || isBuiltinKind(gvk),
            customMergeKeys.empty() ? nullptr : &customMergeKeys};
    if (!patch.isMap())
        return fail(Error::Code::Syntax, tr("strategic merge patch is not a map"));
    if (auto r = mergeMap(target, patch, ctx, {}); !r)
        return r;
    dropNulls(target, ctx, {}, {}, false, 0);
    if (ctx.schema)
        dedupeLists(target, ctx, {}, {}, 0);
    return {};
}

} // namespace kanri::kustomize::detail

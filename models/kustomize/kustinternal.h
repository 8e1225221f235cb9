#pragma once

// Internal types of the native kustomize engine (not part of the public API).

#include "result.h"
#include "yamlvalue.h"

#include <QString>

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace kanri::kustomize::detail {

using yaml::MapEntry;
using yaml::Value;

struct Gvk
{
    std::string group, version, kind;
    static Gvk fromApiVersion(const std::string &apiVersion, const std::string &kind);
    std::string apiVersion() const { return group.empty() ? version : group + "/" + version; }
    // kustomize's Gvk.IsSelected: empty fields of the selector match anything.
    bool selectedBy(const Gvk &selector) const;
    bool operator==(const Gvk &) const = default;
};

struct ResId
{
    Gvk gvk;
    std::string name, ns;
    // kustomize's ResId.String(): Kind.version.group/name.namespace with [noGrp]/[noNs].
    std::string toString() const;
    bool isClusterScoped() const;
    bool nsEquals(const ResId &o) const;
    bool operator==(const ResId &) const = default;
};

bool isClusterScopedKind(const Gvk &gvk);

struct Resource
{
    Value obj;
    std::vector<ResId> prevIds; // oldest first; excludes the current id
    std::vector<std::string> prefixes, suffixes;
    bool needsHash = false;
    bool generated = false;
    std::string behavior; // generator behavior: create, merge, replace
    QString originFile;
    QString genConfiguredIn; // generated: the file that configured the generator
    std::string genKind, genName;
    std::vector<ResId> refBy;
    std::vector<std::string> refVarNames; // vars declared where this resource was in scope
    // buildMetadata transformerAnnotations: one YAML mapping (without the leading "- ") per
    // transformer that ran over this resource, oldest first.
    std::vector<std::string> transformations;

    Gvk gvk() const;
    std::string name() const { return obj.str({"metadata", "name"}); }
    std::string ns() const { return obj.str({"metadata", "namespace"}); }
    std::string kind() const { return obj.str({"kind"}); }
    ResId curId() const;
    ResId orgId() const { return prevIds.empty() ? curId() : prevIds.front(); }
    void storePrevId() { prevIds.push_back(curId()); }
    void setName(const std::string &n);
    void setNamespace(const std::string &n);
};

using ResList = std::vector<Resource>;

struct FieldSpec
{
    Gvk gvk;
    std::string path; // slash separated; `[]` marks sequences, `\/` escapes a slash
    bool create = false;
};

struct NameBackRef
{
    Gvk gvk;
    std::vector<FieldSpec> referrers;
};

struct TransformerConfig
{
    std::vector<FieldSpec> namePrefix, nameSuffix, nameSpace, commonLabels, labels, templateLabels,
        commonAnnotations, images, replicas, varReference;
    std::vector<NameBackRef> nameReference;
    static TransformerConfig defaults();
    void merge(const TransformerConfig &other);
};

Result<std::vector<FieldSpec>> parseFieldSpecs(const Value &seq);
Result<TransformerConfig> parseTransformerConfig(const Value &doc);
// kustomize's LoadConfigFromCRDs: field specs from OpenAPI definitions (`crds:` files).
TransformerConfig transformerConfigFromCrds(const Value &doc);

// Splits a field-spec path into segments (handles `\/`).
std::vector<std::string> splitPath(const std::string &path);

// Calls `fn` on each node found at `path` in `obj`, creating missing maps when `create`.
// `fn` receives the node; for create, a missing leaf is passed as a Null value that was added.
using NodeFn = std::function<Result<void>(Value &)>;
Result<void> applyFieldSpec(Value &obj, const FieldSpec &fs, const NodeFn &fn);
Result<void> walkPath(Value &node, const std::vector<std::string> &segs, size_t i, bool create,
                      const NodeFn &fn);

// Strategic merge patch of `patch` into `target` (kyaml merge2 semantics).
// `customSchemaKind`: the kind is described by the custom openapi schema (its list fields
// merge like the builtin types'). Lists of kinds without a schema are replaced.
Result<void> strategicMerge(Value &target, const Value &patch, const Gvk &gvk,
                            const std::set<std::string> &customMergeKeys = {},
                            bool customSchemaKind = false);
// RFC 6902 operations (a sequence of op maps).
Result<void> applyJsonPatch(Value &target, const Value &ops);

// Legacy resource ordering.
void legacySort(ResList &list, const std::vector<std::string> &orderFirst,
                const std::vector<std::string> &orderLast);
std::vector<std::string> defaultOrderFirst();
std::vector<std::string> defaultOrderLast();

// ConfigMap/Secret hash suffix as kustomize computes it.
std::string resourceHash(const Value &obj);

// JSON encoding of a value (Go encoding/json style, keys sorted by byte order).
std::string toJson(const Value &v);

} // namespace kanri::kustomize::detail

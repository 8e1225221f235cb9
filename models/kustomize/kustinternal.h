#pragma once

// Internal types of the native kustomize engine (not part of the public API).

#include "core/result.h"
#include "kustomize/renderer.h"
#include "yaml/yamlvalue.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>
#include <unordered_map>
#include <variant>

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
    // gvk().selectedBy(selector), read in place (field specs ask it of every resource).
    bool selectedBy(const Gvk &selector) const;
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
// The same on a resource, errors wrapped as kustomize wraps them ("considering field '...' of
// object ...").
Result<void> applyFieldSpec(Resource &r, const FieldSpec &fs, const NodeFn &fn);
// kyaml's "wrong node kind: expected MappingNode but got ScalarNode: node contents: ...".
Error wrongNodeKind(const char *expected, const Value &node);
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

// ---- small helpers shared by the stages (loader.cpp) ------------------------------------------

QString tr(const char *s);
inline QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
// "prefix: message", keeping the error's place.
Error wrap(const QString &prefix, Error e);
std::string lower(std::string s);
bool isRemote(const QString &p);
// The scalar items of a sequence (nulls skipped); empty when `v` is not a sequence.
std::vector<std::string> strList(const Value *v);
// The entries of a string map (a null value is ""); empty when `v` is not a map.
std::vector<std::pair<std::string, std::string>> strMap(const Value *v);

// ---- selectors (selectors.cpp) -----------------------------------------------------------------

// An anchored regular expression (Go's RE2 syntax) match; a plain name compares as text. A
// pattern Go's regexp refuses is an error.
Result<bool> regexFull(const std::string &pattern, const std::string &value);
// A Kubernetes label selector ("a=b,c!=d,e in (f,g),!h") against a labels map; a selector
// k8s.io/apimachinery's labels.Parse refuses is an error with its words.
Result<bool> matchLabelSelector(const std::string &selector, const Value *labels);
// kustomize's ResId.EffectiveNamespace.
std::string effectiveNamespace(const ResId &id);
// The regular expressions of a selector compile (kustomize compiles them before selecting).
Result<void> checkSelector(const Value &sel);
// kustomize's resWrangler.Select for a patch target selector.
Result<bool> selects(const Value &sel, const Resource &r);
bool idEquals(const ResId &a, const ResId &b);
bool matchesAnyId(const Resource &r, const ResId &id);

// ---- field paths of replacements and vars (replacements.cpp) -----------------------------------

// kyaml's SmarterPathSplitter and cleanPath: "a.[b.c=d].e\.f" -> a, [b.c=d], e.f; "[x.y]" is
// the key x.y; empty elements (".metadata.name") are dropped.
std::vector<std::string> splitFieldPath(const std::string &path);
// kyaml's PathGetter (Lookup, LookupCreate): the one node at `segs`, nullptr when missing.
// Numbers index sequences, "-" is the last element, "[k=v]" the first element whose k is v.
// With `create`, missing fields and elements are made (the last one of kind *create) and
// `created` says whether the leaf is new.
Result<Value *> pathGet(Value &root, const std::vector<std::string> &segs,
                        std::optional<Value::Type> create, bool *created = nullptr);
// kyaml's PathMatcher: every node at `segs`; in "[k=v]" v is a regular expression matched
// anywhere in the element's k, "*" is every element.
Result<void> pathMatch(Value &node, const std::vector<std::string> &segs, size_t i,
                       std::vector<Value *> &out);

// ---- the kustomization file (kustomization.cpp) -------------------------------------------------

// Decodes a kustomization document as kustomize does: strictly into its Go types (unknown
// fields and wrong types are errors), then refuses an empty one and a wrong kind or apiVersion.
// Returns the document with canonical field names. On a decoding error, `where` receives the
// path (keys and indices) of the offending node.
Result<Value> decodeKustomization(const Value &doc, const QString &root,
                                  std::vector<std::variant<std::string, int>> *where);

// ---- the build -------------------------------------------------------------------------------

struct Var
{
    std::string name;
    Gvk gvk;
    std::string objName, objNs;
    std::string fieldPath;
    QString dir;   // the kustomization that declares it
    int index = 0; // its item in that kustomization's vars
};

// kustomize's ResAccumulator: the resources, the transformer configuration and the vars of one
// kustomization (and of the components it includes).
struct Acc
{
    ResList res;
    // Copy-on-write: most kustomizations use kustomize's default field specs unchanged.
    std::shared_ptr<const TransformerConfig> tcp = defaultConfig();
    const TransformerConfig &tc() const { return *tcp; }
    void mergeConfig(const std::shared_ptr<const TransformerConfig> &other)
    {
        if (other == tcp || other == defaultConfig())
            return;
        auto copy = std::make_shared<TransformerConfig>(*tcp);
        copy->merge(*other);
        tcp = std::move(copy);
    }
    void mergeConfig(const TransformerConfig &other)
    {
        auto copy = std::make_shared<TransformerConfig>(*tcp);
        copy->merge(other);
        tcp = std::move(copy);
    }
    static const std::shared_ptr<const TransformerConfig> &defaultConfig()
    {
        static const std::shared_ptr<const TransformerConfig> d =
            std::make_shared<const TransformerConfig>(TransformerConfig::defaults());
        return d;
    }
    std::vector<Var> vars;
};

// What one stat says about a file on disk: while it is unchanged, so is the content.
struct FileSig
{
    qint64 dev = 0, ino = 0, size = -1, mtimeNs = 0, ctimeNs = 0;
    bool operator==(const FileSig &) const = default;
    bool valid() const { return size >= 0; }
    // Like git's "racy" entries: a file modified in the last seconds may change again within
    // the file system's timestamp granularity without its signature changing, so it is not
    // trusted on its signature alone.
    bool settled(qint64 nowNs) const { return valid() && mtimeNs < nowNs - 2'000'000'000LL; }
};

FileSig statFile(const QString &path, bool *exists, bool *isDir);

// Parsed files shared by all renders of one Renderer. A file on disk is re-read only when its
// stat signature changes; an overlay (unsaved) file is re-parsed only when its content hash
// changes. Inline YAML (patches, plugin configs) is keyed by its content.
struct ParseCache
{
    QMutex mutex;
    struct Entry
    {
        QByteArray hash;  // content hash (inline entries)
        FileSig sig;      // stat signature (disk entries)
        QByteArray bytes; // the raw content (a file's, parsed or read; shared, not copied)
        // Created non-const: a render that holds the only reference may splice an edit into
        // them (yaml::reparseEdited) instead of parsing the file again.
        std::shared_ptr<const std::vector<Value>> docs;
        std::shared_ptr<yaml::ParseIndex> index; // where the scalar values of `docs` are
        std::shared_ptr<const Value> decoded;    // a kustomization: the decoded document
    };
    std::unordered_map<std::string, Entry> cache;
};

// One `kustomize build`: the stages are implemented in the file named after them
// (loader.cpp, accumulator.cpp, generators.cpp, transformers.cpp, patches.cpp,
// replacements.cpp, namereferences.cpp, vars.cpp).
class Build
{
    Q_DECLARE_TR_FUNCTIONS(kanri::kustomize::detail::Build)

public:
    Build(ParseCache &p, const RenderOptions &o, const FileOverlay *ov, const std::atomic_bool *c)
        : priv(p)
        , opts(o)
        , overlay(ov)
        , cancel(c)
    {}

    QStringList warnings;
    std::string buildMetadataTop;
    const qint64 startNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000LL;

    // Loads and accumulates the kustomization in `dir`, adds hashes, fixes name references and
    // resolves vars (kustomize's makeCustomizedResMap). `topKust` receives the kustomization.
    Result<ResList> run(const QString &dir, Value &topKust);
    // The top kustomization's file (after run()).
    QString kustomizationFile() const
    {
        auto f = findKustomizationFile(topDir);
        return f ? *f : topDir;
    }
    // Every path looked at so far (RenderOutput::inputs).
    const QSet<QString> &inputs() const { return consulted; }

private:
    ParseCache &priv;
    RenderOptions opts;
    const FileOverlay *overlay;
    const std::atomic_bool *cancel;
    QSet<QString> warned;
    bool schemaSet = false;   // openapi: the first kustomization's choice wins
    bool trackOrigin = false; // buildMetadata set at the top: transformations are recorded
    QString topDir;
    std::set<std::string> schemaMergeKeys; // custom openapi merge keys "field=key"
    std::set<std::string> schemaKinds;     // "group/kind" the custom schema describes

    // Records on every resource that a transformer configured in `configuredIn` ran
    // (kustomize's AddTransformerAnnotation).
    void noteTransformer(Acc &acc, const QString &configuredIn, const std::string &apiVersion,
                         const std::string &kind, const std::string &name = {},
                         const std::string &ns = {});
    void noteBuiltin(Acc &acc, const QString &dir, const char *kind);

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void warn(const QString &w);

    // ---- loader.cpp: files, the parse cache, kustomization files
    // Per render, the file system is taken as still: existence and canonical paths are asked
    // once per path.
    struct StatInfo
    {
        bool exists = false, isDir = false, isLink = false;
        FileSig sig; // of what a link leads to
    };
    mutable QHash<QString, StatInfo> statCache;
    mutable QHash<QString, QString> canonicalCache; // per render: symlinks resolved once
    mutable QHash<QString, Result<QString>> kustFileCache;
    mutable QSet<QString> consulted; // every path asked about (RenderOutput::inputs)
    const StatInfo &statOf(const QString &path) const;
    bool exists(const QString &path, bool *isDir) const;
    Result<QByteArray> readRaw(const QString &path) const;
    // The path with symbolic links resolved. Directories are resolved once per render, so a
    // file costs one lstat unless it is itself a link.
    QString canonical(const QString &path) const;
    // Checks the load restrictor: `path` must be inside `root` (symlinks resolved).
    Result<QString> checkedPath(const QString &root, const QString &relOrAbs) const;
    // How a file is read: kyaml decoding to Go maps (go-yaml v3: resources; a key written twice
    // is an error), kyaml nodes (patches: the first of two equal keys counts), or
    // sigs.k8s.io/yaml (go-yaml v2, YAML 1.1, the last key counts: kustomizations).
    enum class Dialect { Kyaml, KyamlNodes, Yaml11 };
    Result<std::shared_ptr<const std::vector<Value>>>
    parseFile(const QString &path, Dialect dialect = Dialect::Kyaml) const;
    // Inline YAML (patches, plugin configs written in the kustomization) parsed through the
    // same cache, keyed by content.
    Result<std::vector<Value>> parseInline(const std::string &text,
                                           Dialect dialect = Dialect::Kyaml) const;
    Result<QString> findKustomizationFile(const QString &dir) const;
    Result<QString> findKustomizationFileUncached(const QString &dir) const;
    Result<Value> loadKustomization(const QString &dir);

    // The kustomization field (and item) being processed: an error that names no file is
    // placed there (file, line and column of the entry).
    struct Place
    {
        std::string field;
        int index = -1;
    };
    Place place;
    Error located(const QString &dir, Error e) const;

    // ---- accumulator.cpp
    Result<void> accumulate(const QString &dir, const Value &k, Acc &acc, bool isComponent);
    Result<void> accumulateStages(const QString &dir, const Value &k, Acc &acc);
    Result<void> accumulateResources(const QString &dir, const std::vector<std::string> &paths,
                                     Acc &acc, const char *field = "resources");
    Result<void> accumulateComponents(const QString &dir, const std::vector<std::string> &paths,
                                      Acc &acc);
    Result<void> accumulateFile(const QString &dir, const QString &rel, Acc &acc);
    Result<QString> newRoot(const QString &dir, const QString &rel);
    Result<void> accumulateDirectory(const QString &root, Acc &acc, bool isComponent);
    // The kustomization folders being visited, outermost first (symbolic links resolved): a
    // base or component that contains one of them is a cycle. Nesting is bounded.
    std::vector<QString> roots;
    static constexpr size_t maxDepth = 100;
    Result<void> appendResources(Acc &acc, ResList list);
    Result<ResList> resourcesFromFile(const QString &path);
    Result<void> loadOpenApi(const QString &dir, const Value &k);
    Result<void> mergeVars(const QString &dir, const Value &k, Acc &acc);

    // ---- generators.cpp
    Result<void> runGenerators(const QString &dir, const Value &k, Acc &acc);
    Result<void> addGenerated(Acc &acc, Resource r);
    Result<Resource> generate(const QString &dir, const Value &args, const std::string &kind,
                              const Value *options);
    // Entries of transformers:/generators:: file paths, folders or inline YAML.
    Result<std::vector<Value>> loadInlineOrFiles(const QString &dir, const Value &list,
                                                 std::vector<QString> *origins = nullptr);

    // ---- transformers.cpp
    Result<void> runTransformers(const QString &dir, const Value &k, Acc &acc);
    Result<void> applyBuiltin(const QString &dir, const Value &cfg, Acc &acc);

    // ---- patches.cpp
    Result<void> applyPatches(const QString &dir, const Value &patches, Acc &acc,
                              bool strategicOnly);
    Result<void> applyPatch(const Value &patchDocs, const Value *target, const Value *options,
                            Acc &acc);
    Result<void> applyJson6902(const QString &dir, const Value &entries, Acc &acc);
    Result<Value> readPatchContent(const QString &dir, const Value &entry, QString *origin,
                                   Dialect dialect = Dialect::KyamlNodes);

    // ---- replacements.cpp
    Result<void> applyReplacements(const QString &dir, const Value &list, Acc &acc);

    // ---- namereferences.cpp
    Result<void> fixNameRefs(Acc &acc);

    // ---- vars.cpp
    Result<void> resolveVars(Acc &acc);
};

} // namespace kanri::kustomize::detail

#include "kustomize/kustinternal.h"
#include "yaml/yamlemitter.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <variant>

// The kustomization file as kustomize reads it (types.Kustomization.Unmarshal, FixKustomization,
// CheckEmpty, EnforceFields): the YAML (1.1, go-yaml v2) becomes JSON and is decoded strictly
// into kustomize's Go types by encoding/json. Field names match case-insensitively, an unknown
// field or a value of the wrong JSON type is an error, the first in JSON order (keys sorted)
// being the one reported. The result is the same document with canonical field names, booleans
// and integers normalised, and null fields dropped.

namespace kanri::kustomize::detail {

namespace {

enum class T {
    Str,
    Bool,
    I64,
    Int,
    Any,        // interface{}: anything
    StrList,    // []string
    PsmList,    // []types.PatchStrategicMerge (strings)
    StrMap,     // map[string]string
    BoolMap,    // map[string]bool
    AnyMap,     // map[string]interface{}
    Obj,        // a struct value
    ObjPtr,     // a pointer to a struct
    ObjList,    // []Struct
    ObjPtrList, // []*Struct
};

struct Def;

struct F
{
    const char *name;
    T type;
    const Def *def = nullptr;
};

struct Def
{
    const char *goName; // for messages: Go struct field Image.images.name
    std::vector<F> fields;
};

// kustomize v5.5.0's api/types (inline structs flattened).
const Def objectMeta{
    "ObjectMeta",
    {{"name", T::Str}, {"namespace", T::Str}, {"labels", T::StrMap}, {"annotations", T::StrMap}}};
const Def fieldSpec{"FieldSpec",
                    {{"group", T::Str},
                     {"version", T::Str},
                     {"kind", T::Str},
                     {"path", T::Str},
                     {"create", T::Bool}}};
const Def label{"Label",
                {{"pairs", T::StrMap},
                 {"includeSelectors", T::Bool},
                 {"includeTemplates", T::Bool},
                 {"fields", T::ObjList, &fieldSpec}}};
const Def selector{"Selector",
                   {{"group", T::Str},
                    {"version", T::Str},
                    {"kind", T::Str},
                    {"name", T::Str},
                    {"namespace", T::Str},
                    {"annotationSelector", T::Str},
                    {"labelSelector", T::Str}}};
const Def patch{"Patch",
                {{"path", T::Str},
                 {"patch", T::Str},
                 {"target", T::ObjPtr, &selector},
                 {"options", T::BoolMap}}};
const Def image{"Image",
                {{"name", T::Str},
                 {"newName", T::Str},
                 {"newTag", T::Str},
                 {"tagSuffix", T::Str},
                 {"digest", T::Str}}};
const Def replica{"Replica", {{"name", T::Str}, {"count", T::I64}}};
const Def target{"Target",
                 {{"apiVersion", T::Str},
                  {"group", T::Str},
                  {"version", T::Str},
                  {"kind", T::Str},
                  {"name", T::Str},
                  {"namespace", T::Str}}};
const Def fieldSelector{"FieldSelector", {{"fieldPath", T::Str}}};
const Def var{
    "Var", {{"name", T::Str}, {"objref", T::Obj, &target}, {"fieldref", T::Obj, &fieldSelector}}};
const Def fieldOptions{
    "FieldOptions",
    {{"delimiter", T::Str}, {"index", T::Int}, {"encoding", T::Str}, {"create", T::Bool}}};
const Def sourceSelector{"SourceSelector",
                         {{"group", T::Str},
                          {"version", T::Str},
                          {"kind", T::Str},
                          {"name", T::Str},
                          {"namespace", T::Str},
                          {"fieldPath", T::Str},
                          {"options", T::ObjPtr, &fieldOptions}}};
const Def targetSelector{"TargetSelector",
                         {{"select", T::ObjPtr, &selector},
                          {"reject", T::ObjPtrList, &selector},
                          {"fieldPaths", T::StrList},
                          {"options", T::ObjPtr, &fieldOptions}}};
const Def replacementField{"ReplacementField",
                           {{"source", T::ObjPtr, &sourceSelector},
                            {"targets", T::ObjPtrList, &targetSelector},
                            {"path", T::Str}}};
const Def legacySortOptions{"LegacySortOptions",
                            {{"orderFirst", T::StrList}, {"orderLast", T::StrList}}};
const Def sortOptions{"SortOptions",
                      {{"order", T::Str}, {"legacySortOptions", T::ObjPtr, &legacySortOptions}}};
const Def generatorOptions{"GeneratorOptions",
                           {{"labels", T::StrMap},
                            {"annotations", T::StrMap},
                            {"disableNameSuffixHash", T::Bool},
                            {"immutable", T::Bool}}};
const Def configMapArgs{"ConfigMapArgs",
                        {{"namespace", T::Str},
                         {"name", T::Str},
                         {"behavior", T::Str},
                         {"literals", T::StrList},
                         {"files", T::StrList},
                         {"envs", T::StrList},
                         {"env", T::Str},
                         {"options", T::ObjPtr, &generatorOptions}}};
const Def secretArgs{"SecretArgs",
                     {{"namespace", T::Str},
                      {"name", T::Str},
                      {"behavior", T::Str},
                      {"literals", T::StrList},
                      {"files", T::StrList},
                      {"envs", T::StrList},
                      {"env", T::Str},
                      {"options", T::ObjPtr, &generatorOptions},
                      {"type", T::Str}}};
const Def helmGlobals{"HelmGlobals", {{"chartHome", T::Str}, {"configHome", T::Str}}};
const Def helmChart{"HelmChart",
                    {{"name", T::Str},
                     {"version", T::Str},
                     {"repo", T::Str},
                     {"releaseName", T::Str},
                     {"namespace", T::Str},
                     {"additionalValuesFiles", T::StrList},
                     {"valuesFile", T::Str},
                     {"valuesInline", T::AnyMap},
                     {"valuesMerge", T::Str},
                     {"includeCRDs", T::Bool},
                     {"skipHooks", T::Bool},
                     {"apiVersions", T::StrList},
                     {"kubeVersion", T::Str},
                     {"nameTemplate", T::Str},
                     {"skipTests", T::Bool},
                     {"debug", T::Bool}}};
const Def helmChartArgs{"HelmChartArgs",
                        {{"chartName", T::Str},
                         {"chartVersion", T::Str},
                         {"chartRepoUrl", T::Str},
                         {"chartHome", T::Str},
                         {"chartRepoName", T::Str},
                         {"helmBin", T::Str},
                         {"helmHome", T::Str},
                         {"values", T::Str},
                         {"valuesLocal", T::AnyMap},
                         {"valuesMerge", T::Str},
                         {"releaseName", T::Str},
                         {"releaseNamespace", T::Str},
                         {"extraArgs", T::StrList}}};
const Def kustomization{"Kustomization",
                        {{"apiVersion", T::Str},
                         {"kind", T::Str},
                         {"metadata", T::ObjPtr, &objectMeta},
                         {"openapi", T::StrMap},
                         {"namePrefix", T::Str},
                         {"nameSuffix", T::Str},
                         {"namespace", T::Str},
                         {"commonLabels", T::StrMap},
                         {"labels", T::ObjList, &label},
                         {"commonAnnotations", T::StrMap},
                         {"patchesStrategicMerge", T::PsmList},
                         {"patchesJson6902", T::ObjList, &patch},
                         {"patches", T::ObjList, &patch},
                         {"images", T::ObjList, &image},
                         {"imageTags", T::ObjList, &image},
                         {"replacements", T::ObjList, &replacementField},
                         {"replicas", T::ObjList, &replica},
                         {"vars", T::ObjList, &var},
                         {"sortOptions", T::ObjPtr, &sortOptions},
                         {"resources", T::StrList},
                         {"components", T::StrList},
                         {"crds", T::StrList},
                         {"bases", T::StrList},
                         {"configMapGenerator", T::ObjList, &configMapArgs},
                         {"secretGenerator", T::ObjList, &secretArgs},
                         {"helmGlobals", T::ObjPtr, &helmGlobals},
                         {"helmCharts", T::ObjList, &helmChart},
                         {"helmChartInflationGenerator", T::ObjList, &helmChartArgs},
                         {"generatorOptions", T::ObjPtr, &generatorOptions},
                         {"configurations", T::StrList},
                         {"generators", T::StrList},
                         {"transformers", T::StrList},
                         {"validators", T::StrList},
                         {"buildMetadata", T::StrList}}};

// The Go type a field decodes into, as encoding/json names it.
std::string goType(T t, const Def *def)
{
    const std::string d = def ? std::string("types.") + def->goName : std::string();
    switch (t) {
    case T::Str:
        return "string";
    case T::Bool:
        return "bool";
    case T::I64:
        return "int64";
    case T::Int:
        return "int";
    case T::Any:
        return "interface {}";
    case T::StrList:
        return "[]string";
    case T::PsmList:
        return "[]types.PatchStrategicMerge";
    case T::StrMap:
        return "map[string]string";
    case T::BoolMap:
        return "map[string]bool";
    case T::AnyMap:
        return "map[string]interface {}";
    case T::Obj:
    case T::ObjPtr:
        return d;
    case T::ObjList:
        return "[]" + d;
    case T::ObjPtrList:
        return "[]*" + d;
    }
    return {};
}

// The JSON kind of a value as encoding/json names it in errors.
const char *jsonKind(const Value &v)
{
    switch (v.type) {
    case Value::Type::Map:
        return "object";
    case Value::Type::Seq:
        return "array";
    case Value::Type::Bool:
        return "bool";
    case Value::Type::Int:
    case Value::Type::Float:
        return "number";
    case Value::Type::Null:
        return "null";
    default:
        return "string";
    }
}

bool isNumber(const Value &v)
{
    return v.type == Value::Type::Int || v.type == Value::Type::Float;
}

bool isInfOrNan(const Value &v)
{
    if (v.type != Value::Type::Float)
        return false;
    std::string t = v.text;
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
    return t.find("inf") != std::string::npos || t.find("nan") != std::string::npos;
}

// The first +Inf/-Inf/NaN of the document: JSON cannot hold it (YAMLToJSON fails first).
const Value *findInfOrNan(const Value &v, int depth = 0)
{
    if (depth > 400)
        return nullptr;
    if (isInfOrNan(v))
        return &v;
    for (const MapEntry &e : v.entries)
        if (const Value *x = findInfOrNan(e.value, depth + 1))
            return x;
    for (const Value &i : v.items)
        if (const Value *x = findInfOrNan(i, depth + 1))
            return x;
    return nullptr;
}

struct Decoder
{
    Q_DECLARE_TR_FUNCTIONS(kanri::kustomize::detail::Decoder)

public:
    // The failing node's path from the document root (keys and indices), for its place.
    std::vector<std::variant<std::string, int>> where;
    std::vector<std::variant<std::string, int>> path; // current path
    std::vector<std::string> fieldStack;              // JSON field names (Go's error path)

    Error typeError(const Value &v, const std::string &structName, T t, const Def *def,
                    const std::string &numberText = {})
    {
        return typeError(v, structName, goType(t, def), numberText);
    }
    Error typeError(const Value &v, const std::string &structName, const std::string &type,
                    const std::string &numberText = {})
    {
        where = path;
        std::string field;
        for (const std::string &f : fieldStack)
            field += (field.empty() ? "" : ".") + f;
        const std::string value =
            std::string(jsonKind(v)) + (numberText.empty() ? "" : " " + numberText);
        return Error{tr("json: cannot unmarshal %1 into Go struct field %2.%3 of type %4")
                         .arg(qs(value), qs(structName), qs(field), qs(type)),
                     {},
                     0,
                     0,
                     Error::Code::Syntax};
    }

    // A value of Go type `t` (an element or a map value uses the element's type).
    Result<Value> value(const Value &v, T t, const std::string &structName)
    {
        if (v.isNull() && t != T::Any)
            return v;
        switch (t) {
        case T::Str:
            if (v.isScalar() && !isNumber(v) && v.type != Value::Type::Bool)
                return Value::string(v.text);
            return std::unexpected(typeError(v, structName, T::Str, nullptr));
        case T::Bool:
            if (v.type == Value::Type::Bool) {
                const std::string l = lower(v.text);
                return Value::boolean(l == "true" || l == "y" || l == "yes" || l == "on");
            }
            return std::unexpected(typeError(v, structName, T::Bool, nullptr));
        case T::I64:
        case T::Int: {
            if (!isNumber(v))
                return std::unexpected(typeError(v, structName, t, nullptr));
            const std::string json = yaml::jsonScalarText(v);
            bool ok = !json.empty() && json.find_first_of(".eE") == std::string::npos;
            long long n = 0;
            if (ok) {
                errno = 0;
                char *end = nullptr;
                n = std::strtoll(json.c_str(), &end, 10);
                ok = errno == 0 && end && *end == '\0';
            }
            if (!ok)
                return std::unexpected(typeError(v, structName, t, nullptr, json));
            return Value::integer(n);
        }
        case T::Any:
            return v;
        case T::StrList:
        case T::PsmList:
        case T::ObjList:
        case T::ObjPtrList:
        case T::StrMap:
        case T::BoolMap:
        case T::AnyMap:
        case T::Obj:
        case T::ObjPtr:
            break;
        }
        return v;
    }

    Result<Value> field(const Value &v, const F &f, const std::string &structName)
    {
        if (v.isNull())
            return v;
        switch (f.type) {
        case T::Str:
        case T::Bool:
        case T::I64:
        case T::Int:
        case T::Any:
            return value(v, f.type, structName);
        case T::StrList:
        case T::PsmList: {
            if (!v.isSeq())
                return std::unexpected(typeError(v, structName, f.type, nullptr));
            Value out = Value::seq();
            out.items.reserve(v.items.size());
            for (size_t i = 0; i < v.items.size(); ++i) {
                path.emplace_back(int(i));
                const Value &item = v.items[i];
                if (item.isNull()) {
                    out.items.push_back(Value::string({}));
                } else if (item.isScalar() && !isNumber(item) && item.type != Value::Type::Bool) {
                    out.items.push_back(Value::string(item.text));
                } else {
                    return std::unexpected(typeError(item, structName,
                                                     f.type == T::PsmList
                                                         ? std::string("types.PatchStrategicMerge")
                                                         : std::string("string")));
                }
                path.pop_back();
            }
            return out;
        }
        case T::StrMap:
        case T::BoolMap:
        case T::AnyMap: {
            if (!v.isMap())
                return std::unexpected(typeError(v, structName, f.type, nullptr));
            if (f.type == T::AnyMap)
                return v;
            Value out = Value::map();
            for (const MapEntry *e : sorted(v)) {
                path.emplace_back(e->key);
                auto x = e->value.isNull()
                             ? Result<Value>(f.type == T::StrMap ? Value::string({})
                                                                 : Value::boolean(false))
                             : value(e->value, f.type == T::StrMap ? T::Str : T::Bool, structName);
                if (!x)
                    return x;
                out.set(e->key, std::move(*x));
                path.pop_back();
            }
            return out;
        }
        case T::Obj:
        case T::ObjPtr:
            if (!v.isMap())
                return std::unexpected(typeError(v, structName, f.type, f.def));
            return object(v, *f.def);
        case T::ObjList:
        case T::ObjPtrList: {
            if (!v.isSeq())
                return std::unexpected(typeError(v, structName, f.type, f.def));
            Value out = Value::seq();
            out.items.reserve(v.items.size());
            for (size_t i = 0; i < v.items.size(); ++i) {
                path.emplace_back(int(i));
                const Value &item = v.items[i];
                if (item.isNull()) {
                    // A null element: a zero struct, or a nil pointer.
                    out.items.push_back(f.type == T::ObjList ? Value::map() : Value());
                } else if (!item.isMap()) {
                    return std::unexpected(typeError(item, structName, T::Obj, f.def));

                } else {
                    auto x = object(item, *f.def);
                    if (!x)
                        return x;
                    out.items.push_back(std::move(*x));
                }
                path.pop_back();
            }
            return out;
        }
        }
        return v;
    }

    static std::vector<const MapEntry *> sorted(const Value &v)
    {
        std::vector<const MapEntry *> es;
        es.reserve(v.entries.size());
        for (const MapEntry &e : v.entries)
            es.push_back(&e);
        std::stable_sort(es.begin(), es.end(),
                         [](const MapEntry *a, const MapEntry *b) { return a->key < b->key; });
        return es;
    }

    Result<Value> object(const Value &v, const Def &def)
    {
        Value out = Value::map();
        for (const MapEntry *e : sorted(v)) {
            // encoding/json: an exact name first, then one that differs only in case.
            const F *f = nullptr;
            for (const F &x : def.fields)
                if (e->key == x.name) {
                    f = &x;
                    break;
                }
            if (!f) {
                const std::string l = lower(e->key);
                for (const F &x : def.fields)
                    if (l == lower(x.name)) {
                        f = &x;
                        break;
                    }
            }
            path.emplace_back(e->key);
            if (!f) {
                where = path;
                return fail(Error::Code::Syntax, tr("json: unknown field \"%1\"").arg(qs(e->key)));
            }
            fieldStack.push_back(f->name);
            auto x = field(e->value, *f, def.goName);
            if (!x)
                return x;
            fieldStack.pop_back();
            path.pop_back();
            if (x->isNull())
                out.remove(f->name);
            else
                out.set(f->name, std::move(*x));
        }
        return out;
    }
};

// kustomize's CheckEmpty after FixKustomization: every field but kind and apiVersion has its
// zero value (bases and imageTags only count when they are not empty: they are appended to
// resources and images).
bool isEmpty(const Value &k)
{
    for (const MapEntry &e : k.entries) {
        if (e.key == "apiVersion" || e.key == "kind")
            continue;
        const Value &v = e.value;
        if (e.key == "bases" || e.key == "imageTags") {
            if (v.isSeq() && !v.items.empty())
                return false;
            continue;
        }
        if (v.isNull())
            continue;
        if (v.isString() && v.text.empty())
            continue;
        if (v.type == Value::Type::Bool && v.text == "false")
            continue;
        return false;
    }
    return true;
}

} // namespace

Result<Value> decodeKustomization(const Value &doc, const QString &root,
                                  std::vector<std::variant<std::string, int>> *where)
{
    auto invalid = [](Error e) {
        e.message = QStringLiteral("invalid Kustomization: ") + e.message;
        return std::unexpected(e);
    };
    if (const Value *bad = findInfOrNan(doc)) {
        const bool nan = lower(bad->text).find("nan") != std::string::npos;
        const bool negative = !bad->text.empty() && bad->text[0] == '-';
        return invalid(Error{tr("json: unsupported value: %1")
                                 .arg(nan        ? QStringLiteral("NaN")
                                      : negative ? QStringLiteral("-Inf")
                                                 : QStringLiteral("+Inf")),
                             {},
                             0,
                             0,
                             Error::Code::Syntax});
    }
    if (doc.isNull())
        return fail(Error::Code::Syntax, tr("kustomization.yaml is empty"));
    if (!doc.isMap())
        return invalid(Error{tr("json: cannot unmarshal %1 into Go value of type "
                                "types.Kustomization")
                                 .arg(QLatin1String(jsonKind(doc))),
                             {},
                             0,
                             0,
                             Error::Code::Syntax});
    Decoder d;
    auto k = d.object(doc, kustomization);
    if (!k) {
        if (where)
            *where = d.where;
        return invalid(k.error());
    }
    if (isEmpty(*k))
        return fail(Error::Code::Syntax, tr("kustomization.yaml is empty"));
    // EnforceFields, after FixKustomization defaulted kind and apiVersion.
    std::string kind = k->str({"kind"});
    if (kind.empty())
        kind = "Kustomization";
    const std::string apiVersion = k->str({"apiVersion"});
    QStringList errs;
    if (kind != "Kustomization" && kind != "Component")
        errs << tr("kind should be Kustomization or Component");
    const std::string required = kind == "Component" ? "kustomize.config.k8s.io/v1alpha1"
                                                     : "kustomize.config.k8s.io/v1beta1";
    if (!apiVersion.empty() && apiVersion != required)
        errs << tr("apiVersion for %1 should be %2").arg(qs(kind), qs(required));
    if (!errs.isEmpty()) {
        // Placed at the offending kind (or apiVersion) as the file spells the key.
        const std::string field =
            (kind != "Kustomization" && kind != "Component") ? "kind" : "apiVersion";
        if (where)
            for (const MapEntry &e : doc.entries)
                if (lower(e.key) == lower(field))
                    *where = {e.key};
        return fail(Error::Code::Syntax, tr("Failed to read kustomization file under %1:\n%2")
                                             .arg(root, errs.join(QLatin1Char('\n'))));
    }
    return k;
}

} // namespace kanri::kustomize::detail

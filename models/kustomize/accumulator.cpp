#include "kustomize/kustinternal.h"

#include <QDir>
#include <functional>

// Accumulation: a kustomization's resources, bases and components gathered into one
// accumulator, with its configurations, CRDs and vars (kustomize's KustTarget.accumulateTarget
// and api/internal/accumulator); Build::run is kustomize's makeCustomizedResMap.

namespace kanri::kustomize::detail {

Result<void> Build::appendResources(Acc &acc, ResList list)
{
    // Two resources with one id have one name: the names are compared in place first, and
    // only a resource of the same name has its whole id made (resources arrive a file at a
    // time, so an id per pair would make accumulation quadratic in id allocations).
    const auto nameOf = [](const Resource &r) -> std::string_view {
        const Value *v = r.obj.at({"metadata", "name"});
        return v && v->isScalar() && !v->isNull() ? std::string_view(v->text) : std::string_view();
    };
    for (Resource &r : list) {
        const ResId id = r.curId();
        for (const Resource &e : acc.res)
            if (nameOf(e) == id.name && idEquals(e.curId(), id))
                return fail(Error::Code::Conflict,
                            tr("may not add resource with an already registered id: %1")
                                .arg(qs(id.toString())));
        acc.res.push_back(std::move(r));
    }
    return {};
}

Result<ResList> Build::resourcesFromFile(const QString &path)
{
    auto docs = parseFile(path);
    if (!docs) {
        Error e = docs.error();
        if (e.code == Error::Code::Syntax)
            e.message = QStringLiteral("MalformedYAMLError: yaml: ") + e.message;
        return std::unexpected(e);
    }
    ResList out;
    // kyaml's ResourceMeta as Go's %v prints it: {{apiVersion kind} {{name namespace} labels
    // annotations}}.
    auto meta = [](const Value &d) {
        auto goMap = [](const Value *m) {
            QStringList kv;
            if (m && m->isMap())
                for (const MapEntry &e : m->entries)
                    kv << qs(e.key + ":" + (e.value.isScalar() ? e.value.text : std::string()));
            kv.sort();
            return QStringLiteral("map[%1]").arg(kv.join(QLatin1Char(' ')));
        };
        return QStringLiteral("{{%1 %2} {{%3 %4} %5 %6}}")
            .arg(qs(d.str({"apiVersion"})), qs(d.str({"kind"})), qs(d.str({"metadata", "name"})),
                 qs(d.str({"metadata", "namespace"})), goMap(d.at({"metadata", "labels"})),
                 goMap(d.at({"metadata", "annotations"})));
    };
    std::function<Result<void>(const Value &)> add = [&](const Value &d) -> Result<void> {
        if (d.isNull() || (d.isMap() && d.entries.empty()))
            return {};
        if (!d.isMap())
            return failAt(Error::Code::Syntax, tr("missing Resource metadata"), path);
        const std::string kind = d.str({"kind"});
        if (const Value *items = d.get("items");
            kind.ends_with("List") && items && items->isSeq()) {
            for (const Value &i : items->items)
                if (auto r = add(i); !r)
                    return r;
            return {};
        }
        if (kind.empty())
            return failAt(Error::Code::Syntax, tr("missing kind in object %1").arg(meta(d)), path);
        if (!kind.ends_with("List") && d.str({"metadata", "name"}).empty())
            return failAt(Error::Code::Syntax,
                          tr("missing metadata.name in object %1").arg(meta(d)), path);
        Resource r;
        r.obj = d;
        r.originFile = path;
        // Annotations are a string map in kustomize's resource model (labels keep their
        // types: kustomize prints `a: 1` back as it was).
        if (Value *meta = r.obj.get("metadata"); meta && meta->isMap())
            if (Value *m = meta->get("annotations"); m && m->isMap())
                for (MapEntry &e : m->entries)
                    if (e.value.isScalar() && !e.value.isString())
                        e.value = Value::string(e.value.isNull() ? std::string() : e.value.text);
        out.push_back(std::move(r));
        return {};
    };
    for (const Value &d : **docs)
        if (auto r = add(d); !r)
            return std::unexpected(r.error());
    return out;
}

namespace {

// Go's %q: a double-quoted string with Go escapes.
QString goQuote(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"':
            out += QStringLiteral("\\\"");
            break;
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        case '\r':
            out += QStringLiteral("\\r");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

Error prefixed(const QString &prefix, Error e)
{
    e.message = prefix + e.message;
    return e;
}

} // namespace

// kustomize's accumulateFile: the resources of one file, read through the load restrictor.
Result<void> Build::accumulateFile(const QString &dir, const QString &rel, Acc &acc)
{
    auto fromFile = [&]() -> Result<ResList> {
        const QString abs = QDir::cleanPath(QDir(dir).absoluteFilePath(rel));
        bool isDir = false;
        const bool there = exists(abs, &isDir);
        if (opts.loadRestrictor == LoadRestrictor::RootOnly) {
            // RestrictionRootOnly: the path must exist (symbolic links resolved), be a file
            // and lie in or below the kustomization's folder.
            if (!there)
                return fail(Error::Code::NotFound,
                            tr("evalsymlink failure on '%1' : lstat %1: no such file or directory")
                                .arg(abs));
            if (isDir)
                return fail(Error::Code::NotFound,
                            tr("'%1' must resolve to a file").arg(canonical(abs)));
            auto checked = checkedPath(dir, rel);
            if (!checked)
                return std::unexpected(checked.error());
        } else {
            if (!there)
                return fail(Error::Code::NotFound,
                            tr("open %1: no such file or directory").arg(abs));
            if (isDir)
                return fail(Error::Code::NotFound, tr("read %1: is a directory").arg(abs));
        }
        return resourcesFromFile(abs);
    };
    auto list = fromFile();
    if (!list)
        return std::unexpected(
            prefixed(tr("accumulating resources from '%1': ").arg(rel), list.error()));
    if (auto r = appendResources(acc, std::move(*list)); !r)
        return std::unexpected(prefixed(tr("merging resources from '%1': ").arg(rel), r.error()));
    return {};
}

// kustomize's FileLoader.New: the folder of a base or component, which must not contain a
// folder being visited (a cycle).
Result<QString> Build::newRoot(const QString &dir, const QString &rel)
{
    if (rel.isEmpty())
        return fail(Error::Code::NotFound, tr("new root cannot be empty"));
    if (QDir::isAbsolutePath(rel))
        return fail(Error::Code::Unsupported, tr("new root '%1' cannot be absolute").arg(rel));
    const QString abs = QDir::cleanPath(QDir(dir).absoluteFilePath(rel));
    bool isDir = false;
    if (!exists(abs, &isDir))
        return fail(Error::Code::NotFound,
                    tr("must build at directory: not a valid directory: evalsymlink failure on "
                       "'%1' : lstat %1: no such file or directory")
                        .arg(abs));
    if (!isDir)
        return fail(Error::Code::NotFound,
                    tr("must build at directory: '%1': file is not directory").arg(abs));
    const QString real = canonical(abs);
    for (auto it = roots.rbegin(); it != roots.rend(); ++it)
        if (*it == real || real == QLatin1String("/") || it->startsWith(real + QLatin1Char('/')))
            return fail(Error::Code::Rejected,
                        tr("cycle detected: candidate root '%1' contains visited root '%2'")
                            .arg(real, *it));
    if (roots.size() >= maxDepth)
        return fail(Error::Code::Rejected,
                    tr("kustomizations are nested more than %1 levels deep at '%2'")
                        .arg(maxDepth)
                        .arg(abs));
    return abs;
}

// kustomize's accumulateDirectory: a base (its own accumulator, merged into acc) or a component
// (applied to acc itself).
Result<void> Build::accumulateDirectory(const QString &root, Acc &acc, bool isComponent)
{
    auto sub = loadKustomization(root);
    if (!sub)
        return std::unexpected(
            prefixed(tr("couldn't make target for path '%1': ").arg(root), sub.error()));
    const std::string kind = sub->str({"kind"});
    if (isComponent && kind != "Component")
        return fail(Error::Code::Syntax,
                    tr("expected kind 'Component' for path '%1' but got '%2'")
                        .arg(root, kind.empty() ? QStringLiteral("Kustomization") : qs(kind)));
    if (!isComponent && kind == "Component")
        return fail(Error::Code::Syntax,
                    tr("expected kind != 'Component' for path '%1'").arg(root));
    roots.push_back(canonical(root));
    struct Pop
    {
        std::vector<QString> &r;
        Place &place;
        Place saved;
        ~Pop()
        {
            r.pop_back();
            place = saved;
        }
    } pop{roots, place, place};
    if (isComponent) {
        if (auto r = accumulate(root, *sub, acc, true); !r)
            return std::unexpected(
                prefixed(tr("recursed accumulation of path '%1': ").arg(root), r.error()));
        return {};
    }
    Acc subAcc;
    if (auto r = accumulate(root, *sub, subAcc, false); !r)
        return std::unexpected(
            prefixed(tr("recursed accumulation of path '%1': ").arg(root), r.error()));
    auto merged = [&]() -> Result<void> {
        if (auto r = appendResources(acc, std::move(subAcc.res)); !r)
            return r;
        acc.mergeConfig(subAcc.tcp);
        for (Var &v : subAcc.vars) {
            for (const Var &e : acc.vars)
                if (e.name == v.name)
                    return fail(Error::Code::Conflict,
                                tr("var '%1' already encountered").arg(qs(v.name)));
            acc.vars.push_back(std::move(v));
        }
        return {};
    }();
    if (!merged)
        return std::unexpected(
            prefixed(tr("recursed merging from path '%1': ").arg(root), merged.error()));
    return {};
}

// kustomize's accumulateResources: each entry is a file of resources, or else a folder with a
// kustomization.
Result<void> Build::accumulateResources(const QString &dir, const std::vector<std::string> &paths,
                                        Acc &acc, const char *field)
{
    for (size_t i = 0; i < paths.size(); ++i) {
        const std::string &p = paths[i];
        place = {field, int(i)};
        if (cancelled())
            return fail(Error::Code::Cancelled, tr("cancelled"));
        const QString rel = qs(p);
        if (isRemote(rel))
            return fail(Error::Code::Unsupported,
                        tr("remote resource '%1' is not supported: Kanri renders local files only")
                            .arg(rel));
        // A folder (a base) fails as a file first; its message is only needed if the folder
        // fails too, so the common case builds none.
        const QString abs = QDir::cleanPath(QDir(dir).absoluteFilePath(rel));
        bool isDir = false;
        const bool folder = exists(abs, &isDir) && isDir;
        Result<void> errF = folder ? Result<void>{} : accumulateFile(dir, rel, acc);
        if (!folder && errF)
            continue;
        auto fileError = [&]() -> Error {
            if (!folder)
                return errF.error();
            return accumulateFile(dir, rel, acc).error();
        };
        auto root = newRoot(dir, rel);
        if (!root) {
            const Error f = fileError();
            if (f.message.contains(QLatin1String("MalformedYAMLError")))
                return std::unexpected(f);
            return std::unexpected(
                prefixed(tr("accumulation err='%1': ").arg(f.message), root.error()));
        }
        if (auto r = accumulateDirectory(*root, acc, false); !r)
            return std::unexpected(
                prefixed(tr("accumulation err='%1': ").arg(fileError().message), r.error()));
    }
    return {};
}

// kustomize's accumulateComponents: each entry is a folder with a Component.
Result<void> Build::accumulateComponents(const QString &dir, const std::vector<std::string> &paths,
                                         Acc &acc)
{
    for (size_t i = 0; i < paths.size(); ++i) {
        const std::string &p = paths[i];
        place = {"components", int(i)};
        if (cancelled())
            return fail(Error::Code::Cancelled, tr("cancelled"));
        const QString rel = qs(p);
        if (isRemote(rel))
            return fail(Error::Code::Unsupported,
                        tr("remote component '%1' is not supported: Kanri renders local files "
                           "only")
                            .arg(rel));
        auto root = newRoot(dir, rel);
        if (!root) {
            Error e = root.error();
            e.message = tr("loader.New %1").arg(goQuote(e.message));
            return std::unexpected(e);
        }
        if (auto r = accumulateDirectory(*root, acc, true); !r) {
            Error e = r.error();
            e.message = tr("accumulateDirectory: %1").arg(goQuote(e.message));
            return std::unexpected(e);
        }
    }
    return {};
}

Result<void> Build::loadOpenApi(const QString &dir, const Value &k)
{
    // openapi: kustomize keeps one schema per build, the first one a kustomization sets (the
    // top-level one first): an overlay's choice takes precedence over its bases'.
    if (const Value *oa = k.get("openapi"); oa && oa->isMap() && !schemaSet) {
        const std::string path = oa->str({"path"});
        if (!path.empty()) {
            if (oa->get("version"))
                return fail(Error::Code::Syntax,
                            tr("builtin version and custom schema provided, cannot use both"));
            auto p = checkedPath(dir, qs(path));
            if (!p)
                return std::unexpected(p.error());
            auto docs = parseFile(*p);
            if (!docs)
                return std::unexpected(docs.error());
            std::function<void(const Value &, const std::string &, int)> scan =
                [&](const Value &v, const std::string &field, int depth) {
                    if (depth > 200)
                        return;
                    if (v.isMap()) {
                        if (const Value *mk = v.get("x-kubernetes-patch-merge-key"))
                            schemaMergeKeys.insert(field + "=" + mk->text);
                        if (const Value *gvks = v.get("x-kubernetes-group-version-kind");
                            gvks && gvks->isSeq())
                            for (const Value &g : gvks->items)
                                schemaKinds.insert(g.str({"group"}) + "/" + g.str({"kind"}));
                        for (const MapEntry &e : v.entries) {
                            const std::string f =
                                (field.empty() || e.key != "items") ? e.key : field;
                            scan(e.value,
                                 e.key == "properties" || e.key == "items" || e.key == "definitions"
                                     ? field
                                     : f,
                                 depth + 1);
                        }
                    } else if (v.isSeq()) {
                        for (const Value &i : v.items)
                            scan(i, field, depth + 1);
                    }
                };
            for (const Value &d : **docs)
                scan(d, {}, 0);
            schemaSet = true;
        } else if (!oa->str({"version"}).empty()) {
            schemaSet = true; // a builtin Kubernetes version: no custom merge keys
        }
    }
    return {};
}

Result<void> Build::accumulate(const QString &dir, const Value &k, Acc &acc, bool isComponent)
{
    Q_UNUSED(isComponent);
    // A nested kustomization has places of its own; the caller's is restored after.
    const Place saved = place;
    place = {};
    auto r = accumulateStages(dir, k, acc);
    if (!r)
        r = std::unexpected(located(dir, r.error()));
    place = saved;
    return r;
}

Result<void> Build::accumulateStages(const QString &dir, const Value &k, Acc &acc)
{
    for (const char *unsupported : {"helmCharts", "helmGlobals", "helmChartInflationGenerator"})
        if (k.get(unsupported)) {
            place = {unsupported, -1};
            return fail(Error::Code::Unsupported,
                        tr("'%1' is not supported: Kanri does not run helm").arg(qs(unsupported)));
        }
    if (k.get("commonLabels"))
        warn(tr("# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. Run "
                "'kustomize edit fix' to update your Kustomization automatically."));
    if (k.get("patchesStrategicMerge"))
        warn(tr("# Warning: 'patchesStrategicMerge' is deprecated. Please use 'patches' instead. "
                "Run 'kustomize edit fix' to update your Kustomization automatically."));
    if (k.get("patchesJson6902"))
        warn(tr("# Warning: 'patchesJson6902' is deprecated. Please use 'patches' instead. Run "
                "'kustomize edit fix' to update your Kustomization automatically."));
    if (k.get("vars"))
        warn(tr("# Warning: 'vars' is deprecated. Please use 'replacements' instead. "
                "[EXPERIMENTAL] Run 'kustomize edit fix' to update your Kustomization "
                "automatically."));
    if (k.get("bases"))
        warn(tr("# Warning: 'bases' is deprecated. Please use 'resources' instead. Run "
                "'kustomize edit fix' to update your Kustomization automatically."));

    place = {"openapi", -1};
    if (auto r = loadOpenApi(dir, k); !r)
        return r;

    // bases come after resources (kustomize appends them).
    if (auto r = accumulateResources(dir, strList(k.get("resources")), acc, "resources"); !r)
        return std::unexpected(prefixed(tr("accumulating resources: "), r.error()));
    if (auto r = accumulateResources(dir, strList(k.get("bases")), acc, "bases"); !r)
        return std::unexpected(prefixed(tr("accumulating resources: "), r.error()));

    // configurations and crds
    const std::vector<std::string> configurations = strList(k.get("configurations"));
    for (size_t ci = 0; ci < configurations.size(); ++ci) {
        const std::string &c = configurations[ci];
        place = {"configurations", int(ci)};
        auto p = checkedPath(dir, qs(c));
        if (!p)
            return std::unexpected(p.error());
        auto docs = parseFile(*p);
        if (!docs)
            return std::unexpected(docs.error());
        for (const Value &d : **docs) {
            auto tc = parseTransformerConfig(d);
            if (!tc)
                return std::unexpected(tc.error());
            acc.mergeConfig(*tc);
        }
    }
    const std::vector<std::string> crds = strList(k.get("crds"));
    for (size_t ci = 0; ci < crds.size(); ++ci) {
        const std::string &c = crds[ci];
        place = {"crds", int(ci)};
        auto p = checkedPath(dir, qs(c));
        if (!p)
            return std::unexpected(p.error());
        // kustomize reads the file as a map of OpenAPI definitions (its first document): a
        // CustomResourceDefinition manifest is not one.
        auto docs = parseFile(*p, Dialect::Yaml11);
        if (!docs)
            return std::unexpected(wrap(tr("loading CRDs"), docs.error()));
        if ((*docs)->empty())
            continue;
        const Value &d = (*docs)->front();
        auto bad = [&](const Value &v, const QString &type) {
            return fail(Error::Code::Syntax,
                        tr("loading CRDs: unable to parse open API definition from '%1': json: "
                           "cannot unmarshal %2 into Go value of type %3")
                            .arg(qs(c),
                                 v.isSeq()                     ? QStringLiteral("array")
                                 : v.isString()                ? QStringLiteral("string")
                                 : v.type == Value::Type::Bool ? QStringLiteral("bool")
                                                               : QStringLiteral("number"),
                                 type));
        };
        if (!d.isNull() && !d.isMap())
            return bad(d, QStringLiteral("map[string]accumulator.OpenAPIDefinition"));
        for (const MapEntry &e : d.entries)
            if (!e.value.isNull() && !e.value.isMap())
                return bad(e.value, QStringLiteral("accumulator.OpenAPIDefinition"));
        acc.mergeConfig(transformerConfigFromCrds(d));
    }
    if (auto r = runGenerators(dir, k, acc); !r)
        return r;
    if (auto r = accumulateComponents(dir, strList(k.get("components")), acc); !r)
        return std::unexpected(prefixed(tr("accumulating components: "), r.error()));
    if (auto r = runTransformers(dir, k, acc); !r)
        return r;

    return mergeVars(dir, k, acc);
}

// kustomize's ResAccumulator.MergeVars: each var is bound to the one resource it names among
// this level's resources.
Result<void> Build::mergeVars(const QString &dir, const Value &k, Acc &acc)
{
    if (const Value *vars = k.get("vars"); vars && vars->isSeq()) {
        for (size_t vi = 0; vi < vars->items.size(); ++vi) {
            const Value &v = vars->items[vi];
            place = {"vars", int(vi)};
            Var var;
            var.name = v.str({"name"});
            const std::string apiVersion = v.str({"objref", "apiVersion"});
            var.gvk = Gvk::fromApiVersion(apiVersion, v.str({"objref", "kind"}));
            if (apiVersion.empty()) {
                var.gvk.group = v.str({"objref", "group"});
                var.gvk.version = v.str({"objref", "version"});
            }
            var.objName = v.str({"objref", "name"});
            var.objNs = v.str({"objref", "namespace"});
            var.fieldPath = v.str({"fieldref", "fieldPath"});
            var.dir = dir;
            var.index = int(vi);
            if (var.fieldPath.empty())
                var.fieldPath = "metadata.name";
            for (const Var &e : acc.vars)
                if (e.name == var.name)
                    return fail(Error::Code::Conflict,
                                tr("var '%1' already encountered").arg(qs(var.name)));
            // Bind the var to the one resource it names among this level's resources: by the
            // resource's original id, the GVK exactly, the namespace only when the var gives one
            // or the kind is cluster-scoped (kustomize's MergeVars).
            const ResId want{var.gvk, var.objName, var.objNs};
            const bool withNs = !var.objNs.empty() || want.isClusterScoped();
            std::vector<Resource *> matched;
            for (Resource &r : acc.res) {
                const ResId org = r.orgId();
                if (org.gvk == want.gvk && org.name == want.name && (!withNs || org.nsEquals(want)))
                    matched.push_back(&r);
            }
            if (matched.size() > 1) {
                const std::string id = ResId{var.gvk, {}, {}}.toString();
                return fail(
                    Error::Code::Conflict,
                    tr("found %1 resId matches for var {%2 %3 {%4}} (unable to "
                       "disambiguate)")
                        .arg(matched.size())
                        .arg(qs(var.name), qs(id.substr(0, id.find('/'))), qs(var.fieldPath)));
            }
            if (matched.size() == 1)
                matched[0]->refVarNames.push_back(var.name);
            acc.vars.push_back(std::move(var));
        }
    }
    return {};
}

Result<ResList> Build::run(const QString &dir, Value &topKust)
{
    auto k = loadKustomization(dir);
    if (!k)
        return std::unexpected(k.error());
    topKust = *k;
    topDir = dir;
    roots = {canonical(dir)};
    if (const Value *bm = k->get("buildMetadata"); bm && bm->isSeq() && !bm->items.empty())
        trackOrigin = true;
    Acc acc;
    if (auto r = accumulate(dir, *k, acc, false); !r)
        return std::unexpected(r.error());
    // hashes
    for (Resource &r : acc.res) {
        if (!r.needsHash)
            continue;
        const std::string h = resourceHash(r.obj);
        r.storePrevId();
        r.setName(r.name() + "-" + h);
    }
    if (auto r = fixNameRefs(acc); !r)
        return std::unexpected(r.error());
    if (auto r = resolveVars(acc); !r)
        return std::unexpected(r.error());
    ResList out;
    for (Resource &r : acc.res) {
        const Value *ann = r.obj.at({"metadata", "annotations"});
        if (ann) {
            const Value *lc = ann->get("config.kubernetes.io/local-config");
            if (lc && lc->text == "true")
                continue;
        }
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace kanri::kustomize::detail

#include "kustinternal.h"

#include <QDir>
#include <functional>

// Accumulation: a kustomization's resources, bases and components gathered into one
// accumulator, with its configurations, CRDs and vars (kustomize's KustTarget.accumulateTarget
// and api/internal/accumulator); Build::run is kustomize's makeCustomizedResMap.

namespace kanri::kustomize::detail {

Result<void> Build::appendResources(Acc &acc, ResList list)
{
    for (Resource &r : list) {
        const ResId id = r.curId();
        for (const Resource &e : acc.res)
            if (idEquals(e.curId(), id))
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
    if (!docs)
        return std::unexpected(docs.error());
    ResList out;
    std::function<Result<void>(const Value &)> add = [&](const Value &d) -> Result<void> {
        if (d.isNull() || (d.isMap() && d.entries.empty()))
            return {};
        if (!d.isMap())
            return fail(Error::Code::Syntax,
                        tr("MalformedYAMLError: resource in %1 is not a map").arg(path));
        const std::string kind = d.str({"kind"});
        if (const Value *items = d.get("items");
            kind.ends_with("List") && items && items->isSeq()) {
            for (const Value &i : items->items)
                if (auto r = add(i); !r)
                    return r;
            return {};
        }
        if (kind.empty())
            return fail(Error::Code::Syntax, tr("missing kind in object in %1").arg(path));
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

Result<void> Build::accumulateResources(const QString &dir, const std::vector<std::string> &paths,
                                        Acc &acc, bool components)
{
    for (const std::string &p : paths) {
        if (cancelled())
            return fail(Error::Code::Cancelled, tr("cancelled"));
        const QString rel = qs(p);
        if (isRemote(rel))
            return fail(Error::Code::Unsupported,
                        tr("accumulating resources: remote resource '%1' is not supported: Kanri "
                           "renders local files only")
                            .arg(rel));
        const QString abs = QDir::cleanPath(QDir(dir).absoluteFilePath(rel));
        bool isDir = false;
        if (!exists(abs, &isDir))
            return fail(Error::Code::NotFound,
                        tr("accumulating resources: accumulation err='accumulating resources "
                           "from '%1': open %2: no such file or directory': must build at "
                           "directory: not a valid directory: evalsymlink failure on '%2' : lstat "
                           "%2: no such file or directory")
                            .arg(rel, abs));
        if (isDir) {
            auto sub = loadKustomization(abs);
            if (!sub)
                return std::unexpected(wrap(tr("accumulating resources"), sub.error()));
            const std::string kind = sub->str({"kind"});
            if (components) {
                if (kind != "Component")
                    return fail(
                        Error::Code::Syntax,
                        tr("accumulating components: accumulateDirectory: \"expected "
                           "kind 'Component' for path '%1' but got '%2'")
                            .arg(abs, kind.empty() ? QStringLiteral("Kustomization") : qs(kind)));
                if (sub->str({"apiVersion"}) != "kustomize.config.k8s.io/v1alpha1" &&
                    !sub->str({"apiVersion"}).empty())
                    return fail(Error::Code::Syntax, tr("apiVersion for Component should be "
                                                        "kustomize.config.k8s.io/v1alpha1"));
                if (auto r = accumulate(abs, *sub, acc, true); !r)
                    return r;
                continue;
            }
            if (kind == "Component")
                return fail(Error::Code::Syntax,
                            tr("accumulating resources: expected kind != 'Component' for path "
                               "'%1'")
                                .arg(abs));
            Acc subAcc;
            if (auto r = accumulate(abs, *sub, subAcc, false); !r)
                return std::unexpected(wrap(tr("accumulating resources"), r.error()));
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
            continue;
        }
        if (components)
            return fail(Error::Code::Syntax,
                        tr("accumulating components: '%1' is not a directory").arg(abs));
        auto checked = checkedPath(dir, rel);
        if (!checked)
            return std::unexpected(wrap(tr("accumulating resources"), checked.error()));
        auto list = resourcesFromFile(abs);
        if (!list) {
            Error e = list.error();
            if (e.code == Error::Code::Syntax)
                e.message = QStringLiteral("MalformedYAMLError: ") + e.message;
            return std::unexpected(
                wrap(tr("accumulating resources: accumulating resources from '%1'").arg(rel), e));
        }
        if (auto r = appendResources(acc, std::move(*list)); !r)
            return std::unexpected(wrap(tr("accumulating resources"), r.error()));
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
    for (const char *unsupported : {"helmCharts", "helmGlobals", "helmChartInflationGenerator"})
        if (k.get(unsupported))
            return fail(Error::Code::Unsupported,
                        tr("'%1' is not supported: Kanri does not run helm").arg(qs(unsupported)));
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

    if (auto r = loadOpenApi(dir, k); !r)
        return r;

    std::vector<std::string> resources = strList(k.get("resources"));
    for (const std::string &b : strList(k.get("bases")))
        resources.push_back(b);
    if (auto r = accumulateResources(dir, resources, acc, false); !r)
        return r;

    // configurations and crds
    for (const std::string &c : strList(k.get("configurations"))) {
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
    for (const std::string &c : strList(k.get("crds"))) {
        auto p = checkedPath(dir, qs(c));
        if (!p)
            return std::unexpected(p.error());
        auto docs = parseFile(*p);
        if (!docs)
            return std::unexpected(wrap(tr("loading CRDs"), docs.error()));
        for (const Value &d : **docs)
            acc.mergeConfig(transformerConfigFromCrds(d));
    }
    if (auto r = runGenerators(dir, k, acc); !r)
        return r;
    if (auto r = accumulateResources(dir, strList(k.get("components")), acc, true); !r)
        return r;
    if (auto r = runTransformers(dir, k, acc); !r)
        return r;

    return mergeVars(k, acc);
}

// kustomize's ResAccumulator.MergeVars: each var is bound to the one resource it names among
// this level's resources.
Result<void> Build::mergeVars(const Value &k, Acc &acc)
{
    if (const Value *vars = k.get("vars"); vars && vars->isSeq()) {
        for (const Value &v : vars->items) {
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
            if (var.fieldPath.empty())
                var.fieldPath = "metadata.name";
            for (const Var &e : acc.vars)
                if (e.name == var.name)
                    return fail(Error::Code::Conflict,
                                tr("var '%1' already encountered").arg(qs(var.name)));
            // Bind the var to the one resource it names among this level's resources.
            std::vector<Resource *> matched;
            for (Resource &r : acc.res) {
                std::vector<ResId> ids = r.prevIds;
                ids.push_back(r.curId());
                for (const ResId &id : ids)
                    if (id.gvk.selectedBy(var.gvk) && id.name == var.objName &&
                        (var.objNs.empty() || id.ns == var.objNs)) {
                        matched.push_back(&r);
                        break;
                    }
            }
            if (matched.size() > 1)
                return fail(Error::Code::Conflict,
                            tr("found %1 resId matches for var {%2} (unable to disambiguate)")
                                .arg(matched.size())
                                .arg(qs(var.name)));
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

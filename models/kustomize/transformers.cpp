#include "kustomize/kustinternal.h"

#include <QDir>
#include <QFileInfo>
#include <unordered_map>

// Transformers: the builtin transformers a kustomization configures (namespace, prefix and
// suffix, labels, annotations, images, replicas, ...) in kustomize's order, and transformer
// plugin configurations (kustomize's configureBuiltinTransformers and api/filters).

namespace kanri::kustomize::detail {

namespace {

bool fsMatches(const FieldSpec &fs, const Resource &r)
{
    return r.selectedBy(fs.gvk);
}

Result<void> setLabels(Resource &r, const std::vector<FieldSpec> &specs,
                       const std::vector<std::pair<std::string, std::string>> &pairs)
{
    for (const FieldSpec &fs : specs) {
        if (!fsMatches(fs, r))
            continue;
        auto res = applyFieldSpec(r, fs, [&](Value &node) -> Result<void> {
            if (node.isNull())
                node = Value::map();
            if (!node.isMap())
                return std::unexpected(wrongNodeKind("MappingNode", node));
            for (const auto &[k, v] : pairs)
                node.set(k, Value::string(v));
            return {};
        });
        if (!res)
            return res;
    }
    return {};
}

struct ImageRef
{
    std::string name, tag, digest;
};

ImageRef parseImage(const std::string &image)
{
    ImageRef r;
    std::string s = image;
    const auto at = s.find('@');
    if (at != std::string::npos) {
        r.digest = s.substr(at + 1);
        s = s.substr(0, at);
    }
    const auto slash = s.rfind('/');
    const auto colon = s.rfind(':');
    if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) {
        r.tag = s.substr(colon + 1);
        s = s.substr(0, colon);
    }
    r.name = s;
    return r;
}

std::string updateImage(const std::string &image, const Value &img)
{
    const ImageRef ref = parseImage(image);
    if (ref.name != img.str({"name"}))
        return image;
    std::string name = ref.name;
    if (!img.str({"newName"}).empty())
        name = img.str({"newName"});
    std::string out = name;
    const std::string newTag = img.str({"newTag"});
    const std::string digest = img.str({"digest"});
    if (!newTag.empty() && !digest.empty())
        return out + ":" + newTag + "@" + digest;
    if (!digest.empty())
        return out + "@" + digest;
    if (!newTag.empty())
        return out + ":" + newTag;
    if (!ref.tag.empty())
        out += ":" + ref.tag;
    if (!ref.digest.empty())
        out += "@" + ref.digest;
    return out;
}

// kustomize's legacy image filter: every containers/initContainers list anywhere in the object.
Result<void> legacyImages(Value &node, const Value &img, int depth = 0)
{
    if (depth > 400)
        return {};
    if (node.isMap()) {
        for (MapEntry &e : node.entries) {
            if ((e.key == "containers" || e.key == "initContainers") && e.value.isSeq()) {
                for (Value &c : e.value.items) {
                    if (c.isNull())
                        continue;
                    if (!c.isMap())
                        return std::unexpected(wrongNodeKind("MappingNode", c));
                    if (Value *im = c.get("image"); im && im->isScalar() && !im->isNull()) {
                        const std::string n = updateImage(im->text, img);
                        if (n != im->text)
                            *im = Value::string(n);
                    }
                }
            } else if (auto r = legacyImages(e.value, img, depth + 1); !r) {
                return r;
            }
        }
    } else if (node.isSeq()) {
        for (Value &i : node.items)
            if (auto r = legacyImages(i, img, depth + 1); !r)
                return r;
    }
    return {};
}

} // namespace

namespace {

// Plugin configs are read through Go's encoding/json: field names match case-insensitively.
void normalizeConfigKeys(Value &v, int depth = 0)
{
    static const char *const known[] = {"imageTag",        "name",
                                        "newName",         "newTag",
                                        "digest",          "tagSuffix",
                                        "fieldSpecs",      "path",
                                        "create",          "group",
                                        "version",         "kind",
                                        "replica",         "count",
                                        "prefix",          "suffix",
                                        "patches",         "paths",
                                        "patch",           "target",
                                        "options",         "jsonOp",
                                        "unsetOnly",       "setRoleBindingSubjects",
                                        "replacements",    "value",
                                        "targets",         "fieldPath",
                                        "selector",        "filePathPosition",
                                        "labelSelector",   "annotationSelector",
                                        "allowNameChange", "allowKindChange",
                                        "namespace"};
    static const std::unordered_map<std::string, std::string> byLower = [] {
        std::unordered_map<std::string, std::string> m;
        for (const char *k : known)
            m.emplace(lower(k), k);
        return m;
    }();
    if (!v.isMap() || depth > 3)
        return;
    for (MapEntry &e : v.entries) {
        if (auto it = byLower.find(lower(e.key)); it != byLower.end())
            e.key = it->second;
        if (e.key == "labels" || e.key == "annotations" || e.key == "metadata")
            continue;
        if (e.value.isMap())
            normalizeConfigKeys(e.value, depth + 1);
        else if (e.value.isSeq())
            for (Value &i : e.value.items)
                normalizeConfigKeys(i, depth + 1);
    }
}

} // namespace

Result<void> Build::applyBuiltin(const QString &dir, const Value &cfgIn, Acc &acc)
{
    Value cfg = cfgIn;
    normalizeConfigKeys(cfg);
    const std::string kind = cfg.str({"kind"});
    if (kind == "PatchStrategicMergeTransformer") {
        Value patches = Value::seq();
        if (const Value *p = cfg.get("paths"); p && p->isSeq())
            for (const Value &x : p->items)
                patches.items.push_back(x);
        if (const Value *p = cfg.get("patches"); p && p->isScalar() && !p->isNull())
            patches.items.push_back(*p);
        return applyPatches(dir, patches, acc, true);
    }
    if (kind == "PatchTransformer") {
        const std::string path = cfg.str({"path"});
        const std::string patch =
            QString::fromStdString(cfg.str({"patch"})).trimmed().toStdString();
        if (path.empty() && patch.empty())
            return fail(Error::Code::Syntax, tr("must specify one of patch and path in %1")
                                                 .arg(qs(cfg.str({"metadata", "name"}))));
        if (!path.empty() && !patch.empty())
            return fail(Error::Code::Syntax,
                        tr("patch and path can't be set at the same time\n%1").arg(qs(patch)));
        Value entry = Value::map();
        if (!path.empty())
            entry.set("path", Value::string(path));
        else
            entry.set("patch", Value::string(patch));
        if (const Value *t = cfg.get("target"))
            entry.set("target", *t);
        if (const Value *o = cfg.get("options"))
            entry.set("options", *o);
        Value list = Value::seq();
        list.items.push_back(entry);
        return applyPatches(dir, list, acc, false);
    }
    if (kind == "PatchJson6902Transformer") {
        const std::string path = cfg.str({"path"});
        const std::string patch = cfg.str({"jsonOp"});
        if (path.empty() && patch.empty())
            return fail(Error::Code::Syntax, tr("empty file path and empty jsonOp"));
        if (!path.empty() && !patch.empty())
            return fail(Error::Code::Syntax, tr("must specify a file path or jsonOp, not both"));
        Value entry = Value::map();
        if (!path.empty())
            entry.set("path", Value::string(path));
        else
            entry.set("patch", Value::string(patch));
        if (const Value *t = cfg.get("target"))
            entry.set("target", *t);
        Value list = Value::seq();
        list.items.push_back(entry);
        return applyJson6902(dir, list, acc);
    }
    if (kind == "NamespaceTransformer") {
        const std::string ns = cfg.str({"metadata", "namespace"});
        std::vector<FieldSpec> specs = acc.tc().nameSpace;
        if (const Value *f = cfg.get("fieldSpecs")) {
            auto p = parseFieldSpecs(*f);
            if (p)
                specs = *p;
        }
        const bool unsetOnly = cfg.str({"unsetOnly"}) == "true";
        std::string mode = cfg.str({"setRoleBindingSubjects"});
        if (mode.empty())
            mode = "defaultOnly";
        for (Resource &r : acc.res) {
            const ResId id = r.curId();
            r.storePrevId();
            if (const Value *cur = r.obj.at({"metadata", "namespace"}); cur && !cur->isScalar())
                return std::unexpected(wrap(tr("considering field 'metadata/namespace' of object "
                                               "%1")
                                                .arg(qs(id.toString())),
                                            wrongNodeKind("ScalarNode", *cur)));
            if (!id.isClusterScoped() && !(unsetOnly && !r.ns().empty()))
                r.setNamespace(ns);
            for (const FieldSpec &fs : specs) {
                // metadata/namespace is handled above; subjects by the role binding rules below;
                // a Namespace is renamed only when it is the core v1 Namespace.
                if (fs.path == "metadata/namespace" || fs.path.starts_with("subjects") ||
                    !fsMatches(fs, r))
                    continue;
                if (fs.path == "metadata/name" && fs.gvk.kind == "Namespace" &&
                    id.gvk.apiVersion() != "v1")
                    continue;
                if (auto x = applyFieldSpec(r, fs,
                                            [&](Value &n) -> Result<void> {
                                                if (!n.isScalar())
                                                    return std::unexpected(
                                                        wrongNodeKind("ScalarNode", n));
                                                if (!(unsetOnly && !n.isNull() && !n.text.empty()))
                                                    n = Value::string(ns);
                                                return {};
                                            });
                    !x)
                    return x;
            }
        }
        // Each id made once, then compared pairwise.
        std::vector<ResId> ids;
        ids.reserve(acc.res.size());
        for (const Resource &r : acc.res)
            ids.push_back(r.curId());
        for (size_t i = 0; i < ids.size(); ++i)
            for (size_t j = i + 1; j < ids.size(); ++j)
                if (idEquals(ids[i], ids[j]))
                    return fail(Error::Code::Conflict,
                                tr("namespace transformation produces ID conflict: %1")
                                    .arg(qs(ids[i].toString())));
        for (Resource &r : acc.res) {
            const std::string k = r.kind();
            if ((k == "RoleBinding" || k == "ClusterRoleBinding") && mode != "none") {
                if (Value *subs = r.obj.get("subjects"); subs && subs->isSeq())
                    for (Value &s : subs->items) {
                        if (!s.isMap())
                            continue;
                        const bool isSA = s.str({"kind"}) == "ServiceAccount";
                        if (unsetOnly && !s.str({"namespace"}).empty())
                            continue;
                        if ((mode == "defaultOnly" && s.str({"name"}) == "default") ||
                            (mode == "allServiceAccounts" && isSA))
                            s.set("namespace", Value::string(ns));
                    }
            }
        }
        return {};
    }
    if (kind == "PrefixSuffixTransformer" || kind == "PrefixTransformer" ||
        kind == "SuffixTransformer") {
        const std::string prefix = cfg.str({"prefix"});
        const std::string suffix = cfg.str({"suffix"});
        std::vector<FieldSpec> specs;
        if (const Value *f = cfg.get("fieldSpecs")) {
            auto p = parseFieldSpecs(*f);
            if (p)
                specs = *p;
        }
        if (specs.empty())
            specs = {FieldSpec{{}, "metadata/name", false}};
        for (Resource &r : acc.res) {
            const Gvk g = r.gvk();
            if (g.kind == "CustomResourceDefinition" || g.kind == "Namespace" ||
                (g.kind == "APIService" && g.group == "apiregistration.k8s.io"))
                continue;
            bool stored = false;
            for (const FieldSpec &fs : specs) {
                if (!fsMatches(fs, r))
                    continue;
                if (fs.path == "metadata/name" && !stored) {
                    r.storePrevId();
                    stored = true;
                    if (!prefix.empty())
                        r.prefixes.push_back(prefix);
                    if (!suffix.empty())
                        r.suffixes.push_back(suffix);
                }
                if (auto x = applyFieldSpec(r, fs,
                                            [&](Value &n) -> Result<void> {
                                                if (n.isNull())
                                                    return {};
                                                if (!n.isScalar())
                                                    return std::unexpected(
                                                        wrongNodeKind("ScalarNode", n));
                                                n = Value::string(prefix + n.text + suffix);
                                                return {};
                                            });
                    !x)
                    return x;
            }
        }
        return {};
    }
    if (kind == "LabelTransformer" || kind == "AnnotationsTransformer") {
        std::vector<FieldSpec> specs;
        if (const Value *f = cfg.get("fieldSpecs")) {
            auto p = parseFieldSpecs(*f);
            if (p)
                specs = *p;
        }
        const auto pairs = strMap(cfg.get(kind == "LabelTransformer" ? "labels" : "annotations"));
        for (Resource &r : acc.res)
            if (auto x = setLabels(r, specs, pairs); !x)
                return x;
        return {};
    }
    if (kind == "ImageTagTransformer") {
        const Value *img = cfg.get("imageTag");
        if (!img)
            return {};
        std::vector<FieldSpec> specs;
        if (const Value *f = cfg.get("fieldSpecs")) {
            auto p = parseFieldSpecs(*f);
            if (p)
                specs = *p;
        }
        for (Resource &r : acc.res) {
            if (auto x = legacyImages(r.obj, *img); !x)
                return x;
            for (const FieldSpec &fs : specs) {
                if (!fsMatches(fs, r))
                    continue;
                if (auto x = applyFieldSpec(r, fs,
                                            [&](Value &n) -> Result<void> {
                                                if (n.isScalar() && !n.isNull()) {
                                                    const std::string u = updateImage(n.text, *img);
                                                    if (u != n.text)
                                                        n = Value::string(u);
                                                }
                                                return {};
                                            });
                    !x)
                    return x;
            }
        }
        return {};
    }
    if (kind == "ReplicaCountTransformer") {
        const Value *rep = cfg.get("replica");
        if (!rep)
            return {};
        std::vector<FieldSpec> specs;
        if (const Value *f = cfg.get("fieldSpecs")) {
            auto p = parseFieldSpecs(*f);
            if (p)
                specs = *p;
        }
        const std::string name = rep->str({"name"});
        const Value *count = rep->get("count");
        // kustomize's ReplicaCountTransformer: per field spec, the resources any of whose ids
        // has the name and the field spec's kind; none at all is an error.
        bool found = false;
        for (const FieldSpec &fs : specs) {
            for (Resource &r : acc.res) {
                bool match = r.name() == name && r.selectedBy(fs.gvk);
                for (const ResId &p : r.prevIds)
                    match = match || (p.name == name && p.gvk.selectedBy(fs.gvk));
                if (!match)
                    continue;
                found = true;
                if (!fsMatches(fs, r))
                    continue;
                if (auto x = applyFieldSpec(r, fs,
                                            [&](Value &n) -> Result<void> {
                                                n = count ? *count : Value::integer(0);
                                                return {};
                                            });
                    !x)
                    return x;
            }
        }
        if (!found) {
            QStringList gvks;
            for (const FieldSpec &fs : specs)
                gvks << qs(ResId{fs.gvk, {}, {}}.toString().substr(
                    0, ResId{fs.gvk, {}, {}}.toString().find('/')));
            return fail(Error::Code::NotFound,
                        tr("resource with name %1 does not match a config with the following "
                           "GVK [%2]")
                            .arg(qs(name), gvks.join(QLatin1Char(' '))));
        }
        return {};
    }
    if (kind == "ReplacementTransformer") {
        Value list = Value::seq();
        if (const Value *rs = cfg.get("replacements"); rs && rs->isSeq())
            list = *rs;
        return applyReplacements(dir, list, acc);
    }
    if (kind == "ValueAddTransformer") {
        // Without a value, the name of the kustomization root that uses the transformer.
        std::string value =
            cfg.get("value") ? cfg.str({"value"}) : QFileInfo(dir).fileName().toStdString();
        Value targetList;
        const Value *targets = cfg.get("targets");
        if (const std::string tf = cfg.str({"targetFilePath"}); !tf.empty()) {
            auto p = checkedPath(dir, qs(tf));
            if (!p)
                return std::unexpected(p.error());
            auto docs = parseFile(*p);
            if (!docs)
                return std::unexpected(docs.error());
            targetList = Value::seq();
            for (const Value &d : **docs) {
                const Value *t = d.get("targets");
                if (t && t->isSeq())
                    for (const Value &x : t->items)
                        targetList.items.push_back(x);
            }
            targets = &targetList;
        }
        if (!targets || !targets->isSeq())
            return {};
        for (const Value &t : targets->items) {
            std::string fp = t.str({"fieldPath"});
            const std::string filePathPosition = t.str({"filePathPosition"});
            for (Resource &r : acc.res) {
                if (const Value *sel = t.get("selector")) {
                    auto m = selects(*sel, r);
                    if (!m)
                        return std::unexpected(m.error());
                    if (!*m)
                        continue;
                }
                std::vector<std::string> segs = splitPath(fp);
                if (segs.empty())
                    continue;
                Value *node = &r.obj;
                for (size_t i = 0; i + 1 < segs.size(); ++i)
                    node = &node->getOrAddMap(segs[i]);
                Value *leaf = node->get(segs.back());
                if (filePathPosition.empty() || !leaf || !leaf->isScalar()) {
                    node->set(segs.back(), Value::string(value));
                    continue;
                }
                // Insert `value` as a path element at position N.
                std::vector<std::string> parts;
                std::string cur;
                for (char c : leaf->text) {
                    if (c == '/') {
                        parts.push_back(cur);
                        cur.clear();
                    } else {
                        cur += c;
                    }
                }
                parts.push_back(cur);
                const size_t pos = size_t(std::max(1, std::atoi(filePathPosition.c_str())));
                std::vector<std::string> nonEmpty;
                const bool abs = !leaf->text.empty() && leaf->text[0] == '/';
                for (auto &p : parts)
                    if (!p.empty())
                        nonEmpty.push_back(p);
                if (pos - 1 <= nonEmpty.size())
                    nonEmpty.insert(nonEmpty.begin() + long(pos - 1), value);
                else
                    nonEmpty.push_back(value);
                std::string out = abs ? "/" : "";
                for (size_t i = 0; i < nonEmpty.size(); ++i)
                    out += (i ? "/" : "") + nonEmpty[i];
                *leaf = Value::string(out);
            }
        }
        return {};
    }
    if (kind == "HashTransformer") {
        for (Resource &r : acc.res)
            r.needsHash = true;
        return {};
    }
    if (kind == "SortOrderTransformer")
        return {};
    return fail(Error::Code::Unsupported,
                tr("unable to load builtin %1: Kanri does not run exec, Go or KRM-function plugins")
                    .arg(qs(kind)));
}
Result<void> Build::runTransformers(const QString &dir, const Value &k, Acc &acc)
{
    auto builtin = [&](const char *kind, auto &&fill) -> Result<void> {
        Value cfg = Value::map();
        cfg.set("apiVersion", Value::string("builtin"));
        cfg.set("kind", Value::string(kind));
        fill(cfg);
        return applyBuiltin(dir, cfg, acc);
    };
    auto specsValue = [](const std::vector<FieldSpec> &specs) {
        Value seq = Value::seq();
        for (const FieldSpec &f : specs) {
            Value m = Value::map();
            m.set("path", Value::string(f.path));
            if (!f.gvk.group.empty())
                m.set("group", Value::string(f.gvk.group));
            if (!f.gvk.version.empty())
                m.set("version", Value::string(f.gvk.version));
            if (!f.gvk.kind.empty())
                m.set("kind", Value::string(f.gvk.kind));
            if (f.create)
                m.set("create", Value::boolean(true));
            seq.items.push_back(std::move(m));
        }
        return seq;
    };

    // patchesStrategicMerge
    if (const Value *p = k.get("patchesStrategicMerge"); p && p->isSeq()) {
        for (size_t i = 0; i < p->items.size(); ++i) {
            place = {"patchesStrategicMerge", int(i)};
            Value one = Value::seq();
            one.items.push_back(p->items[i]);
            if (auto r = applyPatches(dir, one, acc, true); !r)
                return r;
        }
        if (!p->items.empty())
            noteBuiltin(acc, dir, "PatchStrategicMergeTransformer");
    }
    if (const Value *p = k.get("patches"); p && p->isSeq()) {
        for (size_t i = 0; i < p->items.size(); ++i) {
            const Value &entry = p->items[i];
            place = {"patches", int(i)};
            Value one = Value::seq();
            one.items.push_back(entry);
            if (auto r = applyPatches(dir, one, acc, false); !r)
                return r;
            noteBuiltin(acc, dir, "PatchTransformer");
        }
    }
    if (const std::string ns = k.str({"namespace"}); !ns.empty()) {
        place = {"namespace", -1};
        if (auto r = builtin("NamespaceTransformer",
                             [&](Value &c) {
                                 c.getOrAddMap("metadata").set("namespace", Value::string(ns));
                                 c.set("fieldSpecs", specsValue(acc.tc().nameSpace));
                             });
            !r)
            return r;
        noteBuiltin(acc, dir, "NamespaceTransformer");
    }
    const std::string prefix = k.str({"namePrefix"});
    const std::string suffix = k.str({"nameSuffix"});
    place = {"namePrefix", -1};
    if (!prefix.empty())
        if (auto r = builtin("PrefixTransformer",
                             [&](Value &c) {
                                 c.set("prefix", Value::string(prefix));
                                 c.set("fieldSpecs", specsValue(acc.tc().namePrefix));
                             });
            !r)
            return r;
    if (!prefix.empty())
        noteBuiltin(acc, dir, "PrefixTransformer");
    place = {"nameSuffix", -1};
    if (!suffix.empty())
        if (auto r = builtin("SuffixTransformer",
                             [&](Value &c) {
                                 c.set("suffix", Value::string(suffix));
                                 c.set("fieldSpecs", specsValue(acc.tc().nameSuffix));
                             });
            !r)
            return r;
    if (!suffix.empty())
        noteBuiltin(acc, dir, "SuffixTransformer");
    if (const Value *labels = k.get("labels"); labels && labels->isSeq()) {
        for (size_t li = 0; li < labels->items.size(); ++li) {
            const Value &l = labels->items[li];
            place = {"labels", int(li)};
            std::vector<FieldSpec> specs;
            if (l.str({"includeSelectors"}) == "true") {
                specs = acc.tc().commonLabels;
            } else {
                specs.push_back(FieldSpec{{}, "metadata/labels", true});
                if (l.str({"includeTemplates"}) == "true")
                    for (const FieldSpec &f : acc.tc().templateLabels)
                        specs.push_back(f);
            }
            if (const Value *f = l.get("fields")) {
                auto p = parseFieldSpecs(*f);
                if (p)
                    for (const FieldSpec &x : *p)
                        specs.push_back(x);
            }
            // `labels:` field specs from configurations apply to every labels entry.
            for (const FieldSpec &x : acc.tc().labels) {
                bool dup = false;
                for (const FieldSpec &e : specs)
                    dup = dup || (e.path == x.path && e.gvk == x.gvk);
                if (!dup)
                    specs.push_back(x);
            }
            const auto pairs = strMap(l.get("pairs"));
            for (Resource &r : acc.res)
                if (auto x = setLabels(r, specs, pairs); !x)
                    return x;
            noteBuiltin(acc, dir, "LabelTransformer");
        }
    }
    place = {"commonLabels", -1};
    const Value *cl = k.get("commonLabels");
    if (cl && cl->isMap() && !cl->entries.empty()) {
        const auto pairs = strMap(cl);
        for (Resource &r : acc.res)
            if (auto x = setLabels(r, acc.tc().commonLabels, pairs); !x)
                return x;
    }
    // kustomize configures the commonLabels transformer whenever labels or commonLabels are set.
    if ((cl && cl->isMap() && !cl->entries.empty()) ||
        (k.get("labels") && k.get("labels")->isSeq() && !k.get("labels")->items.empty()))
        noteBuiltin(acc, dir, "LabelTransformer");
    place = {"commonAnnotations", -1};
    if (const Value *ca = k.get("commonAnnotations"); ca && ca->isMap() && !ca->entries.empty()) {
        const auto pairs = strMap(ca);
        for (Resource &r : acc.res)
            if (auto x = setLabels(r, acc.tc().commonAnnotations, pairs); !x)
                return x;
        noteBuiltin(acc, dir, "AnnotationsTransformer");
    }
    if (const Value *p = k.get("patchesJson6902"); p && p->isSeq()) {
        for (size_t i = 0; i < p->items.size(); ++i) {
            const Value &entry = p->items[i];
            place = {"patchesJson6902", int(i)};
            Value one = Value::seq();
            one.items.push_back(entry);
            if (auto r = applyJson6902(dir, one, acc); !r)
                return r;
            noteBuiltin(acc, dir, "PatchJson6902Transformer");
        }
    }
    if (const Value *reps = k.get("replicas"); reps && reps->isSeq()) {
        for (size_t ri = 0; ri < reps->items.size(); ++ri) {
            const Value &rep = reps->items[ri];
            place = {"replicas", int(ri)};
            if (auto r = builtin("ReplicaCountTransformer",
                                 [&](Value &c) {
                                     c.set("replica", rep);
                                     c.set("fieldSpecs", specsValue(acc.tc().replicas));
                                 });
                !r)
                return r;
            noteBuiltin(acc, dir, "ReplicaCountTransformer");
        }
    }
    const Value *images = k.get("images");
    const Value *imageTags = k.get("imageTags");
    for (const Value *imgs : {images, imageTags}) {
        if (!imgs || !imgs->isSeq())
            continue;
        for (size_t ii = 0; ii < imgs->items.size(); ++ii) {
            const Value &img = imgs->items[ii];
            place = {imgs == images ? "images" : "imageTags", int(ii)};
            if (auto r = builtin("ImageTagTransformer",
                                 [&](Value &c) {
                                     c.set("imageTag", img);
                                     c.set("fieldSpecs", specsValue(acc.tc().images));
                                 });
                !r)
                return r;
            noteBuiltin(acc, dir, "ImageTagTransformer");
        }
    }
    if (const Value *reps = k.get("replacements"); reps && reps->isSeq()) {
        place = {"replacements", -1};
        if (auto r = applyReplacements(dir, *reps, acc); !r)
            return r;
        if (!reps->items.empty())
            noteBuiltin(acc, dir, "ReplacementTransformer");
    }
    if (const Value *ts = k.get("transformers")) {
        place = {"transformers", -1};
        std::vector<QString> origins;
        auto cfgs = loadInlineOrFiles(dir, *ts, &origins);
        if (!cfgs)
            return std::unexpected(cfgs.error());
        for (size_t ci = 0; ci < cfgs->size(); ++ci) {
            const Value &c = (*cfgs)[ci];
            if (cancelled())
                return fail(Error::Code::Cancelled, tr("cancelled"));
            const std::string av = c.str({"apiVersion"});
            const Value *ann = c.at({"metadata", "annotations"});
            if (ann &&
                (ann->get("config.kubernetes.io/function") || ann->get("config.k8s.io/function")))
                return fail(Error::Code::Unsupported,
                            tr("KRM function plugins are not supported (transformer %1)")
                                .arg(qs(c.str({"kind"}))));
            if (auto r = applyBuiltin(dir, c, acc); !r)
                return r;
            if (trackOrigin)
                noteTransformer(acc, ci < origins.size() ? origins[ci] : dir, av, c.str({"kind"}),
                                c.str({"metadata", "name"}), c.str({"metadata", "namespace"}));
        }
    }
    return {};
}

} // namespace kanri::kustomize::detail

#include "kustomize/kustinternal.h"

// Patches: strategic merge and JSON 6902 patches read from files or inline, applied to the
// resources their target selects (kustomize's PatchTransformer, PatchStrategicMergeTransformer
// and PatchJson6902Transformer). The merge itself is strategicmerge.cpp, the operations
// jsonpatch.cpp.

namespace kanri::kustomize::detail {

Result<Value> Build::readPatchContent(const QString &dir, const Value &entry, QString *origin,
                                      Dialect dialect)
{
    std::string text;
    if (entry.isScalar()) {
        text = entry.text;
    } else {
        const std::string path = entry.str({"path"});
        const std::string patch = entry.str({"patch"});
        if (!path.empty() && !patch.empty())
            return fail(Error::Code::Syntax, tr("patch and path can't be set at the same time"));
        if (path.empty() && patch.empty())
            return fail(Error::Code::Syntax, tr("must specify one of patch and path"));
        if (!patch.empty()) {
            auto docs = parseInline(patch, dialect);
            if (!docs)
                return std::unexpected(docs.error());
            Value seq = Value::seq();
            for (Value &d : *docs)
                if (!d.isNull())
                    seq.items.push_back(std::move(d));
            return seq;
        }
        text = path;
    }
    // A file path, or inline YAML for patchesStrategicMerge entries.
    if (text.find('\n') == std::string::npos && text.find(": ") == std::string::npos &&
        text.find('{') == std::string::npos) {
        auto p = checkedPath(dir, qs(text));
        if (!p)
            return std::unexpected(p.error());
        bool isDir = false;
        if (!exists(*p, &isDir))
            return fail(Error::Code::NotFound, tr("open %1: no such file or directory").arg(*p));
        auto docs = parseFile(*p, dialect);
        if (!docs)
            return std::unexpected(docs.error());
        if (origin)
            *origin = *p;
        Value seq = Value::seq();
        for (const Value &d : **docs)
            if (!d.isNull())
                seq.items.push_back(d);
        return seq;
    }
    auto docs = parseInline(text, dialect);
    if (!docs)
        return std::unexpected(docs.error());
    Value seq = Value::seq();
    for (Value &d : *docs)
        if (!d.isNull())
            seq.items.push_back(std::move(d));
    return seq;
}

Result<void> Build::applyPatch(const Value &docs, const Value *target, const Value *options,
                               Acc &acc)
{
    // A document that is a list of operations is a JSON 6902 patch; like kustomize (which
    // converts the YAML to JSON), only the first document of the stream counts.
    if (!docs.items.empty() && docs.items[0].isSeq()) {
        if (!target)
            return fail(Error::Code::Syntax, tr("must specify a target for JSON patch"));
        if (auto c = checkSelector(*target); !c)
            return c;
        for (Resource &r : acc.res) {
            auto m = selects(*target, r);
            if (!m)
                return std::unexpected(m.error());
            if (!*m)
                continue;
            r.storePrevId();
            if (auto x = applyJsonPatch(r.obj, docs.items[0]); !x)
                return x;
        }
        return {};
    }
    const bool allowName = options && options->str({"allowNameChange"}) == "true";
    const bool allowKind = options && options->str({"allowKindChange"}) == "true";
    for (const Value &patch : docs.items) {
        if (!patch.isMap())
            return fail(Error::Code::Syntax,
                        tr("unable to parse SM or JSON patch from %1").arg(qs(toJson(patch))));
        std::vector<size_t> targets;
        if (target) {
            if (auto c = checkSelector(*target); !c)
                return c;
            for (size_t i = 0; i < acc.res.size(); ++i) {
                auto m = selects(*target, acc.res[i]);
                if (!m)
                    return std::unexpected(m.error());
                if (*m)
                    targets.push_back(i);
            }
        } else {
            const ResId pid{Gvk::fromApiVersion(patch.str({"apiVersion"}), patch.str({"kind"})),
                            patch.str({"metadata", "name"}), patch.str({"metadata", "namespace"})};
            for (size_t i = 0; i < acc.res.size(); ++i)
                if (matchesAnyId(acc.res[i], pid))
                    targets.push_back(i);
            if (targets.size() != 1)
                return fail(Error::Code::NotFound,
                            tr("no resource matches strategic merge patch \"%1\": failed to find "
                               "unique target for patch %1")
                                .arg(qs(pid.toString())));
        }
        std::vector<size_t> deleted;
        for (size_t i : targets) {
            Resource &r = acc.res[i];
            const std::string n = r.name(), ns = r.ns(), k = r.kind();
            if (allowName || allowKind)
                r.storePrevId();
            if (patch.str({"$patch"}) == "delete") {
                deleted.push_back(i);
                continue;
            }
            Value p = patch;
            if (target && !allowKind) {
                // A targeted patch is applied as if written for the target's kind and version.
                p.set("apiVersion", Value::string(r.obj.str({"apiVersion"})));
                p.set("kind", Value::string(k));
            }
            if (auto x = strategicMerge(r.obj, p, r.gvk(), schemaMergeKeys,
                                        schemaKinds.count(r.gvk().group + "/" + k) > 0);
                !x)
                return x;
            if (!allowKind)
                r.obj.set("kind", Value::string(k));
            if (!allowName)
                r.setName(n);
            if (!ns.empty())
                r.setNamespace(ns);
            else if (Value *m = r.obj.get("metadata"))
                m->remove("namespace");
        }
        for (auto it = deleted.rbegin(); it != deleted.rend(); ++it)
            acc.res.erase(acc.res.begin() + long(*it));
    }
    return {};
}

Result<void> Build::applyPatches(const QString &dir, const Value &patches, Acc &acc,
                                 bool strategicOnly)
{
    if (!patches.isSeq())
        return {};
    for (const Value &entry : patches.items) {
        if (cancelled())
            return fail(Error::Code::Cancelled, tr("cancelled"));
        QString origin;
        auto docs = readPatchContent(dir, entry, &origin);
        if (!docs)
            return std::unexpected(docs.error());
        // A JSON 6902 patch goes through sigs.k8s.io/yaml (YAML 1.1: `value: y` is true).
        if (!docs->items.empty() && docs->items[0].isSeq())
            docs = readPatchContent(dir, entry, &origin, Dialect::Yaml11);
        if (!docs)
            return std::unexpected(docs.error());
        if (docs->items.empty()) {
            if (strategicOnly)
                return fail(Error::Code::Syntax,
                            tr("patch appears to be empty; files=%1").arg(qs(entry.text)));
            return fail(Error::Code::Syntax, tr("patch appears to be empty"));
        }
        const Value *target = entry.isMap() ? entry.get("target") : nullptr;
        const Value *options = entry.isMap() ? entry.get("options") : nullptr;
        if (auto r = applyPatch(*docs, target, options, acc); !r)
            return r;
    }
    return {};
}

Result<void> Build::applyJson6902(const QString &dir, const Value &entries, Acc &acc)
{
    if (!entries.isSeq())
        return {};
    for (const Value &e : entries.items) {
        const Value *target = e.get("target");
        if (!target)
            return fail(Error::Code::Syntax, tr("must specify a target for JSON patch"));
        auto docs = readPatchContent(dir, e, nullptr, Dialect::Yaml11);
        if (!docs)
            return std::unexpected(docs.error());
        if (docs->items.empty())
            return fail(Error::Code::Syntax, tr("patch appears to be empty"));
        const Value &ops = docs->items.front();
        if (auto c = checkSelector(*target); !c)
            return c;
        for (Resource &r : acc.res) {
            auto m = selects(*target, r);
            if (!m)
                return std::unexpected(m.error());
            if (!*m)
                continue;
            r.storePrevId();
            if (auto x = applyJsonPatch(r.obj, ops); !x)
                return x;
        }
    }
    return {};
}

} // namespace kanri::kustomize::detail

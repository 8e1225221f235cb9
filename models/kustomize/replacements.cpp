#include "kustinternal.h"
#include "yamlemitter.h"

#include <algorithm>

// Replacements: values copied from a source field to target fields (kustomize's
// api/filters/replacement), and the kyaml field paths they and vars use.

namespace kanri::kustomize::detail {

std::vector<std::string> splitFieldPath(const std::string &p)
{
    std::vector<std::string> out;
    std::string cur;
    int depth = 0;
    for (char c : p) {
        if (c == '[')
            ++depth;
        if (c == ']')
            --depth;
        if (c == '.' && depth == 0) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

void lookupPath(Value &node, const std::vector<std::string> &segs, size_t i, bool create,
                std::vector<Value *> &out)
{
    if (i == segs.size()) {
        out.push_back(&node);
        return;
    }
    const std::string &s = segs[i];
    if (s.size() >= 2 && s.front() == '[' && s.back() == ']') {
        const std::string inner = s.substr(1, s.size() - 2);
        const auto eq = inner.find('=');
        if (!node.isSeq())
            return;
        if (eq == std::string::npos)
            return;
        const std::string k = inner.substr(0, eq), v = inner.substr(eq + 1);
        bool found = false;
        for (Value &item : node.items)
            if (item.isMap() && item.get(k) && item.get(k)->text == v) {
                found = true;
                lookupPath(item, segs, i + 1, create, out);
            }
        if (!found && create) {
            Value n = Value::map();
            n.set(k, Value::string(v));
            node.items.push_back(std::move(n));
            lookupPath(node.items.back(), segs, i + 1, create, out);
        }
        return;
    }
    if (s == "*" && node.isSeq()) {
        for (Value &item : node.items)
            lookupPath(item, segs, i + 1, create, out);
        return;
    }
    if (node.isSeq()) {
        bool num = !s.empty();
        for (char c : s)
            num = num && std::isdigit(static_cast<unsigned char>(c));
        if (num) {
            const size_t idx = size_t(std::stoul(s));
            if (idx < node.items.size())
                lookupPath(node.items[idx], segs, i + 1, create, out);
        }
        return;
    }
    if (node.isNull() && create)
        node = Value::map();
    if (!node.isMap())
        return;
    Value *child = node.get(s);
    if (!child) {
        if (!create)
            return;
        const bool nextIsSeq =
            i + 1 < segs.size() && !segs[i + 1].empty() && segs[i + 1].front() == '[';
        child = &node.set(s, i + 1 == segs.size() ? Value()
                             : nextIsSeq          ? Value::seq()
                                                  : Value::map());
    }
    lookupPath(*child, segs, i + 1, create, out);
}

namespace {

std::vector<std::string> splitBy(const std::string &s, const std::string &d)
{
    std::vector<std::string> out;
    if (d.empty()) {
        out.push_back(s);
        return out;
    }
    size_t start = 0;
    while (true) {
        const size_t p = s.find(d, start);
        if (p == std::string::npos) {
            out.push_back(s.substr(start));
            return out;
        }
        out.push_back(s.substr(start, p - start));
        start = p + d.size();
    }
}

std::string join(const std::vector<std::string> &v, const std::string &d)
{
    std::string out;
    for (size_t i = 0; i < v.size(); ++i)
        out += (i ? d : "") + v[i];
    return out;
}

// kustomize's ResId.IsSelectedBy against the resource's current and previous ids (the
// replacement filter sees the previous names kustomize keeps in internal annotations).
bool idSelected(const Value &sel, const Resource &r)
{
    const Gvk g{sel.str({"group"}), sel.str({"version"}), sel.str({"kind"})};
    const std::string name = sel.str({"name"});
    const std::string ns = sel.str({"namespace"});
    auto one = [&](const ResId &id) {
        if (!name.empty() && name != id.name)
            return false;
        if (!ns.empty()) {
            const std::string eff = id.ns.empty() ? std::string("default") : id.ns;
            const std::string want = ns.empty() ? std::string("default") : ns;
            if (eff != want)
                return false;
        }
        return id.gvk.selectedBy(g);
    };
    if (one(r.curId()))
        return true;
    for (const ResId &p : r.prevIds)
        if (one(p))
            return true;
    return false;
}

bool labelsSelected(const Value &sel, const Resource &r)
{
    return matchLabelSelector(sel.str({"labelSelector"}), r.obj.at({"metadata", "labels"})) &&
           matchLabelSelector(sel.str({"annotationSelector"}),
                              r.obj.at({"metadata", "annotations"}));
}

bool selectsReplacement(const Value &sel, const Resource &r)
{
    return labelsSelected(sel, r) && idSelected(sel, r);
}

// A target's reject list: an entry rejects by its id fields, and separately by its label or
// annotation selector.
bool rejectedBy(const Value &rejects, const Resource &r)
{
    if (!rejects.isSeq())
        return false;
    for (const Value &x : rejects.items) {
        if (!x.isMap())
            continue;
        const bool hasId = !x.str({"group"}).empty() || !x.str({"version"}).empty() ||
                           !x.str({"kind"}).empty() || !x.str({"name"}).empty() ||
                           !x.str({"namespace"}).empty();
        if (hasId && idSelected(x, r))
            return true;
        const bool hasSel =
            !x.str({"labelSelector"}).empty() || !x.str({"annotationSelector"}).empty();
        if (hasSel && labelsSelected(x, r))
            return true;
    }
    return false;
}

} // namespace

Result<void> Build::applyReplacements(const QString &dir, const Value &list, Acc &acc)
{
    std::vector<Value> reps;
    for (const Value &e : list.items) {
        if (e.isMap() && e.get("path") && !e.get("source")) {
            auto p = checkedPath(dir, qs(e.str({"path"})));
            if (!p)
                return std::unexpected(p.error());
            auto docs = parseFile(*p);
            if (!docs)
                return std::unexpected(docs.error());
            for (const Value &d : **docs) {
                if (d.isSeq())
                    for (const Value &x : d.items)
                        reps.push_back(x);
                else if (d.isMap())
                    reps.push_back(d);
            }
        } else {
            reps.push_back(e);
        }
    }
    for (const Value &rep : reps) {
        const Value *src = rep.get("source");
        if (!src)
            return fail(Error::Code::Syntax, tr("replacement source is missing"));
        std::vector<Resource *> sources;
        for (Resource &r : acc.res)
            if (selectsReplacement(*src, r))
                sources.push_back(&r);
        if (sources.size() > 1)
            return fail(Error::Code::Conflict,
                        tr("multiple matches for selector %1").arg(qs(toJson(*src))));
        if (sources.empty())
            return fail(Error::Code::NotFound, tr("nothing selected by %1").arg(qs(toJson(*src))));
        std::string fp = src->str({"fieldPath"});
        if (fp.empty())
            fp = "metadata.name";
        std::vector<Value *> found;
        lookupPath(sources[0]->obj, splitFieldPath(fp), 0, false, found);
        if (found.empty())
            return fail(Error::Code::NotFound,
                        tr("fieldPath `%1` is missing for replacement source %2")
                            .arg(qs(fp), qs(sources[0]->curId().toString())));
        Value value = *found[0];
        if (const Value *o = src->get("options"); o && !o->str({"delimiter"}).empty()) {
            const auto parts = splitBy(value.text, o->str({"delimiter"}));
            const long idx = std::atol(o->str({"index"}).c_str());
            if (idx >= 0 && size_t(idx) < parts.size())
                value = Value::string(parts[size_t(idx)]);
            else
                return fail(Error::Code::Syntax,
                            tr("options.index %1 is out of bounds for value %2")
                                .arg(idx)
                                .arg(qs(value.text)));
        }
        const Value *targets = rep.get("targets");
        if (!targets || !targets->isSeq())
            continue;
        for (const Value &t : targets->items) {
            const Value *sel = t.get("select");
            for (Resource &r : acc.res) {
                if (sel && !selectsReplacement(*sel, r))
                    continue;
                if (const Value *rej = t.get("reject"); rej && rejectedBy(*rej, r))
                    continue;
                const Value *opts = t.get("options");
                const bool create = opts && opts->str({"create"}) == "true";
                for (const std::string &path : strList(t.get("fieldPaths"))) {
                    std::vector<Value *> nodes;
                    lookupPath(r.obj, splitFieldPath(path), 0, create, nodes);
                    for (Value *n : nodes) {
                        if (opts && !opts->str({"delimiter"}).empty()) {
                            auto parts = splitBy(n->text, opts->str({"delimiter"}));
                            const long idx = std::atol(opts->str({"index"}).c_str());
                            if (idx >= 0 && size_t(idx) < parts.size())
                                parts[size_t(idx)] = value.text;
                            else if (idx < 0)
                                parts.insert(parts.begin(), value.text);
                            else
                                parts.push_back(value.text);
                            *n = Value::string(join(parts, opts->str({"delimiter"})));
                        } else {
                            *n = value;
                        }
                    }
                }
            }
        }
    }
    return {};
}

} // namespace kanri::kustomize::detail

#include "kustinternal.h"

#include <QRegularExpression>
#include <set>
#include <unordered_map>

// Selecting resources: patch targets, replacement sources and targets, label and annotation
// selectors (kustomize's resWrangler.Select, types.Selector, k8s.io/apimachinery labels).

namespace kanri::kustomize::detail {

bool regexFull(const std::string &pattern, const std::string &value)
{
    if (pattern.empty())
        return true;
    // Most selectors are plain names: no need for a regular expression.
    if (pattern.find_first_of(".^$*+?()[]{}|\\") == std::string::npos)
        return pattern == value;
    // Compiled patterns are kept per thread (renders run on worker threads).
    thread_local std::unordered_map<std::string, QRegularExpression> compiled;
    auto it = compiled.find(pattern);
    if (it == compiled.end()) {
        if (compiled.size() > 4096)
            compiled.clear();
        QRegularExpression re(QRegularExpression::anchoredPattern(qs(pattern)));
        re.optimize();
        it = compiled.emplace(pattern, std::move(re)).first;
    }
    if (!it->second.isValid())
        return pattern == value;
    return it->second.match(qs(value)).hasMatch();
}

bool matchLabelSelector(const std::string &selector, const Value *labels)
{
    if (selector.empty())
        return true;
    auto get = [&](const std::string &k, std::string *v) {
        if (!labels || !labels->isMap())
            return false;
        const Value *x = labels->get(k);
        if (!x)
            return false;
        *v = x->text;
        return true;
    };
    // split on commas not inside parentheses
    std::vector<std::string> reqs;
    std::string cur;
    int depth = 0;
    for (char c : selector) {
        if (c == '(')
            ++depth;
        if (c == ')')
            --depth;
        if (c == ',' && depth == 0) {
            reqs.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    reqs.push_back(cur);
    auto trim = [](std::string s) {
        while (!s.empty() && s.front() == ' ')
            s.erase(s.begin());
        while (!s.empty() && s.back() == ' ')
            s.pop_back();
        return s;
    };
    for (std::string r : reqs) {
        r = trim(r);
        if (r.empty())
            continue;
        std::string v;
        size_t p;
        if ((p = r.find("!=")) != std::string::npos) {
            if (get(trim(r.substr(0, p)), &v) && v == trim(r.substr(p + 2)))
                return false;
        } else if ((p = r.find("==")) != std::string::npos) {
            if (!get(trim(r.substr(0, p)), &v) || v != trim(r.substr(p + 2)))
                return false;
        } else if ((p = r.find('=')) != std::string::npos) {
            if (!get(trim(r.substr(0, p)), &v) || v != trim(r.substr(p + 1)))
                return false;
        } else if ((p = r.find(" notin ")) != std::string::npos ||
                   (p = r.find(" in ")) != std::string::npos) {
            const bool notin = r.compare(p, 7, " notin ") == 0;
            const std::string key = trim(r.substr(0, p));
            const size_t o = r.find('('), c = r.find(')');
            std::set<std::string> vals;
            if (o != std::string::npos && c != std::string::npos) {
                std::string list = r.substr(o + 1, c - o - 1), item;
                for (char ch : list + ",") {
                    if (ch == ',') {
                        vals.insert(trim(item));
                        item.clear();
                    } else {
                        item += ch;
                    }
                }
            }
            const bool has = get(key, &v);
            if (notin ? (has && vals.count(v)) : (!has || !vals.count(v)))
                return false;
        } else if (r[0] == '!') {
            if (get(trim(r.substr(1)), &v))
                return false;
        } else {
            if (!get(r, &v))
                return false;
        }
    }
    return true;
}

// kustomize's resWrangler.Select: id fields match the current or the original id; name and
// namespace are anchored regular expressions.
// kustomize's ResId.EffectiveNamespace: cluster-scoped kinds have none, an empty namespace
// is "default".
std::string effectiveNamespace(const ResId &id)
{
    if (id.isClusterScoped())
        return "_non_namespaceable_";
    return id.ns.empty() ? std::string("default") : id.ns;
}

bool selects(const Value &sel, const Resource &r)
{
    const ResId cur = r.curId(), org = r.orgId();
    // Group, version and kind are anchored regular expressions matched against the current
    // GVK; name and namespace match the original or the current id.
    const std::string ns = sel.str({"namespace"});
    if (!ns.empty() && !regexFull(ns, effectiveNamespace(org)) &&
        !regexFull(ns, effectiveNamespace(cur)))
        return false;
    const std::string name = sel.str({"name"});
    if (!name.empty() && !regexFull(name, org.name) && !regexFull(name, cur.name))
        return false;
    for (const auto &[field, value] :
         {std::pair{"group", &cur.gvk.group}, std::pair{"version", &cur.gvk.version},
          std::pair{"kind", &cur.gvk.kind}}) {
        const std::string want = sel.str({field});
        if (!want.empty() && !regexFull(want, *value))
            return false;
    }
    if (!matchLabelSelector(sel.str({"labelSelector"}), r.obj.at({"metadata", "labels"})))
        return false;
    if (!matchLabelSelector(sel.str({"annotationSelector"}), r.obj.at({"metadata", "annotations"})))
        return false;
    return true;
}

bool idEquals(const ResId &a, const ResId &b)
{
    return a.gvk == b.gvk && a.name == b.name && a.nsEquals(b);
}

bool matchesAnyId(const Resource &r, const ResId &id)
{
    if (idEquals(r.curId(), id))
        return true;
    for (const ResId &p : r.prevIds)
        if (idEquals(p, id))
            return true;
    return false;
}

} // namespace kanri::kustomize::detail

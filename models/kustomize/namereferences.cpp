#include "kustomize/kustinternal.h"

// Name references: after prefixes, suffixes and hashes changed names, every field that refers
// to a renamed object follows it (kustomize's api/filters/nameref and FixBackReferences).

namespace kanri::kustomize::detail {

namespace {

// kustomize's utils.SameEndingSubSlice: the shorter list ends the longer one; an empty list
// only matches an empty list.
bool sameEnding(const std::vector<std::string> &a, const std::vector<std::string> &b)
{
    const size_t n = std::min(a.size(), b.size());
    if (n == 0)
        return a.size() == b.size();
    for (size_t i = 0; i < n; ++i)
        if (a[a.size() - 1 - i] != b[b.size() - 1 - i])
            return false;
    return true;
}

bool prefixesSuffixesEqual(const Resource &r, const Resource &o, bool allowEmpty)
{
    if (allowEmpty) {
        const bool pe = r.prefixes.empty() || o.prefixes.empty();
        const bool se = r.suffixes.empty() || o.suffixes.empty();
        return (pe || sameEnding(r.prefixes, o.prefixes)) &&
               (se || sameEnding(r.suffixes, o.suffixes));
    }
    return sameEnding(r.prefixes, o.prefixes) && sameEnding(r.suffixes, o.suffixes);
}

} // namespace

Result<void> Build::fixNameRefs(Acc &acc)
{
    for (size_t ri = 0; ri < acc.res.size(); ++ri) {
        if (cancelled())
            return fail(Error::Code::Cancelled, tr("cancelled"));
        const ResId referrerOrg = acc.res[ri].orgId();
        for (const NameBackRef &br : acc.tc().nameReference) {
            for (const FieldSpec &fs : br.referrers) {
                if (!referrerOrg.gvk.selectedBy(fs.gvk))
                    continue;
                Resource &referrer = acc.res[ri];
                const ResId refCur = referrer.curId();
                // candidates this referrer could reference
                auto select = [&](const std::string &oldName, const std::string *ns,
                                  bool nameAndNs) -> Result<Resource *> {
                    std::vector<Resource *> c;
                    for (Resource &r : acc.res) {
                        if (&r == &referrer && false)
                            continue;
                        bool nameMatch = false, gvkMatch = false;
                        for (const ResId &p : r.prevIds) {
                            nameMatch = nameMatch || p.name == oldName;
                            gvkMatch = gvkMatch || p.gvk.selectedBy(br.gvk);
                        }
                        if (!nameMatch || !gvkMatch)
                            continue;
                        if (ns) {
                            bool nsMatch = false;
                            if (!r.prevIds.empty() && r.prevIds.front().ns == *ns)
                                nsMatch = true;
                            if (r.ns() == *ns)
                                nsMatch = true;
                            if (!nsMatch)
                                continue;
                        }
                        if (fs.path.ends_with("roleRef/name")) {
                            const Value *rr = referrer.obj.get("roleRef");
                            if (rr && rr->get("kind") && rr->get("apiGroup")) {
                                const Gvk want{rr->str({"apiGroup"}), "", rr->str({"kind"})};
                                bool ok = false;
                                for (const ResId &p : r.prevIds)
                                    ok = ok || p.gvk.selectedBy(want);
                                if (!ok)
                                    continue;
                            }
                        }
                        const ResId cid = r.curId();
                        if (!refCur.isClusterScoped() && !cid.isClusterScoped() &&
                            r.kind() != "ServiceAccount" && !refCur.nsEquals(cid)) {
                            // RoleBindings may reference across namespaces via subjects
                            continue;
                        }
                        c.push_back(&r);
                    }
                    if (c.size() == 1)
                        return c[0];
                    std::vector<Resource *> c1;
                    for (Resource *r : c)
                        if (prefixesSuffixesEqual(*r, referrer, true))
                            c1.push_back(r);
                    if (c1.size() == 1)
                        return c1[0];
                    std::vector<Resource *> c2;
                    for (Resource *r : c1)
                        if (prefixesSuffixesEqual(*r, referrer, false))
                            c2.push_back(r);
                    if (c2.size() == 1)
                        return c2[0];
                    if (c2.empty())
                        return nullptr;
                    bool same = true;
                    for (Resource *r : c2)
                        same = same && r->name() == c2[0]->name() &&
                               (!nameAndNs || r->ns() == c2[0]->ns());
                    if (same)
                        return c2[0];
                    std::string ids;
                    for (Resource *r : c2)
                        ids += (ids.empty() ? "" : ", ") + r->curId().toString();
                    return fail(Error::Code::Conflict,
                                tr(" found multiple possible referrals: %1").arg(qs(ids)));
                };
                auto setScalar = [&](Value &n) -> Result<void> {
                    if (!n.isScalar() || n.isNull())
                        return {};
                    auto ref = select(n.text, nullptr, false);
                    if (!ref)
                        return std::unexpected(ref.error());
                    if (*ref && (*ref)->name() != n.text)
                        n = Value::string((*ref)->name());
                    return {};
                };
                auto setMapping = [&](Value &n) -> Result<void> {
                    const Value *nameNode = n.get("name");
                    if (!nameNode)
                        return {};
                    const Value *nsNode = n.get("namespace");
                    std::string nsv = nsNode ? nsNode->text : std::string();
                    auto ref = select(nameNode->text, nsNode ? &nsv : nullptr, true);
                    if (!ref)
                        return std::unexpected(ref.error());
                    if (!*ref)
                        return {};
                    if ((*ref)->name() == nameNode->text && (*ref)->ns().empty())
                        return {};
                    n.set("name", Value::string((*ref)->name()));
                    if (!(*ref)->ns().empty())
                        n.set("namespace", Value::string((*ref)->ns()));
                    return {};
                };
                auto res = applyFieldSpec(
                    referrer, FieldSpec{fs.gvk, fs.path, false}, [&](Value &n) -> Result<void> {
                        if (n.isMap())
                            return setMapping(n);
                        if (n.isSeq()) {
                            for (Value &i : n.items) {
                                auto r = i.isMap() ? setMapping(i) : setScalar(i);
                                if (!r)
                                    return r;
                            }
                            return {};
                        }
                        return setScalar(n);
                    });
                if (!res)
                    return std::unexpected(
                        wrap(tr("updating name reference in '%1' field of '%2'")
                                 .arg(qs(fs.path), qs(referrer.curId().toString())),
                             res.error()));
            }
        }
    }
    return {};
}

} // namespace kanri::kustomize::detail

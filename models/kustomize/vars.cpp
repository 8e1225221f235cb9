#include "kustinternal.h"
#include "yamlemitter.h"

#include <algorithm>
#include <map>

// Vars: $(VAR) references resolved in the fields kustomize's varReference configuration names
// (kustomize's ResAccumulator.ResolveVars and api/filters/refvar).

namespace kanri::kustomize::detail {

namespace {

// kubernetes expansion: $(VAR) replaced, $$ escapes.
Value expandVars(const std::string &in, const std::map<std::string, Value> &vars,
                 std::set<std::string> &used)
{
    // A whole-string reference keeps the variable's type.
    if (in.size() > 3 && in.starts_with("$(") && in.back() == ')' &&
        in.find(')') == in.size() - 1) {
        auto it = vars.find(in.substr(2, in.size() - 3));
        if (it != vars.end()) {
            used.insert(it->first);
            return it->second;
        }
    }
    std::string out;
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '$' && i + 1 < in.size()) {
            if (in[i + 1] == '$') {
                out += '$';
                ++i;
                continue;
            }
            if (in[i + 1] == '(') {
                const size_t close = in.find(')', i + 2);
                if (close != std::string::npos) {
                    const std::string name = in.substr(i + 2, close - i - 2);
                    auto it = vars.find(name);
                    if (it != vars.end()) {
                        used.insert(name);
                        out += it->second.isString() ? it->second.text
                                                     : yaml::jsonScalarText(it->second);
                    } else {
                        out += in.substr(i, close - i + 1);
                    }
                    i = close;
                    continue;
                }
            }
        }
        out += in[i];
    }
    return Value::string(out);
}

void expandNode(Value &n, const std::map<std::string, Value> &vars, std::set<std::string> &used)
{
    if (n.isString()) {
        if (n.text.find("$(") != std::string::npos)
            n = expandVars(n.text, vars, used);
    } else if (n.isSeq()) {
        for (Value &i : n.items)
            expandNode(i, vars, used);
    } else if (n.isMap()) {
        for (MapEntry &e : n.entries)
            expandNode(e.value, vars, used);
    }
}

} // namespace

Result<void> Build::resolveVars(Acc &acc)
{
    if (acc.vars.empty())
        return {};
    std::map<std::string, Value> values;
    for (const Var &v : acc.vars) {
        std::vector<Resource *> matches;
        for (Resource &r : acc.res)
            if (std::find(r.refVarNames.begin(), r.refVarNames.end(), v.name) !=
                r.refVarNames.end()) {
                matches.push_back(&r);
                break;
            }
        if (matches.empty())
            return fail(Error::Code::NotFound,
                        tr("var '%1' cannot be mapped to a field in the set of known resources")
                            .arg(qs(v.name)));
        std::vector<Value *> found;
        std::string fp = v.fieldPath;
        // fieldpaths like spec.ports[0].port
        std::string norm;
        for (size_t i = 0; i < fp.size(); ++i) {
            if (fp[i] == '[' && i + 1 < fp.size() &&
                std::isdigit(static_cast<unsigned char>(fp[i + 1]))) {
                const size_t c = fp.find(']', i);
                norm += "." + fp.substr(i + 1, c - i - 1);
                i = c;
            } else {
                norm += fp[i];
            }
        }
        if (auto f = pathGet(matches[0]->obj, splitFieldPath(norm), std::nullopt); f && *f)
            found.push_back(*f);
        if (found.empty())
            return fail(Error::Code::NotFound,
                        tr("field specified in var '%1' not found in corresponding resource")
                            .arg(qs(v.name)));
        values[v.name] = *found[0];
    }
    std::set<std::string> used;
    for (Resource &r : acc.res) {
        for (const FieldSpec &fs : acc.tc().varReference) {
            if (!r.gvk().selectedBy(fs.gvk))
                continue;
            (void)applyFieldSpec(r.obj, FieldSpec{fs.gvk, fs.path, false},
                                 [&](Value &n) -> Result<void> {
                                     expandNode(n, values, used);
                                     return {};
                                 });
        }
    }
    QStringList unused;
    for (const Var &v : acc.vars)
        if (!used.count(v.name))
            unused << qs(v.name);
    if (!unused.isEmpty())
        warn(tr("well-defined vars that were never replaced: %1")
                 .arg(unused.join(QStringLiteral(","))));
    return {};
}

} // namespace kanri::kustomize::detail

#include "kustomize/kustinternal.h"
#include "yaml/yamlemitter.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

// Replacements: values copied from a source field to target fields (kustomize's
// api/filters/replacement), and the kyaml field paths they and vars use.

namespace kanri::kustomize::detail {

std::vector<std::string> splitFieldPath(const std::string &path)
{
    // kyaml's PathSplitter: a delimiter after a backslash is part of the element.
    std::vector<std::string> split;
    size_t start = 0;
    while (true) {
        const size_t dot = path.find('.', start);
        std::string elem = path.substr(start, dot == std::string::npos ? dot : dot - start);
        if (!split.empty() && split.back().ends_with('\\')) {
            split.back().pop_back();
            split.back() += "." + elem;
        } else {
            split.push_back(std::move(elem));
        }
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    // SmarterPathSplitter: "[a.b=c]" stays one element; "[a.b]" is the map key a.b.
    std::vector<std::string> result;
    for (size_t i = 0; i < split.size(); ++i) {
        const std::string &elem = split[i];
        if (elem.starts_with('[') && !elem.ends_with(']')) {
            std::string bracketed = elem;
            while (i + 1 < split.size()) {
                ++i;
                bracketed += "." + split[i];
                if (split[i].ends_with(']'))
                    break;
            }
            if (bracketed.find('=') != std::string::npos) {
                result.push_back(bracketed);
            } else {
                size_t f = bracketed.find_first_not_of("[]");
                size_t l = bracketed.find_last_not_of("[]");
                result.push_back(f == std::string::npos ? std::string()
                                                        : bracketed.substr(f, l - f + 1));
            }
        } else {
            result.push_back(elem);
        }
    }
    // kyaml's cleanPath: elements are trimmed and empty ones dropped (".metadata.name").
    std::vector<std::string> clean;
    for (std::string &e : result) {
        const size_t f = e.find_first_not_of(" \t\n\r\v\f");
        if (f == std::string::npos)
            continue;
        const size_t l = e.find_last_not_of(" \t\n\r\v\f");
        clean.push_back(e.substr(f, l - f + 1));
    }
    return clean;
}

namespace {

bool isListIndex(const std::string &p)
{
    return p.starts_with('[') && p.ends_with(']');
}

// Go's strconv.Atoi: an optional sign and decimal digits.
std::optional<long long> atoi(const std::string &s)
{
    size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
    if (i == s.size() || s.size() > 18)
        return std::nullopt;
    for (size_t j = i; j < s.size(); ++j)
        if (s[j] < '0' || s[j] > '9')
            return std::nullopt;
    return std::stoll(s);
}

Result<std::pair<std::string, std::string>> splitIndexNameValue(const std::string &p)
{
    const std::string elem = p.substr(1, p.size() - 2);
    const size_t eq = elem.find('=');
    if (eq == std::string::npos)
        return fail(Error::Code::Syntax, tr("list path element must contain fieldName=fieldValue "
                                            "for element to match"));
    return std::pair{elem.substr(0, eq), elem.substr(eq + 1)};
}

const char *kindName(const Value &v)
{
    return v.isMap() ? "MappingNode" : v.isSeq() ? "SequenceNode" : "ScalarNode";
}

Error wrongKind(const Value &v, const char *expected)
{
    return Error{tr("wrong node kind: expected %1 but got %2")
                     .arg(QLatin1String(expected), QLatin1String(kindName(v))),
                 {},
                 0,
                 0,
                 Error::Code::Syntax};
}

// The element of a sequence whose `key` is `value` (a scalar element itself for "[=value]").
bool elementMatches(const Value &e, const std::string &key, const std::string &value)
{
    if (key.empty())
        return e.isScalar() && e.text == value;
    const Value *f = e.isMap() ? e.get(key) : nullptr;
    return f && f->isScalar() && f->text == value;
}

Value makeKind(Value::Type t)
{
    return t == Value::Type::Map ? Value::map() : t == Value::Type::Seq ? Value::seq() : Value();
}

} // namespace

Result<Value *> pathGet(Value &root, const std::vector<std::string> &segs,
                        std::optional<Value::Type> create, bool *created)
{
    Value *match = &root;
    if (created)
        *created = false;
    for (size_t i = 0; i < segs.size(); ++i) {
        const std::string &part = segs[i];
        const std::string next = i + 1 < segs.size() ? segs[i + 1] : std::string();
        // The kind a missing node is created with: a sequence before "[k=v]", the requested
        // kind at the end, otherwise a mapping.
        const Value::Type kind = isListIndex(next) ? Value::Type::Seq
                                 : next.empty()    ? create.value_or(Value::Type::Null)
                                                   : Value::Type::Map;
        Value &node = *match;
        if (auto idx = atoi(part)) {
            if (*idx < 0)
                return fail(Error::Code::Syntax, tr("array index %1 cannot be negative").arg(*idx));
            if (node.isNull())
                return nullptr;
            if (!node.isSeq())
                return std::unexpected(wrongKind(node, "SequenceNode"));
            if (create && size_t(*idx) == node.items.size()) {
                // An index one past the end appends (kyaml's PathGetter with create).
                node.items.push_back(makeKind(kind));
                if (created && i + 1 == segs.size())
                    *created = true;
            }
            if (size_t(*idx) >= node.items.size())
                return nullptr;
            match = &node.items[size_t(*idx)];
        } else if (part == "-") {
            if (node.isNull())
                return nullptr;
            if (!node.isSeq())
                return std::unexpected(wrongKind(node, "SequenceNode"));
            if (node.items.empty())
                return nullptr;
            match = &node.items.back();
        } else if (isListIndex(part)) {
            auto kv = splitIndexNameValue(part);
            if (!kv)
                return std::unexpected(kv.error());
            if (node.isNull() && !create)
                return nullptr;
            if (node.isNull())
                node = Value::seq();
            if (!node.isSeq())
                return std::unexpected(wrongKind(node, "SequenceNode"));
            Value *found = nullptr;
            for (Value &e : node.items)
                if (elementMatches(e, kv->first, kv->second)) {
                    found = &e;
                    break;
                }
            if (!found) {
                if (!create)
                    return nullptr;
                if (kv->first.empty()) {
                    node.items.push_back(Value::plain(kv->second));
                } else {
                    Value e = Value::map();
                    e.set(kv->first, Value::plain(kv->second));
                    node.items.push_back(std::move(e));
                }
                found = &node.items.back();
                if (created && i + 1 == segs.size())
                    *created = true;
            }
            match = found;
        } else {
            if (node.isNull() && !create)
                return nullptr;
            if (node.isNull())
                node = Value::map();
            if (!node.isMap())
                return std::unexpected(wrongKind(node, "MappingNode"));
            Value *child = node.get(part);
            if (!child) {
                if (!create)
                    return nullptr;
                child = &node.set(part, makeKind(kind));
                if (created && i + 1 == segs.size())
                    *created = true;
            }
            match = child;
        }
    }
    return match;
}

Result<void> pathMatch(Value &node, const std::vector<std::string> &segs, size_t i,
                       std::vector<Value *> &out)
{
    if (i == segs.size()) {
        out.push_back(&node);
        return {};
    }
    const std::string &part = segs[i];
    auto elements = [&]() -> Result<void> {
        if (!node.isSeq() && !node.isNull())
            return std::unexpected(wrongKind(node, "SequenceNode"));
        return {};
    };
    if (auto idx = atoi(part); idx && *idx >= 0) {
        if (auto r = elements(); !r)
            return r;
        if (size_t(*idx) >= node.items.size())
            return fail(Error::Code::NotFound, tr("index %1 specified but only %2 elements found")
                                                   .arg(*idx)
                                                   .arg(node.items.size()));
        return pathMatch(node.items[size_t(*idx)], segs, i + 1, out);
    }
    if (isListIndex(part)) {
        auto kv = splitIndexNameValue(part);
        if (!kv)
            return std::unexpected(kv.error());
        if (auto r = elements(); !r)
            return r;
        // The value is a regular expression, matched anywhere in the element's value.
        const QRegularExpression re(qs(kv->second));
        if (!re.isValid())
            return fail(Error::Code::Syntax,
                        tr("error parsing regexp: %1: `%2`").arg(re.errorString(), qs(kv->second)));
        for (Value &e : node.items) {
            const Value *v = kv->first.empty() ? &e : (e.isMap() ? e.get(kv->first) : nullptr);
            if (!v || !v->isScalar() || !re.match(qs(v->text)).hasMatch())
                continue;
            if (kv->first.empty()) {
                out.push_back(&e);
                continue;
            }
            if (auto r = pathMatch(e, segs, i + 1, out); !r)
                return r;
        }
        return {};
    }
    if (part == "*") {
        if (auto r = elements(); !r)
            return r;
        for (Value &e : node.items)
            if (auto r = pathMatch(e, segs, i + 1, out); !r)
                return r;
        return {};
    }
    if (node.isNull())
        return {};
    if (!node.isMap())
        return std::unexpected(wrongKind(node, "MappingNode"));
    Value *child = node.get(part);
    if (!child)
        return {};
    return pathMatch(*child, segs, i + 1, out);
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
// replacement filter sees the previous names kustomize keeps in internal annotations): name
// and namespace compare exactly (an empty namespace is "default"), the GVK's set fields match.
bool idSelected(const Value &sel, const Resource &r)
{
    const Gvk g{sel.str({"group"}), sel.str({"version"}), sel.str({"kind"})};
    const std::string name = sel.str({"name"});
    const ResId selId{g, name, sel.str({"namespace"})};
    auto one = [&](const ResId &id) {
        if (!name.empty() && name != id.name)
            return false;
        if (!selId.ns.empty() && effectiveNamespace(selId) != effectiveNamespace(id))
            return false;
        return id.gvk.selectedBy(g);
    };
    if (one(r.curId()))
        return true;
    for (const ResId &p : r.prevIds)
        if (one(p))
            return true;
    return false;
}

Result<bool> labelsSelected(const Value &sel, const Resource &r)
{
    auto l = matchLabelSelector(sel.str({"labelSelector"}), r.obj.at({"metadata", "labels"}));
    if (!l || !*l)
        return l;
    return matchLabelSelector(sel.str({"annotationSelector"}),
                              r.obj.at({"metadata", "annotations"}));
}

// A target's reject list: an entry rejects by its id fields, and separately by its label or
// annotation selector.
Result<bool> rejectedBy(const Value &rejects, const Resource &r)
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
        if (hasSel) {
            auto m = labelsSelected(x, r);
            if (!m || *m)
                return m;
        }
    }
    return false;
}

} // namespace

namespace {

// A selector printed as kustomize prints a ResId (Kind.version.group/name.namespace).
std::string selectorString(const Value &sel)
{
    return ResId{Gvk{sel.str({"group"}), sel.str({"version"}), sel.str({"kind"})},
                 sel.str({"name"}), sel.str({"namespace"})}
        .toString();
}

// yaml.v3's check when a typed scalar is decoded: the text must still resolve to its tag
// (a string takes any text; a float takes an integer).
Result<void> checkScalarType(const Value &v)
{
    if (v.type == Value::Type::String || !v.isScalar())
        return {};
    const Value::Type resolved = yaml::resolvePlain(v.text);
    if (resolved == v.type || (v.type == Value::Type::Float && resolved == Value::Type::Int))
        return {};
    auto tag = [](Value::Type t) {
        switch (t) {
        case Value::Type::Null:
            return "!!null";
        case Value::Type::Bool:
            return "!!bool";
        case Value::Type::Int:
            return "!!int";
        case Value::Type::Float:
            return "!!float";
        case Value::Type::Timestamp:
            return "!!timestamp";
        default:
            return "!!str";
        }
    };
    return fail(Error::Code::Syntax,
                tr("yaml: cannot decode %1 `%2` as a %3")
                    .arg(QLatin1String(tag(resolved)), qs(v.text), QLatin1String(tag(v.type))));
}

// kustomize's setTargetValue: a scalar target keeps its type and takes the value's text; any
// other target becomes a copy of the value.
Result<void> setTargetValue(const Value *options, Value &t, const Value &valueIn)
{
    Value value = valueIn;
    if (options && !options->str({"delimiter"}).empty()) {
        if (!t.isScalar())
            return fail(Error::Code::Syntax,
                        tr("delimiter option can only be used with scalar nodes"));
        const std::string delim = options->str({"delimiter"});
        auto parts = splitBy(t.text, delim);
        const long long idx = std::atoll(options->str({"index"}).c_str());
        const std::string v = value.isScalar() ? value.text : std::string();
        if (idx < 0)
            parts.insert(parts.begin(), v);
        else if (size_t(idx) >= parts.size())
            parts.push_back(v);
        else
            parts[size_t(idx)] = v;
        value = Value::string(join(parts, delim));
    }
    if (t.isScalar()) {
        t.text = value.isScalar() ? value.text : std::string();
        return checkScalarType(t);
    }
    t = std::move(value);
    return {};
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
        const Value *targets = rep.get("targets");
        if (!src || src->isNull() || !targets || targets->isNull())
            return fail(Error::Code::Syntax,
                        tr("replacements must specify a source and at least one target"));
        // The source: exactly one resource, its field looked up as kyaml's PathGetter does.
        Resource *source = nullptr;
        for (Resource &r : acc.res)
            if (idSelected(*src, r)) {
                if (source)
                    return fail(
                        Error::Code::Conflict,
                        tr("multiple matches for selector %1").arg(qs(selectorString(*src))));
                source = &r;
            }
        if (!source)
            return fail(Error::Code::NotFound,
                        tr("nothing selected by %1").arg(qs(selectorString(*src))));
        std::string fp = src->str({"fieldPath"});
        if (fp.empty())
            fp = "metadata.name";
        auto found = pathGet(source->obj, splitFieldPath(fp), std::nullopt);
        if (!found)
            return std::unexpected(found.error());
        const Value *fv = *found;
        if (!fv || fv->isNull() || (fv->isMap() && fv->entries.empty()) ||
            (fv->isSeq() && fv->items.empty()))
            return fail(Error::Code::NotFound,
                        tr("fieldPath `%1` is missing for replacement source %2")
                            .arg(qs(fp), qs(selectorString(*src))));
        Value value = *fv;
        if (const Value *o = src->get("options"); o && !o->str({"delimiter"}).empty()) {
            if (!value.isScalar())
                return fail(Error::Code::Syntax,
                            tr("delimiter option can only be used with scalar nodes"));
            const auto parts = splitBy(value.text, o->str({"delimiter"}));
            const long long idx = std::atoll(o->str({"index"}).c_str());
            if (idx < 0 || size_t(idx) >= parts.size())
                return fail(Error::Code::Syntax,
                            tr("options.index %1 is out of bounds for value %2")
                                .arg(idx)
                                .arg(qs(value.text)));
            Value refined = value;
            refined.text = parts[size_t(idx)];
            value = std::move(refined);
        }
        if (!targets->isSeq())
            continue;
        for (const Value &t : targets->items) {
            const Value *sel = t.get("select");
            if (!sel || sel->isNull())
                return fail(Error::Code::Syntax, tr("target must specify resources to select"));
            std::vector<std::string> paths = strList(t.get("fieldPaths"));
            if (paths.empty())
                paths.push_back("metadata.name");
            const Value *opts = t.get("options");
            const bool create = opts && opts->str({"create"}) == "true";
            for (Resource &r : acc.res) {
                auto picked = labelsSelected(*sel, r);
                if (!picked)
                    return std::unexpected(picked.error());
                if (!*picked || !idSelected(*sel, r))
                    continue;
                if (const Value *rej = t.get("reject")) {
                    auto rejected = rejectedBy(*rej, r);
                    if (!rejected)
                        return std::unexpected(rejected.error());
                    if (*rejected)
                        continue;
                }
                for (const std::string &path : paths) {
                    const std::vector<std::string> segs = splitFieldPath(path);
                    auto unable = [&](const Error &e) {
                        return wrap(
                            tr("unable to find field \"%1\" in replacement target").arg(qs(path)),
                            e);
                    };
                    // A wildcard path matches what exists, even with create.
                    if (create && std::find(segs.begin(), segs.end(), "*") == segs.end()) {
                        bool created = false;
                        auto n = pathGet(r.obj, segs, value.type, &created);
                        if (!n)
                            return std::unexpected(unable(n.error()));
                        if (!*n)
                            continue;
                        Value &node = **n;
                        if (created && value.isScalar()) {
                            // A new node has no tag: its type comes from the text.
                            node = Value::plain(value.text);
                            if (opts && !opts->str({"delimiter"}).empty())
                                if (auto x = setTargetValue(opts, node, value); !x)
                                    return x;
                            continue;
                        }
                        // A non-empty collection found here: each of its items is set.
                        if (node.isSeq() && !node.items.empty()) {
                            for (Value &item : node.items)
                                if (auto x = setTargetValue(opts, item, value); !x)
                                    return x;
                            continue;
                        }
                        if (auto x = setTargetValue(opts, node, value); !x)
                            return x;
                        continue;
                    }
                    std::vector<Value *> nodes;
                    if (auto m = pathMatch(r.obj, segs, 0, nodes); !m)
                        return std::unexpected(unable(m.error()));
                    for (Value *n : nodes)
                        if (auto x = setTargetValue(opts, *n, value); !x)
                            return x;
                }
            }
        }
    }
    return {};
}

} // namespace kanri::kustomize::detail

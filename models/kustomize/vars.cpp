#include "kustomize/kustinternal.h"
#include "yaml/yamlemitter.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

// Vars: $(VAR) references resolved in the fields kustomize's varReference configuration names
// (kustomize's ResAccumulator.ResolveVars, api/filters/refvar and Kubernetes' expansion).

namespace kanri::kustomize::detail {

namespace {

// A var's value as kyaml's GetFieldValue returns it: a string, an int64, a float64, a bool,
// or a map or list (which $(VAR) never replaces).
struct VarValue
{
    enum class Kind { String, Int, Float, Bool, Other } kind = Kind::String;
    std::string text;  // the string; the decimal int; "true"/"false"
    double number = 0; // Float
};

// Go's strconv.FormatFloat(f, 'g', -1, 64), which fmt's %v uses.
std::string goFloatG(double f)
{
    if (std::isinf(f))
        return f > 0 ? "+Inf" : "-Inf";
    if (std::isnan(f))
        return "NaN";
    char buf[64];
    // The shortest digits that round-trip, in scientific form: d.ddde±x.
    auto res = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    const size_t e = sci.find('e');
    std::string mant = sci.substr(0, e);
    const int exp = std::atoi(sci.c_str() + e + 1);
    bool neg = false;
    if (!mant.empty() && mant[0] == '-') {
        neg = true;
        mant.erase(0, 1);
    }
    std::string digits;
    for (char c : mant)
        if (c != '.')
            digits += c;
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    std::string out;
    if (exp < -4 || exp >= 6) {
        // %e form with the shortest digits: d[.ddd]e±XX
        out = digits.substr(0, 1);
        if (digits.size() > 1)
            out += "." + digits.substr(1);
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        out += eb;
    } else if (exp < 0) {
        out = "0." + std::string(size_t(-exp - 1), '0') + digits;
    } else {
        const size_t intDigits = size_t(exp) + 1;
        if (digits.size() <= intDigits)
            out = digits + std::string(intDigits - digits.size(), '0');
        else
            out = digits.substr(0, intDigits) + "." + digits.substr(intDigits);
    }
    return neg ? "-" + out : out;
}

// Go's strconv.FormatFloat(f, 'f', -1, 64).
std::string goFloatF(double f)
{
    char buf[512];
    auto res = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::fixed);
    return std::string(buf, res.ptr);
}

// Kubernetes' expansion.Expand: $(VAR) replaced, $$ is $, anything else kept; a string that is
// exactly one reference takes the variable's type.
struct Expanded
{
    bool typed = false; // the whole string was one reference to a known variable
    VarValue value;
    std::string text;
};

Expanded expand(const std::string &in, const std::map<std::string, VarValue> &vars,
                std::set<std::string> &used)
{
    Expanded out;
    std::string buf;
    size_t checkpoint = 0;
    for (size_t cursor = 0; cursor < in.size(); ++cursor) {
        if (in[cursor] != '$' || cursor + 1 >= in.size())
            continue;
        buf += in.substr(checkpoint, cursor - checkpoint);
        const std::string rest = in.substr(cursor + 1);
        std::string read;
        bool isVar = false;
        size_t advance = 1;
        if (rest[0] == '$') {
            read = "$";
        } else if (rest[0] == '(') {
            const size_t close = rest.find(')', 1);
            if (close != std::string::npos) {
                read = rest.substr(1, close - 1);
                isVar = true;
                advance = close + 1;
            } else {
                read = "$(";
            }
        } else {
            read = std::string("$") + rest[0];
        }
        if (isVar) {
            auto it = vars.find(read);
            if (it == vars.end() || it->second.kind == VarValue::Kind::Other) {
                buf += "$(" + read + ")";
            } else {
                used.insert(read);
                if (in == "$(" + read + ")") {
                    out.typed = true;
                    out.value = it->second;
                    return out;
                }
                buf += it->second.kind == VarValue::Kind::Float ? goFloatG(it->second.number)
                                                                : it->second.text;
            }
        } else {
            buf += read;
        }
        cursor += advance;
        checkpoint = cursor + 1;
    }
    out.text = buf + (checkpoint < in.size() ? in.substr(checkpoint) : std::string());
    return out;
}

// refvar's updateNodeValue: the node takes the expansion's type, in plain style.
void setExpanded(Value &n, const Expanded &e)
{
    if (!e.typed) {
        n = Value::string(e.text);
        return;
    }
    switch (e.value.kind) {
    case VarValue::Kind::Int:
        n = Value::integer(std::stoll(e.value.text));
        return;
    case VarValue::Kind::Bool:
        n = Value::boolean(e.value.text == "true");
        return;
    case VarValue::Kind::Float: {
        Value v;
        v.type = Value::Type::Float;
        v.text = goFloatF(e.value.number);
        n = std::move(v);
        return;
    }
    default:
        n = Value::string(e.value.text);
        return;
    }
}

// GetFieldValue: the path is split on dots, "a[0]" meaning a then element 0.
std::vector<std::string> varPath(const std::string &fieldPath)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        const size_t dot = fieldPath.find('.', start);
        std::string part = fieldPath.substr(start, dot == std::string::npos ? dot : dot - start);
        // ^(.*)\[(\d+)\]$
        const size_t open = part.rfind('[');
        bool index = part.ends_with(']') && open != std::string::npos && open + 2 < part.size();
        for (size_t i = open + 1; index && i + 1 < part.size(); ++i)
            index = std::isdigit(static_cast<unsigned char>(part[i]));
        if (index) {
            if (open > 0)
                out.push_back(part.substr(0, open));
            out.push_back(part.substr(open + 1, part.size() - open - 2));
        } else if (!part.empty()) {
            out.push_back(part);
        }
        if (dot == std::string::npos)
            return out;
        start = dot + 1;
    }
}

// A var as Go's %v prints it: {NAME Kind.version.group {fieldPath}}.
std::string varString(const Var &v)
{
    const std::string id = ResId{v.gvk, {}, {}}.toString();
    return "{" + v.name + " " + id.substr(0, id.find('/')) + " {" + v.fieldPath + "}}";
}

} // namespace

Result<void> Build::resolveVars(Acc &acc)
{
    if (acc.vars.empty())
        return {};
    std::map<std::string, VarValue> values;
    for (const Var &v : acc.vars) {
        Resource *source = nullptr;
        for (Resource &r : acc.res)
            if (std::find(r.refVarNames.begin(), r.refVarNames.end(), v.name) !=
                r.refVarNames.end()) {
                source = &r;
                break;
            }
        // Errors are placed at the var's declaration.
        auto atVar = [&](const QString &message) {
            place = {"vars", v.index};
            return std::unexpected(located(v.dir, Error{message, {}, 0, 0, Error::Code::NotFound}));
        };
        if (!source)
            return atVar(tr("var '%1' cannot be mapped to a field in the set of known resources")
                             .arg(qs(varString(v))));
        auto notFound = [&] {
            return atVar(tr("field specified in var '%1' not found in corresponding resource")
                             .arg(qs(varString(v))));
        };
        auto found = pathGet(source->obj, varPath(v.fieldPath), std::nullopt);
        if (!found || !*found)
            return notFound();
        const Value &n = **found;
        VarValue value;
        switch (n.type) {
        case Value::Type::Map:
        case Value::Type::Seq:
            value.kind = VarValue::Kind::Other;
            break;
        case Value::Type::Int: {
            // strconv.Atoi: decimal only.
            long long x = 0;
            const char *b = n.text.data(), *e = b + n.text.size();
            if (b != e && *b == '+')
                ++b;
            auto [ptr, ec] = std::from_chars(b, e, x);
            if (ec != std::errc() || ptr != e)
                return notFound();
            value.kind = VarValue::Kind::Int;
            value.text = std::to_string(x);
            break;
        }
        case Value::Type::Float: {
            bool ok = false;
            const double d = QString::fromStdString(n.text).toDouble(&ok);
            if (!ok)
                return notFound();
            value.kind = VarValue::Kind::Float;
            value.number = d;
            break;
        }
        case Value::Type::Bool: {
            const std::string l = lower(n.text);
            value.kind = VarValue::Kind::Bool;
            value.text = l == "true" || l == "t" || l == "1" ? "true" : "false";
            break;
        }
        default:
            value.text = n.text;
            break;
        }
        values[v.name] = value;
    }
    // refvar's Filter: at each varReference field, a string is expanded; in a map every string
    // value; in a list every item, which must be a string.
    std::set<std::string> used;
    auto setNode = [&](Value &n) -> Result<void> {
        if (n.isNull())
            return {};
        if (n.isString()) {
            if (n.text.find('$') != std::string::npos)
                setExpanded(n, expand(n.text, values, used));
            return {};
        }
        if (n.isMap()) {
            for (MapEntry &e : n.entries)
                if (e.value.isString() && e.value.text.find('$') != std::string::npos)
                    setExpanded(e.value, expand(e.value.text, values, used));
            return {};
        }
        if (n.isSeq()) {
            for (Value &i : n.items) {
                if (!i.isString())
                    return fail(Error::Code::Syntax, tr("invalid value type expect a string"));
                if (i.text.find('$') != std::string::npos)
                    setExpanded(i, expand(i.text, values, used));
            }
        }
        return {};
    };
    for (Resource &r : acc.res) {
        for (const FieldSpec &fs : acc.tc().varReference) {
            if (!r.selectedBy(fs.gvk))
                continue;
            if (auto x = applyFieldSpec(r, FieldSpec{fs.gvk, fs.path, false}, setNode); !x)
                return x;
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

#include "kustomize/kustinternal.h"

#include <QRegularExpression>

#include <memory>
#include <set>
#include <unordered_map>

// Selecting resources: patch targets, replacement sources and targets, label and annotation
// selectors (kustomize's resWrangler.Select, types.SelectorRegex, k8s.io/apimachinery labels).

namespace kanri::kustomize::detail {

namespace {

// ---- regular expressions (Go's regexp, RE2 syntax) ----------------------------------------------

// The first construct RE2 refuses that PCRE accepts: lookaround, atomic groups, back-references,
// possessive quantifiers, \Z. Empty when there is none.
QString re2Unsupported(const std::string &p)
{
    for (size_t i = 0; i < p.size(); ++i) {
        const char c = p[i];
        if (c == '\\' && i + 1 < p.size()) {
            const char n = p[i + 1];
            if ((n >= '1' && n <= '9') || n == 'Z' || n == 'g' || n == 'k' || n == 'K' ||
                n == 'R' || n == 'X' || n == 'G')
                return QStringLiteral("invalid escape sequence: `\\%1`").arg(QLatin1Char(n));
            ++i;
            continue;
        }
        if (c == '(' && i + 2 < p.size() && p[i + 1] == '?') {
            const std::string_view rest(p.data() + i, p.size() - i);
            for (std::string_view bad : {"(?=", "(?!", "(?<=", "(?<!", "(?>", "(?|", "(?(", "(?#"})
                if (rest.starts_with(bad))
                    return QStringLiteral("invalid or unsupported Perl syntax: `%1`")
                        .arg(QString::fromUtf8(bad.data(), qsizetype(bad.size())));
        }
        if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < p.size() && p[i + 1] == '+' &&
            (i == 0 || p[i - 1] != '\\'))
            return QStringLiteral("invalid nested repetition operator: `%1+`").arg(QLatin1Char(c));
    }
    return {};
}

struct CompiledRegex
{
    QRegularExpression re;
    QString error; // empty when valid
};

// Compiled, anchored patterns per thread (renders run on worker threads).
const CompiledRegex &compiled(const std::string &pattern)
{
    thread_local std::unordered_map<std::string, CompiledRegex> cache;
    auto it = cache.find(pattern);
    if (it != cache.end())
        return it->second;
    if (cache.size() > 4096)
        cache.clear();
    CompiledRegex c;
    const QString anchored = QStringLiteral("^(?:%1)$").arg(qs(pattern));
    c.error = re2Unsupported(pattern);
    if (c.error.isEmpty()) {
        c.re = QRegularExpression(anchored);
        if (!c.re.isValid())
            c.error = QStringLiteral("%1: `%2`").arg(c.re.errorString(), anchored);
        else
            c.re.optimize();
    }
    if (!c.error.isEmpty())
        c.error = QStringLiteral("error parsing regexp: ") + c.error;
    return cache.emplace(pattern, std::move(c)).first->second;
}

bool plainName(const std::string &pattern)
{
    return pattern.find_first_of(".^$*+?()[]{}|\\") == std::string::npos;
}

// ---- label selectors (k8s.io/apimachinery/pkg/labels.Parse) -------------------------------------

enum class Tok {
    Error,
    End,
    ClosedPar,
    Comma,
    DoesNotExist,
    DoubleEquals,
    Equals,
    GreaterThan,
    Identifier,
    In,
    LessThan,
    NotEquals,
    NotIn,
    OpenPar
};

struct Token
{
    Tok tok;
    std::string lit;
};

bool isSpecial(char c)
{
    return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::vector<Token> lex(const std::string &s)
{
    std::vector<Token> out;
    size_t i = 0;
    while (true) {
        while (i < s.size() && isSpace(s[i]))
            ++i;
        if (i >= s.size()) {
            out.push_back({Tok::End, {}});
            return out;
        }
        if (isSpecial(s[i])) {
            // The longest special symbol: "!=", "==", then one character.
            if (i + 1 < s.size() && s[i + 1] == '=' && (s[i] == '!' || s[i] == '=')) {
                out.push_back({s[i] == '!' ? Tok::NotEquals : Tok::DoubleEquals, s.substr(i, 2)});
                i += 2;
                continue;
            }
            Tok t = Tok::Error;
            switch (s[i]) {
            case ')':
                t = Tok::ClosedPar;
                break;
            case ',':
                t = Tok::Comma;
                break;
            case '!':
                t = Tok::DoesNotExist;
                break;
            case '=':
                t = Tok::Equals;
                break;
            case '>':
                t = Tok::GreaterThan;
                break;
            case '<':
                t = Tok::LessThan;
                break;
            case '(':
                t = Tok::OpenPar;
                break;
            default:
                break;
            }
            out.push_back({t, s.substr(i, 1)});
            ++i;
            continue;
        }
        const size_t start = i;
        while (i < s.size() && !isSpace(s[i]) && !isSpecial(s[i]))
            ++i;
        std::string word = s.substr(start, i - start);
        const Tok t = word == "in" ? Tok::In : word == "notin" ? Tok::NotIn : Tok::Identifier;
        out.push_back({t, std::move(word)});
    }
}

const QString qualifiedNameError = QStringLiteral(
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
    "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");

bool alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool qualifiedNamePart(const std::string &n)
{
    if (n.empty() || !alnum(n.front()) || !alnum(n.back()))
        return false;
    for (char c : n)
        if (!alnum(c) && c != '-' && c != '_' && c != '.')
            return false;
    return true;
}

// A lowercase RFC 1123 subdomain.
bool dnsSubdomain(const std::string &s)
{
    if (s.empty() || s.size() > 253)
        return false;
    size_t start = 0;
    while (true) {
        const size_t dot = s.find('.', start);
        const std::string label = s.substr(start, dot == std::string::npos ? dot : dot - start);
        if (label.empty())
            return false;
        auto lowerAlnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
        if (!lowerAlnum(label.front()) || !lowerAlnum(label.back()))
            return false;
        for (char c : label)
            if (!lowerAlnum(c) && c != '-')
                return false;
        if (dot == std::string::npos)
            return true;
        start = dot + 1;
    }
}

QString checkLabelKey(const std::string &key)
{
    QStringList errs;
    std::string name = key;
    const size_t slashes = size_t(std::count(key.begin(), key.end(), '/'));
    if (slashes > 1)
        return QStringLiteral("invalid label key \"%1\": a qualified name %2 with an optional DNS "
                              "subdomain prefix and '/' (e.g. 'example.com/MyName')")
            .arg(qs(key), qualifiedNameError);
    if (slashes == 1) {
        const std::string prefix = key.substr(0, key.find('/'));
        name = key.substr(key.find('/') + 1);
        if (prefix.empty())
            errs << QStringLiteral("prefix part must be non-empty");
        else if (!dnsSubdomain(prefix))
            errs << QStringLiteral(
                "prefix part a lowercase RFC 1123 subdomain must consist of lower case "
                "alphanumeric characters, '-' or '.', and must start and end with an "
                "alphanumeric character (e.g. 'example.com', regex used for validation is "
                "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }
    if (name.empty())
        errs << QStringLiteral("name part must be non-empty");
    else if (name.size() > 63)
        errs << QStringLiteral("name part must be no more than 63 characters");
    if (!qualifiedNamePart(name))
        errs << QStringLiteral("name part ") + qualifiedNameError;
    if (errs.isEmpty())
        return {};
    return QStringLiteral("invalid label key \"%1\": %2")
        .arg(qs(key), errs.join(QStringLiteral("; ")));
}

QString checkLabelValue(const std::string &key, const std::string &value)
{
    if (value.empty())
        return {};
    QStringList errs;
    if (value.size() > 63)
        errs << QStringLiteral("must be no more than 63 characters");
    if (!qualifiedNamePart(value))
        errs << QStringLiteral(
            "a valid label must be an empty string or consist of alphanumeric characters, '-', "
            "'_' or '.', and must start and end with an alphanumeric character (e.g. "
            "'MyValue',  or 'my_value',  or '12345', regex used for validation is "
            "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    if (errs.isEmpty())
        return {};
    return QStringLiteral("invalid label value: \"%1\": at key: \"%2\": %3")
        .arg(qs(value), qs(key), errs.join(QStringLiteral("; ")));
}

enum class Op { Exists, DoesNotExist, Equals, NotEquals, In, NotIn, GreaterThan, LessThan };

struct Requirement
{
    std::string key;
    Op op;
    std::set<std::string> values;
};

using Requirements = std::vector<Requirement>;

class SelectorParser
{
public:
    explicit SelectorParser(const std::string &s)
        : m_toks(lex(s))
    {}

    Result<Requirements> parse()
    {
        Requirements out;
        while (true) {
            const Token &t = peek();
            if (t.tok == Tok::Identifier || t.tok == Tok::DoesNotExist) {
                auto r = requirement();
                if (!r)
                    return fail(Error::Code::Syntax,
                                QStringLiteral("unable to parse requirement: ") +
                                    r.error().message);
                out.push_back(std::move(*r));
                const Token n = next();
                if (n.tok == Tok::End)
                    return out;
                if (n.tok == Tok::Comma) {
                    const Token &a = peek();
                    if (a.tok != Tok::Identifier && a.tok != Tok::DoesNotExist)
                        return err(QStringLiteral("found '%1', expected: identifier after ','")
                                       .arg(qs(a.lit)));
                    continue;
                }
                return err(
                    QStringLiteral("found '%1', expected: ',' or 'end of string'").arg(qs(n.lit)));
            }
            if (t.tok == Tok::End)
                return out;
            return err(QStringLiteral("found '%1', expected: !, identifier, or 'end of string'")
                           .arg(qs(t.lit)));
        }
    }

private:
    static std::unexpected<Error> err(const QString &m) { return fail(Error::Code::Syntax, m); }
    const Token &peek() const { return m_toks[std::min(m_pos, m_toks.size() - 1)]; }
    Token next()
    {
        const Token t = peek();
        if (m_pos < m_toks.size())
            ++m_pos;
        return t;
    }

    Result<Requirement> requirement()
    {
        Requirement r;
        bool notExists = false;
        Token t = next();
        if (t.tok == Tok::DoesNotExist) {
            notExists = true;
            t = next();
        }
        if (t.tok != Tok::Identifier)
            return err(QStringLiteral("found '%1', expected: identifier").arg(qs(t.lit)));
        if (const QString e = checkLabelKey(t.lit); !e.isEmpty())
            return err(e);
        r.key = t.lit;
        const Tok after = peek().tok;
        if (after == Tok::End || after == Tok::Comma) {
            r.op = notExists ? Op::DoesNotExist : Op::Exists;
            return r;
        }
        if (notExists)
            return err(QStringLiteral("values set must be empty for exists and does not exist"));
        const Token op = next();
        switch (op.tok) {
        case Tok::In:
        case Tok::NotIn: {
            r.op = op.tok == Tok::In ? Op::In : Op::NotIn;
            auto v = values();
            if (!v)
                return std::unexpected(v.error());
            r.values = std::move(*v);
            break;
        }
        case Tok::Equals:
        case Tok::DoubleEquals:
        case Tok::NotEquals:
        case Tok::GreaterThan:
        case Tok::LessThan: {
            r.op = op.tok == Tok::NotEquals     ? Op::NotEquals
                   : op.tok == Tok::GreaterThan ? Op::GreaterThan
                   : op.tok == Tok::LessThan    ? Op::LessThan
                                                : Op::Equals;
            const Token &a = peek();
            if (a.tok == Tok::End || a.tok == Tok::Comma) {
                r.values.insert(std::string());
            } else {
                const Token v = next();
                if (v.tok != Tok::Identifier)
                    return err(QStringLiteral("found '%1', expected: identifier").arg(qs(v.lit)));
                r.values.insert(v.lit);
            }
            break;
        }
        default:
            return err(QStringLiteral("found '%1', expected: in, notin, =, ==, !=, gt, lt")
                           .arg(qs(op.lit)));
        }
        if ((r.op == Op::GreaterThan || r.op == Op::LessThan)) {
            const std::string &v = *r.values.begin();
            char *end = nullptr;
            (void)std::strtoll(v.c_str(), &end, 10);
            if (v.empty() || (end && *end))
                return err(QStringLiteral("for 'Gt', 'Lt' operators, the value must be an "
                                          "integer"));
            return r;
        }
        for (const std::string &v : r.values)
            if (const QString e = checkLabelValue(r.key, v); !e.isEmpty())
                return err(e);
        return r;
    }

    Result<std::set<std::string>> values()
    {
        std::set<std::string> s;
        const Token open = next();
        if (open.tok != Tok::OpenPar)
            return err(QStringLiteral("found '%1' expected: '('").arg(qs(open.lit)));
        const Token &first = peek();
        if (first.tok == Tok::ClosedPar) {
            next();
            s.insert(std::string());
            return s;
        }
        if (first.tok != Tok::Identifier && first.tok != Tok::Comma)
            return err(
                QStringLiteral("found '%1', expected: ',', ')' or identifier").arg(qs(first.lit)));
        while (true) {
            const Token t = next();
            if (t.tok == Tok::Identifier) {
                s.insert(t.lit);
                const Token &a = peek();
                if (a.tok == Tok::Comma) {
                    next();
                    continue;
                }
                if (a.tok == Tok::ClosedPar) {
                    next();
                    return s;
                }
                return err(QStringLiteral("found '%1', expected: ',' or ')'").arg(qs(a.lit)));
            }
            if (t.tok == Tok::Comma) {
                s.insert(std::string());
                const Token &a = peek();
                if (a.tok == Tok::ClosedPar) {
                    next();
                    return s;
                }
                continue;
            }
            return err(QStringLiteral("found '%1', expected: ',', or identifier").arg(qs(t.lit)));
        }
    }

    std::vector<Token> m_toks;
    size_t m_pos = 0;
};

const Result<Requirements> &parsedSelector(const std::string &selector)
{
    thread_local std::unordered_map<std::string, Result<Requirements>> cache;
    auto it = cache.find(selector);
    if (it != cache.end())
        return it->second;
    if (cache.size() > 4096)
        cache.clear();
    return cache.emplace(selector, SelectorParser(selector).parse()).first->second;
}

bool matches(const Requirements &reqs, const Value *labels)
{
    for (const Requirement &r : reqs) {
        const Value *x = labels && labels->isMap() ? labels->get(r.key) : nullptr;
        const bool has = x != nullptr;
        const std::string v = x && x->isScalar() && !x->isNull() ? x->text : std::string();
        switch (r.op) {
        case Op::Exists:
            if (!has)
                return false;
            break;
        case Op::DoesNotExist:
            if (has)
                return false;
            break;
        case Op::Equals:
        case Op::In:
            if (!has || !r.values.count(v))
                return false;
            break;
        case Op::NotEquals:
        case Op::NotIn:
            if (has && r.values.count(v))
                return false;
            break;
        case Op::GreaterThan:
        case Op::LessThan: {
            if (!has)
                return false;
            char *end = nullptr;
            const long long n = std::strtoll(v.c_str(), &end, 10);
            if (v.empty() || (end && *end))
                return false;
            const long long want = std::strtoll(r.values.begin()->c_str(), nullptr, 10);
            if (r.op == Op::GreaterThan ? !(n > want) : !(n < want))
                return false;
            break;
        }
        }
    }
    return true;
}

} // namespace

Result<bool> regexFull(const std::string &pattern, const std::string &value)
{
    if (pattern.empty())
        return true;
    // Most selectors are plain names: no need for a regular expression.
    if (plainName(pattern))
        return pattern == value;
    const CompiledRegex &c = compiled(pattern);
    if (!c.error.isEmpty())
        return fail(Error::Code::Syntax, c.error);
    return c.re.match(qs(value)).hasMatch();
}

Result<bool> matchLabelSelector(const std::string &selector, const Value *labels)
{
    if (selector.empty())
        return true;
    const Result<Requirements> &reqs = parsedSelector(selector);
    if (!reqs)
        return std::unexpected(reqs.error());
    return matches(*reqs, labels);
}

// kustomize's ResId.EffectiveNamespace: cluster-scoped kinds have none, an empty namespace
// is "default".
std::string effectiveNamespace(const ResId &id)
{
    if (id.isClusterScoped())
        return "_non_namespaceable_";
    return id.ns.empty() ? std::string("default") : id.ns;
}

Result<void> checkSelector(const Value &sel)
{
    for (const char *f : {"group", "version", "kind", "name", "namespace"}) {
        const std::string p = sel.str({f});
        if (p.empty() || plainName(p))
            continue;
        if (const CompiledRegex &c = compiled(p); !c.error.isEmpty())
            return fail(Error::Code::Syntax, c.error);
    }
    return {};
}

// kustomize's resWrangler.Select: name and namespace (anchored regular expressions) match the
// original or the current id, the GVK the current one, then the label and annotation
// selectors.
Result<bool> selects(const Value &sel, const Resource &r)
{
    const ResId cur = r.curId(), org = r.orgId();
    auto any = [](const std::string &pattern, const std::string &a,
                  const std::string &b) -> Result<bool> {
        auto x = regexFull(pattern, a);
        if (!x || *x)
            return x;
        return regexFull(pattern, b);
    };
    if (const std::string ns = sel.str({"namespace"}); !ns.empty()) {
        auto m = any(ns, effectiveNamespace(org), effectiveNamespace(cur));
        if (!m || !*m)
            return m;
    }
    if (const std::string name = sel.str({"name"}); !name.empty()) {
        auto m = any(name, org.name, cur.name);
        if (!m || !*m)
            return m;
    }
    for (const auto &[field, value] :
         {std::pair{"group", &cur.gvk.group}, std::pair{"version", &cur.gvk.version},
          std::pair{"kind", &cur.gvk.kind}}) {
        const std::string want = sel.str({field});
        if (want.empty())
            continue;
        auto m = regexFull(want, *value);
        if (!m || !*m)
            return m;
    }
    auto l = matchLabelSelector(sel.str({"labelSelector"}), r.obj.at({"metadata", "labels"}));
    if (!l || !*l)
        return l;
    return matchLabelSelector(sel.str({"annotationSelector"}),
                              r.obj.at({"metadata", "annotations"}));
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

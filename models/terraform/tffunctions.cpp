#include "terraform/tffunctions.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace kanri::terraform {

namespace {

using K = Value::Kind;

std::unexpected<QString> err(const QString &m)
{
    return std::unexpected(m);
}

bool isSeq(const Value &v)
{
    return v.kind() == K::List || v.kind() == K::Set;
}

bool anyShallowUnknown(const std::vector<Value> &args)
{
    return std::any_of(args.begin(), args.end(), [](const Value &v) { return v.isUnknown(); });
}

bool anyNotWhollyKnown(const std::vector<Value> &args)
{
    return std::any_of(args.begin(), args.end(), [](const Value &v) { return !v.isWhollyKnown(); });
}

int graphemes(const QString &s)
{
    QTextBoundaryFinder f(QTextBoundaryFinder::Grapheme, s);
    int n = 0;
    while (f.toNextBoundary() > 0)
        ++n;
    return n;
}

QString kindName(const Value &v)
{
    switch (v.kind()) {
    case K::Null:
        return QStringLiteral("null");
    case K::Unknown:
        return QStringLiteral("unknown");
    case K::Bool:
        return QStringLiteral("bool");
    case K::Number:
        return QStringLiteral("number");
    case K::String:
        return QStringLiteral("string");
    case K::List:
        return QStringLiteral("list");
    case K::Set:
        return QStringLiteral("set");
    case K::Map:
        return QStringLiteral("object");
    }
    return {};
}

// Elements of a list or set whose primitive types differ are all made strings, as cty's type
// unification does (toset([1, "a"]) is ["1", "a"]).
std::optional<std::vector<Value>> unify(std::vector<Value> items)
{
    bool sawString = false, sawOtherPrimitive = false, sawCollection = false;
    for (const Value &v : items) {
        if (v.kind() == K::String)
            sawString = true;
        else if (v.kind() == K::Number || v.kind() == K::Bool)
            sawOtherPrimitive = true;
        else if (v.isCollection())
            sawCollection = true;
    }
    if (sawCollection && (sawString || sawOtherPrimitive))
        return std::nullopt;
    bool kindsDiffer = false;
    for (const Value &v : items)
        if (!v.isNull() && v.isKnown() && !items.empty() && v.kind() != items.front().kind() &&
            !items.front().isNull())
            kindsDiffer = true;
    if (sawString || (sawOtherPrimitive && kindsDiffer))
        for (Value &v : items)
            if (v.kind() == K::Number || v.kind() == K::Bool)
                v = *toStringValue(v);
    return items;
}

QString goQuote(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (QChar c : s) {
        switch (c.unicode()) {
        case '"':
            out += QStringLiteral("\\\"");
            break;
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        case '\r':
            out += QStringLiteral("\\r");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\x%1").arg(int(c.unicode()), 2, 16, QChar(u'0'));
            else
                out += c;
        }
    }
    return out + u'"';
}

// cty's format: %% %v %#v %t %d %f %e %g %s %q %x %X %o %b with flags (+ - space 0), width,
// precision and explicit argument indexes [n].
FunctionResult format(const std::vector<Value> &args)
{
    const QString f = args[0].str();
    QString out;
    std::size_t argi = 1;
    for (qsizetype i = 0; i < f.size(); ++i) {
        if (f[i] != u'%') {
            out += f[i];
            continue;
        }
        ++i;
        if (i >= f.size())
            return err(QStringLiteral("unterminated format verb"));
        if (f[i] == u'%') {
            out += u'%';
            continue;
        }
        bool minus = false, plus = false, zero = false, space = false, sharp = false;
        for (; i < f.size(); ++i) {
            const QChar c = f[i];
            if (c == u'-')
                minus = true;
            else if (c == u'+')
                plus = true;
            else if (c == u'0')
                zero = true;
            else if (c == u' ')
                space = true;
            else if (c == u'#')
                sharp = true;
            else
                break;
        }
        if (i < f.size() && f[i] == u'[') {
            const qsizetype close = f.indexOf(u']', i);
            if (close < 0)
                return err(QStringLiteral("unterminated argument index"));
            bool ok = false;
            const int n = f.mid(i + 1, close - i - 1).toInt(&ok);
            if (!ok || n < 1)
                return err(QStringLiteral("invalid argument index"));
            argi = std::size_t(n);
            i = close + 1;
        }
        int width = -1, prec = -1;
        qsizetype s = i;
        while (i < f.size() && f[i].isDigit())
            ++i;
        if (i > s)
            width = f.mid(s, i - s).toInt();
        if (i < f.size() && f[i] == u'.') {
            ++i;
            s = i;
            while (i < f.size() && f[i].isDigit())
                ++i;
            prec = f.mid(s, i - s).toInt();
        }
        if (i >= f.size())
            return err(QStringLiteral("unterminated format verb"));
        const QChar verb = f[i];
        if (argi >= args.size())
            return err(QStringLiteral("not enough arguments for the format verb %%%1").arg(verb));
        const Value &a = args[argi++];
        if (a.isUnknown())
            return Value::unknown();
        QString piece;
        auto number = [&]() -> std::optional<double> {
            auto n = toNumberValue(a);
            if (!n || n->isNull())
                return std::nullopt;
            return n->toNumber();
        };
        switch (verb.unicode()) {
        case 'v':
            if (sharp) {
                if (!a.isWhollyKnown())
                    return Value::unknown();
                piece = QString::fromUtf8(a.toJsonText());
            } else if (a.isNull()) {
                piece = QStringLiteral("null");
            } else if (auto sv = toStringValue(a); sv && !a.isCollection()) {
                piece = sv->str();
            } else {
                if (!a.isWhollyKnown())
                    return Value::unknown();
                piece = QString::fromUtf8(a.toJsonText());
            }
            break;
        case 's':
        case 'q': {
            auto sv = toStringValue(a);
            if (!sv || a.isNull())
                return err(QStringLiteral("unsupported value for \"%%%1\" at %2: string "
                                          "required")
                               .arg(verb)
                               .arg(argi - 1));
            piece = verb == u'q' ? goQuote(sv->str()) : sv->str();
            if (prec >= 0 && verb == u's')
                piece.truncate(prec);
            break;
        }
        case 't': {
            auto b = toBoolValue(a);
            if (!b || a.isNull())
                return err(QStringLiteral("unsupported value for \"%t\": bool required"));
            piece = b->toBool() ? QStringLiteral("true") : QStringLiteral("false");
            break;
        }
        case 'd':
        case 'b':
        case 'o':
        case 'x':
        case 'X': {
            if (verb != u'd' && a.kind() == K::String) {
                if (verb == u'x' || verb == u'X') {
                    const QByteArray hex = a.str().toUtf8().toHex();
                    piece = verb == u'X' ? QString::fromLatin1(hex).toUpper()
                                         : QString::fromLatin1(hex);
                    break;
                }
            }
            const auto d = number();
            if (!d)
                return err(
                    QStringLiteral("unsupported value for \"%%%1\": number required").arg(verb));
            if (*d != std::floor(*d) || std::isinf(*d))
                return err(QStringLiteral("unsupported value for \"%%%1\": an integer is "
                                          "required")
                               .arg(verb));
            const int base = verb == u'd' ? 10 : verb == u'b' ? 2 : verb == u'o' ? 8 : 16;
            const double mag = std::fabs(*d);
            piece = mag < 9.2e18 ? QString::number(qint64(mag), base) : Value::numberText(mag);
            if (verb == u'X')
                piece = piece.toUpper();
            if (prec >= 0)
                piece = piece.rightJustified(prec, u'0');
            if (*d < 0)
                piece.prepend(u'-');
            else if (plus)
                piece.prepend(u'+');
            else if (space)
                piece.prepend(u' ');
            break;
        }
        case 'f':
        case 'e':
        case 'g':
        case 'E':
        case 'G': {
            const auto d = number();
            if (!d)
                return err(
                    QStringLiteral("unsupported value for \"%%%1\": number required").arg(verb));
            const char fmt = char(verb.unicode());
            if (fmt == 'g' || fmt == 'G')
                piece = prec < 0 ? QString::number(*d, fmt, QLocale::FloatingPointShortest)
                                 : QString::number(*d, fmt, prec);
            else
                piece = QString::number(*d, fmt, prec < 0 ? 6 : prec);
            if (*d >= 0 && plus)
                piece.prepend(u'+');
            else if (*d >= 0 && space)
                piece.prepend(u' ');
            break;
        }
        default:
            return err(QStringLiteral("unrecognized format character '%1'").arg(verb));
        }
        if (width > 0 && piece.size() < width) {
            if (minus)
                piece = piece.leftJustified(width, u' ');
            else if (zero && verb != u's' && verb != u'q' && verb != u'v') {
                const bool sign = piece.startsWith(u'-') || piece.startsWith(u'+');
                QString body = sign ? piece.mid(1) : piece;
                body = body.rightJustified(width - (sign ? 1 : 0), u'0');
                piece = (sign ? piece.left(1) : QString()) + body;
            } else {
                piece = piece.rightJustified(width, u' ');
            }
        }
        out += piece;
    }
    if (argi < args.size())
        return err(
            QStringLiteral("too many arguments; only %1 used by format string").arg(argi - 1));
    return Value::string(out);
}

// Go's regexp replacement: $1, ${1}, ${name}, $$.
QString expandReplacement(const QString &tmpl, const QRegularExpressionMatch &m)
{
    QString out;
    for (qsizetype i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] != u'$' || i + 1 >= tmpl.size()) {
            out += tmpl[i];
            continue;
        }
        if (tmpl[i + 1] == u'$') {
            out += u'$';
            ++i;
            continue;
        }
        QString name;
        qsizetype j = i + 1;
        if (tmpl[j] == u'{') {
            const qsizetype close = tmpl.indexOf(u'}', j);
            if (close < 0) {
                out += tmpl[i];
                continue;
            }
            name = tmpl.mid(j + 1, close - j - 1);
            j = close + 1;
        } else {
            while (j < tmpl.size() && (tmpl[j].isLetterOrNumber() || tmpl[j] == u'_'))
                ++j;
            name = tmpl.mid(i + 1, j - i - 1);
        }
        if (name.isEmpty()) {
            out += tmpl[i];
            continue;
        }
        bool isNum = false;
        const int n = name.toInt(&isNum);
        out += isNum ? m.captured(n) : m.captured(name);
        i = j - 1;
    }
    return out;
}

FunctionResult flattenInto(const Value &v, std::vector<Value> &out, int depth)
{
    if (depth > 100)
        return err(QStringLiteral("lists nested too deeply"));
    for (const Value &e : v.items()) {
        if (e.isUnknown())
            return Value::unknown();
        if (isSeq(e)) {
            auto r = flattenInto(e, out, depth + 1);
            if (!r || r->isUnknown())
                return r;
        } else {
            out.push_back(e);
        }
    }
    return Value();
}

bool checkBudget(qint64 &budget, qint64 n)
{
    budget -= n;
    return budget >= 0;
}

} // namespace

std::optional<Value> toStringValue(const Value &v)
{
    switch (v.kind()) {
    case K::String:
    case K::Null:
    case K::Unknown:
        return v;
    case K::Number:
        return Value::string(Value::numberText(v.toNumber()));
    case K::Bool:
        return Value::string(v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    default:
        return std::nullopt;
    }
}

std::optional<Value> toNumberValue(const Value &v)
{
    switch (v.kind()) {
    case K::Number:
    case K::Null:
    case K::Unknown:
        return v;
    case K::String: {
        bool ok = false;
        const QString t = v.str();
        if (t.isEmpty() || t.trimmed() != t)
            return std::nullopt;
        const double d = t.toDouble(&ok);
        if (!ok || std::isnan(d))
            return std::nullopt;
        return Value::number(d);
    }
    default:
        return std::nullopt;
    }
}

std::optional<Value> toBoolValue(const Value &v)
{
    switch (v.kind()) {
    case K::Bool:
    case K::Null:
    case K::Unknown:
        return v;
    case K::String:
        if (v.str() == u"true")
            return Value::boolean(true);
        if (v.str() == u"false")
            return Value::boolean(false);
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

std::optional<FunctionResult> callFunction(const QString &name, const std::vector<Value> &args,
                                           qint64 &budget)
{
    const qsizetype n = qsizetype(args.size());
    auto arity = [&](qsizetype lo, qsizetype hi) -> std::optional<FunctionResult> {
        if (n < lo || n > hi) {
            if (lo == hi)
                return err(
                    QStringLiteral("%1 takes %2 argument(s), not %3").arg(name).arg(lo).arg(n));
            return err(QStringLiteral("wrong number of arguments for %1").arg(name));
        }
        return std::nullopt;
    };
    auto needString = [&](qsizetype i) -> std::optional<QString> {
        auto s = toStringValue(args[std::size_t(i)]);
        if (!s || s->isNull())
            return std::nullopt;
        return s->str();
    };
    auto stringFn =
        [&](qsizetype count,
            const std::function<FunctionResult(const QStringList &)> &fn) -> FunctionResult {
        if (auto a = arity(count, count))
            return *a;
        if (anyNotWhollyKnown(args))
            return Value::unknown();
        QStringList s;
        for (qsizetype i = 0; i < count; ++i) {
            auto v = needString(i);
            if (!v)
                return err(QStringLiteral("argument %1 of %2: string required, got %3")
                               .arg(i + 1)
                               .arg(name, kindName(args[std::size_t(i)])));
            s << *v;
        }
        return fn(s);
    };

    if (name == u"length") {
        if (auto a = arity(1, 1))
            return *a;
        const Value &v = args[0];
        if (v.isUnknown())
            return Value::unknown();
        if (v.isNull())
            return err(QStringLiteral("argument must not be null"));
        if (v.kind() == K::String)
            return Value::number(graphemes(v.str()));
        if (v.kind() == K::Number || v.kind() == K::Bool)
            return Value::number(graphemes(toStringValue(v)->str()));
        if (v.kind() == K::Set && !v.isWhollyKnown())
            return Value::unknown();
        return Value::number(double(v.length()));
    }
    if (name == u"lower" || name == u"upper" || name == u"trimspace" || name == u"title" ||
        name == u"chomp") {
        return stringFn(1, [&](const QStringList &s) -> FunctionResult {
            if (name == u"lower")
                return Value::string(s[0].toLower());
            if (name == u"upper")
                return Value::string(s[0].toUpper());
            if (name == u"trimspace")
                return Value::string(s[0].trimmed());
            if (name == u"chomp") {
                QString t = s[0];
                while (t.endsWith(u'\n') || t.endsWith(u'\r'))
                    t.chop(1);
                return Value::string(t);
            }
            QString t = s[0];
            bool start = true;
            for (QChar &c : t) {
                if (start && c.isLetter())
                    c = c.toTitleCase();
                start = !c.isLetter() && !c.isDigit();
            }
            return Value::string(t);
        });
    }
    if (name == u"startswith" || name == u"endswith" || name == u"trimprefix" ||
        name == u"trimsuffix") {
        return stringFn(2, [&](const QStringList &s) -> FunctionResult {
            if (name == u"startswith")
                return Value::boolean(s[0].startsWith(s[1]));
            if (name == u"endswith")
                return Value::boolean(s[0].endsWith(s[1]));
            if (name == u"trimprefix")
                return Value::string(s[0].startsWith(s[1]) ? s[0].mid(s[1].size()) : s[0]);
            return Value::string(s[0].endsWith(s[1]) ? s[0].left(s[0].size() - s[1].size()) : s[0]);
        });
    }
    if (name == u"replace") {
        return stringFn(3, [&](const QStringList &s) -> FunctionResult {
            const QString &str = s[0], &sub = s[1], &rep = s[2];
            if (sub.size() > 1 && sub.startsWith(u'/') && sub.endsWith(u'/')) {
                QRegularExpression re(sub.mid(1, sub.size() - 2));
                if (!re.isValid())
                    return err(
                        QStringLiteral("invalid regular expression: %1").arg(re.errorString()));
                QString out;
                qsizetype last = 0;
                auto it = re.globalMatch(str);
                while (it.hasNext()) {
                    const auto m = it.next();
                    out += str.mid(last, m.capturedStart() - last);
                    out += expandReplacement(rep, m);
                    last = m.capturedEnd();
                    if (!checkBudget(budget, out.size() / 16 + 1))
                        return err(QStringLiteral("the result is too large"));
                }
                out += str.mid(last);
                return Value::string(out);
            }
            if (sub.isEmpty()) {
                // Go's strings.Replace with an empty old string inserts at every rune boundary.
                QString out = rep;
                for (QChar c : str) {
                    out += c;
                    out += rep;
                }
                return Value::string(out);
            }
            QString out = str;
            out.replace(sub, rep);
            return Value::string(out);
        });
    }
    if (name == u"format") {
        if (n < 1)
            return err(QStringLiteral("format needs a format string"));
        if (args[0].isUnknown())
            return Value::unknown();
        auto f = needString(0);
        if (!f)
            return err(QStringLiteral("the format must be a string"));
        std::vector<Value> a = args;
        a[0] = Value::string(*f);
        return format(a);
    }
    if (name == u"join") {
        if (n < 2)
            return err(QStringLiteral("join takes a separator and at least one list"));
        if (anyShallowUnknown(args))
            return Value::unknown();
        auto sep = needString(0);
        if (!sep)
            return err(QStringLiteral("the separator must be a string"));
        QStringList parts;
        for (qsizetype i = 1; i < n; ++i) {
            if (!isSeq(args[std::size_t(i)]))
                return err(QStringLiteral("join: argument %1 must be a list").arg(i + 1));
            for (const Value &e : args[std::size_t(i)].items()) {
                if (e.isUnknown())
                    return Value::unknown();
                auto s = toStringValue(e);
                if (!s || e.isNull())
                    return err(QStringLiteral("join: elements must be strings"));
                parts << s->str();
            }
        }
        return Value::string(parts.join(*sep));
    }
    if (name == u"split") {
        return stringFn(2, [&](const QStringList &s) -> FunctionResult {
            std::vector<Value> out;
            const QStringList parts =
                s[0].isEmpty() && !s[1].isEmpty() ? QStringList{QString()} : s[1].split(s[0]);
            if (!checkBudget(budget, parts.size()))
                return err(QStringLiteral("the result is too large"));
            for (const QString &p : parts)
                out.push_back(Value::string(p));
            return Value::list(std::move(out));
        });
    }
    if (name == u"substr") {
        if (auto a = arity(3, 3))
            return *a;
        if (anyNotWhollyKnown(args))
            return Value::unknown();
        auto s = needString(0);
        auto off = toNumberValue(args[1]), len = toNumberValue(args[2]);
        if (!s || !off || !len || off->isNull() || len->isNull())
            return err(QStringLiteral("substr takes a string and two numbers"));
        QStringList clusters;
        QTextBoundaryFinder f(QTextBoundaryFinder::Grapheme, *s);
        qsizetype prev = 0;
        for (qsizetype p = f.toNextBoundary(); p > 0; p = f.toNextBoundary()) {
            clusters << s->mid(prev, p - prev);
            prev = p;
        }
        qsizetype o = qsizetype(off->toNumber());
        qsizetype l = qsizetype(len->toNumber());
        if (o < 0)
            o += clusters.size();
        if (o < 0 || o > clusters.size())
            return err(QStringLiteral("offset out of range"));
        if (l < 0 || o + l > clusters.size())
            l = clusters.size() - o;
        return Value::string(clusters.mid(o, l).join(QString()));
    }
    if (name == u"jsonencode") {
        if (auto a = arity(1, 1))
            return *a;
        if (!args[0].isWhollyKnown())
            return Value::unknown();
        return Value::string(QString::fromUtf8(args[0].toJsonText()));
    }
    if (name == u"tostring" || name == u"tonumber" || name == u"tobool") {
        if (auto a = arity(1, 1))
            return *a;
        const auto r = name == u"tostring"   ? toStringValue(args[0])
                       : name == u"tonumber" ? toNumberValue(args[0])
                                             : toBoolValue(args[0]);
        if (!r)
            return err(
                QStringLiteral("cannot convert %1 to %2").arg(kindName(args[0]), name.mid(2)));
        return *r;
    }
    if (name == u"merge") {
        if (anyShallowUnknown(args))
            return Value::unknown();
        Value::Members out;
        for (const Value &a : args) {
            if (a.isNull())
                continue;
            if (a.kind() != K::Map)
                return err(
                    QStringLiteral("arguments must be maps or objects, got %1").arg(kindName(a)));
            for (const auto &[k, v] : a.members())
                out[k] = v;
        }
        if (!checkBudget(budget, qint64(out.size())))
            return err(QStringLiteral("the result is too large"));
        return Value::map(std::move(out));
    }
    if (name == u"lookup") {
        if (auto a = arity(2, 3))
            return *a;
        if (args[0].isUnknown() || args[1].isUnknown())
            return Value::unknown();
        if (args[0].kind() != K::Map)
            return err(QStringLiteral("lookup: the first argument must be a map"));
        auto key = needString(1);
        if (!key)
            return err(QStringLiteral("lookup: the key must be a string"));
        if (const Value *v = args[0].member(*key))
            return *v;
        if (args[0].isOpen())
            return Value::unknown();
        if (n == 3)
            return args[2];
        return err(QStringLiteral("the given key does not exist in the map"));
    }
    if (name == u"contains") {
        if (auto a = arity(2, 2))
            return *a;
        if (args[0].isUnknown() || !args[1].isWhollyKnown())
            return Value::unknown();
        if (!isSeq(args[0]))
            return err(QStringLiteral("contains: the first argument must be a list or set"));
        bool unknownSeen = false;
        for (const Value &e : args[0].items()) {
            if (!e.isWhollyKnown())
                unknownSeen = true;
            else if (e == args[1])
                return Value::boolean(true);
        }
        return unknownSeen ? Value::unknown() : Value::boolean(false);
    }
    if (name == u"keys" || name == u"values") {
        if (auto a = arity(1, 1))
            return *a;
        if (args[0].isUnknown())
            return Value::unknown();
        if (args[0].kind() != K::Map)
            return err(QStringLiteral("%1: the argument must be a map or object").arg(name));
        std::vector<Value> out;
        for (const auto &[k, v] : args[0].members())
            out.push_back(name == u"keys" ? Value::string(k) : v);
        return Value::list(std::move(out));
    }
    if (name == u"toset" || name == u"tolist") {
        if (auto a = arity(1, 1))
            return *a;
        const Value &v = args[0];
        if (v.isUnknown() || v.isNull())
            return v;
        if (!isSeq(v))
            return err(QStringLiteral("cannot convert %1 to %2")
                           .arg(kindName(v),
                                name == u"toset" ? QStringLiteral("set") : QStringLiteral("list")));
        auto items = unify(v.items());
        if (!items)
            return err(QStringLiteral("the elements have no common type"));
        if (name == u"toset") {
            if (!v.isWhollyKnown())
                return Value::unknown();
            return Value::set(std::move(*items));
        }
        return Value::list(std::move(*items));
    }
    if (name == u"tomap") {
        if (auto a = arity(1, 1))
            return *a;
        const Value &v = args[0];
        if (v.isUnknown() || v.isNull())
            return v;
        if (v.kind() != K::Map)
            return err(QStringLiteral("cannot convert %1 to map").arg(kindName(v)));
        std::vector<Value> vals;
        for (const auto &[k, e] : v.members())
            vals.push_back(e);
        auto u = unify(vals);
        if (!u)
            return err(QStringLiteral("the values have no common type"));
        Value::Members out;
        std::size_t i = 0;
        for (const auto &[k, e] : v.members())
            out[k] = (*u)[i++];
        return Value::map(std::move(out));
    }
    if (name == u"flatten") {
        if (auto a = arity(1, 1))
            return *a;
        if (args[0].isUnknown())
            return Value::unknown();
        if (!isSeq(args[0]))
            return err(QStringLiteral("flatten: the argument must be a list"));
        std::vector<Value> out;
        auto r = flattenInto(args[0], out, 0);
        if (!r || r->isUnknown())
            return r;
        if (!checkBudget(budget, qint64(out.size())))
            return err(QStringLiteral("the result is too large"));
        return Value::list(std::move(out));
    }
    if (name == u"concat") {
        if (n < 1)
            return err(QStringLiteral("concat takes at least one list"));
        if (anyShallowUnknown(args))
            return Value::unknown();
        std::vector<Value> out;
        for (const Value &a : args) {
            if (!isSeq(a))
                return err(QStringLiteral("concat: all arguments must be lists"));
            out.insert(out.end(), a.items().begin(), a.items().end());
        }
        if (!checkBudget(budget, qint64(out.size())))
            return err(QStringLiteral("the result is too large"));
        return Value::list(std::move(out));
    }
    if (name == u"coalesce") {
        if (n < 1)
            return err(QStringLiteral("coalesce takes at least one argument"));
        auto u = unify(args);
        if (!u)
            return err(QStringLiteral("all arguments must have the same type"));
        for (const Value &a : *u) {
            if (a.isUnknown())
                return Value::unknown();
            if (a.isNull() || (a.kind() == K::String && a.str().isEmpty()))
                continue;
            return a;
        }
        return err(QStringLiteral("no non-null, non-empty-string arguments"));
    }
    if (name == u"coalescelist") {
        if (n < 1)
            return err(QStringLiteral("coalescelist takes at least one argument"));
        for (const Value &a : args) {
            if (a.isUnknown())
                return Value::unknown();
            if (!a.isNull() && !isSeq(a))
                return err(QStringLiteral("coalescelist: arguments must be lists"));
            if (a.length() > 0)
                return a;
        }
        return err(QStringLiteral("no non-null arguments"));
    }
    if (name == u"setproduct") {
        if (n < 1)
            return err(QStringLiteral("at least one argument is required"));
        if (anyShallowUnknown(args))
            return Value::unknown();
        bool allSets = true;
        qint64 total = 1;
        for (const Value &a : args) {
            if (!isSeq(a))
                return err(QStringLiteral("setproduct: arguments must be lists or sets"));
            if (a.kind() != K::Set)
                allSets = false;
            total *= qint64(a.items().size());
            if (total > budget)
                return err(QStringLiteral("the product has more elements than can be "
                                          "evaluated offline"));
        }
        if (!checkBudget(budget, total * n))
            return err(QStringLiteral("the product has more elements than can be evaluated "
                                      "offline"));
        std::vector<Value> out;
        out.reserve(std::size_t(total));
        std::vector<std::size_t> idx(args.size(), 0);
        for (qint64 k = 0; k < total; ++k) {
            std::vector<Value> tuple;
            for (std::size_t i = 0; i < args.size(); ++i)
                tuple.push_back(args[i].items()[idx[i]]);
            out.push_back(Value::list(std::move(tuple)));
            for (std::size_t i = args.size(); i-- > 0;) {
                if (++idx[i] < args[i].items().size())
                    break;
                idx[i] = 0;
            }
        }
        if (allSets) {
            bool known = std::all_of(out.begin(), out.end(),
                                     [](const Value &v) { return v.isWhollyKnown(); });
            if (!known)
                return Value::unknown();
            return Value::set(std::move(out));
        }
        return Value::list(std::move(out));
    }
    if (name == u"element") {
        if (auto a = arity(2, 2))
            return *a;
        if (anyShallowUnknown(args))
            return Value::unknown();
        if (args[0].kind() != K::List)
            return err(QStringLiteral("element: the first argument must be a list"));
        auto i = toNumberValue(args[1]);
        if (!i || i->isNull())
            return err(QStringLiteral("element: the index must be a number"));
        const qsizetype len = args[0].length();
        if (len == 0)
            return err(QStringLiteral("cannot use element function with an empty list"));
        const qint64 k = qint64(std::floor(i->toNumber()));
        if (k < 0)
            return err(QStringLiteral("cannot use element function with a negative index"));
        return args[0].items()[std::size_t(k % len)];
    }
    if (name == u"index") {
        if (auto a = arity(2, 2))
            return *a;
        if (!args[0].isWhollyKnown() || !args[1].isWhollyKnown())
            return Value::unknown();
        if (!isSeq(args[0]))
            return err(QStringLiteral("index: the first argument must be a list"));
        for (std::size_t i = 0; i < args[0].items().size(); ++i)
            if (args[0].items()[i] == args[1])
                return Value::number(double(i));
        return err(QStringLiteral("item not found"));
    }
    if (name == u"one") {
        if (auto a = arity(1, 1))
            return *a;
        if (args[0].isUnknown())
            return Value::unknown();
        if (!isSeq(args[0]))
            return err(QStringLiteral("one: the argument must be a list or set"));
        if (args[0].length() == 0)
            return Value();
        if (args[0].length() > 1)
            return err(QStringLiteral("must be a list, set, or tuple value with either zero "
                                      "or one elements"));
        return args[0].items()[0];
    }
    if (name == u"distinct") {
        if (auto a = arity(1, 1))
            return *a;
        if (!args[0].isWhollyKnown())
            return Value::unknown();
        if (!isSeq(args[0]))
            return err(QStringLiteral("distinct: the argument must be a list"));
        std::vector<Value> out;
        for (const Value &e : args[0].items())
            if (std::find(out.begin(), out.end(), e) == out.end())
                out.push_back(e);
        return Value::list(std::move(out));
    }
    if (name == u"alltrue" || name == u"anytrue") {
        if (auto a = arity(1, 1))
            return *a;
        if (args[0].isUnknown())
            return Value::unknown();
        if (!isSeq(args[0]))
            return err(QStringLiteral("%1: the argument must be a list of bools").arg(name));
        const bool all = name == u"alltrue";
        bool unknownSeen = false;
        for (const Value &e : args[0].items()) {
            if (e.isUnknown()) {
                unknownSeen = true;
                continue;
            }
            auto b = toBoolValue(e);
            if (!b || e.isNull())
                return err(QStringLiteral("%1: elements must be bools").arg(name));
            if (b->toBool() != all)
                return Value::boolean(!all);
        }
        return unknownSeen ? Value::unknown() : Value::boolean(all);
    }
    if (name == u"zipmap") {
        if (auto a = arity(2, 2))
            return *a;
        if (args[0].isUnknown() || args[1].isUnknown() || !args[0].isWhollyKnown())
            return Value::unknown();
        if (!isSeq(args[0]) || !isSeq(args[1]))
            return err(QStringLiteral("zipmap takes two lists"));
        if (args[0].length() != args[1].length())
            return err(QStringLiteral("number of keys (%1) does not match number of values "
                                      "(%2)")
                           .arg(args[0].length())
                           .arg(args[1].length()));
        Value::Members out;
        for (std::size_t i = 0; i < args[0].items().size(); ++i) {
            auto k = toStringValue(args[0].items()[i]);
            if (!k || k->isNull())
                return err(QStringLiteral("zipmap: keys must be strings"));
            out[k->str()] = args[1].items()[i];
        }
        return Value::map(std::move(out));
    }
    if (name == u"range") {
        if (n < 1 || n > 3)
            return err(QStringLiteral("range takes one to three numbers"));
        if (anyShallowUnknown(args))
            return Value::unknown();
        std::vector<double> p;
        for (const Value &a : args) {
            auto d = toNumberValue(a);
            if (!d || d->isNull())
                return err(QStringLiteral("range takes numbers"));
            p.push_back(d->toNumber());
        }
        double start = 0, end = 0, step = 1;
        if (n == 1)
            end = p[0];
        else {
            start = p[0];
            end = p[1];
            step = n == 3 ? p[2] : (end < start ? -1 : 1);
        }
        if (step == 0)
            return err(QStringLiteral("step must not be zero"));
        if ((end - start) / step > double(budget))
            return err(QStringLiteral("more than can be evaluated offline"));
        std::vector<Value> out;
        for (double x = start; step > 0 ? x < end : x > end; x += step)
            out.push_back(Value::number(x));
        checkBudget(budget, qint64(out.size()));
        return Value::list(std::move(out));
    }
    if (name == u"compact") {
        if (auto a = arity(1, 1))
            return *a;
        if (!args[0].isWhollyKnown())
            return Value::unknown();
        if (!isSeq(args[0]))
            return err(QStringLiteral("compact: the argument must be a list of strings"));
        std::vector<Value> out;
        for (const Value &e : args[0].items())
            if (!e.isNull() && !(e.kind() == K::String && e.str().isEmpty()))
                out.push_back(*toStringValue(e));
        return Value::list(std::move(out));
    }
    if (name == u"reverse") {
        if (auto a = arity(1, 1))
            return *a;
        if (args[0].isUnknown())
            return Value::unknown();
        if (args[0].kind() != K::List)
            return err(QStringLiteral("reverse: the argument must be a list"));
        std::vector<Value> out(args[0].items().rbegin(), args[0].items().rend());
        return Value::list(std::move(out));
    }
    if (name == u"sort") {
        if (auto a = arity(1, 1))
            return *a;
        if (!args[0].isWhollyKnown())
            return Value::unknown();
        if (!isSeq(args[0]))
            return err(QStringLiteral("sort: the argument must be a list of strings"));
        QStringList s;
        for (const Value &e : args[0].items()) {
            auto v = toStringValue(e);
            if (!v || e.isNull())
                return err(QStringLiteral("sort: elements must be strings"));
            s << v->str();
        }
        std::sort(s.begin(), s.end(),
                  [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
        std::vector<Value> out;
        for (const QString &x : s)
            out.push_back(Value::string(x));
        return Value::list(std::move(out));
    }
    if (name == u"abs" || name == u"min" || name == u"max") {
        if (n < 1 || (name == u"abs" && n != 1))
            return err(QStringLiteral("wrong number of arguments for %1").arg(name));
        if (anyShallowUnknown(args))
            return Value::unknown();
        std::vector<double> p;
        for (const Value &a : args) {
            auto d = toNumberValue(a);
            if (!d || d->isNull())
                return err(QStringLiteral("%1 takes numbers").arg(name));
            p.push_back(d->toNumber());
        }
        if (name == u"abs")
            return Value::number(std::fabs(p[0]));
        return Value::number(name == u"min" ? *std::min_element(p.begin(), p.end())
                                            : *std::max_element(p.begin(), p.end()));
    }
    if (name == u"setunion" || name == u"setintersection") {
        if (n < 1)
            return err(QStringLiteral("at least one argument is required"));
        if (anyNotWhollyKnown(args))
            return Value::unknown();
        for (const Value &a : args)
            if (!isSeq(a))
                return err(QStringLiteral("%1: arguments must be sets").arg(name));
        std::vector<Value> out;
        if (name == u"setunion") {
            for (const Value &a : args)
                out.insert(out.end(), a.items().begin(), a.items().end());
        } else {
            for (const Value &e : args[0].items())
                if (std::all_of(args.begin() + 1, args.end(), [&](const Value &a) {
                        return std::find(a.items().begin(), a.items().end(), e) != a.items().end();
                    }))
                    out.push_back(e);
        }
        auto u = unify(std::move(out));
        if (!u)
            return err(QStringLiteral("the elements have no common type"));
        return Value::set(std::move(*u));
    }
    return std::nullopt;
}

} // namespace kanri::terraform

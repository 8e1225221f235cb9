#include "hcl/hclvalue.h"

#include "hcl/hcllexer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace kanri::hcl {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Nesting limit of JSON read from the command line (values and typed values).
constexpr int MaxJsonDepth = 200;

class JsonReader
{
    Q_DECLARE_TR_FUNCTIONS(kanri::hcl::JsonReader)

public:
    explicit JsonReader(QByteArrayView text)
        : m_s(text)
    {}

    Result<Value> document()
    {
        auto v = value(0);
        if (!v)
            return v;
        skipWs();
        if (m_i != m_s.size())
            return bad(tr("extra characters after the JSON value"));
        return v;
    }

private:
    std::unexpected<Error> bad(const QString &what) const
    {
        return fail(Error::Code::Usage,
                    tr("invalid JSON at character %1: %2").arg(m_i + 1).arg(what));
    }

    void skipWs()
    {
        while (m_i < m_s.size() &&
               (m_s[m_i] == ' ' || m_s[m_i] == '\t' || m_s[m_i] == '\n' || m_s[m_i] == '\r'))
            ++m_i;
    }

    bool literal(const char *word)
    {
        const QByteArrayView w(word);
        if (m_s.sliced(m_i).startsWith(w)) {
            m_i += w.size();
            return true;
        }
        return false;
    }

    Result<Value> value(int depth)
    {
        if (depth > MaxJsonDepth)
            return bad(tr("nesting deeper than %1 levels").arg(MaxJsonDepth));
        skipWs();
        if (m_i >= m_s.size())
            return bad(tr("a value is missing"));
        const char c = m_s[m_i];
        if (c == '{')
            return object(depth);
        if (c == '[')
            return array(depth);
        if (c == '"') {
            auto s = string();
            if (!s)
                return std::unexpected(s.error());
            return Value::string(*s);
        }
        if (literal("true"))
            return Value::boolean(true);
        if (literal("false"))
            return Value::boolean(false);
        if (literal("null"))
            return Value();
        if (c == '-' || isDigit(c)) {
            qsizetype e = m_i + 1;
            while (e < m_s.size() && (isDigit(m_s[e]) || m_s[e] == '.' || m_s[e] == 'e' ||
                                      m_s[e] == 'E' || m_s[e] == '+' || m_s[e] == '-'))
                ++e;
            const QByteArrayView n = m_s.sliced(m_i, e - m_i);
            if (!isJsonNumber(n))
                return bad(tr("invalid number %1").arg(QString::fromUtf8(n)));
            m_i = e;
            return Value::number(n.toByteArray());
        }
        return bad(tr("unexpected character '%1'").arg(QChar::fromLatin1(c)));
    }

    Result<Value> object(int depth)
    {
        ++m_i; // {
        std::vector<Value::Member> members;
        skipWs();
        if (m_i < m_s.size() && m_s[m_i] == '}') {
            ++m_i;
            return Value::object({});
        }
        while (true) {
            skipWs();
            if (m_i >= m_s.size() || m_s[m_i] != '"')
                return bad(tr("an object key (a string) is expected"));
            auto key = string();
            if (!key)
                return std::unexpected(key.error());
            for (const Value::Member &m : members)
                if (m.first == *key)
                    return bad(tr("the key \"%1\" is given twice").arg(*key));
            skipWs();
            if (m_i >= m_s.size() || m_s[m_i] != ':')
                return bad(tr("':' is expected after an object key"));
            ++m_i;
            auto v = value(depth + 1);
            if (!v)
                return v;
            members.emplace_back(*key, std::move(*v));
            skipWs();
            if (m_i < m_s.size() && m_s[m_i] == ',') {
                ++m_i;
                continue;
            }
            if (m_i < m_s.size() && m_s[m_i] == '}') {
                ++m_i;
                return Value::object(std::move(members));
            }
            return bad(tr("',' or '}' is expected"));
        }
    }

    Result<Value> array(int depth)
    {
        ++m_i; // [
        std::vector<Value> items;
        skipWs();
        if (m_i < m_s.size() && m_s[m_i] == ']') {
            ++m_i;
            return Value::list({});
        }
        while (true) {
            auto v = value(depth + 1);
            if (!v)
                return v;
            items.push_back(std::move(*v));
            skipWs();
            if (m_i < m_s.size() && m_s[m_i] == ',') {
                ++m_i;
                continue;
            }
            if (m_i < m_s.size() && m_s[m_i] == ']') {
                ++m_i;
                return Value::list(std::move(items));
            }
            return bad(tr("',' or ']' is expected"));
        }
    }

    int hex4(qsizetype at) const
    {
        if (at + 4 > m_s.size())
            return -1;
        int v = 0;
        for (qsizetype k = at; k < at + 4; ++k) {
            const char h = m_s[k];
            const int d = isDigit(h)               ? h - '0'
                          : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                          : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                                   : -1;
            if (d < 0)
                return -1;
            v = v * 16 + d;
        }
        return v;
    }

    Result<QString> string()
    {
        ++m_i; // "
        QByteArray out;
        while (true) {
            if (m_i >= m_s.size())
                return bad(tr("unterminated string"));
            const char c = m_s[m_i];
            if (c == '"') {
                ++m_i;
                return utf8ToString(out);
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return bad(tr("a control character must be escaped in a string"));
            if (static_cast<unsigned char>(c) >= 0x80) {
                char32_t cp = 0;
                const int len = decodeUtf8(m_s.data() + m_i, m_s.size() - m_i, cp);
                if (len == 0)
                    return bad(tr("invalid UTF-8"));
                out.append(m_s.data() + m_i, len);
                m_i += len;
                continue;
            }
            if (c != '\\') {
                out += c;
                ++m_i;
                continue;
            }
            if (m_i + 1 >= m_s.size())
                return bad(tr("unterminated string"));
            const char e = m_s[m_i + 1];
            m_i += 2;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out += e;
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                int u = hex4(m_i);
                if (u < 0)
                    return bad(tr("\\u must be followed by four hexadecimal digits"));
                m_i += 4;
                char32_t cp = char32_t(u);
                if (u >= 0xD800 && u <= 0xDBFF) {
                    const int low = m_i + 1 < m_s.size() && m_s[m_i] == '\\' && m_s[m_i + 1] == 'u'
                                        ? hex4(m_i + 2)
                                        : -1;
                    if (low < 0xDC00 || low > 0xDFFF)
                        return bad(tr("\\u%1 is half of a surrogate pair")
                                       .arg(u, 4, 16, QLatin1Char('0')));
                    m_i += 6;
                    cp = 0x10000 + ((char32_t(u) - 0xD800) << 10) + (char32_t(low) - 0xDC00);
                } else if (u >= 0xDC00 && u <= 0xDFFF) {
                    return bad(
                        tr("\\u%1 is half of a surrogate pair").arg(u, 4, 16, QLatin1Char('0')));
                }
                appendUtf8(out, cp);
                break;
            }
            default:
                return bad(tr("invalid escape \\%1").arg(QChar::fromLatin1(e)));
            }
        }
    }

    QByteArrayView m_s;
    qsizetype m_i = 0;
};

void writeJsonString(QByteArray &out, const QString &s)
{
    out += '"';
    const QByteArray u = s.toUtf8();
    for (const char c : u) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += "\\u00" + QByteArray::number(int(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    out += '"';
}

void writeJson(QByteArray &out, const Value &v, Value::Layout layout, int level)
{
    const bool indented = layout == Value::Layout::Indented;
    auto newline = [&](int l) {
        if (indented) {
            out += '\n';
            out += QByteArray(4 * l, ' ');
        }
    };
    switch (v.type()) {
    case Value::Type::Null:
        out += "null";
        return;
    case Value::Type::Bool:
        out += v.toBool() ? "true" : "false";
        return;
    case Value::Type::Number:
        out += v.numberText();
        return;
    case Value::Type::String:
    case Value::Type::Expression:
        writeJsonString(out, v.str());
        return;
    case Value::Type::List: {
        if (v.items().empty()) {
            out += "[]";
            return;
        }
        out += '[';
        bool first = true;
        for (const Value &item : v.items()) {
            if (!first)
                out += ',';
            first = false;
            newline(level + 1);
            writeJson(out, item, layout, level + 1);
        }
        newline(level);
        out += ']';
        return;
    }
    case Value::Type::Object: {
        if (v.members().empty()) {
            out += "{}";
            return;
        }
        out += '{';
        bool first = true;
        for (const Value::Member &m : v.members()) {
            if (!first)
                out += ',';
            first = false;
            newline(level + 1);
            writeJsonString(out, m.first);
            out += indented ? ": " : ":";
            writeJson(out, m.second, layout, level + 1);
        }
        newline(level);
        out += '}';
        return;
    }
    }
}

} // namespace

Value Value::boolean(bool b)
{
    Value v;
    v.m_type = Type::Bool;
    v.m_bool = b;
    return v;
}

Value Value::number(QByteArray text)
{
    Value v;
    v.m_type = Type::Number;
    v.m_text = std::move(text);
    return v;
}

Value Value::string(QString s)
{
    Value v;
    v.m_type = Type::String;
    v.m_string = std::move(s);
    return v;
}

Value Value::list(std::vector<Value> items)
{
    Value v;
    v.m_type = Type::List;
    v.m_items = std::move(items);
    return v;
}

Value Value::object(std::vector<Member> members)
{
    Value v;
    v.m_type = Type::Object;
    v.m_members = std::move(members);
    return v;
}

Value Value::expression(QString source)
{
    Value v;
    v.m_type = Type::Expression;
    v.m_string = std::move(source);
    return v;
}

Value Value::fromJson(const QJsonValue &j)
{
    switch (j.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return Value();
    case QJsonValue::Bool:
        return boolean(j.toBool());
    case QJsonValue::Double: {
        const double d = j.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
            return number(QByteArray::number(qint64(d)));
        return number(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
    }
    case QJsonValue::String:
        return string(j.toString());
    case QJsonValue::Array: {
        std::vector<Value> items;
        for (const QJsonValue &item : j.toArray())
            items.push_back(fromJson(item));
        return list(std::move(items));
    }
    case QJsonValue::Object: {
        std::vector<Member> members;
        const QJsonObject o = j.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            members.emplace_back(it.key(), fromJson(it.value()));
        return object(std::move(members));
    }
    }
    return Value();
}

Result<Value> Value::fromJsonText(QByteArrayView json)
{
    return JsonReader(json).document();
}

Result<Value> Value::fromTypedJson(QByteArrayView json)
{
    auto v = fromJsonText(json);
    if (!v)
        return v;
    return fromTyped(*v);
}

Result<Value> Value::fromTyped(const Value &typed)
{
    const Value *kind =
        typed.type() == Type::Object ? typed.member(QStringLiteral("kind")) : nullptr;
    auto usage = [] {
        return fail(Error::Code::Usage,
                    tr("a typed value is {\"kind\": \"literal\", \"value\": JSON} or "
                       "{\"kind\": \"expression\", \"source\": \"HCL source\"}"));
    };
    if (!kind || kind->type() != Type::String || typed.members().size() != 2)
        return usage();
    if (kind->str() == u"literal") {
        const Value *v = typed.member(QStringLiteral("value"));
        if (!v)
            return usage();
        return *v;
    }
    if (kind->str() == u"expression") {
        const Value *s = typed.member(QStringLiteral("source"));
        if (!s || s->type() != Type::String)
            return usage();
        return expression(s->str());
    }
    return usage();
}

bool Value::isLiteral() const
{
    switch (m_type) {
    case Type::Expression:
        return false;
    case Type::List:
        return std::all_of(m_items.begin(), m_items.end(),
                           [](const Value &v) { return v.isLiteral(); });
    case Type::Object:
        return std::all_of(m_members.begin(), m_members.end(),
                           [](const Member &m) { return m.second.isLiteral(); });
    default:
        return true;
    }
}

const Value *Value::member(const QString &key) const
{
    for (auto it = m_members.rbegin(); it != m_members.rend(); ++it)
        if (it->first == key)
            return &it->second;
    return nullptr;
}

QJsonValue Value::toJson() const
{
    switch (m_type) {
    case Type::Null:
        return QJsonValue(QJsonValue::Null);
    case Type::Bool:
        return m_bool;
    case Type::Number:
        return m_text.toDouble();
    case Type::String:
    case Type::Expression:
        return m_string;
    case Type::List: {
        QJsonArray a;
        for (const Value &v : m_items)
            a.append(v.toJson());
        return a;
    }
    case Type::Object: {
        QJsonObject o;
        for (const Member &m : m_members)
            o.insert(m.first, m.second.toJson());
        return o;
    }
    }
    return {};
}

QByteArray Value::toJsonText(Layout layout) const
{
    QByteArray out;
    writeJson(out, *this, layout, 0);
    return out;
}

QByteArray Value::toTypedJson(Layout layout) const
{
    if (isExpression())
        return object({{QStringLiteral("kind"), string(QStringLiteral("expression"))},
                       {QStringLiteral("source"), string(m_string)}})
            .toJsonText(layout);
    return object({{QStringLiteral("kind"), string(QStringLiteral("literal"))},
                   {QStringLiteral("value"), *this}})
        .toJsonText(layout);
}

bool operator==(const Value &a, const Value &b)
{
    if (a.m_type != b.m_type)
        return false;
    switch (a.m_type) {
    case Value::Type::Null:
        return true;
    case Value::Type::Bool:
        return a.m_bool == b.m_bool;
    case Value::Type::Number:
        return a.m_text == b.m_text || canonicalNumber(a.m_text) == canonicalNumber(b.m_text);
    case Value::Type::String:
    case Value::Type::Expression:
        return a.m_string == b.m_string;
    case Value::Type::List:
        return a.m_items == b.m_items;
    case Value::Type::Object: {
        if (a.m_members.size() != b.m_members.size())
            return false;
        for (const Value::Member &m : a.m_members) {
            const Value *other = b.member(m.first);
            if (!other || !(*other == m.second))
                return false;
        }
        return true;
    }
    }
    return false;
}

bool isJsonNumber(QByteArrayView t)
{
    qsizetype i = 0;
    if (i < t.size() && t[i] == '-')
        ++i;
    if (i >= t.size() || !isDigit(t[i]))
        return false;
    if (t[i] == '0')
        ++i;
    else
        while (i < t.size() && isDigit(t[i]))
            ++i;
    if (i < t.size() && t[i] == '.') {
        ++i;
        if (i >= t.size() || !isDigit(t[i]))
            return false;
        while (i < t.size() && isDigit(t[i]))
            ++i;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-'))
            ++i;
        if (i >= t.size() || !isDigit(t[i]))
            return false;
        while (i < t.size() && isDigit(t[i]))
            ++i;
    }
    return i == t.size();
}

QByteArray jsonNumberFromHcl(QByteArrayView text)
{
    QByteArray out;
    qsizetype i = 0;
    auto skipSpace = [&] {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
            ++i;
    };
    skipSpace();
    if (i < text.size() && text[i] == '-') {
        out += '-';
        ++i;
        skipSpace();
    }
    const qsizetype digits = i;
    while (i < text.size() && isDigit(text[i]))
        ++i;
    QByteArrayView intPart = text.sliced(digits, i - digits);
    while (intPart.size() > 1 && intPart.front() == '0')
        intPart = intPart.sliced(1);
    out += intPart;
    // "1.e5" is an HCL number, "1e5" its JSON form
    if (i < text.size() && text[i] == '.' && (i + 1 >= text.size() || !isDigit(text[i + 1])))
        ++i;
    out += text.sliced(i);
    return isJsonNumber(out) ? out : QByteArray();
}

QByteArray canonicalNumber(QByteArrayView t)
{
    bool negative = false;
    qsizetype i = 0;
    if (i < t.size() && t[i] == '-') {
        negative = true;
        ++i;
    }
    QByteArray digits;
    qint64 exp = 0;
    bool fraction = false;
    for (; i < t.size() && t[i] != 'e' && t[i] != 'E'; ++i) {
        if (t[i] == '.') {
            fraction = true;
            continue;
        }
        digits += t[i];
        if (fraction)
            --exp;
    }
    if (i < t.size()) {
        // exponents beyond 18 digits are out of range for HCL anyway: compare them as text
        const QByteArrayView e = t.sliced(i + 1);
        bool ok = false;
        const qint64 value = e.toLongLong(&ok);
        if (!ok)
            return t.toByteArray();
        exp += value;
    }
    qsizetype lead = 0;
    while (lead < digits.size() && digits[lead] == '0')
        ++lead;
    digits = digits.mid(lead);
    while (!digits.isEmpty() && digits.back() == '0') {
        digits.chop(1);
        ++exp;
    }
    if (digits.isEmpty())
        return "0";
    return (negative ? "-" : "") + digits + 'e' + QByteArray::number(exp);
}

} // namespace kanri::hcl

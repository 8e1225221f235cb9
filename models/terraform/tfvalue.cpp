#include "terraform/tfvalue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace kanri::terraform {

namespace {

const std::vector<Value> &emptyItems()
{
    static const std::vector<Value> e;
    return e;
}

const Value::Members &emptyMembers()
{
    static const Value::Members e;
    return e;
}

bool isIdentifier(const QString &s)
{
    if (s.isEmpty() || !(s[0].isLetter() || s[0] == u'_'))
        return false;
    for (QChar c : s)
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-'))
            return false;
    return true;
}

QString quoted(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
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
        case '\r':
            out += QStringLiteral("\\r");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        default:
            if ((c == u'$' || c == u'%') && i + 1 < s.size() && s[i + 1] == u'{') {
                out += c;
                out += c;
            } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
                out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QChar(u'0'));
            } else {
                out += c;
            }
        }
    }
    out += u'"';
    return out;
}

QByteArray jsonString(const QString &s)
{
    // QJsonDocument escapes as JSON requires; Terraform's jsonencode also escapes <, > and &.
    QByteArray j = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    j = j.mid(1, j.size() - 2);
    j.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    return j;
}

} // namespace

Value Value::unknown()
{
    Value v;
    v.m_kind = Kind::Unknown;
    return v;
}

Value Value::boolean(bool b)
{
    Value v;
    v.m_kind = Kind::Bool;
    v.m_bool = b;
    return v;
}

Value Value::number(double d)
{
    Value v;
    v.m_kind = Kind::Number;
    v.m_number = d;
    return v;
}

Value Value::string(QString s)
{
    Value v;
    v.m_kind = Kind::String;
    v.m_string = std::move(s);
    return v;
}

Value Value::list(std::vector<Value> items)
{
    Value v;
    v.m_kind = Kind::List;
    v.m_items = std::make_shared<const std::vector<Value>>(std::move(items));
    return v;
}

Value Value::set(std::vector<Value> items)
{
    std::stable_sort(items.begin(), items.end(), lessThan);
    items.erase(std::unique(items.begin(), items.end(),
                            [](const Value &a, const Value &b) {
                                return a.isKnown() && b.isKnown() && a == b;
                            }),
                items.end());
    Value v;
    v.m_kind = Kind::Set;
    v.m_items = std::make_shared<const std::vector<Value>>(std::move(items));
    return v;
}

Value Value::map(Members members)
{
    Value v;
    v.m_kind = Kind::Map;
    v.m_members = std::make_shared<const Members>(std::move(members));
    return v;
}

Value Value::resourceObject(Members members)
{
    Value v = map(std::move(members));
    v.m_open = true;
    return v;
}

bool Value::isWhollyKnown() const
{
    switch (m_kind) {
    case Kind::Unknown:
        return false;
    case Kind::List:
    case Kind::Set:
        return std::all_of(items().begin(), items().end(),
                           [](const Value &v) { return v.isWhollyKnown(); });
    case Kind::Map:
        return std::all_of(members().begin(), members().end(),
                           [](const auto &m) { return m.second.isWhollyKnown(); });
    default:
        return true;
    }
}

const std::vector<Value> &Value::items() const
{
    return m_items ? *m_items : emptyItems();
}

const Value::Members &Value::members() const
{
    return m_members ? *m_members : emptyMembers();
}

const Value *Value::member(const QString &key) const
{
    if (!m_members)
        return nullptr;
    const auto it = m_members->find(key);
    return it == m_members->end() ? nullptr : &it->second;
}

qsizetype Value::length() const
{
    switch (m_kind) {
    case Kind::List:
    case Kind::Set:
        return qsizetype(items().size());
    case Kind::Map:
        return qsizetype(members().size());
    case Kind::String:
        return m_string.size();
    default:
        return 0;
    }
}

QString Value::numberText(double d)
{
    if (d == 0)
        return QStringLiteral("0");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return QString::number(d, 'f', QLocale::FloatingPointShortest);
}

QString Value::render() const
{
    switch (m_kind) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Unknown:
        return QStringLiteral("(known after apply)");
    case Kind::Bool:
        return m_bool ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::Number:
        return numberText(m_number);
    case Kind::String:
        return quoted(m_string);
    case Kind::List:
    case Kind::Set: {
        // A run of unknown elements is counted, not repeated: a list of 30 computed ids reads
        // as one item.
        QStringList parts;
        const std::vector<Value> &all = items();
        for (std::size_t i = 0; i < all.size();) {
            std::size_t j = i;
            while (j < all.size() && all[j].isUnknown())
                ++j;
            if (j - i >= 2) {
                parts << QStringLiteral("(%1 values known after apply)").arg(j - i);
                i = j;
                continue;
            }
            parts << all[i].render();
            ++i;
        }
        return u'[' + parts.join(QStringLiteral(", ")) + u']';
    }
    case Kind::Map: {
        if (members().empty())
            return QStringLiteral("{}");
        QStringList parts;
        for (const auto &[k, v] : members())
            parts << (isIdentifier(k) ? k : quoted(k)) + QStringLiteral(" = ") + v.render();
        return QStringLiteral("{ ") + parts.join(QStringLiteral(", ")) + QStringLiteral(" }");
    }
    }
    return {};
}

QByteArray Value::toJsonText() const
{
    switch (m_kind) {
    case Kind::Null:
    case Kind::Unknown:
        return "null";
    case Kind::Bool:
        return m_bool ? "true" : "false";
    case Kind::Number:
        return numberText(m_number).toUtf8();
    case Kind::String:
        return jsonString(m_string);
    case Kind::List:
    case Kind::Set: {
        QByteArray out = "[";
        bool first = true;
        for (const Value &v : items()) {
            if (!first)
                out += ',';
            first = false;
            out += v.toJsonText();
        }
        return out + ']';
    }
    case Kind::Map: {
        QByteArray out = "{";
        bool first = true;
        for (const auto &[k, v] : members()) {
            if (!first)
                out += ',';
            first = false;
            out += jsonString(k) + ':' + v.toJsonText();
        }
        return out + '}';
    }
    }
    return {};
}

bool operator==(const Value &a, const Value &b)
{
    if (a.m_kind != b.m_kind || a.isUnknown())
        return false;
    switch (a.m_kind) {
    case Value::Kind::Null:
        return true;
    case Value::Kind::Bool:
        return a.m_bool == b.m_bool;
    case Value::Kind::Number:
        return a.m_number == b.m_number;
    case Value::Kind::String:
        return a.m_string == b.m_string;
    case Value::Kind::List:
    case Value::Kind::Set:
        return a.items() == b.items();
    case Value::Kind::Map:
        return a.members() == b.members();
    case Value::Kind::Unknown:
        return false;
    }
    return false;
}

bool Value::lessThan(const Value &a, const Value &b)
{
    if (a.m_kind != b.m_kind)
        return a.m_kind < b.m_kind;
    switch (a.m_kind) {
    case Kind::Bool:
        return a.m_bool < b.m_bool;
    case Kind::Number:
        return a.m_number < b.m_number;
    case Kind::String:
        return a.m_string < b.m_string;
    case Kind::List:
    case Kind::Set:
        return std::lexicographical_compare(a.items().begin(), a.items().end(), b.items().begin(),
                                            b.items().end(), lessThan);
    case Kind::Map:
        return std::lexicographical_compare(a.members().begin(), a.members().end(),
                                            b.members().begin(), b.members().end(),
                                            [](const auto &x, const auto &y) {
                                                if (x.first != y.first)
                                                    return x.first < y.first;
                                                return lessThan(x.second, y.second);
                                            });
    default:
        return false;
    }
}

} // namespace kanri::terraform

#include "hcl/hcljsonsyntax.h"

#include "hcl/hcllexer.h"
#include "hcl/hclvalue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <cctype>
#include <cstring>

namespace kanri::hcl {

namespace {

class JsonParser
{
    Q_DECLARE_TR_FUNCTIONS(kanri::hcl::JsonParser)

public:
    JsonParser(const QByteArray &text, const QString &fileName)
        : m_text(text)
        , m_fileName(fileName)
    {}

    Result<JsonNode> run()
    {
        if (m_text.startsWith("\xEF\xBB\xBF"))
            return error(0, tr("byte-order mark is not allowed"));
        JsonNode root;
        if (auto r = value(root, 0); !r)
            return std::unexpected(r.error());
        if (root.type != JsonNode::Type::Object && root.type != JsonNode::Type::Array)
            return error(root.start, tr("the root value must be an object"));
        skipWs();
        if (m_pos != int(m_text.size()))
            return error(m_pos, tr("extra characters after the JSON value"));
        return root;
    }

private:
    std::unexpected<Error> error(int offset, const QString &message) const
    {
        const TextPos p = textPosition(m_text, offset);
        return failAt(Error::Code::Syntax, message, m_fileName, p.line, p.column);
    }

    char at(int i) const { return i < m_text.size() ? m_text[i] : '\0'; }

    void skipWs()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                ++m_pos;
            else
                break;
        }
    }

    // A JSON string as HCL's JSON parser reads it: no raw control character, only JSON's
    // escapes (\uXXXX with four hex digits).
    Result<void> string(int &end)
    {
        int i = m_pos + 1;
        while (true) {
            const char c = at(i);
            if (i >= m_text.size() || c == '\n')
                return error(m_pos, tr("unterminated string"));
            if (static_cast<unsigned char>(c) < 0x20)
                return error(i, tr("a control character must be escaped in a string"));
            if (c == '\\') {
                const char e = at(i + 1);
                if (e == 'u') {
                    for (int k = i + 2; k < i + 6; ++k)
                        if (!std::isxdigit(static_cast<unsigned char>(at(k))) || k >= m_text.size())
                            return error(i, tr("invalid escape: \\u needs four hexadecimal "
                                               "digits"));
                    i += 6;
                    continue;
                }
                if (!std::strchr("\"\\/bfnrt", e) || e == '\0')
                    return error(i, tr("invalid escape in a JSON string"));
                i += 2;
                continue;
            }
            if (c == '"')
                break;
            ++i;
        }
        end = i + 1;
        m_pos = end;
        return {};
    }

    Result<void> value(JsonNode &node, int depth)
    {
        if (depth > 200)
            return error(m_pos, tr("nesting too deep"));
        skipWs();
        node.start = m_pos;
        const char c = at(m_pos);
        if (c == '{') {
            node.type = JsonNode::Type::Object;
            ++m_pos;
            skipWs();
            if (at(m_pos) == '}') {
                node.end = ++m_pos;
                return {};
            }
            while (true) {
                skipWs();
                if (at(m_pos) != '"')
                    return error(m_pos, tr("expected a property name in double quotes"));
                JsonMember member;
                member.keyStart = m_pos;
                if (auto r = string(member.keyEnd); !r)
                    return r;
                member.key =
                    jsonNodeToValue(
                        m_text,
                        JsonNode{JsonNode::Type::String, member.keyStart, member.keyEnd, {}, {}})
                        .toString();
                skipWs();
                if (at(m_pos) != ':')
                    return error(m_pos, tr("expected ':' after the property name"));
                ++m_pos;
                if (auto r = value(member.value, depth + 1); !r)
                    return r;
                node.members.push_back(std::move(member));
                skipWs();
                if (at(m_pos) == ',') {
                    ++m_pos;
                    continue;
                }
                if (at(m_pos) == '}') {
                    node.end = ++m_pos;
                    return {};
                }
                return error(m_pos, tr("expected ',' or '}' in the object"));
            }
        }
        if (c == '[') {
            node.type = JsonNode::Type::Array;
            ++m_pos;
            skipWs();
            if (at(m_pos) == ']') {
                node.end = ++m_pos;
                return {};
            }
            while (true) {
                JsonNode elem;
                if (auto r = value(elem, depth + 1); !r)
                    return r;
                node.elements.push_back(std::move(elem));
                skipWs();
                if (at(m_pos) == ',') {
                    ++m_pos;
                    continue;
                }
                if (at(m_pos) == ']') {
                    node.end = ++m_pos;
                    return {};
                }
                return error(m_pos, tr("expected ',' or ']' in the array"));
            }
        }
        if (c == '"') {
            node.type = JsonNode::Type::String;
            return string(node.end);
        }
        auto word = [&](const char *w, JsonNode::Type t) {
            const int len = int(std::strlen(w));
            if (m_text.mid(m_pos, len) != w)
                return false;
            node.type = t;
            m_pos += len;
            node.end = m_pos;
            return true;
        };
        if (word("true", JsonNode::Type::Bool) || word("false", JsonNode::Type::Bool) ||
            word("null", JsonNode::Type::Null))
            return {};
        if (c == '-' || (c >= '0' && c <= '9')) {
            int i = m_pos + 1;
            while (i < m_text.size() &&
                   (std::isdigit((unsigned char)m_text[i]) || m_text[i] == '.' ||
                    m_text[i] == 'e' || m_text[i] == 'E' || m_text[i] == '+' || m_text[i] == '-'))
                ++i;
            const QByteArrayView number(m_text.constData() + m_pos, i - m_pos);
            if (!isJsonNumber(number) ||
                !numberInRange(number.startsWith('-') ? number.sliced(1) : number))
                return error(m_pos, tr("invalid JSON number %1").arg(QString::fromLatin1(number)));
            node.type = JsonNode::Type::Number;
            m_pos = i;
            node.end = i;
            return {};
        }
        return error(m_pos, tr("expected a JSON value"));
    }

    const QByteArray &m_text;
    QString m_fileName;
    int m_pos = 0;
};

} // namespace

Result<JsonNode> parseJsonSyntax(const QByteArray &text, const QString &fileName)
{
    return JsonParser(text, fileName).run();
}

QJsonValue jsonNodeToValue(const QByteArray &text, const JsonNode &node)
{
    switch (node.type) {
    case JsonNode::Type::Object: {
        QJsonObject o;
        for (const JsonMember &m : node.members)
            o.insert(m.key, jsonNodeToValue(text, m.value));
        return o;
    }
    case JsonNode::Type::Array: {
        QJsonArray a;
        for (const JsonNode &e : node.elements)
            a.append(jsonNodeToValue(text, e));
        return a;
    }
    case JsonNode::Type::String: {
        const QByteArray raw = text.mid(node.start + 1, node.end - node.start - 2);
        if (!raw.contains('\\'))
            return utf8ToString(raw);
        QString out;
        QByteArray pending;
        for (int i = 0; i < raw.size(); ++i) {
            if (raw[i] != '\\' || i + 1 >= raw.size()) {
                pending += raw[i];
                continue;
            }
            const char n = raw[++i];
            switch (n) {
            case 'n':
                pending += '\n';
                break;
            case 'r':
                pending += '\r';
                break;
            case 't':
                pending += '\t';
                break;
            case 'b':
                pending += '\b';
                break;
            case 'f':
                pending += '\f';
                break;
            case 'u': {
                out += utf8ToString(pending);
                pending.clear();
                const ushort u = ushort(raw.mid(i + 1, 4).toUInt(nullptr, 16));
                out += QChar(u);
                i += 4;
                break;
            }
            default:
                pending += n;
                break;
            }
        }
        out += utf8ToString(pending);
        return out;
    }
    case JsonNode::Type::Number:
        return text.mid(node.start, node.end - node.start).toDouble();
    case JsonNode::Type::Bool:
        return text[node.start] == 't';
    case JsonNode::Type::Null:
        return QJsonValue(QJsonValue::Null);
    }
    return {};
}

} // namespace kanri::hcl

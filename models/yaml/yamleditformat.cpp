#include "yaml/yamleditformat.h"

#include <QRegularExpression>
#include <QString>

#include <yaml-cpp/yaml.h>

namespace kanri::yaml::edit {

namespace {

bool isFlowIndicator(char c)
{
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// Unicode line and paragraph separators, NEL and BOM: YAML 1.1 readers treat the first three
// as line breaks, so they never appear unescaped.
bool hasSpecialUnicode(std::string_view v)
{
    return v.find("\xC2\x85") != std::string_view::npos ||
           v.find("\xE2\x80\xA8") != std::string_view::npos ||
           v.find("\xE2\x80\xA9") != std::string_view::npos ||
           v.find("\xEF\xBB\xBF") != std::string_view::npos;
}

bool hasControl(std::string_view v, bool allowNewline)
{
    for (char ch : v) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\n' && allowNewline)
            continue;
        if (c < 0x20 || c == 0x7f)
            return true;
    }
    return false;
}

bool literalAllowed(std::string_view v)
{
    if (v.empty() || hasSpecialUnicode(v) || v.find('\r') != std::string_view::npos)
        return false;
    for (char ch : v) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            return false;
    }
    return true;
}

QByteArray spaces(int n)
{
    return QByteArray(std::max(n, 0), ' ');
}

QByteArray doubleQuoted(std::string_view v)
{
    QByteArray out;
    out.reserve(qsizetype(v.size()) + 2);
    out += '"';
    for (size_t i = 0; i < v.size(); ++i) {
        const auto c = static_cast<unsigned char>(v[i]);
        switch (c) {
        case '"':
            out += "\\\"";
            continue;
        case '\\':
            out += "\\\\";
            continue;
        case '\n':
            out += "\\n";
            continue;
        case '\t':
            out += "\\t";
            continue;
        case '\r':
            out += "\\r";
            continue;
        default:
            break;
        }
        if (c < 0x20 || c == 0x7f) {
            out += "\\x" + QByteArray::number(c, 16).rightJustified(2, '0').toUpper();
            continue;
        }
        const std::string_view rest = v.substr(i);
        if (rest.starts_with("\xC2\x85")) {
            out += "\\N";
            i += 1;
        } else if (rest.starts_with("\xE2\x80\xA8")) {
            out += "\\L";
            i += 2;
        } else if (rest.starts_with("\xE2\x80\xA9")) {
            out += "\\P";
            i += 2;
        } else if (rest.starts_with("\xEF\xBB\xBF")) {
            out += "\\uFEFF";
            i += 2;
        } else {
            out += char(c);
        }
    }
    out += '"';
    return out;
}

QByteArray singleQuoted(std::string_view v)
{
    QByteArray out = "'";
    for (char c : v) {
        out += c;
        if (c == '\'')
            out += '\'';
    }
    out += '\'';
    return out;
}

// `|` or `>` block scalar. Returns an empty array when the value cannot be written that way.
QByteArray blockScalar(std::string_view v, char indicator, int blockIndent, int parentIndent,
                       const Layout &layout)
{
    std::string_view body = v;
    char chomp = '-';
    if (body.ends_with('\n')) {
        body.remove_suffix(1);
        chomp = body.ends_with('\n') || body.empty() ? '+' : 0;
    }
    QByteArray header(1, indicator);
    // A first content line starting with a space would be taken as deeper indentation.
    const size_t firstText = v.find_first_not_of('\n');
    if (firstText != std::string_view::npos && v[firstText] == ' ') {
        const int rel = blockIndent - std::max(parentIndent, 0);
        if (rel < 1 || rel > 9)
            return {};
        header += char('0' + rel);
    }
    if (chomp)
        header += chomp;
    QByteArray out = header;
    size_t pos = 0;
    while (true) {
        const size_t nl = body.find('\n', pos);
        const std::string_view line =
            body.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        out += layout.eol;
        if (!line.empty())
            out += spaces(blockIndent) + QByteArray(line.data(), qsizetype(line.size()));
        if (nl == std::string_view::npos)
            break;
        pos = nl + 1;
    }
    return out;
}

} // namespace

bool plainReadsAsNonString(std::string_view text)
{
    if (text.empty())
        return true;
    // YAML 1.1 (what kustomize quotes against) and 1.2 core schema, together.
    static const QRegularExpression nonString(QStringLiteral(
        "^(?:~|null|Null|NULL"
        "|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
        "|[-+]?[0-9][0-9_]*"
        "|[-+]?0b[01_]+|[-+]?0o[0-7_]+|[-+]?0x[0-9a-fA-F_]+"
        "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?"
        "|[-+]?(?:\\.[0-9][0-9_]*|[0-9][0-9_]*\\.[0-9_]*|[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?"
        "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
        "|<<|="
        "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?"
        ")$"));
    return nonString.match(QString::fromUtf8(text.data(), qsizetype(text.size()))).hasMatch();
}

bool plainSyntaxAllowed(std::string_view v, bool inFlow)
{
    if (v.empty() || isBlank(v.front()) || isBlank(v.back()) || hasControl(v, false) ||
        hasSpecialUnicode(v))
        return false;
    const char first = v.front();
    if (first == '-' || first == '?' || first == ':') {
        if (v.size() == 1 || isBlank(v[1]) || (inFlow && isFlowIndicator(v[1])))
            return false;
    } else if (std::string_view(",[]{}#&*!|>'\"%@`").find(first) != std::string_view::npos) {
        return false;
    }
    if (v.starts_with("---") || v.starts_with("..."))
        return false;
    if (v.find(": ") != std::string_view::npos || v.ends_with(':') ||
        v.find(" #") != std::string_view::npos)
        return false;
    if (inFlow) {
        for (char c : v) {
            if (isFlowIndicator(c))
                return false;
        }
    }
    return true;
}

QByteArray renderScalar(std::string_view value, ScalarStyle style, char oldStyle, bool oldNonString,
                        bool inFlow, int blockIndent, int parentIndent, const Layout &layout)
{
    const bool hasBreak = value.find('\n') != std::string_view::npos;
    const bool singleOk = !hasControl(value, false) && !hasSpecialUnicode(value);
    auto literalOr = [&](char indicator) {
        if (!inFlow && literalAllowed(value)) {
            QByteArray block = blockScalar(value, indicator, blockIndent, parentIndent, layout);
            if (!block.isEmpty())
                return block;
        }
        return doubleQuoted(value);
    };
    auto quoted = [&]() {
        if (hasBreak && !inFlow)
            return literalOr('|');
        return doubleQuoted(value);
    };

    if (style == ScalarStyle::Keep) {
        switch (oldStyle) {
        case '"':
            style = ScalarStyle::DoubleQuoted;
            break;
        case '\'':
            style = ScalarStyle::SingleQuoted;
            break;
        case '|':
            style = ScalarStyle::Literal;
            break;
        case '>':
            if (!hasBreak && !value.empty() && value.front() != ' ' && !inFlow &&
                literalAllowed(value))
                return literalOr('>');
            style = ScalarStyle::Literal;
            break;
        default:
            style = oldNonString ? ScalarStyle::Auto : ScalarStyle::String;
            break;
        }
    }
    switch (style) {
    case ScalarStyle::Keep:
    case ScalarStyle::Auto:
        return plainSyntaxAllowed(value, inFlow) ? QByteArray(value.data(), qsizetype(value.size()))
                                                 : quoted();
    case ScalarStyle::String:
        return plainSyntaxAllowed(value, inFlow) && !plainReadsAsNonString(value)
                   ? QByteArray(value.data(), qsizetype(value.size()))
                   : quoted();
    case ScalarStyle::SingleQuoted:
        return singleOk ? singleQuoted(value) : doubleQuoted(value);
    case ScalarStyle::DoubleQuoted:
        return doubleQuoted(value);
    case ScalarStyle::Literal:
        return literalOr('|');
    }
    return doubleQuoted(value);
}

QByteArray renderKey(std::string_view key, bool inFlow)
{
    if (plainSyntaxAllowed(key, inFlow) && !plainReadsAsNonString(key))
        return QByteArray(key.data(), qsizetype(key.size()));
    return doubleQuoted(key);
}

ScalarStyle styleForNode(const YAML::Node &node)
{
    return node.Tag() == "!" ? ScalarStyle::String : ScalarStyle::Auto;
}

void emitBlockValue(const YAML::Node &node, int parentIndent, bool afterDash, const Layout &layout,
                    QByteArray &out, std::optional<ScalarStyle> scalarStyle)
{
    const int nested = parentIndent + (afterDash ? 2 : layout.unit);
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return;
    case YAML::NodeType::Scalar: {
        const std::string &v = node.Scalar();
        out += ' ';
        out += renderScalar(v, scalarStyle.value_or(styleForNode(node)), 0, false, false, nested,
                            parentIndent, layout);
        return;
    }
    case YAML::NodeType::Map: {
        if (node.size() == 0) {
            out += " {}";
            return;
        }
        bool first = true;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (afterDash && first)
                out += ' ';
            else
                out += layout.eol + spaces(nested);
            first = false;
            out += renderKey(it->first.Scalar(), false);
            out += ':';
            emitBlockValue(it->second, nested, false, layout, out, scalarStyle);
        }
        return;
    }
    case YAML::NodeType::Sequence: {
        if (node.size() == 0) {
            out += " []";
            return;
        }
        const int dash = afterDash ? parentIndent + 2 : parentIndent + layout.seqOffset;
        bool first = true;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (afterDash && first)
                out += ' ';
            else
                out += layout.eol + spaces(dash);
            first = false;
            out += '-';
            emitBlockValue(*it, dash, true, layout, out, scalarStyle);
        }
        return;
    }
    }
}

QByteArray emitFlow(const YAML::Node &node, const Layout &layout,
                    std::optional<ScalarStyle> scalarStyle)
{
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return "null";
    case YAML::NodeType::Scalar:
        return renderScalar(node.Scalar(), scalarStyle.value_or(styleForNode(node)), 0, false, true,
                            0, 0, layout);
    case YAML::NodeType::Map: {
        QByteArray out = "{";
        bool first = true;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!first)
                out += ", ";
            first = false;
            out += renderKey(it->first.Scalar(), true) + ": " +
                   emitFlow(it->second, layout, scalarStyle);
        }
        return out + '}';
    }
    case YAML::NodeType::Sequence: {
        QByteArray out = "[";
        bool first = true;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!first)
                out += ", ";
            first = false;
            out += emitFlow(*it, layout, scalarStyle);
        }
        return out + ']';
    }
    }
    return "null";
}

} // namespace kanri::yaml::edit

#include "argocd/gotemplate.h"

#include "argocd/argocdinternal.h"
#include "yaml/yamldocument.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>
#include <functional>
#include <memory>
#include <vector>

namespace kanri::argocd {

namespace {

// ---------------------------------------------------------------------------------------------
// Values

constexpr int kMaxDepth = 100;            // nested actions, parentheses and data
constexpr qsizetype kMaxOutput = 1 << 22; // 4 MiB of output per template
constexpr int kMaxRangeSteps = 1'000'000;

bool isNil(const QVariant &v)
{
    return v.typeId() == QMetaType::Nullptr;
}

bool isMissing(const QVariant &v)
{
    return !v.isValid();
}

bool isNumber(const QVariant &v)
{
    const int t = v.typeId();
    return t == QMetaType::Double || t == QMetaType::LongLong || t == QMetaType::Int ||
           t == QMetaType::ULongLong || t == QMetaType::UInt || t == QMetaType::Float;
}

bool isInteger(const QVariant &v)
{
    const int t = v.typeId();
    return t == QMetaType::LongLong || t == QMetaType::Int || t == QMetaType::ULongLong ||
           t == QMetaType::UInt;
}

bool isString(const QVariant &v)
{
    return v.typeId() == QMetaType::QString;
}

bool isList(const QVariant &v)
{
    return v.typeId() == QMetaType::QVariantList || v.typeId() == QMetaType::QStringList;
}

bool isMap(const QVariant &v)
{
    return v.typeId() == QMetaType::QVariantMap;
}

QVariant nil()
{
    return QVariant::fromValue(nullptr);
}

QString goFloat(double d)
{
    if (std::isnan(d))
        return QStringLiteral("NaN");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    // %v of a float64 is strconv's 'g' with the shortest precision, exponent at >= 1e21.
    const double a = std::fabs(d);
    if (a != 0 && (a < 1e-4 || a >= 1e21)) {
        QString s = QString::number(d, 'e', QLocale::FloatingPointShortest);
        // Qt writes e+21, e-05; Go writes e+21, e-05 too.
        return s;
    }
    return QString::number(d, 'f', QLocale::FloatingPointShortest);
}

} // namespace

QString goPrint(const QVariant &v)
{
    if (isMissing(v))
        return QStringLiteral("<no value>");
    if (isNil(v))
        return QStringLiteral("<nil>");
    switch (v.typeId()) {
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::Double:
    case QMetaType::Float:
        return goFloat(v.toDouble());
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        QStringList parts;
        for (const QVariant &item : v.toList())
            parts << goPrint(item);
        return QLatin1Char('[') + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    case QMetaType::QVariantMap: {
        const QVariantMap m = v.toMap();
        QStringList parts;
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            parts << it.key() + QLatin1Char(':') + goPrint(it.value());
        return QStringLiteral("map[") + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    default:
        return v.toString();
    }
}

namespace {

QString typeName(const QVariant &v)
{
    if (isMissing(v) || isNil(v))
        return QStringLiteral("<nil>");
    switch (v.typeId()) {
    case QMetaType::Bool:
        return QStringLiteral("bool");
    case QMetaType::Double:
    case QMetaType::Float:
        return QStringLiteral("float64");
    case QMetaType::LongLong:
    case QMetaType::Int:
        return QStringLiteral("int");
    case QMetaType::QString:
        return QStringLiteral("string");
    case QMetaType::QVariantList:
    case QMetaType::QStringList:
        return QStringLiteral("[]interface {}");
    case QMetaType::QVariantMap:
        return QStringLiteral("map[string]interface {}");
    default:
        return QString::fromLatin1(v.typeName());
    }
}

// text/template's truth: false, 0, nil, and empty strings, lists and maps are false.
bool truth(const QVariant &v)
{
    if (isMissing(v) || isNil(v))
        return false;
    switch (v.typeId()) {
    case QMetaType::Bool:
        return v.toBool();
    case QMetaType::QString:
        return !v.toString().isEmpty();
    case QMetaType::QVariantList:
    case QMetaType::QStringList:
        return !v.toList().isEmpty();
    case QMetaType::QVariantMap:
        return !v.toMap().isEmpty();
    default:
        return isNumber(v) ? v.toDouble() != 0 : true;
    }
}

// ---------------------------------------------------------------------------------------------
// Lexing and parsing

struct Pipeline;

struct Operand
{
    enum class Kind { Dot, Field, Variable, Function, String, Int, Float, Bool, Nil, Pipe };
    Kind kind = Kind::Dot;
    QString name;       // variable or function name; string literal value
    QStringList chain;  // field names after the operand (.a.b)
    double number = 0;  // Float
    qint64 integer = 0; // Int
    bool boolean = false;
    std::shared_ptr<Pipeline> pipe; // Pipe
    int pos = 0;
    QString source; // the operand's text, for messages ("<.x>")
};

struct Command
{
    std::vector<Operand> args;
    int pos = 0;
};

struct Pipeline
{
    QStringList vars; // declared or assigned variables
    bool declare = false;
    std::vector<Command> commands;
    int pos = 0;
};

struct Node;
using NodeList = std::vector<Node>;

struct Node
{
    enum class Kind { Text, Action, If, Range, With, Break, Continue };
    Kind kind = Kind::Text;
    QString text;
    Pipeline pipe;
    NodeList list, elseList;
    int pos = 0;
};

struct TemplateError
{
    QString message;
};

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_s(text)
    {}

    Result<NodeList> parse()
    {
        NodeList root;
        QString end;
        if (auto r = parseList(root, end, 0); !r)
            return std::unexpected(r.error());
        if (!end.isEmpty())
            return error(m_lastActionPos, QStringLiteral("unexpected {{%1}}").arg(end));
        return root;
    }

private:
    std::unexpected<Error> error(int pos, const QString &message) const
    {
        const auto [line, col] = lineCol(pos);
        return fail(Error::Code::Syntax,
                    QStringLiteral("template: :%1:%2: %3").arg(line).arg(col).arg(message));
    }

    std::pair<int, int> lineCol(int pos) const
    {
        int line = 1, col = 1;
        for (int i = 0; i < pos && i < m_s.size(); ++i) {
            if (m_s.at(i) == QLatin1Char('\n')) {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        return {line, col};
    }

    static bool isSpace(QChar c)
    {
        return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r') ||
               c == QLatin1Char('\n');
    }

    // Reads text up to the next action; fills `text`. Returns false at the end of input.
    bool nextText(QString &text)
    {
        const qsizetype open = m_s.indexOf(QLatin1String("{{"), m_i);
        if (open < 0) {
            text = m_s.mid(m_i);
            m_i = int(m_s.size());
            return false;
        }
        text = m_s.mid(m_i, open - m_i);
        m_i = int(open);
        // Left trim marker "{{- " trims the text before.
        if (m_i + 3 < m_s.size() && m_s.at(m_i + 2) == QLatin1Char('-') &&
            isSpace(m_s.at(m_i + 3))) {
            qsizetype e = text.size();
            while (e > 0 && isSpace(text.at(e - 1)))
                --e;
            text.truncate(e);
        }
        return true;
    }

    // Parses nodes until {{end}}/{{else...}} (returned in `end`) or the end of input.
    Result<void> parseList(NodeList &list, QString &end, int depth)
    {
        if (depth > kMaxDepth)
            return error(m_i, QStringLiteral("nesting too deep"));
        while (true) {
            QString text;
            const bool action = nextText(text);
            if (!text.isEmpty()) {
                Node n;
                n.kind = Node::Kind::Text;
                n.text = text;
                list.push_back(std::move(n));
            }
            if (!action)
                return {};
            auto tokens = lexAction();
            if (!tokens)
                return std::unexpected(tokens.error());
            if (tokens->empty())
                continue; // a comment
            Token first = tokens->front();
            m_tokens = std::move(*tokens);
            m_t = 0;
            if (first.kind == Token::Kind::Identifier) {
                const QString &kw = first.text;
                if (kw == QLatin1String("end")) {
                    if (m_tokens.size() != 1)
                        return error(first.pos,
                                     QStringLiteral("unexpected %1 in end").arg(m_tokens[1].text));
                    end = kw;
                    return {};
                }
                if (kw == QLatin1String("else")) {
                    end = kw;
                    // "else if ..." / "else with ...": the rest of the tokens stay for the caller.
                    m_t = 1;
                    return {};
                }
                if (kw == QLatin1String("if") || kw == QLatin1String("range") ||
                    kw == QLatin1String("with")) {
                    m_t = 1;
                    Node n;
                    if (auto r = parseControl(n, kw, first.pos, depth); !r)
                        return r;
                    list.push_back(std::move(n));
                    continue;
                }
                if (kw == QLatin1String("break") || kw == QLatin1String("continue")) {
                    if (m_rangeDepth == 0)
                        return error(first.pos, QStringLiteral("{{%1}} outside {{range}}").arg(kw));
                    Node n;
                    n.kind =
                        kw == QLatin1String("break") ? Node::Kind::Break : Node::Kind::Continue;
                    n.pos = first.pos;
                    list.push_back(std::move(n));
                    continue;
                }
                if (kw == QLatin1String("define") || kw == QLatin1String("template") ||
                    kw == QLatin1String("block"))
                    return error(first.pos,
                                 QStringLiteral("{{%1}} is not supported by Kanri").arg(kw));
            }
            Node n;
            n.kind = Node::Kind::Action;
            n.pos = first.pos;
            auto pipe = parsePipeline(true, depth);
            if (!pipe)
                return std::unexpected(pipe.error());
            n.pipe = std::move(*pipe);
            if (m_t != m_tokens.size())
                return error(
                    m_tokens[m_t].pos,
                    QStringLiteral("unexpected \"%1\" in operand").arg(m_tokens[m_t].text));
            list.push_back(std::move(n));
        }
    }

    // After "if"/"range"/"with" (m_t past the keyword).
    Result<void> parseControl(Node &n, const QString &kw, int pos, int depth)
    {
        n.kind = kw == QLatin1String("if")      ? Node::Kind::If
                 : kw == QLatin1String("range") ? Node::Kind::Range
                                                : Node::Kind::With;
        n.pos = pos;
        auto pipe = parsePipeline(true, depth, kw == QLatin1String("range"));
        if (!pipe)
            return std::unexpected(pipe.error());
        if (pipe->commands.empty())
            return error(pos, QStringLiteral("missing value for %1").arg(kw));
        if (m_t != m_tokens.size())
            return error(m_tokens[m_t].pos,
                         QStringLiteral("unexpected \"%1\" in %2").arg(m_tokens[m_t].text, kw));
        n.pipe = std::move(*pipe);
        m_lastActionPos = pos;
        if (n.kind == Node::Kind::Range)
            ++m_rangeDepth;
        QString end;
        auto r = parseList(n.list, end, depth + 1);
        if (n.kind == Node::Kind::Range)
            --m_rangeDepth;
        if (!r)
            return r;
        if (end.isEmpty())
            return error(pos, QStringLiteral("unexpected EOF"));
        if (end == QLatin1String("else")) {
            // "else if" / "else with": a nested control node as the whole else branch.
            if (m_t < m_tokens.size() && m_tokens[m_t].kind == Token::Kind::Identifier &&
                (m_tokens[m_t].text == QLatin1String("if") ||
                 m_tokens[m_t].text == QLatin1String("with"))) {
                const QString inner = m_tokens[m_t].text;
                if (inner != kw)
                    return error(m_tokens[m_t].pos,
                                 QStringLiteral("unexpected {{else %1}} in {{%2}}").arg(inner, kw));
                const int innerPos = m_tokens[m_t].pos;
                ++m_t;
                Node nested;
                if (auto rr = parseControl(nested, inner, innerPos, depth + 1); !rr)
                    return rr;
                n.elseList.push_back(std::move(nested));
                return {};
            }
            if (m_t != m_tokens.size())
                return error(m_tokens[m_t].pos,
                             QStringLiteral("unexpected \"%1\" in else").arg(m_tokens[m_t].text));
            QString end2;
            if (n.kind == Node::Kind::Range)
                ++m_rangeDepth;
            auto r2 = parseList(n.elseList, end2, depth + 1);
            if (n.kind == Node::Kind::Range)
                --m_rangeDepth;
            if (!r2)
                return r2;
            if (end2 != QLatin1String("end"))
                return error(pos, end2.isEmpty() ? QStringLiteral("unexpected EOF")
                                                 : QStringLiteral("expected end; found {{else}}"));
        }
        return {};
    }

    struct Token
    {
        enum class Kind {
            Identifier,
            Field,
            Variable,
            String,
            Char,
            Number,
            Pipe,
            LParen,
            RParen,
            Declare,
            Assign,
            Comma,
            Dot
        };
        Kind kind;
        QString text;
        int pos = 0;
        bool spaceBefore = false;
    };

    // Lexes one action from "{{" (m_i) to "}}", leaving m_i after it.
    Result<std::vector<Token>> lexAction()
    {
        const int start = m_i;
        m_lastActionPos = start;
        int i = m_i + 2;
        if (i + 1 < m_s.size() && m_s.at(i) == QLatin1Char('-') && isSpace(m_s.at(i + 1)))
            i += 2;
        std::vector<Token> tokens;
        // Comment: "/*" right after the delimiter (and its trim marker).
        if (m_s.mid(i, 2) == QLatin1String("/*")) {
            const qsizetype close = m_s.indexOf(QLatin1String("*/"), i + 2);
            if (close < 0)
                return error(start, QStringLiteral("unclosed comment"));
            int j = int(close) + 2;
            bool trim = false;
            if (m_s.mid(j, 4) == QLatin1String(" -}}")) {
                trim = true;
                j += 4;
            } else if (m_s.mid(j, 2) == QLatin1String("}}")) {
                j += 2;
            } else {
                return error(start, QStringLiteral("comment ends before closing delimiter"));
            }
            m_i = j;
            if (trim)
                trimRight();
            return tokens;
        }
        bool space = false;
        while (true) {
            if (i >= m_s.size())
                return error(start, QStringLiteral("unclosed action"));
            const QChar c = m_s.at(i);
            if (isSpace(c)) {
                // " -}}": right trim marker.
                if (m_s.mid(i, 4) == QLatin1String(" -}}") ||
                    (m_s.mid(i + 1, 3) == QLatin1String("-}}") && isSpace(c))) {
                    m_i = i + 4;
                    trimRight();
                    return tokens;
                }
                space = true;
                ++i;
                continue;
            }
            if (c == QLatin1Char('}') && m_s.mid(i, 2) == QLatin1String("}}")) {
                m_i = i + 2;
                return tokens;
            }
            Token t;
            t.pos = i;
            t.spaceBefore = space;
            space = false;
            if (c == QLatin1Char('|')) {
                t.kind = Token::Kind::Pipe;
                t.text = c;
                ++i;
            } else if (c == QLatin1Char('(')) {
                t.kind = Token::Kind::LParen;
                t.text = c;
                ++i;
            } else if (c == QLatin1Char(')')) {
                t.kind = Token::Kind::RParen;
                t.text = c;
                ++i;
            } else if (c == QLatin1Char(',')) {
                t.kind = Token::Kind::Comma;
                t.text = c;
                ++i;
            } else if (c == QLatin1Char(':') && m_s.mid(i, 2) == QLatin1String(":=")) {
                t.kind = Token::Kind::Declare;
                t.text = QStringLiteral(":=");
                i += 2;
            } else if (c == QLatin1Char('=')) {
                t.kind = Token::Kind::Assign;
                t.text = c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                int j = i + 1;
                QString value;
                bool closed = false;
                while (j < m_s.size()) {
                    const QChar d = m_s.at(j);
                    if (d == QLatin1Char('\n'))
                        break;
                    if (d == QLatin1Char('"')) {
                        closed = true;
                        break;
                    }
                    if (d == QLatin1Char('\\') && j + 1 < m_s.size()) {
                        const QChar e = m_s.at(j + 1);
                        j += 2;
                        switch (e.unicode()) {
                        case 'n':
                            value += QLatin1Char('\n');
                            break;
                        case 't':
                            value += QLatin1Char('\t');
                            break;
                        case 'r':
                            value += QLatin1Char('\r');
                            break;
                        case '\\':
                            value += QLatin1Char('\\');
                            break;
                        case '"':
                            value += QLatin1Char('"');
                            break;
                        case '\'':
                            value += QLatin1Char('\'');
                            break;
                        case 'a':
                            value += QChar(7);
                            break;
                        case 'b':
                            value += QChar(8);
                            break;
                        case 'f':
                            value += QChar(12);
                            break;
                        case 'v':
                            value += QChar(11);
                            break;
                        case 'x':
                        case 'u':
                        case 'U': {
                            const int n = e == QLatin1Char('x') ? 2 : e == QLatin1Char('u') ? 4 : 8;
                            bool ok = false;
                            const uint code = m_s.mid(j, n).toUInt(&ok, 16);
                            if (!ok || j + n > m_s.size())
                                return error(i, QStringLiteral("invalid syntax in string"));
                            j += n;
                            if (e == QLatin1Char('x'))
                                value += QChar(code); // a byte; Latin-1 is the best we can do
                            else
                                value +=
                                    QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
                            break;
                        }
                        default:
                            return error(i, QStringLiteral("invalid syntax in string"));
                        }
                        continue;
                    }
                    value += d;
                    ++j;
                }
                if (!closed)
                    return error(i, QStringLiteral("unterminated quoted string"));
                t.kind = Token::Kind::String;
                t.text = value;
                i = j + 1;
            } else if (c == QLatin1Char('`')) {
                const qsizetype close = m_s.indexOf(QLatin1Char('`'), i + 1);
                if (close < 0)
                    return error(i, QStringLiteral("unterminated raw quoted string"));
                t.kind = Token::Kind::String;
                t.text = m_s.mid(i + 1, close - i - 1);
                i = int(close) + 1;
            } else if (c == QLatin1Char('\'')) {
                const qsizetype close = m_s.indexOf(QLatin1Char('\''), i + 1);
                if (close < 0 || close == i + 1)
                    return error(i, QStringLiteral("unterminated character constant"));
                QString ch = m_s.mid(i + 1, close - i - 1);
                if (ch == QLatin1String("\\n"))
                    ch = QStringLiteral("\n");
                else if (ch == QLatin1String("\\t"))
                    ch = QStringLiteral("\t");
                else if (ch.startsWith(QLatin1Char('\\')))
                    ch = ch.mid(1);
                if (ch.toUcs4().size() != 1)
                    return error(i, QStringLiteral("malformed character constant"));
                t.kind = Token::Kind::Char;
                t.text = QString::number(ch.toUcs4().at(0));
                i = int(close) + 1;
            } else if (c == QLatin1Char('$')) {
                int j = i + 1;
                while (j < m_s.size() &&
                       (m_s.at(j).isLetterOrNumber() || m_s.at(j) == QLatin1Char('_')))
                    ++j;
                t.kind = Token::Kind::Variable;
                t.text = m_s.mid(i, j - i);
                i = j;
            } else if (c == QLatin1Char('.')) {
                int j = i + 1;
                if (j < m_s.size() && m_s.at(j).isDigit()) {
                    // ".5": a number
                    while (j < m_s.size() &&
                           (m_s.at(j).isLetterOrNumber() || m_s.at(j) == QLatin1Char('.')))
                        ++j;
                    t.kind = Token::Kind::Number;
                    t.text = m_s.mid(i, j - i);
                } else {
                    while (j < m_s.size() &&
                           (m_s.at(j).isLetterOrNumber() || m_s.at(j) == QLatin1Char('_')))
                        ++j;
                    t.kind = j == i + 1 ? Token::Kind::Dot : Token::Kind::Field;
                    t.text = m_s.mid(i + 1, j - i - 1);
                }
                i = j;
            } else if (c.isDigit() ||
                       ((c == QLatin1Char('-') || c == QLatin1Char('+')) && i + 1 < m_s.size() &&
                        (m_s.at(i + 1).isDigit() || m_s.at(i + 1) == QLatin1Char('.')))) {
                int j = i + 1;
                while (j < m_s.size()) {
                    const QChar d = m_s.at(j);
                    if (d.isLetterOrNumber() || d == QLatin1Char('.') || d == QLatin1Char('_') ||
                        ((d == QLatin1Char('-') || d == QLatin1Char('+')) &&
                         (m_s.at(j - 1) == QLatin1Char('e') || m_s.at(j - 1) == QLatin1Char('E') ||
                          m_s.at(j - 1) == QLatin1Char('p') || m_s.at(j - 1) == QLatin1Char('P'))))
                        ++j;
                    else
                        break;
                }
                t.kind = Token::Kind::Number;
                t.text = m_s.mid(i, j - i);
                i = j;
            } else if (c.isLetter() || c == QLatin1Char('_')) {
                int j = i + 1;
                while (j < m_s.size() &&
                       (m_s.at(j).isLetterOrNumber() || m_s.at(j) == QLatin1Char('_')))
                    ++j;
                t.kind = Token::Kind::Identifier;
                t.text = m_s.mid(i, j - i);
                i = j;
            } else {
                return error(i, QStringLiteral("unexpected \"%1\" in command").arg(c));
            }
            tokens.push_back(std::move(t));
        }
    }

    void trimRight()
    {
        while (m_i < m_s.size() && isSpace(m_s.at(m_i)))
            ++m_i;
    }

    bool atEnd() const { return m_t >= m_tokens.size(); }

    // pipeline: [vars (:= | =)] command ('|' command)*
    Result<Pipeline> parsePipeline(bool allowDecl, int depth, bool range = false)
    {
        if (depth > kMaxDepth)
            return error(atEnd() ? m_i : m_tokens[m_t].pos, QStringLiteral("nesting too deep"));
        Pipeline p;
        p.pos = atEnd() ? m_i : m_tokens[m_t].pos;
        if (allowDecl && !atEnd() && m_tokens[m_t].kind == Token::Kind::Variable) {
            // Look ahead: "$x :=", "$x =", or (range) "$i, $v :=".
            std::size_t k = m_t;
            QStringList vars{m_tokens[k].text};
            ++k;
            if (range && k + 1 < m_tokens.size() && m_tokens[k].kind == Token::Kind::Comma &&
                m_tokens[k + 1].kind == Token::Kind::Variable) {
                vars << m_tokens[k + 1].text;
                k += 2;
            }
            if (k < m_tokens.size() && (m_tokens[k].kind == Token::Kind::Declare ||
                                        m_tokens[k].kind == Token::Kind::Assign)) {
                p.vars = vars;
                p.declare = m_tokens[k].kind == Token::Kind::Declare;
                m_t = k + 1;
            }
        }
        while (!atEnd()) {
            const Token &t = m_tokens[m_t];
            if (t.kind == Token::Kind::RParen)
                break;
            Command cmd;
            cmd.pos = t.pos;
            while (!atEnd()) {
                const Token &a = m_tokens[m_t];
                if (a.kind == Token::Kind::Pipe || a.kind == Token::Kind::RParen)
                    break;
                auto op = parseOperand(depth);
                if (!op)
                    return std::unexpected(op.error());
                cmd.args.push_back(std::move(*op));
            }
            if (cmd.args.empty())
                return error(t.pos, QStringLiteral("missing command"));
            p.commands.push_back(std::move(cmd));
            if (!atEnd() && m_tokens[m_t].kind == Token::Kind::Pipe) {
                ++m_t;
                if (atEnd() || m_tokens[m_t].kind == Token::Kind::RParen)
                    return error(m_tokens[m_t - 1].pos, QStringLiteral("missing command"));
            }
        }
        if (p.commands.empty() && !p.vars.isEmpty())
            return error(p.pos, QStringLiteral("missing value for command"));
        return p;
    }

    // Field names that follow an operand without a space: ".a.b".
    void parseChain(Operand &op)
    {
        while (!atEnd() && m_tokens[m_t].kind == Token::Kind::Field && !m_tokens[m_t].spaceBefore) {
            op.chain << m_tokens[m_t].text;
            op.source += QLatin1Char('.') + m_tokens[m_t].text;
            ++m_t;
        }
    }

    Result<Operand> parseOperand(int depth)
    {
        const Token t = m_tokens[m_t++];
        Operand op;
        op.pos = t.pos;
        switch (t.kind) {
        case Token::Kind::Dot:
            op.kind = Operand::Kind::Dot;
            op.source = QStringLiteral(".");
            break;
        case Token::Kind::Field:
            op.kind = Operand::Kind::Field;
            op.chain << t.text;
            op.source = QLatin1Char('.') + t.text;
            parseChain(op);
            break;
        case Token::Kind::Variable:
            op.kind = Operand::Kind::Variable;
            op.name = t.text;
            op.source = t.text;
            parseChain(op);
            break;
        case Token::Kind::String:
            op.kind = Operand::Kind::String;
            op.name = t.text;
            op.source = QLatin1Char('"') + t.text + QLatin1Char('"');
            break;
        case Token::Kind::Char:
            op.kind = Operand::Kind::Int;
            op.integer = t.text.toLongLong();
            op.source = t.text;
            break;
        case Token::Kind::Number: {
            op.source = t.text;
            QString s = t.text;
            s.remove(QLatin1Char('_'));
            bool ok = false;
            const bool negative = s.startsWith(QLatin1Char('-'));
            QString digits = (negative || s.startsWith(QLatin1Char('+'))) ? s.mid(1) : s;
            qint64 n = 0;
            if (digits.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
                n = digits.mid(2).toLongLong(&ok, 16);
            else if (digits.startsWith(QLatin1String("0o"), Qt::CaseInsensitive))
                n = digits.mid(2).toLongLong(&ok, 8);
            else if (digits.startsWith(QLatin1String("0b"), Qt::CaseInsensitive))
                n = digits.mid(2).toLongLong(&ok, 2);
            else if (digits.size() > 1 && digits.startsWith(QLatin1Char('0')) &&
                     !digits.contains(QLatin1Char('.')) &&
                     !digits.contains(QLatin1Char('e'), Qt::CaseInsensitive))
                n = digits.toLongLong(&ok, 8);
            else
                n = digits.toLongLong(&ok, 10);
            if (ok) {
                op.kind = Operand::Kind::Int;
                op.integer = negative ? -n : n;
            } else {
                const double d = s.toDouble(&ok);
                if (!ok)
                    return error(t.pos, QStringLiteral("bad number syntax: \"%1\"").arg(t.text));
                op.kind = Operand::Kind::Float;
                op.number = d;
            }
            break;
        }
        case Token::Kind::Identifier:
            op.source = t.text;
            if (t.text == QLatin1String("true") || t.text == QLatin1String("false")) {
                op.kind = Operand::Kind::Bool;
                op.boolean = t.text == QLatin1String("true");
            } else if (t.text == QLatin1String("nil")) {
                op.kind = Operand::Kind::Nil;
            } else if (t.text == QLatin1String("if") || t.text == QLatin1String("else") ||
                       t.text == QLatin1String("end") || t.text == QLatin1String("range") ||
                       t.text == QLatin1String("with") || t.text == QLatin1String("break") ||
                       t.text == QLatin1String("continue")) {
                return error(t.pos, QStringLiteral("unexpected <%1> in command").arg(t.text));
            } else {
                op.kind = Operand::Kind::Function;
                op.name = t.text;
            }
            break;
        case Token::Kind::LParen: {
            auto inner = parsePipeline(true, depth + 1);
            if (!inner)
                return std::unexpected(inner.error());
            if (atEnd() || m_tokens[m_t].kind != Token::Kind::RParen)
                return error(t.pos, QStringLiteral("unclosed left paren"));
            ++m_t;
            if (inner->commands.empty())
                return error(t.pos, QStringLiteral("missing value for parenthesized pipeline"));
            op.kind = Operand::Kind::Pipe;
            op.pipe = std::make_shared<Pipeline>(std::move(*inner));
            op.source = QStringLiteral("(...)");
            parseChain(op);
            break;
        }
        default:
            return error(t.pos, QStringLiteral("unexpected \"%1\" in operand").arg(t.text));
        }
        return op;
    }

    QString m_s;
    int m_i = 0;
    std::vector<Token> m_tokens;
    std::size_t m_t = 0;
    int m_rangeDepth = 0;
    int m_lastActionPos = 0;
};

// ---------------------------------------------------------------------------------------------
// Functions

using Args = QVariantList;
using Function = std::function<Result<QVariant>(const Args &)>;

std::unexpected<Error> funcError(const QString &message)
{
    return fail(Error::Code::Generic, message);
}

// sprig's toString / fmt.Sprint of one value.
QString str(const QVariant &v)
{
    if (isMissing(v) || isNil(v))
        return QStringLiteral("<nil>");
    return goPrint(v);
}

// cast.ToInt64 as sprig uses it: numbers truncate, strings parse (else 0), bools 0/1.
qint64 toInt(const QVariant &v)
{
    if (isNumber(v))
        return isInteger(v) ? v.toLongLong() : qint64(v.toDouble());
    if (v.typeId() == QMetaType::Bool)
        return v.toBool() ? 1 : 0;
    if (isString(v)) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok, 0);
        if (ok)
            return n;
        const double d = v.toString().trimmed().toDouble(&ok);
        return ok ? qint64(d) : 0;
    }
    return 0;
}

double toFloat(const QVariant &v)
{
    if (isNumber(v))
        return v.toDouble();
    if (v.typeId() == QMetaType::Bool)
        return v.toBool() ? 1 : 0;
    if (isString(v)) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        return ok ? d : 0;
    }
    return 0;
}

// sprig's empty: zero values are empty.
bool empty(const QVariant &v)
{
    return !truth(v);
}

QVariantList toList(const QVariant &v)
{
    if (isList(v))
        return v.toList();
    return {};
}

QString toTitle(const QString &s)
{
    QString out = s;
    bool start = true;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QChar c = out.at(i);
        const bool letter = c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('\'');
        if (letter && start)
            out[i] = c.toTitleCase();
        start = !letter;
    }
    return out;
}

QStringList words(const QString &s)
{
    // xstrings' word split as sprig's snakecase/kebabcase see it: case changes and separators.
    QStringList out;
    QString current;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (!c.isLetterOrNumber()) {
            if (!current.isEmpty())
                out << current;
            current.clear();
            continue;
        }
        if (c.isUpper() && !current.isEmpty() &&
            (current.back().isLower() || current.back().isDigit() ||
             (i + 1 < s.size() && s.at(i + 1).isLower() && current.back().isUpper()))) {
            out << current;
            current.clear();
        }
        current += c;
    }
    if (!current.isEmpty())
        out << current;
    return out;
}

// Go's fmt verbs for printf/sprintf: %v %s %d %q %x %X %o %b %f %F %e %g %t %c %T %%, with
// flags (- + # 0 space), width and precision. A verb of the wrong type prints as Go does:
// "%!d(string=x)".
QString goSprintf(const QString &format, const Args &args)
{
    QString out;
    int argi = 0;
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format.at(i);
        if (c != QLatin1Char('%')) {
            out += c;
            continue;
        }
        ++i;
        if (i >= format.size()) {
            out += QStringLiteral("%!(NOVERB)");
            break;
        }
        bool minus = false, plus = false, zero = false, space = false, sharp = false;
        for (; i < format.size(); ++i) {
            const QChar f = format.at(i);
            if (f == QLatin1Char('-'))
                minus = true;
            else if (f == QLatin1Char('+'))
                plus = true;
            else if (f == QLatin1Char('0'))
                zero = true;
            else if (f == QLatin1Char(' '))
                space = true;
            else if (f == QLatin1Char('#'))
                sharp = true;
            else
                break;
        }
        int width = -1, precision = -1;
        while (i < format.size() && format.at(i).isDigit()) {
            width = (width < 0 ? 0 : width) * 10 + format.at(i).digitValue();
            ++i;
        }
        if (i < format.size() && format.at(i) == QLatin1Char('.')) {
            ++i;
            precision = 0;
            while (i < format.size() && format.at(i).isDigit()) {
                precision = precision * 10 + format.at(i).digitValue();
                ++i;
            }
        }
        if (i >= format.size()) {
            out += QStringLiteral("%!(NOVERB)");
            break;
        }
        const QChar verb = format.at(i);
        if (verb == QLatin1Char('%')) {
            out += QLatin1Char('%');
            continue;
        }
        if (argi >= args.size()) {
            out += QStringLiteral("%!") + verb + QStringLiteral("(MISSING)");
            continue;
        }
        const QVariant a = args.at(argi++);
        QString s;
        auto bad = [&] {
            return QStringLiteral("%!") + verb + QLatin1Char('(') + typeName(a) + QLatin1Char('=') +
                   str(a) + QLatin1Char(')');
        };
        bool numeric = false;
        switch (verb.unicode()) {
        case 'v':
            s = (isMissing(a) || isNil(a)) ? QStringLiteral("<nil>") : goPrint(a);
            if (sharp && isString(a))
                s = QLatin1Char('"') + a.toString() + QLatin1Char('"');
            break;
        case 's':
            if (isString(a) || isList(a) || isMap(a))
                s = goPrint(a);
            else
                s = bad();
            if (precision >= 0 && isString(a))
                s = s.left(precision);
            break;
        case 'q':
            if (isString(a)) {
                s = a.toString();
                s.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
                s.replace(QLatin1Char('"'), QStringLiteral("\\\""));
                s.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
                s.replace(QLatin1Char('\t'), QStringLiteral("\\t"));
                s = QLatin1Char('"') + s + QLatin1Char('"');
            } else if (isInteger(a)) {
                s = QLatin1Char('\'') +
                    QString::fromUcs4(reinterpret_cast<const char32_t *>(&a), 0) +
                    QLatin1Char('\'');
                const char32_t code = char32_t(a.toLongLong());
                s = QLatin1Char('\'') + QString::fromUcs4(&code, 1) + QLatin1Char('\'');
            } else {
                s = bad();
            }
            break;
        case 'd':
        case 'x':
        case 'X':
        case 'o':
        case 'b':
            if (isInteger(a)) {
                numeric = true;
                const qint64 n = a.toLongLong();
                const int base = verb == QLatin1Char('d')   ? 10
                                 : verb == QLatin1Char('o') ? 8
                                 : verb == QLatin1Char('b') ? 2
                                                            : 16;
                s = QString::number(n < 0 ? -n : n, base);
                if (verb == QLatin1Char('X'))
                    s = s.toUpper();
                if (precision >= 0 && s.size() < precision)
                    s = QString(precision - s.size(), QLatin1Char('0')) + s;
                if (sharp && base == 16)
                    s = (verb == QLatin1Char('X') ? QStringLiteral("0X") : QStringLiteral("0x")) +
                        s;
                if (n < 0)
                    s = QLatin1Char('-') + s;
                else if (plus)
                    s = QLatin1Char('+') + s;
                else if (space)
                    s = QLatin1Char(' ') + s;
            } else if ((verb == QLatin1Char('x') || verb == QLatin1Char('X')) && isString(a)) {
                s = QString::fromLatin1(a.toString().toUtf8().toHex());
                if (verb == QLatin1Char('X'))
                    s = s.toUpper();
            } else {
                s = bad();
            }
            break;
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
            if (isNumber(a) && !isInteger(a)) {
                numeric = true;
                const double d = a.toDouble();
                const char fmt = char(verb == QLatin1Char('F') ? 'f' : verb.toLatin1());
                if (fmt == 'g' || fmt == 'G')
                    s = precision < 0 ? goFloat(d) : QString::number(d, fmt, precision);
                else
                    s = QString::number(d, fmt, precision < 0 ? 6 : precision);
                if (plus && d >= 0)
                    s = QLatin1Char('+') + s;
                else if (space && d >= 0)
                    s = QLatin1Char(' ') + s;
            } else {
                s = bad();
            }
            break;
        case 't':
            s = a.typeId() == QMetaType::Bool ? goPrint(a) : bad();
            break;
        case 'c':
            if (isInteger(a)) {
                const char32_t code = char32_t(a.toLongLong());
                s = QString::fromUcs4(&code, 1);
            } else {
                s = bad();
            }
            break;
        case 'T':
            s = typeName(a);
            break;
        default:
            s = QStringLiteral("%!") + verb + QLatin1Char('(') + typeName(a) + QLatin1Char('=') +
                str(a) + QLatin1Char(')');
        }
        if (width > s.size()) {
            const qsizetype pad = width - s.size();
            if (minus) {
                s += QString(pad, QLatin1Char(' '));
            } else if (zero && numeric) {
                const bool sign = s.startsWith(QLatin1Char('-')) || s.startsWith(QLatin1Char('+'));
                s.insert(sign ? 1 : 0, QString(pad, QLatin1Char('0')));
            } else {
                s = QString(pad, QLatin1Char(' ')) + s;
            }
        }
        out += s;
    }
    if (argi < args.size()) {
        QStringList extra;
        for (int k = argi; k < args.size(); ++k)
            extra << typeName(args.at(k)) + QLatin1Char('=') + str(args.at(k));
        out += QStringLiteral("%!(EXTRA ") + extra.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    return out;
}

// fmt.Sprint: spaces between operands when neither side is a string.
QString goSprint(const Args &args)
{
    QString out;
    for (int i = 0; i < args.size(); ++i) {
        if (i > 0 && !isString(args.at(i)) && !isString(args.at(i - 1)))
            out += QLatin1Char(' ');
        out += str(args.at(i));
    }
    return out;
}

QJsonValue toJson(const QVariant &v)
{
    if (isMissing(v) || isNil(v))
        return QJsonValue(QJsonValue::Null);
    if (isMap(v)) {
        QJsonObject o;
        const QVariantMap m = v.toMap();
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            o.insert(it.key(), toJson(it.value()));
        return o;
    }
    if (isList(v)) {
        QJsonArray a;
        for (const QVariant &item : v.toList())
            a.append(toJson(item));
        return a;
    }
    if (v.typeId() == QMetaType::Bool)
        return v.toBool();
    if (isInteger(v))
        return v.toLongLong();
    if (isNumber(v))
        return v.toDouble();
    return v.toString();
}

QVariant fromJson(const QJsonValue &j)
{
    switch (j.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return nil();
    case QJsonValue::Bool:
        return j.toBool();
    case QJsonValue::Double:
        return j.toDouble();
    case QJsonValue::String:
        return j.toString();
    case QJsonValue::Array: {
        QVariantList l;
        for (const QJsonValue &item : j.toArray())
            l.append(fromJson(item));
        return l;
    }
    case QJsonValue::Object: {
        QVariantMap m;
        const QJsonObject o = j.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            m.insert(it.key(), fromJson(it.value()));
        return m;
    }
    }
    return {};
}

QString jsonText(const QVariant &v, bool pretty)
{
    const QJsonValue j = toJson(v);
    QJsonDocument doc;
    if (j.isObject())
        doc = QJsonDocument(j.toObject());
    else if (j.isArray())
        doc = QJsonDocument(j.toArray());
    else {
        // A scalar: wrap and unwrap.
        QJsonArray a{j};
        QString s = QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
        return s.mid(1, s.size() - 2);
    }
    QString s =
        QString::fromUtf8(doc.toJson(pretty ? QJsonDocument::Indented : QJsonDocument::Compact));
    if (pretty) {
        // Go's MarshalIndent uses two spaces; Qt uses four.
        QStringList lines = s.split(QLatin1Char('\n'));
        for (QString &line : lines) {
            qsizetype n = 0;
            while (n < line.size() && line.at(n) == QLatin1Char(' '))
                ++n;
            line = QString(n / 2, QLatin1Char(' ')) + line.mid(n);
        }
        s = lines.join(QLatin1Char('\n')).trimmed();
    }
    return s;
}

// A YAML scalar as sigs.k8s.io/yaml (go-yaml v2) prints it.
QString yamlScalar(const QVariant &v)
{
    if (isMissing(v) || isNil(v))
        return QStringLiteral("null");
    if (v.typeId() == QMetaType::Bool || isNumber(v))
        return goPrint(v);
    const QString s = v.toString();
    const std::string text = s.toStdString();
    const bool plainOk = !s.isEmpty() && yaml::resolvePlain11(text) == yaml::Value::Type::String &&
                         yaml::resolvePlain(text) == yaml::Value::Type::String &&
                         !s.contains(QLatin1String(": ")) && !s.contains(QLatin1String(" #")) &&
                         !s.contains(QLatin1Char('\n')) && !s.startsWith(QLatin1Char(' ')) &&
                         !s.endsWith(QLatin1Char(' ')) && !s.endsWith(QLatin1Char(':')) &&
                         !QStringLiteral("-?:,[]{}#&*!|>'\"%@`").contains(s.at(0));
    if (plainOk)
        return s;
    if (s.contains(QLatin1Char('\n'))) {
        QString quoted = s;
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        quoted.replace(QLatin1Char('"'), QStringLiteral("\\\""));
        quoted.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
        return QLatin1Char('"') + quoted + QLatin1Char('"');
    }
    QString quoted = s;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

void toYamlLines(const QVariant &v, int indent, QStringList &out)
{
    const QString pad(indent, QLatin1Char(' '));
    if (isMap(v)) {
        const QVariantMap m = v.toMap();
        if (m.isEmpty()) {
            out << pad + QStringLiteral("{}");
            return;
        }
        for (auto it = m.cbegin(); it != m.cend(); ++it) {
            const QString key = yamlScalar(it.key());
            const QVariant &value = it.value();
            if (isMap(value) && !value.toMap().isEmpty()) {
                out << pad + key + QLatin1Char(':');
                toYamlLines(value, indent + 2, out);
            } else if (isList(value) && !value.toList().isEmpty()) {
                out << pad + key + QLatin1Char(':');
                toYamlLines(value, indent, out);
            } else if (isMap(value)) {
                out << pad + key + QStringLiteral(": {}");
            } else if (isList(value)) {
                out << pad + key + QStringLiteral(": []");
            } else {
                out << pad + key + QStringLiteral(": ") + yamlScalar(value);
            }
        }
        return;
    }
    if (isList(v)) {
        const QVariantList l = v.toList();
        if (l.isEmpty()) {
            out << pad + QStringLiteral("[]");
            return;
        }
        for (const QVariant &item : l) {
            if ((isMap(item) && !item.toMap().isEmpty()) ||
                (isList(item) && !item.toList().isEmpty())) {
                QStringList inner;
                toYamlLines(item, indent + 2, inner);
                inner[0] = pad + QStringLiteral("- ") + inner[0].mid(indent + 2);
                out << inner;
            } else {
                QStringList inner;
                toYamlLines(item, 0, inner);
                out << pad + QStringLiteral("- ") + inner.value(0);
            }
        }
        return;
    }
    out << pad + yamlScalar(v);
}

QString toYaml(const QVariant &v)
{
    QStringList lines;
    toYamlLines(v, 0, lines);
    return lines.join(QLatin1Char('\n'));
}

int clampIndex(qint64 n, qsizetype size)
{
    return int(std::clamp<qint64>(n, 0, size));
}

const QHash<QString, Function> &functions()
{
    static const QHash<QString, Function> table = [] {
        QHash<QString, Function> f;
        auto need = [](const Args &a, int n, const char *name) -> std::optional<Error> {
            if (a.size() != n)
                return Error{QStringLiteral("wrong number of args for %1: want %2 got %3")
                                 .arg(QLatin1String(name))
                                 .arg(n)
                                 .arg(a.size()),
                             {},
                             0,
                             0,
                             Error::Code::Generic};
            return std::nullopt;
        };
#define NEED(n, name)                                                                              \
    if (auto e = need(a, n, name))                                                                 \
        return std::unexpected(*e);

        // text/template builtins (and/or are evaluated lazily by the executor).
        f[QStringLiteral("not")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "not");
            return !truth(a[0]);
        };
        f[QStringLiteral("len")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "len");
            if (isString(a[0]))
                return qint64(a[0].toString().toUtf8().size());
            if (isList(a[0]))
                return qint64(a[0].toList().size());
            if (isMap(a[0]))
                return qint64(a[0].toMap().size());
            return funcError(
                QStringLiteral("error calling len: len of type %1").arg(typeName(a[0])));
        };
        f[QStringLiteral("index")] = [](const Args &a) -> Result<QVariant> {
            if (a.isEmpty())
                return funcError(
                    QStringLiteral("wrong number of args for index: want at least 1 got 0"));
            QVariant v = a[0];
            for (int i = 1; i < a.size(); ++i) {
                if (isMap(v)) {
                    const QVariantMap m = v.toMap();
                    const QString key = a[i].toString();
                    v = m.contains(key) ? m.value(key) : QVariant();
                } else if (isList(v) || isString(v)) {
                    if (!isInteger(a[i]) &&
                        !(isNumber(a[i]) && std::floor(a[i].toDouble()) == a[i].toDouble()))
                        return funcError(
                            QStringLiteral(
                                "error calling index: cannot index slice/array with type %1")
                                .arg(typeName(a[i])));
                    const qint64 n = toInt(a[i]);
                    if (isString(v)) {
                        const QByteArray bytes = v.toString().toUtf8();
                        if (n < 0 || n >= bytes.size())
                            return funcError(
                                QStringLiteral("error calling index: index out of range: %1")
                                    .arg(n));
                        v = qint64(quint8(bytes.at(n)));
                        continue;
                    }
                    const QVariantList l = v.toList();
                    if (n < 0 || n >= l.size())
                        return funcError(
                            QStringLiteral("error calling index: index out of range: %1").arg(n));
                    v = l.at(n);
                } else if (isMissing(v) || isNil(v)) {
                    return funcError(QStringLiteral("error calling index: index of untyped nil"));
                } else {
                    return funcError(
                        QStringLiteral("error calling index: can't index item of type %1")
                            .arg(typeName(v)));
                }
            }
            return v;
        };
        f[QStringLiteral("slice")] = [](const Args &a) -> Result<QVariant> {
            if (a.isEmpty())
                return funcError(
                    QStringLiteral("wrong number of args for slice: want at least 1 got 0"));
            if (isString(a[0])) {
                const QString s = a[0].toString();
                const qint64 from = a.size() > 1 ? toInt(a[1]) : 0;
                const qint64 to = a.size() > 2 ? toInt(a[2]) : s.size();
                if (from < 0 || to > s.size() || from > to)
                    return funcError(QStringLiteral("error calling slice: index out of range"));
                return s.mid(from, to - from);
            }
            if (!isList(a[0]))
                return funcError(QStringLiteral("error calling slice: can't slice item of type %1")
                                     .arg(typeName(a[0])));
            const QVariantList l = a[0].toList();
            const qint64 from = a.size() > 1 ? toInt(a[1]) : 0;
            const qint64 to = a.size() > 2 ? toInt(a[2]) : l.size();
            if (from < 0 || to > l.size() || from > to)
                return funcError(QStringLiteral("error calling slice: index out of range"));
            return QVariant(l.mid(from, to - from));
        };
        f[QStringLiteral("print")] = [](const Args &a) -> Result<QVariant> { return goSprint(a); };
        f[QStringLiteral("println")] = [](const Args &a) -> Result<QVariant> {
            QStringList parts;
            for (const QVariant &v : a)
                parts << str(v);
            return parts.join(QLatin1Char(' ')) + QLatin1Char('\n');
        };
        f[QStringLiteral("printf")] = [](const Args &a) -> Result<QVariant> {
            if (a.isEmpty())
                return funcError(
                    QStringLiteral("wrong number of args for printf: want at least 1 got 0"));
            return goSprintf(a[0].toString(), a.mid(1));
        };
        auto compare = [](const QVariant &x, const QVariant &y, int &order) -> Result<bool> {
            // Returns whether x == y; `order` <0/0/>0 for ordered kinds.
            order = 0;
            if (isNumber(x) && isNumber(y)) {
                const double dx = x.toDouble(), dy = y.toDouble();
                order = dx < dy ? -1 : dx > dy ? 1 : 0;
                return dx == dy;
            }
            if (isString(x) && isString(y)) {
                order = QString::compare(x.toString(), y.toString());
                return x.toString() == y.toString();
            }
            if (x.typeId() == QMetaType::Bool && y.typeId() == QMetaType::Bool)
                return x.toBool() == y.toBool();
            if ((isMissing(x) || isNil(x)) && (isMissing(y) || isNil(y)))
                return true;
            if (isMissing(x) || isNil(x) || isMissing(y) || isNil(y))
                return false;
            return funcError(QStringLiteral("incompatible types for comparison"));
        };
        f[QStringLiteral("eq")] = [compare](const Args &a) -> Result<QVariant> {
            if (a.size() < 2)
                return funcError(QStringLiteral("missing argument for comparison"));
            for (int i = 1; i < a.size(); ++i) {
                int order = 0;
                auto r = compare(a[0], a[i], order);
                if (!r)
                    return funcError(QStringLiteral("error calling eq: ") + r.error().message);
                if (*r)
                    return true;
            }
            return false;
        };
        f[QStringLiteral("ne")] = [compare, need](const Args &a) -> Result<QVariant> {
            NEED(2, "ne");
            int order = 0;
            auto r = compare(a[0], a[1], order);
            if (!r)
                return funcError(QStringLiteral("error calling ne: ") + r.error().message);
            return !*r;
        };
        auto ordered = [compare, need](const char *name, auto pred) {
            return [compare, need, name, pred](const Args &a) -> Result<QVariant> {
                NEED(2, name);
                if (!(isNumber(a[0]) && isNumber(a[1])) && !(isString(a[0]) && isString(a[1])))
                    return funcError(
                        QStringLiteral("error calling %1: incompatible types for comparison")
                            .arg(QLatin1String(name)));
                int order = 0;
                auto r = compare(a[0], a[1], order);
                if (!r)
                    return std::unexpected(r.error());
                return pred(order);
            };
        };
        f[QStringLiteral("lt")] = ordered("lt", [](int o) { return o < 0; });
        f[QStringLiteral("le")] = ordered("le", [](int o) { return o <= 0; });
        f[QStringLiteral("gt")] = ordered("gt", [](int o) { return o > 0; });
        f[QStringLiteral("ge")] = ordered("ge", [](int o) { return o >= 0; });
        f[QStringLiteral("html")] = [](const Args &a) -> Result<QVariant> {
            return goSprint(a).toHtmlEscaped();
        };
        f[QStringLiteral("urlquery")] = [](const Args &a) -> Result<QVariant> {
            return QString::fromUtf8(QUrl::toPercentEncoding(goSprint(a)))
                .replace(QStringLiteral("%20"), QStringLiteral("+"));
        };

        // sprig: strings
        auto s1 = [need](const char *name, auto fn) {
            return [need, name, fn](const Args &a) -> Result<QVariant> {
                NEED(1, name);
                return fn(str(a[0]));
            };
        };
        f[QStringLiteral("lower")] = s1("lower", [](const QString &s) { return s.toLower(); });
        f[QStringLiteral("upper")] = s1("upper", [](const QString &s) { return s.toUpper(); });
        f[QStringLiteral("title")] = s1("title", [](const QString &s) { return toTitle(s); });
        f[QStringLiteral("untitle")] = s1("untitle", [](const QString &s) {
            QString out = s;
            bool start = true;
            for (qsizetype i = 0; i < out.size(); ++i) {
                const bool letter = !out.at(i).isSpace();
                if (letter && start)
                    out[i] = out.at(i).toLower();
                start = !letter;
            }
            return out;
        });
        f[QStringLiteral("trim")] = s1("trim", [](const QString &s) { return s.trimmed(); });
        f[QStringLiteral("nospace")] = s1("nospace", [](const QString &s) {
            QString out;
            for (const QChar c : s)
                if (!c.isSpace())
                    out += c;
            return out;
        });
        f[QStringLiteral("snakecase")] = s1("snakecase", [](const QString &s) {
            QStringList w = words(s);
            for (QString &x : w)
                x = x.toLower();
            return w.join(QLatin1Char('_'));
        });
        f[QStringLiteral("kebabcase")] = s1("kebabcase", [](const QString &s) {
            QStringList w = words(s);
            for (QString &x : w)
                x = x.toLower();
            return w.join(QLatin1Char('-'));
        });
        f[QStringLiteral("camelcase")] = s1("camelcase", [](const QString &s) {
            QString out;
            for (const QString &part :
                 s.split(QRegularExpression(QStringLiteral("[_\\s-]+")), Qt::SkipEmptyParts))
                out += part.left(1).toUpper() + part.mid(1);
            return out;
        });
        f[QStringLiteral("b64enc")] = s1(
            "b64enc", [](const QString &s) { return QString::fromLatin1(s.toUtf8().toBase64()); });
        f[QStringLiteral("b64dec")] = s1("b64dec", [](const QString &s) {
            return QString::fromUtf8(QByteArray::fromBase64(s.toLatin1()));
        });
        f[QStringLiteral("sha256sum")] = s1("sha256sum", [](const QString &s) {
            return QString::fromLatin1(
                QCryptographicHash::hash(s.toUtf8(), QCryptographicHash::Sha256).toHex());
        });
        f[QStringLiteral("sha1sum")] = s1("sha1sum", [](const QString &s) {
            return QString::fromLatin1(
                QCryptographicHash::hash(s.toUtf8(), QCryptographicHash::Sha1).toHex());
        });
        f[QStringLiteral("normalize")] =
            s1("normalize", [](const QString &s) { return detail::sanitizeName(s); });
        auto s2 = [need](const char *name, auto fn) {
            return [need, name, fn](const Args &a) -> Result<QVariant> {
                NEED(2, name);
                return fn(str(a[0]), str(a[1]));
            };
        };
        f[QStringLiteral("trimAll")] = s2("trimAll", [](const QString &cut, const QString &s) {
            qsizetype b = 0, e = s.size();
            while (b < e && cut.contains(s.at(b)))
                ++b;
            while (e > b && cut.contains(s.at(e - 1)))
                --e;
            return s.mid(b, e - b);
        });
        f[QStringLiteral("trimPrefix")] = s2("trimPrefix", [](const QString &p, const QString &s) {
            return s.startsWith(p) ? s.mid(p.size()) : s;
        });
        f[QStringLiteral("trimSuffix")] = s2("trimSuffix", [](const QString &p, const QString &s) {
            return s.endsWith(p) ? s.left(s.size() - p.size()) : s;
        });
        f[QStringLiteral("contains")] = s2("contains", [](const QString &sub, const QString &s) {
            return QVariant(s.contains(sub));
        });
        f[QStringLiteral("hasPrefix")] = s2("hasPrefix", [](const QString &p, const QString &s) {
            return QVariant(s.startsWith(p));
        });
        f[QStringLiteral("hasSuffix")] = s2("hasSuffix", [](const QString &p, const QString &s) {
            return QVariant(s.endsWith(p));
        });
        f[QStringLiteral("splitList")] = s2("splitList", [](const QString &sep, const QString &s) {
            QVariantList l;
            for (const QString &part : s.split(sep))
                l << part;
            return QVariant(l);
        });
        f[QStringLiteral("split")] = s2("split", [](const QString &sep, const QString &s) {
            QVariantMap m;
            const QStringList parts = s.split(sep);
            for (int i = 0; i < parts.size(); ++i)
                m.insert(QStringLiteral("_%1").arg(i), parts.at(i));
            return QVariant(m);
        });
        f[QStringLiteral("regexMatch")] = [need](const Args &a) -> Result<QVariant> {
            NEED(2, "regexMatch");
            const QRegularExpression re(str(a[0]));
            if (!re.isValid())
                return funcError(
                    QStringLiteral("error calling regexMatch: %1").arg(re.errorString()));
            return re.match(str(a[1])).hasMatch();
        };
        f[QStringLiteral("regexFind")] = [need](const Args &a) -> Result<QVariant> {
            NEED(2, "regexFind");
            const QRegularExpression re(str(a[0]));
            if (!re.isValid())
                return funcError(
                    QStringLiteral("error calling regexFind: %1").arg(re.errorString()));
            return re.match(str(a[1])).captured(0);
        };
        auto regexReplace = [need](bool literal) {
            return [need, literal](const Args &a) -> Result<QVariant> {
                NEED(3, literal ? "regexReplaceAllLiteral" : "regexReplaceAll");
                const QRegularExpression re(str(a[0]));
                if (!re.isValid())
                    return funcError(
                        QStringLiteral("error calling regexReplaceAll: %1").arg(re.errorString()));
                const QString s = str(a[1]);
                const QString repl = str(a[2]);
                QString out;
                qsizetype last = 0;
                auto it = re.globalMatch(s);
                while (it.hasNext()) {
                    const auto m = it.next();
                    out += s.mid(last, m.capturedStart() - last);
                    if (literal) {
                        out += repl;
                    } else {
                        // Go's Expand: $1, ${1}, $name, ${name}, $$.
                        for (qsizetype i = 0; i < repl.size(); ++i) {
                            if (repl.at(i) != QLatin1Char('$') || i + 1 >= repl.size()) {
                                out += repl.at(i);
                                continue;
                            }
                            if (repl.at(i + 1) == QLatin1Char('$')) {
                                out += QLatin1Char('$');
                                ++i;
                                continue;
                            }
                            QString name;
                            qsizetype j = i + 1;
                            if (repl.at(j) == QLatin1Char('{')) {
                                const qsizetype close = repl.indexOf(QLatin1Char('}'), j);
                                if (close < 0) {
                                    out += repl.at(i);
                                    continue;
                                }
                                name = repl.mid(j + 1, close - j - 1);
                                j = close + 1;
                            } else {
                                while (j < repl.size() && (repl.at(j).isLetterOrNumber() ||
                                                           repl.at(j) == QLatin1Char('_')))
                                    ++j;
                                name = repl.mid(i + 1, j - i - 1);
                            }
                            if (name.isEmpty()) {
                                out += repl.at(i);
                                continue;
                            }
                            bool isNum = false;
                            const int n = name.toInt(&isNum);
                            out += isNum ? m.captured(n) : m.captured(name);
                            i = j - 1;
                        }
                    }
                    last = m.capturedEnd();
                    if (m.capturedLength() == 0 && last < s.size()) {
                        // An empty match: Go advances one character.
                    }
                }
                out += s.mid(last);
                return out;
            };
        };
        f[QStringLiteral("regexReplaceAll")] = regexReplace(false);
        f[QStringLiteral("regexReplaceAllLiteral")] = regexReplace(true);
        f[QStringLiteral("replace")] = [need](const Args &a) -> Result<QVariant> {
            NEED(3, "replace");
            QString s = str(a[2]);
            return s.replace(str(a[0]), str(a[1]));
        };
        f[QStringLiteral("repeat")] = [need](const Args &a) -> Result<QVariant> {
            NEED(2, "repeat");
            const qint64 n = toInt(a[0]);
            if (n < 0 || n * str(a[1]).size() > kMaxOutput)
                return funcError(QStringLiteral("error calling repeat: count out of range"));
            return str(a[1]).repeated(n);
        };
        f[QStringLiteral("substr")] = [need](const Args &a) -> Result<QVariant> {
            NEED(3, "substr");
            const QString s = str(a[2]);
            qint64 start = toInt(a[0]), end = toInt(a[1]);
            if (start < 0)
                return s.left(end < 0 ? s.size() : clampIndex(end, s.size()));
            if (end < 0 || end > s.size())
                return s.mid(clampIndex(start, s.size()));
            if (start > end)
                return funcError(QStringLiteral("error calling substr: slice bounds out of range"));
            return s.mid(start, end - start);
        };
        f[QStringLiteral("trunc")] = [need](const Args &a) -> Result<QVariant> {
            NEED(2, "trunc");
            const QString s = str(a[1]);
            const qint64 n = toInt(a[0]);
            if (n < 0 && -n < s.size())
                return s.mid(s.size() + n);
            if (n >= 0 && n < s.size())
                return s.left(n);
            return s;
        };
        f[QStringLiteral("quote")] = [](const Args &a) -> Result<QVariant> {
            QStringList parts;
            for (const QVariant &v : a) {
                if (isMissing(v) || isNil(v))
                    continue;
                QString s = str(v);
                s.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
                s.replace(QLatin1Char('"'), QStringLiteral("\\\""));
                s.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
                parts << QLatin1Char('"') + s + QLatin1Char('"');
            }
            return parts.join(QLatin1Char(' '));
        };
        f[QStringLiteral("squote")] = [](const Args &a) -> Result<QVariant> {
            QStringList parts;
            for (const QVariant &v : a) {
                if (isMissing(v) || isNil(v))
                    continue;
                parts << QLatin1Char('\'') + str(v) + QLatin1Char('\'');
            }
            return parts.join(QLatin1Char(' '));
        };
        f[QStringLiteral("cat")] = [](const Args &a) -> Result<QVariant> {
            QStringList parts;
            for (const QVariant &v : a) {
                if (isMissing(v) || isNil(v))
                    continue;
                parts << str(v);
            }
            return parts.join(QLatin1Char(' '));
        };
        auto indent = [need](bool newline) {
            return [need, newline](const Args &a) -> Result<QVariant> {
                NEED(2, newline ? "nindent" : "indent");
                const qint64 n = toInt(a[0]);
                if (n < 0 || n > 10000)
                    return funcError(QStringLiteral("error calling indent: bad width"));
                const QString pad(n, QLatin1Char(' '));
                QString s = pad + str(a[1]);
                s.replace(QLatin1Char('\n'), QLatin1Char('\n') + pad);
                return newline ? QLatin1Char('\n') + s : s;
            };
        };
        f[QStringLiteral("indent")] = indent(false);
        f[QStringLiteral("nindent")] = indent(true);
        f[QStringLiteral("toString")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "toString");
            return str(a[0]);
        };
        f[QStringLiteral("join")] = [need](const Args &a) -> Result<QVariant> {
            NEED(2, "join");
            QStringList parts;
            if (isList(a[1])) {
                for (const QVariant &v : a[1].toList())
                    parts << ((isMissing(v) || isNil(v)) ? QString() : str(v));
            } else {
                parts << str(a[1]);
            }
            return parts.join(str(a[0]));
        };
        f[QStringLiteral("slugify")] = [](const Args &a) -> Result<QVariant> {
            // Argo CD's slugify: [maxSize=50] [smartTruncate=true] text.
            if (a.isEmpty() || a.size() > 3)
                return funcError(QStringLiteral("wrong number of args for slugify"));
            int maxSize = 50;
            bool smart = true;
            if (a.size() >= 2)
                maxSize = int(toInt(a[0]));
            if (a.size() == 3)
                smart = truth(a[1]);
            QString s = str(a.last()).toLower();
            s.replace(QRegularExpression(QStringLiteral("[^a-z0-9-]+")), QStringLiteral("-"));
            s.replace(QRegularExpression(QStringLiteral("-+")), QStringLiteral("-"));
            while (s.startsWith(QLatin1Char('-')))
                s.remove(0, 1);
            while (s.endsWith(QLatin1Char('-')))
                s.chop(1);
            if (maxSize > 0 && s.size() > maxSize) {
                if (smart) {
                    QString cut;
                    for (const QString &word : s.split(QLatin1Char('-'))) {
                        if (cut.size() + (cut.isEmpty() ? 0 : 1) + word.size() > maxSize)
                            break;
                        cut += (cut.isEmpty() ? QString() : QStringLiteral("-")) + word;
                    }
                    s = cut.isEmpty() ? s.left(maxSize) : cut;
                } else {
                    s = s.left(maxSize);
                }
            }
            return s;
        };

        // sprig: defaults and flow
        f[QStringLiteral("default")] = [](const Args &a) -> Result<QVariant> {
            if (a.isEmpty())
                return funcError(
                    QStringLiteral("wrong number of args for default: want at least 1 got 0"));
            if (a.size() == 1 || empty(a[1]))
                return a[0];
            return a[1];
        };
        f[QStringLiteral("empty")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "empty");
            return empty(a[0]);
        };
        f[QStringLiteral("coalesce")] = [](const Args &a) -> Result<QVariant> {
            for (const QVariant &v : a)
                if (!empty(v))
                    return v;
            return nil();
        };
        f[QStringLiteral("ternary")] = [need](const Args &a) -> Result<QVariant> {
            NEED(3, "ternary");
            return truth(a[2]) ? a[0] : a[1];
        };
        f[QStringLiteral("fail")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "fail");
            return funcError(QStringLiteral("error calling fail: %1").arg(str(a[0])));
        };
        f[QStringLiteral("required")] = [need](const Args &a) -> Result<QVariant> {
            NEED(2, "required");
            if (empty(a[1]))
                return funcError(QStringLiteral("error calling required: %1").arg(str(a[0])));
            return a[1];
        };

        // sprig: lists
        f[QStringLiteral("list")] = [](const Args &a) -> Result<QVariant> { return QVariant(a); };
        auto l1 = [need](const char *name, auto fn) {
            return [need, name, fn](const Args &a) -> Result<QVariant> {
                NEED(1, name);
                if (!isList(a[0]))
                    return funcError(QStringLiteral("error calling %1: cannot find %1 on type %2")
                                         .arg(QLatin1String(name), typeName(a[0])));
                return fn(a[0].toList());
            };
        };
        f[QStringLiteral("first")] =
            l1("first", [](const QVariantList &l) { return l.isEmpty() ? nil() : l.first(); });
        f[QStringLiteral("last")] =
            l1("last", [](const QVariantList &l) { return l.isEmpty() ? nil() : l.last(); });
        f[QStringLiteral("rest")] = l1(
            "rest", [](const QVariantList &l) { return l.isEmpty() ? nil() : QVariant(l.mid(1)); });
        f[QStringLiteral("initial")] = l1("initial", [](const QVariantList &l) {
            return l.isEmpty() ? nil() : QVariant(l.mid(0, l.size() - 1));
        });
        f[QStringLiteral("reverse")] = l1("reverse", [](QVariantList l) {
            std::reverse(l.begin(), l.end());
            return QVariant(l);
        });
        f[QStringLiteral("uniq")] = l1("uniq", [](const QVariantList &l) {
            QVariantList out;
            for (const QVariant &v : l)
                if (!out.contains(v))
                    out << v;
            return QVariant(out);
        });
        f[QStringLiteral("compact")] = l1("compact", [](const QVariantList &l) {
            QVariantList out;
            for (const QVariant &v : l)
                if (!empty(v))
                    out << v;
            return QVariant(out);
        });
        f[QStringLiteral("sortAlpha")] = l1("sortAlpha", [](const QVariantList &l) {
            QStringList s;
            for (const QVariant &v : l)
                s << str(v);
            s.sort();
            QVariantList out;
            for (const QString &x : s)
                out << x;
            return QVariant(out);
        });
        auto append = [need](const Args &a) -> Result<QVariant> {
            NEED(2, "append");
            if (!isList(a[0]))
                return funcError(QStringLiteral("error calling append: cannot push on type %1")
                                     .arg(typeName(a[0])));
            QVariantList l = a[0].toList();
            l << a[1];
            return QVariant(l);
        };
        f[QStringLiteral("append")] = append;
        f[QStringLiteral("push")] = append;
        f[QStringLiteral("prepend")] = [need](const Args &a) -> Result<QVariant> {
            NEED(2, "prepend");
            if (!isList(a[0]))
                return funcError(QStringLiteral("error calling prepend: cannot prepend on type %1")
                                     .arg(typeName(a[0])));
            QVariantList l = a[0].toList();
            l.prepend(a[1]);
            return QVariant(l);
        };
        f[QStringLiteral("concat")] = [](const Args &a) -> Result<QVariant> {
            QVariantList out;
            for (const QVariant &v : a) {
                if (!isList(v))
                    return funcError(QStringLiteral("error calling concat: cannot concat type %1")
                                         .arg(typeName(v)));
                out << v.toList();
            }
            return QVariant(out);
        };
        f[QStringLiteral("has")] = [need](const Args &a) -> Result<QVariant> {
            NEED(2, "has");
            return toList(a[1]).contains(a[0]);
        };
        f[QStringLiteral("without")] = [](const Args &a) -> Result<QVariant> {
            if (a.isEmpty() || !isList(a[0]))
                return funcError(QStringLiteral("error calling without: not a list"));
            QVariantList out;
            for (const QVariant &v : a[0].toList())
                if (!a.mid(1).contains(v))
                    out << v;
            return QVariant(out);
        };
        f[QStringLiteral("until")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "until");
            const qint64 n = toInt(a[0]);
            if (n > 100000)
                return funcError(QStringLiteral("error calling until: count out of range"));
            QVariantList out;
            for (qint64 i = 0; i < n; ++i)
                out << i;
            return QVariant(out);
        };

        // sprig: dictionaries
        f[QStringLiteral("dict")] = [](const Args &a) -> Result<QVariant> {
            QVariantMap m;
            for (int i = 0; i < a.size(); i += 2)
                m.insert(str(a[i]), i + 1 < a.size() ? a[i + 1] : QVariant(QString()));
            return m;
        };
        f[QStringLiteral("get")] = [need](const Args &a) -> Result<QVariant> {
            NEED(2, "get");
            const QVariantMap m = a[0].toMap();
            return m.contains(str(a[1])) ? m.value(str(a[1])) : QVariant(QString());
        };
        f[QStringLiteral("hasKey")] = [need](const Args &a) -> Result<QVariant> {
            NEED(2, "hasKey");
            return a[0].toMap().contains(str(a[1]));
        };
        f[QStringLiteral("set")] = [need](const Args &a) -> Result<QVariant> {
            NEED(3, "set");
            QVariantMap m = a[0].toMap();
            m.insert(str(a[1]), a[2]);
            return m;
        };
        f[QStringLiteral("unset")] = [need](const Args &a) -> Result<QVariant> {
            NEED(2, "unset");
            QVariantMap m = a[0].toMap();
            m.remove(str(a[1]));
            return m;
        };
        f[QStringLiteral("keys")] = [](const Args &a) -> Result<QVariant> {
            QVariantList out;
            for (const QVariant &d : a)
                for (const QString &k : d.toMap().keys())
                    out << k;
            return QVariant(out);
        };
        f[QStringLiteral("values")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "values");
            return QVariant(a[0].toMap().values());
        };
        f[QStringLiteral("pick")] = [](const Args &a) -> Result<QVariant> {
            if (a.isEmpty())
                return funcError(QStringLiteral("wrong number of args for pick"));
            const QVariantMap m = a[0].toMap();
            QVariantMap out;
            for (int i = 1; i < a.size(); ++i)
                if (m.contains(str(a[i])))
                    out.insert(str(a[i]), m.value(str(a[i])));
            return out;
        };
        f[QStringLiteral("omit")] = [](const Args &a) -> Result<QVariant> {
            if (a.isEmpty())
                return funcError(QStringLiteral("wrong number of args for omit"));
            QVariantMap m = a[0].toMap();
            for (int i = 1; i < a.size(); ++i)
                m.remove(str(a[i]));
            return m;
        };
        f[QStringLiteral("merge")] = [](const Args &a) -> Result<QVariant> {
            // sprig's merge: the first dict wins, later ones fill what it lacks (deeply).
            std::function<QVariantMap(QVariantMap, const QVariantMap &)> fill =
                [&fill](QVariantMap dst, const QVariantMap &src) {
                    for (auto it = src.cbegin(); it != src.cend(); ++it) {
                        if (!dst.contains(it.key()))
                            dst.insert(it.key(), it.value());
                        else if (isMap(dst.value(it.key())) && isMap(it.value()))
                            dst.insert(it.key(),
                                       fill(dst.value(it.key()).toMap(), it.value().toMap()));
                    }
                    return dst;
                };
            if (a.isEmpty())
                return QVariantMap();
            QVariantMap out = a[0].toMap();
            for (int i = 1; i < a.size(); ++i)
                out = fill(out, a[i].toMap());
            return out;
        };

        // sprig: math (integers are int64, as sprig's cast.ToInt64 makes them)
        auto intFold = [](const char *name, auto op) {
            return [name, op](const Args &a) -> Result<QVariant> {
                if (a.size() < 2)
                    return funcError(
                        QStringLiteral("wrong number of args for %1").arg(QLatin1String(name)));
                qint64 acc = toInt(a[0]);
                for (int i = 1; i < a.size(); ++i) {
                    auto r = op(acc, toInt(a[i]));
                    if (!r)
                        return std::unexpected(r.error());
                    acc = *r;
                }
                return acc;
            };
        };
        f[QStringLiteral("add")] = [](const Args &a) -> Result<QVariant> {
            qint64 acc = 0;
            for (const QVariant &v : a)
                acc += toInt(v);
            return acc;
        };
        f[QStringLiteral("add1")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "add1");
            return toInt(a[0]) + 1;
        };
        f[QStringLiteral("sub")] =
            intFold("sub", [](qint64 x, qint64 y) -> Result<qint64> { return x - y; });
        f[QStringLiteral("mul")] =
            intFold("mul", [](qint64 x, qint64 y) -> Result<qint64> { return x * y; });
        f[QStringLiteral("div")] = intFold("div", [](qint64 x, qint64 y) -> Result<qint64> {
            if (y == 0)
                return funcError(
                    QStringLiteral("error calling div: runtime error: integer divide by zero"));
            return x / y;
        });
        f[QStringLiteral("mod")] = intFold("mod", [](qint64 x, qint64 y) -> Result<qint64> {
            if (y == 0)
                return funcError(
                    QStringLiteral("error calling mod: runtime error: integer divide by zero"));
            return x % y;
        });
        f[QStringLiteral("max")] =
            intFold("max", [](qint64 x, qint64 y) -> Result<qint64> { return std::max(x, y); });
        f[QStringLiteral("min")] =
            intFold("min", [](qint64 x, qint64 y) -> Result<qint64> { return std::min(x, y); });
        f[QStringLiteral("int")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "int");
            return toInt(a[0]);
        };
        // Copies: f[a] = f[b] would keep a reference to b's entry while inserting a moves it.
        f[QStringLiteral("int64")] = f.value(QStringLiteral("int"));
        f[QStringLiteral("atoi")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "atoi");
            bool ok = false;
            const qint64 n = str(a[0]).toLongLong(&ok);
            return ok ? n : qint64(0);
        };
        f[QStringLiteral("float64")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "float64");
            return toFloat(a[0]);
        };
        f[QStringLiteral("floor")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "floor");
            return std::floor(toFloat(a[0]));
        };
        f[QStringLiteral("ceil")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "ceil");
            return std::ceil(toFloat(a[0]));
        };

        // sprig and Argo CD: encodings
        f[QStringLiteral("toJson")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "toJson");
            return jsonText(a[0], false);
        };
        f[QStringLiteral("toRawJson")] = f.value(QStringLiteral("toJson"));
        f[QStringLiteral("toPrettyJson")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "toPrettyJson");
            return jsonText(a[0], true);
        };
        f[QStringLiteral("fromJson")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "fromJson");
            QJsonParseError error;
            const QByteArray bytes = QByteArray("[") + str(a[0]).toUtf8() + "]";
            const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
            if (error.error != QJsonParseError::NoError)
                return QVariantMap();
            return fromJson(doc.array().at(0));
        };
        f[QStringLiteral("toYaml")] = [need](const Args &a) -> Result<QVariant> {
            NEED(1, "toYaml");
            return toYaml(a[0]);
        };
        auto fromYaml = [need](bool array) {
            return [need, array](const Args &a) -> Result<QVariant> {
                NEED(1, array ? "fromYamlArray" : "fromYaml");
                auto node = yaml::load(str(a[0]).toUtf8());
                if (!node)
                    return funcError(QStringLiteral("error calling %1: %2")
                                         .arg(QLatin1String(array ? "fromYamlArray" : "fromYaml"),
                                              node.error().message));
                const QVariant v = detail::toVariant(*node);
                if (array && !isList(v))
                    return funcError(QStringLiteral("error calling fromYamlArray: not a list"));
                if (!array && !isMap(v))
                    return funcError(QStringLiteral("error calling fromYaml: not a map"));
                return v;
            };
        };
        f[QStringLiteral("fromYaml")] = fromYaml(false);
        f[QStringLiteral("fromYamlArray")] = fromYaml(true);
#undef NEED
        return f;
    }();
    return table;
}

// ---------------------------------------------------------------------------------------------
// Execution

class Executor
{
public:
    Executor(const QString &source, const GoTemplateOptions &options)
        : m_source(source)
        , m_options(options)
    {}

    Result<QString> run(const NodeList &nodes, const QVariant &data)
    {
        m_vars.clear();
        m_vars.push_back({QStringLiteral("$"), data});
        auto r = walkList(nodes, data, 0);
        if (!r)
            return std::unexpected(r.error());
        return m_out;
    }

private:
    enum class Flow { Normal, Break, Continue };

    std::unexpected<Error> error(int pos, const QString &at, const QString &message) const
    {
        int line = 1, col = 1;
        for (int i = 0; i < pos && i < m_source.size(); ++i) {
            if (m_source.at(i) == QLatin1Char('\n')) {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        return fail(Error::Code::Generic,
                    QStringLiteral("template: :%1:%2: executing \"\" at <%3>: %4")
                        .arg(line)
                        .arg(col)
                        .arg(at, message));
    }

    Result<Flow> walkList(const NodeList &nodes, const QVariant &dot, int depth)
    {
        if (depth > kMaxDepth)
            return fail(Error::Code::Generic, QStringLiteral("template: exceeded maximum depth"));
        for (const Node &n : nodes) {
            auto r = walk(n, dot, depth);
            if (!r)
                return r;
            if (*r != Flow::Normal)
                return r;
        }
        return Flow::Normal;
    }

    Result<Flow> walk(const Node &n, const QVariant &dot, int depth)
    {
        switch (n.kind) {
        case Node::Kind::Text:
            m_out += n.text;
            break;
        case Node::Kind::Action: {
            auto v = evalPipeline(n.pipe, dot, depth);
            if (!v)
                return std::unexpected(v.error());
            if (n.pipe.vars.isEmpty())
                m_out += goPrint(*v);
            break;
        }
        case Node::Kind::Break:
            return Flow::Break;
        case Node::Kind::Continue:
            return Flow::Continue;
        case Node::Kind::If:
        case Node::Kind::With: {
            const std::size_t mark = m_vars.size();
            auto v = evalPipeline(n.pipe, dot, depth);
            if (!v)
                return std::unexpected(v.error());
            Result<Flow> r = Flow::Normal;
            if (truth(*v))
                r = walkList(n.list, n.kind == Node::Kind::With ? *v : dot, depth + 1);
            else
                r = walkList(n.elseList, dot, depth + 1);
            m_vars.resize(mark);
            return r;
        }
        case Node::Kind::Range: {
            const std::size_t mark = m_vars.size();
            // The range's own variables are declared by it, not by the pipeline.
            Pipeline p = n.pipe;
            const QStringList vars = p.vars;
            p.vars.clear();
            auto v = evalPipeline(p, dot, depth);
            if (!v)
                return std::unexpected(v.error());
            QList<std::pair<QVariant, QVariant>> items;
            if (isList(*v)) {
                const QVariantList l = v->toList();
                for (int i = 0; i < l.size(); ++i)
                    items.append({qint64(i), l.at(i)});
            } else if (isMap(*v)) {
                const QVariantMap m = v->toMap();
                for (auto it = m.cbegin(); it != m.cend(); ++it)
                    items.append({it.key(), it.value()});
            } else if (isInteger(*v)) {
                const qint64 count = v->toLongLong();
                if (count > kMaxRangeSteps)
                    return error(n.pos, QStringLiteral("range"), QStringLiteral("range too long"));
                for (qint64 i = 0; i < count; ++i)
                    items.append({i, i});
            } else if (!isMissing(*v) && !isNil(*v)) {
                return error(n.pos, QStringLiteral("range"),
                             QStringLiteral("range can't iterate over %1").arg(goPrint(*v)));
            }
            if (items.isEmpty()) {
                auto r = walkList(n.elseList, dot, depth + 1);
                m_vars.resize(mark);
                return r.has_value() ? Result<Flow>(Flow::Normal) : r;
            }
            for (const auto &[key, value] : items) {
                if (++m_steps > kMaxRangeSteps)
                    return error(n.pos, QStringLiteral("range"), QStringLiteral("too many steps"));
                m_vars.resize(mark);
                if (vars.size() == 1) {
                    m_vars.push_back({vars[0], value});
                } else if (vars.size() == 2) {
                    m_vars.push_back({vars[0], key});
                    m_vars.push_back({vars[1], value});
                }
                auto r = walkList(n.list, value, depth + 1);
                if (!r) {
                    m_vars.resize(mark);
                    return r;
                }
                if (*r == Flow::Break)
                    break;
            }
            m_vars.resize(mark);
            break;
        }
        }
        if (m_out.size() > kMaxOutput)
            return fail(Error::Code::Generic, QStringLiteral("template: output too large"));
        return Flow::Normal;
    }

    Result<QVariant> evalPipeline(const Pipeline &p, const QVariant &dot, int depth)
    {
        if (depth > kMaxDepth)
            return fail(Error::Code::Generic, QStringLiteral("template: exceeded maximum depth"));
        QVariant value;
        bool hasFinal = false;
        for (const Command &cmd : p.commands) {
            auto v = evalCommand(cmd, dot, hasFinal ? std::optional<QVariant>(value) : std::nullopt,
                                 depth);
            if (!v)
                return v;
            value = *v;
            hasFinal = true;
        }
        for (const QString &name : p.vars) {
            if (p.declare) {
                m_vars.push_back({name, value});
            } else {
                bool found = false;
                for (auto it = m_vars.rbegin(); it != m_vars.rend(); ++it) {
                    if (it->first == name) {
                        it->second = value;
                        found = true;
                        break;
                    }
                }
                if (!found)
                    return error(p.pos, name, QStringLiteral("undefined variable: %1").arg(name));
            }
        }
        return value;
    }

    Result<QVariant> evalCommand(const Command &cmd, const QVariant &dot,
                                 const std::optional<QVariant> &final, int depth)
    {
        const Operand &first = cmd.args.front();
        if (first.kind == Operand::Kind::Function) {
            if (first.name == QLatin1String("and") || first.name == QLatin1String("or")) {
                const bool isAnd = first.name == QLatin1String("and");
                const int n = int(cmd.args.size()) - 1 + (final ? 1 : 0);
                if (n < 1)
                    return error(
                        first.pos, first.source,
                        QStringLiteral("wrong number of args for %1: want at least 1 got 0")
                            .arg(first.name));
                QVariant v;
                for (std::size_t i = 1; i <= cmd.args.size(); ++i) {
                    if (i == cmd.args.size()) {
                        if (!final)
                            break;
                        v = *final;
                    } else {
                        auto a = evalArg(cmd.args[i], dot, depth);
                        if (!a)
                            return a;
                        v = *a;
                    }
                    if (truth(v) != isAnd)
                        return v;
                }
                return v;
            }
            const auto &table = functions();
            const auto fn = table.constFind(first.name);
            if (fn == table.cend())
                return error(first.pos, first.source,
                             QStringLiteral("function \"%1\" not defined").arg(first.name));
            Args args;
            for (std::size_t i = 1; i < cmd.args.size(); ++i) {
                auto a = evalArg(cmd.args[i], dot, depth);
                if (!a)
                    return a;
                args << *a;
            }
            if (final)
                args << *final;
            auto r = (*fn)(args);
            if (!r)
                return error(first.pos, first.source, r.error().message);
            return r;
        }
        if (cmd.args.size() > 1 || final) {
            // A non-function with arguments: Go's "can't give argument to non-function".
            if (first.chain.isEmpty() || cmd.args.size() > 1 || final)
                return error(
                    first.pos, first.source,
                    QStringLiteral("can't give argument to non-function %1").arg(first.source));
        }
        return evalArg(first, dot, depth);
    }

    Result<QVariant> field(const QVariant &receiver, const QString &name, const Operand &op)
    {
        if (isMap(receiver)) {
            const QVariantMap m = receiver.toMap();
            const auto it = m.constFind(name);
            if (it == m.cend()) {
                if (m_options.missingKeyError)
                    return error(op.pos, op.source,
                                 QStringLiteral("map has no entry for key \"%1\"").arg(name));
                return QVariant();
            }
            return *it;
        }
        if (isMissing(receiver) || isNil(receiver))
            return error(op.pos, op.source,
                         QStringLiteral("nil pointer evaluating interface {}.%1").arg(name));
        return error(
            op.pos, op.source,
            QStringLiteral("can't evaluate field %1 in type %2").arg(name, typeName(receiver)));
    }

    Result<QVariant> chain(QVariant v, const QStringList &names, const Operand &op)
    {
        for (const QString &name : names) {
            auto r = field(v, name, op);
            if (!r)
                return r;
            v = *r;
        }
        return v;
    }

    Result<QVariant> evalArg(const Operand &op, const QVariant &dot, int depth)
    {
        switch (op.kind) {
        case Operand::Kind::Dot:
            return dot;
        case Operand::Kind::Field:
            return chain(dot, op.chain, op);
        case Operand::Kind::Variable: {
            for (auto it = m_vars.rbegin(); it != m_vars.rend(); ++it) {
                if (it->first == op.name)
                    return chain(it->second, op.chain, op);
            }
            return error(op.pos, op.source, QStringLiteral("undefined variable: %1").arg(op.name));
        }
        case Operand::Kind::String:
            return QVariant(op.name);
        case Operand::Kind::Int:
            return QVariant(op.integer);
        case Operand::Kind::Float:
            return QVariant(op.number);
        case Operand::Kind::Bool:
            return QVariant(op.boolean);
        case Operand::Kind::Nil:
            return error(op.pos, op.source, QStringLiteral("nil is not a command"));
        case Operand::Kind::Pipe: {
            const std::size_t mark = m_vars.size();
            auto v = evalPipeline(*op.pipe, dot, depth + 1);
            m_vars.resize(mark);
            if (!v)
                return v;
            return chain(*v, op.chain, op);
        }
        case Operand::Kind::Function: {
            Command cmd;
            cmd.args.push_back(op);
            cmd.pos = op.pos;
            return evalCommand(cmd, dot, std::nullopt, depth);
        }
        }
        return QVariant();
    }

    QString m_source;
    GoTemplateOptions m_options;
    std::vector<std::pair<QString, QVariant>> m_vars;
    QString m_out;
    qint64 m_steps = 0;
};

} // namespace

Result<QString> renderGoTemplate(const QString &text, const QVariant &data,
                                 const GoTemplateOptions &options)
{
    Parser parser(text);
    auto nodes = parser.parse();
    if (!nodes)
        return std::unexpected(nodes.error());
    Executor executor(text, options);
    return executor.run(*nodes, data);
}

Result<GoTemplateOptions> parseGoTemplateOptions(const QStringList &options)
{
    GoTemplateOptions out;
    for (const QString &o : options) {
        if (o == QLatin1String("missingkey=error"))
            out.missingKeyError = true;
        else if (o == QLatin1String("missingkey=default") ||
                 o == QLatin1String("missingkey=zero") || o == QLatin1String("missingkey=invalid"))
            out.missingKeyError = false;
        else
            return fail(Error::Code::Syntax, QStringLiteral("unrecognized option: %1").arg(o));
    }
    return out;
}

} // namespace kanri::argocd

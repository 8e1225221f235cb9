#include "hcl/hclparser.h"

#include "hcl/hclparsesupport.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <climits>
#include <cstring>
#include <optional>

namespace kanri::hcl {

namespace {

// How many literal tokens hclsyntax's scanner makes of a template's literal text: it cuts
// before and after every '$' and '%' ("$${" and "%%{" stay whole). A quoted string or heredoc
// is a "string" in the vocabulary of the map listings only when it is one such piece; more
// make it a "template" even without a template sequence (as hclsyntax's IsStringLiteral says).
int literalPieces(QByteArrayView t)
{
    int n = 0;
    bool inRun = false;
    for (qsizetype i = 0; i < t.size();) {
        const char c = t[i];
        if (c == '$' || c == '%') {
            ++n;
            inRun = false;
            i += (i + 2 < t.size() && t[i + 1] == c && t[i + 2] == '{') ? 3 : 1;
            continue;
        }
        if (!inRun)
            ++n;
        inRun = true;
        ++i;
    }
    return n;
}

class Parser
{
    Q_DECLARE_TR_FUNCTIONS(kanri::hcl::Parser)

public:
    Parser(SyntaxTree &tree, const QString &fileName)
        : m_tree(tree)
        , m_toks(tree.tokens)
        , m_fileName(fileName)
    {}

    Result<void> run()
    {
        if (auto r = parseBody(m_tree.body, true); !r)
            return r;
        return {};
    }

    // One object item, as parseObject reads it, followed by nothing but Eof.
    Result<void> runItem(ObjectItem &item)
    {
        NewlineMode mode(m_ignoreNewlines, false);
        {
            NewlineMode keyMode(m_ignoreNewlines, false);
            if (auto r = parseObjectKey(item.key); !r)
                return r;
        }
        const int sep = peek();
        if (type(sep) != Tok::Equal && type(sep) != Tok::Colon)
            return errorAt(sep, tr("missing '=' or ':' after the object key"));
        item.sep = sep;
        m_pos = sep + 1;
        if (auto r = parseExpression(item.value); !r)
            return r;
        if (const int s = peek(); type(s) == Tok::Comma) {
            item.comma = s;
            m_pos = s + 1;
        }
        if (const int e = peek(); type(e) != Tok::Eof)
            return errorAt(e, tr("missing ',' or line break between object items"));
        return {};
    }

private:
    using R = Result<void>;

    std::optional<std::unexpected<Error>> tooDeep(int tok) const
    {
        if (m_depth <= MaxNestingDepth)
            return std::nullopt;
        return errorAt(tok,
                       tr("nesting deeper than %1 levels is not supported").arg(MaxNestingDepth));
    }

    std::unexpected<Error> errorAt(int tok, const QString &message) const
    {
        const TextPos p = textPosition(m_tree.text, m_toks[std::size_t(tok)].start);
        return failAt(Error::Code::Syntax, message, m_fileName, p.line, p.column);
    }

    Tok type(int i) const { return m_toks[std::size_t(i)].type; }
    bool identIs(int i, const char *word) const
    {
        const Token &t = m_toks[std::size_t(i)];
        const int len = int(std::strlen(word));
        return t.type == Tok::Ident && t.end - t.start == len &&
               std::memcmp(m_tree.text.constData() + t.start, word, len) == 0;
    }

    // Index of the next significant token at or after m_pos (comments always skipped,
    // newlines skipped inside brackets).
    int peekFrom(int pos) const
    {
        const bool skipNl = m_ignoreNewlines.empty() ? false : m_ignoreNewlines.back();
        return nextSignificant(m_toks, pos, int(m_toks.size()) - 1, skipNl);
    }
    int peek() const { return peekFrom(m_pos); }
    int next()
    {
        const int i = peek();
        if (type(i) != Tok::Eof)
            m_pos = i + 1;
        else
            m_pos = i;
        return i;
    }

    R expectLineEnd(const char *what)
    {
        const int i = peek();
        if (type(i) == Tok::Newline) {
            m_pos = i + 1;
            return {};
        }
        if (type(i) == Tok::Eof)
            return {};
        return errorAt(i, tr(what));
    }

    R parseBody(Body &body, bool top)
    {
        NewlineMode mode(m_ignoreNewlines, false);
        QHash<QByteArrayView, int> names; // argument name → its name token
        while (true) {
            const int i = peek();
            switch (type(i)) {
            case Tok::Newline:
                m_pos = i + 1;
                continue;
            case Tok::Eof:
                if (top)
                    return {};
                return errorAt(i, tr("missing '}' to close the block"));
            case Tok::CBrace:
                if (!top)
                    return {};
                return errorAt(i, tr("unexpected '}'"));
            case Tok::Ident:
                if (auto r = parseBodyItem(body); !r)
                    return r;
                if (const Attribute *a = body.items.back().attribute.get()) {
                    const QByteArrayView name = m_tree.tokenView(a->name);
                    if (const auto it = names.constFind(name); it != names.constEnd()) {
                        const TextPos first = textPosition(m_tree.text, m_toks[*it].start);
                        return errorAt(a->name, tr("Attribute redefined: the argument \"%1\" was "
                                                   "already set at line %2; each argument may "
                                                   "be set only once")
                                                    .arg(QString::fromUtf8(name))
                                                    .arg(first.line));
                    }
                    names.insert(name, a->name);
                }
                if (auto r = expectLineEnd("missing newline after argument or block definition");
                    !r)
                    return r;
                continue;
            default:
                return errorAt(i, tr("an argument or block definition is required here"));
            }
        }
    }

    R parseBodyItem(Body &body)
    {
        const int name = next();
        const int i = peek();
        if (type(i) == Tok::Equal) {
            m_pos = i + 1;
            auto attr = std::make_unique<Attribute>();
            attr->name = name;
            attr->equal = i;
            if (auto r = parseExpression(attr->value); !r)
                return r;
            body.items.push_back(BodyItem{std::move(attr), nullptr});
            return {};
        }
        DepthGuard guard(m_depth);
        if (auto deep = tooDeep(name))
            return *deep;
        auto block = std::make_unique<Block>();
        block->type = name;
        while (true) {
            const int l = peek();
            if (type(l) == Tok::Ident) {
                m_pos = l + 1;
                block->labels.push_back(Expr{ExprKind::Other, l, l, false, false, {}, {}, -1});
                continue;
            }
            if (type(l) == Tok::OQuote) {
                Expr label;
                if (auto r = parseTemplate(label); !r)
                    return r;
                if (label.sequences)
                    return errorAt(l, tr("block labels cannot contain template sequences"));
                block->labels.push_back(std::move(label));
                continue;
            }
            break;
        }
        const int open = peek();
        if (type(open) != Tok::OBrace) {
            if (block->labels.empty())
                return errorAt(open, tr("expected '=' for an argument or '{' for a block"));
            return errorAt(open, tr("expected '{' to open the block"));
        }
        m_pos = open + 1;
        block->open = open;
        // A line break right after '{' starts a normal body; otherwise this is a one-line block
        // holding at most one argument.
        int j = m_pos;
        while (type(j) == Tok::Comment || type(j) == Tok::BlockComment)
            ++j;
        if (type(j) == Tok::Newline) {
            if (auto r = parseBody(block->body, false); !r)
                return r;
            block->close = next();
        } else {
            NewlineMode mode(m_ignoreNewlines, false);
            const int k = peek();
            if (type(k) == Tok::Ident) {
                const int n = peekFrom(k + 1);
                if (type(n) != Tok::Equal)
                    return errorAt(k, tr("a single-line block can only hold one argument, not a "
                                         "nested block"));
                if (auto r = parseBodyItem(block->body); !r)
                    return r;
            }
            const int c = peek();
            if (type(c) != Tok::CBrace)
                return errorAt(c, tr("a single-line block must end with '}' after its one "
                                     "argument"));
            m_pos = c + 1;
            block->close = c;
        }
        body.items.push_back(BodyItem{nullptr, std::move(block)});
        return {};
    }

    R parseExpression(Expr &out)
    {
        DepthGuard guard(m_depth);
        if (auto deep = tooDeep(peek()))
            return *deep;
        if (auto r = parseBinary(out, 1); !r)
            return r;
        const int q = peek();
        if (type(q) != Tok::Question)
            return {};
        m_pos = q + 1;
        Expr a, b;
        if (auto r = parseExpression(a); !r)
            return r;
        const int colon = peek();
        if (type(colon) != Tok::Colon)
            return errorAt(colon, tr("missing ':' in conditional expression"));
        m_pos = colon + 1;
        if (auto r = parseExpression(b); !r)
            return r;
        out = Expr{ExprKind::Other, out.first, b.last, false, false, {}, {}, -1};
        return {};
    }

    R parseBinary(Expr &out, int minPrec)
    {
        if (auto r = parseUnary(out); !r)
            return r;
        while (true) {
            const int op = peek();
            const int prec = binaryPrecedence(type(op));
            if (prec == 0 || prec < minPrec)
                return {};
            m_pos = op + 1;
            Expr rhs;
            if (auto r = parseBinary(rhs, prec + 1); !r)
                return r;
            out = Expr{ExprKind::Other, out.first, rhs.last, false, false, {}, {}, -1};
        }
    }

    R parseUnary(Expr &out)
    {
        const int op = peek();
        if (type(op) == Tok::Minus || type(op) == Tok::Bang) {
            DepthGuard guard(m_depth);
            if (auto deep = tooDeep(op))
                return *deep;
            m_pos = op + 1;
            Expr operand;
            if (auto r = parseUnary(operand); !r)
                return r;
            // "-" right before a number literal (spaces allowed) is a negative number.
            const bool negNumber = type(op) == Tok::Minus && operand.first == op + 1 &&
                                   operand.last == op + 1 && type(op + 1) == Tok::Number;
            out = Expr{negNumber ? ExprKind::Number : ExprKind::Other,
                       op,
                       operand.last,
                       false,
                       false,
                       {},
                       {},
                       -1};
            return {};
        }
        return parsePostfix(out);
    }

    // A legacy index written as a number after '.' cannot chain (`a.0.1` lexes as 0.1).
    std::optional<std::unexpected<Error>> badLegacyIndex(int number) const
    {
        if (!m_tree.tokenView(number).contains('.'))
            return std::nullopt;
        return errorAt(number, tr("invalid legacy index syntax: two indexes cannot be chained "
                                  "with '.'; write [a][b]"));
    }

    R parsePostfix(Expr &out)
    {
        if (auto r = parsePrimary(out); !r)
            return r;
        auto extend = [&](int last) {
            out = Expr{ExprKind::Other, out.first, last, false, false, {}, {}, -1};
        };
        while (true) {
            const int t = peek();
            if (type(t) == Tok::Dot) {
                const int n = peekFrom(t + 1);
                if (type(n) == Tok::Ident) {
                    m_pos = n + 1;
                    extend(n);
                    continue;
                }
                if (type(n) == Tok::Number) {
                    if (auto bad = badLegacyIndex(n))
                        return *bad;
                    m_pos = n + 1;
                    extend(n);
                    continue;
                }
                if (type(n) != Tok::Star)
                    return errorAt(n, tr("expected an attribute name after '.'"));
                // Attribute-only splat: `.*` then only `.name` (or `.0`) steps.
                m_pos = n + 1;
                int last = n;
                while (type(peek()) == Tok::Dot) {
                    const int a = peekFrom(peek() + 1);
                    if (type(a) == Tok::Number) {
                        if (auto bad = badLegacyIndex(a))
                            return *bad;
                    } else if (type(a) == Tok::Star) {
                        return errorAt(a, tr("a splat (*) cannot be used inside an "
                                             "attribute-only splat"));
                    } else if (type(a) != Tok::Ident) {
                        return errorAt(a, tr("expected an attribute name after '.'"));
                    }
                    m_pos = a + 1;
                    last = a;
                }
                extend(last);
                continue;
            }
            if (type(t) == Tok::OBrack) {
                m_pos = t + 1;
                // hclsyntax looks for the '*' of a splat before ignoring line breaks
                if (const int s = peek(); type(s) == Tok::Star) {
                    m_pos = s + 1;
                    const int c = next();
                    if (type(c) != Tok::CBrack)
                        return errorAt(c, tr("missing ']' after the '*' of a splat"));
                    extend(c);
                    continue;
                }
                NewlineMode mode(m_ignoreNewlines, true);
                Expr index;
                if (auto r = parseExpression(index); !r)
                    return r;
                const int c = peek();
                if (type(c) != Tok::CBrack)
                    return errorAt(c, tr("missing ']' to close the index"));
                m_pos = c + 1;
                extend(c);
                continue;
            }
            return {};
        }
    }

    R parsePrimary(Expr &out)
    {
        const int t = peek();
        out = Expr{};
        out.first = out.last = t;
        switch (type(t)) {
        case Tok::Number:
            m_pos = t + 1;
            out.kind = ExprKind::Number;
            return {};
        case Tok::Ident: {
            m_pos = t + 1;
            if (identIs(t, "true") || identIs(t, "false")) {
                out.kind = ExprKind::Bool;
                return {};
            }
            if (identIs(t, "null")) {
                out.kind = ExprKind::Null;
                return {};
            }
            int name = t;
            int n = peek();
            while (type(n) == Tok::DoubleColon) {
                const int id = peekFrom(n + 1);
                if (type(id) != Tok::Ident)
                    return errorAt(id, tr("expected a name after '::'"));
                name = id;
                m_pos = id + 1;
                n = peek();
            }
            if (type(n) == Tok::OParen)
                return parseCall(out, name, n);
            out.kind = ExprKind::Other;
            out.last = name;
            return {};
        }
        case Tok::OQuote:
            return parseTemplate(out);
        case Tok::OHeredoc:
            return parseHeredoc(out);
        case Tok::OParen: {
            NewlineMode mode(m_ignoreNewlines, true);
            m_pos = t + 1;
            Expr inner;
            if (auto r = parseExpression(inner); !r)
                return r;
            const int c = peek();
            if (type(c) != Tok::CParen)
                return errorAt(c, tr("missing ')'"));
            m_pos = c + 1;
            out.kind = ExprKind::Other;
            out.isParen = true;
            out.last = c;
            out.children.push_back(std::move(inner));
            return {};
        }
        case Tok::OBrack:
            return parseTuple(out);
        case Tok::OBrace:
            return parseObject(out);
        case Tok::Eof:
            return errorAt(t, tr("expected an expression, found the end of the file"));
        case Tok::Newline:
            return errorAt(t, tr("expected an expression before the end of the line"));
        default:
            return errorAt(t, tr("expected an expression"));
        }
    }

    R parseCall(Expr &out, int name, int open)
    {
        NewlineMode mode(m_ignoreNewlines, true);
        m_pos = open + 1;
        out.kind = ExprKind::Call;
        out.callName = name;
        while (true) {
            const int c = peek();
            if (type(c) == Tok::CParen) {
                m_pos = c + 1;
                out.last = c;
                return {};
            }
            Expr arg;
            if (auto r = parseExpression(arg); !r)
                return r;
            out.children.push_back(std::move(arg));
            const int s = peek();
            if (type(s) == Tok::Ellipsis) {
                m_pos = s + 1;
                const int c = peek();
                if (type(c) != Tok::CParen)
                    return errorAt(c, tr("an expanded argument (...) must be followed by ')'"));
                continue;
            }
            if (type(s) == Tok::Comma) {
                m_pos = s + 1;
                continue;
            }
            if (type(s) != Tok::CParen)
                return errorAt(s, tr("missing ',' or ')' in the function call arguments"));
        }
    }

    R parseTemplate(Expr &out)
    {
        const int open = next(); // OQuote
        out = Expr{};
        out.first = open;
        int literals = 0;
        bool interp = false;
        std::vector<Directive> directives;
        int i = open + 1;
        while (true) {
            switch (type(i)) {
            case Tok::CQuote:
                if (!directives.empty())
                    return unclosedDirective(i, directives.back());
                m_pos = i + 1;
                out.last = i;
                out.kind = (!interp && literals <= 1) ? ExprKind::String : ExprKind::Template;
                out.sequences = interp;
                return {};
            case Tok::QuotedLit:
                literals += literalPieces(m_tree.tokenView(i));
                ++i;
                break;
            case Tok::TemplateInterp:
            case Tok::TemplateControl: {
                interp = true;
                if (auto r = parseInterpolation(i, directives); !r)
                    return std::unexpected(r.error());
                else
                    i = *r + 1;
                break;
            }
            default:
                return errorAt(i, tr("unterminated template string"));
            }
        }
    }

    // An open %{ if } (possibly past its %{ else }) or %{ for } of a template.
    struct Directive
    {
        int tok;
        bool isFor;
        bool sawElse;
    };

    std::unexpected<Error> unclosedDirective(int at, const Directive &d) const
    {
        Q_UNUSED(at);
        return errorAt(d.tok, d.isFor ? tr("this %{ for } has no %{ endfor }")
                                      : tr("this %{ if } has no %{ endif }"));
    }

    // `for NAME [, NAME] in EXPR` from m_pos (for expressions and %{ for } directives).
    R parseForIntro()
    {
        const int f = next(); // "for"
        Q_UNUSED(f);
        int n = next();
        if (type(n) != Tok::Ident)
            return errorAt(n, tr("expected a name after 'for'"));
        if (type(peek()) == Tok::Comma) {
            next();
            n = next();
            if (type(n) != Tok::Ident)
                return errorAt(n, tr("expected a second name after ','"));
        }
        const int in = next();
        if (!identIs(in, "in"))
            return errorAt(in, tr("a for expression needs the 'in' keyword after its names"));
        Expr collection;
        return parseExpression(collection);
    }

    // Parses "${ expr }" or a "%{ directive }" starting at `open`; returns the index of its
    // TemplateSeqEnd. Directives are checked for their keyword and nesting.
    Result<int> parseInterpolation(int open, std::vector<Directive> &directives)
    {
        NewlineMode mode(m_ignoreNewlines, true);
        m_pos = open + 1;
        if (type(open) == Tok::TemplateControl) {
            const int kw = peek();
            if (identIs(kw, "if")) {
                next();
                Expr cond;
                if (auto r = parseExpression(cond); !r)
                    return std::unexpected(r.error());
                directives.push_back(Directive{kw, false, false});
            } else if (identIs(kw, "for")) {
                if (auto r = parseForIntro(); !r)
                    return std::unexpected(r.error());
                directives.push_back(Directive{kw, true, false});
            } else if (identIs(kw, "else")) {
                next();
                if (directives.empty() || directives.back().isFor || directives.back().sawElse)
                    return errorAt(kw, tr("%{ else } without a matching %{ if }"));
                directives.back().sawElse = true;
            } else if (identIs(kw, "endif") || identIs(kw, "endfor")) {
                next();
                const bool endFor = identIs(kw, "endfor");
                if (directives.empty() || directives.back().isFor != endFor)
                    return errorAt(kw, endFor ? tr("%{ endfor } without a matching %{ for }")
                                              : tr("%{ endif } without a matching %{ if }"));
                directives.pop_back();
            } else {
                return errorAt(kw, tr("invalid template directive; expected if, else, endif, for "
                                      "or endfor"));
            }
            const int c = peek();
            if (type(c) != Tok::TemplateSeqEnd)
                return errorAt(c, tr("extra characters in the template directive"));
            return c;
        }
        Expr e;
        if (auto r = parseExpression(e); !r)
            return std::unexpected(r.error());
        const int c = peek();
        if (type(c) != Tok::TemplateSeqEnd)
            return errorAt(c, tr("extra characters after the interpolated expression"));
        return c;
    }

    // `[for ... : value if cond]` or `{for ... : key => value... if cond}`; m_pos at the
    // opening bracket's successor. Returns the closing bracket.
    Result<int> parseForExpr(bool object)
    {
        NewlineMode mode(m_ignoreNewlines, true);
        if (auto r = parseForIntro(); !r)
            return std::unexpected(r.error());
        const int colon = next();
        if (type(colon) != Tok::Colon)
            return errorAt(colon, tr("missing ':' after the for expression's collection"));
        Expr first;
        if (auto r = parseExpression(first); !r)
            return std::unexpected(r.error());
        if (object) {
            const int arrow = next();
            if (type(arrow) != Tok::FatArrow)
                return errorAt(arrow, tr("missing '=>' in the object for expression"));
            Expr value;
            if (auto r = parseExpression(value); !r)
                return std::unexpected(r.error());
            if (type(peek()) == Tok::Ellipsis)
                next();
        }
        if (identIs(peek(), "if")) {
            next();
            Expr cond;
            if (auto r = parseExpression(cond); !r)
                return std::unexpected(r.error());
        }
        const int close = next();
        if (type(close) != (object ? Tok::CBrace : Tok::CBrack))
            return errorAt(close, object ? tr("missing '}' to close the for expression")
                                         : tr("missing ']' to close the for expression"));
        return close;
    }

    R parseHeredoc(Expr &out)
    {
        const int open = next();
        out = Expr{};
        out.first = open;
        int literals = 0;
        bool interp = false;
        std::vector<Directive> directives;
        int i = open + 1;
        while (true) {
            switch (type(i)) {
            case Tok::CHeredoc:
                if (!directives.empty())
                    return unclosedDirective(i, directives.back());
                m_pos = i + 1;
                out.last = i;
                out.kind = (!interp && literals <= 1) ? ExprKind::String : ExprKind::Template;
                out.sequences = interp;
                return {};
            case Tok::StringLit:
                literals += literalPieces(m_tree.tokenView(i));
                ++i;
                break;
            case Tok::TemplateInterp:
            case Tok::TemplateControl:
                interp = true;
                if (auto r = parseInterpolation(i, directives); !r)
                    return std::unexpected(r.error());
                else
                    i = *r + 1;
                break;
            default:
                return errorAt(i, tr("unterminated heredoc"));
            }
        }
    }

    // `[` or `{` followed by the word `for` starts a for expression (so a bare `for` cannot be
    // a tuple element or an object key), as in hclsyntax.
    bool startsFor(int open)
    {
        int f = peekFrom(open + 1);
        while (type(f) == Tok::Newline)
            f = peekFrom(f + 1);
        return identIs(f, "for");
    }

    R parseTuple(Expr &out)
    {
        NewlineMode mode(m_ignoreNewlines, true);
        const int open = next();
        out.first = open;
        if (startsFor(open)) {
            m_pos = open + 1;
            auto close = parseForExpr(false);
            if (!close)
                return std::unexpected(close.error());
            m_pos = *close + 1;
            out.last = *close;
            out.kind = ExprKind::Other;
            out.isFor = true;
            return {};
        }
        out.kind = ExprKind::Tuple;
        while (true) {
            const int c = peek();
            if (type(c) == Tok::CBrack) {
                m_pos = c + 1;
                out.last = c;
                return {};
            }
            if (out.children.empty())
                out.children.reserve(2);
            if (auto r = parseExpression(out.children.emplace_back()); !r)
                return r;
            const int s = peek();
            if (type(s) == Tok::Comma) {
                m_pos = s + 1;
                continue;
            }
            if (type(s) != Tok::CBrack)
                return errorAt(s, tr("missing ',' between tuple elements"));
        }
    }

    R parseObject(Expr &out)
    {
        const int open = next(); // before switching modes: newlines may precede '{'
        NewlineMode mode(m_ignoreNewlines, false);
        out.first = open;
        if (startsFor(open)) {
            m_pos = open + 1;
            auto close = parseForExpr(true);
            if (!close)
                return std::unexpected(close.error());
            m_pos = *close + 1;
            out.last = *close;
            out.kind = ExprKind::Other;
            out.isFor = true;
            return {};
        }
        out.kind = ExprKind::Object;
        while (true) {
            int c = peek();
            while (type(c) == Tok::Newline) {
                m_pos = c + 1;
                c = peek();
            }
            if (type(c) == Tok::CBrace) {
                m_pos = c + 1;
                out.last = c;
                return {};
            }
            if (type(c) == Tok::Eof)
                return errorAt(c, tr("missing '}' to close the object"));
            if (out.items.empty())
                out.items.reserve(4);
            // Parsed in place (a nested object fills its own vector, so `item` stays valid).
            ObjectItem &item = out.items.emplace_back();
            {
                NewlineMode keyMode(m_ignoreNewlines, false);
                if (auto r = parseObjectKey(item.key); !r)
                    return r;
            }
            const int sep = peek();
            if (type(sep) != Tok::Equal && type(sep) != Tok::Colon)
                return errorAt(sep, tr("missing '=' or ':' after the object key"));
            item.sep = sep;
            m_pos = sep + 1;
            if (auto r = parseExpression(item.value); !r)
                return r;
            const int s = peek();
            if (type(s) == Tok::Comma) {
                item.comma = s;
                m_pos = s + 1;
            } else if (type(s) != Tok::Newline && type(s) != Tok::CBrace) {
                return errorAt(s, tr("missing ',' or line break between object items"));
            }
        }
    }

    R parseObjectKey(Expr &key)
    {
        // A bare identifier key is taken literally (even "true" or "null").
        const int t = peek();
        if (type(t) == Tok::Ident) {
            const int n = peekFrom(t + 1);
            if (type(n) == Tok::Equal || type(n) == Tok::Colon) {
                m_pos = t + 1;
                key = Expr{ExprKind::Other, t, t, false, false, {}, {}, -1};
                return {};
            }
        }
        return parseExpression(key);
    }

    SyntaxTree &m_tree;
    const std::vector<Token> &m_toks;
    QString m_fileName;
    int m_pos = 0;
    int m_depth = 0;
    std::vector<bool> m_ignoreNewlines;
};

} // namespace

Result<std::shared_ptr<SyntaxTree>> parseHcl(const QByteArray &text, const QString &fileName)
{
    auto tree = std::make_shared<SyntaxTree>();
    tree->text = text;
    auto tokens = lexHcl(tree->text, fileName);
    if (!tokens)
        return std::unexpected(tokens.error());
    tree->tokens = std::move(*tokens);
    Parser parser(*tree, fileName);
    if (auto r = parser.run(); !r)
        return std::unexpected(r.error());
    return tree;
}

Result<ObjectItem> parseObjectItem(SyntaxTree &tree, const QString &fileName)
{
    ObjectItem item;
    Parser parser(tree, fileName);
    if (auto r = parser.runItem(item); !r)
        return std::unexpected(r.error());
    return item;
}

QString decodeQuotedLiteral(QByteArrayView raw)
{
    if (!raw.contains('\\') && !raw.contains('{'))
        return utf8ToString(raw);
    QString out;
    out.reserve(raw.size());
    QByteArray pending;
    auto flush = [&] {
        out += utf8ToString(pending);
        pending.clear();
    };
    for (int i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
            pending += c;
            pending += '{';
            i += 2;
            continue;
        }
        if (c != '\\' || i + 1 >= raw.size()) {
            pending += c;
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
        case '"':
            pending += '"';
            break;
        case '\\':
            pending += '\\';
            break;
        case 'u':
        case 'U': {
            const int len = n == 'u' ? 4 : 8;
            bool ok = false;
            const uint cp = raw.sliced(i + 1, std::min<qsizetype>(len, raw.size() - i - 1))
                                .toByteArray()
                                .toUInt(&ok, 16);
            if (ok && i + len < raw.size()) {
                flush();
                out += codePointToString(char32_t(cp));
                i += len;
            } else {
                pending += '\\';
                pending += n;
            }
            break;
        }
        default:
            pending += '\\';
            pending += n;
            break;
        }
    }
    flush();
    return out;
}

QString decodeHeredoc(const SyntaxTree &tree, const Expr &e)
{
    const bool flush = tree.tokenView(e.first).startsWith("<<-");
    QList<QString> lines;
    for (int i = e.first + 1; i < e.last; ++i) {
        QByteArray l = tree.tokenText(i);
        l.replace("$${", "${").replace("%%{", "%{");
        lines.append(utf8ToString(l));
    }
    if (flush) {
        auto leadingSpace = [](const QString &l) {
            qsizetype n = 0;
            while (n < l.size()) {
                const char32_t c = l.at(n).isHighSurrogate() && n + 1 < l.size()
                                       ? QChar::surrogateToUcs4(l.at(n), l.at(n + 1))
                                       : l.at(n).unicode();
                const bool space = c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
                                   c == ' ' || c == 0x85 || c == 0xA0 || c == 0x2028 ||
                                   c == 0x2029 ||
                                   (c > 0xFF && QChar::category(c) == QChar::Separator_Space);
                if (!space)
                    break;
                n += c > 0xFFFF ? 2 : 1;
            }
            return n;
        };
        auto clusters = [](const QString &s, qsizetype len, int *count, qsizetype upTo) {
            // counts grapheme clusters in s[0, len) or, with upTo >= 0, the length of the
            // first upTo clusters
            QTextBoundaryFinder f(QTextBoundaryFinder::Grapheme, s);
            int n = 0;
            qsizetype pos = 0;
            while (true) {
                if (upTo >= 0 && n == upTo)
                    return pos;
                const qsizetype next = f.toNextBoundary();
                if (next < 0 || (upTo < 0 && next > len))
                    break;
                ++n;
                pos = next;
            }
            if (count)
                *count = n;
            return pos;
        };
        // A line that is all white space up to its line break is blank and does not count.
        int minSpaces = INT_MAX;
        std::vector<bool> adjust(std::size_t(lines.size()), false);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString &l = lines[i];
            const qsizetype lead = leadingSpace(l);
            if (lead == l.size() && l.endsWith(u'\n'))
                continue;
            adjust[std::size_t(i)] = true;
            int n = 0;
            clusters(l, lead, &n, -1);
            minSpaces = std::min(minSpaces, n);
        }
        if (minSpaces != INT_MAX && minSpaces > 0)
            for (qsizetype i = 0; i < lines.size(); ++i)
                if (adjust[std::size_t(i)])
                    lines[i].remove(0, clusters(lines[i], 0, nullptr, minSpaces));
    }
    return lines.join(QString());
}

QString keyText(const SyntaxTree &tree, const Expr &key)
{
    if (tree.isIdent(key))
        return QString::fromUtf8(tree.tokenView(key.first));
    if ((key.kind == ExprKind::String || key.kind == ExprKind::Template) && !key.sequences) {
        if (key.last - key.first == 1)
            return {};
        if (tree.tokens[std::size_t(key.first)].type == Tok::OHeredoc)
            return decodeHeredoc(tree, key);
        return decodeQuotedLiteral(tree.tokenView(key.first + 1));
    }
    if (key.kind == ExprKind::Template && tree.tokens[std::size_t(key.first)].type == Tok::OQuote)
        return utf8ToString(tree.text.mid(tree.tokens[std::size_t(key.first)].end,
                                          tree.tokens[std::size_t(key.last)].start -
                                              tree.tokens[std::size_t(key.first)].end));
    if (key.isParen && !key.children.empty())
        return QString::fromUtf8(tree.source(key.children.front()));
    return QString::fromUtf8(tree.source(key));
}

bool isLiteralKey(const SyntaxTree &tree, const Expr &key)
{
    return tree.isIdent(key) ||
           ((key.kind == ExprKind::String || key.kind == ExprKind::Template) && !key.sequences);
}

bool isLiteralExpr(const SyntaxTree &tree, const Expr &e)
{
    switch (e.kind) {
    case ExprKind::String:
    case ExprKind::Template:
        return !e.sequences;
    case ExprKind::Number:
    case ExprKind::Bool:
    case ExprKind::Null:
        return true;
    case ExprKind::Object:
        return std::all_of(e.items.begin(), e.items.end(), [&](const ObjectItem &i) {
            return isLiteralKey(tree, i.key) && isLiteralExpr(tree, i.value);
        });
    case ExprKind::Tuple:
        return std::all_of(e.children.begin(), e.children.end(),
                           [&](const Expr &c) { return isLiteralExpr(tree, c); });
    case ExprKind::Call:
    case ExprKind::Other:
        break;
    }
    return false;
}

namespace {

// The string a literal template (no sequences) stands for.
QString literalString(const SyntaxTree &tree, const Expr &e)
{
    if (tree.tokens[std::size_t(e.first)].type == Tok::OHeredoc)
        return decodeHeredoc(tree, e);
    if (e.last - e.first == 1)
        return QString();
    return decodeQuotedLiteral(tree.tokenView(e.first + 1));
}

QByteArray numberText(const SyntaxTree &tree, const Expr &e)
{
    return e.first == e.last ? jsonNumberFromHcl(tree.tokenView(e.first))
                             : jsonNumberFromHcl(tree.source(e));
}

} // namespace

Value exprToValue(const SyntaxTree &tree, const Expr &e)
{
    if (!isLiteralExpr(tree, e))
        return Value::expression(utf8ToString(tree.source(e)));
    switch (e.kind) {
    case ExprKind::Object: {
        // A key written twice holds the last value, as HCL evaluates it.
        std::vector<Value::Member> members;
        members.reserve(e.items.size());
        QHash<QString, std::size_t> index;
        for (const ObjectItem &item : e.items) {
            QString k = keyText(tree, item.key);
            if (const auto it = index.constFind(k); it != index.constEnd()) {
                members[*it].second = exprToValue(tree, item.value);
                continue;
            }
            index.insert(k, members.size());
            members.emplace_back(std::move(k), exprToValue(tree, item.value));
        }
        return Value::object(std::move(members));
    }
    case ExprKind::Tuple: {
        std::vector<Value> items;
        items.reserve(e.children.size());
        for (const Expr &c : e.children)
            items.push_back(exprToValue(tree, c));
        return Value::list(std::move(items));
    }
    case ExprKind::String:
    case ExprKind::Template:
        return Value::string(literalString(tree, e));
    case ExprKind::Number:
        return Value::number(numberText(tree, e));
    case ExprKind::Bool:
        return Value::boolean(tree.tokenView(e.first) == "true");
    case ExprKind::Null:
        return Value();
    case ExprKind::Call:
    case ExprKind::Other:
        break;
    }
    return Value::expression(utf8ToString(tree.source(e)));
}

namespace {

bool isPlainAscii(QByteArrayView v)
{
    for (char c : v) {
        if (static_cast<unsigned char>(c) >= 0x80 || c == '\\' || c == '{')
            return false;
    }
    return true;
}

// The key's text without a temporary QString when it is plain ASCII (the common case).
void insertKey(QJsonObject &o, const SyntaxTree &tree, const Expr &key, const QJsonValue &value)
{
    if (tree.isIdent(key)) {
        const QByteArrayView v = tree.tokenView(key.first);
        if (isPlainAscii(v)) {
            o.insert(QLatin1StringView(v.data(), v.size()), value);
            return;
        }
    } else if (key.kind == ExprKind::String && key.last - key.first == 2 &&
               tree.tokens[std::size_t(key.first)].type == Tok::OQuote) {
        const QByteArrayView v = tree.tokenView(key.first + 1);
        if (isPlainAscii(v)) {
            o.insert(QLatin1StringView(v.data(), v.size()), value);
            return;
        }
    }
    o.insert(keyText(tree, key), value);
}

QJsonValue literalToJson(const SyntaxTree &tree, const Expr &e)
{
    switch (e.kind) {
    case ExprKind::Object: {
        QJsonObject o;
        for (const ObjectItem &item : e.items)
            insertKey(o, tree, item.key, literalToJson(tree, item.value));
        return o;
    }
    case ExprKind::Tuple: {
        QJsonArray a;
        for (const Expr &c : e.children)
            a.append(literalToJson(tree, c));
        return a;
    }
    case ExprKind::String:
    case ExprKind::Template:
        return literalString(tree, e);
    case ExprKind::Number:
        return numberText(tree, e).toDouble();
    case ExprKind::Bool:
        return tree.tokenView(e.first) == "true";
    case ExprKind::Null:
        return QJsonValue(QJsonValue::Null);
    case ExprKind::Call:
    case ExprKind::Other:
        break;
    }
    return QString::fromUtf8(tree.source(e));
}

} // namespace

QJsonValue exprToJson(const SyntaxTree &tree, const Expr &e)
{
    if (!isLiteralExpr(tree, e))
        return QString::fromUtf8(tree.source(e));
    return literalToJson(tree, e);
}

QJsonObject objectToJson(const SyntaxTree &tree, const Expr &object, QStringList *expressions)
{
    QJsonObject o;
    for (const ObjectItem &item : object.items) {
        if (isLiteralExpr(tree, item.value)) {
            insertKey(o, tree, item.key, literalToJson(tree, item.value));
        } else {
            insertKey(o, tree, item.key, QString::fromUtf8(tree.source(item.value)));
            if (expressions)
                expressions->append(keyText(tree, item.key));
        }
    }
    return o;
}

} // namespace kanri::hcl

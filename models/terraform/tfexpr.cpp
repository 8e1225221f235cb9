#include "terraform/tfexpr.h"

#include "hcl/hcllexer.h"
#include "hcl/hclparsesupport.h"

#include <QCoreApplication>

#include <climits>
#include <cstring>

namespace kanri::terraform {

using hcl::Tok;

QString SourceFile::position(int offset) const
{
    const hcl::TextPos p = hcl::textPosition(tree->text, offset);
    return QStringLiteral("%1:%2:%3").arg(name).arg(p.line).arg(p.column);
}

namespace {

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

class ExprParser
{
    Q_DECLARE_TR_FUNCTIONS(kanri::terraform::ExprParser)

public:
    ExprParser(const SourceFile *file, int first, int last)
        : m_file(file)
        , m_tree(*file->tree)
        , m_toks(file->tree->tokens)
        , m_pos(first)
        , m_last(last)
    {}

    Result<NodePtr> run()
    {
        m_nl.push_back(true);
        auto n = expression();
        if (!n)
            return n;
        if (peek() <= m_last)
            return error(peek(), tr("unexpected text after the expression"));
        return n;
    }

private:
    using R = Result<NodePtr>;

    std::unexpected<Error> error(int tok, const QString &message) const
    {
        const int off = m_toks[std::size_t(std::min<int>(tok, int(m_toks.size()) - 1))].start;
        const hcl::TextPos p = hcl::textPosition(m_tree.text, off);
        return failAt(Error::Code::Syntax, message, m_file->name, p.line, p.column);
    }

    Tok type(int i) const
    {
        if (i > m_last || i >= int(m_toks.size()))
            return Tok::Eof;
        return m_toks[std::size_t(i)].type;
    }
    QString text(int i) const { return QString::fromUtf8(m_tree.tokenView(i)); }
    bool identIs(int i, const char *w) const
    {
        return type(i) == Tok::Ident && m_tree.tokenView(i) == QByteArrayView(w);
    }
    int peekFrom(int pos) const { return hcl::nextSignificant(m_toks, pos, m_last, m_nl.back()); }
    int peek() const { return peekFrom(m_pos); }
    int next()
    {
        const int i = peek();
        m_pos = i + 1;
        return i;
    }

    std::shared_ptr<Node> make(Node::Kind k, int tok) const
    {
        auto n = std::make_shared<Node>();
        n->kind = k;
        n->file = m_file;
        n->offset = m_toks[std::size_t(std::min<int>(tok, int(m_toks.size()) - 1))].start;
        return n;
    }

    R expression()
    {
        hcl::DepthGuard d(m_depth);
        if (m_depth > hcl::MaxNestingDepth)
            return error(peek(), tr("nesting too deep"));
        auto cond = binary(1);
        if (!cond)
            return cond;
        const int q = peek();
        if (type(q) != Tok::Question)
            return cond;
        m_pos = q + 1;
        auto a = expression();
        if (!a)
            return a;
        const int colon = next();
        if (type(colon) != Tok::Colon)
            return error(colon, tr("missing ':' in conditional expression"));
        auto b = expression();
        if (!b)
            return b;
        auto n = make(Node::Kind::Conditional, q);
        n->offset = (*cond)->offset;
        n->a = *cond;
        n->b = *a;
        n->c = *b;
        return NodePtr(n);
    }

    R binary(int minPrec)
    {
        auto lhs = unary();
        if (!lhs)
            return lhs;
        NodePtr out = *lhs;
        while (true) {
            const int op = peek();
            const int prec = hcl::binaryPrecedence(type(op));
            if (prec == 0 || prec < minPrec)
                return out;
            m_pos = op + 1;
            auto rhs = binary(prec + 1);
            if (!rhs)
                return rhs;
            auto n = make(Node::Kind::Binary, op);
            n->op = type(op);
            n->a = out;
            n->b = *rhs;
            out = n;
        }
    }

    R unary()
    {
        const int op = peek();
        if (type(op) == Tok::Minus || type(op) == Tok::Bang) {
            hcl::DepthGuard d(m_depth);
            if (m_depth > hcl::MaxNestingDepth)
                return error(op, tr("nesting too deep"));
            m_pos = op + 1;
            auto operand = unary();
            if (!operand)
                return operand;
            auto n = make(Node::Kind::Unary, op);
            n->op = type(op);
            n->a = *operand;
            return NodePtr(n);
        }
        return postfix();
    }

    // Steps after a splat: attribute (and, for a full splat, index) steps applied to each
    // element; `onto` is the SplatItem chain built so far.
    R splatSteps(NodePtr onto, bool full)
    {
        while (true) {
            const int t = peek();
            if (type(t) == Tok::Dot) {
                const int n = peekFrom(t + 1);
                if (type(n) == Tok::Ident) {
                    m_pos = n + 1;
                    auto g = make(Node::Kind::GetAttr, n);
                    g->a = onto;
                    g->name = text(n);
                    onto = g;
                    continue;
                }
                if (type(n) == Tok::Number) {
                    m_pos = n + 1;
                    auto g = make(Node::Kind::Index, n);
                    g->a = onto;
                    auto lit = make(Node::Kind::Literal, n);
                    lit->value = Value::number(text(n).toDouble());
                    g->b = lit;
                    onto = g;
                    continue;
                }
                return onto;
            }
            if (full && type(t) == Tok::OBrack) {
                const int s = peekFrom(t + 1);
                if (type(s) == Tok::Star)
                    return onto;
                m_pos = t + 1;
                hcl::NewlineMode mode(m_nl, true);
                auto idx = expression();
                if (!idx)
                    return idx;
                const int c = next();
                if (type(c) != Tok::CBrack)
                    return error(c, tr("missing ']'"));
                auto g = make(Node::Kind::Index, t);
                g->a = onto;
                g->b = *idx;
                onto = g;
                continue;
            }
            return onto;
        }
    }

    R postfix()
    {
        auto prim = primary();
        if (!prim)
            return prim;
        NodePtr out = *prim;
        while (true) {
            const int t = peek();
            if (type(t) == Tok::Dot) {
                const int n = peekFrom(t + 1);
                if (type(n) == Tok::Ident) {
                    m_pos = n + 1;
                    auto g = make(Node::Kind::GetAttr, n);
                    g->offset = out->offset;
                    g->a = out;
                    g->name = text(n);
                    out = g;
                    continue;
                }
                if (type(n) == Tok::Number) {
                    m_pos = n + 1;
                    auto g = make(Node::Kind::Index, n);
                    g->offset = out->offset;
                    g->a = out;
                    auto lit = make(Node::Kind::Literal, n);
                    lit->value = Value::number(text(n).toDouble());
                    g->b = lit;
                    out = g;
                    continue;
                }
                if (type(n) == Tok::Star) {
                    m_pos = n + 1;
                    auto s = make(Node::Kind::Splat, n);
                    s->offset = out->offset;
                    s->a = out;
                    auto each = splatSteps(make(Node::Kind::SplatItem, n), false);
                    if (!each)
                        return each;
                    s->b = *each;
                    out = s;
                    continue;
                }
                return error(n, tr("expected an attribute name after '.'"));
            }
            if (type(t) == Tok::OBrack) {
                const int s = peekFrom(t + 1);
                if (type(s) == Tok::Star) {
                    m_pos = s + 1;
                    const int c = next();
                    if (type(c) != Tok::CBrack)
                        return error(c, tr("missing ']'"));
                    auto sp = make(Node::Kind::Splat, s);
                    sp->offset = out->offset;
                    sp->a = out;
                    auto each = splatSteps(make(Node::Kind::SplatItem, s), true);
                    if (!each)
                        return each;
                    sp->b = *each;
                    out = sp;
                    continue;
                }
                m_pos = t + 1;
                hcl::NewlineMode mode(m_nl, true);
                auto idx = expression();
                if (!idx)
                    return idx;
                const int c = next();
                if (type(c) != Tok::CBrack)
                    return error(c, tr("missing ']'"));
                auto g = make(Node::Kind::Index, t);
                g->offset = out->offset;
                g->a = out;
                g->b = *idx;
                out = g;
                continue;
            }
            return out;
        }
    }

    R primary()
    {
        const int t = peek();
        switch (type(t)) {
        case Tok::Number: {
            m_pos = t + 1;
            auto n = make(Node::Kind::Literal, t);
            bool ok = false;
            const double d = text(t).toDouble(&ok);
            if (!ok)
                return error(t, tr("invalid number"));
            n->value = Value::number(d);
            return NodePtr(n);
        }
        case Tok::Ident: {
            m_pos = t + 1;
            if (identIs(t, "true") || identIs(t, "false")) {
                auto n = make(Node::Kind::Literal, t);
                n->value = Value::boolean(identIs(t, "true"));
                return NodePtr(n);
            }
            if (identIs(t, "null"))
                return NodePtr(make(Node::Kind::Literal, t));
            QString name = text(t);
            int n = peek();
            while (type(n) == Tok::DoubleColon) {
                const int id = peekFrom(n + 1);
                if (type(id) != Tok::Ident)
                    return error(id, tr("expected a name after '::'"));
                name += QStringLiteral("::") + text(id);
                m_pos = id + 1;
                n = peek();
            }
            if (type(n) == Tok::OParen)
                return call(t, name, n);
            auto v = make(Node::Kind::Variable, t);
            v->name = name;
            return NodePtr(v);
        }
        case Tok::OQuote:
            return quotedTemplate();
        case Tok::OHeredoc:
            return heredoc();
        case Tok::OParen: {
            hcl::NewlineMode mode(m_nl, true);
            m_pos = t + 1;
            auto inner = expression();
            if (!inner)
                return inner;
            const int c = next();
            if (type(c) != Tok::CParen)
                return error(c, tr("missing ')'"));
            auto n = make(Node::Kind::Paren, t);
            n->a = *inner;
            return NodePtr(n);
        }
        case Tok::OBrack:
            return tuple();
        case Tok::OBrace:
            return object();
        default:
            return error(t, tr("expected an expression"));
        }
    }

    R call(int nameTok, const QString &name, int open)
    {
        hcl::NewlineMode mode(m_nl, true);
        m_pos = open + 1;
        auto n = make(Node::Kind::Call, nameTok);
        n->name = name;
        while (true) {
            const int c = peek();
            if (type(c) == Tok::CParen) {
                m_pos = c + 1;
                return NodePtr(n);
            }
            auto arg = expression();
            if (!arg)
                return arg;
            n->parts.push_back(*arg);
            const int s = next();
            if (type(s) == Tok::Ellipsis) {
                n->expandLast = true;
                const int cp = next();
                if (type(cp) != Tok::CParen)
                    return error(cp, tr("missing ')' after '...'"));
                return NodePtr(n);
            }
            if (type(s) == Tok::CParen)
                return NodePtr(n);
            if (type(s) != Tok::Comma)
                return error(s, tr("missing ',' or ')' in the function call"));
        }
    }

    bool startsFor(int open)
    {
        hcl::NewlineMode mode(m_nl, true);
        return identIs(peekFrom(open + 1), "for");
    }

    // `for K, V in COLL :` from m_pos (at "for").
    Result<void> forIntro(Node &n)
    {
        next(); // for
        const int a = next();
        if (type(a) != Tok::Ident)
            return error(a, tr("expected a name after 'for'"));
        n.name = text(a);
        if (type(peek()) == Tok::Comma) {
            next();
            const int b = next();
            if (type(b) != Tok::Ident)
                return error(b, tr("expected a second name after ','"));
            n.keyVar = n.name;
            n.name = text(b);
        }
        const int in = next();
        if (!identIs(in, "in"))
            return error(in, tr("missing 'in'"));
        auto coll = expression();
        if (!coll)
            return std::unexpected(coll.error());
        n.a = *coll;
        return {};
    }

    R forExpr(int open, bool object)
    {
        hcl::NewlineMode mode(m_nl, true);
        m_pos = open + 1;
        auto n = make(Node::Kind::For, open);
        n->object = object;
        if (auto r = forIntro(*n); !r)
            return std::unexpected(r.error());
        const int colon = next();
        if (type(colon) != Tok::Colon)
            return error(colon, tr("missing ':' in the for expression"));
        auto first = expression();
        if (!first)
            return first;
        if (object) {
            const int arrow = next();
            if (type(arrow) != Tok::FatArrow)
                return error(arrow, tr("missing '=>' in the object for expression"));
            auto value = expression();
            if (!value)
                return value;
            n->b = *first;
            n->c = *value;
            if (type(peek()) == Tok::Ellipsis) {
                next();
                n->group = true;
            }
        } else {
            n->c = *first;
        }
        if (identIs(peek(), "if")) {
            next();
            auto cond = expression();
            if (!cond)
                return cond;
            n->d = *cond;
        }
        const int close = next();
        if (type(close) != (object ? Tok::CBrace : Tok::CBrack))
            return error(close, tr("missing the closing bracket of the for expression"));
        return NodePtr(n);
    }

    R tuple()
    {
        const int open = next();
        if (startsFor(open))
            return forExpr(open, false);
        hcl::NewlineMode mode(m_nl, true);
        auto n = make(Node::Kind::Tuple, open);
        while (true) {
            const int c = peek();
            if (type(c) == Tok::CBrack) {
                m_pos = c + 1;
                return NodePtr(n);
            }
            auto e = expression();
            if (!e)
                return e;
            n->parts.push_back(*e);
            const int s = next();
            if (type(s) == Tok::CBrack)
                return NodePtr(n);
            if (type(s) != Tok::Comma)
                return error(s, tr("missing ',' between tuple elements"));
        }
    }

    R object()
    {
        const int open = next();
        if (startsFor(open))
            return forExpr(open, true);
        hcl::NewlineMode mode(m_nl, false);
        auto n = make(Node::Kind::Object, open);
        while (true) {
            int c = peek();
            while (type(c) == Tok::Newline || type(c) == Tok::Comma) {
                m_pos = c + 1;
                c = peek();
            }
            if (type(c) == Tok::CBrace) {
                m_pos = c + 1;
                return NodePtr(n);
            }
            if (type(c) == Tok::Eof)
                return error(c, tr("missing '}'"));
            NodePtr key;
            const int sepAfterIdent = peekFrom(c + 1);
            if (type(c) == Tok::Ident &&
                (type(sepAfterIdent) == Tok::Equal || type(sepAfterIdent) == Tok::Colon)) {
                auto k = make(Node::Kind::Literal, c);
                k->value = Value::string(text(c));
                key = k;
                m_pos = c + 1;
            } else {
                auto k = expression();
                if (!k)
                    return k;
                key = *k;
            }
            const int sep = next();
            if (type(sep) != Tok::Equal && type(sep) != Tok::Colon)
                return error(sep, tr("missing '=' or ':' after the object key"));
            auto value = expression();
            if (!value)
                return value;
            n->parts.push_back(key);
            n->parts.push_back(*value);
        }
    }

    // Template pieces between `open` and its closing token (CQuote or CHeredoc). Literal
    // pieces are decoded by `decode`; strip markers trim the white space next to them.
    struct Piece
    {
        NodePtr node; // literal string node, expression, or directive marker
        bool isLiteral;
        QString text;      // for literals
        int directive = 0; // 0 none, 1 if, 2 else, 3 endif, 4 for, 5 endfor
        std::shared_ptr<Node> dirNode;
        bool stripBefore = false, stripAfter = false;
        bool lineStart = false;
    };

    Result<std::vector<Piece>> pieces(int open, Tok close, bool heredoc)
    {
        std::vector<Piece> out;
        int i = open + 1;
        bool atLineStart = true;
        while (true) {
            const Tok t = type(i);
            if (t == close) {
                m_pos = i + 1;
                return out;
            }
            if (t == Tok::QuotedLit || t == Tok::StringLit) {
                Piece p;
                p.isLiteral = true;
                p.lineStart = atLineStart;
                if (heredoc) {
                    QByteArray l = m_tree.tokenText(i);
                    l.replace("$${", "${").replace("%%{", "%{");
                    p.text = hcl::utf8ToString(l);
                    atLineStart = p.text.endsWith(u'\n');
                } else {
                    p.text = hcl::decodeQuotedLiteral(m_tree.tokenView(i));
                }
                out.push_back(std::move(p));
                ++i;
                continue;
            }
            if (t == Tok::TemplateInterp || t == Tok::TemplateControl) {
                atLineStart = false;
                Piece p;
                p.isLiteral = false;
                p.stripBefore = m_tree.tokenView(i).endsWith("~");
                hcl::NewlineMode mode(m_nl, true);
                m_pos = i + 1;
                if (t == Tok::TemplateInterp) {
                    auto e = expression();
                    if (!e)
                        return std::unexpected(e.error());
                    p.node = *e;
                } else {
                    const int kw = peek();
                    auto d = make(Node::Kind::TemplateIf, kw);
                    if (identIs(kw, "if")) {
                        next();
                        auto cond = expression();
                        if (!cond)
                            return std::unexpected(cond.error());
                        d->a = *cond;
                        p.directive = 1;
                    } else if (identIs(kw, "else")) {
                        next();
                        p.directive = 2;
                    } else if (identIs(kw, "endif")) {
                        next();
                        p.directive = 3;
                    } else if (identIs(kw, "for")) {
                        d->kind = Node::Kind::TemplateFor;
                        if (auto r = forIntro(*d); !r)
                            return std::unexpected(r.error());
                        p.directive = 4;
                    } else if (identIs(kw, "endfor")) {
                        next();
                        p.directive = 5;
                    } else {
                        return error(kw, tr("invalid template directive"));
                    }
                    p.dirNode = d;
                }
                const int end = peek();
                if (type(end) != Tok::TemplateSeqEnd)
                    return error(end, tr("missing '}' after the template sequence"));
                p.stripAfter = m_tree.tokenView(end).startsWith("~");
                out.push_back(std::move(p));
                i = end + 1;
                continue;
            }
            return error(i, tr("unterminated template"));
        }
    }

    // Builds Template nodes from pieces[i..] until a directive that closes the current level.
    Result<NodePtr> buildTemplate(std::vector<Piece> &ps, std::size_t &i, int offset,
                                  int *stoppedAt)
    {
        auto t = std::make_shared<Node>();
        t->kind = Node::Kind::Template;
        t->file = m_file;
        t->offset = offset;
        *stoppedAt = 0;
        while (i < ps.size()) {
            Piece &p = ps[i];
            if (p.isLiteral) {
                auto lit = std::make_shared<Node>();
                lit->kind = Node::Kind::Literal;
                lit->file = m_file;
                lit->offset = offset;
                lit->value = Value::string(p.text);
                t->parts.push_back(lit);
                ++i;
                continue;
            }
            if (p.directive == 0) {
                t->parts.push_back(p.node);
                ++i;
                continue;
            }
            if (p.directive == 2 || p.directive == 3 || p.directive == 5) {
                *stoppedAt = p.directive;
                return NodePtr(t);
            }
            auto d = p.dirNode;
            ++i;
            int stop = 0;
            auto body = buildTemplate(ps, i, d->offset, &stop);
            if (!body)
                return body;
            d->b = *body;
            if (p.directive == 1) {
                if (stop == 2) {
                    ++i;
                    auto elseBody = buildTemplate(ps, i, d->offset, &stop);
                    if (!elseBody)
                        return elseBody;
                    d->c = *elseBody;
                }
                if (stop != 3)
                    return failAt(Error::Code::Syntax, tr("%{ if } without %{ endif }"),
                                  m_file->name);
            } else if (stop != 5) {
                return failAt(Error::Code::Syntax, tr("%{ for } without %{ endfor }"),
                              m_file->name);
            }
            ++i;
            t->parts.push_back(d);
        }
        return NodePtr(t);
    }

    static void applyStrips(std::vector<Piece> &ps)
    {
        for (std::size_t i = 0; i < ps.size(); ++i) {
            if (ps[i].isLiteral)
                continue;
            if (ps[i].stripBefore && i > 0 && ps[i - 1].isLiteral) {
                QString &s = ps[i - 1].text;
                qsizetype e = s.size();
                while (e > 0 && isSpace(s[e - 1]))
                    --e;
                s.truncate(e);
            }
            if (ps[i].stripAfter && i + 1 < ps.size() && ps[i + 1].isLiteral) {
                QString &s = ps[i + 1].text;
                qsizetype b = 0;
                while (b < s.size() && isSpace(s[b]))
                    ++b;
                s.remove(0, b);
            }
        }
    }

    R finishTemplate(std::vector<Piece> &ps, int open)
    {
        applyStrips(ps);
        std::size_t i = 0;
        int stop = 0;
        const int offset = m_toks[std::size_t(open)].start;
        auto t = buildTemplate(ps, i, offset, &stop);
        if (!t)
            return t;
        if (stop != 0)
            return error(open, tr("a template directive closes nothing that is open"));
        // "${x}" alone is x itself, not its string conversion.
        if ((*t)->parts.size() == 1 && ps.size() == 1 && !ps[0].isLiteral && ps[0].directive == 0) {
            auto w = std::const_pointer_cast<Node>(*t);
            w->wrap = true;
        }
        return t;
    }

    R quotedTemplate()
    {
        const int open = next();
        auto ps = pieces(open, Tok::CQuote, false);
        if (!ps)
            return std::unexpected(ps.error());
        return finishTemplate(*ps, open);
    }

    R heredoc()
    {
        const int open = next();
        auto ps = pieces(open, Tok::CHeredoc, true);
        if (!ps)
            return std::unexpected(ps.error());
        if (m_tree.tokenView(open).startsWith("<<-")) {
            // Remove the smallest indentation of the lines (lines all white space excepted;
            // a line starting with a sequence has none).
            int minIndent = INT_MAX;
            bool lineStart = true;
            for (const Piece &p : *ps) {
                if (!p.isLiteral) {
                    if (lineStart)
                        minIndent = 0;
                    lineStart = false;
                    continue;
                }
                if (p.lineStart) {
                    qsizetype n = 0;
                    while (n < p.text.size() && (p.text[n] == u' ' || p.text[n] == u'\t'))
                        ++n;
                    const bool blank =
                        n == p.text.size() || p.text[n] == u'\n' || p.text[n] == u'\r';
                    if (!blank)
                        minIndent = std::min<int>(minIndent, int(n));
                }
                lineStart = p.text.endsWith(u'\n');
            }
            if (minIndent != INT_MAX && minIndent > 0)
                for (Piece &p : *ps)
                    if (p.isLiteral && p.lineStart) {
                        qsizetype n = 0;
                        while (n < p.text.size() && n < minIndent &&
                               (p.text[n] == u' ' || p.text[n] == u'\t'))
                            ++n;
                        p.text.remove(0, n);
                    }
        }
        return finishTemplate(*ps, open);
    }

    const SourceFile *m_file;
    const hcl::SyntaxTree &m_tree;
    const std::vector<hcl::Token> &m_toks;
    int m_pos;
    int m_last;
    int m_depth = 0;
    std::vector<bool> m_nl;
};

} // namespace

Result<NodePtr> parseExpression(const SourceFile *file, const hcl::Expr &e)
{
    ExprParser p(file, e.first, e.last);
    return p.run();
}

QString traversalAddress(const Node &n)
{
    switch (n.kind) {
    case Node::Kind::Variable:
        return n.name;
    case Node::Kind::GetAttr: {
        const QString base = traversalAddress(*n.a);
        return base.isEmpty() ? QString() : base + u'.' + n.name;
    }
    case Node::Kind::Index: {
        const QString base = traversalAddress(*n.a);
        const bool literal = n.b->kind == Node::Kind::Literal ||
                             (n.b->kind == Node::Kind::Template && n.b->parts.size() == 1 &&
                              n.b->parts[0]->kind == Node::Kind::Literal);
        if (base.isEmpty() || !literal)
            return {};
        const Value &k = n.b->kind == Node::Kind::Literal ? n.b->value : n.b->parts[0]->value;
        if (k.kind() == Value::Kind::Number)
            return base + u'[' + Value::numberText(k.toNumber()) + u']';
        if (k.kind() == Value::Kind::String)
            return base + u'[' + k.render() + u']';
        return {};
    }
    default:
        return {};
    }
}

} // namespace kanri::terraform

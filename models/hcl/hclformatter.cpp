#include "hcl/hclformatter.h"

#include <QTextBoundaryFinder>

#include <algorithm>

namespace kanri::hcl {

namespace {

int bracketChange(Tok t)
{
    switch (t) {
    case Tok::OBrace:
    case Tok::OBrack:
    case Tok::OParen:
    case Tok::TemplateControl:
    case Tok::TemplateInterp:
        return 1;
    case Tok::CBrace:
    case Tok::CBrack:
    case Tok::CParen:
    case Tok::TemplateSeqEnd:
        return -1;
    default:
        return 0;
    }
}

// Tok::Eof stands for hclwrite's "nil" token (start or end of a cell).
bool spaceAfter(const QByteArray &text, const Token &subject, Tok before, Tok after)
{
    const Tok s = subject.type;
    if (after == Tok::Newline || after == Tok::Eof)
        return false;
    if (s == Tok::Ident && after == Tok::OParen)
        return false;
    if (s == Tok::DoubleColon || after == Tok::DoubleColon)
        return false;
    if (s == Tok::Dot || after == Tok::Dot)
        return false;
    if (after == Tok::Comma || after == Tok::Ellipsis)
        return false;
    if (s == Tok::Comma)
        return true;
    if (s == Tok::QuotedLit || s == Tok::StringLit || s == Tok::OQuote || s == Tok::OHeredoc ||
        after == Tok::QuotedLit || after == Tok::StringLit || after == Tok::CQuote ||
        after == Tok::CHeredoc)
        return false;
    if (s == Tok::Ident && before == Tok::Ident && subject.end - subject.start == 2 &&
        text[subject.start] == 'i' && text[subject.start + 1] == 'n')
        return true;
    if (after == Tok::OBrack && (s == Tok::Ident || s == Tok::Number || bracketChange(s) < 0))
        return false;
    if (s == Tok::Bang)
        return false;
    if (s == Tok::Minus) {
        switch (before) {
        case Tok::Eof:
        case Tok::OParen:
        case Tok::OBrace:
        case Tok::OBrack:
        case Tok::Equal:
        case Tok::Colon:
        case Tok::Comma:
        case Tok::Question:
        case Tok::Plus:
        case Tok::Star:
        case Tok::Slash:
        case Tok::Percent:
        case Tok::Minus:
        case Tok::EqualOp:
        case Tok::NotEqual:
        case Tok::Gt:
        case Tok::Ge:
        case Tok::Lt:
        case Tok::Le:
        case Tok::And:
        case Tok::Or:
        case Tok::Bang:
            return false;
        default:
            return true;
        }
    }
    if (s == Tok::OBrace || after == Tok::CBrace)
        return !(s == Tok::OBrace && after == Tok::CBrace);
    // "${ {" and "} }" when an interpolation holds just an object constructor
    if ((s == Tok::TemplateInterp || s == Tok::TemplateControl) && after == Tok::OBrace)
        return true;
    if (s == Tok::CBrace && after == Tok::TemplateSeqEnd)
        return true;
    // no space between consecutive template sequences ("${a}${b}", "%{ if x }${y}")
    if (s == Tok::TemplateSeqEnd && (after == Tok::TemplateInterp || after == Tok::TemplateControl))
        return false;
    if (bracketChange(s) > 0)
        return false;
    if (bracketChange(after) < 0)
        return false;
    return true;
}

} // namespace

int textColumns(const QByteArray &text, int start, int end)
{
    bool ascii = true;
    for (int i = start; i < end; ++i) {
        if (static_cast<unsigned char>(text[i]) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return end - start;
    const QString s = QString::fromUtf8(text.constData() + start, end - start);
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, s);
    int count = 0;
    while (finder.toNextBoundary() != -1)
        ++count;
    return count;
}

FmtLine fmtLineFrom(const std::vector<Token> &tokens, int first)
{
    FmtLine line;
    line.first = first;
    int i = first;
    while (tokens[std::size_t(i)].type != Tok::Newline && tokens[std::size_t(i)].type != Tok::Eof)
        ++i;
    line.end = i;
    line.newline = tokens[std::size_t(i)].type == Tok::Newline ? i : -1;
    int leadEnd = line.end;
    if (line.end - line.first > 1 && tokens[std::size_t(line.end - 1)].type == Tok::Comment) {
        line.comment = line.end - 1;
        leadEnd = line.comment;
    }
    for (int j = line.first + 1; j < leadEnd; ++j) {
        if (tokens[std::size_t(j)].type != Tok::Equal)
            continue;
        int net = 0;
        for (int k = j; k < leadEnd; ++k)
            net += bracketChange(tokens[std::size_t(k)].type);
        if (net == 0)
            line.assign = j;
        break;
    }
    return line;
}

int fmtLineStart(const std::vector<Token> &tokens, int tok)
{
    int i = tok;
    while (i > 0 && tokens[std::size_t(i - 1)].type != Tok::Newline)
        --i;
    return i;
}

int tokenAtOffset(const std::vector<Token> &tokens, int offset)
{
    auto it = std::lower_bound(tokens.begin(), tokens.end(), offset,
                               [](const Token &t, int off) { return t.end <= off; });
    if (it == tokens.end())
        return int(tokens.size()) - 1;
    return int(it - tokens.begin());
}

namespace {

// Lays out the tokens as hclwrite does; writes the result to `out`, or (out == nullptr) only
// checks whether text already is laid out that way.
bool layout(const QByteArray &text, const std::vector<Token> &tokens, QByteArray *out)
{
    std::vector<FmtLine> lines;
    for (int i = 0;;) {
        FmtLine l = fmtLineFrom(tokens, i);
        lines.push_back(l);
        if (l.newline < 0)
            break;
        i = l.newline + 1;
    }
    const std::size_t n = tokens.size();
    std::vector<int> spaces(n, 0); // spaces before each token
    std::vector<int> indent(lines.size(), 0);
    std::vector<int> indents;
    auto width = [&](int t) {
        const Token &tk = tokens[std::size_t(t)];
        return textColumns(text, tk.start, tk.end);
    };

    for (std::size_t li = 0; li < lines.size(); ++li) {
        const FmtLine &l = lines[li];
        if (l.blank())
            continue;
        const int codeEnd = l.comment >= 0 ? l.comment : l.end;
        int net = 0;
        for (int t = l.first; t < codeEnd; ++t) {
            const Tok ty = tokens[std::size_t(t)].type;
            net += bracketChange(ty);
            if (ty == Tok::OHeredoc)
                break;
        }
        if (net < 0) {
            int closed = -net;
            while (closed > 0 && !indents.empty()) {
                if (closed > indents.back()) {
                    closed -= indents.back();
                    indents.pop_back();
                } else if (closed < indents.back()) {
                    indents.back() -= closed;
                    closed = 0;
                } else {
                    indents.pop_back();
                    closed = 0;
                }
            }
        }
        indent[li] = 2 * int(indents.size());
        if (net > 0)
            indents.push_back(net);

        auto cell = [&](int from, int to) {
            for (int t = from; t < to; ++t) {
                const Tok before = t > from ? tokens[std::size_t(t - 1)].type : Tok::Eof;
                const Tok after = t + 1 < to ? tokens[std::size_t(t + 1)].type : Tok::Eof;
                if (t + 1 < to)
                    spaces[std::size_t(t + 1)] =
                        spaceAfter(text, tokens[std::size_t(t)], before, after) ? 1 : 0;
            }
        };
        const int leadEnd = l.assign >= 0 ? l.assign : codeEnd;
        cell(l.first, leadEnd);
        if (l.assign >= 0) {
            cell(l.assign, codeEnd);
            spaces[std::size_t(l.assign)] = 1;
        }
        if (l.comment >= 0)
            spaces[std::size_t(l.comment)] = 1;
    }

    auto cols = [&](int from, int to) {
        int c = 0;
        for (int t = from; t < to; ++t)
            c += spaces[std::size_t(t)] + width(t);
        return c;
    };
    std::vector<int> leadCols(lines.size(), 0);
    for (std::size_t li = 0; li < lines.size(); ++li) {
        const FmtLine &l = lines[li];
        if (l.assign >= 0)
            leadCols[li] = indent[li] - spaces[std::size_t(l.first)] + cols(l.first, l.assign);
    }
    // '=' runs
    for (std::size_t li = 0; li < lines.size();) {
        if (lines[li].assign < 0) {
            ++li;
            continue;
        }
        std::size_t e = li;
        int maxCols = 0;
        while (e < lines.size() && lines[e].assign >= 0) {
            maxCols = std::max(maxCols, leadCols[e]);
            ++e;
        }
        for (std::size_t k = li; k < e; ++k)
            spaces[std::size_t(lines[k].assign)] = maxCols - leadCols[k] + 1;
        li = e;
    }
    // comment runs
    for (std::size_t li = 0; li < lines.size();) {
        if (lines[li].comment < 0) {
            ++li;
            continue;
        }
        std::size_t e = li;
        int maxCols = 0;
        std::vector<int> widths;
        while (e < lines.size() && lines[e].comment >= 0) {
            const FmtLine &l = lines[e];
            const int w = indent[e] - spaces[std::size_t(l.first)] + cols(l.first, l.comment);
            widths.push_back(w);
            maxCols = std::max(maxCols, w);
            ++e;
        }
        for (std::size_t k = li; k < e; ++k)
            spaces[std::size_t(lines[k].comment)] = maxCols - widths[k - li] + 1;
        li = e;
    }

    if (!out) {
        auto spacesOnly = [&](int a, int b) {
            for (int i = a; i < b; ++i)
                if (text[i] != ' ')
                    return false;
            return true;
        };
        int lineStart = 0;
        for (std::size_t li = 0; li < lines.size(); ++li) {
            const FmtLine &l = lines[li];
            int end = lineStart;
            if (!l.blank()) {
                const Token &f = tokens[std::size_t(l.first)];
                if (f.start - lineStart != indent[li] || !spacesOnly(lineStart, f.start))
                    return false;
                for (int t = l.first + 1; t < l.end; ++t) {
                    const Token &a = tokens[std::size_t(t - 1)];
                    const Token &b = tokens[std::size_t(t)];
                    if (b.start - a.end != spaces[std::size_t(t)] || !spacesOnly(a.end, b.start))
                        return false;
                }
                end = tokens[std::size_t(l.end - 1)].end;
            }
            const int next =
                l.newline >= 0 ? tokens[std::size_t(l.newline)].start : int(text.size());
            if (next != end)
                return false;
            if (l.newline >= 0)
                lineStart = tokens[std::size_t(l.newline)].end;
        }
        return true;
    }
    out->reserve(text.size() + text.size() / 8);
    for (std::size_t li = 0; li < lines.size(); ++li) {
        const FmtLine &l = lines[li];
        if (!l.blank()) {
            out->append(indent[li], ' ');
            for (int t = l.first; t < l.end; ++t) {
                if (t > l.first)
                    out->append(spaces[std::size_t(t)], ' ');
                const Token &tk = tokens[std::size_t(t)];
                out->append(text.constData() + tk.start, tk.end - tk.start);
            }
        }
        if (l.newline >= 0) {
            const Token &nl = tokens[std::size_t(l.newline)];
            out->append(text.constData() + nl.start, nl.end - nl.start);
        }
    }
    return true;
}

} // namespace

QByteArray formatTokens(const QByteArray &text, const std::vector<Token> &tokens)
{
    QByteArray out;
    layout(text, tokens, &out);
    return out;
}

bool isFormatted(const QByteArray &text, const std::vector<Token> &tokens)
{
    return layout(text, tokens, nullptr);
}

} // namespace kanri::hcl

#include "hcllexer.h"

#include <QCoreApplication>

#include <cstring>
#include <optional>

namespace kanri::hcl {

namespace {

bool isIdentStart(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool isIdentChar(unsigned char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9') || c == '-';
}

bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

enum class Mode { Normal, Quoted, Heredoc };

struct ModeState
{
    Mode mode = Mode::Normal;
    bool inTemplate = false; // Normal mode opened by ${ or %{
    int braceDepth = 0;
    QByteArray marker; // heredoc
    bool atLineStart = true;
};

class Lexer
{
public:
    Lexer(const QByteArray &text, const QString &fileName, int start, int end)
        : m_text(text)
        , m_data(text.constData())
        , m_size(end)
        , m_fileName(fileName)
        , m_pos(start)
    {}

    Result<std::vector<Token>> run()
    {
        m_tokens.reserve(std::size_t((m_size - m_pos) / 4 + 16));
        if (m_pos == 0 && m_size >= 3 && (unsigned char)m_data[0] == 0xEF &&
            (unsigned char)m_data[1] == 0xBB && (unsigned char)m_data[2] == 0xBF)
            return error(0, tr("byte-order mark is not allowed in HCL files"));
        m_modes.push_back(ModeState{});
        while (m_pos < m_size) {
            ModeState &st = m_modes.back();
            std::optional<Error> err;
            switch (st.mode) {
            case Mode::Normal:
                // Fast paths for the bulk of a file: indentation and identifiers.
                while (m_pos < m_size && (m_data[m_pos] == ' ' || m_data[m_pos] == '\t'))
                    ++m_pos;
                if (m_pos >= m_size)
                    break;
                if (const unsigned char c = (unsigned char)m_data[m_pos]; isIdentStart(c)) {
                    int e = m_pos + 1;
                    while (e < m_size && isIdentChar((unsigned char)m_data[e]))
                        ++e;
                    pushToken(Tok::Ident, m_pos, e);
                    m_pos = e;
                    break;
                }
                err = normal(st);
                break;
            case Mode::Quoted:
                err = quoted();
                break;
            case Mode::Heredoc:
                err = heredoc(st);
                break;
            }
            if (err)
                return std::unexpected(*err);
        }
        const ModeState &last = m_modes.back();
        if (last.mode == Mode::Quoted)
            return error(m_size, tr("unterminated template string"));
        if (last.mode == Mode::Heredoc)
            return error(m_size, tr("unterminated heredoc; expected a line containing only %1")
                                     .arg(QString::fromUtf8(last.marker)));
        if (last.inTemplate)
            return error(m_size, tr("unterminated template interpolation"));
        m_tokens.push_back(Token{Tok::Eof, m_size, m_size});
        return std::move(m_tokens);
    }

private:
    static QString tr(const char *s) { return QCoreApplication::translate("kanri::hcl", s); }

    std::unexpected<Error> error(int offset, const QString &message) const
    {
        const TextPos p = textPosition(m_text, offset);
        return failAt(Error::Code::Syntax, message, m_fileName, p.line, p.column);
    }
    std::optional<Error> err(int offset, const QString &message) const
    {
        return error(offset, message).error();
    }

    void pushToken(Tok t, int start, int end) { m_tokens.push_back(Token{t, start, end}); }
    char at(int i) const { return i < m_size ? m_data[i] : '\0'; }

    std::optional<Error> normal(ModeState &st)
    {
        const int p = m_pos;
        const unsigned char c = (unsigned char)m_data[p];
        auto single = [&](Tok t, int len) {
            pushToken(t, p, p + len);
            m_pos = p + len;
        };
        switch (c) {
        case ' ':
        case '\t':
            ++m_pos;
            return {};
        case '\r':
            if (at(p + 1) == '\n') {
                single(Tok::Newline, 2);
                return {};
            }
            return err(p, tr("invalid character: a carriage return must be followed by a "
                             "line feed"));
        case '\n':
            single(Tok::Newline, 1);
            return {};
        case '#':
            lineComment(p);
            return {};
        case '/':
            if (at(p + 1) == '/') {
                lineComment(p);
                return {};
            }
            if (at(p + 1) == '*') {
                const int close = int(m_text.indexOf("*/", p + 2));
                if (close < 0)
                    return err(p, tr("unterminated block comment"));
                single(Tok::BlockComment, close + 2 - p);
                return {};
            }
            single(Tok::Slash, 1);
            return {};
        case '"':
            single(Tok::OQuote, 1);
            m_modes.push_back(ModeState{Mode::Quoted, false, 0, {}, false});
            return {};
        case '{':
            ++st.braceDepth;
            single(Tok::OBrace, 1);
            return {};
        case '}':
            if (st.braceDepth == 0 && st.inTemplate) {
                single(Tok::TemplateSeqEnd, 1);
                m_modes.pop_back();
                return {};
            }
            if (st.braceDepth > 0)
                --st.braceDepth;
            single(Tok::CBrace, 1);
            return {};
        case '~':
            if (at(p + 1) == '}' && st.braceDepth == 0 && st.inTemplate) {
                single(Tok::TemplateSeqEnd, 2);
                m_modes.pop_back();
                return {};
            }
            return err(p, tr("invalid character '~'"));
        case '[':
            single(Tok::OBrack, 1);
            return {};
        case ']':
            single(Tok::CBrack, 1);
            return {};
        case '(':
            single(Tok::OParen, 1);
            return {};
        case ')':
            single(Tok::CParen, 1);
            return {};
        case '=':
            if (at(p + 1) == '=')
                single(Tok::EqualOp, 2);
            else if (at(p + 1) == '>')
                single(Tok::FatArrow, 2);
            else
                single(Tok::Equal, 1);
            return {};
        case ':':
            if (at(p + 1) == ':')
                single(Tok::DoubleColon, 2);
            else
                single(Tok::Colon, 1);
            return {};
        case ',':
            single(Tok::Comma, 1);
            return {};
        case '.':
            if (at(p + 1) == '.' && at(p + 2) == '.')
                single(Tok::Ellipsis, 3);
            else
                single(Tok::Dot, 1);
            return {};
        case '?':
            single(Tok::Question, 1);
            return {};
        case '+':
            single(Tok::Plus, 1);
            return {};
        case '-':
            single(Tok::Minus, 1);
            return {};
        case '*':
            single(Tok::Star, 1);
            return {};
        case '%':
            single(Tok::Percent, 1);
            return {};
        case '!':
            if (at(p + 1) == '=')
                single(Tok::NotEqual, 2);
            else
                single(Tok::Bang, 1);
            return {};
        case '<':
            if (at(p + 1) == '<')
                return heredocStart(p);
            if (at(p + 1) == '=')
                single(Tok::Le, 2);
            else
                single(Tok::Lt, 1);
            return {};
        case '>':
            if (at(p + 1) == '=')
                single(Tok::Ge, 2);
            else
                single(Tok::Gt, 1);
            return {};
        case '&':
            if (at(p + 1) == '&') {
                single(Tok::And, 2);
                return {};
            }
            return err(p, tr("invalid character '&'; did you mean '&&'?"));
        case '|':
            if (at(p + 1) == '|') {
                single(Tok::Or, 2);
                return {};
            }
            return err(p, tr("invalid character '|'; did you mean '||'?"));
        default:
            break;
        }
        if (isDigit(c)) {
            int e = p;
            while (e < m_size && isDigit((unsigned char)m_data[e]))
                ++e;
            if (at(e) == '.' && isDigit((unsigned char)at(e + 1))) {
                ++e;
                while (e < m_size && isDigit((unsigned char)m_data[e]))
                    ++e;
            }
            if (at(e) == 'e' || at(e) == 'E') {
                int f = e + 1;
                if (at(f) == '+' || at(f) == '-')
                    ++f;
                if (isDigit((unsigned char)at(f))) {
                    while (f < m_size && isDigit((unsigned char)m_data[f]))
                        ++f;
                    e = f;
                }
            }
            pushToken(Tok::Number, p, e);
            m_pos = e;
            return {};
        }
        if (isIdentStart(c)) {
            int e = p + 1;
            while (e < m_size && isIdentChar((unsigned char)m_data[e]))
                ++e;
            pushToken(Tok::Ident, p, e);
            m_pos = e;
            return {};
        }
        return err(p,
                   tr("invalid character '%1'").arg(QString::fromLatin1(QByteArray(1, char(c)))));
    }

    void lineComment(int p)
    {
        int e = p;
        while (e < m_size && m_data[e] != '\n')
            ++e;
        if (e > p && m_data[e - 1] == '\r' && e < m_size)
            --e;
        pushToken(Tok::Comment, p, e);
        m_pos = e;
    }

    std::optional<Error> heredocStart(int p)
    {
        int e = p + 2;
        if (at(e) == '-')
            ++e;
        const int markerStart = e;
        if (!isIdentStart((unsigned char)at(e)) || (unsigned char)at(e) >= 0x80)
            return err(p, tr("invalid heredoc introducer; expected an identifier after '<<'"));
        while (e < m_size && isIdentChar((unsigned char)m_data[e]))
            ++e;
        const QByteArray marker = m_text.mid(markerStart, e - markerStart);
        if (at(e) == '\r' && at(e + 1) == '\n')
            e += 2;
        else if (at(e) == '\n')
            e += 1;
        else
            return err(e, tr("a heredoc introducer must be followed by a line break"));
        pushToken(Tok::OHeredoc, p, e);
        m_pos = e;
        m_modes.push_back(ModeState{Mode::Heredoc, false, 0, marker, true});
        return {};
    }

    std::optional<Error> quoted()
    {
        const int p = m_pos;
        const char c = m_data[p];
        if (c == '"') {
            pushToken(Tok::CQuote, p, p + 1);
            m_pos = p + 1;
            m_modes.pop_back();
            return {};
        }
        if (c == '\n' || (c == '\r' && at(p + 1) == '\n'))
            return err(p, tr("unterminated template string"));
        if (const int n = templateOpen(p)) {
            m_pos = p + n;
            return {};
        }
        int e = p;
        while (e < m_size) {
            const char d = m_data[e];
            if (d == '"' || d == '\n' || (d == '\r' && at(e + 1) == '\n'))
                break;
            if (d == '\\') {
                if (at(e + 1) == '\n' || at(e + 1) == '\r' || e + 1 >= m_size)
                    return err(e, tr("unterminated template string"));
                e += 2;
                continue;
            }
            if ((d == '$' || d == '%') && at(e + 1) == d && at(e + 2) == '{') {
                e += 3;
                continue;
            }
            if ((d == '$' || d == '%') && at(e + 1) == '{')
                break;
            ++e;
        }
        pushToken(Tok::QuotedLit, p, e);
        m_pos = e;
        return {};
    }

    // "${" / "%{" (with optional strip marker) at p: emits the token, enters an interpolation.
    int templateOpen(int p)
    {
        const char c = m_data[p];
        if ((c != '$' && c != '%') || at(p + 1) != '{')
            return 0;
        const int len = at(p + 2) == '~' ? 3 : 2;
        pushToken(c == '$' ? Tok::TemplateInterp : Tok::TemplateControl, p, p + len);
        m_modes.push_back(ModeState{Mode::Normal, true, 0, {}, false});
        return len;
    }

    std::optional<Error> heredoc(ModeState &st)
    {
        const int p = m_pos;
        if (st.atLineStart) {
            int e = p;
            while (e < m_size && (m_data[e] == ' ' || m_data[e] == '\t'))
                ++e;
            const int len = int(st.marker.size());
            if (e + len <= m_size && std::memcmp(m_data + e, st.marker.constData(), len) == 0) {
                // Whitespace after the marker is allowed, and belongs to the marker's token.
                int after = e + len;
                while (after < m_size && (m_data[after] == ' ' || m_data[after] == '\t'))
                    ++after;
                if (after == m_size || m_data[after] == '\n' ||
                    (m_data[after] == '\r' && at(after + 1) == '\n')) {
                    pushToken(Tok::CHeredoc, p, after);
                    m_pos = after;
                    m_modes.pop_back();
                    return {};
                }
            }
        }
        if ((m_data[p] == '$' || m_data[p] == '%') && at(p + 1) == '{') {
            st.atLineStart = false; // before templateOpen: pushing a mode invalidates `st`
            m_pos = p + templateOpen(p);
            return {};
        }
        int e = p;
        bool eol = false;
        while (e < m_size) {
            const char d = m_data[e];
            if (d == '\n') {
                ++e;
                eol = true;
                break;
            }
            if ((d == '$' || d == '%') && at(e + 1) == d && at(e + 2) == '{') {
                e += 3;
                continue;
            }
            if ((d == '$' || d == '%') && at(e + 1) == '{')
                break;
            ++e;
        }
        pushToken(Tok::StringLit, p, e);
        m_pos = e;
        st.atLineStart = eol;
        return {};
    }

    const QByteArray &m_text;
    const char *m_data;
    int m_size;
    QString m_fileName;
    int m_pos;
    std::vector<Token> m_tokens;
    std::vector<ModeState> m_modes;
};

} // namespace

Result<std::vector<Token>> lexHcl(const QByteArray &text, const QString &fileName)
{
    return Lexer(text, fileName, 0, int(text.size())).run();
}

Result<std::vector<Token>> lexHclRange(const QByteArray &text, const QString &fileName, int start,
                                       int end)
{
    return Lexer(text, fileName, start, end).run();
}

TextPos textPosition(const QByteArray &text, int offset)
{
    int line = 1;
    int lineStart = 0;
    const int end = std::min(offset, int(text.size()));
    for (int i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    int column = 1;
    for (int i = lineStart; i < end; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++column;
    }
    return {line, column};
}

} // namespace kanri::hcl

#include "hcl/hcllexer.h"

#include <QCoreApplication>

#include <bit>
#include <cmath>
#include <cstring>
#include <optional>

namespace kanri::hcl {

namespace {

bool isAsciiIdentStart(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isAsciiIdentChar(unsigned char c)
{
    return isAsciiIdentStart(c) || (c >= '0' && c <= '9') || c == '-';
}

bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(char c)
{
    return isDigit((unsigned char)c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Identifiers are Unicode's ID_Start (or '_') followed by ID_Continue or '-', as in hclsyntax.
bool isIdStart(char32_t cp)
{
    if (cp < 0x80)
        return isAsciiIdentStart((unsigned char)cp);
    switch (cp) {
    case 0x1885:
    case 0x1886:
    case 0x2118:
    case 0x212E:
    case 0x309B:
    case 0x309C: // Other_ID_Start
        return true;
    default:
        break;
    }
    switch (QChar::category(cp)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_Letter:
        return true;
    default:
        return false;
    }
}

bool isIdContinue(char32_t cp)
{
    if (cp < 0x80)
        return isAsciiIdentChar((unsigned char)cp);
    if (isIdStart(cp))
        return true;
    if (cp == 0x00B7 || cp == 0x0387 || (cp >= 0x1369 && cp <= 0x1371) || cp == 0x19DA)
        return true; // Other_ID_Continue
    switch (QChar::category(cp)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Number_DecimalDigit:
    case QChar::Punctuation_Connector:
        return true;
    default:
        return false;
    }
}

// Go's unicode.IsSpace: what hclsyntax trims around a heredoc's closing marker.
bool isUnicodeSpace(char32_t cp)
{
    switch (cp) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x2028:
    case 0x2029:
        return true;
    default:
        return cp > 0xFF && QChar::category(cp) == QChar::Separator_Space;
    }
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
    Q_DECLARE_TR_FUNCTIONS(kanri::hcl::Lexer)

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
        // hclsyntax skips a UTF-8 byte-order mark; it stays in the text, outside every token.
        if (m_pos == 0 && m_size >= 3 && (unsigned char)m_data[0] == 0xEF &&
            (unsigned char)m_data[1] == 0xBB && (unsigned char)m_data[2] == 0xBF)
            m_pos = 3;
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
                if (const unsigned char c = (unsigned char)m_data[m_pos]; isAsciiIdentStart(c)) {
                    const int e = identEnd(m_pos + 1);
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

    // Length of the valid UTF-8 sequence at i (0 when invalid), its code point in cp.
    int utf8At(int i, char32_t &cp) const { return decodeUtf8(m_data + i, m_size - i, cp); }

    // End of the identifier whose remaining characters start at i.
    int identEnd(int i) const
    {
        while (i < m_size) {
            const unsigned char c = (unsigned char)m_data[i];
            if (c < 0x80) {
                if (!isAsciiIdentChar(c))
                    break;
                ++i;
                continue;
            }
            char32_t cp = 0;
            const int len = utf8At(i, cp);
            if (len == 0 || !isIdContinue(cp))
                break;
            i += len;
        }
        return i;
    }

    // Checks that text[from, to) is valid UTF-8, as hclsyntax requires of strings.
    std::optional<Error> checkUtf8(int from, int to) const
    {
        for (int i = from; i < to;) {
            if ((unsigned char)m_data[i] < 0x80) {
                ++i;
                continue;
            }
            char32_t cp = 0;
            const int len = decodeUtf8(m_data + i, to - i, cp);
            if (len == 0)
                return err(i, tr("invalid character encoding: files must be UTF-8"));
            i += len;
        }
        return {};
    }

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
            // As hclsyntax's scanner: a digit, then digits, dots and exponents ("e", a sign, a
            // digit) as far as they go, without a final dot; then it must be one number.
            int e = p + 1;
            while (e < m_size) {
                const char d = m_data[e];
                if (isDigit((unsigned char)d) || d == '.') {
                    ++e;
                } else if ((d == 'e' || d == 'E') && isDigit((unsigned char)at(e + 1))) {
                    e += 2;
                } else if ((d == 'e' || d == 'E') && (at(e + 1) == '+' || at(e + 1) == '-') &&
                           isDigit((unsigned char)at(e + 2))) {
                    e += 3;
                } else {
                    break;
                }
            }
            while (m_data[e - 1] == '.')
                --e;
            const QByteArrayView number(m_data + p, e - p);
            if (!isNumberLiteral(number))
                return err(p, tr("invalid number literal %1").arg(QString::fromLatin1(number)));
            if (!numberInRange(number))
                return err(p, tr("invalid number literal: its exponent is out of range"));
            pushToken(Tok::Number, p, e);
            m_pos = e;
            return {};
        }
        if (c >= 0x80) {
            char32_t cp = 0;
            const int len = utf8At(p, cp);
            if (len == 0)
                return err(p, tr("invalid character encoding: files must be UTF-8"));
            if (isIdStart(cp)) {
                const int e = identEnd(p + len);
                pushToken(Tok::Ident, p, e);
                m_pos = e;
                return {};
            }
            return err(p, tr("invalid character %1").arg(shownCharacter(cp)));
        }
        return err(p, tr("invalid character %1").arg(shownCharacter(char32_t(c))));
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
        {
            char32_t cp = 0;
            const int len = (unsigned char)at(e) < 0x80 ? 1 : utf8At(e, cp);
            if (len == 1)
                cp = (unsigned char)at(e);
            if (len == 0 || !isIdStart(cp))
                return err(p, tr("invalid heredoc introducer; expected an identifier after '<<'"));
            e = identEnd(e + len);
        }
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
        bool nonAscii = false;
        while (e < m_size) {
            const char d = m_data[e];
            if (d == '"' || d == '\n' || (d == '\r' && at(e + 1) == '\n'))
                break;
            if (d == '\\') {
                if (auto bad = escapeAt(e))
                    return bad;
                const char n = at(e + 1);
                e += n == 'u' ? 6 : n == 'U' ? 10 : 2;
                continue;
            }
            if ((d == '$' || d == '%') && at(e + 1) == d && at(e + 2) == '{') {
                e += 3;
                continue;
            }
            if ((d == '$' || d == '%') && at(e + 1) == '{')
                break;
            nonAscii = nonAscii || (unsigned char)d >= 0x80;
            ++e;
        }
        if (nonAscii)
            if (auto bad = checkUtf8(p, e))
                return bad;
        pushToken(Tok::QuotedLit, p, e);
        m_pos = e;
        return {};
    }

    // The escape sequence at the backslash at i, checked as hclsyntax decodes it: \n \r \t
    // \" \\, \u with four and \U with eight hex digits naming a character UTF-8 can encode.
    std::optional<Error> escapeAt(int i) const
    {
        const char n = at(i + 1);
        if (i + 1 >= m_size || n == '\n' || n == '\r')
            return err(i, tr("unterminated template string"));
        switch (n) {
        case 'n':
        case 'r':
        case 't':
        case '"':
        case '\\':
            return {};
        case 'u':
        case 'U': {
            const int digits = n == 'u' ? 4 : 8;
            char32_t cp = 0;
            for (int k = 0; k < digits; ++k) {
                const char h = at(i + 2 + k);
                if (i + 2 + k >= m_size || !isHexDigit(h))
                    return err(i, n == 'u' ? tr("invalid escape sequence: \\u must be followed "
                                                "by four hexadecimal digits")
                                           : tr("invalid escape sequence: \\U must be followed "
                                                "by eight hexadecimal digits"));
                cp =
                    cp * 16 + char32_t(isDigit((unsigned char)h) ? h - '0' : (h | 0x20) - 'a' + 10);
            }
            if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
                return err(i, tr("invalid escape sequence: character U+%1 cannot be encoded in "
                                 "UTF-8")
                                  .arg(uint(cp), 4, 16, QLatin1Char('0'))
                                  .toUpper());
            return {};
        }
        default:
            break;
        }
        char32_t cp = (unsigned char)n;
        if ((unsigned char)n >= 0x80 && utf8At(i + 1, cp) == 0)
            return err(i + 1, tr("invalid character encoding: files must be UTF-8"));
        return err(i, tr("invalid escape sequence \\%1")
                          .arg(isControl(cp) ? shownCharacter(cp) : codePointToString(cp)));
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
            // A line holding only the marker (with any white space around it, and a line break
            // after it) closes the heredoc; the token ends before the line break.
            const int nl = int(m_text.indexOf('\n', p));
            if (nl >= 0 && nl < m_size && isClosingLine(p, nl, st.marker)) {
                const int end = m_data[nl - 1] == '\r' ? nl - 1 : nl;
                pushToken(Tok::CHeredoc, p, end);
                m_pos = end;
                m_modes.pop_back();
                return {};
            }
        }
        if ((m_data[p] == '$' || m_data[p] == '%') && at(p + 1) == '{') {
            st.atLineStart = false; // before templateOpen: pushing a mode invalidates `st`
            m_pos = p + templateOpen(p);
            return {};
        }
        int e = p;
        bool eol = false;
        bool nonAscii = false;
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
            nonAscii = nonAscii || (unsigned char)d >= 0x80;
            ++e;
        }
        if (nonAscii)
            if (auto bad = checkUtf8(p, e))
                return bad;
        pushToken(Tok::StringLit, p, e);
        m_pos = e;
        st.atLineStart = eol;
        return {};
    }

    // Whether text[from, to) is the marker with only white space (Unicode's) around it.
    bool isClosingLine(int from, int to, const QByteArray &marker) const
    {
        auto spaceAt = [&](int i, int limit) {
            const unsigned char c = (unsigned char)m_data[i];
            if (c < 0x80)
                return isUnicodeSpace(c) ? 1 : 0;
            char32_t cp = 0;
            const int len = decodeUtf8(m_data + i, limit - i, cp);
            return len > 0 && isUnicodeSpace(cp) ? len : 0;
        };
        int a = from;
        while (a < to) {
            const int n = spaceAt(a, to);
            if (n == 0)
                break;
            a += n;
        }
        const int len = int(marker.size());
        if (to - a < len || std::memcmp(m_data + a, marker.constData(), std::size_t(len)) != 0)
            return false;
        for (int b = a + len; b < to;) {
            const int n = spaceAt(b, to);
            if (n == 0)
                return false;
            b += n;
        }
        return true;
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

int decodeUtf8(const char *p, qsizetype n, char32_t &cp)
{
    if (n <= 0)
        return 0;
    const unsigned char c = (unsigned char)p[0];
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    int len = 0;
    char32_t min = 0;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (int i = 1; i < len; ++i) {
        const unsigned char d = (unsigned char)p[i];
        if ((d & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

QString utf8ToString(QByteArrayView utf8)
{
    QString out;
    while (utf8.startsWith("\xEF\xBB\xBF")) {
        out += QChar(0xFEFF);
        utf8 = utf8.sliced(3);
    }
    if (out.isEmpty())
        return QString::fromUtf8(utf8);
    return out + QString::fromUtf8(utf8);
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

bool isControl(char32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

QString shownCharacter(char32_t cp)
{
    if (isControl(cp))
        return QStringLiteral("U+%1").arg(uint(cp), 4, 16, QLatin1Char('0')).toUpper();
    return QLatin1Char('\'') + codePointToString(cp) + QLatin1Char('\'');
}

QString codePointToString(char32_t cp)
{
    if (cp > 0xFFFF) {
        const QChar pair[2] = {QChar(QChar::highSurrogate(cp)), QChar(QChar::lowSurrogate(cp))};
        return QString(pair, 2);
    }
    return QString(QChar(char16_t(cp)));
}

bool isNumberLiteral(QByteArrayView t)
{
    // digits, then maybe a dot and digits (maybe none), then maybe an exponent
    qsizetype i = 0;
    while (i < t.size() && isDigit((unsigned char)t[i]))
        ++i;
    if (i == 0)
        return false;
    if (i < t.size() && t[i] == '.') {
        ++i;
        while (i < t.size() && isDigit((unsigned char)t[i]))
            ++i;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-'))
            ++i;
        const qsizetype digits = i;
        while (i < t.size() && isDigit((unsigned char)t[i]))
            ++i;
        if (i == digits)
            return false;
    }
    return i == t.size();
}

bool numberInRange(QByteArrayView number)
{
    // hclsyntax reads numbers with Go's big.ParseFloat, which refuses an exponent that does not
    // fit in 64 bits, and a binary exponent (the mantissa digits' bit length, less the fraction
    // digits, plus the exponent) outside 32 bits.
    qsizetype i = 0;
    QByteArray digits;
    qint64 fraction = 0;
    bool inFraction = false;
    for (; i < number.size() && number[i] != 'e' && number[i] != 'E'; ++i) {
        if (number[i] == '.') {
            inFraction = true;
            continue;
        }
        if (digits.isEmpty() && number[i] == '0') {
            if (inFraction)
                ++fraction;
            continue;
        }
        digits += number[i];
        if (inFraction)
            ++fraction;
    }
    if (i == number.size())
        return true; // no exponent: Kanri holds numbers as text, any length is fine
    ++i;
    bool negative = false;
    if (i < number.size() && (number[i] == '+' || number[i] == '-'))
        negative = number[i++] == '-';
    // |exponent| <= 2^63 - 1 (Go's ParseInt limit, the same for both signs here)
    QByteArrayView exp = number.sliced(i);
    while (exp.size() > 1 && exp.front() == '0')
        exp = exp.sliced(1);
    if (exp.size() > 19 || (exp.size() == 19 && exp > QByteArrayView("9223372036854775807")))
        return false;
    if (digits.isEmpty())
        return true; // zero
    const qint64 e = exp.toLongLong() * (negative ? -1 : 1);
    // bit length of the mantissa digits: exact up to 19 digits, from log2 beyond
    qint64 bits = 0;
    if (digits.size() <= 19) {
        bits = std::bit_width(digits.toULongLong());
    } else {
        const double lead = digits.left(17).toDouble();
        bits =
            qint64(std::floor(std::log2(lead) + double(digits.size() - 17) * std::log2(10.0))) + 1;
    }
    // exp2 = bits - fraction + e within [-2^31, 2^31 - 1], computed without overflow
    const long double exp2 = (long double)bits - (long double)fraction + (long double)e;
    return exp2 >= -2147483648.0L && exp2 <= 2147483647.0L;
}

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

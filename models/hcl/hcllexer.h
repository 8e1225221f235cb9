#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <vector>

namespace kanri::hcl {

// Token types of HCL2 native syntax, modelled on hclsyntax's scanner so that the formatter can
// follow hclwrite's rules token by token.
enum class Tok : std::uint8_t {
    Newline,      // "\n" or "\r\n"
    Comment,      // "# ..." or "// ..." up to (not including) the line break
    BlockComment, // "/* ... */"
    Ident,        // identifiers may contain '-'
    Number,
    OQuote,
    CQuote,
    QuotedLit,       // literal text of a quoted template, escapes undecoded
    TemplateInterp,  // "${" or "${~"
    TemplateControl, // "%{" or "%{~"
    TemplateSeqEnd,  // "}" or "~}" closing one of the two above
    OHeredoc,        // "<<EOT\n" / "<<-EOT\n", line break included
    StringLit,       // one heredoc body line (or the part of it around interpolations)
    CHeredoc,        // closing marker with its indentation
    OBrace,
    CBrace,
    OBrack,
    CBrack,
    OParen,
    CParen,
    Equal,
    Colon,
    DoubleColon,
    Comma,
    Dot,
    Ellipsis,
    Question,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    EqualOp,
    NotEqual,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    Bang,
    FatArrow,
    Eof,
};

struct Token
{
    Tok type;
    int start; // byte offsets into the text, [start, end)
    int end;
};

// Splits text into tokens; whitespace (spaces, tabs) is the gap between tokens, so the text can
// always be rebuilt from it. A UTF-8 byte-order mark at the start is skipped (as hclsyntax does).
// Fails on an unterminated string, heredoc or block comment, on characters that cannot start a
// token, on invalid UTF-8 outside comments, on escape sequences hclsyntax refuses, and on
// numbers whose exponent it cannot hold.
Result<std::vector<Token>> lexHcl(const QByteArray &text, const QString &fileName);
// Lexes only text[start, end); both must be line starts outside any string or heredoc.
Result<std::vector<Token>> lexHclRange(const QByteArray &text, const QString &fileName, int start,
                                       int end);

// Length of the valid UTF-8 sequence at p (n bytes available), 0 when invalid (overlong,
// surrogate, beyond U+10FFFF, truncated); its code point in cp.
int decodeUtf8(const char *p, qsizetype n, char32_t &cp);

// UTF-8 text as a QString, every character kept: QString::fromUtf8 drops a byte-order mark
// (U+FEFF) at the start of its input, which inside an HCL string is a character like any other.
QString utf8ToString(QByteArrayView utf8);
// Appends the UTF-8 encoding of a code point (QString::fromUcs4 would drop U+FEFF).
void appendUtf8(QByteArray &out, char32_t cp);
QString codePointToString(char32_t cp);
// A C0 or C1 control character (messages show these as U+XXXX, never raw).
bool isControl(char32_t cp);
// A character for a message: 'x', or U+0000 for a control character.
QString shownCharacter(char32_t cp);

// Whether a number token's text is one number (hclsyntax's scanner takes "1.0.5" or "1e5e5" as
// one token, then refuses it), and whether hclsyntax can hold it (Go's big.ParseFloat limits
// the exponent).
bool isNumberLiteral(QByteArrayView number);
bool numberInRange(QByteArrayView number);

// 1-based line and column (in characters) of a byte offset.
struct TextPos
{
    int line;
    int column;
};
TextPos textPosition(const QByteArray &text, int offset);

} // namespace kanri::hcl

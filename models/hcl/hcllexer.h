#pragma once

#include "result.h"

#include <QByteArray>
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
// always be rebuilt from it. Fails on a byte-order mark, an unterminated string, heredoc or
// block comment, and on characters that cannot start a token.
Result<std::vector<Token>> lexHcl(const QByteArray &text, const QString &fileName);
// Lexes only text[start, end); both must be line starts outside any string or heredoc.
Result<std::vector<Token>> lexHclRange(const QByteArray &text, const QString &fileName, int start,
                                       int end);

// 1-based line and column (in characters) of a byte offset.
struct TextPos
{
    int line;
    int column;
};
TextPos textPosition(const QByteArray &text, int offset);

} // namespace kanri::hcl

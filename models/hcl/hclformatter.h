#pragma once

#include "hcl/hcllexer.h"

#include <QByteArray>

#include <vector>

// hclwrite's formatting model (the layout `terraform fmt` produces), shared by formatHcl and by
// the editor, which re-pads the alignment runs an edit touches.
//
// Text is cut into lines at newline tokens (a heredoc body belongs to the line of its "<<EOT").
// Each line has a lead cell, an optional assign cell (from its first '=' that is not the first
// token, when the brackets from there to the end of the line balance) and an optional comment
// cell (a trailing line comment after code). Consecutive lines with an assign cell align their
// '='; consecutive lines with a comment cell align their comments.
namespace kanri::hcl {

struct FmtLine
{
    int first = 0;    // first token of the line
    int end = 0;      // one past the last non-newline token
    int newline = -1; // the Newline token ending the line, -1 at the end of the file
    int assign = -1;  // token starting the assign cell ('='), -1 if none
    int comment = -1; // trailing comment token, -1 if none
    bool blank() const { return first == end; }
};

// The line starting at token `first`.
FmtLine fmtLineFrom(const std::vector<Token> &tokens, int first);
// The first token of the line containing token `tok`.
int fmtLineStart(const std::vector<Token> &tokens, int tok);
// Index of the token whose range contains or follows byte `offset`.
int tokenAtOffset(const std::vector<Token> &tokens, int offset);

// Width in grapheme clusters of text[start, end).
int textColumns(const QByteArray &text, int start, int end);

// Formats already-lexed text.
QByteArray formatTokens(const QByteArray &text, const std::vector<Token> &tokens);
// formatTokens(text, tokens) == text, without building the result.
bool isFormatted(const QByteArray &text, const std::vector<Token> &tokens);

} // namespace kanri::hcl

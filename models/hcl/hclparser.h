#pragma once

#include "hcl/hcllexer.h"
#include "hcl/hclvalue.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <memory>
#include <vector>

// The syntax tree of HCL2 native syntax, as token ranges into the lexed text. Only what map
// discovery and editing need is structured (bodies, object constructors, tuples, literals,
// function calls); every other expression is an opaque token range.
namespace kanri::hcl {

enum class ExprKind { Object, Tuple, String, Template, Number, Bool, Null, Call, Other };

struct ObjectItem;

struct Expr
{
    ExprKind kind = ExprKind::Other;
    int first = 0; // token indices, inclusive
    int last = 0;
    bool isFor = false;            // for expression (Object/Tuple brackets, kind Other)
    bool isParen = false;          // "(expr)"; children[0] is the inner expression
    std::vector<ObjectItem> items; // Object
    std::vector<Expr> children;    // Tuple elements, Call arguments, paren inner
    int callName = -1;             // Call: token of the (last) function name
    bool sequences = false;        // String/Template: holds ${...} or %{...} sequences
};

struct ObjectItem
{
    Expr key;
    int sep = -1; // '=' or ':' token
    Expr value;
    int comma = -1; // ',' after the value, or -1
};

struct Block;

struct Attribute
{
    int name = -1;
    int equal = -1;
    Expr value;
};

struct BodyItem
{
    std::unique_ptr<Attribute> attribute;
    std::unique_ptr<Block> block;
};

struct Body
{
    std::vector<BodyItem> items;
};

struct Block
{
    int type = -1;
    std::vector<Expr> labels; // Ident or String
    int open = -1;
    int close = -1;
    Body body;
};

struct SyntaxTree
{
    QByteArray text;
    std::vector<Token> tokens;
    Body body;

    QByteArrayView tokenView(int i) const
    {
        return QByteArrayView(text.constData() + tokens[std::size_t(i)].start,
                              tokens[std::size_t(i)].end - tokens[std::size_t(i)].start);
    }
    QByteArray tokenText(int i) const
    {
        return text.mid(tokens[i].start, tokens[i].end - tokens[i].start);
    }
    QByteArray source(const Expr &e) const
    {
        return text.mid(tokens[e.first].start, tokens[e.last].end - tokens[e.first].start);
    }
    int startOf(const Expr &e) const { return tokens[e.first].start; }
    int endOf(const Expr &e) const { return tokens[e.last].end; }
    bool isIdent(const Expr &e) const
    {
        return e.first == e.last && tokens[e.first].type == Tok::Ident;
    }
};

// Nesting deeper than this (brackets, parentheses, unary operators, template sequences,
// blocks) is refused with an error rather than risking the stack; JSON and YAML have the same.
inline constexpr int MaxNestingDepth = 200;

// Parses a whole file as hclsyntax.ParseConfig does and refuses what it refuses (apart from
// Terraform's provider::name::function calls, which HCL 2.14 predates): syntax errors, an
// argument set twice in one body ("Attribute redefined"), invalid escapes and encodings,
// numbers out of range, nesting deeper than MaxNestingDepth.
Result<std::shared_ptr<SyntaxTree>> parseHcl(const QByteArray &text, const QString &fileName);

// One item of an object constructor (key, '=' or ':', value, and a ',' right after the value)
// from tree.tokens, which hold that item and then Eof: how an edited map entry is read again
// without parsing the rest of the file.
Result<ObjectItem> parseObjectItem(SyntaxTree &tree, const QString &fileName);

// Object key or label as a plain string: identifiers literally, quoted strings decoded, a
// quoted template ("${var.p}-x") as written between its quotes, a parenthesised key as the
// expression inside, anything else as its source text.
QString keyText(const SyntaxTree &tree, const Expr &key);
// Whether the key names its entry literally (an identifier or a quoted string without template
// sequences), rather than by an expression evaluated by Terraform.
bool isLiteralKey(const SyntaxTree &tree, const Expr &key);

// Whether the expression is a literal: strings and heredocs without template sequences,
// numbers (a '-' before one included), bools, null, and objects (with literal keys) and tuples
// of literals. What Value calls literal.
bool isLiteralExpr(const SyntaxTree &tree, const Expr &e);

// The expression as a Value: a literal (strings decoded, heredocs' indentation removed,
// numbers digit for digit), or an Expression holding its source text.
Value exprToValue(const SyntaxTree &tree, const Expr &e);

// A literal as Qt's JSON (numbers as doubles); any other expression as its source text.
QJsonValue exprToJson(const SyntaxTree &tree, const Expr &e);
// An object constructor's items, each value as exprToJson gives it; the keys of the values that
// are not literals are appended to `expressions`.
QJsonObject objectToJson(const SyntaxTree &tree, const Expr &object, QStringList *expressions);

// Decodes the escapes of a quoted-template literal (\n, \", \\, \uNNNN, $${, %%{); the lexer
// has already refused invalid ones.
QString decodeQuotedLiteral(QByteArrayView raw);

// The string value of a heredoc without template sequences (tokens first..last: the opener,
// its lines, the closing marker), as hclsyntax reads it: for <<- the smallest indentation of
// its non-blank lines (in grapheme clusters of white space) is removed from them.
QString decodeHeredoc(const SyntaxTree &tree, const Expr &e);

} // namespace kanri::hcl

#pragma once

#include "hcllexer.h"

#include <QByteArrayView>
#include <QJsonValue>

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

Result<std::shared_ptr<SyntaxTree>> parseHcl(const QByteArray &text, const QString &fileName);

// One item of an object constructor (key, '=' or ':', value, and a ',' right after the value)
// from tree.tokens, which hold that item and then Eof: how an edited map entry is read again
// without parsing the rest of the file.
Result<ObjectItem> parseObjectItem(SyntaxTree &tree, const QString &fileName);

// Object key or label as a plain string: identifiers literally, quoted strings decoded,
// anything else as its source text (without the parentheses).
QString keyText(const SyntaxTree &tree, const Expr &key);

// Literal value as JSON: strings decoded, heredocs without interpolation decoded, numbers,
// bools, null, objects and tuples recursively; anything else as its source text.
QJsonValue exprToJson(const SyntaxTree &tree, const Expr &e);

// Decodes the escapes of a quoted-template literal (\n, \", \\, \uNNNN, $${, %%{).
QString decodeQuotedLiteral(QByteArrayView raw);

} // namespace kanri::hcl

#pragma once

#include "core/result.h"
#include "hcl/hclparser.h"
#include "terraform/tfvalue.h"

#include <QString>

#include <memory>
#include <vector>

// HCL native-syntax expressions as a tree the evaluator walks. hcl::parseHcl has checked the
// syntax and keeps expressions as token ranges; parseExpression turns one such range into
// nodes, following hclsyntax's grammar (precedence, newlines significant inside object
// constructors only, splats, template strip markers `~`).
namespace kanri::terraform {

// One parsed file: its syntax tree and name, shared by the nodes that point into it.
struct SourceFile
{
    QString name; // path relative to the root module
    std::shared_ptr<hcl::SyntaxTree> tree;
    // "name:line:col" of a byte offset.
    QString position(int offset) const;
};

struct Node;
using NodePtr = std::shared_ptr<const Node>;

struct Node
{
    enum class Kind {
        Literal,     // value
        Template,    // parts (strings and expressions, TemplateIf, TemplateFor); wrap: one part
        TemplateIf,  // a = condition, b = then (Template), c = else (Template or null)
        TemplateFor, // keyVar?, valueVar, a = collection, b = body (Template)
        Variable,    // name: a root name (var, local, each, aws_iam_user, a for variable...)
        GetAttr,     // a.name
        Index,       // a[b]
        Splat,       // a = source, b = what each element goes through (from a SplatItem)
        SplatItem,   // the element inside a splat's b
        Call,        // name(parts...), expandLast for `f(x...)`
        Conditional, // a ? b : c
        Binary,      // a op b
        Unary,       // op a
        Tuple,       // parts
        Object,      // parts: key, value, key, value...
        For,         // keyVar?, valueVar, a = collection, b = key (object) or null, c = value,
                     // d = condition or null; object, group
        Paren,       // (a)
    };
    Kind kind = Kind::Literal;
    const SourceFile *file = nullptr;
    int offset = 0; // where the node starts in the file
    Value value;
    QString name;
    QString keyVar;
    hcl::Tok op = hcl::Tok::Eof;
    NodePtr a, b, c, d;
    std::vector<NodePtr> parts;
    bool expandLast = false;
    bool object = false;
    bool group = false;
    bool wrap = false; // a template that is exactly "${expr}": the expression's value as is

    QString position() const { return file ? file->position(offset) : QString(); }
};

// The expression of tokens [e.first, e.last] of file->tree.
Result<NodePtr> parseExpression(const SourceFile *file, const hcl::Expr &e);

// The traversal an expression names (`aws_iam_user.developer["a"]`, `module.x`), as the text
// of an address, for moved blocks; empty when it is not a plain traversal with literal keys.
QString traversalAddress(const Node &n);

} // namespace kanri::terraform

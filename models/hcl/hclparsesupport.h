#pragma once

#include "hcl/hcllexer.h"

#include <vector>

// Pieces shared by the parsers that read HCL native-syntax expressions from a token list: the
// HCL parser (hclparser.cpp) and the Terraform evaluator's expression parser
// (terraform/tfexpr.cpp).
namespace kanri::hcl {

// How tightly a binary operator binds (hclsyntax's binaryOps table): 1 for "||", 2 for "&&",
// 3 for "==" and "!=", 4 for comparisons, 5 for "+" and "-", 6 for "*", "/" and "%"; 0 for a
// token that is no binary operator.
int binaryPrecedence(Tok t);

// Index of the first significant token at or after pos: comments are always skipped, line
// breaks when skipNewlines (inside brackets). Tokens after last count as Eof: the walk stops
// there.
int nextSignificant(const std::vector<Token> &tokens, int pos, int last, bool skipNewlines);

// Whether line breaks are skipped, as a stack: a guard pushes a mode for its scope (brackets
// ignore line breaks, a nested body or template sequence makes them count again).
struct NewlineMode
{
    NewlineMode(std::vector<bool> &s, bool ignore)
        : stack(s)
    {
        stack.push_back(ignore);
    }
    ~NewlineMode() { stack.pop_back(); }
    NewlineMode(const NewlineMode &) = delete;
    NewlineMode &operator=(const NewlineMode &) = delete;
    std::vector<bool> &stack;
};

// Counts nesting levels for its scope; a parser refuses more than MaxNestingDepth.
struct DepthGuard
{
    explicit DepthGuard(int &d)
        : depth(d)
    {
        ++depth;
    }
    ~DepthGuard() { --depth; }
    DepthGuard(const DepthGuard &) = delete;
    DepthGuard &operator=(const DepthGuard &) = delete;
    int &depth;
};

} // namespace kanri::hcl

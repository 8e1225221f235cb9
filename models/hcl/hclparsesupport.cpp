#include "hcl/hclparsesupport.h"

#include <algorithm>

namespace kanri::hcl {

int binaryPrecedence(Tok t)
{
    switch (t) {
    case Tok::Or:
        return 1;
    case Tok::And:
        return 2;
    case Tok::EqualOp:
    case Tok::NotEqual:
        return 3;
    case Tok::Lt:
    case Tok::Le:
    case Tok::Gt:
    case Tok::Ge:
        return 4;
    case Tok::Plus:
    case Tok::Minus:
        return 5;
    case Tok::Star:
    case Tok::Slash:
    case Tok::Percent:
        return 6;
    default:
        return 0;
    }
}

int nextSignificant(const std::vector<Token> &tokens, int pos, int last, bool skipNewlines)
{
    const int end = std::min(last + 1, int(tokens.size()));
    while (pos < end) {
        const Tok t = tokens[std::size_t(pos)].type;
        if (t == Tok::Comment || t == Tok::BlockComment || (skipNewlines && t == Tok::Newline))
            ++pos;
        else
            break;
    }
    return pos;
}

} // namespace kanri::hcl

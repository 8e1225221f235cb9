#include "commands.h"

#include <cstdio>

namespace kanri::cli {

// Placeholder until the GitHub client lands (owned by the GitHub work).
int runPr(const QStringList &)
{
    std::fputs("kanri pr: not available in this build\n", stderr);
    return 2;
}

} // namespace kanri::cli

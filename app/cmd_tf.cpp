#include "commands.h"

#include <cstdio>

namespace kanri::cli {

// Placeholder until the HCL engine lands (owned by the HCL work).
int runTf(const QStringList &)
{
    std::fputs("kanri tf: not available in this build\n", stderr);
    return 2;
}

} // namespace kanri::cli

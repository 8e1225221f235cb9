#include "commands.h"

#include <cstdio>

namespace kanri::cli {

// Placeholder until the kustomize engine lands (owned by the kustomize work).
int runRender(const QStringList &)
{
    std::fputs("kanri render: not available in this build\n", stderr);
    return 2;
}

} // namespace kanri::cli

#include "commands.h"

#include <cstdio>

namespace kanri::cli {

// Placeholders until models/git lands (owned by the git work).
static int unavailable(const char *name)
{
    std::fprintf(stderr, "kanri %s: not available in this build\n", name);
    return 2;
}

int runClone(const QStringList &)
{
    return unavailable("clone");
}
int runStatus(const QStringList &)
{
    return unavailable("status");
}
int runBranch(const QStringList &)
{
    return unavailable("branch");
}
int runCommit(const QStringList &)
{
    return unavailable("commit");
}
int runPush(const QStringList &)
{
    return unavailable("push");
}
int runPull(const QStringList &)
{
    return unavailable("pull");
}

} // namespace kanri::cli

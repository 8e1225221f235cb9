#include "git/gitlibrary.h"

#include <git2.h>

namespace kanri::git {

Library::Library()
{
    git_libgit2_init();
}
Library::~Library()
{
    git_libgit2_shutdown();
}
Library::Library(const Library &)
{
    git_libgit2_init();
}

} // namespace kanri::git

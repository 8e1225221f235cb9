#pragma once

namespace kanri::git {

// Keeps libgit2 initialised while it lives. git_libgit2_init/shutdown are reference counted
// and thread-safe, so every object that uses libgit2 simply holds one of these; the library
// is torn down when the last holder goes away. Copying takes another reference.
class Library
{
public:
    Library();
    ~Library();
    Library(const Library &);
    Library &operator=(const Library &) { return *this; }
};

} // namespace kanri::git

#pragma once

#include <QString>

// Who this kanri is: its version and git commit (taken when the build was configured), the Qt
// and libgit2 it runs with and the yaml-cpp it was built against; and where it keeps its files.
// `kanri --version`, the About dialog and the head of the log file all say the same.
namespace kanri::app {

struct BuildInfo
{
    QString version; // the project's version
    QString commit;  // `git describe` of the source tree, "unknown" outside a git checkout
    QString qt;      // qVersion(): the Qt library loaded at run time
    QString libgit2; // git_libgit2_version(): the libgit2 library loaded at run time
    QString yamlCpp; // the yaml-cpp the build found (it has no run-time version call)
};

BuildInfo buildInfo();
// BuildInfo::commit alone (buildcommit.cpp): no libgit2 call, for the programs that do not load
// it (the command line's `kanri`).
QString buildCommit();
// "kanri 0.1.0 (commit abc1234)\nQt 6.4.2 (runtime)\n..." as --version prints it.
QString versionText();

// Where the files are; valid once the application's organisation and name are set.
struct FileLocations
{
    QString settings; // QSettings' file
    QString data;     // QStandardPaths::AppDataLocation: journal, pulls, review queue, demo
    QString logs;     // data + "/log"
};

FileLocations fileLocations();

} // namespace kanri::app

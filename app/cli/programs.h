#pragma once

#include <QString>
#include <QStringList>

// Kanri is three programs, so that `kanri render` loads Qt Core, yaml-cpp and libyaml only
// (app/CMakeLists.txt): `kanri` renders in process and becomes (execv: same process, same
// arguments, same exit status) kanri-commands for the other subcommands and kanri-gui for the
// window. Those two lie beside `kanri` in the build tree and in libexec/kanri of an installed
// tree (KANRI_PROGRAMS_RELATIVE: the way from bin to there, set by app/cli/CMakeLists.txt).
namespace kanri::cli {

// The organisation, name and version every program of Kanri gives QCoreApplication (settings
// live under Kanri/kanri whichever program reads them).
void setApplicationIdentity();

// The folder of the running executable (/proc/self/exe), empty when it cannot be read.
QString executableDir();

// Where the program `name` is looked for from the folder `exeDir` of `kanri`, in order.
QStringList programCandidates(const QString &exeDir, const QString &name);

// The first candidate that is an executable file, empty when there is none.
QString findProgram(const QString &exeDir, const QString &name);

// Replaces the process with the program `name` found from this executable's folder, with the
// arguments argv (argv[0] kept). Returns only when it cannot (exit status 1, the reason on
// stderr).
int execProgram(const QString &name, char **argv);

} // namespace kanri::cli

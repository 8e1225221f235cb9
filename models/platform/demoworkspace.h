#pragma once

#include "platform/workspace.h"

namespace kanri::platform {

// Turns the demo platform shipped in the resources (a folder per repository under sourceRoot,
// normally ":/demo") into a workspace at targetDir: each repository copied, made a Git
// repository with one commit on main, and given a bare `origin` under targetDir/remotes so that
// commit and push work offline. The workspace is assembled in a sibling folder and renamed into
// place at the end, so a failure leaves no half-made workspace behind.
Result<Workspace> materialiseDemo(const QString &sourceRoot, const QString &targetDir);

// The workspace at dir. A folder that does not exist yet, or is empty, gets the demo
// platform first (the default workspace on a new machine).
Result<Workspace> openWorkspace(const QString &dir);

} // namespace kanri::platform

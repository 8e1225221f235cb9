#pragma once

#include "core/result.h"
#include "git/gitnetwork.h"

#include <QString>
#include <QStringList>

namespace kanri::git {

// Fetches explicit refspecs from a named remote of the repository at `repositoryPath`, e.g.
// "+refs/pull/7/head:refs/kanri/pull/7/head" or "+refs/heads/main:refs/remotes/origin/main",
// with the same credentials, progress and cancellation as Repository::fetch. The remote's
// configured refspecs are not used.
Result<void> fetchRefspecs(const QString &repositoryPath, const QString &remoteName,
                           const QStringList &refspecs, const NetworkOptions &options = {});

} // namespace kanri::git

#pragma once

// Network operations on a worker thread (QtConcurrent), for the GUI. Each opens its own
// Repository on the worker (libgit2 handles are not shared across threads). Cancel with
// QFuture::cancel() (or NetworkOptions::stop); watch with a QFutureWatcher owned by the
// caller. NetworkOptions::progress is called on the worker thread.

#include "git/gitrepository.h"

#include <QFuture>

namespace kanri::git {

QFuture<Result<void>> cloneAsync(const QString &url, const QString &path,
                                 NetworkOptions options = {});
QFuture<Result<void>> fetchAsync(const QString &repositoryPath, const QString &remote,
                                 NetworkOptions options = {});
QFuture<Result<void>> pushAsync(const QString &repositoryPath, const QString &remote,
                                const QString &branch, SetUpstream setUpstream,
                                NetworkOptions options = {});
QFuture<Result<PullResult>> pullAsync(const QString &repositoryPath, PullStrategy strategy,
                                      NetworkOptions options = {});

} // namespace kanri::git

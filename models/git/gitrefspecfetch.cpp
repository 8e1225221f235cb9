#include "git/gitrefspecfetch.h"

#include "git/giterrors.h"
#include "git/gitlibrary.h"
#include "git/gitoperation.h"

#include <git2.h>

#include <memory>
#include <vector>

namespace kanri::git {

using detail::gitFail;
using detail::tr;

Result<void> fetchRefspecs(const QString &repositoryPath, const QString &remoteName,
                           const QStringList &refspecs, const NetworkOptions &options)
{
    Library library;
    git_repository *rawRepo = nullptr;
    int rc = git_repository_open(&rawRepo, repositoryPath.toUtf8().constData());
    if (rc < 0)
        return gitFail(rc, tr("cannot open the repository %1").arg(repositoryPath));
    std::unique_ptr<git_repository, void (*)(git_repository *)> repo(rawRepo, git_repository_free);

    git_remote *rawRemote = nullptr;
    rc = git_remote_lookup(&rawRemote, repo.get(), remoteName.toUtf8().constData());
    if (rc < 0)
        return gitFail(rc, tr("no remote named %1").arg(remoteName));
    std::unique_ptr<git_remote, void (*)(git_remote *)> remote(rawRemote, git_remote_free);

    std::vector<QByteArray> bytes;
    bytes.reserve(size_t(refspecs.size()));
    for (const QString &spec : refspecs)
        bytes.push_back(spec.toUtf8());
    std::vector<char *> pointers;
    for (QByteArray &b : bytes)
        pointers.push_back(b.data());
    git_strarray specs{pointers.data(), pointers.size()};

    detail::Operation operation(options, QString::fromUtf8(git_remote_url(remote.get())));
    git_fetch_options fetchOptions = GIT_FETCH_OPTIONS_INIT;
    operation.install(fetchOptions.callbacks);
    rc = git_remote_fetch(remote.get(), refspecs.isEmpty() ? nullptr : &specs, &fetchOptions,
                          nullptr);
    if (rc < 0)
        return std::unexpected(
            operation.failure(rc, tr("cannot fetch from %1").arg(operation.displayUrl())));
    TransferProgress done;
    done.stage = TransferProgress::Stage::Done;
    operation.report(done, true);
    return {};
}

} // namespace kanri::git

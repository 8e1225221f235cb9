#include "git/gitasync.h"

#include "core/workerpool.h"
#include <QPromise>
#include <QtConcurrentRun>

namespace kanri::git {

namespace {

// Adds the promise's cancellation to whatever the caller already asked for.
template<typename T> NetworkOptions withPromise(NetworkOptions options, const QPromise<T> *promise)
{
    std::function<bool()> callerCheck = std::move(options.isCancelled);
    options.isCancelled = [promise, callerCheck] {
        return promise->isCanceled() || (callerCheck && callerCheck());
    };
    return options;
}

template<typename T, typename Work> QFuture<Result<T>> runAsync(Work work)
{
    return QtConcurrent::run(taskPool(), [work = std::move(work)](QPromise<Result<T>> &promise) {
        promise.addResult(work(promise));
    });
}

} // namespace

QFuture<Result<void>> cloneAsync(const QString &url, const QString &path, NetworkOptions options)
{
    return runAsync<void>([=](QPromise<Result<void>> &promise) -> Result<void> {
        auto cloned = Repository::clone(url, path, withPromise(options, &promise));
        if (!cloned)
            return std::unexpected(cloned.error());
        return {};
    });
}

QFuture<Result<void>> fetchAsync(const QString &repositoryPath, const QString &remote,
                                 NetworkOptions options)
{
    return runAsync<void>([=](QPromise<Result<void>> &promise) -> Result<void> {
        auto repo = Repository::open(repositoryPath);
        if (!repo)
            return std::unexpected(repo.error());
        return repo->fetch(remote, withPromise(options, &promise));
    });
}

QFuture<Result<void>> pushAsync(const QString &repositoryPath, const QString &remote,
                                const QString &branch, SetUpstream setUpstream,
                                NetworkOptions options)
{
    return runAsync<void>([=](QPromise<Result<void>> &promise) -> Result<void> {
        auto repo = Repository::open(repositoryPath);
        if (!repo)
            return std::unexpected(repo.error());
        return repo->push(remote, branch, setUpstream == SetUpstream::Yes,
                          withPromise(options, &promise));
    });
}

QFuture<Result<PullResult>> pullAsync(const QString &repositoryPath, PullStrategy strategy,
                                      NetworkOptions options)
{
    return runAsync<PullResult>([=](QPromise<Result<PullResult>> &promise) -> Result<PullResult> {
        auto repo = Repository::open(repositoryPath);
        if (!repo)
            return std::unexpected(repo.error());
        return repo->pull(strategy, withPromise(options, &promise));
    });
}

} // namespace kanri::git

#pragma once

#include "app/gitcontroller.h"
#include "core/result.h"
#include "git/githostkeytrust.h"
#include "git/gitnetwork.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <stop_token>

class QMessageBox;

namespace kanri::ui {
class GitProgressDialog;
}

namespace kanri::app {

// Runs the Repository menu's network work (clone, push, pull) one at a time on a worker, with
// progress and Cancel, and asks about an SSH host key no known_hosts file records (the worker
// refuses it without waiting; the operation runs again once the user trusted it).
class GitNetworkRunner : public QObject
{
    Q_OBJECT

public:
    explicit GitNetworkRunner(GitController *git);
    ~GitNetworkRunner() override;

    bool isBusy() const { return m_busy; }
    // `start` gets `options` wired to progress, Cancel and the host keys trusted in this
    // session; `done` gets the result on the GUI thread. Progress of an older operation is
    // dropped.
    template<typename T>
    void run(git::NetworkOptions options,
             std::function<QFuture<Result<T>>(git::NetworkOptions)> start,
             std::function<void(const Result<T> &)> done,
             std::function<void(const git::TransferProgress &)> progress);
    void cancel();

    // The host key the last operation refused, if any (and forgets it).
    std::optional<git::HostKeyInfo> takeRefusedHostKey();
    void askHostKey(const git::HostKeyInfo &key, std::function<void()> retry,
                    std::function<void()> giveUp);
    QMessageBox *hostKeyDialog() const;

    // The push and pull progress dialog (Cancel stops the operation).
    ui::GitProgressDialog *ensureProgressDialog();
    ui::GitProgressDialog *progressDialog() const;

private:
    void setBusy(bool busy);
    void prepare(git::NetworkOptions &options,
                 std::function<void(const git::TransferProgress &)> progress);

    GitController *m_git;
    bool m_busy = false;
    std::stop_source m_stop;
    quint64 m_generation = 0;
    std::function<void()> m_waitForWorker;
    std::shared_ptr<git::HostKeyTrust> m_hostKeys = std::make_shared<git::HostKeyTrust>();
    QPointer<QMessageBox> m_hostKeyDialog;
    QPointer<ui::GitProgressDialog> m_progressDialog;
};

template<typename T>
void GitNetworkRunner::run(git::NetworkOptions options,
                           std::function<QFuture<Result<T>>(git::NetworkOptions)> start,
                           std::function<void(const Result<T> &)> done,
                           std::function<void(const git::TransferProgress &)> progress)
{
    setBusy(true);
    prepare(options, std::move(progress));
    QFuture<Result<T>> future = start(std::move(options));
    m_waitForWorker = [future]() mutable { future.waitForFinished(); };
    auto *watcher = new QFutureWatcher<Result<T>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done] {
        watcher->deleteLater();
        m_waitForWorker = {};
        setBusy(false);
        const QFuture<Result<T>> f = watcher->future();
        const Result<T> result =
            f.resultCount() > 0
                ? f.result()
                : Result<T>(fail(Error::Code::Cancelled, GitController::tr("cancelled")));
        done(result);
    });
    watcher->setFuture(future);
}

} // namespace kanri::app

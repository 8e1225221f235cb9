#pragma once

#include "github/githuberror.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QObject>
#include <QThread>

#include <optional>

namespace kanri::github {

// Runs one asynchronous client call to completion in a local event loop, for the command line
// and worker threads. `start` receives a context object and the callback to pass on:
//
//   auto user = waitFor<User>([&](QObject *context, auto done) {
//       client.currentUser(context, std::move(done));
//   });
//
// Refuses to run on the GUI thread of a QGuiApplication: a nested loop there re-enters widgets.
template<typename T, typename Start> ApiResult<T> waitFor(Start &&start)
{
    const QCoreApplication *app = QCoreApplication::instance();
    if (app && app->inherits("QGuiApplication") && QThread::currentThread() == app->thread())
        return apiFail(ApiError::Kind::Usage,
                       QCoreApplication::translate("kanri::github::waitFor",
                                                   "blocking GitHub call on the GUI thread"));
    QEventLoop loop;
    QObject context;
    std::optional<ApiResult<T>> result;
    start(&context, [&](ApiResult<T> answer) {
        result = std::move(answer);
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

} // namespace kanri::github

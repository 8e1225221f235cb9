#pragma once

#include "core/workerpool.h"

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrentRun>

#include <utility>

namespace kanri::app {

// Runs `work` on a thread of kanri::taskPool() (which a screenshot waits for) and `done` with its
// result on `context`'s thread; nothing is called back once `context` is gone.
template<typename T, typename Work, typename Done>
void runOffThread(QObject *context, Work work, Done done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(taskPool(), std::move(work)));
}

} // namespace kanri::app
